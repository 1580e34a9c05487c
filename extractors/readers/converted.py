"""Legacy Word (.doc), RTF and ODT: converted to DOCX by LibreOffice when it is installed, then read as
DOCX. Without LibreOffice the sender is asked to save the file as DOCX."""

import shutil
import subprocess
import tempfile
from pathlib import Path

from extractors.readers.docx import read_docx
from extractors.sniff import sniff_format
from schemas import DocumentContent, UnreadableFileError, UnsupportedFormatError

CONVERSION_TIMEOUT = 180  # seconds; LibreOffice's first start in a fresh profile is slow


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_converted(path: Path) -> DocumentContent:
    suffix = path.suffix.lower() or f".{sniff_format(path)}"  # a stored original has no name of its own
    office = libreoffice()
    if office is None:
        raise UnsupportedFormatError("convert.no_office", suffix=suffix)
    with tempfile.TemporaryDirectory(prefix="svodka-convert-") as folder:
        source = Path(folder) / f"upload{suffix}"
        shutil.copyfile(path, source)
        converted = convert_to_docx(office, source, Path(folder))
        return read_docx(converted).model_copy(update={"format": "docx"})


def convert_to_docx(office: str, source: Path, folder: Path) -> Path:
    command = [office, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to",
               "docx", "--outdir", str(folder), str(source)]
    try:
        subprocess.run(command, capture_output=True, timeout=CONVERSION_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as error:
        raise UnreadableFileError("convert.timeout", minutes=CONVERSION_TIMEOUT // 60) from error
    converted = source.with_suffix(".docx")
    if not converted.exists():
        raise UnreadableFileError("convert.failed")
    return converted
