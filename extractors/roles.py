"""Which column is which: header cells mapped to roles by synonyms (rules as data, matched on stems)."""

import re

# Role → stems that identify it in a header cell. Checked in this order; the first role whose stem starts
# any word of the cell wins, so «Срок исполнения» is a deadline, not a responsible («исполнител»).
HEADER_SYNONYMS: list[tuple[str, tuple[str, ...]]] = [
    ("number", ("№", "n п/п", "номер", "п/п", "no")),
    ("deadline", ("срок", "дата", "период", "время проведения", "когда")),
    ("responsible", ("ответствен", "исполнител", "кто ", "отв.", "соисполнител", "организатор")),
    ("note", ("примечан", "отметк", "комментар")),
    ("description", ("содержан", "описан", "задач", "цел", "результат", "форма проведения")),
    ("title", ("мероприят", "наименован", "формат мероприят", "вид работ", "направлен", "действ",
               "меропр")),
]
ROLES = [role for role, _ in HEADER_SYNONYMS]
SPACE = re.compile(r"\s+")


def role_of(header_text: str) -> str | None:
    text = " " + SPACE.sub(" ", header_text.lower().replace("ё", "е")).strip() + " "
    if not text.strip():
        return None
    if text.strip() in ("№", "no", "n", "#") or text.strip().startswith("№"):
        return "number"
    if "формат мероприят" in text or "наименование мероприят" in text:
        return "title"
    for role, stems in HEADER_SYNONYMS:
        if any(f" {stem}" in text for stem in stems):
            return role
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
