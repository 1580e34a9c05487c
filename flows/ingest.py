"""The nightly ingest flow: coarse tasks (a batch of documents each, one document each for small nights)
parsed in parallel processes; a document that fails is quarantined with the error while the rest of the
night goes on.

Why batches: Prefect costs 50–170 ms of orchestration per task on this 2-core machine, CPU taken from
the parsers; ~8 batches per worker keep the progress visible and the overhead small."""

import math
import os
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner
from tqdm import tqdm

from flows.workers import WorkerLostError, parse_in_worker
from pipeline.night import finish_night, prepare_night
from pipeline.parse import parse_source, quarantined
from pipeline.report import NightSummary, summary_to_line, summary_to_markdown
from pipeline.settings import Settings
from schemas import ParsedDocument, SourceFile, message

BATCHES_PER_WORKER = 8


@task(name="parse-batch", cache_policy=None, task_run_name="parse {label}")
def parse_batch(sources: list[SourceFile], settings: Settings, label: str) -> list[ParsedDocument]:
    """Bad files come back quarantined; a batch does not raise for them, so Prefect has nothing to retry.
    The one transient failure — a parser process that died — is retried per document in parse_one."""
    return [parse_one(source, settings) for source in sources]


def parse_one(source: SourceFile, settings: Settings) -> ParsedDocument:
    if settings.task_runner != "processes" or settings.workers == 1:
        return parse_source(source, settings)
    try:
        return parse_in_worker(source, settings)
    except WorkerLostError:
        pass  # the pool was replaced; one fresh try in a new process
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


def outcomes_of(future, batch: list[SourceFile]) -> list[ParsedDocument]:
    """The batch's results, or — if the task itself failed — each of its files quarantined with the error."""
    outcome = future.result(raise_on_failure=False)
    if isinstance(outcome, list):
        return outcome
    return [failed(source, outcome) for source in batch]


def parse_all(sources: list[SourceFile], settings: Settings) -> list[ParsedDocument]:
    batches = batches_of(sources, settings.workers)
    futures = {parse_batch.submit(batch, settings, label=batch_label(batch)): batch for batch in batches}
    with tqdm(total=len(sources), unit="док", desc="Разбор", disable=None, leave=False) as bar:
        for future in as_completed(list(futures)):
            bar.update(len(futures[future]))
    return [parsed for future, batch in futures.items() for parsed in outcomes_of(future, batch)]


def batch_label(batch: list[SourceFile]) -> str:
    return batch[0].name if len(batch) == 1 else f"{batch[0].name} +{len(batch) - 1}"


def ingest_flow_body(inboxes: list[str], settings: Settings, announce: bool = False) -> NightSummary:
    """`announce`: print the night's one-line summary (svodka serve's log shows one per scheduled run)."""
    started = time.monotonic()
    plan = prepare_night([Path(p) for p in inboxes], settings)
    parsed = parse_all(plan.to_parse, settings)
    summary = finish_night(plan, parsed, settings)
    create_markdown_artifact(markdown=summary_to_markdown(summary), key="svodka-night-summary",
                             description="Документы по статусам, с причинами")
    if announce:
        print(summary_to_line(summary, time.monotonic() - started), flush=True)
    return summary


@flow(name="svodka-ingest", task_runner=ThreadPoolTaskRunner(max_workers=2), log_prints=False,
      validate_parameters=False)
def ingest(inboxes: list[str], out: str = "data", reprocess: str = "none", workers: int = 2,
           runner: str = "processes", dask_address: str | None = None,
           corrections: list[str] | None = None, announce: bool = False) -> dict:
    """Ingest the inboxes into `out`: parse what is new, apply people's corrections, publish atomically."""
    settings = Settings(out_dir=Path(out), reprocess=reprocess, workers=workers, task_runner=runner,
                        dask_address=dask_address, corrections=[Path(p) for p in corrections or []])
    return ingest_flow_body(inboxes, settings, announce).model_dump(mode="json")


def flow_parameters(settings: Settings) -> dict:
    return {"out": str(settings.out_dir), "reprocess": settings.reprocess, "workers": settings.workers,
            "runner": settings.task_runner, "dask_address": settings.dask_address,
            "corrections": [str(p) for p in settings.corrections]}


def run_ingest(inboxes: list[str], settings: Settings) -> NightSummary:
    """Run the flow here and now (Prefect starts a temporary local server if none is configured)."""
    configured = ingest.with_options(task_runner=task_runner_for(settings))
    with api_for_workers(settings):
        return NightSummary.model_validate(configured(inboxes, **flow_parameters(settings)))


@contextmanager
def api_for_workers(settings: Settings):
    """Dask workers are separate processes: without an API URL in their environment each would start a
    temporary Prefect server of its own. Start one here and hand its address down."""
    if settings.task_runner != "dask" or os.environ.get("PREFECT_API_URL"):
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, temporary_settings

    server = SubprocessASGIServer()
    server.start()
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield
    finally:
        del os.environ["PREFECT_API_URL"]
        server.stop()
