"""Pictures (JPEG, PNG, TIFF, GIF, BMP, WebP): a photo or scan of a plan, or a logo that came with one.

Reading text off a picture is the OCR reader's job; until it is in `READERS["image"]`, a picture is
quarantined with a reason that calls it what it is."""

from pathlib import Path

from schemas import DocumentContent, UnsupportedFormatError


def read_image(path: Path) -> DocumentContent:
    raise UnsupportedFormatError("image.not_read")
