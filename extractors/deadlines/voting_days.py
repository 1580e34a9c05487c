"""Which days a plan counts its deadlines from — decided here, once, and stored in the document record.

The voting days: the ones the plan itself states (its title block, read by `extractors.facts.election`);
else the day it says the election was called for («назначенные на 19 сентября 2021 года»), widened to the
calendar's voting days of the election ending that day; else the shipped calendar (`data/voting_days.json`):
the election of the plan's year that the plan names (presidential, State Duma, the single voting day), or —
when it names none — the first election of that year not yet over when the plan was approved, or the
September single voting day if the approval date is unknown.

The other campaign events («после назначения выборов», «после подведения итогов выборов»): the day the
plan states, else the calendar's day for the same election as the voting days — only when the calendar
knows it (a single voting day has no one call date). Deadlines, outputs (day 0 of every comparison) and the
record all read the result; nobody consults the calendar on their own.
"""

from datetime import date
from typing import NamedTuple

from extractors.vocab import load
from schemas import PlanContext, PlanFacts


class Election(NamedTuple):
    year: int
    kind: str  # single, state_duma, presidential
    start: date
    end: date
    events: dict[str, date]  # anchor (election_called, results_established …) → day, where known


class VotingDays(NamedTuple):
    start: date
    end: date
    source: str  # «document» (the plan states them) or «calendar»


# The calendar's field for each event a deadline may count from (extractors/deadlines/events.py).
EVENT_FIELDS = {"election_called": "called_on", "results_established": "results_established_on",
                "results_published": "results_published_on"}


def entry_to_election(entry: dict) -> Election:
    events = {anchor: date.fromisoformat(entry[field]) for anchor, field in EVENT_FIELDS.items() if entry.get(field)}
    return Election(entry["year"], entry["election"], date.fromisoformat(entry["start"]),
                    date.fromisoformat(entry["end"]), events)


def load_elections() -> tuple[list[Election], dict[str, str]]:
    data = load("voting_days.json")
    elections = [entry_to_election(e) for e in data["elections"]]
    return sorted(elections, key=lambda e: (e.start, e.kind)), data["aliases"]


ELECTIONS, ELECTION_ALIASES = load_elections()
# Words of an election's name that say which federal election it is (checked on the lower-cased name).
KIND_WORDS = [("presidential", ("президент",)), ("state_duma", ("государственн", "дум"))]


def calendar_election(year: int, kind: str | None = None) -> Election | None:
    """`year`'s election of `kind` (an id or alias; default: the single voting day)."""
    wanted = ELECTION_ALIASES.get((kind or "single").strip().lower())
    return next((e for e in ELECTIONS if e.year == year and e.kind == wanted), None)


def calendar_voting_days(year: int, kind: str | None = None) -> tuple[date, date] | None:
    """First and last voting day of `year`'s election of `kind` (an id or alias; default: the single voting day)."""
    found = calendar_election(year, kind)
    return (found.start, found.end) if found else None


def election_kind(named: str | None) -> str | None:
    """«выборы Президента Российской Федерации» → presidential; None when the name is not a federal one."""
    lowered = (named or "").lower()
    return next((kind for kind, words in KIND_WORDS if all(w in lowered for w in words)), None)


def calendar_choice(year: int, named: str | None, approved_on: date | None) -> Election | None:
    kind = election_kind(named)
    if kind and (found := calendar_election(year, kind)):
        return found
    ahead = [e for e in ELECTIONS if e.year == year and approved_on and e.end >= approved_on]
    return ahead[0] if ahead else calendar_election(year)


def election_ending(day: date, named: str | None) -> Election | None:
    """The calendar's election whose last voting day is `day` (the one the plan names, if it names one)."""
    found = [e for e in ELECTIONS if e.end == day]
    kind = election_kind(named)
    return next((e for e in found if e.kind == kind), found[0] if found else None)


def voting_days_of(facts: PlanFacts) -> VotingDays | None:
    """The plan's voting days: stated, else the calendar's (see the module's rule); None if neither knows."""
    if facts.voting_start:
        return VotingDays(facts.voting_start, facts.voting_end or facts.voting_start, "document")
    if facts.election_day:
        found = election_ending(facts.election_day, facts.election)
        return VotingDays(found.start, found.end, "calendar") if found else VotingDays(
            facts.election_day, facts.election_day, "document")
    found = calendar_choice(facts.plan_year, facts.election, facts.approved_on) if facts.plan_year else None
    return VotingDays(found.start, found.end, "calendar") if found else None


def election_of(facts: PlanFacts, days: VotingDays | None) -> Election | None:
    """The calendar's entry for the election the plan counts from: the one it names, else the first with the
    same voting days; None when the calendar has no election with exactly these days."""
    if days is None:
        return None
    same = [e for e in ELECTIONS if (e.start, e.end) == (days.start, days.end)]
    kind = election_kind(facts.election)
    return next((e for e in same if e.kind == kind), same[0] if same else None)


def event_days_of(facts: PlanFacts, days: VotingDays | None) -> dict[str, date]:
    """The days of the campaign's other events: the calendar's for this election, the plan's own over them."""
    election = election_of(facts, days)
    stated = {"election_called": facts.election_called_on} if facts.election_called_on else {}
    return (election.events if election else {}) | stated


def plan_context(facts: PlanFacts) -> PlanContext:
    """What every deadline of the plan is resolved against."""
    days = voting_days_of(facts)
    return PlanContext(plan_year=facts.plan_year, approved_on=facts.approved_on,
                       voting_start=days.start if days else None, voting_end=days.end if days else None,
                       voting_source=days.source if days else None, events=event_days_of(facts, days))
