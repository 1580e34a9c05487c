"""Scans and photos: PDF pages without a (good) text layer and image files go through OCR
(extractors/readers/ocr), imported only here and only when a page needs it.

Without Tesseract (tesserocr missing, or no Russian model) a scan is refused with a reason that says so.
"""

from pathlib import Path

from schemas import DocumentContent, Paragraph, ScannedFileError, TooLargeError, UnreadableFileError

MAX_OCR_PAGES = 40  # a plan is a few pages; hundreds of scanned pages would hold the parser for an hour


def ocr_module(what: str):
    """The OCR package, or the refusal that says OCR is not installed here (`what`: what the file is)."""
    try:
        from extractors.readers import ocr
    except ImportError as error:  # OpenCV or tesserocr failed to load
        raise ScannedFileError("ocr.unavailable", what=what, missing=f"не загружается {error.name}") from error
    if (missing := ocr.missing_ocr()) is not None:
        raise ScannedFileError("ocr.unavailable", what=what, missing=missing)
    return ocr


def pdf_pages_to_scanned(path: Path, numbers: list[int], what: str) -> dict:
    """Page number → ScannedPage (extractors/readers/ocr/content.py) for the given PDF pages."""
    if len(numbers) > MAX_OCR_PAGES:
        raise TooLargeError("scan.too_many_pages", pages=len(numbers), limit=MAX_OCR_PAGES)
    ocr = ocr_module(what)
    from extractors.readers.ocr.content import result_to_scanned_page

    return {image.number: result_to_scanned_page(ocr.page_image_to_result(image), image.points_per_px)
            for image in ocr.pdf_page_images(path, numbers)}


def read_image(path: Path) -> DocumentContent:
    """An image file (JPEG, PNG, TIFF with many pages, GIF, BMP, WebP): every frame is a page to OCR."""
    ocr = ocr_module("изображение")
    from extractors.readers.ocr.content import result_to_scanned_page
    from extractors.readers.pdf import pages_to_content

    try:
        frames = ocr.count_image_frames(path)
        if frames > MAX_OCR_PAGES:
            raise TooLargeError("scan.too_many_pages", pages=frames, limit=MAX_OCR_PAGES)
        scanned = [result_to_scanned_page(ocr.page_image_to_result(image), image.points_per_px)
                   for image in ocr.image_page_images(path)]
    except ocr.UnreadableImageError as error:
        raise UnreadableFileError("image.corrupt") from error
    return pages_to_content(DocumentContent(format="image", pages=frames), scanned)


def add_scanned_paragraphs(content: DocumentContent, page, has_table: bool) -> None:
    """A scanned page's lines at the positions a text page's would take (pdf.add_page_paragraphs)."""
    for offset, lines in ((0, page.lines_above), (60_000, page.lines_below if has_table else [])):
        for line in lines:
            position = page.number * 100_000 + offset + len(content.paragraphs)
            content.paragraphs.append(Paragraph(text=line, page=page.number, position=position))
