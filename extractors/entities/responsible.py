"""Responsible bodies, groups and people of a responsible cell; partners mentioned in an activity's text.

`read_responsible` reads one «Ответственный» cell into a `ResponsibleParty`: people first (extractors.entities.people),
posts with nobody named in them («Председатель Общественной палаты») as roles,
then what is left cut into phrases (extractors.entities.responsible_phrases), each phrase named in the nominative with the
plan's own region filled in («Общественная палата края» → «Общественная палата Хабаровского края») and its
abbreviations spelled out. Only the leading noun phrase is put into the nominative; its genitive complement
stays as written («пресс-службой Общественной палаты» → «пресс-служба Общественной палаты»).
`find_mentioned_organisations` lives in extractors.entities.mentions.
"""

import re

from extractors.entities.mentions import find_mentioned_organisations
from extractors.entities.noun_phrases import adjectives_before, fill_region, nominative_replacements, rewrite
from extractors.entities.people import find_person_matches
from extractors.entities.responsible_phrases import CellPhrase, cell_to_phrases
from extractors.vocab import ABBREVIATIONS
from schemas import Organisation, Region, ResponsibleParty

__all__ = ["find_mentioned_organisations", "read_responsible"]

ABBREVIATION = re.compile(
    r"(?<![А-Яа-яЁёA-Za-z])(" + "|".join(sorted(map(re.escape, ABBREVIATIONS), key=len, reverse=True)) + r")"
    r"(?![А-Яа-яЁёA-Za-z])"
)
STRIP = " ,;:.–—-"
WORDLIKE = {"word", "abbr", "quote"}


def read_responsible(raw: str, region: Region | None) -> ResponsibleParty:
    """«Белоглазов А.С. КГКУ "Аппарат Общественной палаты края"» → a person and an organisation."""
    matches = find_person_matches(raw)
    phrases = cell_to_phrases(without_spans(raw, [(m.start, m.end) for m in matches]))
    return ResponsibleParty(
        persons=unique([m.name for m in matches]),
        orgs=unique_orgs([phrase_to_org(p, region) for p in phrases if p.kind == "org"]),
        groups=unique([phrase_name(p, region) for p in phrases if p.kind == "group"]),
        # a post beside a named person is that person's; a post with nobody named is who answers
        roles=[] if matches else unique([phrase_name(p, region) for p in phrases if p.kind == "role"]),
    )


def without_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span replaced by a separator, so what stood on either side is not joined."""
    for start, end in sorted(spans, reverse=True):
        text = f"{text[:start]};{text[end:]}"
    return text


def phrase_to_org(phrase: CellPhrase, region: Region | None) -> Organisation:
    name = phrase_name(phrase, region)
    expanded = expand_abbreviations(name)
    return Organisation(
        raw=phrase.text.strip(STRIP), name=name, expanded=expanded if expanded != name else None
    )


def phrase_name(phrase: CellPhrase, region: Region | None) -> str:
    """The phrase with its head (and the adjectives before it) in the nominative and the region filled in.

    Only a head that leads the phrase is inflected: a head-word found further on belongs to a genitive
    complement («… Общественной палаты»), which stays as written.
    """
    tokens, replacements = list(phrase.tokens), {}
    first = adjectives_before(tokens, phrase.head) if phrase.head is not None else None
    if first is not None and not any(t.kind in WORDLIKE for t in tokens[:first]):
        replacements = nominative_replacements(tokens, first, phrase.head)
    return fill_region(rewrite(phrase.text, tokens, replacements), region)


def expand_abbreviations(text: str) -> str:
    """«КГКУ «Аппарат …»» → «Краевое государственное казённое учреждение «Аппарат …»»."""
    return ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group(1)], text)


def unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def unique_orgs(orgs: list[Organisation]) -> list[Organisation]:
    first_by_name: dict[str, Organisation] = {}
    for org in orgs:
        first_by_name.setdefault(org.name, org)
    return list(first_by_name.values())
