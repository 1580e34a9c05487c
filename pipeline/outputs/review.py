"""What a person should look at before trusting the numbers: unparsed deadlines, deadline warnings,
documents whose region was not decided and quarantined files — each with the words that explain it."""

from typing import NamedTuple

from pipeline.outputs.labels import messages_text, region_of
from schemas import Activity, DocumentRecord

UNPARSED = "Срок не распознан"
WARNING = "Замечание к сроку"
NO_REGION = "Регион документа не определён"
QUARANTINED = "Файл отложен (карантин)"


class ReviewItem(NamedTuple):
    issue: str
    region: str
    source_file: str
    page: int | None
    row: int | None
    subject: str  # the activity's title or the document's title
    text: str  # the raw deadline, the warnings or the reason


def activity_items(a: Activity) -> list[ReviewItem]:
    where = (region_of(a), a.source_file, a.source_page, a.source_row, a.title)
    items = []
    if a.deadline_kind == "unparsed":
        why = messages_text(a.deadline_warnings)
        items.append(ReviewItem(UNPARSED, *where, f"«{a.deadline_raw}»" + (f" — {why}" if why else "")))
    elif a.deadline_warnings:
        warnings = messages_text(a.deadline_warnings)
        items.append(ReviewItem(WARNING, *where, f"«{a.deadline_raw}»: {warnings}"))
    return items


def record_items(r: DocumentRecord) -> list[ReviewItem]:
    where = (region_of(r), r.source_file, None, None, r.title or "")
    if r.status == "quarantined":
        return [ReviewItem(QUARANTINED, *where, r.reason or "причина не записана")]
    if r.status == "ingested" and not r.region_name:
        return [ReviewItem(NO_REGION, *where, r.reason or "регион не найден")]
    return []


def review_items(activities: list[Activity], records: list[DocumentRecord]) -> list[ReviewItem]:
    """Documents first (they block whole plans), then activities in their published order."""
    return [i for r in records for i in record_items(r)] + [i for a in activities for i in activity_items(a)]
