"""Before anything starts (Prefect, the parsers): are the inboxes there and readable, can the output folder
be written? A read-only `--out` used to surface as a 72-line traceback after Prefect had started; now it is
one Russian line (schemas/messages.py). What argparse can tell from the text alone (a number below 1, an
--out that is a file) is checked as the arguments are read (flows/cli_help.py).
"""

import errno
import os
import tempfile
from pathlib import Path

from schemas import Message, message

PROBLEMS = {errno.EACCES: "нет прав на запись", errno.EPERM: "нет прав на запись",
            errno.EROFS: "файловая система только для чтения", errno.ENOSPC: "на диске нет места",
            errno.ENOTDIR: "на пути к ней стоит файл", errno.ENOENT: "её нельзя создать"}


def run_problem(inboxes: list[Path], out: Path) -> Message | None:
    """The first thing that would stop a run, or None."""
    missing = [str(p) for p in inboxes if not p.exists() and not p.is_symlink()]
    if missing:
        return message("cli.inboxes_not_found", paths=", ".join(missing))
    unreadable = [str(p) for p in inboxes if p.is_dir() and not os.access(p, os.R_OK | os.X_OK)]
    if unreadable:
        return message("cli.inbox_unreadable", paths=", ".join(unreadable))
    return out_problem(out)


def out_problem(out: Path) -> Message | None:
    """The output folder is created if needed and must take a file: trying is the only honest test (root
    passes every permission check, a read-only mount fails them all)."""
    if out.exists() and not out.is_dir():
        return message("cli.out_not_folder", path=out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".svodka-probe-"):
            pass
    except OSError as error:
        return message("cli.out_not_writable", out=out, problem=PROBLEMS.get(error.errno, "в неё нельзя писать"))
    return None
