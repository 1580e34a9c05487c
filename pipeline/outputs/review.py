"""What a person should look at before trusting the numbers: every open doubt about an activity (its
`review_reasons`), the documents whose facts stayed undecided and the files that were not ingested — each
with the words that explain it, and what a correction would change."""

from typing import NamedTuple

from pipeline.outputs.labels import region_of
from pipeline.review.corrections import shown
from pipeline.review.reasons import reason_field
from schemas import Activity, DocumentRecord

QUARANTINED = "Файл не принят"
UNDECIDED = "Не определено в документе"
ACTIVITY = "Мероприятие"
# Which document field a note about an undecided fact asks to correct.
NOTE_FIELDS = {"fact.no_region": "region_code", "fact.competing_regions": "region_code",
               "fact.region_body_silent": "region_code", "fact.no_year": "plan_year",
               "fact.late_approval": "plan_year", "fact.undated_approval": "approved_on"}


class ReviewItem(NamedTuple):
    issue: str
    region: str
    source_file: str
    page: int | None
    row: int | None
    subject: str  # the activity's title or the document's title
    text: str  # why: the doubt, the note or the reason
    target: str = ""  # activity_id or document_id a correction names
    field: str | None = None  # the field a correction would change
    current: str = ""  # that field's value now
    code: str = ""  # the doubt's code (review_reason)
    is_document: bool = False


def activity_items(a: Activity) -> list[ReviewItem]:
    items = []
    for reason in a.review_reasons:
        field = reason_field(reason)
        items.append(ReviewItem(ACTIVITY, region_of(a), a.source_file, a.source_page, a.source_row, a.title,
                                reason.text, a.activity_id, field, shown(getattr(a, field)) if field else "",
                                reason.code))
    return items


def record_items(r: DocumentRecord) -> list[ReviewItem]:
    where = (region_of(r), r.source_file, None, None, r.title or "")
    if r.status == "quarantined":
        return [ReviewItem(QUARANTINED, *where, r.reason or "причина не записана", r.document_id,
                           is_document=True)]
    if r.status != "ingested":
        return []
    return [ReviewItem(UNDECIDED, *where, note.text, r.document_id, NOTE_FIELDS[note.code],
                       shown(getattr(r, NOTE_FIELDS[note.code])), note.code, True)
            for note in r.reasons if note.code in NOTE_FIELDS]


def review_items(activities: list[Activity], records: list[DocumentRecord]) -> list[ReviewItem]:
    """Documents first (they block whole plans), then activities in their published order."""
    return [i for r in records for i in record_items(r)] + [i for a in activities for i in activity_items(a)]
