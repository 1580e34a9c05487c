"""Noun phrases of responsible cells and activity texts: the nominative, the plan's region filled in.

A phrase is a run of tokens with offsets into its text, so a rewrite keeps the spacing as written.
"""

import re

from extractors.entities.inflection import CASES, case_of, inflect_parse, parses, region_to_case
from extractors.entities.models import lemma
from extractors.entities.tokens import Token, tokenize
from extractors.vocab import ORG_PATTERNS
from schemas import Region

ADJECTIVES = {"ADJF", "PRTF"}
REGION_NOUNS = set(ORG_PATTERNS["region_nouns"])
BARE_REGION_CASES = ("gent", "loct", "datv", "ablt", "accs", "nomn")


def rewrite(text: str, tokens: list[Token], replacements: dict[int, str]) -> str:
    """`text` with tokens (by index) replaced, everything between them kept as written."""
    out, cursor = [], 0
    for index in sorted(replacements):
        out += [text[cursor : tokens[index].start], replacements[index]]
        cursor = tokens[index].end
    return re.sub(r"\s+", " ", "".join(out) + text[cursor:]).strip(" ,;:.–—-")


def is_adjective(token: Token) -> bool:
    return token.kind == "word" and any(p.tag.POS in ADJECTIVES for p in parses(token.text))


def adjectives_before(tokens: list[Token], head: int, stop: int = 0) -> int:
    """Index where the run of adjectives agreeing with the head at `head` begins (not before `stop`)."""
    first = head
    while first > stop and is_adjective(tokens[first - 1]) and agrees(tokens[first - 1 : head + 1]):
        first -= 1
    return first


def agrees(tokens: list[Token]) -> bool:
    """«назначенных Общественной палатой» does not: the participle belongs to another noun."""
    return bool(agreeing_forms([t.text for t in tokens]))


def noun_forms(word: str) -> list[tuple[str, str]]:
    return [(case_of(p), p.tag.number) for p in parses(word) if p.tag.POS == "NOUN"]


def agreeing_forms(words: list[str]) -> list[tuple[str, str]]:
    """The (case, number) pairs in which the adjectives `words[:-1]` agree with the noun `words[-1]`."""
    options = noun_forms(words[-1])
    for word in words[:-1]:
        allowed = {(case_of(p), p.tag.number) for p in parses(word) if p.tag.POS in ADJECTIVES}
        options = [o for o in options if o in allowed]
    return options


def phrase_case(words: list[str]) -> tuple[str, str] | None:
    """The most likely (case, number) of adjectives+noun `words`; None when that is the nominative."""
    options = agreeing_forms(words) or noun_forms(words[-1])
    return options[0] if options and options[0][0] != "nomn" else None


def to_nominative(word: str, case: str, number: str, gender: str | None = None) -> str:
    found = [p for p in parses(word) if case_of(p) == case and p.tag.number == number]
    found = [p for p in found if p.tag.gender in (gender, None)] or found
    return inflect_parse(found[0], {"nomn", number}, word) if found else word


def noun_gender(word: str, case: str, number: str) -> str | None:
    found = [
        p.tag.gender
        for p in parses(word)
        if p.tag.POS == "NOUN" and (case_of(p), p.tag.number) == (case, number)
    ]
    return found[0] if found and number == "sing" else None


def nominative_replacements(tokens: list[Token], first: int, head: int) -> dict[int, str]:
    """Replacements putting the adjectives tokens[first:head] and the noun tokens[head] in the nominative."""
    words = [t.text for t in tokens[first : head + 1]]
    agreement = phrase_case(words)
    if agreement is None:
        return {}
    gender = noun_gender(words[-1], *agreement)
    return {first + i: to_nominative(w, *agreement, gender) for i, w in enumerate(words)}


def bare_region_case(token: Token) -> str | None:
    found = {case_of(p) for p in parses(token.text) if p.tag.POS == "NOUN" and p.tag.number == "sing"}
    return next((case for case in BARE_REGION_CASES if case in found), None)


def region_head(region: Region) -> str | None:
    return next((lemma(w) for w in region.name.split() if lemma(w) in REGION_NOUNS), None)


def is_bare_region_word(tokens: list[Token], index: int, head: str) -> bool:
    """«края» in «Общественная палата края»: the region's noun with no name before or after it."""
    token, before = tokens[index], tokens[index - 1] if index else None
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    if token.kind != "word" or token.lemma != head or (before and is_adjective(before)):
        return False
    return not (after and after.kind in ("word", "abbr") and after.capitalised)


def region_replacements(tokens: list[Token], region: Region | None) -> dict[int, str]:
    head = region_head(region) if region else None
    if head is None:
        return {}
    found = {i: bare_region_case(t) for i, t in enumerate(tokens) if is_bare_region_word(tokens, i, head)}
    return {i: region_to_case(region.name, case) for i, case in found.items() if case in CASES}


def fill_region(text: str, region: Region | None) -> str:
    """«Общественная палата края» → «Общественная палата Хабаровского края» for the plan's own region.

    Quoted names are filled inside and given «guillemets».
    """
    tokens = tokenize(text)
    quotes = {i: f"«{fill_region(t.text[1:-1], region)}»" for i, t in enumerate(tokens) if t.kind == "quote"}
    return rewrite(text, tokens, region_replacements(tokens, region) | quotes)


def phrase_to_nominative(text: str) -> str:
    """«Совета Общественной палаты …» → «Совет Общественной палаты …»: the first noun and the adjectives
    agreeing with it go into the nominative; the genitive that follows is already right."""
    tokens = tokenize(text)
    head = next((i for i, t in enumerate(tokens) if is_noun(t)), None)
    if head is None:
        return text
    first = adjectives_before(tokens, head)
    return rewrite(text, tokens, nominative_replacements(tokens, first, head)) or text


def is_noun(token: Token) -> bool:
    found = parses(token.text) if token.kind == "word" else []
    return bool(found) and found[0].tag.POS == "NOUN"
