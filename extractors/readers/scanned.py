"""Scans and photos: PDF pages without a (good) text layer and image files go through OCR
(extractors/readers/ocr), imported only here and only when a page needs it.

Without Tesseract (tesserocr missing, or no Russian model) a scan is refused with a reason that says so.
A process keeps the recognition of the last few scans it read: the same bytes read again (a night
re-reading a file, `svodka extract` after an ingest, the golden tests) are not recognised twice.
"""

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path

from schemas import DocumentContent, Paragraph, ScannedFileError, TooLargeError, UnreadableFileError

MAX_OCR_PAGES = 40  # a plan is a few pages; hundreds of scanned pages would hold the parser for an hour
KEPT_DOCUMENTS = 4
# A picture whose long side is shorter holds an A4 page at under 100 dpi: too coarse for any letter to be
# read (Tesseract wants 200-300), and enlarging it only costs seconds.
MIN_IMAGE_LONG_SIDE_PX = 1200

_recognised: OrderedDict[tuple, list] = OrderedDict()
_lock = threading.Lock()


def ocr_module(what: str, check_engine: bool = True):
    """The OCR package, or the refusal that says OCR is not installed here (`what`: what the file is);
    `check_engine=False` only loads the package (its page images need Pillow and OpenCV, not Tesseract)."""
    try:
        from extractors.readers import ocr
    except ImportError as error:  # OpenCV failed to load
        raise ScannedFileError("ocr.unavailable", what=what, missing=f"не загружается {error.name}") from error
    if check_engine and (missing := ocr.missing_ocr()) is not None:
        raise ScannedFileError("ocr.unavailable", what=what, missing=missing)
    return ocr


def pdf_pages_to_scanned(path: Path, numbers: list[int], what: str) -> dict:
    """Page number → ScannedPage (extractors/readers/ocr/content.py) for the given PDF pages."""
    if len(numbers) > MAX_OCR_PAGES:
        raise TooLargeError("scan.too_many_pages", pages=len(numbers), limit=MAX_OCR_PAGES)
    ocr = ocr_module(what)
    pages = recognised(path, tuple(numbers), lambda: ocr.pdf_page_images(path, numbers), ocr)
    return {page.number: page for page in pages}


def read_image(path: Path) -> DocumentContent:
    """An image file (JPEG, PNG, TIFF with many pages, GIF, BMP, WebP): every frame is a page to OCR. A
    broken, huge or too coarse picture is refused before OCR is even asked for."""
    ocr = ocr_module("изображение", check_engine=False)
    from extractors.readers.pdf import pages_to_content

    try:
        frames, width, height = ocr.image_frames_and_size(path)
        if frames > MAX_OCR_PAGES:
            raise TooLargeError("scan.too_many_pages", pages=frames, limit=MAX_OCR_PAGES)
        if max(width, height) < MIN_IMAGE_LONG_SIDE_PX:
            raise UnreadableFileError("image.too_small", width=width, height=height)
        ocr_module("изображение")
        pages = recognised(path, None, lambda: ocr.image_page_images(path), ocr)
    except ocr.UnreadableImageError as error:
        raise UnreadableFileError("image.corrupt") from error
    return pages_to_content(DocumentContent(format="image", pages=frames), pages)


def recognised(path: Path, numbers: tuple | None, images: Callable[[], Iterator], ocr) -> list:
    """The pages' ScannedPages, recognised now or taken from what this process recognised before."""
    from extractors.readers.ocr.content import result_to_scanned_page

    key = (hashlib.sha256(path.read_bytes()).hexdigest(), numbers)
    with _lock:
        results = _recognised.get(key)
    if results is None:
        results = [(ocr.page_image_to_result(image), image.points_per_px) for image in images()]
        with _lock:
            _recognised[key] = results
            while len(_recognised) > KEPT_DOCUMENTS:
                _recognised.popitem(last=False)
    return [result_to_scanned_page(result, points_per_px) for result, points_per_px in results]


def add_scanned_paragraphs(content: DocumentContent, page, has_table: bool) -> None:
    """A scanned page's lines at the positions a text page's would take (pdf.add_page_paragraphs)."""
    for offset, lines in ((0, page.lines_above), (60_000, page.lines_below if has_table else [])):
        for line in lines:
            position = page.number * 100_000 + offset + len(content.paragraphs)
            content.paragraphs.append(Paragraph(text=line, page=page.number, position=position))
