"""Legacy Word (.doc), RTF and ODT: converted to DOCX by LibreOffice when it is installed, then read as
DOCX. Without LibreOffice the sender is asked to save the file as DOCX.

Each conversion runs in a profile of its own (two LibreOffice processes sharing one profile collide), under
a timeout that ends the whole process group (`soffice` is a script whose `soffice.bin` child would outlive
a plain kill), and one at a time per worker process: a second conversion would only fight the first for
the same two cores and memory. LibreOffice takes seconds to start, so a process keeps the last few
conversions by content hash: the same bytes read again (a copy under another name, a retry) are not
converted again.
"""

import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from extractors.readers.docx import read_docx
from extractors.sniff import sniff_format
from schemas import DocumentContent, UnreadableFileError, UnsupportedFormatError

CONVERSION_TIMEOUT = 180  # seconds; LibreOffice's first start in a fresh profile is slow
ONE_AT_A_TIME = threading.Lock()  # per process: the parse workers are processes, threads share this one
RECENT = 8  # conversions kept per process
recent: OrderedDict[tuple[str, str], bytes] = OrderedDict()  # (sha256 of the source, target) → converted


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_converted(path: Path) -> DocumentContent:
    if libreoffice() is None:  # a stored original has no name of its own: say what its bytes are
        raise UnsupportedFormatError("convert.no_office", suffix=path.suffix or f".{sniff_format(path)}")
    with convert(path, "docx") as converted:
        return read_docx(converted).model_copy(update={"format": "docx"})


@contextmanager
def convert(path: Path, target: str) -> Iterator[Path]:
    """The file converted to `target` (docx, xlsx) in a temporary folder that is gone after the block."""
    data = path.read_bytes()
    key = (hashlib.sha256(data).hexdigest(), target)
    with tempfile.TemporaryDirectory(prefix="svodka-convert-") as folder:
        converted = Path(folder) / f"converted.{target}"
        with ONE_AT_A_TIME:
            if key not in recent:
                source = Path(folder) / f"upload{path.suffix.lower() or '.doc'}"
                source.write_bytes(data)
                recent[key] = run_office(libreoffice(), source, Path(folder), target).read_bytes()
                while len(recent) > RECENT:
                    recent.popitem(last=False)
            recent.move_to_end(key)
            converted.write_bytes(recent[key])
        yield converted


def run_office(office: str, source: Path, folder: Path, target: str) -> Path:
    command = [office, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(folder), str(source)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        process.wait(timeout=CONVERSION_TIMEOUT)
    except subprocess.TimeoutExpired as error:
        end_process_group(process)
        raise UnreadableFileError("convert.timeout", minutes=CONVERSION_TIMEOUT // 60) from error
    converted = source.with_suffix(f".{target}")
    if not converted.exists():
        raise UnreadableFileError("convert.failed")
    return converted


def end_process_group(process: subprocess.Popen) -> None:
    """The conversion's own process group (it was started in a new session), nothing else."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()
