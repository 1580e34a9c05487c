"""OCR of scanned plans and phone photos: ruled tables read cell by cell with Russian Tesseract, the text
around them as paragraphs, every value with its recognition confidence.

Imported only when a page needs it (extractors/readers/text_layer.py decides): a PDF with a good text
layer never loads OpenCV or Tesseract. Parsing runs one document per worker process, so each library
gets one thread: two OpenMP or OpenCV thread teams per process on two cores only fight.

    pdf_page_images(path, numbers) / image_page_images(path)  → PageImage per page (pages.py)
    page_image_to_result(image)    → PageResult: tables of cells with confidence, paragraphs (page.py)
    content.result_to_scanned_page(result, points_per_px) → page pieces for the shared assembly

extractors/readers/scanned.py is the door: it checks OCR is installed and calls these.
"""

import os

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # before libtesseract loads (engine.py)

import cv2  # noqa: E402

cv2.setNumThreads(1)

from extractors.readers.ocr.engine import OcrUnavailableError, missing_ocr  # noqa: E402
from extractors.readers.ocr.page import page_image_to_result  # noqa: E402
from extractors.readers.ocr.pages import (  # noqa: E402
    UnreadableImageError,
    image_frames_and_size,
    image_page_images,
    pdf_page_images,
)

__all__ = ["OcrUnavailableError", "UnreadableImageError", "image_frames_and_size", "image_page_images",
           "missing_ocr", "page_image_to_result", "pdf_page_images"]
