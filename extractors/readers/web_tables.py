"""An HTML <table> as a raw table: the HTML table model's grid, where a cell with rowspan occupies the
slots below it (those rows get the same cell again, `merged_from_above`) and colspan is the cell's span."""

from collections.abc import Callable

from schemas import Cell, RawRow, RawTable

MAX_SPAN = 100  # a rowspan/colspan of thousands is a broken page, not a plan
LinesOf = Callable[[object], list[tuple[str, bool]]]


def table_to_raw(table, index: int, lines_of: LinesOf) -> RawTable:
    """`lines_of(td)` gives a cell's lines, each with whether it is a list item (written «• »)."""
    pending: dict[tuple[int, int], Cell] = {}  # (row, col) → the cell a rowspan from above puts there
    rows, n_cols = [], 0
    for number, tr in enumerate(table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"), 1):
        cells, col = [], 0
        for td in tr.xpath("./td|./th"):
            col = take_pending(pending, number, col, cells)
            span, height = span_of(td, "colspan"), span_of(td, "rowspan")
            cell = Cell(text=cell_text(td, lines_of), col=col, span=span)
            cells.append(cell)
            for below in range(1, height):
                pending[(number + below, col)] = cell.model_copy(update={"merged_from_above": True})
            col += span
        for (r, c) in sorted(k for k in pending if k[0] == number):
            cells.append(pending.pop((r, c)))
        cells.sort(key=lambda cell: cell.col)
        n_cols = max([n_cols] + [c.col + c.span for c in cells])
        rows.append(RawRow(cells=cells, index=number, is_header=is_header_row(tr)))
    return RawTable(index=index, n_cols=n_cols, rows=rows)


def take_pending(pending: dict, row: int, col: int, cells: list[Cell]) -> int:
    """Slots a rowspan from above fills come before the next cell of this row."""
    while (row, col) in pending:
        cell = pending.pop((row, col))
        cells.append(cell)
        col += cell.span
    return col


def span_of(td, attribute: str) -> int:
    try:
        value = int((td.get(attribute) or "1").strip())
    except ValueError:
        return 1
    return min(max(value, 1), MAX_SPAN)


def cell_text(td, lines_of: LinesOf) -> str:
    return "\n".join(("• " + text) if item else text for text, item in lines_of(td))


def is_header_row(tr) -> bool:
    cells = tr.xpath("./td|./th")
    return tr.getparent().tag == "thead" or (bool(cells) and all(c.tag == "th" for c in cells))
