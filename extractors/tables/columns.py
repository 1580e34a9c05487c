"""Which column is which: header cells mapped to roles by synonyms (rules as data, matched on stems).

`COLUMNS` is the one table of header words. The list-plan labels («Срок: …», «Ответственный: …») and
the title reader (a PDF header row read as a line ends the title) ask this module, not a copy of it.
"""

import re
from typing import NamedTuple


class Column(NamedTuple):
    role: str
    stems: tuple[str, ...]  # any word of the header cell starting with one of these names the role
    core: tuple[str, ...]  # the words a header row of this column is almost always made of


# Checked in this order; the first role whose stem starts any word of the cell wins, so «Срок исполнения»
# is a deadline, not a responsible («исполнител»).
COLUMNS = [
    Column("number", ("№", "n п/п", "номер", "п/п", "no"), ("п/п",)),
    Column("deadline", ("срок", "дата", "период", "время проведения", "когда"), ("срок",)),
    Column("responsible", ("ответствен", "исполнител", "кто ", "отв.", "соисполнител", "организатор"),
           ("ответствен", "исполнител")),
    Column("note", ("примечан", "отметк", "комментар"), ("примечани",)),
    Column("description", ("содержан", "описан", "задач", "цел", "результат", "форма проведения"),
           ("содержани",)),
    Column("title", ("мероприят", "наименован", "формат мероприят", "вид работ", "направлен", "действ",
                     "меропр"), ("мероприяти",)),
]
# A role read from several sub-columns of a two-level header joins their cells with these («01.03.2021 –
# 15.06.2021» from «начало» / «окончание», «Иванов И.И., председатель комиссии» from «ФИО» / «должность»).
SUBCOLUMN_JOINERS = {"deadline": " – ", "responsible": ", "}
TITLE_PHRASES = ("формат мероприят", "наименование мероприят")  # before «срок»/«цел» can claim them
SPACE = re.compile(r"\s+")


def role_of(header_text: str) -> str | None:
    text = " " + SPACE.sub(" ", header_text.lower().replace("ё", "е")).strip() + " "
    if not text.strip():
        return None
    if text.strip() in ("№", "no", "n", "#") or text.strip().startswith("№"):
        return "number"
    if any(phrase in text for phrase in TITLE_PHRASES):
        return "title"
    for column in COLUMNS:
        if any(f" {stem}" in text for stem in column.stems):
            return column.role
    return None


def header_roles(texts: list[str]) -> dict[int, str]:
    """Column index → role, each role once (the leftmost column claiming it wins)."""
    roles: dict[int, str] = {}
    for col, text in enumerate(texts):
        role = role_of(text)
        if role and role not in roles.values():
            roles[col] = role
    return roles


def is_plan_header(texts: list[str]) -> bool:
    roles = set(header_roles(texts).values())
    return "title" in roles and bool(roles & {"deadline", "responsible", "description"})


def header_words_in(line: str) -> int:
    """How many columns' core header words a line names («Формат мероприятия Сроки Содержание» → 3)."""
    lowered = line.lower()
    return sum(any(word in lowered for word in column.core) for column in COLUMNS)
