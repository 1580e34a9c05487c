"""A ruled cell's text, mended where the PDF writer broke a word without a hyphen.

A word wider than its column is broken wherever the line is full, with no hyphen («территориальны» / «е»).
Only a line holding one word can end that way, and only when not even the next line's first letter would
have fitted. Geometry alone cannot tell that from a one-word line followed by the next word («Общественного»
/ «штаба» ends the same way), so the two pieces are joined only when together they make a word the
dictionary knows («территориальные», not «Общественногоштаба»).
"""

import re

SINGLE_WORD_THEN_LOWER = re.compile(r"(?m)^[А-Яа-яЁё]*[а-яё]\n[а-яё]")
LINE_TOLERANCE = 3.0  # points: characters whose tops differ less are on one line


def mend_broken_words(text: str | None, box: tuple | None, page) -> str | None:
    if not text or box is None or not SINGLE_WORD_THEN_LOWER.search(text):
        return text
    lines = chars_to_lines([c for c in page.chars if inside(c, box)])
    parts = text.split("\n")
    if len(lines) != len(parts):
        return text
    left_padding = min(line[0]["x0"] for line in lines) - box[0]
    usable_right = box[2] - left_padding
    mended = parts[0]
    for i in range(1, len(parts)):
        previous, line = lines[i - 1], lines[i]
        overflows = previous[-1]["x1"] + (line[0]["x1"] - line[0]["x0"]) > usable_right
        joins = overflows and " " not in parts[i - 1].strip() and parts[i - 1][-1:].islower() and \
            parts[i][:1].islower() and is_known_word(parts[i - 1].strip() + parts[i].split(" ")[0])
        mended += ("" if joins else "\n") + parts[i]
    return mended


def inside(char: dict, box: tuple) -> bool:
    x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def chars_to_lines(chars: list[dict]) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if char["text"].isspace():
            continue
        if lines and abs(lines[-1][0]["top"] - char["top"]) <= LINE_TOLERANCE:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [sorted(line, key=lambda c: c["x0"]) for line in lines]


def is_known_word(word: str) -> bool:
    from extractors.entities.models import morph_vocab  # natasha loads only when a candidate is found

    return morph_vocab().word_is_known(word.lower().strip(",.;:»)"))
