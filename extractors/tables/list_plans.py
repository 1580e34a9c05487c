"""Plans written as a numbered list rather than a table:

    1. Проведение заседаний общественного штаба
    Срок: ежемесячно
    Ответственный: Петрова Т.Н.

Each item becomes a row of a synthetic table with the columns the labels name.
"""

import re

from extractors.tables.columns import role_of
from schemas import Cell, DocumentContent, RawRow, RawTable

ITEM = re.compile(r"^\s*(\d{1,3})[.)]\s+(\S.*)$")
# A label line: one or two header words, then «:» or a dash («Срок исполнения: …», «Ответственный – …»).
LABEL_LINE = re.compile(r"^\s*(?P<label>[А-Яа-яЁё]+(?:\s+[А-Яа-яЁё]+)?)\s*[:\-–—]\s*(?P<value>.*)$")
# The list's columns, by the role their label names (extractors.tables.columns), and their header text.
LABELLED_ROLES = {"deadline": "Срок", "responsible": "Ответственный", "note": "Примечание"}
CLOSING_LINE = re.compile(r"^\s*(Приложение|Примечание|Руководитель|Председатель|Секретарь|Исп\.|\*)", re.IGNORECASE)
HEADER = ["№", "Мероприятие", *LABELLED_ROLES.values()]


def paragraphs_to_list_table(content: DocumentContent) -> tuple[RawTable, int] | None:
    """The list as a table, and the position of its first item; None when there is no labelled list."""
    items: list[dict[str, str]] = []
    first_position = None
    field = None
    last_position = -2
    for paragraph in content.paragraphs:
        if match := ITEM.match(paragraph.text):
            items.append({"№": match.group(1) + ".", "Мероприятие": match.group(2).strip()})
            first_position = paragraph.position if first_position is None else first_position
            field = "Мероприятие"
        elif items and (labelled := label_of(paragraph.text)):
            field, value = labelled
            items[-1][field] = value
        elif items and field and continues_item(paragraph, last_position):
            items[-1][field] = f"{items[-1].get(field, '')}\n{paragraph.text}".strip()
        else:
            field = None  # a blank line or a signature ends the item
        last_position = paragraph.position
    labelled_items = [item for item in items if "Срок" in item or "Ответственный" in item]
    if len(labelled_items) < max(2, len(items) // 2):
        return None
    return items_to_table(items), first_position


def continues_item(paragraph, last_position: int) -> bool:
    """A wrapped line follows its item directly; a blank line or a signature line ends the item."""
    return paragraph.position == last_position + 1 and not looks_like_closing_line(paragraph.text)


def looks_like_closing_line(text: str) -> bool:
    """A signature, note or attachment line after the plan, not a wrapped line of it."""
    return bool(CLOSING_LINE.match(text))


def label_of(text: str) -> tuple[str, str] | None:
    """(the list's column, the value) of a label line; None for any other line."""
    match = LABEL_LINE.match(text)
    role = role_of(match["label"]) if match else None
    return (LABELLED_ROLES[role], match["value"].strip()) if role in LABELLED_ROLES else None


def items_to_table(items: list[dict[str, str]]) -> RawTable:
    rows = [RawRow(index=1, is_header=True, cells=[Cell(text=h, col=c) for c, h in enumerate(HEADER)])]
    for i, item in enumerate(items, 2):
        cells = [Cell(text=item.get(h, ""), col=c) for c, h in enumerate(HEADER)]
        rows.append(RawRow(index=i, cells=cells))
    return RawTable(index=1, n_cols=len(HEADER), rows=rows, bordered=False)
