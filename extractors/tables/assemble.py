"""From a document's raw tables to plan rows: find the plan table(s), keep their sections, and account
for every other table (read, or skipped and why).

A plan may come as one table or split into several: one per section, each under a heading paragraph
(«1. Организационные мероприятия» — the section of the rows under it), and continuation tables after a
page break, with the header repeated or without one (a table without a header of its own continues the
plan table before it when it has the same columns). A plan table with nothing under its header, or only
a blank template («___», «1 2 3 4», empty rows), is an empty plan, never a plan of zero activities.
"""

from typing import NamedTuple

from extractors.tables.cell_text import clean_cell
from extractors.tables.columns import header_roles
from extractors.tables.header import HEADER_SEARCH_ROWS, PlanHeader, find_plan_header
from extractors.tables.list_plans import looks_like_closing_line, paragraphs_to_list_table
from extractors.tables.rows import SECTION_MARK, table_to_plan_rows
from schemas import DocumentContent, NoPlanTableError, Paragraph, PlanRow, RawTable, SkippedTable, message

LONGEST_HEADING = 200  # characters; a section heading is a line, not a paragraph of text
LONGEST_HEADER_CELL = 60  # characters
CONTENT_ROLES = {"title", "deadline", "responsible", "description"}


class AssembledPlan(NamedTuple):
    rows: list[PlanRow]
    header_text: str  # the paragraphs above the first plan table: title, approval, election
    tables_read: list[int] = []
    tables_skipped: list[SkippedTable] = []


class Reading(NamedTuple):
    """What the tables before this one left: the plan table to continue, the section in force."""

    header: PlanHeader | None = None
    section: str | None = None
    position: int = -1


def content_to_plan_rows(content: DocumentContent) -> AssembledPlan:
    """Raises NoPlanTableError when neither a plan table nor a labelled list is found, and when the plan
    found has no activities."""
    rows: list[PlanRow] = []
    read: list[int] = []
    skipped: list[SkippedTable] = []
    first_position, headings = None, set()
    state = Reading()
    for table, position in zip(content.tables, content.table_positions):
        between = [p for p in content.paragraphs if state.position < p.position < position]
        heading = section_heading(between, first=first_position is None)
        header = find_plan_header(table) or continued_header(table, state.header)
        if header is None:
            skipped.append(skipped_table(table, "table.not_plan"))
            state = Reading(None, state.section, position)
            continue
        if heading is not None:
            headings.add(heading.position)
        section = heading.text if heading is not None else state.section
        table_rows, section = table_to_plan_rows(table, header, section)
        if table_rows:
            read.append(table.index)
        else:
            skipped.append(skipped_table(table, "table.empty"))
        first_position = position if first_position is None else first_position
        rows += table_rows
        state = Reading(header, section, position)
    if first_position is None:
        return list_plan(content)
    if not rows:
        raise NoPlanTableError("plan.empty")
    header_text = "\n".join(p.text for p in content.paragraphs
                            if p.position < first_position and p.position not in headings)
    return AssembledPlan(rows, header_text, read, skipped)


def list_plan(content: DocumentContent) -> AssembledPlan:
    listed = paragraphs_to_list_table(content)
    if not listed:
        raise no_table_error(content)
    table, position = listed
    header = find_plan_header(table)
    rows, _ = table_to_plan_rows(table, header, None)
    header_text = "\n".join(p.text for p in content.paragraphs if p.position < position)
    return AssembledPlan(rows, header_text)


def no_table_error(content: DocumentContent) -> NoPlanTableError:
    if content.format == "html":  # a page the sender took for the plan: say it is a page
        return NoPlanTableError("web.no_plan")
    if content.format == "image":
        return NoPlanTableError("image.no_table")
    if content.ocr_pages:
        return NoPlanTableError("scan.no_table", pages=len(content.ocr_pages))
    if content.tables:
        return NoPlanTableError("plan.no_plan_table", tables=len(content.tables))
    return NoPlanTableError("plan.no_table")


def section_heading(between: list[Paragraph], first: bool) -> Paragraph | None:
    """The heading paragraph right above a table, if there is one. Above the first table only a marked
    heading counts («1. …», «I. …», «Раздел …») — the lines above it are the title block."""
    candidates = [p for p in between if not looks_like_closing_line(p.text)]
    if not candidates:
        return None
    last = candidates[-1]
    if len(last.text) > LONGEST_HEADING or not SECTION_MARK.match(last.text):
        return None
    return last if not first or last is between[-1] else None


def continued_header(table: RawTable, previous: PlanHeader | None) -> PlanHeader | None:
    """A table with no header of its own continues the plan table before it when it has the same
    columns; its rows are all body."""
    if previous is None or table.n_cols != previous.n_cols or names_columns(table):
        return None
    return previous._replace(body_start=0)


def names_columns(table: RawTable) -> bool:
    """Whether one of the first rows is a header of some kind: it names «№» or two column roles (a data row
    may hold one header word by chance: «Выдача направлений»)."""
    return any(len(roles) >= 2 or "number" in roles for roles in first_rows_roles(table))


def first_rows_roles(table: RawTable) -> list[set[str]]:
    """The roles each of the first rows names in its short cells (a long cell is text, not a header)."""
    return [set(header_roles([t if len(t) <= LONGEST_HEADER_CELL else "" for t in
                              (clean_cell(c.text) for c in row.cells)]).values())
            for row in table.rows[:HEADER_SEARCH_ROWS]]


def skipped_table(table: RawTable, code: str) -> SkippedTable:
    where = f" на с. {table.page}" if table.page else ""
    if code == "table.empty":
        reason = message("table.empty", table=table.index, where=where)
    else:
        reason = message("table.not_plan", table=table.index, where=where)
    return SkippedTable(table=table.index, page=table.page, reason=reason,
                        may_hold_activities=code == "table.not_plan" and might_hold_activities(table))


def might_hold_activities(table: RawTable) -> bool:
    """A skipped table that looks like part of a plan: one of its first rows is a header naming a plan column
    («Срок», «Ответственный» — not just «№»), though not the ones a plan table is read by."""
    return any(len(roles) >= 2 and roles & CONTENT_ROLES for roles in first_rows_roles(table))
