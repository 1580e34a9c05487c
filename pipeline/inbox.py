"""Every entry of the inboxes, accounted for. A regular file is an upload to take; anything else is
recorded with why it was not taken: a link to a file outside the inbox (it is never followed — it would
copy a system file into the store), a dangling link, a loop, a link to a folder, a special file, a folder
that cannot be read, and the temporary names of uploads and editors still at work.

Nothing is skipped silently: hidden files are uploads too, and the parse stage says why they are not plans.
"""

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from extractors.sniff import sniff_format
from schemas import DocumentRecord, Message, SourceFile, message

CHUNK = 1 << 20
# Names an upload or an editor gives a file while it is still at work: Word's and LibreOffice's lock files,
# browsers' downloads (Firefox .part, Chrome .crdownload, Safari .download), WinSCP's .filepart, *.tmp,
# and rsync's «.name.XXXXXX» before its final rename.
TEMPORARY_NAME = re.compile(r"^~\$|^\.~lock\.|\.(part|crdownload|download|filepart|tmp)$|^\..+\.[A-Za-z0-9]{6}$",
                            re.IGNORECASE)
EDITOR_LOCK = re.compile(r"^~\$|^\.~lock\.")
SPECIAL_KINDS = [(stat.S_ISFIFO, "именованный канал"), (stat.S_ISSOCK, "сокет"), (stat.S_ISCHR, "устройство"),
                 (stat.S_ISBLK, "устройство")]


@dataclass(frozen=True)
class Upload:
    """A regular file (or a link to one inside the inbox) as first seen: its size and time are the first
    of the two looks that tell a finished upload from one still being written."""

    path: Path
    size: int
    mtime_ns: int

    @property
    def name(self) -> str:
        return self.path.name


@dataclass
class InboxScan:
    uploads: list[Upload]
    turned_away: list[DocumentRecord]  # recorded at the door: refused, or waiting for the next night


def scan_inboxes(inboxes: list[Path]) -> InboxScan:
    """Raises FileNotFoundError for an inbox that does not exist (the CLI checks that before starting)."""
    roots = [inbox.resolve() for inbox in inboxes]
    scan = InboxScan([], [])
    for inbox in inboxes:
        if not inbox.exists() and not inbox.is_symlink():
            raise FileNotFoundError(f"Папка или файл не найдены: {inbox}")
        if inbox.is_dir():
            walk(inbox, roots, scan)
        else:
            take_entry(inbox, roots, scan)
    return scan


def walk(folder: Path, roots: list[Path], scan: InboxScan) -> None:
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        scan.turned_away.append(door_record(folder, "quarantined", message("inbox.unreadable", what="папка")))
        return
    for name in names:
        path = folder / name
        if path.is_dir() and not path.is_symlink():
            walk(path, roots, scan)
        else:
            take_entry(path, roots, scan)


def take_entry(path: Path, roots: list[Path], scan: InboxScan) -> None:
    """One entry: an upload, or a record saying why it is not one."""
    reason, info = None, None
    try:
        reason = link_refusal(path, roots) if path.is_symlink() else None
        info = None if reason else path.stat()
    except FileNotFoundError:  # gone between the listing and this look: an upload tool renaming it
        reason = message("inbox.changed_while_read")
    except OSError:
        reason = message("inbox.unreadable", what="файл")
    if reason is None and (kind := special_kind(info.st_mode)):
        reason = message("inbox.not_a_file", kind=kind)
    if reason is None and TEMPORARY_NAME.search(path.name):
        editor = EDITOR_LOCK.search(path.name)
        reason = message("file.temporary") if editor else message("inbox.temporary_name")
        scan.turned_away.append(door_record(path, "waiting", reason))
        return
    if reason is not None:
        status = "waiting" if reason.code == "inbox.changed_while_read" else "quarantined"
        scan.turned_away.append(door_record(path, status, reason))
        return
    scan.uploads.append(Upload(path, info.st_size, info.st_mtime_ns))


def link_refusal(path: Path, roots: list[Path]) -> Message | None:
    """Why a symbolic link is not read; None for a link to a file inside an inbox (read like the file)."""
    target = os.readlink(path)
    try:
        resolved = path.resolve(strict=True)
    except FileNotFoundError:
        return message("inbox.link_dangling", target=target)
    except (RuntimeError, OSError):  # Python 3.11 says RuntimeError for a loop, later ones OSError(ELOOP)
        return message("inbox.link_loop", target=target)
    if resolved.is_dir():
        return message("inbox.link_to_folder", target=target)
    if not any(resolved == root or resolved.is_relative_to(root) for root in roots):
        return message("inbox.link_outside", target=target)
    return None


def special_kind(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in SPECIAL_KINDS if test(mode)), "особый файл")


def door_record(path: Path, status: str, reason: Message) -> DocumentRecord:
    """An entry with no content to read (yet): no document id, nothing processed."""
    return DocumentRecord(document_id=None, source_file=path.name, status=status, reasons=[reason])


def fingerprint(path: Path) -> SourceFile:
    """A single file as it is now (`svodka extract`), read in place."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    size = path.stat().st_size
    return SourceFile(path=path, name=path.name, document_id=digest.hexdigest(), size=size,
                      format=sniff_format(path) if size else "empty")
