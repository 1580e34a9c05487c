"""OCR'd pages to what every reader hands the shared assembly: table pieces for the page stitcher
(extractors/readers/pdf_stitch.py) with each cell's confidence, and the paragraphs above and below them.

A vertically merged cell fills every row it covers (`merged_from_above` below its top, as the DOCX reader
does); column positions are given in PDF points, so a table that runs on over a text page and a scanned
one is still recognised as one.
"""

from dataclasses import dataclass, field

from extractors.readers.ocr.model import OcrCell, OcrTable, OcrWord, PageResult
from extractors.readers.ocr.textclean import lines_to_text
from extractors.readers.pdf_borderless import words_to_lines
from extractors.readers.pdf_columns import column_at
from extractors.readers.pdf_rows import line_to_cells
from extractors.readers.pdf_stitch import PageTable
from schemas import Cell

FONT_ASCENT_PT = 9.0  # a word's top above its baseline, as pdfplumber would give it for 12-pt text


@dataclass
class ScannedPage:
    number: int
    tables: list[PageTable]
    lines_above: list[str] = field(default_factory=list)  # all the page's lines when it has no table
    lines_below: list[str] = field(default_factory=list)
    words: list[dict] = field(default_factory=list)  # pdfplumber-shaped words in points (borderless reader)
    width: float = 0.0  # points
    height: float = 0.0

    def words_page(self) -> "WordsPage":
        return WordsPage(self.words, self.width, self.height)

    def borderless_piece(self, piece: PageTable) -> PageTable:
        """A piece the borderless reader (pdf_borderless.py) built from this page's words, as OCR'd cells:
        each cell's text cleaned like a ruled cell's, with the confidence of the words it is made of."""
        confidences = borderless_confidences(piece, words_to_lines(self.words))
        rows = []
        for slots, row_confidence in zip(piece.rows, confidences):
            cells: list[Cell] = []
            for col, text in enumerate(slots):
                if text is None and cells:
                    cells[-1].span += 1
                    continue
                cleaned = lines_to_text((text or "").split("\n"))
                cells.append(Cell(text=cleaned, col=col, confidence=row_confidence[col] if cleaned else None))
            rows.append(cells)
        piece.cells, piece.extraction = rows, "ocr"
        piece.rows = [[c.text for c in row] for row in rows]
        return piece


def borderless_confidences(piece: PageTable, lines: list[list[dict]]) -> list[list[float | None]]:
    """Each cell's confidence from the words it was made of. The borderless reader joins consecutive
    lines into a row, so its lines are replayed in order: a row takes lines while their cells continue
    its texts (a repeated header or a page number matches no row and is passed over)."""
    n, columns = len(piece.column_x), piece.columns
    split = [line_to_cells(line, columns) for line in lines]
    by_col = [[[w for w in line if column_at(w["x0"], columns) == c] for c in range(n)] for line in lines]
    found, i = [], 0
    for slots in piece.rows:
        target = [s or "" for s in slots]
        built, words, j = [""] * n, [[] for _ in range(n)], i
        while j < len(lines) and built != target:
            candidate = [f"{a}\n{b}".strip() for a, b in zip(built, split[j])]
            if all(t.startswith(c) for t, c in zip(target, candidate)) and candidate != built:
                built = candidate
                words = [w + extra for w, extra in zip(words, by_col[j])]
            elif built != [""] * n:
                break
            j += 1
        if built == target:
            i = j
        found.append([mean_confidence(ws) if built == target else None for ws in words])
    return found


def mean_confidence(words: list[dict]) -> float | None:
    """As for a ruled cell (engine.mean_confidence): the words' confidences weighted by their length."""
    weight = sum(len(w["text"]) for w in words)
    return round(sum(w["confidence"] * len(w["text"]) for w in words) / weight, 1) if weight else None


class WordsPage:
    """A scanned page as the borderless reader (pdf_borderless.py) sees a pdfplumber page: its words with
    their boxes in points, and the text of a part of it."""

    def __init__(self, words: list[dict], width: float, height: float):
        self.words, self.width, self.height = words, width, height

    def extract_words(self, **_) -> list[dict]:
        return self.words

    def crop(self, bbox: tuple[float, float, float, float]) -> "WordsPage":
        x0, top, x1, bottom = bbox
        inside = [w for w in self.words if w["x0"] >= x0 and w["x1"] <= x1 and w["top"] >= top and w["bottom"] <= bottom]
        return WordsPage(inside, x1 - x0, bottom - top)

    def extract_text(self) -> str:
        return "\n".join(" ".join(w["text"] for w in line) for line in words_to_lines(self.words))


def result_to_scanned_page(result: PageResult, points_per_px: float) -> ScannedPage:
    tables = [table_to_piece(t, result.page, points_per_px) for t in result.tables]
    first_top = min((t.bbox[1] for t in result.tables), default=None)
    last_bottom = max((t.bbox[3] for t in result.tables), default=None)
    above, below = [], []
    for paragraph in result.paragraphs:
        if first_top is None or paragraph.bbox[1] < first_top:
            above += paragraph.lines
        elif paragraph.bbox[1] >= last_bottom:
            below += paragraph.lines
    words = [word_in_points(w, points_per_px) for w in result.words]
    return ScannedPage(result.page, tables, above, below, words, result.width * points_per_px,
                       result.height * points_per_px)


def word_in_points(word: OcrWord, points_per_px: float) -> dict:
    """A word as pdfplumber gives it. pdfplumber's `top` is the font's, the same for every word of a
    line; an OCR box is the ink's («в» starts lower than «СМИ»), so the top is taken from the baseline."""
    return {"text": word.text, "x0": word.bbox[0] * points_per_px, "x1": word.bbox[2] * points_per_px,
            "top": word.baseline * points_per_px - FONT_ASCENT_PT, "bottom": word.baseline * points_per_px,
            "confidence": word.confidence}


def table_to_piece(table: OcrTable, page: int, points_per_px: float) -> PageTable:
    rows = table_to_cell_rows(table)
    slots = [[text for cell in row for text in [cell.text] + [None] * (cell.span - 1)] for row in rows]
    return PageTable(page=page, rows=slots, column_x=[x * points_per_px for x in table.col_x[:-1]],
                     top=table.bbox[1] * points_per_px, cells=rows, extraction="ocr")


def table_to_cell_rows(table: OcrTable) -> list[list[Cell]]:
    """Each grid row's cells left to right; a cell merged down from an upper row repeats its text there."""
    covering: dict[tuple[int, int], OcrCell] = {}
    for cell in table.cells:
        for r in range(cell.row, cell.row + cell.rowspan):
            covering[(r, cell.col)] = cell
    rows = []
    for r in range(table.n_rows):
        cells = []
        for c in range(table.n_cols):
            cell = covering.get((r, c))
            if cell is not None:
                cells.append(Cell(text=cell.text, col=c, span=cell.colspan, confidence=cell.confidence,
                                  merged_from_above=cell.row < r))
        rows.append(cells)
    return rows
