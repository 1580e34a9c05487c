"""Pages of a scanned file as pixel arrays: PDF pages rendered with pypdfium2, image frames (JPEG, PNG,
multi-page TIFF, GIF, BMP, WebP) with their EXIF orientation applied. One page at a time, so a long scan
never sits in memory whole."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

PAGE_LONG_SIDE_PX = 3508  # A4 at 300 dpi, Tesseract's sweet spot; every page is brought to this scale
MAX_SOURCE_PIXELS = 120_000_000  # a decompression-bomb guard well above a 600-dpi A3 page


class UnreadableImageError(ValueError):
    """Pillow cannot open the image (truncated, corrupt, or a format it does not read)."""


@dataclass
class PageImage:
    number: int  # 1-based page (or frame) in the file
    pixels: np.ndarray  # H×W×3 RGB or H×W grey, uint8
    points_per_px: float  # PDF points per pixel of `pixels` (for images: as if at 300 dpi)


def pdf_page_images(path: Path, numbers: list[int]) -> Iterator[PageImage]:
    """The given pages (1-based) of a PDF, rendered so the long side is PAGE_LONG_SIDE_PX. Colour is kept:
    a blue stamp is easier to drop by its colour than by its shape."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        for number in numbers:
            page = pdf[number - 1]
            width, height = page.get_size()
            scale = PAGE_LONG_SIDE_PX / max(width, height)
            bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB byte order, no conversion pass
            pixels = bitmap.to_numpy()
            pixels = np.ascontiguousarray(pixels[:, :, :3]) if pixels.ndim == 3 else pixels.copy()
            page.close()
            yield PageImage(number, pixels, 1 / scale)
    finally:
        pdf.close()


def image_frames_and_size(path: Path) -> tuple[int, int, int]:
    """(frames, width, height) of an image file, its first frame's size as stored (EXIF not applied)."""
    with open_image(path) as image:
        return getattr(image, "n_frames", 1), *image.size


def image_page_images(path: Path) -> Iterator[PageImage]:
    """Every frame of an image file, upright as its EXIF orientation says (phones store the pixels
    sideways plus a tag)."""
    with open_image(path) as image:
        try:
            for index, frame in enumerate(ImageSequence.Iterator(image)):
                upright = ImageOps.exif_transpose(frame)
                yield PageImage(index + 1, pil_to_array(upright), 72 / 300)
        except (OSError, ValueError) as error:  # a truncated frame
            raise UnreadableImageError(str(error)) from error


def open_image(path: Path) -> Image.Image:
    Image.MAX_IMAGE_PIXELS = MAX_SOURCE_PIXELS
    try:
        return Image.open(path)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise UnreadableImageError(str(error)) from error


def pil_to_array(image: Image.Image) -> np.ndarray:
    if image.mode in ("1", "L", "I;16", "I", "F"):
        return np.asarray(image.convert("L"))
    return np.asarray(image.convert("RGB"))
