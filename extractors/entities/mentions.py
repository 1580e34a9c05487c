"""Partners mentioned in an activity's title or description, in the nominative, in order of appearance.

«председателя Избирательной комиссии Кузбасса» → «Избирательная комиссия Кузбасса»; «с представителями
политических партий региона» → «политические партии»; «по программе ОП РФ» → «Общественная палата
Российской Федерации». A mention is a noun phrase around a head-word of extractors/data/mentions.json:
agreeing adjectives before it and a genitive tail (or a quoted name) after it. A region's name ends the tail:
«в Избирательную комиссию Новосибирской области списка наблюдателей» mentions «Избирательная комиссия
Новосибирской области»; what follows the region is the rest of the sentence. The plan's own chamber is not
a partner.
"""

import re
from dataclasses import dataclass

from extractors.entities.inflection import parses, region_to_case
from extractors.entities.models import lemmas
from extractors.entities.noun_phrases import (
    REGION_NOUNS,
    adjectives_before,
    fill_region,
    is_bare_region_word,
    nominative_replacements,
    rewrite,
)
from extractors.entities.tokens import Token, tokenize
from extractors.markup import strip_tags
from extractors.regions import find_region_mentions
from extractors.vocab import MENTIONS, ORG_PATTERNS
from schemas import Region

HEADS: dict[str, dict] = MENTIONS["heads"]
ALIASES: list[dict] = MENTIONS["aliases"]
MAX_TAIL = 6
PREPOSITIONS = set(ORG_PATTERNS["prepositions"])
OWN_CHAMBER = "Общественная палата"


@dataclass(frozen=True)
class Mention:
    tokens: list[Token]
    first: int  # where the adjectives begin
    head: int
    end: int  # one past the tail


def find_mentioned_organisations(text: str, region: Region | None) -> list[str]:
    """Partners named in `text`, de-duplicated, in order of appearance."""
    text = strip_tags(text)
    tokens, names, index, consumed = tokenize(text), [], 0, 0
    while index < len(tokens):
        mention = mention_at(tokens, index, consumed)
        name = mention_name(mention, text, region) if mention else None
        names += [name] if name else []
        index, consumed = (mention.end, mention.end) if mention else (index + 1, consumed)
    return list(dict.fromkeys(names))


def mention_at(tokens: list[Token], index: int, consumed: int) -> Mention | None:
    """The mention whose head is tokens[index], its adjectives not reaching back into the previous one."""
    token = tokens[index]
    if token.lemma not in HEADS:
        return None
    first = index if token.kind == "abbr" else adjectives_before(tokens, index, consumed)
    return Mention(tokens, first, index, tail_end(tokens, index + 1))


def tail_end(tokens: list[Token], index: int) -> int:
    """One past a genitive tail («Кемеровской области – Кузбасса», «РФ»), ending at a region, or a quoted name."""
    if index < len(tokens) and tokens[index].kind == "quote":
        return index + 1
    end = index
    while end < len(tokens) and end - index < MAX_TAIL and is_tail_token(tokens, end):
        end += 1
    return region_end(tokens, index, end) or end


def is_tail_token(tokens: list[Token], index: int) -> bool:
    token = tokens[index]
    if token.kind == "abbr":
        return True
    if token.kind == "dash":
        return index + 1 < len(tokens) and tokens[index + 1].capitalised
    if token.kind != "word" or token.text.lower() in PREPOSITIONS:
        return False
    return any(p.tag.case == "gent" for p in parses(token.text))


def region_end(tokens: list[Token], start: int, end: int) -> int | None:
    """One past the first region named in tokens[start:end] («Новосибирской области», a bare «края»)."""
    ends = [named_region_end(tokens, start, end), bare_region_end(tokens, start, end)]
    return min((e for e in ends if e is not None), default=None)


def named_region_end(tokens: list[Token], start: int, end: int) -> int | None:
    """The tail's words re-joined by single spaces, looked up in the region table (extractors.regions)."""
    text, ends = "", []
    for token in tokens[start:end]:
        text += (" " if text else "") + token.text
        ends.append(len(text))
    found = find_region_mentions(text)
    return start + ends.index(found[0].end) + 1 if found and found[0].end in ends else None


def bare_region_end(tokens: list[Token], start: int, end: int) -> int | None:
    bare = (i for i in range(start, end) if tokens[i].lemma in REGION_NOUNS)
    return next((i + 1 for i in bare if is_bare_region_word(tokens, i, tokens[i].lemma)), None)


def mention_name(mention: Mention, text: str, region: Region | None) -> str | None:
    lemmas = [w for t in mention.tokens[mention.first : mention.end] for w in token_lemmas(t)]
    core = [t.lemma for t in mention.tokens[mention.first : mention.head + 1]]
    alias = next((a["name"] for a in ALIASES if alias_matches(a, lemmas, core, mention)), None)
    if alias or not is_named_partner(mention):
        return alias
    name = fill_region(phrase_text(mention, text), region)
    return None if is_own_chamber(mention, name, region) else name


def token_lemmas(token: Token) -> list[str]:
    """A word's lemma; the lemmas of a quoted name's words."""
    inner = lemmas(token.text) if token.kind == "quote" else [token.lemma]
    return [w.replace("ё", "е") for w in inner if w]


def alias_matches(alias: dict, lemmas: list[str], core: list[str], mention: Mention) -> bool:
    where = core if alias.get("where") == "core" else lemmas
    if "number" in alias and head_number(mention) != alias["number"]:
        return False
    size = len(alias["lemmas"])
    return any(where[i : i + size] == alias["lemmas"] for i in range(len(where) - size + 1))


def head_number(mention: Mention) -> str | None:
    found = [p.tag.number for p in parses(mention.tokens[mention.head].text) if p.tag.POS == "NOUN"]
    return "plur" if found and all(n == "plur" for n in found) else (found[0] if found else None)


def is_named_partner(mention: Mention) -> bool:
    """Something besides the head names it (`needs`, mentions.json): adjectives, quote, capital, tail."""
    rules, head = HEADS[mention.tokens[mention.head].lemma], mention.tokens[mention.head]
    adjective = mention.first < mention.head or mention.tokens[mention.end - 1].kind == "quote"
    needs = rules.get("needs")
    if rules.get("alias_only"):
        return False
    if needs == "adjective":
        return adjective
    return adjective or head.capitalised or (needs is None and mention.end > mention.head + 1)


def phrase_text(mention: Mention, text: str) -> str:
    """The mention as written, with its adjectives and head in the nominative."""
    tokens = mention.tokens
    replacements = nominative_replacements(tokens, mention.first, mention.head)
    source = text[tokens[mention.first].start : tokens[mention.end - 1].end]
    base = tokens[mention.first].start
    local = [t.shifted(base) for t in tokens[mention.first : mention.end]]
    return rewrite(source, local, {i - mention.first: r for i, r in replacements.items()})


def is_own_chamber(mention: Mention, name: str, region: Region | None) -> bool:
    """«Общественной палаты края» or «… Хабаровского края» (the plan's region): its author, not a partner."""
    if not HEADS[mention.tokens[mention.head].lemma].get("skip_own"):
        return False
    after = mention.head + 1
    if after == mention.end:
        return True
    if mention.tokens[after].lemma in REGION_NOUNS and is_bare_region_word(
        mention.tokens, after, mention.tokens[after].lemma
    ):
        return True
    own = comparable(f"{OWN_CHAMBER} {region_to_case(region.name, 'gent')}") if region else None
    return bool(own) and (own.startswith(comparable(name)) or comparable(name).startswith(own))


def comparable(name: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\s*[–—-]\s*", "-", name.lower().replace("ё", "е")))
