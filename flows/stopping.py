"""Stopping on Ctrl-C and SIGTERM (what cron, systemd and `timeout` send) within seconds, leaving nothing
running behind: the first signal ends the parser processes and raises `NightInterrupted` in the main
thread, which unwinds the night (recorded `interrupted`, the published release untouched); a second one
ends everything at once.

Before this, Ctrl-C during `ingest` was swallowed and the night ran on, and SIGTERM left the Prefect server
and the parsers running as orphans with the run `running` in the catalog for ever.

A watchdog keeps the promise when something on the way out hangs: systemd's default stop sends SIGTERM to
every process of the service at once, Prefect's server among them, and Prefect then retries reporting the
stopped run for minutes. The catalog has recorded the run by then; after `GRACE` seconds the process
says so, ends what it started and exits.
"""

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

SIGNAL_NAMES = {signal.SIGINT: "Ctrl-C", signal.SIGTERM: "SIGTERM"}
GRACE = 6.0  # seconds from the first signal to a forced exit
REQUESTED: list[int] = []  # the signals that asked this process to stop (signals are process-wide too)
DEPTH: list[int] = []  # how many `stop_on_signals` blocks are open (the CLI's holds the flow's)


class NightInterrupted(BaseException):
    """Not an Exception: nothing on the way up may treat a request to stop as an error to retry."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(SIGNAL_NAMES.get(signum, f"сигнал {signum}"))

    @property
    def name(self) -> str:
        return SIGNAL_NAMES.get(self.signum, f"сигнал {self.signum}")

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


@contextmanager
def stop_on_signals(on_stop: Callable[[], None], farewell: Callable[[str], str] | None = None):
    """Within the block, SIGINT and SIGTERM call `on_stop()` and raise NightInterrupted; a second signal,
    or GRACE seconds without an exit, ends the process (printing `farewell(signal name)` first). Outside
    the main thread (where Python cannot take signals) it does nothing. The handlers in place before are
    restored after (Prefect's own among them)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if not DEPTH:
        REQUESTED.clear()  # a new run in a process that ran one before, not a block inside a run
    stopping = threading.Event()

    def exit_now(signum: int) -> None:
        if farewell:
            print(farewell(SIGNAL_NAMES.get(signum, str(signum))), file=sys.stderr, flush=True)
        silence()  # the farewell is the last word: not a traceback of the main thread still unwinding
        end_children(grace=1.0)
        os._exit(128 + signum)

    def stop(signum, frame):
        if stopping.is_set():
            exit_now(signum)
        stopping.set()
        REQUESTED.append(signum)
        logging.disable(logging.ERROR)  # Prefect's complaints that a stopping server is gone are not news
        watchdog = threading.Timer(GRACE, exit_now, args=(signum,))
        watchdog.daemon = True  # a process that exits in time is not held back by it
        watchdog.start()
        on_stop()
        raise NightInterrupted(signum)

    previous = {signum: signal.signal(signum, stop) for signum in SIGNAL_NAMES}
    DEPTH.append(1)
    try:
        yield
    finally:
        DEPTH.pop()
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def stop_requested() -> int | None:
    """The signal that asked this process to stop, if one did: an error raised while a stopped night
    unwinds (a Prefect call to a server that is going away) is part of stopping, not a failure to report."""
    return REQUESTED[0] if REQUESTED else None


def silence() -> None:
    """Standard output and error to /dev/null, for a process about to exit."""
    sys.stdout.flush()
    sys.stderr.flush()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)


def children_of(pid: int) -> list[int]:
    """Every descendant of a process (Linux /proc), deepest last."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def end_children(grace: float = 5.0, spare: set[int] = frozenset()) -> None:
    """SIGTERM to every descendant (but `spare` and theirs), then SIGKILL to those still there after `grace`
    seconds."""
    spared = set(spare) | {pid for kept in spare for pid in children_of(kept)}
    children = [pid for pid in children_of(os.getpid()) if pid not in spared]
    for pid in children:
        try:
            os.kill(pid, signal.SIGTERM)
        except OSError:
            pass
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and any(alive(pid) for pid in children):
        time.sleep(0.1)
    for pid in children:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def end_process(process: subprocess.Popen, grace: float) -> None:
    """SIGTERM to one process we started, then SIGKILL if it is still there after `grace` seconds."""
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
