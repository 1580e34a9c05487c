"""One logical table from its per-page pieces.

Word repeats a header row marked «повторять как заголовок» on every page and lets a row break across a
page, leaving a fragment at the top of the next page. pdfplumber sees each page alone (its #232), so:
pieces with the same column positions are one table, a repeated header row is dropped, and a fragment
row (empty first cell, and either an empty cell or only continuing — lower-case — text) is joined into
the row above.

pdfplumber gives `None` for every grid slot a merged cell covers (its #420), whichever way it was merged.
A slot covered by the cell on its left widens that cell; a slot covered from above (a deadline merged
over three rows) is marked `ABOVE` and repeats the text of the cell above it, as a merged DOCX cell does —
it must never widen its left neighbour (the row after a vertical merge took its deadline from the title).

Pieces read by OCR (extractors/readers/ocr) come with their cells built (confidence, vertical merges).
Their repeated header may be read with a letter off, and a scanner places each sheet a little differently,
so for them a header is matched by similarity and columns by their widths rather than their positions.
"""

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from extractors.readers.pdf_cells import is_known_word, may_begin_a_title, mend_broken_words
from schemas import Cell, RawRow, RawTable
from schemas.content import Extraction

COLUMN_TOLERANCE = 6.0  # points
ABOVE = "\x00merged-from-above"  # a slot covered by the merged cell above it
SCANNED_COLUMN_TOLERANCE = 0.04  # of the table's width: column widths of scanned pages of one table
SCANNED_HEADER_SIMILARITY = 0.9


@dataclass
class PageTable:
    page: int
    rows: list[list[str | None]]  # None: a slot covered by the cell on its left; ABOVE: by the cell above
    column_x: list[float] = field(default_factory=list)
    top: float = 0.0
    bordered: bool = True
    numbered: bool = False  # borderless only: rows start where the «№» column holds a number
    columns: tuple | None = None  # borderless only: column starts and slack (pdf_columns.CharColumns)
    cut_words: bool = False  # borderless only: columns closer than a space, words cut at them
    packed: bool = False  # borderless only: rows follow line to line, told apart by their cells
    first_right: float = 0.0  # borderless only: where the first column's lines end
    cells: list[list[Cell]] | None = None  # built by the reader (OCR); else made from `rows`
    extraction: Extraction = "text"

    @classmethod
    def from_pdfplumber(cls, table, page: int) -> "PageTable":
        xs = sorted({round(c[0], 1) for c in table.cells})
        rows = [mark_covered_from_above([mend_broken_words(t, box, table.page) for t, box in zip(texts, row.cells)],
                                        row.cells, xs) for texts, row in zip(table.extract(), table.rows)]
        return cls(page=page, rows=rows, column_x=xs, top=table.bbox[1])


def mark_covered_from_above(texts: list[str | None], boxes: list[tuple | None], xs: list[float]) -> list:
    """A covered slot whose left neighbour does not reach over it is covered by a cell from above."""
    marked: list[str | None] = []
    reach = None  # the right edge of the last cell that starts in this row
    for col, (text, box) in enumerate(zip(texts, boxes)):
        if box is not None:
            reach = box[2]
            marked.append(text)
        else:
            left_edge = xs[col] if col < len(xs) else None
            widens = reach is not None and left_edge is not None and reach > left_edge + 1
            marked.append(None if widens else ABOVE)
    return marked


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
    built = piece.cells  # OCR's cells, whole; a text piece's are made row by row, from the row above
    first_on_page = True
    for i, slots in enumerate(built if built is not None else piece.rows):
        cells = slots if built is not None else slots_to_cells(slots, table.rows[-1] if table.rows else None)
        if table.rows and first_on_page and is_repeated_header([c.text for c in cells], table.rows[0].texts, piece):
            continue  # the header row Word repeats on every page
        fragment = bool(table.rows) and first_on_page and is_fragment(cells, table.n_cols)
        if table.rows and first_on_page and built is not None:
            carry_merges_across_page(table.rows[-1], built[i:])
        if fragment:
            join_fragment(table.rows[-1], cells, piece.page, piece.extraction)
        else:
            table.rows.append(RawRow(cells=cells, index=len(table.rows) + 1, page=piece.page,
                                     extraction=piece.extraction))
        first_on_page = False


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


def slots_to_cells(slots: list[str | None], above: RawRow | None = None) -> list[Cell]:
    cells: list[Cell] = []
    for col, text in enumerate(slots):
        if text == ABOVE and cells and cells[-1].merged_from_above and covering(above, col) is covering(
                above, cells[-1].col):
            cells[-1].span += 1  # a block merged both ways: one cell, as wide as the one above
        elif text == ABOVE:
            cells.append(cell_from_above(above, col))
        elif text is None and cells:
            cells[-1].span += 1
        else:
            cells.append(Cell(text=(text or "").strip(), col=col))
    return cells


def cell_from_above(above: RawRow | None, col: int) -> Cell:
    """The merged cell's text, as every row it spans reads it (empty at the top of a page: a merge broken
    by the page starts again there)."""
    cell = covering(above, col)
    if cell is None:
        return Cell(text="", col=col)
    return Cell(text=cell.text, col=col, span=1, merged_from_above=True)


def covering(row: RawRow | None, col: int) -> Cell | None:
    return next((c for c in row.cells if c.col <= col < c.col + c.span), None) if row else None


def same_texts(a: list[str], b: list[str]) -> bool:
    return [" ".join(t.split()) for t in a] == [" ".join(t.split()) for t in b]


def is_fragment(cells: list[Cell], n_cols: int) -> bool:
    """The top of a row Word broke across the page: only continuing (lower-case) text; or an empty first
    cell («№») beside another empty cell or continuing text; or, in a table without «№» whose first column
    is the title, a first cell that cannot start a title («штаба», «Общественной палаты») beside an empty
    cell, or a first cell alone («Общественного штаба для …» with the other cells empty). A genuinely new
    row has its cells filled, starting with capitals."""
    texts = [c.text for c in cells]
    if len(cells) < 2 or len(cells) < n_cols or not any(texts):
        return False
    filled = [t for t in texts if t]
    if any(starts_as_continuation(t) for t in filled) and all(
            starts_as_continuation(t) or t[:1].isdigit() for t in filled[1:] or filled) and \
            (starts_as_continuation(filled[0]) or not texts[0]):
        return True  # «граждан, поступивших …» beside «13 марта» (the end of «с 10 февраля по»)
    if texts[0] and len(texts) >= 3 and not any(texts[1:]):
        return True
    if texts[0] and not all(texts) and (starts_as_continuation(texts[0]) or texts[0][:1].isupper()
                                        and not may_begin_a_title(texts[0].split()[0])):
        return True
    if texts[0]:
        return False
    rest = [t for t in texts[1:] if t]
    return len(rest) < len(texts) - 1 or any(starts_as_continuation(t) for t in rest)


def starts_as_continuation(text: str) -> bool:
    first = text.lstrip("•-–— «\"(")[:1]
    return bool(first) and (first.islower() or first in ".,;:)»\"")


def join_fragment(row: RawRow, fragment: list[Cell], page: int, extraction: Extraction = "text") -> None:
    row.joined_pages.append(page)
    if extraction == "ocr":
        row.extraction = "ocr"
    by_col = {c.col: c for c in row.cells}
    for cell in fragment:
        target = by_col.get(cell.col)
        if target is not None and cell.text and not cell.merged_from_above:
            target.text = f"{target.text}{broken_across(target.text, cell.text)}{cell.text}" if target.text \
                else cell.text
            target.confidence = lowest(target.confidence, cell.confidence)


def lowest(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else min(a, b)


def broken_across(above: str, below: str) -> str:
    """The joint of a cell broken by the page: none inside a word broken there without a hyphen (the
    pieces make a known word and one of them is none: «согласовани» / «ю»), else a line break."""
    last, first = above.split()[-1], below.split()[0].rstrip(",.;:)»")
    if last[-1:].islower() and first[:1].islower() and is_known_word(last + first) and not (
            is_known_word(last) and is_known_word(first)):
        return ""
    return "\n"
