"""What every analyst output needs about a plan: its voting days (day 0 of the comparison), each activity's
dated span, the regions × categories counts and the date of the run that made the release."""

import json
import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from pipeline.outputs.labels import region_of, russian_date
from schemas import Activity, Change, DocumentRecord

CHANGES_FILE = "changes.jsonl"

DATED_KINDS = ("date", "range", "before", "after")
SOURCE_WORDS = {"document": "план", "calendar": "календарь", None: "календарь"}


class VotingDays(NamedTuple):
    first: date
    last: date
    source: str  # «план» when the plan states them, «календарь» when the election calendar supplied them


def plan_voting_days(records: list[DocumentRecord]) -> dict[str, VotingDays]:
    """Document id → its voting days, as decided when it was read (extractors/deadlines/voting_days.py)."""
    return {r.document_id: VotingDays(r.voting_start, r.voting_end or r.voting_start, SOURCE_WORDS[r.voting_days_source])
            for r in records if r.voting_start}


def dated_span(a: Activity) -> tuple[date, date] | None:
    """The days an activity occupies on a calendar: «до 10 марта» is its due day, «с 1 сентября» its first."""
    if a.deadline_kind not in DATED_KINDS:
        return None
    start, end = a.deadline_start or a.deadline_end, a.deadline_end or a.deadline_start
    return (start, end) if start else None


def due_day(a: Activity) -> date | None:
    span = dated_span(a)
    return span[1] if span else None


def span_words(kind: str, first: date, last: date) -> str:
    """«до 10.03.2021», «с 01.09.2021», «15.02.2021 – 15.03.2021»."""
    prefix = {"before": "до ", "after": "с "}.get(kind, "")
    return prefix + (russian_date(first) if first == last else f"{russian_date(first)} – {russian_date(last)}")


def is_coming(span: tuple[date, date] | None, today: date, days: int) -> bool:
    """A deadline is coming when its days meet the window from `today` to `days` later: it starts before
    the window ends and is not yet past."""
    return bool(span) and span[0] <= today + timedelta(days=days) and span[1] >= today


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


CHANGE_DOCUMENT = re.compile(r'"document_id": ?"([0-9a-f]+)"')  # not «previous_document_id»: a quote before it


def read_changes(release_dir: Path, records: list[DocumentRecord] | None = None) -> list[Change]:
    """What revised plans changed (`changes.jsonl` of a release or an output folder, written before the
    workbook and the report by pipeline/outputs/review_files.py); none when there is no such file. With the
    release's `records`, only what each current revision changed against the one it replaced: a person
    reading the workbook or the report wants the latest step (a thousand revisions of generated plans made
    100,000 rows); without, the whole history (`svodka diff`), as DuckDB keeps it too."""
    path = release_dir / CHANGES_FILE
    if not path.exists():
        return []
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line]
    if records is None:
        return [Change.model_validate_json(line) for line in lines]
    current = current_documents(records)
    # The document id read off the line first: decoding only the lines kept is ten times cheaper.
    kept = [line for line in lines if (found := CHANGE_DOCUMENT.search(line)) and found[1] in current]
    return [Change.model_validate(json.loads(line)) for line in kept]


def current_changes(changes: list[Change], records: list[DocumentRecord]) -> list[Change]:
    """Of a night's changes (the whole history), what the current revisions changed: what `read_changes`
    gives the workbook and the report, taken from memory when the review has just computed them."""
    current = current_documents(records)
    return [c for c in changes if c.document_id in current]


def current_documents(records: list[DocumentRecord]) -> set[str]:
    return {r.document_id for r in records if r.status == "ingested"}
