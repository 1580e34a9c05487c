"""Before reading: is this a file we can and should read? Each refusal says what was expected, what was
found, and what the sender can do about it."""

from pathlib import Path

from extractors.readers import READERS
from extractors.readers.pdf import count_pdf_pages
from extractors.sniff import is_plain_archive, suffix_format
from pipeline.settings import Settings
from schemas import (
    EmptyFileError,
    EncryptedFileError,
    SourceFile,
    TooLargeError,
    UnreadableFileError,
    UnsupportedFormatError,
)

FORMAT_NAMES = {"docx": "DOCX", "pdf": "PDF", "txt": "текст", "doc": "DOC (Word 97–2003)", "rtf": "RTF",
                "odt": "ODT", "xlsx": "XLSX (Excel)", "xls": "XLS (Excel 97–2003)", "ods": "ODS",
                "html": "веб-страница (HTML)", "mht": "веб-архив (MHT)", "zip": "ZIP-архив",
                "package": "документ Office неизвестного вида (не Word и не Excel)",
                "image": "изображение", "binary": "двоичный файл неизвестного типа"}
KNOWN_SUFFIXES = set(FORMAT_NAMES) - {"binary", "image", "package"}
# Read whatever the file is called: a photo renamed .pdf is still a photo (an archive too, see below).
ANY_NAME = {"image"}
# A name and content that differ without the sender knowing: Word and Excel save web pages and RTF under
# .doc and .xls names and open them again without a word.
SAME_TO_SENDER = {
    "doc": {"rtf", "odt", "html", "mht"}, "rtf": {"doc", "odt"}, "odt": {"doc", "rtf"},
    "xls": {"html", "mht"}, "html": {"mht", "txt"}, "mht": {"html"}, "txt": {"html"},
}
RENAMEABLE = {"docx", "pdf", "txt", "doc", "rtf", "odt", "xlsx", "xls", "ods", "html", "mht"}


def check_admissible(source: SourceFile, settings: Settings) -> str:
    """The reader format to use («zip»: an archive, see pipeline/archives.py), or an error explaining why
    the file is not read."""
    fmt, named = source.format or "binary", suffix_format(source.name)
    if fmt == "empty" or source.size == 0:
        raise EmptyFileError("file.empty")
    if source.size > settings.max_file_bytes:
        raise TooLargeError("file.too_large", size_mb=f"{source.size / 2**20:.1f}",
                            limit_mb=f"{settings.max_file_mb:g}")
    if Path(source.name).name.startswith(("~$", ".~lock")):  # inside an archive; the inbox's are waiting
        raise UnsupportedFormatError("file.temporary")
    if fmt == "encrypted":
        raise EncryptedFileError("file.encrypted_office")
    if fmt in ("rar", "7z"):
        raise UnsupportedFormatError("file.other_archive", kind=fmt.upper())
    if is_plain_archive(fmt, source.name):
        return "zip"
    if named in KNOWN_SUFFIXES and named != fmt and fmt not in ANY_NAME | SAME_TO_SENDER.get(named, set()):
        raise misnamed(named, fmt)
    if fmt == "pdf" and (pages := count_pdf_pages(source.path)) > settings.max_pages:
        raise TooLargeError("file.too_many_pages", pages=pages, limit=settings.max_pages)
    if fmt not in READERS:
        raise UnsupportedFormatError("file.unsupported", actual=FORMAT_NAMES.get(fmt, fmt))
    return fmt


def misnamed(named: str, fmt: str) -> UnreadableFileError:
    if fmt in RENAMEABLE:
        return UnreadableFileError("file.misnamed", named=named, actual=FORMAT_NAMES[fmt], suffix=fmt)
    return UnreadableFileError("file.broken_as_named", named=named, expected=FORMAT_NAMES[named])
