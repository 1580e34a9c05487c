"""Legacy Word (.doc), RTF and ODT: converted to DOCX by LibreOffice when it is installed, then read as
DOCX. Without LibreOffice the sender is asked to save the file as DOCX."""

import shutil
import subprocess
import tempfile
from pathlib import Path

from extractors.readers.docx import read_docx
from schemas import DocumentContent, UnreadableFileError, UnsupportedFormatError

CONVERSION_TIMEOUT = 180  # seconds; LibreOffice's first start in a fresh profile is slow


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_converted(path: Path) -> DocumentContent:
    office = libreoffice()
    if office is None:
        raise UnsupportedFormatError(
            f"Формат «{path.suffix or 'без расширения'}» (Word 97–2003, RTF или ODT) читается только через "
            "LibreOffice, а он не установлен: откройте файл в Word и сохраните как DOCX")
    with tempfile.TemporaryDirectory(prefix="svodka-convert-") as folder:
        source = Path(folder) / f"upload{path.suffix.lower() or '.doc'}"
        shutil.copyfile(path, source)
        converted = convert_to_docx(office, source, Path(folder))
        return read_docx(converted).model_copy(update={"format": "docx"})


def convert_to_docx(office: str, source: Path, folder: Path) -> Path:
    command = [office, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to",
               "docx", "--outdir", str(folder), str(source)]
    try:
        subprocess.run(command, capture_output=True, timeout=CONVERSION_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as error:
        raise UnreadableFileError("LibreOffice не смог преобразовать файл за 3 минуты") from error
    converted = source.with_suffix(".docx")
    if not converted.exists():
        raise UnreadableFileError("LibreOffice не смог открыть файл: он повреждён или это не документ")
    return converted
