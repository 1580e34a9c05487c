"""Checks on an office ZIP package (DOCX, XLSX, ODS) before any XML is parsed: a zip bomb (a small file
that inflates to gigabytes) and XML entity tricks are refused with a reason instead of exhausting the
machine. The archive reader (pipeline/archives.py) applies the same limits to an upload's members."""

import zipfile
from pathlib import Path

from schemas import TooLargeError, UnreadableFileError

MAX_UNPACKED_BYTES = 200 * 2**20  # a real plan unpacks to a few MB
MAX_RATIO = 200  # XML compresses ~10×; hundreds of times means a bomb
XML_PART_SUFFIXES = (".xml", ".rels")


def check_docx_package(path: Path) -> None:
    check_package(path, "DOCX")


def check_package(path: Path, kind: str) -> None:
    """`kind` names the format in the reason («DOCX», «XLSX», «ODS»)."""
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
            unpacked = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_RATIO:
                raise TooLargeError("package.zip_bomb", kind=kind, unpacked_mb=f"{unpacked / 2**20:.0f}",
                                    packed_mb=f"{packed / 2**20:.1f}")
            for info in infos:
                if info.filename.endswith(XML_PART_SUFFIXES) and declares_entities(package, info):
                    raise UnreadableFileError("package.xml_entities", kind=kind, part=info.filename)
    except zipfile.BadZipFile as error:
        raise UnreadableFileError("package.not_zip", kind=kind) from error


def declares_entities(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    with package.open(info) as part:
        head = part.read(4096)
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head
