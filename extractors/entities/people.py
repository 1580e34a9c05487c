"""People named in a cell, as «Фамилия И.О.».

Rules find the three forms plans use — «Фамилия И.О.», «И.О. Фамилия» and full names «Фамилия Имя Отчество»
(or «Имя Отчество Фамилия»); pymorphy2 checks that a surname is not an ordinary word («Палата А.С.») and
that a full name has a patronymic. natasha's NER is asked only about a full name whose first name
pymorphy2 does not know. Collectives («члены Общественной палаты», «волонтёры») never match: they have
neither initials nor a patronymic.
"""

import re
from dataclasses import dataclass

from extractors.entities.inflection import inflect_parse, parses
from extractors.entities.models import analyse, lemma, morph_vocab
from extractors.vocab import ORG_PATTERNS

NOT_LETTER_BEFORE = r"(?<![А-Яа-яЁё-])"
NOT_LETTER_AFTER = r"(?![А-Яа-яЁё])"
CAPITALISED = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
SURNAME = r"[А-ЯЁ](?:[а-яё]+|[А-ЯЁ]{3,})(?:-[А-ЯЁ](?:[а-яё]+|[А-ЯЁ]+))?"  # «Белоглазов», «БЕЛОГЛАЗОВ»
INITIALS = r"[А-ЯЁ]\.(?:\s?[А-ЯЁ]\.|\s?[А-ЯЁ](?![А-Яа-яЁё.]))?"
PATTERNS = {
    "surname_initials": re.compile(rf"{NOT_LETTER_BEFORE}(?P<surname>{SURNAME})\s+(?P<initials>{INITIALS})"),
    "initials_surname": re.compile(
        rf"{NOT_LETTER_BEFORE}(?P<initials>{INITIALS})\s?(?P<surname>{SURNAME}){NOT_LETTER_AFTER}"
    ),
    "full_name": re.compile(
        rf"{NOT_LETTER_BEFORE}(?P<w1>{CAPITALISED})\s+(?P<w2>{CAPITALISED})\s+(?P<w3>{CAPITALISED}){NOT_LETTER_AFTER}"
    ),
}
PATRONYMIC_ENDING = re.compile(r"(?:ович|евич|овн|евн|ичн)[а-я]{0,3}$|(?:оглы|кызы)$")
# A word only these can be is not a surname. Short adjectives and participles are left out on purpose:
# pymorphy2 reads many surnames so («Лейно», «Бобрикова», «Хямяляйнен»), and next to initials they are names.
NOT_SURNAME_POS = {"ADJF", "PRTF", "VERB", "INFN", "ADVB", "PREP", "CONJ", "PRCL", "NPRO"}
NOT_SURNAMES = {
    *ORG_PATTERNS["org_heads"], *ORG_PATTERNS["group_heads"], *ORG_PATTERNS["member_heads"],
    *ORG_PATTERNS["role_heads"], *ORG_PATTERNS["region_nouns"], "россия", "федерация", "рф", "город",
}  # fmt: skip


@dataclass(frozen=True)
class PersonMatch:
    name: str
    start: int
    end: int


def find_person_matches(text: str) -> list[PersonMatch]:
    """Every person in `text`, left to right, with the span it was read from."""
    found, position = [], 0
    while candidate := earliest_candidate(text, position):
        person = match_to_person(candidate)
        found += [person] if person else []
        position = person.end if person else candidate.start() + 1
    return found


def earliest_candidate(text: str, position: int) -> re.Match | None:
    """The match that starts first; of two starting together, the longer (a full name over its part)."""
    matches = [m for m in (p.search(text, position) for p in PATTERNS.values()) if m]
    return min(matches, key=lambda m: (m.start(), -m.end()), default=None)


def match_to_person(match: re.Match) -> PersonMatch | None:
    groups = match.groupdict()
    if "w1" in groups:
        name = full_name_to_person(groups["w1"], groups["w2"], groups["w3"])
    else:
        name = initials_to_person(groups["surname"], groups["initials"])
    return PersonMatch(name, match.start(), match.end()) if name else None


def initials_to_person(surname: str, initials: str) -> str | None:
    if surname.isupper():  # «БЕЛОГЛАЗОВ А.С.»: only a known surname, never an abbreviation («КГКУ А.С.»)
        surname = surname.title() if any("Surn" in p.tag for p in parses(surname)) else ""
    if not surname or not looks_like_surname(surname):
        return None
    letters = re.findall(r"[А-ЯЁ]", initials)
    return f"{surname_to_nominative(surname)} {''.join(f'{letter}.' for letter in letters)}"


def looks_like_surname(word: str) -> bool:
    """A capitalised word that may be a surname: a known surname, or no ordinary noun of org vocabulary."""
    forms = morph_vocab().parse(word.lower())
    if any("Surn" in f.tag for f in forms):
        return True
    if lemma(word).replace("ё", "е") in NOT_SURNAMES:
        return False
    return not all(f.tag.POS in NOT_SURNAME_POS for f in forms)


def surname_to_nominative(surname: str, case: str | None = None, gender: str | None = None) -> str:
    """«Белоглазову» → «Белоглазов»; with no case known, a maybe-nominative surname («Гарипова») stays."""
    surnames = [p for p in parses(surname) if "Surn" in p.tag]
    if case is None and any(p.tag.case == "nomn" for p in surnames):
        return surname
    if case is not None:
        surnames = [p for p in surnames if p.tag.case == case and p.tag.gender in (gender, "ms-f")]
    return inflect_parse(surnames[0], {"nomn"}, surname) if surnames else surname


def full_name_to_person(w1: str, w2: str, w3: str) -> str | None:
    """«Иванову Сергею Петровичу» → «Иванов С.П.»; «Алексей Сергеевич Белоглазов» → «Белоглазов А.С.»."""
    if is_patronymic(w3) and is_first_name(w2, f"{w1} {w2} {w3}"):
        surname, first, patronymic = w1, w2, w3
    elif is_patronymic(w2) and is_first_name(w1, f"{w1} {w2} {w3}") and looks_like_surname(w3):
        first, patronymic, surname = w1, w2, w3
    else:
        return None
    case, gender = patronymic_case_gender(patronymic)
    nominative = surname if case in (None, "nomn") else surname_to_nominative(surname, case, gender)
    return f"{nominative} {first[0]}.{patronymic[0]}."


def is_patronymic(word: str) -> bool:
    return any("Patr" in p.tag for p in parses(word)) or bool(PATRONYMIC_ENDING.search(word.lower()))


def is_first_name(word: str, full_name: str) -> bool:
    """pymorphy2 knows it as a first name; otherwise natasha's NER must read `full_name` as a person."""
    if any("Name" in p.tag for p in parses(word)):
        return True
    return any(span.type == "PER" and span.text == full_name for span in analyse(full_name).spans)


def patronymic_case_gender(patronymic: str) -> tuple[str | None, str | None]:
    found = [p for p in parses(patronymic) if "Patr" in p.tag and p.tag.number == "sing"]
    if not found or any(p.tag.case == "nomn" for p in found):
        return None, None
    return found[0].tag.case, found[0].tag.gender
