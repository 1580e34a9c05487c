"""Find every file in the inboxes and fingerprint it. Nothing is skipped silently: hidden and temporary
files are returned too, and the parse stage records why they were not read."""

import hashlib
from pathlib import Path

from extractors.sniff import sniff_format
from schemas import SourceFile

CHUNK = 1 << 20


def scan_inboxes(inboxes: list[Path]) -> list[SourceFile]:
    files: list[Path] = []
    for inbox in inboxes:
        if inbox.is_file():
            files.append(inbox)
        elif inbox.is_dir():
            files += sorted(p for p in inbox.rglob("*") if p.is_file())
        else:
            raise FileNotFoundError(f"Папка или файл не найдены: {inbox}")
    return [fingerprint(path) for path in files]


def fingerprint(path: Path) -> SourceFile:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    size = path.stat().st_size
    return SourceFile(path=path, name=path.name, document_id=digest.hexdigest(), size=size,
                      format=sniff_format(path) if size else "empty")
