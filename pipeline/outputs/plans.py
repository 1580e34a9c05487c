"""What every analyst output needs about a plan: its voting days (day 0 of the comparison), each activity's
dated span, the regions × categories counts and the date of the run that made the release."""

from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from typing import NamedTuple

from extractors.deadlines.resolve import VOTING_DAYS, calendar_voting_days
from pipeline.outputs.labels import region_of
from schemas import Activity, DocumentRecord

DATED_KINDS = ("date", "range", "before", "after")
VOTING_ANCHOR = "voting_days"


class VotingDays(NamedTuple):
    first: date
    last: date
    source: str  # «план» when the plan's own «в дни голосования» was resolved, else «календарь»


def anchored_voting_days(activities: list[Activity]) -> dict[str, VotingDays]:
    """Per document, the span of its activities resolved from «в дни голосования»."""
    days: dict[str, list[date]] = {}
    for a in activities:
        if a.deadline_anchor == VOTING_ANCHOR and a.deadline_kind == "range":  # not «последний день …»
            days.setdefault(a.document_id, []).extend(d for d in (a.deadline_start, a.deadline_end) if d)
    return {doc: VotingDays(min(found), max(found), "план") for doc, found in days.items() if found}


def calendar_days_for(record: DocumentRecord) -> VotingDays | None:
    """The first election of the plan's year not over when the plan was approved; else the single voting day."""
    year = record.plan_year
    spans = sorted(span for (y, _), span in VOTING_DAYS.items() if y == year)
    after = [s for s in spans if record.approved_on and s[1] >= record.approved_on]
    chosen = after[0] if after else (calendar_voting_days(year) if year else None)
    return VotingDays(*chosen, "календарь") if chosen else None


def plan_voting_days(activities: list[Activity], records: list[DocumentRecord]) -> dict[str, VotingDays]:
    """Document id → its voting days: the plan's own, else the election calendar's."""
    found = {r.document_id: VotingDays(r.voting_start, r.voting_end, "план")
             for r in records if r.voting_start and r.voting_end and r.voting_days_source == "document"}
    found |= {d: days for d, days in anchored_voting_days(activities).items() if d not in found}
    for record in records:
        if record.document_id not in found and (days := calendar_days_for(record)):
            found[record.document_id] = days
    return found


def dated_span(a: Activity) -> tuple[date, date] | None:
    """The days an activity occupies on a calendar: «до 10 марта» is its due day, «с 1 сентября» its first."""
    if a.deadline_kind not in DATED_KINDS:
        return None
    start, end = a.deadline_start or a.deadline_end, a.deadline_end or a.deadline_start
    return (start, end) if start else None


def due_day(a: Activity) -> date | None:
    span = dated_span(a)
    return span[1] if span else None


def region_category_counts(activities: list[Activity], records: list[DocumentRecord]) -> dict[str, Counter]:
    """Region → category → number of activities; a region with an accepted plan appears even if it is empty."""
    counts = {region_of(r): Counter() for r in records if r.status == "ingested"}
    for a in activities:
        counts.setdefault(region_of(a), Counter())[a.category] += 1
    return dict(sorted(counts.items()))


def run_moment(release_dir: Path) -> datetime:
    """The run's start, read from the release folder's name (`20261121T161002-fac57e`); now if it has none."""
    try:
        return datetime.strptime(release_dir.name[:15], "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return datetime.now(UTC)
