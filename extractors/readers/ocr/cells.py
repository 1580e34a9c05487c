"""Grid cells to text: each cell is read on its own (Tesseract, one uniform block), so a noisy word can
never slide into the neighbouring column or row. A cell without ink is not read at all."""

import cv2
import numpy as np

from extractors.readers.ocr.engine import PSM_BLOCK, PSM_LINE, Recognised, mean_confidence, read_image
from extractors.readers.ocr.glyphs import recognised_to_lines, words_to_x_height
from extractors.readers.ocr.grid import Grid
from extractors.readers.ocr.model import BBox, OcrCell, OcrTable
from extractors.readers.ocr.textclean import lines_to_text

CELL_INSET_PX = 5  # inside the rules: their anti-aliased edges stay out of the cell
INK_COMPONENT_MIN_PX = 10  # smaller blobs are specks, not even a full stop (≈ 15 px at 300 dpi)
CELL_MIN_INK_PX = 40  # less ink in a cell than this: empty
CELL_MIN_BLOB_PX = 25  # and at least one blob this large (a full stop alone is not a cell's text)
CANVAS_PAD_PX = 30  # white margin around the ink handed to Tesseract: it misreads glyphs that touch the edge
ONE_LINE_MAX_PX = 75  # ink no taller than this is one line of text (12-14 pt at 300 dpi): read as a line


def grid_to_table(grid: Grid, gray: np.ndarray, ink: np.ndarray) -> OcrTable:
    """`gray`, `ink`: the page and its ink mask, both with the rules erased. All cells are read first, so
    the table's x-height (see glyphs.py) is known when their text is cleaned."""
    readings = [cell_to_recognised(inset(cell.bbox), gray, ink) for cell in grid.cells]
    x_height = words_to_x_height([w for r in readings if r is not None for w in r.words])
    cells = []
    for cell, recognised in zip(grid.cells, readings):
        lines = recognised_to_lines(recognised, x_height) if recognised else []
        confidence = mean_confidence(recognised.words) if recognised else None
        cells.append(OcrCell(text=lines_to_text(lines), confidence=confidence, row=cell.row, col=cell.col,
                             rowspan=cell.rowspan, colspan=cell.colspan, bbox=cell.bbox))
    return OcrTable(cells=cells, n_rows=grid.n_rows, n_cols=grid.n_cols, bbox=grid.bbox, col_x=grid.col_x)


def inset(bbox: BBox) -> BBox:
    x0, y0, x1, y1 = bbox
    return (x0 + CELL_INSET_PX, y0 + CELL_INSET_PX, max(x0 + CELL_INSET_PX + 1, x1 - CELL_INSET_PX),
            max(y0 + CELL_INSET_PX + 1, y1 - CELL_INSET_PX))


def cell_to_recognised(box: BBox, gray: np.ndarray, ink: np.ndarray) -> Recognised | None:
    tight = ink_bbox(box, ink)
    if tight is None:
        return None
    x0, y0, x1, y1 = tight
    canvas = cv2.copyMakeBorder(gray[y0:y1, x0:x1], CANVAS_PAD_PX, CANVAS_PAD_PX, CANVAS_PAD_PX, CANVAS_PAD_PX,
                                cv2.BORDER_CONSTANT, value=255)
    one_line = y1 - y0 <= ONE_LINE_MAX_PX
    return read_image(canvas, PSM_LINE if one_line else PSM_BLOCK)


def ink_bbox(box: BBox, ink: np.ndarray) -> BBox | None:
    """The box around the cell's real ink (specks ignored), padded; None when the cell is empty."""
    x0, y0, x1, y1 = box
    crop = ink[y0:y1, x0:x1]
    if cv2.countNonZero(crop) < CELL_MIN_INK_PX:
        return None
    count, _, stats, _ = cv2.connectedComponentsWithStats(crop, connectivity=8)
    blobs = stats[1:][stats[1:, cv2.CC_STAT_AREA] >= INK_COMPONENT_MIN_PX]
    if len(blobs) == 0 or blobs[:, cv2.CC_STAT_AREA].sum() < CELL_MIN_INK_PX \
            or blobs[:, cv2.CC_STAT_AREA].max() < CELL_MIN_BLOB_PX:
        return None
    left, top = blobs[:, 0].min(), blobs[:, 1].min()
    right, bottom = (blobs[:, 0] + blobs[:, 2]).max(), (blobs[:, 1] + blobs[:, 3]).max()
    return (x0 + left, y0 + top, x0 + right, y0 + bottom)
