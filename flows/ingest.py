"""The nightly ingest flow: one coarse task per document, parsed in parallel processes; a document whose
task fails is quarantined with the error while the rest of the night goes on."""

from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner
from tqdm import tqdm

from flows.workers import parse_in_worker
from pipeline.night import finish_night, prepare_night
from pipeline.parse import parse_source, quarantined
from pipeline.report import NightSummary, summary_to_markdown
from pipeline.settings import Settings
from schemas import ParsedDocument, SourceFile, SvodkaError

PARSE_RETRIES = 1  # only transient trouble (a lost worker process) is worth a retry; a bad file is not


def retry_only_transient(task, task_run, state) -> bool:
    error = state.result(raise_on_failure=False)
    return isinstance(error, SvodkaError) and error.transient


@task(name="parse-document", retries=PARSE_RETRIES, retry_delay_seconds=1, cache_policy=None,
      retry_condition_fn=retry_only_transient, task_run_name="parse {source.name}")
def parse_document(source: SourceFile, settings: Settings) -> ParsedDocument:
    """A bad file comes back quarantined; it does not raise."""
    if settings.task_runner == "processes" and settings.workers > 1:
        return parse_in_worker(source, settings)
    return parse_source(source, settings)


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


def outcome_of(future, source: SourceFile) -> ParsedDocument:
    """The task's result, or — if the task itself failed — the file quarantined with the error."""
    outcome = future.result(raise_on_failure=False)
    if isinstance(outcome, ParsedDocument):
        return outcome
    reason = f"Разбор файла прервался ({outcome!r:.300}). Сообщите разработчикам"
    return ParsedDocument(record=quarantined(source, reason, datetime.now(UTC)))


def parse_all(sources: list[SourceFile], settings: Settings) -> list[ParsedDocument]:
    futures = {parse_document.submit(source, settings): source for source in sources}
    with tqdm(total=len(futures), unit="док", desc="Разбор", disable=None, leave=False) as bar:
        for _ in as_completed(list(futures)):
            bar.update(1)
    return [outcome_of(future, source) for future, source in futures.items()]


def ingest_flow_body(inboxes: list[str], settings: Settings) -> NightSummary:
    plan = prepare_night([Path(p) for p in inboxes], settings)
    parsed = parse_all(plan.to_parse, settings)
    summary = finish_night(plan, parsed, settings)
    create_markdown_artifact(markdown=summary_to_markdown(summary), key="svodka-night-summary",
                             description="Документы по статусам, с причинами")
    return summary


@flow(name="svodka-ingest", task_runner=ThreadPoolTaskRunner(max_workers=2), log_prints=False,
      validate_parameters=False)
def ingest(inboxes: list[str], out: str = "data", reprocess: str = "none", workers: int = 2,
           runner: str = "processes", dask_address: str | None = None) -> dict:
    """Ingest the inboxes into `out`: parse what is new, consolidate, publish atomically."""
    settings = Settings(out_dir=Path(out), reprocess=reprocess, workers=workers, task_runner=runner,
                        dask_address=dask_address)
    return ingest_flow_body(inboxes, settings).model_dump(mode="json")


def flow_parameters(settings: Settings) -> dict:
    return {"out": str(settings.out_dir), "reprocess": settings.reprocess, "workers": settings.workers,
            "runner": settings.task_runner, "dask_address": settings.dask_address}


def run_ingest(inboxes: list[str], settings: Settings) -> NightSummary:
    """Run the flow here and now (Prefect starts a temporary local server if none is configured)."""
    configured = ingest.with_options(task_runner=task_runner_for(settings))
    return NightSummary.model_validate(configured(inboxes, **flow_parameters(settings)))
