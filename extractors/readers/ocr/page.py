"""One page image to what is printed on it: the page is made flat, upright and level, its ruled tables
are read cell by cell, and the text around them becomes paragraphs, all in reading order."""

import time

import cv2
import numpy as np

from extractors.readers.ocr.cells import grid_to_table
from extractors.readers.ocr.geometry import (
    SKEW_MIN_DEG,
    measure_skew,
    page_to_upright,
    photo_to_sheet,
    rotate_by,
    scale_to_page,
)
from extractors.readers.ocr.grid import LINE_ERASE_PX, ink_to_rules, rules_to_grids
from extractors.readers.ocr.ink import (
    drop_coloured_ink,
    flatten_lighting,
    gray_to_ink,
    gray_to_rule_ink,
    ink_to_ocr_image,
    isolated_specks_removed,
)
from extractors.readers.ocr.layout import page_to_paragraphs
from extractors.readers.ocr.model import OcrParagraph, OcrTable, PageResult
from extractors.readers.ocr.pages import PageImage


def page_image_to_result(page: PageImage) -> PageResult:
    started = time.perf_counter()
    pixels, corrected = photo_to_sheet(page.pixels)
    gray = flatten_lighting(drop_coloured_ink(scale_to_page(pixels)))
    del pixels
    gray, turned = page_to_upright(gray)
    gray, ink, skew = level(gray)
    rules = ink_to_rules(gray_to_rule_ink(gray))
    text_ink = isolated_specks_removed(without_rules(ink, rules.both()))
    text_gray = ink_to_ocr_image(gray, text_ink)
    tables = [grid_to_table(grid, text_gray, text_ink) for grid in rules_to_grids(rules)]
    paragraphs, words = page_to_paragraphs(text_gray, [t.bbox for t in tables])
    blocks: list[OcrTable | OcrParagraph] = sorted(tables + paragraphs, key=lambda b: (b.bbox[1], b.bbox[0]))
    height, width = gray.shape
    return PageResult(page=page.number, blocks=blocks, width=width, height=height, turned_cw=turned,
                      skew_deg=skew, perspective_corrected=corrected, words=words,
                      seconds=round(time.perf_counter() - started, 2))


def level(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """The page rotated so its text lines run level, with its ink; the angle is 0 when it is too small to
    matter."""
    ink = gray_to_ink(gray)
    skew = measure_skew(ink)
    if abs(skew) < SKEW_MIN_DEG:
        return gray, ink, 0.0
    gray = rotate_by(gray, skew)
    return gray, gray_to_ink(gray), skew


def without_rules(ink: np.ndarray, rules: np.ndarray) -> np.ndarray:
    """Text ink: the rules (as far as they are ink in the text mask, not in the looser rule mask, whose
    grey fringe would bite into letters that touch a border) and a thin margin around them removed."""
    rules = cv2.bitwise_and(rules, ink)
    grown = cv2.dilate(rules, np.ones((2 * LINE_ERASE_PX + 1, 2 * LINE_ERASE_PX + 1), np.uint8))
    return cv2.bitwise_and(ink, cv2.bitwise_not(grown))
