"""Readers, chosen from an explicit table keyed by the *sniffed* format (not only the file's suffix)."""

from collections.abc import Callable
from pathlib import Path

from extractors.readers.converted import read_converted
from extractors.readers.pdf import read_pdf
from extractors.readers.scanned import read_image
from extractors.readers.spreadsheet_books import read_ods, read_xls, read_xlsx
from extractors.readers.text import read_text
from extractors.readers.web import read_html, read_mht
from extractors.readers.word_package import read_word
from schemas import DocumentContent

Reader = Callable[[Path], DocumentContent]

READERS: dict[str, Reader] = {
    "docx": read_word,  # .docm, .dotx, .dotm and Strict OOXML too; macros never run or kept
    "pdf": read_pdf,
    "txt": read_text,
    "doc": read_converted,  # through LibreOffice when it is installed
    "rtf": read_converted,
    "odt": read_converted,
    "xlsx": read_xlsx,  # .xlsm too: macros are never loaded
    "xls": read_xls,
    "ods": read_ods,
    "html": read_html,  # also Word's web page renamed .doc
    "mht": read_mht,
    "image": read_image,  # a scan or photo of a page: OCR
}
