"""The approval mark («УТВЕРЖДАЮ … А.С. Белоглазов … 05 февраля 2021 года», «утверждён решением Совета …
от 14 января 2021 г. № 2»): when, and by whom — a person as «Фамилия И.О.», or a body in the nominative
with its document."""

import re

from extractors.entities.noun_phrases import phrase_to_nominative
from extractors.entities.people import find_person_matches
from extractors.facts.dates import find_dates

APPROVAL = re.compile(r"\bутвержд(?:аю|[её]н[аоы]?)(?![а-яё])", re.IGNORECASE)
APPROVAL_CHARS = 400
APPROVAL_TAIL = re.compile(
    r"(?:\s*(?:года|г\.))?(?:\s*,?\s*(?:протокол[а-яё]*\s*)?№\s*[\w/-]+)?", re.IGNORECASE
)
ORGAN = re.compile(
    r"(?P<act>решением|постановлением|распоряжением|на\s+заседании|протоколом)\s+"
    r"(?P<organ>\S.*?)(?=\s+от\s|\s*№|\s*[,(]|\s+\d|\s+протокол|$)",
    re.IGNORECASE,
)
ACT_DOCUMENTS = {"решением": "решение", "постановлением": "постановление", "распоряжением": "распоряжение"}
PROTOCOL_NUMBER = re.compile(r"протокол\w*\s*№", re.IGNORECASE)
DOCUMENT_NUMBER = re.compile(r"№\s*(?P<number>[\w/-]+)")


def approval_span(flat: str, title_at: int) -> tuple[int, int] | None:
    """Where the approval mark runs: above the title, all of it up to the title; after the title (or with
    no title), from «утверждён» to its date and document number."""
    mark = APPROVAL.search(flat)
    if not mark:
        return None
    if title_at > mark.start():
        return mark.start(), min(title_at, mark.start() + APPROVAL_CHARS)
    dates = find_dates(flat[mark.start() : mark.start() + APPROVAL_CHARS])
    if not dates:
        return mark.start(), mark.end()
    return mark.start(), APPROVAL_TAIL.match(flat, mark.start() + dates[0][1]).end()


def organ_in(block: str) -> str | None:
    """The approving body in the nominative, with its document: «Совет … (протокол № 7)»."""
    match = ORGAN.search(block)
    if not match:
        return None
    number = DOCUMENT_NUMBER.search(block)
    kind = "протокол" if PROTOCOL_NUMBER.search(block) else ACT_DOCUMENTS.get(match["act"].lower())
    reference = f" ({kind} № {number['number']})" if number and kind else ""
    return phrase_to_nominative(match["organ"]) + reference


def approver_in(block: str) -> str | None:
    """The person who signed, else the body whose decision approved the plan."""
    people = find_person_matches(block)
    return people[0].name if people else organ_in(block)


def read_approval(flat: str, title: str | None) -> tuple[dict, str, bool]:
    """The approval facts, the header without the approval block (its date is no election date), and
    whether the mark was there without a date."""
    span = approval_span(flat, flat.find(title) if title else -1)
    if not span:
        return {}, flat, False
    block = flat[span[0] : span[1]]
    dates = find_dates(block)
    approval = {"approved_on": dates[0][2] if dates else None, "approved_by": approver_in(block)}
    return approval, flat[: span[0]] + " " + flat[span[1] :], not dates
