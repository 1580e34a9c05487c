"""Symbols of a deadline cell → a `Reading`: what the cell says, as calendar spans whose years may be missing.

`RULES` is an ordered list of regexes over the symbol shape (see `deadlines.symbols`), each naming the
reading it produces; `SIDE_BUILDERS` turns the symbols of one side («15 марта», «III квартал 2021»)
into a `Span`. Years, voting days and sanity checks are resolved later, in `extractors.deadlines.resolve`.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from extractors.deadlines.symbols import Symbol, shape_of, text_to_symbols
from schemas import Message, message

MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February's real end is fixed with the year
DATE_KINDS = set("dpmnyGV")
PERIOD_WORDS = {"quarter": "квартала", "half": "полугодия"}


class GrammarError(ValueError):
    """A cell the grammar cannot turn into dates; `message` (of the catalogue) says why."""

    def __init__(self, code: str, **params):
        self.message = message(code, **params)
        super().__init__(self.message.text)


@dataclass(frozen=True)
class Span:
    """A stretch of the calendar; `last_day=None` is the last day of `last_month`, `year=None` unknown."""

    unit: str  # day, decade, month, quarter, half, year, voting, bare (a number awaiting its unit)
    first_month: int = 1
    first_day: int = 1
    last_month: int = 12
    last_day: int | None = None
    year: int | None = None


@dataclass(frozen=True)
class Reading:
    kind: str  # single, range, list, before_start, before_end, after_start, after_end,
    #            recurring, as_needed, ongoing
    spans: tuple[Span, ...] = ()
    recurrence: str | None = None
    warnings: tuple[Message, ...] = ()
    mentions_voting: bool = False


# ---------------------------------------------------------------- spans


def check_month(month: int) -> int:
    if not 1 <= month <= 12:
        raise GrammarError("deadline.no_such_month", month=month)
    return month


def day_span(day: int, month: int, year: int | None = None) -> Span:
    if not 1 <= day <= MONTH_DAYS[check_month(month) - 1]:
        raise GrammarError("deadline.no_such_date", date=f"{day}.{month:02d}")
    return Span("day", month, day, month, day, year)


def decade_span(number: int, month: int) -> Span:
    if number not in (1, 2, 3):
        raise GrammarError("deadline.three_decades", number=number)
    first, last = (1, 11, 21)[number - 1], (10, 20, None)[number - 1]
    return Span("decade", check_month(month), first, month, last)


def numbered_span(unit: str, number: int) -> Span:
    """Quarter or half-year number → its months: («III квартал» → July..September)."""
    size = {"quarter": 3, "half": 6}[unit]
    if not 1 <= number <= 12 // size:
        raise GrammarError("deadline.no_such_period", unit=PERIOD_WORDS[unit], number=number)
    return Span(unit, size * (number - 1) + 1, 1, size * number, None)


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
    "y": lambda t: Span("year", year=t[0].value),
    "G": lambda t: Span("year"),
    "V": lambda t: Span("voting"),
    "W": lambda t: Span("voting_first"),
    "L": lambda t: Span("voting_last"),
    "n": lambda t: Span("bare", first_day=t[0].value),
}
SIDE = r"(?:d|py?|nkmy?|nky?|nmy?|n[qh]y?|my?|y|G|V|W|L|n)"


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


# ---------------------------------------------------------------- rules over the shape


RULES = [
    (re.compile(rf"T?({SIDE})"), "single"),
    (re.compile(rf"T?S?({SIDE})[-PD]({SIDE})"), "range"),
    (re.compile(rf"({SIDE}(?:,{SIDE})+)"), "list"),
    (re.compile(rf"D({SIDE})"), "before_start"),
    (re.compile(rf"(?:N|E|DE)({SIDE})"), "before_end"),
    (re.compile(rf"S({SIDE})"), "after_start"),
    (re.compile(rf"L({SIDE})"), "after_end"),
]


def split_at_commas(symbols: list[Symbol]) -> list[list[Symbol]]:
    sides: list[list[Symbol]] = [[]]
    for symbol in symbols:
        if symbol.kind == ",":
            sides.append([])
        else:
            sides[-1].append(symbol)
    return sides


def match_to_reading(m: re.Match, kind: str, symbols: list[Symbol]) -> Reading:
    sides = [symbols[m.start(g) : m.end(g)] for g in range(1, m.re.groups + 1)]
    if kind == "list":
        sides = split_at_commas(sides[0])
    spans = sides_to_spans(sides)
    if kind == "before_start" and spans[0].unit not in ("day", "voting"):
        raise GrammarError("deadline.until_month")
    return Reading(kind, spans)


def symbols_to_dates(symbols: list[Symbol]) -> Reading:
    shape = shape_of(symbols)
    for pattern, kind in RULES:
        m = pattern.fullmatch(shape)
        if m:
            return match_to_reading(m, kind, symbols)
    unknown = ", ".join(dict.fromkeys(t.text for t in symbols if t.kind == "?"))[:80]
    if unknown:
        raise GrammarError("deadline.not_understood_words", text=words_of(symbols), unknown=unknown)
    raise GrammarError("deadline.not_understood", text=words_of(symbols))


# ---------------------------------------------------------------- whole cells


def trimmed(symbols: list[Symbol]) -> list[Symbol]:
    """Separators at either end dropped («, март-июнь,» → «март-июнь»)."""
    kinds = [t.kind in ",-" for t in symbols]
    start = kinds.index(False) if False in kinds else len(symbols)
    end = len(kinds) - kinds[::-1].index(False) if False in kinds else start
    return symbols[start:end]


def words_of(symbols: list[Symbol], limit: int = 80) -> str:
    """The symbols' text for a warning, cut to `limit` characters."""
    text = " ".join(t.text for t in symbols)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def recurring_reading(symbols: list[Symbol]) -> Reading:
    recurrence = next(t.value for t in symbols if t.kind == "R")
    rest = [t for t in symbols if t.kind != "R"]
    dated = [t for t in rest if t.kind in DATE_KINDS - {"n"}]  # «до 5-го числа» qualifies, a date would not
    warnings = (message("deadline.recurrence_dates_dropped", text=words_of(rest)),) if dated else ()
    return Reading("recurring", recurrence=recurrence, warnings=warnings)


def phrase_reading(symbols: list[Symbol]) -> Reading:
    """«по мере необходимости», «постоянно» — or the dates beside them if the cell has any."""
    kind = "as_needed" if any(t.kind == "A" for t in symbols) else "ongoing"
    phrase = words_of([t for t in symbols if t.kind in "AO"])
    rest = trimmed([t for t in symbols if t.kind not in "AO"])
    if any(t.kind in DATE_KINDS for t in rest):
        reading = symbols_to_dates(rest)
        return replace(reading, warnings=(*reading.warnings, message("deadline.ignored", text=phrase)))
    return Reading(kind, warnings=(message("deadline.ignored", text=words_of(rest)),) if rest else ())


def dated_reading(symbols: list[Symbol]) -> Reading:
    """Voting-day words beside written dates («в дни голосования 17-19 сентября») leave the dates to speak."""
    try:
        return symbols_to_dates(symbols)
    except GrammarError:
        kinds = {t.kind for t in symbols}
        if "V" not in kinds or not kinds & set("dpm"):
            raise
    reading = symbols_to_dates(trimmed([t for t in symbols if t.kind != "V"]))
    return replace(reading, mentions_voting=True)


def symbols_to_reading(symbols: list[Symbol]) -> Reading:
    kinds = {t.kind for t in symbols}
    if not symbols:
        raise GrammarError("deadline.empty")
    if "R" in kinds:
        return recurring_reading(symbols)
    if kinds & {"A", "O"}:
        return phrase_reading(symbols)
    return dated_reading(trimmed(symbols))


PARENTHESES = re.compile(r"\([^()]*\)")


def text_to_reading(text: str) -> Reading:
    """Normalised cell text → reading; a remark in brackets is dropped, with a warning, if it is in the way."""
    try:
        return symbols_to_reading(text_to_symbols(text))
    except GrammarError:
        remarks = PARENTHESES.findall(text)
        if not remarks:
            raise
    reading = symbols_to_reading(text_to_symbols(PARENTHESES.sub(" ", text)))
    return replace(reading, warnings=(*reading.warnings, message("deadline.ignored", text=" ".join(remarks))))
