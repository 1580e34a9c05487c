"""A small pool of parser processes shared by the flow's tasks: the GIL keeps threads from parsing in
parallel, and each worker loads natasha's models once and keeps them for the night."""

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from pipeline.parse import parse_source
from pipeline.settings import Settings
from schemas import ParsedDocument, SourceFile, SvodkaError

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


class WorkerLostError(SvodkaError):
    """A parser process died (out of memory, killed). Worth one retry in a fresh process."""


def worker_pool(workers: int) -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
        return _pool


def discard_pool() -> None:
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


def parse_in_worker(source: SourceFile, settings: Settings) -> ParsedDocument:
    try:
        return worker_pool(settings.workers).submit(parse_source, source, settings).result()
    except BrokenProcessPool as error:
        discard_pool()
        raise WorkerLostError(f"процесс разбора завершился аварийно на файле {source.name}") from error
