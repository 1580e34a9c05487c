"""Which days a plan counts from: decided once (extractors/deadlines/voting_days.py) for the record, the
deadlines and every output."""

from datetime import date

import pytest

from extractors.deadlines.voting_days import calendar_voting_days, election_kind, plan_context, voting_days_of
from schemas import PlanFacts

D = date
CASES = [
    # (facts, expected start, end, source)
    (PlanFacts(plan_year=2021, voting_start=D(2021, 9, 17), voting_end=D(2021, 9, 19)),
     D(2021, 9, 17), D(2021, 9, 19), "document"),
    (PlanFacts(plan_year=2021, voting_start=D(2021, 9, 19)), D(2021, 9, 19), D(2021, 9, 19), "document"),
    (PlanFacts(plan_year=2021), D(2021, 9, 17), D(2021, 9, 19), "calendar"),
    (PlanFacts(plan_year=2024, election="выборы Президента Российской Федерации"),
     D(2024, 3, 15), D(2024, 3, 17), "calendar"),
    # approved in November for next year's election: the first election of 2024 still ahead is in March
    (PlanFacts(plan_year=2024, approved_on=D(2023, 11, 20)), D(2024, 3, 15), D(2024, 3, 17), "calendar"),
    # approved after the March vote: the September single voting day
    (PlanFacts(plan_year=2024, approved_on=D(2024, 5, 1)), D(2024, 9, 6), D(2024, 9, 8), "calendar"),
    (PlanFacts(plan_year=2024), D(2024, 9, 6), D(2024, 9, 8), "calendar"),
    (PlanFacts(plan_year=2024, election="выборы депутатов Законодательного Собрания Новосибирской области",
               approved_on=D(2024, 2, 1)), D(2024, 3, 15), D(2024, 3, 17), "calendar"),
    (PlanFacts(plan_year=2021, election="выборы депутатов Государственной Думы Федерального Собрания"),
     D(2021, 9, 17), D(2021, 9, 19), "calendar"),
    # the day the election was called for: widened to the calendar's voting days of the election ending then
    (PlanFacts(plan_year=2021, election_day=D(2021, 9, 19)), D(2021, 9, 17), D(2021, 9, 19), "calendar"),
    (PlanFacts(plan_year=2026, election_day=D(2026, 9, 20)), D(2026, 9, 18), D(2026, 9, 20), "calendar"),
    # a by-election the calendar does not know: that day alone, as the plan states it
    (PlanFacts(plan_year=2023, election_day=D(2023, 10, 8)), D(2023, 10, 8), D(2023, 10, 8), "document"),
    (PlanFacts(plan_year=2026, election="выборы депутатов Государственной Думы"),
     D(2026, 9, 18), D(2026, 9, 20), "calendar"),
]


@pytest.mark.parametrize(("facts", "start", "end", "source"), CASES)
def test_voting_days_of(facts, start, end, source):
    assert tuple(voting_days_of(facts)) == (start, end, source)


def test_without_a_year_or_a_calendar_entry_there_are_none():
    assert voting_days_of(PlanFacts()) is None
    assert voting_days_of(PlanFacts(plan_year=2012)) is None


@pytest.mark.parametrize(("name", "kind"), [
    ("выборы Президента Российской Федерации", "presidential"),
    ("выборы депутатов Государственной Думы Федерального Собрания Российской Федерации", "state_duma"),
    ("выборы Губернатора Хабаровского края", None),
    (None, None),
])
def test_election_kind(name, kind):
    assert election_kind(name) == kind


def test_calendar_voting_days():
    assert calendar_voting_days(2021) == (D(2021, 9, 17), D(2021, 9, 19))
    assert calendar_voting_days(2013) == (D(2013, 9, 8), D(2013, 9, 8))
    assert calendar_voting_days(2020, "edg") == (D(2020, 9, 11), D(2020, 9, 13))
    assert calendar_voting_days(2024, "presidential") == (D(2024, 3, 15), D(2024, 3, 17))
    assert calendar_voting_days(2018, "presidential") == (D(2018, 3, 18), D(2018, 3, 18))
    assert calendar_voting_days(2026, "state_duma") == (D(2026, 9, 18), D(2026, 9, 20))
    assert calendar_voting_days(2012) is None
    assert calendar_voting_days(2021, "no such election") is None


DUMA = "выборы депутатов Государственной Думы Федерального Собрания Российской Федерации"
EVENTS = [
    # (facts, the days of the campaign's other events the plan's deadlines count from)
    (PlanFacts(plan_year=2021, election=DUMA), {"election_called": D(2021, 6, 17), "results_established": D(2021, 9, 24)}),
    # a single voting day has no one call date: many bodies call its elections
    (PlanFacts(plan_year=2021), {}),
    (PlanFacts(plan_year=2024, election="выборы Президента Российской Федерации"),
     {"election_called": D(2023, 12, 8), "results_established": D(2024, 3, 21)}),
    # the plan's own call date wins over the calendar's
    (PlanFacts(plan_year=2021, election=DUMA, election_called_on=D(2021, 6, 18)),
     {"election_called": D(2021, 6, 18), "results_established": D(2021, 9, 24)}),
    (PlanFacts(plan_year=2023, election_called_on=D(2023, 6, 20)), {"election_called": D(2023, 6, 20)}),
    # stated voting days of no calendar election: nothing borrowed from the calendar
    (PlanFacts(plan_year=2021, election=DUMA, voting_start=D(2021, 10, 1), voting_end=D(2021, 10, 1)), {}),
    # announced, not yet called when the calendar was written
    (PlanFacts(plan_year=2026, election="выборы депутатов Государственной Думы"), {}),
    (PlanFacts(), {}),
]


@pytest.mark.parametrize(("facts", "events"), EVENTS)
def test_event_days(facts, events):
    assert plan_context(facts).events == events
