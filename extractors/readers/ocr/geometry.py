"""Page geometry: a photographed sheet to a flat rectangle, a page turned by 90°/180°/270° to upright, a
small scanner skew to level, and every page to one scale.

Order matters: the sheet is found first (its corners only make sense in the photo), then the quarter
turn (Tesseract's OSD needs a flat page), then the skew (measured on upright text lines)."""

import cv2
import numpy as np

from extractors.readers.ocr.engine import detect_orientation
from extractors.readers.ocr.pages import PAGE_LONG_SIDE_PX

SHEET_SEARCH_PX = 1000  # the sheet is looked for on a copy this long
SHEET_MIN_AREA = 0.20  # of the photo: smaller quads are not the page
SHEET_MAX_AREA = 0.93  # of the photo: larger ones are a scan's own edge, nothing to correct
A4_RATIO = 2 ** 0.5
RATIO_SNAP = 0.10  # a measured ratio this close to A4 is taken as A4 (foreshortening skews it a little)

ORIENTATION_MIN_CONF = 2.0  # OSD confidence below which the page is left as it is
ORIENTATION_PX = PAGE_LONG_SIDE_PX // 2  # OSD runs on a half-size copy: as sure, four times cheaper
ORIENTATION_DPI = 150

SKEW_SEARCH_DEG = 5.0
SKEW_MIN_DEG = 0.1  # below this a rotation would only blur the page
SKEW_SAMPLE_POINTS = 60_000


# --- photographed sheet ---------------------------------------------------------------------------------

def photo_to_sheet(pixels: np.ndarray) -> tuple[np.ndarray, bool]:
    """The sheet cut out of a photo and warped to a rectangle; (pixels, False) when no sheet stands out."""
    corners = find_sheet_corners(pixels)
    if corners is None:
        return pixels, False
    return warp_sheet(pixels, corners), True


def find_sheet_corners(pixels: np.ndarray) -> np.ndarray | None:
    gray = pixels if pixels.ndim == 2 else cv2.cvtColor(pixels, cv2.COLOR_RGB2GRAY)
    scale = SHEET_SEARCH_PX / max(gray.shape)
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (5, 5), 0)
    _, paper = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    paper = cv2.morphologyEx(paper, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8))  # fill the text in
    paper = cv2.morphologyEx(paper, cv2.MORPH_OPEN, np.ones((9, 9), np.uint8))  # drop bright desk specks
    contours, _ = cv2.findContours(paper, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    sheet = cv2.convexHull(max(contours, key=cv2.contourArea))
    area = cv2.contourArea(sheet) / (small.shape[0] * small.shape[1])
    if not SHEET_MIN_AREA <= area <= SHEET_MAX_AREA:
        return None
    quad = hull_to_quad(sheet)
    return None if quad is None else order_corners(quad / scale)


def hull_to_quad(hull: np.ndarray) -> np.ndarray | None:
    perimeter = cv2.arcLength(hull, True)
    for share in (0.02, 0.03, 0.05, 0.08):
        approx = cv2.approxPolyDP(hull, share * perimeter, True)
        if len(approx) == 4:
            return approx.reshape(4, 2).astype(np.float32)
    return None


def order_corners(points: np.ndarray) -> np.ndarray:
    """Top-left, top-right, bottom-right, bottom-left."""
    sums, diffs = points.sum(axis=1), np.diff(points, axis=1).ravel()
    return np.float32([points[np.argmin(sums)], points[np.argmin(diffs)],
                       points[np.argmax(sums)], points[np.argmax(diffs)]])


def warp_sheet(pixels: np.ndarray, corners: np.ndarray) -> np.ndarray:
    top_left, top_right, bottom_right, bottom_left = corners
    width = max(np.linalg.norm(top_right - top_left), np.linalg.norm(bottom_right - bottom_left))
    height = max(np.linalg.norm(bottom_left - top_left), np.linalg.norm(bottom_right - top_right))
    width, height = snap_to_a4(width, height)
    scale = PAGE_LONG_SIDE_PX / max(width, height)
    size = (int(round(width * scale)), int(round(height * scale)))
    target = np.float32([[0, 0], [size[0] - 1, 0], [size[0] - 1, size[1] - 1], [0, size[1] - 1]])
    matrix = cv2.getPerspectiveTransform(corners, target)
    return cv2.warpPerspective(pixels, matrix, size, flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)


def snap_to_a4(width: float, height: float) -> tuple[float, float]:
    long, short = max(width, height), min(width, height)
    if abs(long / short - A4_RATIO) / A4_RATIO > RATIO_SNAP:
        return width, height
    return (short * A4_RATIO, short) if width > height else (short, short * A4_RATIO)


# --- scale ----------------------------------------------------------------------------------------------

def scale_to_page(pixels: np.ndarray) -> np.ndarray:
    """Every page at one scale (long side PAGE_LONG_SIDE_PX), so sizes in the rules are in 300-dpi pixels."""
    scale = PAGE_LONG_SIDE_PX / max(pixels.shape[:2])
    if abs(scale - 1) < 0.02:
        return pixels
    method = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    return cv2.resize(pixels, None, fx=scale, fy=scale, interpolation=method)


# --- quarter turns --------------------------------------------------------------------------------------

TURNS = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}


def page_to_upright(gray: np.ndarray) -> tuple[np.ndarray, int]:
    scale = ORIENTATION_PX / max(gray.shape)
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    turn, confidence = detect_orientation(small, ORIENTATION_DPI)
    if turn == 0 or confidence < ORIENTATION_MIN_CONF:
        return gray, 0
    return cv2.rotate(gray, TURNS[turn]), turn


# --- skew -----------------------------------------------------------------------------------------------

def measure_skew(ink: np.ndarray) -> float:
    """Degrees to rotate (counter-clockwise positive, as cv2) so text lines and rules run level: the angle
    at which the ink's row profile is sharpest, searched coarse then fine."""
    ys, xs = np.nonzero(ink[::2, ::2])
    if len(xs) < 500:
        return 0.0
    if len(xs) > SKEW_SAMPLE_POINTS:
        pick = np.random.default_rng(0).choice(len(xs), SKEW_SAMPLE_POINTS, replace=False)
        xs, ys = xs[pick], ys[pick]
    xs, ys = xs.astype(np.float32), ys.astype(np.float32)
    best = max(np.arange(-SKEW_SEARCH_DEG, SKEW_SEARCH_DEG + 1e-6, 0.25), key=lambda a: sharpness(xs, ys, a))
    fine = np.arange(best - 0.25, best + 0.25 + 1e-6, 0.02)
    # the sharpest projection is at minus the text's tilt; undoing the tilt is rotating by that angle
    return float(round(-max(fine, key=lambda a: sharpness(xs, ys, a)), 2)) + 0.0


def sharpness(xs: np.ndarray, ys: np.ndarray, degrees: float) -> float:
    theta = np.deg2rad(degrees)
    projected = ys * np.cos(theta) + xs * np.sin(theta)
    counts = np.bincount((projected - projected.min()).astype(np.int32))
    return float(np.dot(counts, counts))


def rotate_by(pixels: np.ndarray, degrees: float) -> np.ndarray:
    if abs(degrees) < SKEW_MIN_DEG:
        return pixels
    h, w = pixels.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    white = 255 if pixels.ndim == 2 else (255, 255, 255)
    return cv2.warpAffine(pixels, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=white)
