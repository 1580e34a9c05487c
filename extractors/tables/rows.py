"""A plan table's body rows to plan rows: full-width rows become the section of the rows under them,
the «1 | 2 | 3 | 4» row and blank template rows («___») are skipped, and each role's cell text is read
from its columns (two sub-columns of one role joined as columns.py says)."""

import re

from extractors.tables.cell_text import clean_cell, is_blank
from extractors.tables.columns import SUBCOLUMN_JOINERS, role_of
from extractors.tables.header import PlanHeader
from schemas import Cell, PlanRow, RawRow, RawTable

SECTION_MARK = re.compile(r"^\s*([IVXLC]+|\d{1,2}|[А-Я])[.)]\s+\S|^\s*(Раздел|Часть)\s", re.IGNORECASE)


def table_to_plan_rows(table: RawTable, header: PlanHeader, section: str | None) -> tuple[list[PlanRow], str | None]:
    """The table's activities, and the section in force after its last row (a continuation table goes
    on under it)."""
    rows, under_header = [], True
    for row in table.rows[header.body_start:]:
        texts = [clean_cell(c.text) for c in row.cells]
        if all(is_blank(t) for t in texts) or texts in header.header_texts or is_column_numbers(texts):
            continue
        if under_header and names_its_columns(row, header.role_cols):
            continue  # the second and third rows of a multi-row header («№ | Основные мероприятия | …»)
        under_header = False
        if is_section(row, texts, table.n_cols):
            section = next(t for t in texts if t)
            continue
        if plan_row := raw_row_to_plan_row(row, header.role_cols, section, table.index):
            rows.append(plan_row)
    return rows, section


def is_column_numbers(texts: list[str]) -> bool:
    """The «1 | 2 | 3 | 4» row many Russian tables put under the header."""
    return all(t.rstrip(".").isdigit() for t in texts) and [int(t.rstrip(".")) for t in texts] == list(
        range(1, len(texts) + 1))


def names_its_columns(row: RawRow, role_cols: dict[str, list[int]]) -> bool:
    """A header row, not an activity: every filled cell of the plan's columns names its own column
    («№ заказа», «Наименование предмета контракта», «Ответственные»), and there are at least two."""
    filled = {role: text for role, cols in role_cols.items() if (text := role_text(row, cols, role))}
    return len(filled) >= 2 and all(role_of(text) == role for role, text in filled.items())


def is_section(row: RawRow, texts: list[str], n_cols: int) -> bool:
    filled = [c for c, t in zip(row.cells, texts) if t]
    if len(filled) != 1 or n_cols < 2:
        return False
    return filled[0].span >= n_cols - 1 or len(row.cells) == 1 or bool(SECTION_MARK.match(texts[0]))


def role_cells(row: RawRow, cols: list[int] | None) -> list[Cell]:
    """The cells under a role's columns; a cell merged over several of them counts once."""
    cells = []
    for col in cols or []:
        cell = next((c for c in row.cells if c.col <= col < c.col + c.span), None)
        if cell is not None and all(cell is not seen for seen in cells):
            cells.append(cell)
    return cells


def role_text(row: RawRow, cols: list[int] | None, role: str) -> str:
    texts = [t for t in (clean_cell(c.text) for c in role_cells(row, cols)) if t]
    return SUBCOLUMN_JOINERS.get(role, " ").join(texts)


def role_confidence(row: RawRow, cols: list[int] | None) -> float | None:
    """The lowest recognition confidence of a role's cells that hold text (cells read by OCR only)."""
    found = [c.confidence for c in role_cells(row, cols) if c.confidence is not None and clean_cell(c.text)]
    return min(found) if found else None


def raw_row_to_plan_row(row: RawRow, role_cols: dict[str, list[int]], section, table_index) -> PlanRow | None:
    def text_of(role: str) -> str:
        return role_text(row, role_cols.get(role), role)

    title = text_of("title") or text_of("description")
    if is_blank(title):
        return None
    return PlanRow(
        section=section, seq=text_of("number") or None, title=title,
        description=(text_of("description") or None) if text_of("title") else None,
        deadline_raw=text_of("deadline"), responsible_raw=text_of("responsible"),
        note=text_of("note") or None, source_page=row.page, source_table=table_index, source_row=row.index,
        # with a «№» column a fragment is told by its empty number; without one, the join was a guess
        joined_pages=[] if "number" in role_cols else row.joined_pages,
        extraction=row.extraction,
        confidence={role: found for role, cols in role_cols.items()
                    if (found := role_confidence(row, cols)) is not None},
    )
