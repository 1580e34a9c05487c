"""Plan rows to published activities: deadlines typed, responsible parties and partners recognised,
a category assigned, provenance carried along. Raw text always stays beside what was read from it."""

import hashlib
from datetime import datetime
from functools import lru_cache

from extractors.categories import categorize
from extractors.deadlines.resolve import normalize_deadline
from extractors.entities.responsible import find_mentioned_organisations, read_responsible
from schemas import Activity, PlanContext, PlanFacts, PlanRow, Region, ResponsibleParty, SourceFile


@lru_cache(maxsize=50_000)
def responsible_in(raw: str, region_json: str | None) -> ResponsibleParty:
    """Plans repeat the same responsible cell row after row; each distinct cell is read once."""
    return read_responsible(raw, Region.model_validate_json(region_json) if region_json else None)


def activity_id(document_id: str, row: PlanRow) -> str:
    """Stable for the same file content and row position, whatever else changes in the pipeline."""
    key = f"{document_id}:{row.source_table}:{row.source_row}"
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def deadline_fields(raw: str, context: PlanContext) -> dict:
    """The deadline cell and what it says, as Activity fields."""
    deadline = normalize_deadline(raw, context)
    return {"deadline_raw": raw, "deadline_kind": deadline.kind, "deadline_start": deadline.start,
            "deadline_end": deadline.end, "recurrence": deadline.recurrence,
            "deadline_precision": deadline.precision, "deadline_dates": deadline.dates,
            "deadline_anchor": deadline.anchor, "deadline_offset_days": deadline.offset_days,
            "deadline_warnings": deadline.warnings}


def responsible_fields(raw: str, region: Region | None) -> dict:
    """The responsible cell and who it names, as Activity fields."""
    party = responsible_in(raw, region.model_dump_json() if region else None)
    return {"responsible_raw": raw, "responsible_persons": party.persons,
            "responsible_orgs": [o.name for o in party.orgs], "responsible_orgs_raw": [o.raw for o in party.orgs],
            "responsible_orgs_expanded": [o.expanded or o.name for o in party.orgs],
            "responsible_groups": party.groups, "responsible_roles": party.roles}


def row_to_activity(row: PlanRow, facts: PlanFacts, context: PlanContext, source: SourceFile,
                    processed_at: datetime) -> Activity:
    region = facts.region
    return Activity(
        activity_id=activity_id(source.document_id, row), document_id=source.document_id,
        source_file=source.name, region_code=region.code if region else None,
        region_number=region.number if region else None, region_name=region.name if region else None,
        plan_year=facts.plan_year, section=row.section, seq=row.seq, title=row.title,
        description=row.description, note=row.note,
        **deadline_fields(row.deadline_raw, context),
        **responsible_fields(row.responsible_raw, region),
        mentioned_orgs=find_mentioned_organisations(f"{row.title} {row.description or ''}", region),
        category=categorize(row.title, row.description),
        source_page=row.source_page, source_table=row.source_table, source_row=row.source_row,
        extraction=row.extraction, ocr_confidence=min(row.confidence.values(), default=None),
        processed_at=processed_at,
    )
