"""One complete date wrapped in words the grammar does not model — «Дата проведения: 20 мая 2021 года»,
«представить отчет 01.06.2021», «Дедлайн 10 августа» — found with dateparser's search.

Called only after the grammar (and the event counts) failed, and only on a cell with words the grammar
does not know and exactly one date in it: a day with its month as a word, or a whole «dd.mm.yyyy». The
text dateparser finds must then read, by our own grammar, as that one day (so years, weekdays and every
check stay ours; dateparser's time of day is never kept), and the words around it must say nothing the
grammar would have to weigh: no «до», «с», «по», no other number. `resolve` keeps the result only near the
plan's year.
"""

import re
from dataclasses import replace
from datetime import datetime

from extractors.deadlines.grammar import Reading, text_to_reading, words_of
from extractors.deadlines.spans import GrammarError
from extractors.deadlines.symbols import normalise, text_to_symbols
from extractors.vocab import MONTHS
from schemas import message

MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")(?![а-я])"
COMPLETE_DATE = re.compile(rf"(?<![\d.])(?:\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}(?![\d])|\d{{1,2}}(?:-?[а-я]{{1,3}})? {MONTH})")
# Symbols that may stand around the date: unknown words, fillers, separators, a time, a weekday, and the
# phrases the grammar sets aside anyway («по согласованию»).
HARMLESS = set("?,-Fcw") | {"A", "O"}
SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month"],
    "RELATIVE_BASE": datetime(2000, 1, 1),  # never «now»: a missing year is the plan's, set by our grammar
}


def one_date_among_unknown_words(text: str) -> bool:
    symbols = text_to_symbols(text)
    return any(s.kind == "?" for s in symbols) and len(COMPLETE_DATE.findall(text)) == 1


def found_by_dateparser(raw: str) -> str | None:
    """The one date dateparser finds in the cell, as the text it was written as."""
    from dateparser.search import search_dates  # heavy to import; only cells the grammar failed on need it

    found = search_dates(raw, languages=["ru"], settings=SETTINGS) or []
    return found[0][0] if len(found) == 1 else None


def noisy_date_reading(raw: str, text: str) -> Reading | None:
    """`raw` (normalised: `text`) → the reading of its one date, with the words around it noted as ignored."""
    if not one_date_among_unknown_words(text):
        return None
    written = found_by_dateparser(raw)
    if written is None:
        return None
    date_text = normalise(written)
    if not COMPLETE_DATE.search(date_text) or date_text not in text:
        return None
    around = text_to_symbols(text.replace(date_text, " ", 1))
    if any(s.kind not in HARMLESS for s in around):
        return None
    try:
        reading = text_to_reading(date_text)
    except GrammarError:
        return None
    if reading.kind != "single" or reading.spans[0].unit != "day":
        return None
    ignored = message("deadline.ignored", text=words_of([s for s in around if s.kind != "c"]))
    return replace(reading, warnings=(*reading.warnings, ignored))
