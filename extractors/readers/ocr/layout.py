"""Text outside the tables (title «ПЛАН …», «УТВЕРЖДАЮ … 05 февраля 2021 года», signatures) to paragraphs.

The tables are painted white and Tesseract reads the rest of the page with its own layout analysis;
its paragraphs come back with their lines, box and confidence. Blocks that are mostly not letters and
read with low confidence are what is left of a stamp or a signature, and are dropped.
"""

import re

import numpy as np

from extractors.readers.ocr.engine import PSM_AUTO, Recognised, mean_confidence, read_image
from extractors.readers.ocr.glyphs import recognised_to_lines, words_to_x_height
from extractors.readers.ocr.model import BBox, OcrParagraph, OcrWord
from extractors.readers.ocr.textclean import lines_to_text

TABLE_PAD_PX = 8
NOISE_MAX_CONFIDENCE = 55  # a block read with less confidence than this …
NOISE_MAX_LETTER_SHARE = 0.6  # … and with fewer letters than this share of its characters is noise
NOISE_MIN_LETTERS = 3  # a block with fewer letters than this is noise whatever its confidence
LETTER = re.compile(r"[А-Яа-яЁёA-Za-z]")


def page_to_paragraphs(gray: np.ndarray, table_boxes: list[BBox]) -> tuple[list[OcrParagraph], list[OcrWord]]:
    """Paragraphs outside `table_boxes`, and all their words (for a borderless-table assembler)."""
    blank = gray.copy()
    for x0, y0, x1, y1 in table_boxes:
        blank[max(0, y0 - TABLE_PAD_PX):y1 + TABLE_PAD_PX, max(0, x0 - TABLE_PAD_PX):x1 + TABLE_PAD_PX] = 255
    recognised = read_image(blank, PSM_AUTO)
    paragraphs = [p for p in recognised_to_paragraphs(recognised) if not is_noise(p)]
    return paragraphs, recognised.words


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
