"""One logical table from its per-page pieces.

Word repeats a header row marked «повторять как заголовок» on every page and lets a row break across a
page, leaving a fragment at the top of the next page. pdfplumber sees each page alone (its #232), so:
pieces with the same column positions are one table, a repeated header row is dropped, and a fragment
row (empty first cell, and either an empty cell or only continuing — lower-case — text) is joined into
the row above.

Pieces read by OCR (extractors/readers/ocr) come with their cells built (confidence, vertical merges).
Their repeated header may be read with a letter off, and a scanner places each sheet a little differently,
so for them a header is matched by similarity and columns by their widths rather than their positions.
"""

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from schemas import Cell, RawRow, RawTable
from schemas.content import Extraction

COLUMN_TOLERANCE = 6.0  # points
SCANNED_COLUMN_TOLERANCE = 0.04  # of the table's width: column widths of scanned pages of one table
SCANNED_HEADER_SIMILARITY = 0.9


@dataclass
class PageTable:
    page: int
    rows: list[list[str | None]]  # None marks a slot covered by a merged cell
    column_x: list[float] = field(default_factory=list)
    top: float = 0.0
    bordered: bool = True
    numbered: bool = False  # borderless only: rows start where the «№» column holds a number
    cells: list[list[Cell]] | None = None  # built by the reader (OCR); else made from `rows`
    extraction: Extraction = "text"

    @classmethod
    def from_pdfplumber(cls, table, page: int) -> "PageTable":
        xs = sorted({round(c[0], 1) for c in table.cells})
        return cls(page=page, rows=table.extract(), column_x=xs, top=table.bbox[1])


def stitch_page_tables(pieces: list[PageTable]) -> list[RawTable]:
    tables: list[RawTable] = []
    previous: PageTable | None = None
    for piece in pieces:
        if tables and continues(previous, piece):
            append_piece(tables[-1], piece)
        else:
            tables.append(RawTable(index=len(tables) + 1, n_cols=len(piece.column_x) or width(piece),
                                   rows=[], page=piece.page, bordered=piece.bordered))
            append_piece(tables[-1], piece)
        previous = piece
    return tables


def width(piece: PageTable) -> int:
    return max((len(r) for r in piece.rows), default=0)


def continues(previous: PageTable | None, piece: PageTable) -> bool:
    if previous is None or piece.page != previous.page + 1 or width(piece) != width(previous):
        return False
    if len(piece.column_x) != len(previous.column_x):
        return False
    if "ocr" in (piece.extraction, previous.extraction):
        return same_widths(piece.column_x, previous.column_x)
    return all(abs(a - b) <= COLUMN_TOLERANCE for a, b in zip(piece.column_x, previous.column_x))


def same_widths(a: list[float], b: list[float]) -> bool:
    span = max(a[-1] - a[0], b[-1] - b[0], 1.0)
    widths = lambda xs: [right - left for left, right in zip(xs, xs[1:])]  # noqa: E731
    return all(abs(x - y) <= SCANNED_COLUMN_TOLERANCE * span for x, y in zip(widths(a), widths(b)))


def append_piece(table: RawTable, piece: PageTable) -> None:
    rows = piece.cells if piece.cells is not None else [slots_to_cells(r) for r in piece.rows]
    if table.rows and rows and is_repeated_header([c.text for c in rows[0]], table.rows[0].texts, piece):
        rows = rows[1:]  # the header row Word repeats on every page
    fragment = bool(table.rows and rows) and is_fragment(rows[0], table.n_cols)
    if table.rows and rows:
        carry_merges_across_page(table.rows[-1], rows)
    for i, cells in enumerate(rows):
        if fragment and i == 0:
            join_fragment(table.rows[-1], cells, piece.page, piece.extraction)
        else:
            table.rows.append(RawRow(cells=cells, index=len(table.rows) + 1, page=piece.page,
                                     extraction=piece.extraction))


def is_repeated_header(texts: list[str], header: list[str], piece: PageTable) -> bool:
    if same_texts(texts, header):
        return True
    if piece.extraction != "ocr" or len(texts) != len(header):
        return False
    return SequenceMatcher(None, " ".join(" ".join(texts).split()),
                           " ".join(" ".join(header).split())).ratio() >= SCANNED_HEADER_SIMILARITY


def carry_merges_across_page(above: RawRow, rows: list[list[Cell]]) -> None:
    """A cell merged down over rows broken by a page is printed once, on the page where it starts: on the
    next page it is empty, merged over the rows below. It continues the cell of the row above."""
    top = {c.col: c for c in above.cells}
    for cell in rows[0]:
        source = top.get(cell.col)
        below = [next((c for c in row if c.col == cell.col and c.merged_from_above), None) for row in rows[1:]]
        if cell.text or source is None or not source.text or not below or below[0] is None:
            continue
        for continued in [cell, *below[:below.index(None) if None in below else len(below)]]:
            continued.text, continued.confidence = source.text, source.confidence
            continued.merged_from_above = True


def slots_to_cells(slots: list[str | None]) -> list[Cell]:
    cells: list[Cell] = []
    for col, text in enumerate(slots):
        if text is None and cells:
            cells[-1].span += 1
        else:
            cells.append(Cell(text=(text or "").strip(), col=col))
    return cells


def same_texts(a: list[str], b: list[str]) -> bool:
    return [" ".join(t.split()) for t in a] == [" ".join(t.split()) for t in b]


def is_fragment(cells: list[Cell], n_cols: int) -> bool:
    """The top of a row Word broke across the page: only continuing (lower-case) text, or an empty first
    cell («№») beside another empty cell or mostly continuing text. A genuinely unnumbered row has all its
    cells filled, starting with capitals."""
    texts = [c.text for c in cells]
    if len(cells) < 2 or len(cells) < n_cols or not any(texts):
        return False
    if all(starts_as_continuation(t) for t in texts if t):
        return True
    if texts[0]:
        return False
    rest = [t for t in texts[1:] if t]
    continuing = sum(starts_as_continuation(t) for t in rest)
    return len(rest) < len(texts) - 1 or 2 * continuing >= len(rest)  # «Сергеевна» may continue a name


def starts_as_continuation(text: str) -> bool:
    first = text.lstrip("•-–— ")[:1]
    return bool(first) and (first.islower() or first in ",;:)»\"")


def join_fragment(row: RawRow, fragment: list[Cell], page: int, extraction: Extraction = "text") -> None:
    row.joined_pages.append(page)
    if extraction == "ocr":
        row.extraction = "ocr"
    by_col = {c.col: c for c in row.cells}
    for cell in fragment:
        target = by_col.get(cell.col)
        if target is not None and cell.text and not cell.merged_from_above:
            target.text = f"{target.text}\n{cell.text}" if target.text else cell.text
            target.confidence = lowest(target.confidence, cell.confidence)


def lowest(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else min(a, b)
