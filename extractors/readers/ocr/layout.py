"""Text outside the tables (title «ПЛАН …», «УТВЕРЖДАЮ … 05 февраля 2021 года», signatures) to paragraphs.

The tables are painted white and Tesseract reads the rest of the page with its own layout analysis;
its paragraphs come back with their lines, box and confidence. Blocks that are mostly not letters and
read with low confidence are what is left of a stamp or a signature, and are dropped.
"""

import re
from dataclasses import replace

import numpy as np

from extractors.readers.ocr.engine import DASHES, PSM_AUTO, PSM_BLOCK, Recognised, mean_confidence, read_image
from extractors.readers.ocr.glyphs import (
    fixed_lines,
    glued_words_joined,
    recognised_to_lines,
    words_to_x_height,
)
from extractors.readers.ocr.model import BBox, OcrParagraph, OcrWord
from extractors.readers.ocr.textclean import fix_digits, is_number_sign, lines_to_text

TABLE_PAD_PX = 8
NOISE_MAX_CONFIDENCE = 55  # a block read with less confidence than this …
NOISE_MAX_LETTER_SHARE = 0.6  # … and with fewer letters than this share of its characters is noise
NOISE_MIN_LETTERS = 3  # a block with fewer letters than this is noise whatever its confidence
LETTER = re.compile(r"[А-Яа-яЁёA-Za-z]")
INK_MAX_GRAY = 128
COLUMN_GAP_PX = 50  # a wider gap between two words of a line read as one block is a gap between columns
MIN_WORD_INK_PX = 12


def page_to_paragraphs(gray: np.ndarray, table_boxes: list[BBox]) -> tuple[list[OcrParagraph], list[OcrWord]]:
    """Paragraphs outside `table_boxes`, and all their words.

    Around ruled tables Tesseract's own layout analysis finds the blocks (title, approval, signature). A
    page without ruled tables is read as one block instead: its words then feed the borderless reader,
    and the layout analysis would drop a narrow column of numbers («№», «1», «2» …) as noise."""
    blank = gray.copy()
    for x0, y0, x1, y1 in table_boxes:
        blank[max(0, y0 - TABLE_PAD_PX):y1 + TABLE_PAD_PX, max(0, x0 - TABLE_PAD_PX):x1 + TABLE_PAD_PX] = 255
    recognised = without_phantoms(read_image(blank, PSM_AUTO if table_boxes else PSM_BLOCK), blank)
    paragraphs = [p for p in recognised_to_paragraphs(recognised) if not is_noise(p)]
    x_height = words_to_x_height(recognised.words)
    lines = [number_signs_fixed(glued_words_joined(line, x_height)) for line in fixed_lines(recognised, x_height)]
    return paragraphs, [word for line in lines for word in line]


def number_signs_fixed(line: list[OcrWord]) -> list[OcrWord]:
    """The first word of a line as the borderless reader needs it to tell the rows apart: a number with a
    look-alike letter («З1.») made digits, «№» read as «М» (textclean.is_number_sign; the next word counts
    only when it is close, not in the next column)."""
    if not line:
        return line
    line = [replace(line[0], text=fix_digits(line[0].text)), *line[1:]]
    first, after = line[0], (line[1] if len(line) > 1 else None)
    close = after is not None and after.bbox[0] - first.bbox[2] < COLUMN_GAP_PX
    if is_number_sign(first.text, after.text if close else None):
        return [replace(first, text="№"), *line[1:]]
    return line


def without_phantoms(recognised: Recognised, gray: np.ndarray) -> Recognised:
    """Reading a whole page as one block, Tesseract sometimes «sees» a dash in the white gap between two
    columns, and gives a short word a box reaching into the gap. A word whose box holds (almost) no ink is
    dropped (with its dashes' widths, see glyphs.py); the others' boxes are narrowed to their ink, so the
    borderless reader puts them in the right column."""
    lines, starts, widths = [], [], iter(recognised.dash_widths)
    kept_widths: list[int] = []
    opens = set(recognised.paragraph_starts)
    pending = False
    for index, line in enumerate(recognised.lines):
        pending = pending or index in opens
        kept = []
        for word in line:
            dash_widths = [next(widths, 0) for ch in word.text if ch in DASHES] if recognised.dash_widths else []
            if has_ink(gray, word.bbox):
                kept.append(replace(word, bbox=ink_extent(gray, word.bbox)))
                kept_widths += dash_widths
        if kept:
            if pending:
                starts.append(len(lines))
                pending = False
            lines.append(kept)
    return Recognised(lines, starts, kept_widths)


def ink_extent(gray: np.ndarray, bbox: BBox) -> BBox:
    """The box narrowed, left and right, to the columns that hold ink."""
    x0, y0, x1, y1 = bbox
    columns = np.flatnonzero((gray[y0:y1, x0:x1] < INK_MAX_GRAY).any(axis=0))
    return (x0 + int(columns[0]), y0, x0 + int(columns[-1]) + 1, y1) if len(columns) else bbox


def has_ink(gray: np.ndarray, bbox: BBox) -> bool:
    x0, y0, x1, y1 = bbox
    return int((gray[y0:y1, x0:x1] < INK_MAX_GRAY).sum()) >= MIN_WORD_INK_PX


def recognised_to_paragraphs(recognised: Recognised) -> list[OcrParagraph]:
    starts = recognised.paragraph_starts + [len(recognised.lines)]
    all_texts = recognised_to_lines(recognised, words_to_x_height(recognised.words))
    paragraphs = []
    for start, end in zip(starts, starts[1:]):
        words = [w for line in recognised.lines[start:end] for w in line]
        lines = [text for text in (lines_to_text([t]) for t in all_texts[start:end]) if text]
        if lines:
            paragraphs.append(OcrParagraph(lines=lines, confidence=mean_confidence(words), bbox=words_bbox(words)))
    return paragraphs


def words_bbox(words: list[OcrWord]) -> BBox:
    return (min(w.bbox[0] for w in words), min(w.bbox[1] for w in words),
            max(w.bbox[2] for w in words), max(w.bbox[3] for w in words))


def is_noise(paragraph: OcrParagraph) -> bool:
    visible = "".join("".join(paragraph.lines).split())
    letters = len(LETTER.findall(visible))
    if letters < NOISE_MIN_LETTERS and not re.search(r"\d", visible):
        return True
    low_confidence = (paragraph.confidence or 0) < NOISE_MAX_CONFIDENCE
    return low_confidence and letters < NOISE_MAX_LETTER_SHARE * len(visible)
