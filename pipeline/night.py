"""A night's ingest as plain steps: prepare (scan, register, choose what to parse), parse (one document
at a time, by whoever orchestrates), finish (record, consolidate, publish, summarise).

`flows/ingest.py` runs the same steps under Prefect; `run_night` runs them serially for tests and tools.
"""

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

from extractors.regions import region_by_code
from extractors.sniff import sniff_format
from pipeline.archives import with_archive_members
from pipeline.catalog import Catalog
from pipeline.consolidate import files_to_records
from pipeline.inbox import scan_inboxes
from pipeline.outputs import ANALYST_WRITERS
from pipeline.outputs.review_files import review_writers
from pipeline.parse import parse_source
from pipeline.publish import current_fingerprint, publish_release, release_fingerprint
from pipeline.report import NightSummary, summarise
from pipeline.review.apply import apply_to_records
from pipeline.review.corrections import CorrectionFileError, correction_files, read_corrections
from pipeline.review.dataset import review_dataset
from pipeline.settings import Settings
from schemas import Message, ParsedDocument, SourceFile

CATALOG_NAME = "catalog.sqlite"
CORRECTIONS_DIR = "corrections"


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
    sources = with_archive_members(scan_inboxes(inboxes), settings)
    keep_originals(sources, settings.out_dir / "originals")
    catalog = catalog_for(settings)
    try:
        catalog.register_files(sources, now)
        candidates = with_archive_members(
            sources + stored_originals_not_in(sources, catalog, settings.out_dir / "originals"), settings)
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
        notes = receive_corrections(catalog, settings, now)
        stored = catalog.stored_corrections()
        parsed_records = catalog.parsed_records()
        document_results = apply_to_records(parsed_records, stored, region_by_code)
        records = files_to_records(catalog.files(), parsed_records)
        fingerprint = release_fingerprint(records, f"{settings.pipeline_version} {catalog.corrections_digest()}")
        changed = fingerprint != current_fingerprint(settings.out_dir)
        results = {}
        if changed:  # a night with nothing new keeps the current release and loads no activities
            reviewed = review_dataset(records, catalog.activities_of, stored)
            reviewed.results |= document_results
            results = reviewed.results
            before, after = review_writers(reviewed, stored)
            writers = [*before, *extra_writers, *after]
            publish_release(settings.out_dir, plan.run_id, reviewed.activities, records, writers, fingerprint)
            catalog.record_corrections(stored, results, plan.run_id, now)
        catalog.set_statuses(records, plan.run_id, now)
        summary = summarise(plan.run_id, records, sum(not s.archive for s in plan.sources), len(parsed), changed,
                            corrections=results, notes=notes)
        catalog.finish_run(plan.run_id, datetime.now(UTC), summary.model_dump(mode="json"))
    finally:
        catalog.close()
    return summary


def receive_corrections(catalog: Catalog, settings: Settings, now: datetime) -> list[Message]:
    """Every correction file in DIR/corrections/ (and those named with --corrections) into the catalog; a
    file that cannot be read is reported by name, and nothing it held is lost from earlier nights."""
    notes = []
    for path in correction_files(settings.out_dir / CORRECTIONS_DIR, settings.corrections):
        try:
            catalog.receive_corrections(read_corrections(path), now)
        except CorrectionFileError as error:
            notes.append(error.note)
    return notes


def run_night(inboxes: list[Path], settings: Settings) -> NightSummary:
    plan = prepare_night(inboxes, settings)
    parsed = [parse_source(source, settings) for source in plan.to_parse]
    return finish_night(plan, parsed, settings)
