"""One run at a time per output folder. Two runs into one folder broke each other (one's clean-up
deleted the other's release while it was being written, and both parsed everything).

The lock is `flock` on `DIR/.svodka.lock`: the kernel drops it when its holder dies, however it dies, so
a stale lock (kill -9, a power cut) is simply free for the next run. The file says who holds it (PID,
start time, command) so a second run can say so in one line. Re-entrant within a process: the CLI takes
it before Prefect starts and the flow body takes it again.
"""

import fcntl
import json
import os
import sys
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from schemas import SvodkaError, message

LOCK_NAME = ".svodka.lock"
_held: set[Path] = set()


class RunInProgressError(SvodkaError):
    """Another run holds the output folder."""

    def __init__(self, out_dir: Path, holder: dict):
        self.holder = holder
        self.message = message("run.in_progress", out=out_dir, pid=holder.get("pid", "?"),
                               started=holder.get("started_at", "?"))
        super().__init__(self.message.text)


@contextmanager
def run_lock(out_dir: Path, wait: bool = False, on_wait=None):
    """Hold the folder's run lock; raise RunInProgressError if another run holds it, or — with `wait` —
    call `on_wait(holder)` once and block until it is free."""
    key = out_dir.resolve()
    if key in _held:
        yield
        return
    out_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(out_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise RunInProgressError(out_dir, holder_of(fd)) from None
            if on_wait:
                on_wait(holder_of(fd))
            fcntl.flock(fd, fcntl.LOCK_EX)
        write_holder(fd)
        _held.add(key)
        try:
            yield
        finally:
            _held.discard(key)
    finally:
        os.close(fd)


def holder_of(fd: int) -> dict:
    try:
        return json.loads(os.pread(fd, 4096, 0).decode() or "{}")
    except ValueError:
        return {}


def write_holder(fd: int) -> None:
    holder = {"pid": os.getpid(), "started_at": datetime.now().strftime("%d.%m.%Y %H:%M:%S"),
              "command": " ".join(sys.argv)[:300]}
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps(holder, ensure_ascii=False).encode(), 0)
