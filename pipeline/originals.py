"""The originals store (`DIR/originals/<sha256>.<ext>`): every upload kept by content, with the extension it
came with so an admin can open it, and the bytes the night parses — never the inbox, which upload tools
keep renaming and rewriting while we read it.

An upload is taken only once it has settled: a file whose size or time changes between two looks
`upload_settle_seconds` apart is still being written and waits for the next night. A file is hashed, copied
to a temporary name while hashed again, and renamed into place only when both hashes agree; if it vanished or
changed meanwhile it is tried once more, then recorded as «изменился во время приёма» for the next night.
"""

import hashlib
import os
import time
from pathlib import Path

from extractors.sniff import sniff_format
from pipeline.inbox import CHUNK, InboxScan, Upload, door_record
from schemas import DocumentRecord, SourceFile, message


class ChangedWhileRead(Exception):
    """The file vanished, was replaced or was written to while it was read."""


def take_uploads(scan: InboxScan, folder: Path, settle_seconds: float,
                 looked_at: float) -> tuple[list[SourceFile], list[DocumentRecord]]:
    """(the uploads stored and ready to parse, the ones to record as not taken tonight). `looked_at` is
    when the scan took its first look (time.time())."""
    folder.mkdir(parents=True, exist_ok=True)
    unsettled = still_being_written(scan.uploads, settle_seconds, looked_at)
    sources, waiting = [], []
    for upload in scan.uploads:
        if upload in unsettled:
            waiting.append(door_record(upload.path, "waiting", message("inbox.still_uploading")))
            continue
        try:
            sources.append(store_with_one_retry(upload, folder))
        except ChangedWhileRead:
            waiting.append(door_record(upload.path, "waiting", message("inbox.changed_while_read")))
        except PermissionError:
            waiting.append(door_record(upload.path, "quarantined", message("inbox.unreadable", what="файл")))
    return sources, waiting


def still_being_written(uploads: list[Upload], settle_seconds: float, looked_at: float) -> set[Upload]:
    """The second look. Only a file changed within the settle time before the first look can still be
    growing (an older one has already been still that long), so the wait happens only when there is one."""
    fresh = [u for u in uploads if looked_at - u.mtime_ns / 1e9 < settle_seconds]
    if not fresh:
        return set()
    time.sleep(max(0.0, looked_at + settle_seconds - time.time()))
    return {u for u in fresh if look(u.path) != (u.size, u.mtime_ns)}


def look(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def store_with_one_retry(upload: Upload, folder: Path) -> SourceFile:
    try:
        return store(upload.path, folder)
    except (ChangedWhileRead, FileNotFoundError):
        time.sleep(0.05)  # an upload tool finishing a rename
    try:
        return store(upload.path, folder)
    except FileNotFoundError as error:
        raise ChangedWhileRead(str(upload.path)) from error


def original_path(folder: Path, document_id: str, name: str) -> Path:
    """An upload's copy: named by its content, with the extension it came with (`…e3b0.docx`), so an admin
    can open it and a reader that goes by the suffix finds it."""
    return folder / f"{document_id}{Path(name).suffix.lower()}"


def stored_original(folder: Path, document_id: str, name: str) -> Path | None:
    """The kept copy of a content: under this name's extension, another upload's, or none (older releases
    kept copies without an extension; those are found too)."""
    exact = original_path(folder, document_id, name)
    if exact.exists():
        return exact
    return next((p for p in sorted(folder.glob(f"{document_id}*")) if p.name.split(".")[0] == document_id), None)


def store(path: Path, folder: Path) -> SourceFile:
    """Hash the file; unless its content is already kept, copy it to a temporary name hashing the copy,
    and rename it into place only when the hashes agree. The file must not change meanwhile."""
    before = look(path)
    digest = sha256_of(path)
    target = stored_original(folder, digest, path.name)
    if target is None:
        target = original_path(folder, digest, path.name)
        copy_checked(path, target, digest)
    if look(path) != before or before is None:
        raise ChangedWhileRead(str(path))
    size = before[0]
    return SourceFile(path=target, name=path.name, document_id=digest, size=size, origin=os.path.abspath(path),
                      format=sniff_format(target) if size else "empty")


def copy_checked(path: Path, target: Path, digest: str) -> None:
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    copied = hashlib.sha256()
    try:
        with open(path, "rb") as source, open(temporary, "wb") as copy:
            while chunk := source.read(CHUNK):
                copied.update(chunk)
                copy.write(chunk)
            copy.flush()
            os.fsync(copy.fileno())
        if copied.hexdigest() != digest:
            raise ChangedWhileRead(str(path))
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
