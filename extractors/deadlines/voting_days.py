"""Which days a plan counts its deadlines from — decided here, once, and stored in the document record.

The rule: the voting days the plan itself states (its title block, read by `extractors.facts.election`);
else the shipped calendar (`data/voting_days.json`): the election of the plan's year that the plan names
(presidential, State Duma, the single voting day), or — when it names none — the first election of that
year not yet over when the plan was approved, or the September single voting day if the approval date
is unknown. Deadlines («в дни голосования»), outputs (day 0 of every comparison) and the record all read
the result; nobody consults the calendar on their own.
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


class VotingDays(NamedTuple):
    start: date
    end: date
    source: str  # «document» (the plan states them) or «calendar»


def load_elections() -> tuple[list[Election], dict[str, str]]:
    data = load("voting_days.json")
    elections = [Election(e["year"], e["election"], date.fromisoformat(e["start"]), date.fromisoformat(e["end"]))
                 for e in data["elections"]]
    return sorted(elections, key=lambda e: (e.start, e.kind)), data["aliases"]


ELECTIONS, ELECTION_ALIASES = load_elections()
# Words of an election's name that say which federal election it is (checked on the lower-cased name).
KIND_WORDS = [("presidential", ("президент",)), ("state_duma", ("государственн", "дум"))]


def calendar_voting_days(year: int, kind: str | None = None) -> tuple[date, date] | None:
    """First and last voting day of `year`'s election of `kind` (an id or alias; default: the single voting day)."""
    wanted = ELECTION_ALIASES.get((kind or "single").strip().lower())
    found = [e for e in ELECTIONS if e.year == year and e.kind == wanted]
    return (found[0].start, found[0].end) if found else None


def election_kind(named: str | None) -> str | None:
    """«выборы Президента Российской Федерации» → presidential; None when the name is not a federal one."""
    lowered = (named or "").lower()
    return next((kind for kind, words in KIND_WORDS if all(w in lowered for w in words)), None)


def calendar_choice(year: int, named: str | None, approved_on: date | None) -> tuple[date, date] | None:
    kind = election_kind(named)
    if kind and (days := calendar_voting_days(year, kind)):
        return days
    ahead = [e for e in ELECTIONS if e.year == year and approved_on and e.end >= approved_on]
    return (ahead[0].start, ahead[0].end) if ahead else calendar_voting_days(year)


def voting_days_of(facts: PlanFacts) -> VotingDays | None:
    """The plan's voting days: stated, else the calendar's (see the module's rule); None if neither knows."""
    if facts.voting_start:
        return VotingDays(facts.voting_start, facts.voting_end or facts.voting_start, "document")
    found = calendar_choice(facts.plan_year, facts.election, facts.approved_on) if facts.plan_year else None
    return VotingDays(*found, "calendar") if found else None


def plan_context(facts: PlanFacts) -> PlanContext:
    """What every deadline of the plan is resolved against."""
    days = voting_days_of(facts)
    return PlanContext(plan_year=facts.plan_year, approved_on=facts.approved_on,
                       voting_start=days.start if days else None, voting_end=days.end if days else None,
                       voting_source=days.source if days else None)
