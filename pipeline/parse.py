"""Parse one file into its document record and activities. Never raises for a bad file: whatever goes
wrong becomes a `quarantined` record whose reason a chamber employee can act on."""

import hashlib
import time
import traceback
from datetime import UTC, datetime

from extractors.deadlines.voting_days import plan_context
from extractors.facts import read_plan_facts
from extractors.plan_kind import check_observation_plan
from extractors.readers import READERS
from extractors.tables.assemble import AssembledPlan, content_to_plan_rows
from pipeline.admission import check_admissible
from pipeline.archives import archive_record
from pipeline.enrich import row_to_activity
from pipeline.review.reasons import review_reasons
from pipeline.settings import Settings
from schemas import DocumentError, DocumentRecord, Message, ParsedDocument, PlanRow, SourceFile, message


def parse_source(source: SourceFile, settings: Settings) -> ParsedDocument:
    started = time.perf_counter()
    now = datetime.now(UTC)
    try:
        parsed = read_plan(source, settings, now)
    except DocumentError as error:
        parsed = ParsedDocument(record=quarantined(source, error.message, now))
    except Exception as error:  # the pipeline's own failure: keep the file on record, never drop it
        parsed = ParsedDocument(record=quarantined(source, internal_error(error), now))
    parsed.record.archive = source.archive
    parsed.record.parse_seconds = round(time.perf_counter() - started, 4)
    parsed.record.pipeline_version = settings.pipeline_version
    return parsed


def warm_up() -> None:
    """Load natasha's models now: a parser process does it before its first document, so that document's
    time limit counts its own parsing only."""
    from extractors.entities.models import analyse

    analyse("Общественная палата Хабаровского края, Белоглазов А.С.")


def read_plan(source: SourceFile, settings: Settings, now: datetime) -> ParsedDocument:
    reader_format = check_admissible(source, settings)
    if reader_format == "zip":  # its files were taken out in the inbox stage and are read on their own
        return ParsedDocument(record=archive_record(source, settings, now))
    content = READERS[reader_format](source.path)
    assembled = content_to_plan_rows(content)
    loose_text = content.full_text()
    check_observation_plan(assembled.rows, assembled.header_text, loose_text)
    facts = read_plan_facts(assembled.header_text, body_text(loose_text, assembled))
    context = plan_context(facts)
    activities = [row_to_activity(row, facts, context, source, now) for row in assembled.rows]
    has_responsible = has_responsible_column(assembled.rows)
    partial = partial_reason(assembled)
    for activity, row in zip(activities, assembled.rows):
        activity.review_reasons = review_reasons(activity, row, has_responsible, partial,
                                                 settings.ocr_review_confidence)
    record = DocumentRecord(
        document_id=source.document_id, source_file=source.name, format=reader_format, status="ingested",
        reasons=facts.reasons + ([partial] if partial else []),
        region_code=facts.region.code if facts.region else None,
        region_number=facts.region.number if facts.region else None,
        region_name=facts.region.name if facts.region else None, plan_year=facts.plan_year,
        approved_on=facts.approved_on, approved_by=facts.approved_by, title=facts.title,
        voting_start=context.voting_start, voting_end=context.voting_end,
        voting_days_source=context.voting_source, election_called_on=context.events.get("election_called"),
        activity_count=len(activities), pages=content.pages, processed_at=now, notes=content.notes,
        tables_read=assembled.tables_read, tables_skipped=assembled.tables_skipped,
    )
    return ParsedDocument(record=record, activities=activities)


def body_text(loose_text: str, assembled: AssembledPlan) -> str:
    rows = (f"{r.title} {r.description or ''} {r.responsible_raw}" for r in assembled.rows)
    return loose_text + "\n" + "\n".join(rows)


def partial_reason(assembled: AssembledPlan) -> Message | None:
    """A skipped table that looks like part of the plan: the plan may be incomplete, and the record says so."""
    doubtful = [s for s in assembled.tables_skipped if s.may_hold_activities]
    if not doubtful:
        return None
    return message("plan.partial", tables="; ".join(s.reason.text for s in doubtful))


def has_responsible_column(rows: list[PlanRow]) -> bool:
    """Most rows name someone: an empty cell is then a gap, not the plan's habit (Kuzbass names nobody)."""
    return sum(bool(row.responsible_raw.strip()) for row in rows) * 2 >= len(rows) > 0


def quarantined(source: SourceFile, reason: Message, now: datetime) -> DocumentRecord:
    return DocumentRecord(document_id=source.document_id, source_file=source.name, format=source.format,
                          status="quarantined", reasons=[reason], processed_at=now)


def internal_error(error: BaseException) -> Message:
    """The person reads that it is our fault; the developer finds the error itself in the message's detail."""
    detail = "".join(traceback.format_exception_only(type(error), error)).strip()[:500]
    return message("internal.error", ref=hashlib.sha256(detail.encode()).hexdigest()[:8], detail=detail)
