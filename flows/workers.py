"""A small pool of parser processes shared by the flow's tasks: the GIL keeps threads from parsing in
parallel, and each worker loads natasha's models once and keeps them for the night.

A document gets `document_timeout_seconds` of its worker's time (counted from when the worker, models
loaded, receives it). Nothing stops pdfplumber in the middle of a page, so a worker past the limit is
killed and replaced, and its document is quarantined with the limit as the reason; the night goes on.

No parser outlives the night. A worker is a plain `python -m flows.workers` in a session of its own from
birth: a terminal's Ctrl-C (sent to the foreground group) reaches only the parent, which decides — not a
worker still importing, which printed a traceback — and ending a worker ends what it started (LibreOffice).
The pool is closed when the night ends or is interrupted, and each worker asks the kernel to kill it if
its parent dies (Linux `PR_SET_PDEATHSIG`), so even `kill -9` of `svodka` leaves no parser behind.
Documents and results travel pickled over two pipes (multiprocessing's Connection).
"""

import ctypes
import os
import queue
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime
from multiprocessing.connection import Connection

from flows.stopping import children_of
from pipeline.parse import parse_source, quarantined, warm_up
from pipeline.settings import Settings
from schemas import ParsedDocument, SourceFile, SvodkaError, message

READY_TIMEOUT = 300  # seconds for a fresh worker to import and load natasha's models on a busy machine
PR_SET_PDEATHSIG = 1


class WorkerLostError(SvodkaError):
    """A parser process died (out of memory, killed). Worth one retry in a fresh process."""


class PoolClosedError(SvodkaError):
    """The night is stopping: no more documents are parsed."""


def die_with_parent() -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the pipe closing ends an idle worker instead
        pass


def serve_parses(requests: Connection, results: Connection, parent_pid: int) -> None:
    """A worker's life: load the models, say so, then parse what comes until the pipe closes."""
    die_with_parent()
    if os.getppid() != parent_pid:  # the parent died before the request above took effect
        os._exit(0)
    warm_up()
    results.send("ready")
    while True:
        try:
            source, settings = requests.recv()
        except (EOFError, OSError):
            return
        results.send(parse_source(source, settings))


class Worker:
    def __init__(self):
        to_worker, requests = os.pipe()
        results, from_worker = os.pipe()
        self.process = subprocess.Popen([sys.executable, "-m", "flows.workers", str(to_worker), str(from_worker),
                                         str(os.getpid())], pass_fds=(to_worker, from_worker),
                                        start_new_session=True)
        os.close(to_worker)
        os.close(from_worker)
        self.requests, self.results = Connection(requests, readable=False), Connection(results, writable=False)
        self.ready = False

    def parse(self, source: SourceFile, settings: Settings) -> ParsedDocument | None:
        """The parsed document, or None when it ran past the time limit (the worker is then useless)."""
        try:
            if not self.ready:
                if not self.results.poll(READY_TIMEOUT):
                    raise WorkerLostError("процесс разбора не запустился")
                self.ready = self.results.recv() == "ready"
            self.requests.send((source, settings))
            if not self.results.poll(settings.document_timeout_seconds):
                return None
            return self.results.recv()
        except (EOFError, OSError) as error:
            raise WorkerLostError(f"процесс разбора завершился аварийно на файле {source.name}") from error

    def end(self) -> None:
        """Kill the worker and whatever it started, at once: its group, and a LibreOffice conversion, which
        runs in a session of its own (extractors/readers/converted.py)."""
        for pid in children_of(self.process.pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except OSError:  # already gone
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        self.requests.close()
        self.results.close()


class ParserPool:
    def __init__(self, size: int):
        self.size = size
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.started: list[Worker] = []
        self.closed = False
        # Re-entrant: a signal handler in the main thread may close the pool while that thread holds it.
        self.lock = threading.RLock()

    def start(self, count: int) -> None:
        """Start up to `count` workers now (from the main thread), so their models load while the flow
        starts its tasks."""
        with self.lock:
            while not self.closed and len(self.started) < min(count, self.size):
                worker = Worker()
                self.started.append(worker)
                self.idle.put(worker)

    def take(self) -> Worker:
        while True:
            with self.lock:
                if self.closed:
                    raise PoolClosedError("разбор остановлен")
                if self.idle.empty() and len(self.started) < self.size:
                    worker = Worker()
                    self.started.append(worker)
                    return worker
            try:
                return self.idle.get(timeout=0.5)
            except queue.Empty:
                continue

    def parse(self, source: SourceFile, settings: Settings) -> ParsedDocument:
        worker = self.take()
        try:
            parsed = worker.parse(source, settings)
        except WorkerLostError:
            self.replace(worker)
            if self.closed:  # killed because the night is stopping, not lost
                raise PoolClosedError("разбор остановлен") from None
            raise
        if parsed is None:
            self.replace(worker)
            return too_slow(source, settings)
        self.idle.put(worker)
        return parsed

    def replace(self, worker: Worker) -> None:
        worker.end()
        with self.lock:
            if worker in self.started:
                self.started.remove(worker)

    def close(self) -> None:
        """End every worker now, busy or not (a document being parsed is simply not finished)."""
        with self.lock:
            self.closed = True
            workers, self.started = self.started, []
        for worker in workers:
            worker.end()


def too_slow(source: SourceFile, settings: Settings) -> ParsedDocument:
    reason = message("document.too_slow", seconds=f"{settings.document_timeout_seconds:g}")
    return ParsedDocument(record=quarantined(source, reason, datetime.now(UTC)))


_pool: ParserPool | None = None
_pool_lock = threading.RLock()


def open_pool(workers: int) -> ParserPool:
    """The night's pool (a closed one is never reopened: a stopping night must not start new parsers)."""
    global _pool
    with _pool_lock:
        _pool = ParserPool(workers)
        return _pool


def close_pool() -> None:
    """End the parser processes (the end of a night, or a signal to stop)."""
    with _pool_lock:
        pool = _pool
    if pool is not None:
        pool.close()


def parse_in_worker(source: SourceFile, settings: Settings) -> ParsedDocument:
    with _pool_lock:
        pool = _pool if _pool is not None and _pool.size == settings.workers else None
    if pool is None:
        pool = open_pool(settings.workers)
    return pool.parse(source, settings)


if __name__ == "__main__":  # a worker: python -m flows.workers REQUESTS_FD RESULTS_FD PARENT_PID
    serve_parses(Connection(int(sys.argv[1]), writable=False), Connection(int(sys.argv[2]), readable=False),
                 int(sys.argv[3]))
