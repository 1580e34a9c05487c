"""What a file really is, judged by its bytes first and its name second.

Regions send what they have: an Excel book, a Word web page renamed .doc, a ZIP named план.pdf, a phone
photo, a password-protected DOCX (which is an OLE container like a .doc, not a ZIP). Each is told apart
here by its magic bytes and, for containers, by what is inside them.
"""

import re
import zipfile
from pathlib import Path
from typing import BinaryIO

import olefile

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc / .xls, and encrypted OOXML
ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"

# Formats we can tell apart but only read after conversion (LibreOffice) or not at all.
CONVERTIBLE = {"doc", "rtf", "odt"}
# Pictures of pages (scans, phone photos), read by OCR: JPEG, PNG, TIFF, GIF, BMP and WebP (see is_image).
IMAGE_MAGIC = [  # (offset, bytes): what a picture starts with
    (0, b"\xff\xd8\xff"),  # JPEG
    (0, b"\x89PNG\r\n\x1a\n"),
    (0, b"GIF87a"), (0, b"GIF89a"),
    (0, b"II*\x00"), (0, b"MM\x00*"),  # TIFF, both byte orders
]
OTHER_ARCHIVES = [(b"Rar!\x1a\x07", "rar"), (b"7z\xbc\xaf\x27\x1c", "7z")]
BMP_HEADER_SIZES = {12, 40, 52, 56, 64, 108, 124}  # the DIB headers a real BMP has after «BM»
HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body|table)[\s>]",
                        re.IGNORECASE | re.DOTALL)
MIME_HEADER = re.compile(rb"^\s*(?:MIME-Version|Content-Type|From|Subject|Date)\s*:", re.IGNORECASE)
# The part of the package that names what an office ZIP is.
ZIP_MAIN_PARTS = [("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx")]
ODF_MIMETYPES = [(b"opendocument.text", "odt"), (b"opendocument.spreadsheet", "ods")]
PACKAGE_MARKERS = {"[Content_Types].xml", "mimetype"}


def sniff_format(path: Path) -> str:
    """One of docx, xlsx, pdf, txt, html, mht, doc, xls, rtf, odt, ods, zip, package, rar, 7z, image,
    encrypted, empty, binary."""
    with open(path, "rb") as f:
        head = f.read(4096)
    if not head.strip():
        return "empty"
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head.startswith(OLE2_MAGIC):
        return ole_kind(path)
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        return zip_kind(path)
    if is_image(head):
        return "image"
    for magic, kind in OTHER_ARCHIVES:
        if head.startswith(magic):
            return kind
    if not looks_like_text(head):
        return "binary"
    if HTML_START.match(head):
        return "html"
    if MIME_HEADER.match(head) and b"multipart/related" in head.lower():
        return "mht"
    return "txt"


def is_image(head: bytes) -> bool:
    if any(head[offset:offset + len(magic)] == magic for offset, magic in IMAGE_MAGIC):
        return True
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return True
    return head[:2] == b"BM" and len(head) > 18 and int.from_bytes(head[14:18], "little") in BMP_HEADER_SIZES


def zip_kind(file: Path | BinaryIO) -> str:
    """An office package by its main part; a package of another kind (a presentation, a DOCX without its
    document) is «package», not an archive to unpack; anything else is a plain ZIP archive."""
    try:
        with zipfile.ZipFile(file) as z:
            names = set(z.namelist())
            for part, kind in ZIP_MAIN_PARTS:
                if part in names:
                    return kind
            if "mimetype" in names:
                mimetype = z.read("mimetype")[:100]
                for marker, kind in ODF_MIMETYPES:
                    if marker in mimetype:
                        return kind
            if names & PACKAGE_MARKERS:
                return "package"
    except (zipfile.BadZipFile, OSError, EOFError):
        return "zip"
    return "zip"


def ole_kind(path: Path) -> str:
    """An OLE2 container: a Word 97–2003 document, an Excel 97–2003 book, or a password-protected DOCX or
    XLSX (its package encrypted into an `EncryptedPackage` stream). A container olefile cannot open is left
    to LibreOffice, which says whether it is a document at all."""
    try:
        with olefile.OleFileIO(str(path)) as ole:
            streams = {"/".join(entry).lower() for entry in ole.listdir()}
            if "encryptedpackage" in streams:
                return "encrypted"
            if "worddocument" in streams:
                return "encrypted" if word_fib_encrypted(ole.openstream("WordDocument").read(12)) else "doc"
            if "workbook" in streams or "book" in streams:
                return "xls"
    except Exception:  # noqa: BLE001 — olefile raises many kinds for a damaged container; LibreOffice decides
        return "doc"
    return "doc"


def word_fib_encrypted(fib: bytes) -> bool:
    """The fEncrypted bit of a Word 97–2003 file's header (FIB flags at offset 0x0A, bit 8)."""
    return len(fib) >= 12 and bool(int.from_bytes(fib[10:12], "little") & 0x0100)


def looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls <= len(head) // 100


# A file's suffix → the format family it claims; suffixes of one family are one claim (.xlsm is an .xlsx).
SUFFIX_FORMATS = {
    "text": "txt", "csv": "txt", "md": "txt",
    "htm": "html", "html": "html", "xhtml": "html", "mhtml": "mht",
    "docm": "docx", "dotx": "docx", "dotm": "docx",
    "xlsm": "xlsx", "xltx": "xlsx", "xltm": "xlsx",
    "jpg": "image", "jpeg": "image", "png": "image", "gif": "image", "tif": "image", "tiff": "image",
    "bmp": "image", "webp": "image",
}


def suffix_format(name: str) -> str:
    suffix = Path(name).suffix.lower().lstrip(".")
    return SUFFIX_FORMATS.get(suffix, suffix)


OFFICE_PACKAGES = {"docx", "xlsx", "ods", "odt"}


def is_plain_archive(fmt: str, name: str) -> bool:
    """A ZIP to unpack, whatever its name (план.pdf) — except under an office document's name, where a
    ZIP without the document inside is that document, damaged."""
    return fmt == "zip" and suffix_format(name) not in OFFICE_PACKAGES
