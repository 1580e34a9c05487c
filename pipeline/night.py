"""A night's ingest as plain steps: prepare (scan, keep the originals, register, choose what to parse),
parse (one document at a time, by whoever orchestrates; each result saved as it comes), finish (consolidate,
publish, summarise). A night holds the output folder's run lock throughout (pipeline/run_lock.py).

`flows/ingest.py` runs the same steps under Prefect; `run_night` runs them serially for tests and tools.
A night that stops midway is recorded as `interrupted` (or `failed`); what it parsed is kept, the published
release stays the previous one, and the next night parses only what is left.
"""

import gc
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

from extractors.regions import region_by_code
from extractors.sniff import sniff_format
from pipeline.archives import with_archive_members
from pipeline.catalog import Catalog
from pipeline.consolidate import files_to_records, stale_quarantines
from pipeline.inbox import scan_inboxes
from pipeline.originals import stored_original, take_uploads
from pipeline.outputs import ANALYST_WRITERS
from pipeline.outputs.plans import current_changes
from pipeline.outputs.review_files import review_writers
from pipeline.parse import parse_source
from pipeline.publish import current_fingerprint, publish_release, release_fingerprint
from pipeline.report import NightSummary, summarise
from pipeline.review.apply import apply_to_records
from pipeline.review.corrections import CorrectionFileError, correction_files, read_corrections
from pipeline.review.dataset import review_dataset
from pipeline.run_lock import run_lock
from pipeline.settings import Settings
from schemas import DocumentRecord, Message, ParsedDocument, SourceFile

CATALOG_NAME = "catalog.sqlite"
CORRECTIONS_DIR = "corrections"


@dataclass
class NightPlan:
    run_id: str
    sources: list[SourceFile]
    to_parse: list[SourceFile]
    turned_away: list[DocumentRecord] = field(default_factory=list)  # not read tonight, and why
    saved: set[str] = field(default_factory=set)  # contents whose parse is already in the catalog
    parsed: int = 0  # documents parsed tonight (a content sent under two names counts twice)

    def count_saved(self, document_ids: list[str]) -> None:
        self.saved.update(document_ids)
        self.parsed += len(document_ids)

    @property
    def entries_seen(self) -> int:
        """Every inbox entry of the night: the uploads (not the files inside archives) and those turned away."""
        return sum(not s.archive for s in self.sources) + len(self.turned_away)


def catalog_for(settings: Settings) -> Catalog:
    return Catalog(settings.out_dir / CATALOG_NAME)


def new_run_id(now: datetime) -> str:
    return f"{now:%Y%m%dT%H%M%S}-{uuid4().hex[:6]}"


def prepare_night(inboxes: list[Path], settings: Settings) -> NightPlan:
    """Call it holding the run lock: runs still marked `running` are then the debris of a dead process."""
    now, looked_at = datetime.now(UTC), time.time()
    scan = scan_inboxes(inboxes)
    uploads, not_taken = take_uploads(scan, settings.out_dir / "originals", settings.upload_settle_seconds,
                                      looked_at)
    sources = with_archive_members(uploads, settings)
    turned_away = scan.turned_away + not_taken
    catalog = catalog_for(settings)
    try:
        catalog.close_abandoned_runs(now)
        catalog.register_files(sources, now)
        candidates = with_archive_members(
            sources + stored_originals_not_in(sources, catalog, settings.out_dir / "originals"), settings)
        to_parse = catalog.contents_to_parse(candidates, settings.pipeline_version, settings.reprocess)
        run_id = new_run_id(now)
        catalog.start_run(run_id, now, len(uploads) + len(turned_away), len(to_parse))
        catalog.record_turned_away(turned_away, run_id, now)
    finally:
        catalog.close()
    return NightPlan(run_id=run_id, sources=sources, to_parse=to_parse, turned_away=turned_away)


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


def save_parsed(plan: NightPlan, parsed: list[ParsedDocument], settings: Settings) -> None:
    plan.count_saved(save_documents(parsed, settings))


def save_documents(parsed: list[ParsedDocument], settings: Settings) -> list[str]:
    """Keep results as they come, so a night stopped midway loses none of the work it finished; the ids saved.
    Once saved, a result need not be kept in memory: the review reads the activities back from the catalog
    (holding a thousand plans' activities until the end cost the flow process 250 MB)."""
    catalog = catalog_for(settings)
    try:
        for document in parsed:
            catalog.save_parsed(document)
    finally:
        catalog.close()
    return [document.record.document_id for document in parsed]


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector off while a night's data is loaded, reviewed and published. Those
    are hundreds of thousands of small objects in no cycle, and the collector, started again and again by
    their allocation, took half the time of reading a thousand plans' activities back (2.2 s of 3.2 s). It
    runs as usual when the block ends."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def finish_night(plan: NightPlan, settings: Settings, extra_writers=ANALYST_WRITERS) -> NightSummary:
    """Review, publish and summarise what is in the catalog (every result of the night saved by save_parsed)."""
    with collector_paused():
        return review_and_publish(plan, settings, extra_writers)


def review_and_publish(plan: NightPlan, settings: Settings, extra_writers) -> NightSummary:
    now = datetime.now(UTC)
    catalog = catalog_for(settings)
    try:
        notes = receive_corrections(catalog, settings, now)
        stored = catalog.stored_corrections()
        files, parsed_records = catalog.files(), catalog.parsed_records()
        document_results = apply_to_records(parsed_records, stored, region_by_code)
        records = files_to_records(files, parsed_records) + plan.turned_away
        fingerprint = release_fingerprint(records, f"{settings.pipeline_version} {catalog.corrections_digest()}")
        changed = fingerprint != current_fingerprint(settings.out_dir)
        results = {}
        if changed:  # a night with nothing new keeps the current release and loads no activities
            reviewed = review_dataset(records, catalog.activities_of, stored)
            reviewed.results |= document_results
            results = reviewed.results
            before, after = review_writers(reviewed, stored)
            writers = [*before, *extra_writers, *after]
            publish_release(settings.out_dir, plan.run_id, reviewed.activities, records, writers, fingerprint,
                            current_changes(reviewed.changes, records))
            catalog.record_corrections(stored, results, plan.run_id, now)
        catalog.set_statuses([r for r in records if r.document_id], plan.run_id, now)
        catalog.retire(stale_quarantines(files, parsed_records), plan.run_id, now)
        summary = summarise(plan.run_id, records, plan.entries_seen, plan.parsed, changed,
                            corrections=results, notes=notes)
        catalog.finish_run(plan.run_id, datetime.now(UTC), summary.model_dump(mode="json"))
    finally:
        catalog.close()
    return summary


@contextmanager
def recorded_outcome(plan: NightPlan, settings: Settings):
    """A night that does not finish is not left `running`: interrupted (a signal), or failed (an error)."""
    try:
        yield
    except BaseException as error:
        catalog = catalog_for(settings)
        try:
            outcome = "failed" if isinstance(error, Exception) else "interrupted"
            catalog.finish_run(plan.run_id, datetime.now(UTC), {"parsed": len(plan.saved)}, outcome)
        finally:
            catalog.close()
        raise


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
    with run_lock(settings.out_dir):
        plan = prepare_night(inboxes, settings)
        with recorded_outcome(plan, settings):
            for source in plan.to_parse:
                save_parsed(plan, [parse_source(source, settings)], settings)
            return finish_night(plan, settings)
