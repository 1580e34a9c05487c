"""What a file really is, judged by its bytes first and its name second."""

import zipfile
from pathlib import Path

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc / .xls
ZIP_MAGIC = b"PK\x03\x04"

# Formats we can tell apart but only read after conversion (LibreOffice) or not at all.
CONVERTIBLE = {"doc", "rtf", "odt"}
# Pictures of pages (scans, phone photos), read by OCR: JPEG, PNG, TIFF (both byte orders), GIF, BMP, WebP.
IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*", b"GIF87a", b"GIF89a", b"BM")


def sniff_format(path: Path) -> str:
    """One of docx, pdf, txt, doc, rtf, odt, image, zip, empty, binary."""
    with open(path, "rb") as f:
        head = f.read(4096)
    if not head.strip():
        return "empty"
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head.startswith(IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if head.startswith(OLE2_MAGIC):
        return "doc"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(ZIP_MAGIC):
        return zip_kind(path)
    return "txt" if looks_like_text(head) else "binary"


def zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and b"opendocument.text" in z.read("mimetype"):
                return "odt"
    except zipfile.BadZipFile:
        return "zip"
    return "zip"


def looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls <= len(head) // 100


def suffix_format(name: str) -> str:
    suffix = Path(name).suffix.lower().lstrip(".")
    return {"text": "txt", "htm": "txt", "html": "txt", "csv": "txt"}.get(suffix, suffix)
