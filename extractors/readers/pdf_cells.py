"""Words a PDF writer broke without a hyphen, mended.

A word wider than its column is broken wherever the line is full, with no hyphen («территориальны» / «е»,
«по мере необходимост» / «и»). A normal wrap moves a whole word to the next line, so a break inside a word
is told by two things together: the two pieces make a word the dictionary knows, and that word is wider
than the room the column has (it could never have stood whole on one line). «Общественного» / «штаба» is
as wide, but «Общественногоштаба» is no word.
"""

import re

CONTINUES_LOWER = re.compile(r"[а-яё]\n[а-яё]")
LINE_TOLERANCE = 3.0  # points: characters whose tops differ less are on one line
NOMINATIVE_SHARE = 0.2  # «Встречи» is nominative in 0.26 of pymorphy2's weight, «Республики» in 0.03
PROPER = {"Geox", "Name", "Surn", "Patr"}


def is_broken_word(last: str, last_width: float, first: str, first_width: float, room: float) -> bool:
    """Whether `last` (ending a line) and `first` (starting the next) are one word broken in two."""
    first = first.rstrip(",.;:)»")
    if not (last[-1:].islower() and last[-1:].isalpha() and first[:1].islower() and first.isalpha()):
        return False
    return last_width + first_width > room and is_known_word(last.lstrip("(«\"") + first)


def is_known_word(word: str) -> bool:
    from extractors.entities.models import morph_vocab  # natasha loads only when a candidate is found

    return morph_vocab().word_is_known(word.lower())


def may_begin_a_title(word: str) -> bool:
    """A title starts with a noun or adjective in the nominative («Организация», «Круглый стол»); a
    line that continues one starts in another case («Общественной палаты», «Республики Алтай»)."""
    from extractors.entities.models import morph_vocab  # natasha loads only when a candidate is found

    parses = morph_vocab().parse(word.lower().strip("«\"(,."))
    naming = sum(p.score for p in parses if p.tag.POS in ("NOUN", "ADJF") and p.tag.case in ("nomn", "accs")
                 and not PROPER & set(str(p.tag).replace(" ", ",").split(",")))
    return naming >= NOMINATIVE_SHARE


def mend_broken_words(text: str | None, box: tuple | None, page) -> str | None:
    """A ruled cell's text with its broken words joined back; the cell's box gives the room. The page's
    characters are looked at only for a joint whose pieces make a known word (most wraps make none)."""
    if not text or box is None or not CONTINUES_LOWER.search(text):
        return text
    parts = text.split("\n")
    joints = [i for i in range(1, len(parts)) if parts[i - 1] and parts[i]
              and is_word_pair(parts[i - 1].split(" ")[-1], parts[i].split(" ")[0])]
    if not joints:
        return text
    lines = chars_to_lines([c for c in page.chars if inside(c, box)])
    if len(lines) != len(parts):
        return text
    padding = min(line[0]["x0"] for line in lines) - box[0]
    room = box[2] - box[0] - 2 * padding
    mended = parts[0]
    for i in range(1, len(parts)):
        last, first = parts[i - 1].split(" ")[-1], parts[i].split(" ")[0]
        joins = i in joints and is_broken_word(last, width(lines[i - 1][-len(last):]), first,
                                               width(lines[i][:len(first)]), room)
        mended += ("" if joins else "\n") + parts[i]
    return mended


def is_word_pair(last: str, first: str) -> bool:
    """Two pieces that together make a known word (the cheap half of `is_broken_word`)."""
    first = first.rstrip(",.;:)»")
    return last[-1:].islower() and first[:1].islower() and is_known_word(last.lstrip("(«\"") + first)


def width(chars: list[dict]) -> float:
    return chars[-1]["x1"] - chars[0]["x0"] if chars else 0.0


def inside(char: dict, box: tuple) -> bool:
    x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def chars_to_lines(chars: list[dict]) -> list[list[dict]]:
    """The cell's characters line by line, spaces left out (a word is then its run of characters)."""
    lines: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if char["text"].isspace():
            continue
        if lines and abs(lines[-1][0]["top"] - char["top"]) <= LINE_TOLERANCE:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [sorted(line, key=lambda c: c["x0"]) for line in lines]
