"""Deadline cell text → normalised text → symbols, one character of *shape* per symbol.

Words and phrases come from `data/deadline_vocab.json` (see its `_comment` for the symbol classes), so
«15-16 марта» reads as the shape "n-nm" and «до конца мая» as "Em". Nothing here knows about years.
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
INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
SPACES = re.compile(r"\s+")
AROUND_DASH = re.compile(r" ?- ?")
EDGES = " .,;-–()"


def normalise(raw: str) -> str:
    """Lower case, one kind of dash and space, no quotes or tags, no punctuation at the edges."""
    text = INVISIBLE.sub("", strip_tags(raw).lower().replace("ё", "е"))
    text = DASHES.sub("-", NOISE.sub(" ", text))
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
    for number, words in VOCAB["ordinals"].items():
        table.update({w: ("n", int(number)) for w in words})
    table.update({w: ("n", n) for w, n in VOCAB["roman"].items()})
    return table


WORDS = words_to_classes()
PHRASES = [(kind, value) for _, kind, value in VOCAB["phrases"]]
NUMBER_ENDING = r"(?:-?(?:ого|ая|ое|ый|ий|ой|ей|ом|ым|ью|го|е|я|й))?(?![а-я])"
TOKEN_PATTERNS = [
    *(rf"(?P<ph{i}>(?<!\w)(?:{p})(?!\w))" for i, (p, _, _) in enumerate(VOCAB["phrases"])),
    r"(?P<iso>\d{4}-\d{1,2}-\d{1,2})(?!\d)",
    r"(?P<d>\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2}))(?!\d)",
    r"(?P<p>\d{1,2}[./]\d{1,2})(?![\d])\.?",
    r"(?P<y>\d{4})(?!\d)",
    rf"(?P<n>\d{{1,2}})(?!\d){NUMBER_ENDING}",
    r"(?P<w>[a-zа-яі]+)\.?",
    r"(?P<dash>-)",
    r"(?P<sep>[,;+])",
    r"(?P<paren>[()])",
    r"(?P<other>\S)",
]
TOKENS = re.compile("|".join(TOKEN_PATTERNS))


def match_to_symbol(m: re.Match) -> Symbol:
    group, text = m.lastgroup, m.group()
    if group.startswith("ph"):
        kind, value = PHRASES[int(group[2:])]
        return Symbol(kind, value, text)
    if group in ("iso", "d", "p"):
        return Symbol("p" if group == "p" else "d", numbers_in(text, group == "iso"), text)
    if group in ("y", "n"):
        return Symbol(group, int(m.group(group)), text)
    if group == "w":
        kind, value = WORDS.get(m.group("w"), ("?", None))
        return Symbol(kind, value, text)
    return Symbol({"dash": "-", "sep": ",", "paren": "F"}.get(group, "?"), None, text)


def numbers_in(text: str, iso: bool) -> tuple[int, ...]:
    """«15.02.21» → (15, 2, 2021); «2021-02-15» → (15, 2, 2021)."""
    parts = [int(x) for x in re.findall(r"\d+", text)]
    if iso:
        parts.reverse()
    if len(parts) == 3 and parts[2] < 100:
        parts[2] += 2000
    return tuple(parts)


def text_to_symbols(text: str) -> list[Symbol]:
    """Fillers dropped, and «год» after a written year too («2021 года» → 2021, «01.03.2021 года»)."""
    symbols: list[Symbol] = []
    for m in TOKENS.finditer(text):
        symbol = match_to_symbol(m)
        if symbol.kind == "F" or (symbol.kind == "G" and symbols and symbols[-1].kind in "yd"):
            continue
        symbols.append(symbol)
    return symbols


def shape_of(symbols: list[Symbol]) -> str:
    return "".join(t.kind for t in symbols)
