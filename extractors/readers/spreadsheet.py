"""Excel and LibreOffice spreadsheets (.xlsx, .xlsm, .xls, .ods) as a document: the plan sheet(s) as
tables, everything else as paragraphs.

A plan in Excel is a sheet whose rows hold a plan header («№ | Мероприятие | Срок | Ответственный»):
the rows above it (title and approval, often in merged cells) are the title block, the rows from it down
are the table, and trailing lines under the table (a signature) are paragraphs again. A cover sheet before
the plan is title block too. A plan continued over several sheets gives one table per sheet, which
assembly reads as one plan. A merged range is one cell: its span across columns, and on every row below
its first it is the same cell again (`merged_from_above`), so a deadline merged over three rows applies to
each of them.

Where the values come from (`spreadsheet_books.py`) differs by format; this module only sees `Sheet`s.
"""

from typing import NamedTuple

from extractors.tables.cell_text import clean_cell
from extractors.tables.columns import is_plan_header
from schemas import Cell, DocumentContent, Message, Paragraph, RawRow, RawTable, message


class Sheet(NamedTuple):
    name: str
    rows: list[list[str]]  # each cell's text as the program displays it; merged cells hold it top-left
    merges: list[tuple[int, int, int, int]]  # (first row, first col, last row, last col), 0-based, inclusive
    hidden: bool = False


class Grid(NamedTuple):
    """A sheet with its merges resolved: each slot's owning range (top-left row and column, span, height)."""

    texts: list[list[str]]
    owner: dict[tuple[int, int], tuple[int, int, int, int]]


def sheets_to_content(sheets: list[Sheet], fmt: str) -> DocumentContent:
    content = DocumentContent(format=fmt)
    position = 0
    for sheet in sheets:
        if sheet.hidden:
            content.notes.append(hidden_sheet(sheet.name))
            continue
        grid = sheet_to_grid(sheet)
        header = find_plan_header(grid)
        if header is None:
            position = add_paragraphs(content, grid, range(len(grid.texts)), position)
            continue
        last = last_table_row(grid, header)
        position = add_paragraphs(content, grid, range(header), position)
        content.tables.append(rows_to_table(grid, header, last, len(content.tables) + 1))
        content.table_positions.append(position)
        position = add_paragraphs(content, grid, range(last + 1, len(grid.texts)), position + 1)
    return content


def hidden_sheet(name: str) -> Message:
    return message("note.sheet_hidden", sheet=name)


def sheet_to_grid(sheet: Sheet) -> Grid:
    width = max((len(row) for row in sheet.rows), default=0)
    texts = [[(row[c] if c < len(row) else "") or "" for c in range(width)] for row in sheet.rows]
    owner = {}
    for r0, c0, r1, c1 in sheet.merges:
        for r in range(r0, min(r1, len(texts) - 1) + 1):
            for c in range(c0, min(c1, width - 1) + 1):
                owner[(r, c)] = (r0, c0, c1 - c0 + 1, r1 - r0 + 1)
    return Grid(texts, owner)


def find_plan_header(grid: Grid) -> int | None:
    for index, row in enumerate(grid.texts):
        if is_plan_header([clean_cell(text) for text in row]):
            return index
    return None


def filled_slots(grid: Grid, r: int) -> list[int]:
    """Columns of row r that start a filled cell (a merged range counts once, where its text is)."""
    return [c for c, text in enumerate(grid.texts[r]) if text.strip() and grid.owner.get((r, c), (r, c))[:2] == (r, c)]


def last_table_row(grid: Grid, header: int) -> int:
    """The table runs down to its last row with two or more cells, or a range as wide as the table, or a
    continuing merge; lines under it with one short cell (a signature, «Исполнитель: …») are not rows."""
    width = len([t for t in grid.texts[header] if t.strip()])
    for r in range(len(grid.texts) - 1, header, -1):
        starts = filled_slots(grid, r)
        spans = [grid.owner.get((r, c), (r, c, 1, 1))[2] for c in starts]
        continues = any(grid.owner.get((r, c), (r,))[0] < r for c in range(len(grid.texts[r])))
        if len(starts) >= 2 or any(span >= width - 1 for span in spans) or continues:
            return r
    return header


def used_columns(grid: Grid, first: int, last: int) -> range:
    columns = [c for r in range(first, last + 1) for c in range(len(grid.texts[r]))
               if grid.texts[r][c].strip() or (r, c) in grid.owner]
    return range(min(columns), max(columns) + 1) if columns else range(0)


def rows_to_table(grid: Grid, first: int, last: int, index: int) -> RawTable:
    columns = used_columns(grid, first, last)
    rows = []
    for number, r in enumerate(range(first, last + 1), 1):
        cells = [cell for c in columns if (cell := slot_to_cell(grid, r, c, columns)) is not None]
        rows.append(RawRow(cells=cells, index=number, is_header=r == first))
    return RawTable(index=index, n_cols=len(columns), rows=rows)


def slot_to_cell(grid: Grid, r: int, c: int, columns: range) -> Cell | None:
    """A grid slot as a cell, or None when a range that starts to its left covers it."""
    col = c - columns.start
    if (r, c) not in grid.owner:
        return Cell(text=grid.texts[r][c], col=col)
    r0, c0, span, _ = grid.owner[(r, c)]
    if c0 != c and c != columns.start:
        return None
    span = min(span - (c - c0), columns.stop - c)
    return Cell(text=grid.texts[r0][c0], col=col, span=span, merged_from_above=r0 < r)


def add_paragraphs(content: DocumentContent, grid: Grid, rows: range, position: int) -> int:
    """Each filled cell a paragraph (a merged title block is one), each of its lines one; returns the next
    free position."""
    for r in rows:
        for c in filled_slots(grid, r):
            for line in grid.texts[r][c].splitlines():
                if line.strip():
                    content.paragraphs.append(Paragraph(text=line.strip(), position=position))
                    position += 1
    return position
