"""Tesseract through tesserocr's C API (its wheel bundles libtesseract; the models are Debian's
`tesseract-ocr-rus` and `tesseract-ocr-osd`). One engine per thread, loaded once: an engine must not be
shared between threads, and loading the Russian model costs ≈ 0.3 s.

OpenMP: Tesseract starts a thread team per call; with one parser process per core the teams fight over
the cores, so `OMP_THREAD_LIMIT=1` is set (unless the caller set it) before the library loads.
"""

import os

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import threading  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from extractors.readers.ocr.model import OcrWord  # noqa: E402

LANGUAGE = "rus"
ORIENTATION_MODEL = "osd"
# Debian's folders, newest first; TESSDATA_PREFIX, when set, is the only place looked at.
TESSDATA_FOLDERS = ["/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                    "/usr/share/tessdata", "/usr/local/share/tessdata"]
# Tesseract's page segmentation modes used here (tesserocr.PSM): its own layout, a block, one line.
PSM_AUTO, PSM_BLOCK, PSM_LINE = 3, 6, 7
SOURCE_DPI = 300  # pages are normalised to it (pages.PAGE_LONG_SIDE_PX)
DASHES = "-–—"

_local = threading.local()


class OcrUnavailableError(RuntimeError):
    """tesserocr does not load, or the Russian model is not installed."""


@dataclass
class Recognised:
    lines: list[list[OcrWord]]  # words of each text line, in Tesseract's reading order
    paragraph_starts: list[int]  # indices of the lines that open a paragraph
    dash_widths: list[int] = field(default_factory=list)  # width of each dash glyph, in reading order

    @property
    def words(self) -> list[OcrWord]:
        return [word for line in self.lines for word in line]


def tessdata_folders() -> list[str]:
    prefix = os.environ.get("TESSDATA_PREFIX")
    return [prefix] if prefix else TESSDATA_FOLDERS


def tessdata_path(model: str = LANGUAGE) -> str | None:
    return next((f for f in tessdata_folders() if (Path(f) / f"{model}.traineddata").is_file()), None)


def missing_ocr() -> str | None:
    """What is missing for OCR here, in words for the reason; None when it can run."""
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        return "не установлен модуль tesserocr"
    if tessdata_path() is None:
        return f"нет русской модели Tesseract ({LANGUAGE}.traineddata в {', '.join(tessdata_folders())})"
    return None


def tesserocr_module():
    import tesserocr

    return tesserocr


def text_engine():
    """This thread's engine for text (created on first use)."""
    if getattr(_local, "text", None) is None:
        tesserocr = tesserocr_module()
        path = tessdata_path()
        if path is None:
            raise OcrUnavailableError(missing_ocr())
        _local.text = tesserocr.PyTessBaseAPI(path=path, lang=LANGUAGE, psm=PSM_BLOCK,
                                              oem=tesserocr.OEM.LSTM_ONLY)
    return _local.text


def orientation_engine():
    """This thread's engine for orientation (OSD); None without the osd model: pages are then taken upright."""
    if getattr(_local, "osd", "unset") == "unset":
        tesserocr = tesserocr_module()
        path = tessdata_path(ORIENTATION_MODEL)
        _local.osd = None if path is None else tesserocr.PyTessBaseAPI(
            path=path, lang=ORIENTATION_MODEL, psm=tesserocr.PSM.OSD_ONLY)
    return _local.osd


def read_image(gray: np.ndarray, psm: int) -> Recognised:
    """Recognise a grey image (a cell's canvas or a whole page); word boxes are in its pixels."""
    api = text_engine()
    api.SetPageSegMode(psm)
    api.SetImage(Image.fromarray(gray))
    api.SetSourceResolution(SOURCE_DPI)
    api.Recognize()
    return recognised_from(api)


def recognised_from(api) -> Recognised:
    tesserocr = tesserocr_module()
    lines: list[list[OcrWord]] = []
    paragraph_starts: list[int] = []
    iterator = api.GetIterator()
    level = tesserocr.RIL.WORD
    if iterator is None:
        return Recognised(lines, paragraph_starts)
    for word in tesserocr.iterate_level(iterator, level):
        try:
            text = word.GetUTF8Text(level)
        except RuntimeError:  # tesserocr raises on a word without text instead of returning ""
            continue
        if text is None or not text.strip():
            continue
        if not lines or word.IsAtBeginningOf(tesserocr.RIL.TEXTLINE):
            if not lines or word.IsAtBeginningOf(tesserocr.RIL.PARA):
                paragraph_starts.append(len(lines))
            lines.append([])
        box = word.BoundingBox(level) or (0, 0, 0, 0)
        lines[-1].append(OcrWord(text=text.strip(), confidence=round(word.Confidence(level), 1), bbox=tuple(box),
                                 baseline=baseline_under(word.Baseline(level), box)))
    recognised = Recognised(lines, paragraph_starts)
    if any(ch in DASHES for w in recognised.words for ch in w.text):
        recognised.dash_widths = dash_glyph_widths(api)
    return recognised


def baseline_under(baseline, box) -> int:
    """The baseline's height at the middle of the word (the box's bottom when Tesseract gives none)."""
    if not baseline:
        return box[3]
    (x1, y1), (x2, y2) = baseline
    middle = (box[0] + box[2]) / 2
    return round(y1 if x2 == x1 else y1 + (y2 - y1) * (middle - x1) / (x2 - x1))


def dash_glyph_widths(api) -> list[int]:
    """Widths of the dash glyphs: an en and an em dash differ only in length (see glyphs.py)."""
    tesserocr = tesserocr_module()
    widths = []
    level = tesserocr.RIL.SYMBOL
    for symbol in tesserocr.iterate_level(api.GetIterator(), level):
        try:
            text = symbol.GetUTF8Text(level)
        except RuntimeError:
            continue
        if text and text in DASHES:
            x0, _, x1, _ = symbol.BoundingBox(level)
            widths.append(x1 - x0)
    return widths


def mean_confidence(words: list[OcrWord]) -> float | None:
    """The words' confidences weighted by their length: a misread «1.» weighs less than a long word."""
    weight = sum(len(w.text) for w in words)
    if not weight:
        return None
    return round(sum(w.confidence * len(w.text) for w in words) / weight, 1)


def detect_orientation(gray: np.ndarray, dpi: int) -> tuple[int, float]:
    """(clockwise turn that makes the page upright, confidence); (0, 0.0) when OSD finds too little."""
    api = orientation_engine()
    if api is None:
        return 0, 0.0
    api.SetImage(Image.fromarray(gray))
    api.SetSourceResolution(dpi)
    try:
        result = api.DetectOrientationScript()
    except RuntimeError:
        return 0, 0.0
    if not result:
        return 0, 0.0
    # orient_deg is how far the text is turned clockwise; turning it that far back rights it
    return (360 - int(result["orient_deg"])) % 360, float(result["orient_conf"])
