"""Readers, chosen from an explicit table keyed by the *sniffed* format (not only the file's suffix)."""

from collections.abc import Callable
from pathlib import Path

from extractors.readers.converted import read_converted
from extractors.readers.docx import read_docx
from extractors.readers.pdf import read_pdf
from extractors.readers.scanned import read_image
from extractors.readers.text import read_text
from schemas import DocumentContent

Reader = Callable[[Path], DocumentContent]

READERS: dict[str, Reader] = {
    "docx": read_docx,
    "pdf": read_pdf,
    "txt": read_text,
    "doc": read_converted,  # through LibreOffice when it is installed
    "rtf": read_converted,
    "odt": read_converted,
    "image": read_image,  # a scan or photo of a page: OCR
}
