"""Deadline cells («до 01 марта», «III квартал», «в дни голосования») → typed `Deadline`s.

`deadlines.grammar` reads what a cell says as calendar spans; this module gives them years (written,
the plan's, the campaign window's or the voting days'), turns them into dates and flags what looks
wrong without changing it (`deadlines.checks`). What the grammar cannot read is tried, in this order, as
a day counted from a campaign event (`deadlines.events`) and as one complete date wrapped in other words
(`deadlines.noise`, dateparser). Anything still not understood stays `unparsed` with the raw text and the
reason: never a guessed date.
"""

from calendar import monthrange
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from extractors.deadlines.checks import (
    EARLIEST,
    FAR_YEARS,
    LATEST,
    outside_years,
    sanity_warnings,
    weekday_warnings,
)
from extractors.deadlines.events import text_to_event_deadline
from extractors.deadlines.grammar import Reading, text_to_reading
from extractors.deadlines.noise import noisy_date_reading
from extractors.deadlines.spans import GrammarError, Span
from extractors.deadlines.symbols import normalise
from schemas import Deadline, Message, PlanContext, message

PRECISIONS = ("day", "decade", "month", "season", "quarter", "half", "year")
PHRASE_KINDS = ("recurring", "as_needed", "ongoing")
VOTING_ANCHORS = {"voting": "voting_days", "voting_first": "voting_first_day", "voting_last": "voting_day"}
NO_CONTEXT_YEAR = 2020  # the century of a two-digit year when nothing about the plan is known


def voting_span(context: PlanContext) -> Span:
    """The plan's voting days (decided in `voting_days`) as a span."""
    start, end = context.voting_start or context.voting_end, context.voting_end
    if start is None:
        raise GrammarError("deadline.voting_unknown")
    end = end or start
    return Span("voting", start.month, start.day, end.month, end.day, start.year)


# ---------------------------------------------------------------- years


def crosses_year(span: Span) -> int:
    """A winter («зима 2021») ends in the year after the one it is named by."""
    return int(span.last_month < span.first_month)


def month_bounds(span: Span, year: int) -> tuple[date, date]:
    end_year = year + crosses_year(span)
    return date(year, span.first_month, 1), date(end_year, span.last_month, monthrange(end_year, span.last_month)[1])


def campaign_year(span: Span, context: PlanContext) -> int | None:
    """When approval and voting fall in different years, the year that puts the span in the campaign."""
    approved, voting_end = context.approved_on, context.voting_end
    if not (approved and voting_end) or approved.year == voting_end.year or span.unit == "year":
        return None
    for year in range(approved.year, voting_end.year + 1):
        first, last = month_bounds(span, year)
        if first <= voting_end and last >= approved.replace(day=1):
            return year
    return None


def inferred_year(span: Span, context: PlanContext) -> tuple[int, str]:
    year = campaign_year(span, context)
    if year is not None:
        return year, "campaign"
    if context.plan_year:
        return context.plan_year, "plan"
    if context.voting_end or context.voting_start:
        return (context.voting_end or context.voting_start).year, "campaign"
    if context.approved_on:
        return context.approved_on.year, "plan"
    raise GrammarError("deadline.no_year")


def full_year(year: int | None, context: PlanContext) -> int | None:
    """A two-digit year takes the century that puts it nearest the plan's year: «99» in a 2021 plan is
    1999, not 2099 (a year that far off is then flagged, like any other)."""
    if year is None or year >= 100:
        return year
    known = context.voting_end or context.voting_start or context.approved_on
    reference = context.plan_year or (known.year if known else NO_CONTEXT_YEAR)
    return min((century + year for century in (1900, 2000, 2100)), key=lambda y: abs(y - reference))


def crosses_new_year(left: Span, right: Span) -> int:
    return int(left.first_month > right.first_month)


def years_of(spans: tuple[Span, ...], context: PlanContext) -> tuple[list[int], str]:
    """Written years kept; the others borrowed from the neighbour, rolling over New Year where needed."""
    years = [full_year(s.year, context) for s in spans]
    if len(spans) > 1 and any(crosses_year(s) and s.year is None for s in spans):
        raise GrammarError("deadline.which_winter")  # «зимой и летом 2001 года»: which winter?
    written = [i for i, y in enumerate(years) if y is not None]
    source = "explicit"
    if not written:
        years[0], source = inferred_year(spans[0], context)
    first = written[0] if written else 0
    for i in range(first - 1, -1, -1):
        years[i] = years[i + 1] - crosses_new_year(spans[i], spans[i + 1])
    for i in range(first + 1, len(spans)):
        if years[i] is None:
            years[i] = years[i - 1] + crosses_new_year(spans[i - 1], spans[i])
    return years, source


def span_dates(span: Span, year: int) -> tuple[date, date]:
    end_year = year + crosses_year(span)
    if not EARLIEST <= year <= LATEST or end_year > LATEST:
        raise GrammarError("deadline.year_out_of_range", year=year if year < EARLIEST else end_year)
    last_day = span.last_day or monthrange(end_year, span.last_month)[1]
    try:
        return date(year, span.first_month, span.first_day), date(end_year, span.last_month, last_day)
    except ValueError:
        raise GrammarError("deadline.no_such_date", date=f"{span.first_day:02d}.{span.first_month:02d}.{year}") from None


# ---------------------------------------------------------------- readings → deadlines


def spans_to_dates(reading: Reading, context: PlanContext) -> tuple[list[tuple[date, date]], str]:
    """Every span's first and last day, and how its year was found."""
    spans = list(reading.spans)
    for i, span in enumerate(spans):
        if span.unit.startswith("voting"):
            spans[i] = voting_day_of(span.unit, voting_span(context))
    years, source = years_of(tuple(spans), context)
    if source == "explicit" and all(s.year is None for s in reading.spans):
        source = "voting_days"
    return [span_dates(s, y) for s, y in zip(spans, years, strict=True)], source


def voting_day_of(unit: str, voting: Span) -> Span:
    """«в первый/последний день голосования» narrow the plan's voting days to one of their ends."""
    if unit == "voting_first":
        voting = replace(voting, last_month=voting.first_month, last_day=voting.first_day)
    elif unit == "voting_last":
        voting = replace(voting, first_month=voting.last_month, first_day=voting.last_day)
    return voting


def precision_of(spans: tuple[Span, ...]) -> str:
    units = [PRECISIONS.index(s.unit) if s.unit in PRECISIONS else 0 for s in spans]
    return PRECISIONS[max(units)]


def bounds_of(kind: str, spans: tuple[Span, ...], dates: list[tuple[date, date]]) -> dict:
    """The reading's kind → the Deadline's kind and its start/end (and the days of a list)."""
    if kind == "single":
        one_day = spans[0].unit in ("day", "voting_first", "voting_last")
        return {"kind": "date" if one_day else "range", "start": dates[0][0], "end": dates[0][1]}
    if kind == "list":
        days = sorted(d for d, _ in dates) if all(s.unit == "day" for s in spans) else []
        return {"kind": "range", "start": min(d for d, _ in dates), "end": max(e for _, e in dates), "dates": days}
    return {
        "range": {"kind": "range", "start": dates[0][0], "end": dates[-1][1]},
        "before_start": {"kind": "before", "end": dates[0][0]},
        "before_end": {"kind": "before", "end": dates[0][1]},
        "after_start": {"kind": "after", "start": dates[0][0]},
        "after_end": {"kind": "after", "start": dates[0][1] + timedelta(days=1)},
    }[kind]


def anchor_of(spans: tuple[Span, ...], bounds: dict, context: PlanContext) -> tuple[str | None, int | None]:
    """The voting word a date was resolved from; for one end of the voting days alone («до первого дня
    голосования») also the days from that end, as `events` counts them."""
    units = [s.unit for s in spans if s.unit in VOTING_ANCHORS]
    if not units:
        return None, None
    anchor = VOTING_ANCHORS[units[0]]
    if len(spans) > 1 or anchor == "voting_days":
        return anchor, None
    day = context.voting_start if anchor == "voting_first_day" else (context.voting_end or context.voting_start)
    reference = bounds.get("end") if bounds["kind"] == "before" else bounds.get("start")
    return anchor, (reference - day).days


def reading_to_deadline(raw: str, reading: Reading, context: PlanContext) -> Deadline:
    warnings = list(reading.warnings)
    if reading.kind in PHRASE_KINDS:
        return Deadline(raw=raw, kind=reading.kind, recurrence=reading.recurrence, warnings=warnings)
    dates, source = spans_to_dates(reading, context)
    if reading.kind == "list" and [d for d, _ in dates] != sorted(d for d, _ in dates):
        raise GrammarError("deadline.list_out_of_order")  # «24.01.2017, 2015 год, 1 апреля»: not one span
    if reading.mentions_voting:
        warnings.extend(voting_mismatch(dates, context))
    bounds = bounds_of(reading.kind, reading.spans, dates)
    anchor, offset = anchor_of(reading.spans, bounds, context)
    deadline = Deadline(raw=raw, **bounds, precision=precision_of(reading.spans), anchor=anchor,
                        offset_days=offset, year_source=source, warnings=warnings)
    deadline.warnings.extend(weekday_warnings(deadline, reading.weekday))
    return deadline


def voting_mismatch(dates: list[tuple[date, date]], context: PlanContext) -> list[Message]:
    """«в дни голосования 18-20 сентября»: the written dates are kept; say if they are not among the plan's
    voting days («в день голосования (19 сентября)» of a vote on 17–19 September is)."""
    if not context.voting_start or not context.voting_end:
        return []
    if context.voting_start <= dates[0][0] and dates[-1][1] <= context.voting_end:
        return []
    return [message("deadline.voting_mismatch", start=context.voting_start, end=context.voting_end)]


# ---------------------------------------------------------------- the fallbacks


def noisy_date_deadline(raw: str, text: str, context: PlanContext) -> Deadline | None:
    """One complete date among words the grammar does not know — kept only near the plan's year."""
    reading = noisy_date_reading(raw, text)
    if reading is None:
        return None
    deadline = reading_to_deadline(raw, reading, context)
    plan_year = context.plan_year or (context.approved_on.year if context.approved_on else None)
    if plan_year is None or abs(deadline.start.year - plan_year) > FAR_YEARS:
        return None
    return deadline


def checked(deadline: Deadline, context: PlanContext) -> Deadline:
    outside = outside_years(deadline)
    if outside:
        return unparsed(deadline.raw, message("deadline.year_out_of_range", year=outside[0].year))
    if deadline.start or deadline.end:
        deadline.warnings.extend(sanity_warnings(deadline, context))
    return deadline


# ---------------------------------------------------------------- public API


def unparsed(raw: str, why: Message) -> Deadline:
    return Deadline(raw=raw, kind="unparsed", warnings=[why])


def raw_to_deadline(raw: str, context: PlanContext) -> Deadline:
    text = normalise(raw)
    if not text:  # empty, spaces, or only a dash or dots: nothing was stated
        return Deadline(raw=raw, kind="unspecified")
    try:
        return checked(reading_to_deadline(raw, text_to_reading(text), context), context)
    except GrammarError as error:
        why = error.message
    for fallback in (text_to_event_deadline, noisy_date_deadline):
        try:
            found = fallback(raw, text, context)
        except GrammarError:
            found = None
        if found is not None:
            return checked(found, context)
    return unparsed(raw, why)


@lru_cache(maxsize=65536)
def cached_deadline(raw: str, year: int | None, approved: date | None, start: date | None, end: date | None,
                    events: tuple[tuple[str, date], ...] = ()) -> Deadline:
    context = PlanContext(plan_year=year, approved_on=approved, voting_start=start, voting_end=end,
                          events=dict(events))
    try:
        return raw_to_deadline(raw, context)
    except Exception as error:  # noqa: BLE001 — a deadline cell must never stop a document
        return unparsed(raw, message("deadline.internal_error", detail=repr(error)[:300]))


def normalize_deadline(raw: str, context: PlanContext) -> Deadline:
    """A deadline cell → its typed meaning. Never raises; repeated (cell, plan) pairs come from a cache."""
    if not isinstance(raw, str):
        raw = "" if raw is None else str(raw)
    c = context if isinstance(context, PlanContext) else PlanContext()
    events = tuple(sorted(c.events.items()))
    found = cached_deadline(raw, c.plan_year, c.approved_on, c.voting_start, c.voting_end, events)
    # A copy whose lists are its own: dates and messages are immutable, so a deep copy (5× slower) adds nothing.
    return found.model_copy(update={"dates": list(found.dates), "warnings": list(found.warnings)})
