"""A responsible cell without its people, cut into phrases, each told apart as an org, a group or a role.

Cells run bodies together without punctuation («Общественная палата края КГКУ "Аппарат …"»,
«Общественный штаб … Общественная палата края»), so a phrase also ends where a new one visibly starts:
a legal form (КГКУ, АНО), or a capitalised nominative noun phrase headed by an org or group word — unless
it can be the genitive of a body the word before belongs to («региональное отделение Ассоциации «НОМ»»).
"""

import re
from dataclasses import dataclass

from extractors.entities.inflection import parses
from extractors.entities.noun_phrases import adjectives_before, agreeing_forms
from extractors.entities.tokens import Token, tokenize
from extractors.markup import strip_tags
from extractors.vocab import ORG_PATTERNS

LEGAL_FORMS = set(ORG_PATTERNS["legal_forms"])
ORG_ABBREVIATIONS = set(ORG_PATTERNS["org_abbreviations"])
HEADS = {
    **{w: "role" for w in ORG_PATTERNS["role_heads"]},
    **{w: "member" for w in ORG_PATTERNS["member_heads"]},
    **{w: "group" for w in ORG_PATTERNS["group_heads"]},
    **{w: "org" for w in ORG_PATTERNS["org_heads"]},
}
PREPOSITIONS = set(ORG_PATTERNS["prepositions"])
COMPLEMENT_HEADS = set(ORG_PATTERNS["complement_heads"])
DROP = re.compile("|".join(ORG_PATTERNS["drop_patterns"]), re.IGNORECASE)
JOINERS = re.compile("|".join(ORG_PATTERNS["joiners"]), re.IGNORECASE)
SEPARATORS = {",", ";", "\n"}
MAX_ADJECTIVES = 3


@dataclass(frozen=True)
class CellPhrase:
    kind: str  # "org", "group" or "role"
    text: str  # as written
    tokens: tuple[Token, ...]  # offsets into `text`
    head: int | None  # index in tokens of the word that decided the kind


def cell_to_phrases(text: str) -> list[CellPhrase]:
    """«Общественная палата края Рабочая группа …» → [org «Общественная палата края», group «Рабочая …»]."""
    cleaned = JOINERS.sub(";", DROP.sub(" ", strip_tags(text)))
    tokens = tokenize(cleaned)
    return [phrase for run in split_runs(tokens) if (phrase := run_to_phrase(cleaned, run))]


def split_runs(tokens: list[Token]) -> list[list[Token]]:
    runs, current = [], []
    for index, token in enumerate(tokens):
        if token.text in SEPARATORS or (token.text == "и" and starts_phrase(tokens, index + 1, True)):
            runs, current = runs + [current], []
        elif current and starts_phrase(tokens, index, False) and not continues_phrase(tokens, index):
            runs, current = runs + [current], [token]
        else:
            current.append(token)
    return [run for run in runs + [current] if run]


def starts_phrase(tokens: list[Token], index: int, lowercase_ok: bool) -> bool:
    """A legal form, or a (capitalised) nominative «adjectives + org/group noun» begins at `index`."""
    if index >= len(tokens):
        return False
    first = tokens[index]
    if first.kind == "abbr":
        return first.text in LEGAL_FORMS or (lowercase_ok and first.text in ORG_ABBREVIATIONS)
    if first.kind != "word" or not (lowercase_ok or first.capitalised):
        return False
    return any(case == "nomn" for case, _ in head_phrase_forms(tokens, index))


def continues_phrase(tokens: list[Token], index: int) -> bool:
    """After a preposition, or the genitive of what the body or the post before belongs to («отделение
    Ассоциации», «координатор Ассоциации «НОМ»»)."""
    before = tokens[index - 1]
    if before.text.lower() in PREPOSITIONS:
        return True
    belongs = before.lemma in COMPLEMENT_HEADS or HEADS.get(before.lemma) == "role"
    return belongs and any(c == "gent" for c, _ in head_phrase_forms(tokens, index))


def head_phrase_forms(tokens: list[Token], index: int) -> list[tuple[str, str]]:
    """The (case, number) pairs of «adjectives + org/group noun» beginning at `index`; [] if none begins there."""
    head = next(
        (i for i in range(index, min(index + MAX_ADJECTIVES + 1, len(tokens))) if is_head(tokens[i])), None
    )
    if head is None or adjectives_before(tokens, head, index) != index:
        return []
    return agreeing_forms([t.text for t in tokens[index : head + 1]])


def is_head(token: Token) -> bool:
    return token.kind == "word" and token.lemma in HEADS


def run_to_phrase(text: str, run: list[Token]) -> CellPhrase | None:
    run = trim_brackets(run)
    if not any(t.kind == "abbr" or (t.kind in ("word", "quote") and len(t.text) > 2) for t in run):
        return None
    base = run[0].start
    tokens = tuple(t.shifted(base) for t in run)
    kind, head = phrase_kind(run)
    return CellPhrase(kind, text[base : run[-1].end], tokens, head)


def trim_brackets(run: list[Token]) -> list[Token]:
    """Without punctuation at either end, nor a bracket left open or closed by a removed person."""
    texts = [t.text for t in run]
    keep = [t.kind in ("word", "abbr", "quote") or t.text in "()" for t in run]
    start = next((i for i, k in enumerate(keep) if k), len(run))
    end = len(run) - next((i for i, k in enumerate(reversed(keep)) if k), len(run))
    while start < end and (texts[start] == ")" or (texts[start] == "(" and ")" not in texts[start:end])):
        start += 1
    while end > start and (texts[end - 1] == "(" or (texts[end - 1] == ")" and "(" not in texts[start:end])):
        end -= 1
    return run[start:end]


def phrase_kind(run: list[Token]) -> tuple[str, int | None]:
    """The first head-word decides; a legal form or a capitalised unknown is an org, the rest a group."""
    if run[0].kind == "abbr" and run[0].text in LEGAL_FORMS:
        return "org", None
    for index, token in enumerate(run):
        if token.kind == "abbr" and token.text in ORG_ABBREVIATIONS:
            return "org", None
        if is_head(token):
            return head_kind(token), index
    return ("org" if any(t.capitalised for t in run) else "group"), None


def head_kind(token: Token) -> str:
    kind = HEADS[token.lemma]
    if kind != "member":
        return kind
    plural = any(p.tag.number == "plur" for p in parses(token.text) if p.tag.POS == "NOUN")
    return "group" if plural else "role"
