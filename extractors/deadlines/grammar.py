"""Symbols of a deadline cell → a `Reading`: what the cell says, as calendar spans whose years may be missing.

`RULES` is an ordered list of regexes over the symbol shape (see `deadlines.symbols`), each naming the
reading it produces; `deadlines.spans` turns the symbols of one side («15 марта», «III квартал 2021»)
into a `Span`. A time of day or a weekday beside a single date is set aside (the weekday is kept to be
checked against the date). Years, voting days and sanity checks are resolved later, in
`extractors.deadlines.resolve`.
"""

import re
from dataclasses import dataclass, replace

from extractors.deadlines.spans import SIDE, GrammarError, Span, season_span, sides_to_spans
from extractors.deadlines.symbols import VOCAB, Symbol, shape_of, text_to_symbols
from schemas import Message, message

DATE_KINDS = set("dpmnyzGVWU")
ONE_DAY_UNITS = ("day", "voting", "voting_first", "voting_last")  # what a time of day may stand beside
YEAR_WORDS = set(VOCAB["words"]["G"])  # «год» alone, not «в течение года» (a phrase) nor «2021 год»


@dataclass(frozen=True)
class Reading:
    kind: str  # single, range, list, before_start, before_end, after_start, after_end,
    #            recurring, as_needed, ongoing
    spans: tuple[Span, ...] = ()
    recurrence: str | None = None
    warnings: tuple[Message, ...] = ()
    mentions_voting: bool = False
    weekday: tuple[int, str] | None = None  # written beside the date (Monday = 0, as written), to be checked


# ---------------------------------------------------------------- rules over the shape


RULES = [
    (re.compile(rf"T?({SIDE})"), "single"),
    (re.compile(r"(z)(y)-(y)"), "season_years"),  # «зима 2021-2022»
    (re.compile(rf"T?S?({SIDE})[-PD]({SIDE})"), "range"),
    (re.compile(rf"B({SIDE}),({SIDE})"), "range"),  # «между 5 и 17 июня»
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


def winter_of_two_years(season: Symbol, first: Symbol, second: Symbol) -> Reading:
    """«зима 2021-2022» is the winter that starts in December 2021; no other season spans two years."""
    if season.value != "winter" or second.value != first.value + 1:
        raise GrammarError("deadline.not_understood", text=words_of([season, first, second]))
    return Reading("single", (replace(season_span("winter"), year=first.value),))


def match_to_reading(m: re.Match, kind: str, symbols: list[Symbol]) -> Reading:
    sides = [symbols[m.start(g) : m.end(g)] for g in range(1, m.re.groups + 1)]
    if kind == "season_years":
        return winter_of_two_years(*(side[0] for side in sides))
    if kind == "list":
        sides = split_at_commas(sides[0])
    if kind == "single" and shape_of(sides[0]) == "G" and sides[0][0].text in YEAR_WORDS:
        raise GrammarError("deadline.not_understood", text=words_of(symbols))  # «в год», «год»: which year?
    spans = sides_to_spans(sides)
    if kind == "before_start" and spans[0].unit not in ONE_DAY_UNITS:
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
        reading = dated_reading(rest)
        return replace(reading, warnings=(*reading.warnings, message("deadline.ignored", text=phrase)))
    return Reading(kind, warnings=(message("deadline.ignored", text=words_of(rest)),) if rest else ())


def voting_dated_reading(symbols: list[Symbol]) -> Reading:
    """Voting-day words beside written dates («в дни голосования 17-19 сентября») leave the dates to speak."""
    try:
        return symbols_to_dates(symbols)
    except GrammarError:
        kinds = {t.kind for t in symbols}
        if "V" not in kinds or not kinds & set("dpm"):
            raise
    reading = symbols_to_dates(trimmed([t for t in symbols if t.kind != "V"]))
    return replace(reading, mentions_voting=True)


def opens_last_time(symbols: list[Symbol], i: int) -> bool:
    """«с», «до», «по» before a time that ends the cell belong to the time («18.09.2021 до 20.00»); before a
    time followed by a date they are the deadline's own («до 18:00 20.08.2021»)."""
    after = [t.kind for t in symbols[i + 1 :]]
    return symbols[i].kind in "SDPN" and bool(after) and after[0] == "c" and set(after) <= set("c,-")


def dated_reading(symbols: list[Symbol]) -> Reading:
    """A time of day («в 10:00») beside one day is dropped; a weekday («пятница, 17 сентября») beside one
    date is kept on the reading to be checked. Either beside anything else is not understood."""
    weekdays = [(t.value, t.text) for t in symbols if t.kind == "w"]
    clock = any(t.kind == "c" for t in symbols)
    if not weekdays and not clock:
        return voting_dated_reading(symbols)
    rest = trimmed([t for i, t in enumerate(symbols) if t.kind not in "wc" and not opens_last_time(symbols, i)])
    if clock and not rest:
        raise GrammarError("deadline.time_without_day", text=words_of(symbols))
    reading = voting_dated_reading(rest) if rest else None
    if clock and any(s.unit not in ONE_DAY_UNITS for s in reading.spans):
        raise GrammarError("deadline.time_without_day", text=words_of(symbols))
    one_date = reading and reading.kind == "single" and reading.spans[0].unit == "day"
    if weekdays and (len(weekdays) > 1 or not one_date):
        raise GrammarError("deadline.weekday_without_date", text=words_of(symbols))
    return replace(reading, weekday=weekdays[0] if weekdays else None)


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
