"""Page pixels to what is printed on it: coloured stamp and signature ink dropped, uneven light (a photo, a
scanner's shadow along the spine) flattened to white paper, then a black-and-white ink mask."""

import cv2
import numpy as np

# Office stamps and signatures are blue or violet; printed text is black. OpenCV hue is 0–180.
STAMP_HUE = (95, 165)
STAMP_MIN_SATURATION = 60
STAMP_MAX_SHARE = 0.15  # more coloured ink than this is not a stamp but a coloured document: keep it
BACKGROUND_SHRINK = 8  # the paper's brightness is estimated on a copy this many times smaller
BACKGROUND_KERNEL = 9  # px of the small copy: wider than any stroke, so the max filter sees only paper
RULE_INK_MAX_GRAY = 210  # rules are looked for in everything darker than this on the flattened page:
# a thin rule blurred by a 200-dpi scan is light grey, and Otsu (≈150–185 here) loses pieces of it
SPECK_MAX_AREA = 6  # px: dark specks this small are scanner noise, not dots of «ё», «i» or full stops
GLYPH_MIN_AREA = 40  # px: a blob this large is (part of) a letter …
NEAR_GLYPH_PX = 25  # … and a smaller blob further than this from every letter is noise, not punctuation


def drop_coloured_ink(pixels: np.ndarray) -> np.ndarray:
    """Grey page with blue/violet ink painted white: a stamp over the signature otherwise turns into
    a line of garbage letters, and over a cell into wrong text."""
    if pixels.ndim == 2:
        return pixels
    gray = cv2.cvtColor(pixels, cv2.COLOR_RGB2GRAY)
    hsv = cv2.cvtColor(pixels, cv2.COLOR_RGB2HSV)
    hue, saturation = hsv[:, :, 0], hsv[:, :, 1]
    coloured = (hue >= STAMP_HUE[0]) & (hue <= STAMP_HUE[1]) & (saturation >= STAMP_MIN_SATURATION)
    if coloured.mean() > STAMP_MAX_SHARE:
        return gray
    coloured = cv2.dilate(coloured.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    gray = gray.copy()
    gray[coloured] = 255
    return gray


def flatten_lighting(gray: np.ndarray) -> np.ndarray:
    """Divide by the paper's own brightness, estimated as a max filter over a shrunk copy."""
    h, w = gray.shape
    small = cv2.resize(gray, (max(1, w // BACKGROUND_SHRINK), max(1, h // BACKGROUND_SHRINK)),
                       interpolation=cv2.INTER_AREA)
    paper = cv2.dilate(small, np.ones((BACKGROUND_KERNEL, BACKGROUND_KERNEL), np.uint8))
    paper = cv2.GaussianBlur(paper, (0, 0), BACKGROUND_KERNEL / 2)
    paper = cv2.resize(paper, (w, h), interpolation=cv2.INTER_LINEAR)
    flat = cv2.divide(gray, np.maximum(paper, 1), scale=255)
    return flat


def gray_to_ink(flat: np.ndarray) -> np.ndarray:
    """Ink mask (ink = 255) by Otsu on the flattened page, with single-pixel noise removed."""
    _, ink = cv2.threshold(flat, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return remove_specks(ink)


def gray_to_rule_ink(flat: np.ndarray) -> np.ndarray:
    """A looser ink mask, only for finding ruling lines (text is read from the Otsu mask). No speck is
    removed: the rules' morphological opening (grid.py) leaves nothing shorter than a rule."""
    return cv2.threshold(flat, RULE_INK_MAX_GRAY - 1, 255, cv2.THRESH_BINARY_INV)[1]


def remove_specks(ink: np.ndarray) -> np.ndarray:
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    small = stats[:, cv2.CC_STAT_AREA] <= SPECK_MAX_AREA
    small[0] = False
    if not small[1:].any():
        return ink
    cleaned = ink.copy()
    cleaned[small[labels]] = 0
    return cleaned


def isolated_specks_removed(ink: np.ndarray) -> np.ndarray:
    """Ink without the small blobs that stand far from any letter: scanner noise that Tesseract would read
    as «^», «=», «‘» or whole junk words. Full stops, commas and the dots of «ё» sit next to letters."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    areas = stats[:, cv2.CC_STAT_AREA]
    glyph = (areas >= GLYPH_MIN_AREA)
    glyph[0] = False
    near = cv2.dilate(glyph[labels].astype(np.uint8), np.ones((2 * NEAR_GLYPH_PX + 1,) * 2, np.uint8))
    small = ~glyph
    small[0] = False
    touching = np.zeros(count, bool)
    touching[np.unique(labels[(near > 0) & small[labels]])] = True
    drop = small & ~touching
    if not drop.any():
        return ink
    cleaned = ink.copy()
    cleaned[drop[labels]] = 0
    return cleaned


def ink_to_ocr_image(gray: np.ndarray, ink: np.ndarray) -> np.ndarray:
    """The grey page kept only where there is ink (and a pixel around it, for anti-aliased edges): the
    paper's noise becomes clean white, the letters keep their grey edges, which Tesseract reads best."""
    keep = cv2.dilate(ink, np.ones((3, 3), np.uint8)) > 0
    return np.where(keep, gray, 255).astype(np.uint8)
