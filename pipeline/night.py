"""A night's ingest as plain steps: prepare (scan, register, choose what to parse), parse (one document
at a time, by whoever orchestrates), finish (record, consolidate, publish, summarise).

`flows/ingest.py` runs the same steps under Prefect; `run_night` runs them serially for tests and tools.
"""

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

from extractors.sniff import sniff_format
from pipeline.catalog import Catalog
from pipeline.consolidate import files_to_records
from pipeline.inbox import scan_inboxes
from pipeline.outputs import ANALYST_WRITERS
from pipeline.parse import parse_source
from pipeline.publish import current_fingerprint, publish_release, release_fingerprint
from pipeline.report import NightSummary, summarise
from pipeline.settings import Settings
from schemas import Activity, ParsedDocument, SourceFile

CATALOG_NAME = "catalog.sqlite"


@dataclass
class NightPlan:
    run_id: str
    sources: list[SourceFile]
    to_parse: list[SourceFile]


def catalog_for(settings: Settings) -> Catalog:
    return Catalog(settings.out_dir / CATALOG_NAME)


def new_run_id(now: datetime) -> str:
    return f"{now:%Y%m%dT%H%M%S}-{uuid4().hex[:6]}"


def prepare_night(inboxes: list[Path], settings: Settings) -> NightPlan:
    now = datetime.now(UTC)
    sources = scan_inboxes(inboxes)
    keep_originals(sources, settings.out_dir / "originals")
    catalog = catalog_for(settings)
    try:
        catalog.register_files(sources, now)
        candidates = sources + stored_originals_not_in(sources, catalog, settings.out_dir / "originals")
        to_parse = catalog.contents_to_parse(candidates, settings.pipeline_version, settings.reprocess)
        run_id = new_run_id(now)
        catalog.start_run(run_id, now, len(sources), len(to_parse))
    finally:
        catalog.close()
    return NightPlan(run_id=run_id, sources=sources, to_parse=to_parse)


def original_path(folder: Path, document_id: str, name: str) -> Path:
    """An upload's copy: named by its content, with the extension it came with (`…e3b0.docx`), so an admin
    can open it and a reader that goes by the suffix finds it."""
    return folder / f"{document_id}{Path(name).suffix.lower()}"


def keep_originals(sources: list[SourceFile], folder: Path) -> None:
    """Every upload is kept by content, so a later pipeline version can re-read it after the inbox is
    emptied, and nothing that came in is ever lost."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in sources:
        target = original_path(folder, source.document_id, source.name)
        if stored_original(folder, source.document_id, source.name):
            continue
        temporary = folder / f".{source.document_id}.tmp"
        shutil.copyfile(source.path, temporary)
        temporary.replace(target)


def stored_original(folder: Path, document_id: str, name: str) -> Path | None:
    """The kept copy of a content: under this name's extension, another upload's, or none (older releases
    kept copies without an extension; those are found too)."""
    exact = original_path(folder, document_id, name)
    if exact.exists():
        return exact
    return next((p for p in sorted(folder.glob(f"{document_id}*")) if p.name.split(".")[0] == document_id), None)


def stored_originals_not_in(sources: list[SourceFile], catalog: Catalog, folder: Path) -> list[SourceFile]:
    present = {s.document_id for s in sources}
    stored = []
    for f in catalog.files():
        path = stored_original(folder, f["document_id"], f["source_file"])
        if f["document_id"] not in present and path:
            stored.append(SourceFile(path=path, name=f["source_file"], document_id=f["document_id"],
                                     size=f["size"] or 0, format=sniff_format(path)))
            present.add(f["document_id"])
    return stored


def finish_night(plan: NightPlan, parsed: list[ParsedDocument], settings: Settings,
                 extra_writers=ANALYST_WRITERS) -> NightSummary:
    now = datetime.now(UTC)
    catalog = catalog_for(settings)
    try:
        for document in parsed:
            catalog.save_parsed(document)
        records = files_to_records(catalog.files(), catalog.parsed_records())
        fingerprint = release_fingerprint(records, settings.pipeline_version)
        changed = fingerprint != current_fingerprint(settings.out_dir)
        if changed:  # a night with nothing new keeps the current release and loads no activities
            activities = current_activities(records, catalog)
            publish_release(settings.out_dir, plan.run_id, activities, records, extra_writers, fingerprint)
        catalog.set_statuses(records, plan.run_id, now)
        summary = summarise(plan.run_id, records, len(plan.sources), len(parsed), changed)
        catalog.finish_run(plan.run_id, datetime.now(UTC), summary.model_dump(mode="json"))
    finally:
        catalog.close()
    return summary


def current_activities(records, catalog: Catalog) -> list[Activity]:
    ids = [r.document_id for r in records if r.status == "ingested"]
    return [a for document_id in dict.fromkeys(ids) for a in catalog.activities_of(document_id)]


def run_night(inboxes: list[Path], settings: Settings) -> NightSummary:
    plan = prepare_night(inboxes, settings)
    parsed = [parse_source(source, settings) for source in plan.to_parse]
    return finish_night(plan, parsed, settings)
