"""One side of a deadline cell («15 марта», «III квартал 2021», «летом») → a `Span` of the calendar.

`SIDE_BUILDERS` maps the shape of a side (see `deadlines.symbols`) to the function building its span;
`SIDE` is the regex of every shape a side may have, which the grammar's rules are written with. Years
are left as written (or missing); `extractors.deadlines.resolve` gives them.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

from extractors.deadlines.symbols import LAST, VOCAB, Symbol, shape_of
from schemas import message

MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February's real end is fixed with the year
PERIOD_WORDS = {"quarter": "квартала", "half": "полугодия"}
SEASON_MONTHS: dict[str, list[int]] = VOCAB["season_months"]


class GrammarError(ValueError):
    """A cell the grammar cannot turn into dates; `message` (of the catalogue) says why."""

    def __init__(self, code: str, **params):
        self.message = message(code, **params)
        super().__init__(self.message.text)


@dataclass(frozen=True)
class Span:
    """A stretch of the calendar; `last_day=None` is the last day of `last_month`, `year=None` unknown.
    A span whose last month comes before its first (winter) ends in the next year."""

    unit: str  # day, decade, month, season, quarter, half, year, voting, voting_first, voting_last, bare
    first_month: int = 1
    first_day: int = 1
    last_month: int = 12
    last_day: int | None = None
    year: int | None = None


def check_month(month: int) -> int:
    if not 1 <= month <= 12:
        raise GrammarError("deadline.no_such_month", month=month)
    return month


def day_span(day: int, month: int, year: int | None = None) -> Span:
    if not 1 <= day <= MONTH_DAYS[check_month(month) - 1]:
        raise GrammarError("deadline.no_such_date", date=f"{day}.{month:02d}")
    return Span("day", month, day, month, day, year)


def decade_span(number: int, month: int) -> Span:
    number = 3 if number == LAST else number
    if number not in (1, 2, 3):
        raise GrammarError("deadline.three_decades", number=number)
    first, last = (1, 11, 21)[number - 1], (10, 20, None)[number - 1]
    return Span("decade", check_month(month), first, month, last)


def numbered_span(unit: str, number: int) -> Span:
    """Quarter or half-year number → its months: «III квартал» → July..September; «последний» → the last."""
    size = {"quarter": 3, "half": 6}[unit]
    number = 12 // size if number == LAST else number
    if not 1 <= number <= 12 // size:
        raise GrammarError("deadline.no_such_period", unit=PERIOD_WORDS[unit], number=number)
    return Span(unit, size * (number - 1) + 1, 1, size * number, None)


def season_span(season: str) -> Span:
    """«весна» → March..May; «зима» → December..February (of the next year)."""
    first, last = SEASON_MONTHS[season]
    return Span("season", first, 1, last, None)


def decade_without_month(symbols: list[Symbol]) -> Span:
    raise GrammarError("deadline.decade_without_month")


SIDE_BUILDERS: dict[str, Callable[[list[Symbol]], Span]] = {
    "d": lambda t: day_span(*t[0].value),
    "p": lambda t: day_span(*t[0].value),
    "nm": lambda t: day_span(t[0].value, t[1].value),
    "nkm": lambda t: decade_span(t[0].value, t[2].value),
    "nk": decade_without_month,
    "m": lambda t: Span("month", check_month(t[0].value), 1, t[0].value, None),
    "nq": lambda t: numbered_span("quarter", t[0].value),
    "nh": lambda t: numbered_span("half", t[0].value),
    "z": lambda t: season_span(t[0].value),
    "y": lambda t: Span("year", year=t[0].value),
    "G": lambda t: Span("year"),
    "V": lambda t: Span("voting"),
    "W": lambda t: Span("voting_first"),
    "U": lambda t: Span("voting_last"),
    "n": lambda t: Span("bare", first_day=t[0].value),
}
SIDE = r"(?:d|py?|nkmy?|nky?|nmy?|n[qh]y?|my?|zy?|y|G|V|W|U|n)"


def symbols_to_span(symbols: list[Symbol]) -> Span:
    """One side of a cell → its span; a trailing written year («март 2021») is set on the span."""
    shape = shape_of(symbols)
    if len(shape) > 1 and shape.endswith("y"):
        return replace(SIDE_BUILDERS[shape[:-1]](symbols[:-1]), year=symbols[-1].value)
    return SIDE_BUILDERS[shape](symbols)


def bare_to_unit(number: int, like: Span) -> Span:
    """A bare number takes the unit of the side after it: «15-16 марта», «I-II квартал», «1-2 декада мая»."""
    if like.unit == "day":
        return day_span(number, like.first_month)
    if like.unit == "decade":
        return decade_span(number, like.first_month)
    if like.unit in ("quarter", "half"):
        return numbered_span(like.unit, number)
    raise GrammarError("deadline.number_without_month", number=number)


def sides_to_spans(sides: list[list[Symbol]]) -> tuple[Span, ...]:
    spans = [symbols_to_span(side) for side in sides]
    for i in range(len(spans) - 1, -1, -1):
        if spans[i].unit == "bare":
            if i == len(spans) - 1:
                raise GrammarError("deadline.number_without_month", number=spans[i].first_day)
            spans[i] = bare_to_unit(spans[i].first_day, spans[i + 1])
    return tuple(spans)
