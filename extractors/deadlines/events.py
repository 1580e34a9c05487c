"""Deadlines counted from a campaign event: «за 10 дней до дня голосования» → the 9th of a vote on 17–19
September; «после назначения выборов» → the day after the decision calling the election was published.

The words are data (`data/deadline_events.json`: heads such as «за N дней до», events such as «дня
голосования»); the events' days are the plan's (`PlanContext`: voting days and approval, and `events`,
decided in `deadlines.voting_days`). Without the event's day the deadline keeps its kind, anchor and offset
with no dates, and a warning says which day is missing — the reader knows what the cell says, only not
when that is.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from extractors.vocab import load
from schemas import Deadline, Message, PlanContext, message

EVENTS_VOCAB = load("deadline_events.json")
# A missing event day, as a person is told it; the voting days' own message covers both ends of the vote.
UNKNOWN: dict[str, Message] = {
    "voting_day": message("deadline.voting_unknown"),
    "voting_first_day": message("deadline.voting_unknown"),
    "election_called": message("deadline.unknown_election_called"),
    "candidates_registered": message("deadline.unknown_candidates_registered"),
    "results_established": message("deadline.unknown_results_established"),
    "results_published": message("deadline.unknown_results_published"),
    "plan_approved": message("deadline.unknown_plan_approved"),
}


@dataclass(frozen=True)
class Head:
    pattern: re.Pattern
    kind: str  # date, before, after, range
    offset: str | int  # "-" / "+" the count back or forward; a number: fixed


def count_pattern() -> str:
    numbers = "|".join(sorted(EVENTS_VOCAB["numbers"], key=len, reverse=True))
    units = "|".join(f"(?P<u{i}>{unit})" for i, (unit, _) in enumerate(EVENTS_VOCAB["units"]))
    return rf"(?:(?P<n>\d{{1,3}}|{numbers}) )?(?:{units})"


def heads() -> list[Head]:
    """One regex per head, each followed by every event: `e0`, `e1` … name which event matched."""
    tail = EVENTS_VOCAB["tail"]
    events = "|".join(f"(?P<e{i}>{p.replace('TAIL', tail)})" for i, (p, _) in enumerate(EVENTS_VOCAB["events"]))
    return [
        Head(re.compile(rf"(?:{head.replace('COUNT', count_pattern())}) (?:{events})"), kind, offset)
        for head, kind, offset in EVENTS_VOCAB["heads"]
    ]


HEADS = heads()
ANCHORS = [anchor for _, anchor in EVENTS_VOCAB["events"]]
UNIT_DAYS = [days for _, days in EVENTS_VOCAB["units"]]


def days_counted(m: re.Match) -> int:
    """«10 дней» → 10, «две недели» → 14, «неделю» → 7."""
    number = m["n"]
    count = 1 if number is None else int(number) if number.isdigit() else EVENTS_VOCAB["numbers"][number]
    unit = next(i for i in range(len(UNIT_DAYS)) if m[f"u{i}"] is not None)
    return count * UNIT_DAYS[unit]


def offset_of(head: Head, m: re.Match) -> int:
    if head.offset == "-":
        return -days_counted(m)
    if head.offset == "+":
        return days_counted(m)
    return head.offset


def anchor_of(head: Head, m: re.Match) -> str:
    anchor = next(ANCHORS[i] for i in range(len(ANCHORS)) if m[f"e{i}"] is not None)
    if anchor == "voting_day" and head.offset == -1:
        return "voting_first_day"  # «накануне дня голосования»: the eve of the vote, before its first day
    return anchor


def anchor_day(anchor: str, context: PlanContext) -> date | None:
    """The day an anchor stands for in this plan, or None when neither the plan nor the calendar says."""
    if anchor == "voting_day":
        return context.voting_end or context.voting_start
    if anchor == "voting_first_day":
        return context.voting_start or context.voting_end
    if anchor == "plan_approved":
        return context.approved_on
    return context.events.get(anchor)


def bounds(kind: str, offset: int, day: date | None) -> dict:
    """Start and end of a deadline `offset` days from `day`; a range runs from the day after `day`."""
    if day is None:
        return {}
    first = day + timedelta(days=1 if kind == "range" else offset)
    last = day + timedelta(days=offset)
    return {"date": {"start": first, "end": last}, "range": {"start": first, "end": last},
            "before": {"end": last}, "after": {"start": first}}[kind]


def text_to_event_deadline(raw: str, text: str, context: PlanContext) -> Deadline | None:
    """A normalised cell counted from an event → its deadline; None when it is not one."""
    for head in HEADS:
        m = head.pattern.fullmatch(text)
        if m:
            anchor, offset = anchor_of(head, m), offset_of(head, m)
            day = anchor_day(anchor, context)
            source = "voting_days" if anchor.startswith("voting") else "event"
            return Deadline(raw=raw, kind=head.kind, **bounds(head.kind, offset, day), precision="day",
                            anchor=anchor, offset_days=offset, year_source=source if day else None,
                            warnings=[] if day else [UNKNOWN[anchor]])
    return None
