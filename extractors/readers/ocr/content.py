"""OCR'd pages to what every reader hands the shared assembly: table pieces for the page stitcher
(extractors/readers/pdf_stitch.py) with each cell's confidence, and the paragraphs above and below them.

A vertically merged cell fills every row it covers (`merged_from_above` below its top, as the DOCX reader
does); column positions are given in PDF points, so a table that runs on over a text page and a scanned
one is still recognised as one.
"""

from dataclasses import dataclass, field

from extractors.readers.ocr.model import OcrCell, OcrTable, PageResult
from extractors.readers.pdf_borderless import words_to_lines
from extractors.readers.pdf_stitch import PageTable
from schemas import Cell


@dataclass
class ScannedPage:
    number: int
    tables: list[PageTable]
    lines_above: list[str] = field(default_factory=list)  # all the page's lines when it has no table
    lines_below: list[str] = field(default_factory=list)
    words: list[dict] = field(default_factory=list)  # pdfplumber-shaped words in points (borderless reader)
    width: float = 0.0  # points
    height: float = 0.0
    seconds: float = 0.0

    def words_page(self) -> "WordsPage":
        return WordsPage(self.words, self.width, self.height)


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
    words = [{"text": w.text, "x0": w.bbox[0] * points_per_px, "x1": w.bbox[2] * points_per_px,
              "top": w.bbox[1] * points_per_px, "bottom": w.bbox[3] * points_per_px,
              "confidence": w.confidence} for w in result.words]
    return ScannedPage(result.page, tables, above, below, words, result.width * points_per_px,
                       result.height * points_per_px, result.seconds)


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
