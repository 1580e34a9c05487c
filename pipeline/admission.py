"""Before reading: is this a file we can and should read? Each refusal says what was expected, what was
found, and what the sender can do about it."""

from pathlib import Path

from extractors.readers import READERS
from extractors.readers.pdf import count_pdf_pages
from extractors.sniff import CONVERTIBLE, suffix_format
from pipeline.settings import Settings
from schemas import EmptyFileError, SourceFile, TooLargeError, UnreadableFileError, UnsupportedFormatError

FORMAT_NAMES = {"docx": "DOCX", "pdf": "PDF", "txt": "текст", "doc": "DOC (Word 97–2003)", "rtf": "RTF",
                "odt": "ODT", "image": "изображение", "zip": "ZIP-архив", "binary": "двоичный файл неизвестного типа"}
KNOWN_SUFFIXES = set(FORMAT_NAMES) - {"binary", "image"}


def check_admissible(source: SourceFile, settings: Settings) -> str:
    """The reader format to use, or an error explaining why the file is not read."""
    fmt, named = source.format or "binary", suffix_format(source.name)
    if fmt == "empty" or source.size == 0:
        raise EmptyFileError("file.empty")
    if source.size > settings.max_file_bytes:
        raise TooLargeError("file.too_large", size_mb=f"{source.size / 2**20:.1f}",
                            limit_mb=f"{settings.max_file_mb:g}")
    if Path(source.name).name.startswith(("~$", ".~lock")):
        raise UnsupportedFormatError("file.temporary")
    # a picture of a page is read whatever it is called (a scan saved as «план.pdf» is still a scan)
    if named in KNOWN_SUFFIXES and named != fmt and not {named, fmt} <= CONVERTIBLE and fmt != "image":
        raise misnamed(named, fmt)
    if fmt == "pdf" and (pages := count_pdf_pages(source.path)) > settings.max_pages:
        raise TooLargeError("file.too_many_pages", pages=pages, limit=settings.max_pages)
    if fmt not in READERS:
        raise UnsupportedFormatError("file.unsupported", actual=FORMAT_NAMES.get(fmt, fmt))
    return fmt


def misnamed(named: str, fmt: str) -> UnreadableFileError:
    if fmt in ("docx", "pdf", "txt", "doc", "rtf", "odt"):
        return UnreadableFileError("file.misnamed", named=named, actual=FORMAT_NAMES[fmt], suffix=fmt)
    return UnreadableFileError("file.broken_as_named", named=named, expected=FORMAT_NAMES[named])
