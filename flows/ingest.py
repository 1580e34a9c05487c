"""The nightly ingest flow: coarse tasks (a batch of documents each, one document each for small nights)
parsed in parallel processes; a document that fails is quarantined with the error while the rest of the
night goes on.

Why batches: Prefect costs 50–170 ms of orchestration per task on this 2-core machine, CPU taken from
the parsers; ~8 batches per worker keep the progress visible and the overhead small."""

import math
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.futures import as_completed
from prefect.states import Cancelled
from prefect.task_runners import ThreadPoolTaskRunner
from tqdm import tqdm

from flows.prefect_api import prefect_api
from flows.stopping import NightInterrupted, stop_on_signals
from flows.workers import PoolClosedError, WorkerLostError, close_pool, open_pool, parse_in_worker
from pipeline.night import (
    NightPlan,
    finish_night,
    prepare_night,
    recorded_outcome,
    save_documents,
    save_parsed,
)
from pipeline.parse import parse_source, quarantined
from pipeline.report import NightSummary, summary_to_line, summary_to_markdown
from pipeline.run_lock import run_lock
from pipeline.settings import Settings
from schemas import ParsedDocument, SourceFile, message

BATCHES_PER_WORKER = 8
INTERRUPTED = "interrupted by signal "  # the Cancelled state's message, read back by run_ingest


@task(name="parse-batch", cache_policy=None, task_run_name="parse {label}")
def parse_batch(sources: list[SourceFile], settings: Settings, label: str) -> list[str] | list[ParsedDocument]:
    """Parse and save each document in the catalog as soon as it is parsed; return the ids saved. Bad files
    are saved quarantined; a batch does not raise for them, so Prefect has nothing to retry. The one
    transient failure — a parser process that died — is retried per document in parse_one. A night that is
    stopping closes the pool: the batch then ends with what it has saved.

    Why the task saves and returns only ids: Prefect keeps every task run's result until its flow ends
    (PrefectHQ/prefect#12668), so returning the parsed documents held a thousand plans' activities in the
    flow process all night (250 MB). Where the task may run on another host (`saves_in_task`), the
    documents are returned instead, and the flow saves them."""
    done = []
    for source in sources:
        try:
            parsed = parse_one(source, settings)
        except PoolClosedError:
            break
        done += save_documents([parsed], settings) if saves_in_task(settings) else [parsed]
    return done


def saves_in_task(settings: Settings) -> bool:
    """Whether a parse task writes the catalog itself: on this host's threads, yes; under Dask, no — a worker
    may be on another host, and SQLite in WAL mode wants every writer on one."""
    return settings.task_runner != "dask"


def parse_one(source: SourceFile, settings: Settings) -> ParsedDocument:
    """In the parser processes (with the per-document time limit), or here for the threads and Dask runners."""
    if settings.task_runner != "processes":
        return parse_source(source, settings)
    try:
        return parse_in_worker(source, settings)
    except WorkerLostError:
        pass  # one fresh try in a new process
    try:
        return parse_in_worker(source, settings)
    except WorkerLostError as error:
        return failed(source, error)


def batches_of(sources: list[SourceFile], workers: int) -> list[list[SourceFile]]:
    size = max(1, math.ceil(len(sources) / (workers * BATCHES_PER_WORKER)))
    return [sources[i:i + size] for i in range(0, len(sources), size)]


def task_runner_for(settings: Settings):
    """Tasks wait on threads; CPU-bound parsing runs in `workers` processes (see flows/workers.py), or on
    a Dask cluster when asked. Prefect's own ProcessPoolTaskRunner is not used: its workers would each
    start a temporary Prefect server of their own when none is configured."""
    if settings.task_runner == "dask":
        from prefect_dask import DaskTaskRunner

        if settings.dask_address:
            return DaskTaskRunner(address=settings.dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": settings.workers, "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})
    return ThreadPoolTaskRunner(max_workers=settings.workers)


def failed(source: SourceFile, error) -> ParsedDocument:
    reason = message("worker.lost", detail=repr(error)[:300])
    return ParsedDocument(record=quarantined(source, reason, datetime.now(UTC)))


def parse_all(plan: NightPlan, settings: Settings) -> None:
    """Every batch's documents end in the catalog: saved by the task as they are parsed (here, as they come
    back from Dask), or — if the task itself failed — each of its files quarantined with the error."""
    batches = batches_of(plan.to_parse, settings.workers)
    futures = {parse_batch.submit(batch, settings, label=batch_label(batch)): batch for batch in batches}
    with tqdm(total=len(plan.to_parse), unit="док", desc="Разбор", disable=None, leave=False) as bar:
        for future in as_completed(list(futures)):
            outcome = future.result(raise_on_failure=False)
            if not isinstance(outcome, list):
                save_parsed(plan, [failed(source, outcome) for source in futures[future]], settings)
            elif saves_in_task(settings):
                plan.count_saved(outcome)
            else:
                save_parsed(plan, outcome, settings)
            bar.update(len(futures[future]))


def batch_label(batch: list[SourceFile]) -> str:
    return batch[0].name if len(batch) == 1 else f"{batch[0].name} +{len(batch) - 1}"


@contextmanager
def parser_processes(settings: Settings, documents: int):
    """The parser processes of this night: started from the main thread before the tasks, ended with it."""
    if settings.task_runner == "processes" and documents:
        open_pool(settings.workers).start(min(settings.workers, documents))
    try:
        yield
    finally:
        close_pool()


def interrupted_line(signal_name: str) -> str:
    return message("run.interrupted", signal=signal_name).text


def ingest_flow_body(inboxes: list[str], settings: Settings, announce: bool = False) -> NightSummary:
    """One night under the output folder's lock; a signal stops it within seconds (flows/stopping.py).
    `announce`: print the night's one-line summary (svodka serve's log shows one per scheduled run)."""
    started = time.monotonic()
    with stop_on_signals(close_pool, farewell=interrupted_line), run_lock(settings.out_dir):
        plan = prepare_night([Path(p) for p in inboxes], settings)
        with recorded_outcome(plan, settings):
            with parser_processes(settings, len(plan.to_parse)):
                parse_all(plan, settings)
            # the parsers end before the review loads the night: their 800 MB and its peak do not add up
            summary = finish_night(plan, settings)
    create_markdown_artifact(markdown=summary_to_markdown(summary), key="svodka-night-summary",
                             description="Документы по статусам, с причинами")
    if announce:
        print(summary_to_line(summary, time.monotonic() - started), flush=True)
    return summary


@flow(name="svodka-ingest", task_runner=ThreadPoolTaskRunner(max_workers=2), log_prints=False,
      validate_parameters=False)
def ingest(inboxes: list[str], out: str = "data", reprocess: str = "none", workers: int = 2,
           runner: str = "processes", dask_address: str | None = None,
           corrections: list[str] | None = None, announce: bool = False, document_timeout: float = 120,
           upload_settle: float | None = None) -> dict:
    """Ingest the inboxes into `out`: parse what is new, apply people's corrections, publish atomically."""
    settle = {} if upload_settle is None else {"upload_settle_seconds": upload_settle}
    settings = Settings(out_dir=Path(out), reprocess=reprocess, workers=workers, task_runner=runner,
                        dask_address=dask_address, corrections=[Path(p) for p in corrections or []],
                        document_timeout_seconds=document_timeout, **settle)
    try:
        return ingest_flow_body(inboxes, settings, announce).model_dump(mode="json")
    except NightInterrupted as stop:  # a request, not a crash: the run shows as Cancelled in Prefect
        return Cancelled(message=f"{INTERRUPTED}{stop.signum}")


def flow_parameters(settings: Settings) -> dict:
    return {"out": str(settings.out_dir), "reprocess": settings.reprocess, "workers": settings.workers,
            "runner": settings.task_runner, "dask_address": settings.dask_address,
            "corrections": [str(p) for p in settings.corrections],
            "document_timeout": settings.document_timeout_seconds, "upload_settle": settings.upload_settle_seconds}


def run_ingest(inboxes: list[str], settings: Settings) -> NightSummary:
    """Run the flow here and now, on the configured Prefect API or a temporary server of its own."""
    configured = ingest.with_options(task_runner=task_runner_for(settings))
    with prefect_api():
        state = configured(inboxes, **flow_parameters(settings), return_state=True)
    if state.is_cancelled() and (state.message or "").startswith(INTERRUPTED):
        raise NightInterrupted(int(state.message.removeprefix(INTERRUPTED)))
    return NightSummary.model_validate(state.result())
