"""From a document's raw tables to plan rows: find the activity table(s), map columns to roles, turn
full-width rows into sections, and keep every row's provenance (page, table, row)."""

import re
from typing import NamedTuple

from extractors.tables.cell_text import clean_cell
from extractors.tables.columns import header_roles, is_plan_header
from extractors.tables.list_plans import paragraphs_to_list_table
from schemas import Cell, DocumentContent, NoPlanTableError, PlanRow, RawRow, RawTable

HEADER_SEARCH_ROWS = 5
SECTION_MARK = re.compile(r"^\s*([IVXLC]+|\d{1,2}|[А-Я])[.)]\s+\S|^\s*(Раздел|Часть)\s", re.IGNORECASE)


class AssembledPlan(NamedTuple):
    rows: list[PlanRow]
    header_text: str  # the paragraphs above the first plan table: title, approval, election


def content_to_plan_rows(content: DocumentContent) -> AssembledPlan:
    """Raises NoPlanTableError when neither a plan table nor a labelled list is found."""
    found = [(t, pos, h) for t, pos in zip(content.tables, content.table_positions)
             if (h := find_header(t)) is not None]
    if not found and (listed := paragraphs_to_list_table(content)):
        table, position = listed
        found = [(table, position, 0)]
    if not found:
        raise no_table_error(content)
    rows: list[PlanRow] = []
    for table, _, header_index in found:
        rows += table_to_plan_rows(table, header_index)
    first_position = found[0][1]
    header_text = "\n".join(p.text for p in content.paragraphs if p.position < first_position)
    return AssembledPlan(rows, header_text)


def no_table_error(content: DocumentContent) -> NoPlanTableError:
    if content.format == "image":
        return NoPlanTableError("image.no_table")
    if content.ocr_pages:
        return NoPlanTableError("scan.no_table", pages=len(content.ocr_pages))
    if content.tables:
        return NoPlanTableError("plan.no_plan_table", tables=len(content.tables))
    return NoPlanTableError("plan.no_table")


def find_header(table: RawTable) -> int | None:
    for i, row in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        if is_plan_header([clean_cell(t) for t in row.texts]):
            return i
    return None


def table_to_plan_rows(table: RawTable, header_index: int) -> list[PlanRow]:
    header = [clean_cell(t) for t in table.rows[header_index].texts]
    roles = header_roles(header)
    role_cols = {role: table.rows[header_index].cells[i].col for i, role in roles.items()}
    rows, section = [], None
    for row in table.rows[header_index + 1:]:
        texts = [clean_cell(c.text) for c in row.cells]
        if not any(texts) or texts == header or is_column_numbers(texts):
            continue
        if is_section(row, texts, table.n_cols):
            section = next(t for t in texts if t)
            continue
        if plan_row := raw_row_to_plan_row(row, role_cols, section, table.index):
            rows.append(plan_row)
    return rows


def is_column_numbers(texts: list[str]) -> bool:
    """The «1 | 2 | 3 | 4» row many Russian tables put under the header."""
    return all(t.rstrip(".").isdigit() for t in texts) and [int(t.rstrip(".")) for t in texts] == list(
        range(1, len(texts) + 1))


def is_section(row: RawRow, texts: list[str], n_cols: int) -> bool:
    filled = [c for c, t in zip(row.cells, texts) if t]
    if len(filled) != 1 or n_cols < 2:
        return False
    return filled[0].span >= n_cols - 1 or len(row.cells) == 1 or bool(SECTION_MARK.match(texts[0]))


def raw_row_to_plan_row(row: RawRow, role_cols: dict[str, int], section, table_index) -> PlanRow | None:
    def cell_of(role: str) -> Cell | None:
        col = role_cols.get(role)
        return next((c for c in row.cells if c.col <= (col if col is not None else -1) < c.col + c.span), None)

    def text_of(role: str) -> str:
        cell = cell_of(role)
        return clean_cell(cell.text) if cell is not None else ""

    title = text_of("title") or text_of("description")
    if not title:
        return None
    return PlanRow(
        section=section, seq=text_of("number") or None, title=title,
        description=(text_of("description") or None) if text_of("title") else None,
        deadline_raw=text_of("deadline"), responsible_raw=text_of("responsible"),
        note=text_of("note") or None, source_page=row.page, source_table=table_index, source_row=row.index,
        # with a «№» column a fragment is told by its empty number; without one, the join was a guess
        joined_pages=[] if "number" in role_cols else row.joined_pages,
        extraction=row.extraction,
        confidence={role: cell.confidence for role in role_cols
                    if (cell := cell_of(role)) is not None and cell.confidence is not None and text_of(role)},
    )
