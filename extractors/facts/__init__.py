"""What a plan says about itself outside its table: its title (`title`), approval (`approval`), the
election, the voting days, the day it was called for and the day it was called (`election`), its region
and its year.

Only complete dates are read here (`dates`). A fact the text does not state stays None; an undecided
region or year says why in `reasons`.
"""

import re
from datetime import date

from extractors.facts.approval import read_approval
from extractors.facts.election import (
    election_year,
    read_election,
    read_election_called_on,
    read_election_day,
    read_voting_days,
)
from extractors.facts.title import collapse, read_title
from extractors.regions import region_from_body, region_of_document
from schemas import Message, PlanFacts, message

YEAR = re.compile(r"\b(20\d\d)\b")
LATE_APPROVAL_MONTH = 11  # approved from November on: the plan may be for next year's election


def read_plan_year(
    title: str | None, election: int | None, approved_on: date | None, body_text: str
) -> tuple[int | None, Message | None]:
    """(year, reason if undecided): the title's year, the election's, the approval date's — unless the plan
    was approved late in the year, when the body's dates must say whether it is for the next one."""
    title_years = set(YEAR.findall(title or ""))
    if len(title_years) == 1:
        return int(title_years.pop()), None
    if election:
        return election, None
    if approved_on and approved_on.month < LATE_APPROVAL_MONTH:
        return approved_on.year, None
    body_years = {int(year) for year in YEAR.findall(body_text)}
    if approved_on:
        return late_approval_year(approved_on, body_years)
    return (body_years.pop(), None) if len(body_years) == 1 else (None, message("fact.no_year"))


def late_approval_year(approved_on: date, body_years: set[int]) -> tuple[int | None, Message | None]:
    for year in (approved_on.year + 1, approved_on.year):
        if year in body_years:
            return year, None
    return None, message("fact.late_approval", approved_on=approved_on)


def read_region(header_text: str, body_text: str) -> tuple[dict, list[Message]]:
    """Region from the header; from the body only when the header names none."""
    region, evidence, reason = region_of_document(header_text)
    if region or reason.code != "fact.no_region":
        return {"region": region, "region_evidence": evidence}, [reason] if reason else []
    region, evidence = region_from_body(body_text)
    silent = [reason, message("fact.region_body_silent")]
    return {"region": region, "region_evidence": evidence}, [] if region else silent


def read_plan_facts(header_text: str, body_text: str) -> PlanFacts:
    title = read_title(header_text)
    approval, rest, undated = read_approval(collapse(header_text), title)
    reasons = [message("fact.undated_approval")] if undated else []
    region, region_reasons = read_region(header_text, body_text)
    voting_start, voting_end = read_voting_days(rest)
    body_without_header = body_text.replace(header_text, " ") if header_text.strip() else body_text
    plan_year, year_reason = read_plan_year(
        title, election_year(rest, voting_start), approval.get("approved_on"), body_without_header
    )
    if voting_start is None and plan_year:  # «голосование пройдёт 18–20 сентября»: the plan's year
        voting_start, voting_end = read_voting_days(rest, plan_year)
    reasons += region_reasons + ([year_reason] if year_reason else [])
    return PlanFacts(
        title=title,
        plan_year=plan_year,
        election=read_election(rest),
        voting_start=voting_start,
        voting_end=voting_end,
        election_day=read_election_day(rest),
        election_called_on=read_election_called_on(rest),
        reasons=reasons,
        **region,
        **approval,
    )
