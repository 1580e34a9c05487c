"""Deadlines as anyone writes them: the Russian test cases of six peer libraries (Duckling, dateparser,
chrono, HeidelTime, Sugar, natasha) and our own rows, in our contract, under one fixed plan context —
`tests/cases/deadline_peer_cases.tsv` (columns and conventions: `tests/cases/DEADLINES_NOTES.md`) — and the
cells that must stay unparsed, `tests/cases/deadline_unparsed_cases.tsv`.

A plan-like row must come out exactly as the table says (kind, dates, precision, recurrence, anchor, offset
and the warnings a person would agree with); a row that is not plan-like may stay unparsed but must never
get another date. `python tests/cases/baseline.py` scores the same tables for the README.
"""

import csv
import re
from datetime import date
from pathlib import Path

import pytest

from extractors.deadlines.resolve import normalize_deadline
from extractors.deadlines.voting_days import plan_context, voting_days_of
from extractors.facts import read_plan_facts
from schemas import PlanFacts

CASES = Path(__file__).parent / "cases"
FIXED = PlanFacts(plan_year=2021, approved_on=date(2021, 2, 5), voting_start=date(2021, 9, 17),
                  voting_end=date(2021, 9, 19))
DUMA = FIXED.model_copy(update={"election": "выборы депутатов Государственной Думы Федерального Собрания"})
CONTEXTS = {"": plan_context(FIXED), "state_duma": plan_context(DUMA)}
# The warnings the table judges (the informative ones, «не учтено: …», are not in it).
JUDGED = {"before_approval", "far_year", "end_before_start", "voting_mismatch", "weekday_mismatch"}
CLASSES = [str(n) for n in range(12)] + ["invalid", "vague"]


def read_table(name: str) -> list[dict]:
    with open(CASES / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


PEERS = read_table("deadline_peer_cases.tsv")
PLAN_LIKE = [r for r in PEERS if r["plan_like"] == "yes"]
NOT_PLAN_LIKE = [r for r in PEERS if r["plan_like"] == "no"]
MUST_STAY_UNPARSED = read_table("deadline_unparsed_cases.tsv")


def iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def plan_text_result(text: str) -> dict:
    """A title or paragraph (class 9) → the voting days the plan counts from, as a row of the table; a text
    naming no year gets a title naming the plan's year, as a real plan would have."""
    title = "" if re.search(r"\b\d{4}\b", text) else f"ПЛАН работы общественного штаба на {FIXED.plan_year} год\n"
    days = voting_days_of(read_plan_facts(title + text, ""))
    if days is None:
        return {"kind": "unparsed", "start": "", "end": "", "anchor": "", "codes": set()}
    kind = "date" if days.start == days.end else "range"
    return {"kind": kind, "start": iso(days.start), "end": iso(days.end), "precision": "day",
            "anchor": "voting_days", "codes": set()}


def cell_result(text: str, context_name: str) -> dict:
    found = normalize_deadline(text, CONTEXTS[context_name])
    return {"kind": found.kind, "start": iso(found.start), "end": iso(found.end), "precision": found.precision or "",
            "recurrence": found.recurrence or "", "anchor": found.anchor or "",
            "offset_days": "" if found.offset_days is None else str(found.offset_days),
            "codes": {w.code.removeprefix("deadline.") for w in found.warnings}, "warnings": found.warnings}


def result_of(row: dict) -> dict:
    if row["context"] == "plan_text":
        return plan_text_result(row["text"])
    return cell_result(row["text"], row["context"])


def dates_right(row: dict, got: dict) -> bool:
    """Kind, start and end as the table says — or unparsed where the table allows it."""
    same = (got["kind"], got["start"], got["end"]) == (row["kind"], row["start"], row["end"])
    return same or (row["also_ok"] == "unparsed" and got["kind"] == "unparsed")


def wrong_date(row: dict, got: dict) -> bool:
    """A start or end that is not the expected one: worse than unparsed."""
    dated = bool(got["start"] or got["end"])
    return dated and (got["start"], got["end"]) != (row["start"], row["end"])


def details_right(row: dict, got: dict) -> list[str]:
    """What else differs in a row whose dates are right: precision, recurrence, anchor, offset, warnings."""
    if got["kind"] == "unparsed":
        return []
    wrong = [f for f in ("precision", "recurrence", "anchor", "offset_days") if row[f] and got.get(f, "") != row[f]]
    wrong += [f for f in ("anchor", "offset_days") if not row[f] and got.get(f)]
    expected_codes = set(filter(None, row["warnings"].split(",")))
    if got["codes"] & JUDGED != expected_codes:
        wrong.append(f"warnings {sorted(got['codes'] & JUDGED)} ≠ {sorted(expected_codes)}")
    return wrong


def case_id(row: dict) -> str:
    return f"{row['id']}-{row['text'][:40]}"


@pytest.mark.parametrize("row", PLAN_LIKE, ids=case_id)
def test_plan_like_peer_case(row):
    got = result_of(row)
    assert dates_right(row, got), (got["kind"], got["start"], got["end"], got.get("warnings"))
    assert details_right(row, got) == []
    if got["kind"] == "unparsed" and row["context"] != "plan_text":
        assert got["warnings"], "an unparsed cell must say why"


@pytest.mark.parametrize("row", NOT_PLAN_LIKE, ids=case_id)
def test_not_plan_like_never_gets_a_wrong_date(row):
    got = result_of(row)
    if row["kind"] == "unparsed":
        assert got["kind"] == "unparsed", (got["kind"], got["start"], got["end"])
    else:
        assert got["kind"] == "unparsed" or not wrong_date(row, got), (got["kind"], got["start"], got["end"])


@pytest.mark.parametrize("row", MUST_STAY_UNPARSED, ids=case_id)
def test_must_stay_unparsed(row):
    found = normalize_deadline(row["text"], CONTEXTS[""])
    assert found.kind == "unparsed", (found.kind, found.start, found.end, found.recurrence)
    assert found.warnings


def test_every_class_of_the_issue_is_in_the_table():
    by_class = {c: sum(r["class"] == c for r in PLAN_LIKE) for c in CLASSES}
    assert all(by_class.values()), by_class
    assert len(PEERS) + len(MUST_STAY_UNPARSED) >= 150


def test_the_state_duma_context_knows_the_call_date():
    """The calendar's 2021 State Duma entry gives the call date; a plan naming no election gets none."""
    assert CONTEXTS["state_duma"].events["election_called"] == date(2021, 6, 17)
    assert "election_called" not in CONTEXTS[""].events
