"""Deadline cells («до 01 марта», «III квартал», «в дни голосования») → typed `Deadline`s.

`deadline_grammar` reads what a cell says as calendar spans; this module gives them years (written,
the plan's, the campaign window's or the voting days'), turns them into dates and flags what looks
wrong without changing it. Anything not understood stays `unparsed` with the raw text and the reason.
"""

from calendar import monthrange
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from extractors.deadlines.grammar import GrammarError, Reading, Span, text_to_reading
from extractors.deadlines.symbols import normalise
from schemas import Deadline, Message, PlanContext, message

PRECISIONS = ("day", "decade", "month", "quarter", "half", "year")
PHRASE_KINDS = ("recurring", "as_needed", "ongoing")
EARLIEST, LATEST = 1990, 2100


def voting_span(context: PlanContext) -> Span:
    """The plan's voting days (decided in `voting_days`) as a span."""
    start, end = context.voting_start or context.voting_end, context.voting_end
    if start is None:
        raise GrammarError("deadline.voting_unknown")
    end = end or start
    return Span("voting", start.month, start.day, end.month, end.day, start.year)


# ---------------------------------------------------------------- years


def month_bounds(span: Span, year: int) -> tuple[date, date]:
    return date(year, span.first_month, 1), date(year, span.last_month, monthrange(year, span.last_month)[1])


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


def crosses_new_year(left: Span, right: Span) -> int:
    return int(left.first_month > right.first_month)


def years_of(spans: tuple[Span, ...], context: PlanContext) -> tuple[list[int], str]:
    """Written years kept; the others borrowed from the neighbour, rolling over New Year where needed."""
    years = [s.year for s in spans]
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
    if not EARLIEST <= year <= LATEST:
        raise GrammarError("deadline.year_out_of_range", year=year)
    last_day = span.last_day or monthrange(year, span.last_month)[1]
    try:
        return date(year, span.first_month, span.first_day), date(year, span.last_month, last_day)
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
        return {
            "kind": "range",
            "start": min(d for d, _ in dates),
            "end": max(e for _, e in dates),
            "dates": days,
        }
    return {
        "range": {"kind": "range", "start": dates[0][0], "end": dates[-1][1]},
        "before_start": {"kind": "before", "end": dates[0][0]},
        "before_end": {"kind": "before", "end": dates[0][1]},
        "after_start": {"kind": "after", "start": dates[0][0]},
        "after_end": {"kind": "after", "start": dates[0][1] + timedelta(days=1)},
    }[kind]


def reading_to_deadline(raw: str, reading: Reading, context: PlanContext) -> Deadline:
    warnings = list(reading.warnings)
    if reading.kind in PHRASE_KINDS:
        return Deadline(raw=raw, kind=reading.kind, recurrence=reading.recurrence, warnings=warnings)
    dates, source = spans_to_dates(reading, context)
    voting = any(s.unit.startswith("voting") for s in reading.spans)
    if reading.mentions_voting:
        warnings.extend(voting_mismatch(dates, context))
    return Deadline(
        raw=raw,
        **bounds_of(reading.kind, reading.spans, dates),
        precision=precision_of(reading.spans),
        anchor="voting_days" if voting else None,
        year_source=source,
        warnings=warnings,
    )


def voting_mismatch(dates: list[tuple[date, date]], context: PlanContext) -> list[str]:
    """«в дни голосования 17-19 сентября»: the written dates are kept; say if the plan's voting days differ."""
    if not context.voting_start or not context.voting_end:
        return []
    if dates[0][0] == context.voting_start and dates[-1][1] == context.voting_end:
        return []
    return [message("deadline.voting_mismatch", start=context.voting_start, end=context.voting_end)]


# ---------------------------------------------------------------- sanity


def sanity_warnings(deadline: Deadline, context: PlanContext) -> list[Message]:
    """Kept as read, but flagged: before approval, end before start, a year far from the plan's."""
    days = [d for d in (deadline.start, deadline.end) if d is not None]
    warnings = []
    if context.approved_on and max(days) < context.approved_on:
        warnings.append(message("deadline.before_approval", approved_on=context.approved_on))
    elif context.approved_on and min(days) < context.approved_on:
        warnings.append(message("deadline.starts_before_approval", approved_on=context.approved_on))
    if deadline.start and deadline.end and deadline.end < deadline.start:
        warnings.append(message("deadline.end_before_start"))
    far = sorted({d.year for d in days if context.plan_year and abs(d.year - context.plan_year) > 2})
    warnings.extend(message("deadline.far_year", year=y, plan_year=context.plan_year) for y in far)
    return warnings


def checked(deadline: Deadline, context: PlanContext) -> Deadline:
    days = [d for d in (deadline.start, deadline.end, *deadline.dates) if d is not None]
    if not days:
        return deadline
    outside = [d for d in days if not EARLIEST <= d.year <= LATEST]
    if outside:
        return unparsed(deadline.raw, message("deadline.year_out_of_range", year=outside[0].year))
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
        return unparsed(raw, error.message)


@lru_cache(maxsize=65536)
def cached_deadline(
    raw: str, year: int | None, approved: date | None, start: date | None, end: date | None
) -> Deadline:
    context = PlanContext(plan_year=year, approved_on=approved, voting_start=start, voting_end=end)
    try:
        return raw_to_deadline(raw, context)
    except Exception as error:  # noqa: BLE001 — a deadline cell must never stop a document
        return unparsed(raw, message("deadline.internal_error", detail=repr(error)[:300]))


def normalize_deadline(raw: str, context: PlanContext) -> Deadline:
    """A deadline cell → its typed meaning. Never raises; repeated (cell, plan) pairs come from a cache."""
    if not isinstance(raw, str):
        raw = "" if raw is None else str(raw)
    c = context if isinstance(context, PlanContext) else PlanContext()
    found = cached_deadline(raw, c.plan_year, c.approved_on, c.voting_start, c.voting_end)
    return found.model_copy(deep=True)
