"""Before reading: is this a file we can and should read? Each refusal says what was expected, what was
found, and what the sender can do about it."""

from pathlib import Path

from extractors.readers import READERS
from extractors.readers.pdf import count_pdf_pages
from extractors.sniff import CONVERTIBLE, suffix_format
from pipeline.settings import Settings
from schemas import EmptyFileError, SourceFile, TooLargeError, UnreadableFileError, UnsupportedFormatError

FORMAT_NAMES = {"docx": "DOCX", "pdf": "PDF", "txt": "текст", "doc": "DOC (Word 97–2003)", "rtf": "RTF",
                "odt": "ODT", "zip": "ZIP-архив", "binary": "двоичный файл неизвестного типа"}
KNOWN_SUFFIXES = set(FORMAT_NAMES) - {"binary"}


def check_admissible(source: SourceFile, settings: Settings) -> str:
    """The reader format to use, or an error explaining why the file is not read."""
    fmt, named = source.format or "binary", suffix_format(source.name)
    if fmt == "empty" or source.size == 0:
        raise EmptyFileError("Файл пустой (0 байт или одни пробелы): загрузите его заново")
    if source.size > settings.max_file_bytes:
        raise TooLargeError(f"Файл больше допустимого ({source.size / 2**20:.1f} МБ при пределе "
                            f"{settings.max_file_mb:g} МБ)")
    if Path(source.name).name.startswith(("~$", ".~lock")):
        raise UnsupportedFormatError("Это временный файл Word/LibreOffice, а не документ")
    if named in KNOWN_SUFFIXES and named != fmt and not {named, fmt} <= CONVERTIBLE:
        raise UnreadableFileError(misnamed_reason(named, fmt))
    if fmt == "pdf" and (pages := count_pdf_pages(source.path)) > settings.max_pages:
        raise TooLargeError(f"В PDF {pages} страниц при пределе {settings.max_pages}: это не похоже на план")
    if fmt not in READERS:
        raise UnsupportedFormatError(
            f"Это {FORMAT_NAMES.get(fmt, fmt)}, а не план: ожидался DOCX, PDF или текстовый файл")
    return fmt


def misnamed_reason(named: str, fmt: str) -> str:
    if fmt in ("docx", "pdf", "txt", "doc", "rtf", "odt"):
        return (f"Файл назван .{named}, но по содержимому это {FORMAT_NAMES[fmt]}: переименуйте его "
                f"(расширение .{fmt}) и загрузите снова")
    return (f"Файл назван .{named}, но его содержимое не похоже на {FORMAT_NAMES[named]}: файл повреждён "
            "или сохранён неверно — сохраните его заново и загрузите")
