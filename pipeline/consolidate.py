"""Decide what each file ever seen is now: the current plan of its region and year, a superseded
revision, a byte-identical duplicate, or quarantined — and so which activities are published.

A quarantined upload later replaced in the inbox by another file of the same name (a half-written upload
the tool then finished) leaves the current view: the catalog keeps it as `replaced`."""

from datetime import date, datetime

from schemas import DocumentRecord, Message, message


def files_to_records(files: list[dict], parsed: dict[str, DocumentRecord]) -> list[DocumentRecord]:
    """One record per file row of the catalog (oldest first), statuses decided."""
    records: list[DocumentRecord] = []
    first_file_of: dict[str, DocumentRecord] = {}
    stale = stale_quarantines(files, parsed)
    for f in files:
        base = parsed.get(f["document_id"])
        if base is None or (f["document_id"], f["source_file"]) in stale:
            continue  # not parsed yet (a run that stopped midway: the next one parses it), or replaced
        record = base.model_copy(update={
            "source_file": f["source_file"], "first_seen_at": datetime.fromisoformat(f["first_seen_at"]),
            "duplicate_of": None, "superseded_by": None})
        original = first_file_of.setdefault(f["document_id"], record)
        if original is not record:
            record.status, record.duplicate_of = "duplicate", original.document_id
            record.reasons = [message("document.duplicate", file=original.source_file)]
            record.activity_count = original.activity_count
        records.append(record)
    mark_superseded([r for r in records if r.status == "ingested"])
    return records


def stale_quarantines(files: list[dict], parsed: dict[str, DocumentRecord]) -> set[tuple[str, str]]:
    """(document_id, file name) of quarantined uploads whose inbox path has since held other content."""
    latest: dict[str, dict] = {}
    for f in files:
        if f["path"] and (f["path"] not in latest or f["last_seen_at"] > latest[f["path"]]["last_seen_at"]):
            latest[f["path"]] = f
    return {(f["document_id"], f["source_file"]) for f in files
            if f["path"] and latest[f["path"]] is not f
            and (record := parsed.get(f["document_id"])) is not None and record.status == "quarantined"}


def revision_key(record: DocumentRecord) -> tuple:
    """Later approval wins; then the later upload; then the name, so the choice is deterministic."""
    return (record.approved_on or date.min, record.first_seen_at or datetime.min, record.source_file)


def mark_superseded(ingested: list[DocumentRecord]) -> None:
    groups: dict[tuple, list[DocumentRecord]] = {}
    for record in ingested:
        if record.region_number and record.plan_year:
            groups.setdefault((record.region_number, record.plan_year), []).append(record)
    for group in groups.values():
        current = max(group, key=revision_key)
        for record in group:
            if record is not current:
                record.status, record.superseded_by = "superseded", current.document_id
                record.reasons = [superseded_by(current)]


def superseded_by(current: DocumentRecord) -> Message:
    if current.approved_on:
        return message("document.superseded_approved", file=current.source_file, approved_on=current.approved_on)
    return message("document.superseded", file=current.source_file)
