"""Deadline cell text → normalised text → symbols, one character of *shape* per symbol.

Words and phrases come from `data/deadline_vocab.json` (see its `_comment` for the symbol classes), so
«15-16 марта» reads as the shape "n-nm" and «до конца мая» as "Em". A time of day becomes one symbol `c`
(«28 октября в 10:00» → "nmc"), which the grammar drops beside a date. Nothing here knows about years: a
two-digit year stays two digits («01.03.99» → (1, 3, 99)) until the plan's year picks its century.
"""

import re
from dataclasses import dataclass

from extractors.markup import strip_tags
from extractors.vocab import MONTHS, load

VOCAB = load("deadline_vocab.json")


@dataclass(frozen=True)
class Symbol:
    kind: str
    value: object
    text: str


# ---------------------------------------------------------------- normalising


DASHES = re.compile(r"[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d]")
NOISE = re.compile(r"[«»\"“”„‟'`*•·:]")
QUOTES = re.compile(r"[«»\"“”„‟'`*•·]")
INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
SPACES = re.compile(r"\s+")
AROUND_DASH = re.compile(r" ?- ?")
EDGES = " .,;-–()"


CLOCK = "\ue000"  # stands for a time of day in normalised text: a character no cell contains


def times_pattern() -> re.Pattern:
    """The times of `deadline_vocab.json`, each starting where no digit, dot or colon is just before it."""
    parts = VOCAB["times"]
    time = parts["TIME"].replace("DAYPART", parts["DAYPART"])
    alternatives = [p.replace("TIME", rf"(?<![\d.:])(?:{time})") for p in parts["patterns"]]
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


TIMES = times_pattern()


def normalise(raw: str) -> str:
    """Lower case, one kind of dash and space, no quotes or tags, every time of day one `CLOCK`, no
    punctuation at the edges."""
    text = INVISIBLE.sub("", strip_tags(raw).lower().replace("ё", "е"))
    text = AROUND_DASH.sub("-", SPACES.sub(" ", DASHES.sub("-", QUOTES.sub(" ", text))))
    text = TIMES.sub(f" {CLOCK} ", text).replace(":", " ")
    text = AROUND_DASH.sub("-", SPACES.sub(" ", text))
    return balance_parentheses(text.strip(EDGES))


def balance_parentheses(text: str) -> str:
    """Re-add a bracket lost when the edges were stripped: «(до 01 марта)» → «до 01 марта»."""
    if text.count("(") > text.count(")"):
        return text + ")"
    return "(" + text if text.count(")") > text.count("(") else text


# ---------------------------------------------------------------- symbols


def words_to_classes() -> dict[str, tuple[str, object]]:
    table: dict[str, tuple[str, object]] = {}
    for kind, words in VOCAB["words"].items():
        table.update({w: (kind, None) for w in words})
    table.update({w: ("m", number) for w, number in MONTHS.items()})
    for number, stem in VOCAB["ordinal_stems"].items():
        table.update({stem + ending: ("n", int(number)) for ending in VOCAB["ordinal_endings"]})
    for number, words in VOCAB["ordinals"].items():
        table.update({w: ("n", int(number)) for w in words})
    table.update({w: ("n", n) for w, n in VOCAB["roman"].items()})
    table.update({w: ("n", LAST) for w in VOCAB["last"]})
    table.update({w: ("t", n) for w, n in VOCAB["tens"].items()})
    for number, words in VOCAB["weekdays"].items():
        table.update({w: ("w", int(number)) for w in words})
    for season, words in VOCAB["seasons"].items():
        table.update({w: ("z", season) for w in words})
    return table


LAST = -1  # «последний квартал»: the number of the last quarter, half or decade, whichever it turns out to be

WORDS = words_to_classes()
PHRASES = [(kind, value) for _, kind, value in VOCAB["phrases"]]
NUMBER_ENDING = r"(?:-?(?:ого|его|ая|ое|ый|ий|ой|ей|ом|ым|ью|го|е|я|й))?(?![а-я])"
# All phrases behind one word-start check: tried phrase by phrase at every character, they cost 4× as much.
PHRASE_ALTERNATIVES = "|".join(rf"(?P<ph{i}>{p})" for i, (p, _, _) in enumerate(VOCAB["phrases"]))
TOKEN_PATTERNS = [
    rf"(?<!\w)(?=\w)(?:{PHRASE_ALTERNATIVES})(?!\w)",
    r"(?P<iso>\d{4}-\d{1,2}-\d{1,2})(?!\d)",
    r"(?P<d>\d{1,2}[./] ?\d{1,2}[./](?:\d{4}|\d{2}))(?!\d)",
    r"(?P<my>\d{1,2}[./]\d{4})(?!\d)",  # «05/2021», «09.2021»: a month of a year
    r"(?P<ym>\d{4}-(?:0[1-9]|1[0-2]))(?!\d)",  # «2021-09»
    r"(?P<p>\d{1,2}[./]\d{1,2})(?![\d])\.?",
    r"(?P<y>\d{4})(?!\d)(?:-(?:й|го|ого|ом|ый))?",
    rf"(?P<n>\d{{1,2}})(?!\d)(?:\.(?= ?[-/]))?{NUMBER_ENDING}",  # «14.» in «14. - 15.10.»
    r"(?P<w>[a-zа-яі]+)\.?",
    r"(?P<dash>[-/])",
    r"(?P<sep>[,;+])",
    r"(?P<paren>[()])",
    rf"(?P<clock>{CLOCK})",
    r"(?P<other>\S)",
]
TOKENS = re.compile("|".join(TOKEN_PATTERNS))


def match_to_symbols(m: re.Match) -> list[Symbol]:
    group, text = m.lastgroup, m.group()
    if group.startswith("ph"):
        kind, value = PHRASES[int(group[2:])]
        return [Symbol(kind, value, text)]
    if group in ("iso", "d", "p"):
        return [Symbol("p" if group == "p" else "d", numbers_in(text, group == "iso"), text)]
    if group in ("my", "ym"):
        month, year = sorted(int(x) for x in re.findall(r"\d+", text))
        return [Symbol("m", month, text), Symbol("y", year, text)]
    if group in ("y", "n"):
        return [Symbol(group, int(m.group(group)), text)]
    if group == "w":
        kind, value = WORDS.get(m.group("w"), ("?", None))
        return [Symbol(kind, value, text)]
    return [Symbol({"dash": "-", "sep": ",", "paren": "F", "clock": "c"}.get(group, "?"), None, text)]


def numbers_in(text: str, iso: bool) -> tuple[int, ...]:
    """«15.02.2021» → (15, 2, 2021); «2021-02-15» → (15, 2, 2021); «15.02.21» → (15, 2, 21)."""
    parts = [int(x) for x in re.findall(r"\d+", text)]
    return tuple(reversed(parts)) if iso else tuple(parts)


def joined(symbols: list[Symbol], i: int) -> bool:
    """A dash or slash that joins rather than spans: «сен-2012», «март/2021» (a month of a year), «10-августа»."""
    if symbols[i].kind != "-" or not 0 < i < len(symbols) - 1:
        return False
    pair = symbols[i - 1].kind + symbols[i + 1].kind
    return pair in ("my", "nm")


def text_to_symbols(text: str) -> list[Symbol]:
    """Fillers dropped, and «год» after a written year too («2021 года» → 2021, «01.03.2021 года»); «двадцать»
    joined to the ordinal after it; a joining dash dropped."""
    symbols: list[Symbol] = []
    for m in TOKENS.finditer(text):
        for symbol in match_to_symbols(m):
            if symbol.kind == "F" or (symbol.kind == "G" and symbols and symbols[-1].kind in "yd"):
                continue
            if symbols and symbols[-1].kind == "t" and symbol.kind == "n" and 0 < symbol.value < 10:
                tens = symbols.pop()
                symbol = Symbol("n", tens.value + symbol.value, f"{tens.text} {symbol.text}")
            symbols.append(symbol)
    return [s for i, s in enumerate(symbols) if not joined(symbols, i)]


def shape_of(symbols: list[Symbol]) -> str:
    return "".join(t.kind for t in symbols)
