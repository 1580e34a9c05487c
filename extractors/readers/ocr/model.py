"""What OCR makes of a page: its tables (cells on a grid) and the text around them, in reading order.

Coordinates are pixels of the page *as normalised* (upright, level, perspective-corrected, scaled so its
long side is `pages.PAGE_LONG_SIDE_PX`, about 300 dpi for A4). Confidence is Tesseract's scale, 0–100 (the
words' confidences weighted by their length); `None` means nothing was recognised: the area held no ink.
"""

from dataclasses import dataclass, field

BBox = tuple[int, int, int, int]  # x0, y0, x1, y1


@dataclass
class OcrWord:
    text: str
    confidence: float
    bbox: BBox
    baseline: int = 0  # y of the line's baseline under the word: one for all words of a printed line


@dataclass
class OcrCell:
    text: str  # its printed lines, cleaned and joined (textclean.lines_to_text)
    confidence: float | None
    row: int  # first grid row, 0-based
    col: int  # first grid column, 0-based
    rowspan: int = 1
    colspan: int = 1
    bbox: BBox = (0, 0, 0, 0)


@dataclass
class OcrTable:
    cells: list[OcrCell]
    n_rows: int
    n_cols: int
    bbox: BBox
    col_x: list[int] = field(default_factory=list)  # column boundaries, left to right


@dataclass
class OcrParagraph:
    lines: list[str]  # as printed, cleaned
    confidence: float | None
    bbox: BBox


@dataclass
class PageResult:
    page: int  # 1-based, in the file
    blocks: list[OcrTable | OcrParagraph]  # reading order: top to bottom
    width: int
    height: int
    turned_cw: int = 0  # clockwise quarter turn applied to make the page upright
    skew_deg: float = 0.0  # small-angle correction applied
    perspective_corrected: bool = False
    words: list[OcrWord] = field(default_factory=list)  # outside ruled tables, for the borderless reader
    seconds: float = 0.0

    @property
    def tables(self) -> list[OcrTable]:
        return [b for b in self.blocks if isinstance(b, OcrTable)]

    @property
    def paragraphs(self) -> list[OcrParagraph]:
        return [b for b in self.blocks if isinstance(b, OcrParagraph)]
