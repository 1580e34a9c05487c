"""ZIP archives in the inbox: each file inside is taken out and read as a document of its own, its name
«archive!path inside» and its record's `archive` naming where it came from. The archive's own record
says how many files it held and lists those not taken out, with the reason.

Members are stored in `originals/` by their content hash, like any upload: the parse workers read them
by path there, a later `--reprocess` reads them again without the inbox, and a plan sent both alone and
inside an archive is one content (a duplicate), not two plans.

The limits of uploads apply to members too: the size limit per file; the zip-bomb limits of office
packages (in total, and a ratio for large members); no member whose path leaves the archive, no links,
no encrypted members, no archive inside an archive. Names written without the UTF-8 flag (Windows'
«compressed folder») are cp866, which Python's zipfile shows as cp437.
"""

import hashlib
import io
import stat
import zipfile
import zlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path, PurePosixPath

from extractors.readers.docx_package import MAX_RATIO, MAX_UNPACKED_BYTES
from extractors.sniff import ZIP_MAGIC, is_plain_archive, sniff_format, zip_kind
from pipeline.settings import Settings
from schemas import DocumentRecord, Message, SourceFile, UnreadableFileError, message

SEPARATOR = "!"  # «планы_штабов.zip!Калуга/план.pdf», as in a jar: URL
MAX_MEMBERS = 1000
RATIO_FLOOR = 2**20  # below 1 MB a high ratio is a file of spaces, not a bomb
SYSTEM_FILES = ("__MACOSX/", ".DS_Store", "Thumbs.db", "desktop.ini")


def with_archive_members(sources: list[SourceFile], settings: Settings) -> list[SourceFile]:
    """The sources with every archive's members after it, each member once. Archives whose members are
    already listed are not opened again; a member listed without its archive (a stored original brought
    back for a re-parse) is replaced by the one unpacked now, which knows its archive."""
    unpacked = {s.archive for s in sources if s.archive}
    result = []
    for source in sources:
        result.append(source)
        if is_archive(source, settings) and source.name not in unpacked:
            result += archive_to_members(source, settings.out_dir / "originals", settings)
    known = {(s.document_id, s.name) for s in result if s.archive}
    return [s for s in result if s.archive or (s.document_id, s.name) not in known]


def is_archive(source: SourceFile, settings: Settings) -> bool:
    return is_plain_archive(source.format or "", source.name) and 0 < source.size <= settings.max_file_bytes


def archive_to_members(source: SourceFile, folder: Path, settings: Settings) -> list[SourceFile]:
    folder.mkdir(parents=True, exist_ok=True)
    members = []
    try:
        for name, data in members_of(source.path, settings):
            if isinstance(data, bytes):
                members.append(store_member(source, name, data, folder))
    except UnreadableFileError:
        return members  # the archive's own record says it is damaged
    return members


def store_member(archive: SourceFile, name: str, data: bytes, folder: Path) -> SourceFile:
    digest = hashlib.sha256(data).hexdigest()
    path = folder / digest
    if not path.exists():
        temporary = folder / f".{digest}.tmp"
        temporary.write_bytes(data)
        temporary.replace(path)
    return SourceFile(path=path, name=f"{archive.name}{SEPARATOR}{name}", document_id=digest, size=len(data),
                      format=sniff_format(path) if data else "empty", archive=archive.name)


def archive_record(source: SourceFile, settings: Settings, now: datetime) -> DocumentRecord:
    """The archive itself: «unpacked», how many files it held, and those not taken out and why."""
    taken, refused = 0, []
    for _, outcome in members_of(source.path, settings):
        if isinstance(outcome, bytes):
            taken += 1
        else:
            refused.append(outcome)
    if not taken:
        reasons = [nothing_taken(refused), *refused]
        return DocumentRecord(document_id=source.document_id, source_file=source.name, format="zip",
                              status="quarantined", reasons=reasons, processed_at=now)
    return DocumentRecord(document_id=source.document_id, source_file=source.name, format="zip",
                          status="unpacked", processed_at=now,
                          reasons=[message("archive.unpacked", members=taken, name=source.name), *refused])


def nothing_taken(refused: list[Message]) -> Message:
    if any(m.code != "archive.system_files" for m in refused):
        return message("archive.none_taken")
    return message("archive.empty")


def members_of(path: Path, settings: Settings) -> Iterator[tuple[str, bytes | Message]]:
    """Each member's name and its bytes, or the message why it is not taken out. Raises for an archive
    that cannot be opened at all."""
    try:
        with zipfile.ZipFile(path) as archive:
            yield from checked_members(archive, settings)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as error:
        raise UnreadableFileError("archive.corrupt") from error


def checked_members(archive: zipfile.ZipFile, settings: Settings):
    unpacked, count, system = 0, 0, 0
    for info in archive.infolist():
        name = member_name(info)
        if info.is_dir():
            continue
        if name.startswith(SYSTEM_FILES) or PurePosixPath(name).name in SYSTEM_FILES:
            system += 1
            continue
        count += 1
        if count > MAX_MEMBERS:
            yield name, message("archive.too_many_members", limit=MAX_MEMBERS, member=name)
            break
        if unpacked + info.file_size > MAX_UNPACKED_BYTES:
            yield name, message("archive.too_large", limit_mb=MAX_UNPACKED_BYTES // 2**20, member=name)
            break
        refusal = member_refusal(info, name, settings)
        if refusal is None:
            unpacked += info.file_size
            yield name, read_member(archive, info, name)
        else:
            yield name, refusal
    if system:
        yield "", message("archive.system_files", count=system)


def member_refusal(info: zipfile.ZipInfo, name: str, settings: Settings) -> Message | None:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
        return message("archive.member_path", member=name)
    if stat.S_ISLNK(info.external_attr >> 16):
        return message("archive.member_link", member=name)
    if info.flag_bits & 0x1:
        return message("archive.member_encrypted", member=name)
    if info.file_size > settings.max_file_bytes:
        return message("archive.member_too_large", member=name, size_mb=f"{info.file_size / 2**20:.1f}",
                       limit_mb=f"{settings.max_file_mb:g}")
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
        return message("archive.member_bomb", member=name, ratio=f"{ratio:.0f}")
    return None


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes | Message:
    """zipfile never inflates past the declared size, and checks the CRC at the end."""
    try:
        data = archive.read(info)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError):
        return message("archive.member_corrupt", member=name)
    if data.startswith(ZIP_MAGIC) and zip_kind(io.BytesIO(data)) == "zip":
        return message("archive.nested", member=name)
    return data


def member_name(info: zipfile.ZipInfo) -> str:
    """Without the UTF-8 flag zipfile decodes a name as cp437; the bytes were UTF-8 (macOS) or cp866."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp866", errors="replace")
