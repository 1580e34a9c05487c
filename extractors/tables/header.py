"""Where a plan table's header is and which grid columns hold each role.

A header may have two levels: a parent cell merged over sub-columns («Сроки» over «начало» / «окончание»,
«Ответственный» over «ФИО» / «должность»). The parent names the role and all its sub-columns belong to
it; the sub-header row is part of the header, never an activity. A parent that names no role
(«Исполнение» over «Срок» / «Ответственный») leaves each sub-column to name its own.
"""

from typing import NamedTuple

from extractors.tables.cell_text import clean_cell
from extractors.tables.columns import is_plan_header, role_of
from schemas import Cell, RawRow, RawTable

HEADER_SEARCH_ROWS = 5
LONGEST_SUBHEADER = 40  # characters: «окончание», «должность», «ФИО» — not a title or a sentence


class PlanHeader(NamedTuple):
    body_start: int  # the first row below the header
    role_cols: dict[str, list[int]]  # role → the grid columns it reads, left to right
    header_texts: list[list[str]]  # each header row's clean texts, to skip the header Word repeats
    n_cols: int


def find_plan_header(table: RawTable) -> PlanHeader | None:
    for i, row in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        texts = [clean_cell(c.text) for c in row.cells]
        if not is_plan_header(texts):
            continue
        below = table.rows[i + 1] if i + 1 < len(table.rows) else None
        sub = below if below is not None and is_subheader(row, below) else None
        header_texts = [texts] + ([[clean_cell(c.text) for c in sub.cells]] if sub else [])
        return PlanHeader(i + 1 + bool(sub), role_columns(row, sub), header_texts, table.n_cols)
    return None


def is_subheader(header: RawRow, below: RawRow) -> bool:
    """The row under a header whose merged parents it splits: under every parent spanning several
    columns, short labels; elsewhere nothing new (the cells merged down from the header, or empty)."""
    parents = [c for c in header.cells if c.span > 1]
    if not parents:
        return False
    for cell in below.cells:
        text = clean_cell(cell.text)
        under_parent = any(p.col <= cell.col < p.col + p.span for p in parents)
        if under_parent and (not text or len(text) > LONGEST_SUBHEADER or text.rstrip(".").isdigit()):
            return False
        if not under_parent and text and not cell.merged_from_above:
            return False
    return True


def role_columns(header: RawRow, sub: RawRow | None) -> dict[str, list[int]]:
    """Role → columns; each role once, the leftmost header cell naming it wins."""
    roles: dict[str, list[int]] = {}
    for cell in header.cells:
        for role, cols in cell_roles(cell, sub):
            roles.setdefault(role, cols)
    return roles


def cell_roles(cell: Cell, sub: RawRow | None) -> list[tuple[str, list[int]]]:
    children = subcells(cell, sub)
    role = role_of(clean_cell(cell.text))
    if role:
        return [(role, [c.col for c in children] or [cell.col])]
    return [(r, [c.col]) for c in children if (r := role_of(clean_cell(c.text)))]


def subcells(cell: Cell, sub: RawRow | None) -> list[Cell]:
    if sub is None or cell.span < 2:
        return []
    return [c for c in sub.cells if cell.col <= c.col < cell.col + cell.span]
