"""Which activities a person should look at, and why: `review_reasons`, codes of the message catalogue.

A reason is raised only where a person would agree the row needs a look — never for what is merely a fact
about the plan (voting days taken from the calendar, a plan without a responsible column). A person who
corrects the field a reason is about, or confirms its value, settles it (pipeline/corrections.py).
"""

import re

from schemas import Activity, Message, PlanRow, message

# Deadline warnings (codes of schemas/messages.py) that are a doubt about the value, not a remark.
DOUBTFUL_WARNINGS = {
    "deadline.before_approval", "deadline.end_before_start", "deadline.far_year", "deadline.weekday_mismatch",
    "deadline.voting_mismatch", "deadline.unknown_election_called", "deadline.unknown_candidates_registered",
    "deadline.unknown_results_established", "deadline.unknown_results_published", "deadline.unknown_plan_approved",
}
# Which field a reason is about: a correction of that field settles the reason.
REASON_FIELDS = {
    "review.deadline_unparsed": "deadline_raw",
    "review.deadline_doubt": "deadline_raw",
    "review.no_responsible": "responsible_raw",
    "review.person_not_recognised": "responsible_persons",
    "review.joined_fragments": "title",
    "review.title_short": "title",
    "review.title_long": "title",
    "review.category_other": "category",
    "review.low_confidence": None,  # the field of the cell read unsurely: the message's `field`
}
# A plan column's role → the field its cell fills, and the column's name in the low-confidence doubt.
ROLE_FIELDS = {"number": ("seq", "№"), "title": ("title", "Мероприятие"),
               "description": ("description", "Содержание"), "deadline": ("deadline_raw", "Срок"),
               "responsible": ("responsible_raw", "Ответственный"), "note": ("note", "Примечание")}
# Fields whose correction also settles a reason about another field of the same cell.
SETTLED_TOGETHER = {
    "deadline_raw": {"deadline_kind", "deadline_start", "deadline_end", "deadline_dates"},
    "responsible_persons": {"responsible_raw"},
}
SHORTEST_TITLE, LONGEST_TITLE = 6, 450  # characters; the demo plans' titles run from 10 to 355
INITIALS = re.compile(r"(?<![А-Яа-яЁё])[А-ЯЁ]\.\s?[А-ЯЁ]\.")


def review_reasons(activity: Activity, row: PlanRow, plan_has_responsible: bool,
                   partial: Message | None = None, ocr_threshold: float = 0) -> list[Message]:
    """The machine's doubts about one activity, as it was read; `partial` is the document's note that a
    table which may hold activities was skipped (a person should check nothing was lost). A cell recognised
    from a scan with less confidence than `ocr_threshold` (0–100) is a doubt too."""
    return [*deadline_reasons(activity), *responsible_reasons(activity, plan_has_responsible),
            *row_reasons(activity, row), *confidence_reasons(row, ocr_threshold), *document_reasons(partial)]


def document_reasons(partial: Message | None) -> list[Message]:
    if partial is None:
        return []
    return [message("review.partial_document", tables=partial.params["tables"])]


def confidence_reasons(row: PlanRow, threshold: float) -> list[Message]:
    return [message("review.low_confidence", column=ROLE_FIELDS[role][1], confidence=f"{confidence:.0f}",
                    page=row.source_page, field=ROLE_FIELDS[role][0])
            for role, confidence in row.confidence.items() if confidence < threshold and role in ROLE_FIELDS]


def deadline_reasons(a: Activity) -> list[Message]:
    if a.deadline_kind == "unparsed":
        return [message("review.deadline_unparsed", raw=a.deadline_raw)]
    doubts = [w for w in a.deadline_warnings if w.code in DOUBTFUL_WARNINGS]
    return [message("review.deadline_doubt", raw=a.deadline_raw, why=w.text) for w in doubts]


def responsible_reasons(a: Activity, plan_has_responsible: bool) -> list[Message]:
    if plan_has_responsible and not a.responsible_raw.strip():
        return [message("review.no_responsible")]
    if len(INITIALS.findall(a.responsible_raw)) > len(a.responsible_persons):
        return [message("review.person_not_recognised", raw=a.responsible_raw)]
    return []


def row_reasons(a: Activity, row: PlanRow) -> list[Message]:
    reasons = []
    if row.joined_pages:
        pages = ", ".join(str(p) for p in [row.source_page, *row.joined_pages] if p)
        reasons.append(message("review.joined_fragments", pages=pages))
    if len(a.title) < SHORTEST_TITLE:
        reasons.append(message("review.title_short", title=a.title))
    elif len(a.title) > LONGEST_TITLE:
        reasons.append(message("review.title_long", length=len(a.title)))
    if a.category == "other":
        reasons.append(message("review.category_other"))
    return reasons


def reason_field(reason: Message) -> str | None:
    """The field a correction of which settles the doubt."""
    return REASON_FIELDS.get(reason.code) or reason.params.get("field")


def settles(reason: Message, corrected: set[str]) -> bool:
    """Whether correcting these fields answers the doubt."""
    field = reason_field(reason)
    return field is not None and bool(({field} | SETTLED_TOGETHER.get(field, set())) & corrected)
