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


def row_to_activity(row: PlanRow, facts: PlanFacts, context: PlanContext, source: SourceFile,
                    processed_at: datetime) -> Activity:
    deadline = normalize_deadline(row.deadline_raw, context)
    party = responsible_in(row.responsible_raw, facts.region.model_dump_json() if facts.region else None)
    region = facts.region
    return Activity(
        activity_id=activity_id(source.document_id, row), document_id=source.document_id,
        source_file=source.name, region_code=region.code if region else None,
        region_number=region.number if region else None, region_name=region.name if region else None,
        plan_year=facts.plan_year, section=row.section, seq=row.seq, title=row.title,
        description=row.description, note=row.note,
        deadline_raw=row.deadline_raw, deadline_kind=deadline.kind, deadline_start=deadline.start,
        deadline_end=deadline.end, recurrence=deadline.recurrence, deadline_precision=deadline.precision,
        deadline_dates=deadline.dates, deadline_anchor=deadline.anchor, deadline_offset_days=deadline.offset_days,
        deadline_warnings=deadline.warnings,
        responsible_raw=row.responsible_raw, responsible_persons=party.persons,
        responsible_orgs=[o.name for o in party.orgs], responsible_orgs_raw=[o.raw for o in party.orgs],
        responsible_orgs_expanded=[o.expanded or o.name for o in party.orgs],
        responsible_groups=party.groups,
        mentioned_orgs=find_mentioned_organisations(f"{row.title} {row.description or ''}", region),
        category=categorize(row.title, row.description),
        source_page=row.source_page, source_table=row.source_table, source_row=row.source_row,
        processed_at=processed_at,
    )
