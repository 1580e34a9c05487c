"""Before anything starts (Prefect, the parsers): are the inboxes readable, can the output folder be
written, are the numbers sensible? A wrong `--out` used to surface as a 72-line traceback after Prefect had
started, and `--workers 0` as a pydantic one; now each is one Russian line (schemas/messages.py).
"""

import errno
import os
import tempfile
from pathlib import Path

from schemas import Message, message

PROBLEMS = {errno.EACCES: "нет прав на запись", errno.EPERM: "нет прав на запись",
            errno.EROFS: "файловая система только для чтения", errno.ENOSPC: "на диске нет места",
            errno.ENOTDIR: "на пути к ней стоит файл", errno.ENOENT: "её нельзя создать"}


def run_problem(inboxes: list[Path], out: Path, workers: int, document_timeout: float) -> Message | None:
    """The first thing that would stop a run, or None."""
    if workers < 1:
        return message("cli.workers", value=workers)
    if document_timeout <= 0:
        return message("cli.document_timeout", value=f"{document_timeout:g}")
    missing = [str(p) for p in inboxes if not p.exists() and not p.is_symlink()]
    if missing:
        return message("cli.inbox_missing", paths=", ".join(missing))
    unreadable = [str(p) for p in inboxes if p.is_dir() and not os.access(p, os.R_OK | os.X_OK)]
    if unreadable:
        return message("cli.inbox_unreadable", paths=", ".join(unreadable))
    return out_problem(out)


def out_problem(out: Path) -> Message | None:
    """The output folder is created if needed and must take a file: trying is the only honest test (root
    passes every permission check, a read-only mount fails them all)."""
    if out.exists() and not out.is_dir():
        return message("cli.out_is_file", out=out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".svodka-probe-"):
            pass
    except OSError as error:
        return message("cli.out_not_writable", out=out, problem=PROBLEMS.get(error.errno, "в неё нельзя писать"))
    return None
