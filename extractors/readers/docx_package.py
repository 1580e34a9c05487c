"""Checks on a DOCX package before any XML is parsed: a zip bomb (a small file that inflates to
gigabytes) and XML entity tricks are refused with a reason instead of exhausting the machine."""

import zipfile
from pathlib import Path

from schemas import TooLargeError, UnreadableFileError

MAX_UNPACKED_BYTES = 200 * 2**20  # a real plan unpacks to a few MB
MAX_RATIO = 200  # XML compresses ~10×; hundreds of times means a bomb
XML_PART_SUFFIXES = (".xml", ".rels")


def check_docx_package(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
            unpacked = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_RATIO:
                raise TooLargeError(
                    f"DOCX распаковывается в {unpacked / 2**20:.0f} МБ при {packed / 2**20:.1f} МБ в архиве — "
                    "так выглядит «zip-бомба», а не план; файл не открывался")
            for info in infos:
                if info.filename.endswith(XML_PART_SUFFIXES) and declares_entities(package, info):
                    raise UnreadableFileError(
                        f"В части {info.filename} объявлены XML-сущности (DOCTYPE/ENTITY): Word так не "
                        "сохраняет, файл отклонён ради безопасности")
    except zipfile.BadZipFile as error:
        raise UnreadableFileError("Файл DOCX повреждён: это не полный ZIP-архив") from error


def declares_entities(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    with package.open(info) as part:
        head = part.read(4096)
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head
