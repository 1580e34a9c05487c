"""A cell's text as one clean line: HTML markup stripped (its text kept), list items joined with «; »,
whitespace collapsed. Words, spelling and punctuation stay as written."""

import re

from extractors.markup import has_tags, html_to_lines

BULLET = re.compile(r"^\s*[•\-–—·▪●*\uf0b7\uf0a7]\s+")  # \uf0b7: Word's Symbol-font bullet in PDFs
DASH_BULLET = re.compile(r"^\s*[\-–—]\s+")
SPACE = re.compile(r"\s+")
WRAPPED_HYPHEN = re.compile(r"[А-Яа-яЁёA-Za-z]-$")
CLOSING_PUNCTUATION = tuple(".,;:)»")
# What a blank template puts where text is to go: «___», «…», «-», «/______/».
BLANK = re.compile(r"^[\s_.…\-–—/]*$")


def clean_cell(text: str | None) -> str:
    if not text:
        return ""
    if has_tags(text):
        text = html_to_lines(text)
    return lines_to_text(text.split("\n"))


def lines_to_text(lines: list[str]) -> str:
    """Plain lines join with a space; bullet lines become items, joined with «; » after the intro."""
    intro: list[str] = []
    items: list[str] = []
    lines = [line.strip() for line in lines if line.strip()]
    wrapped_dash = wrapped_dash_line(lines)
    for number, line in enumerate(lines):
        if BULLET.match(line) and number != wrapped_dash:
            items.append(BULLET.sub("", line))
        elif items:
            items[-1] = join_wrapped([items[-1], line])  # a wrapped list item
        else:
            intro.append(line)
    parts = [join_wrapped(intro)] if intro else []
    if items:
        parts.append("; ".join(item.strip().rstrip(";").strip() for item in items))
    return SPACE.sub(" ", " ".join(parts)).strip()


def wrapped_dash_line(lines: list[str]) -> int | None:
    """A lone dash line after text that introduces no list is a line wrapped before a dash («Чувашской
    Республики» / «— Чувашии»), not a one-item list."""
    dashed = [i for i, line in enumerate(lines) if DASH_BULLET.match(line)]
    if len(dashed) != 1 or dashed[0] == 0 or any(BULLET.match(line) for line in lines if not DASH_BULLET.match(line)):
        return None
    return dashed[0] if not lines[dashed[0] - 1].rstrip().endswith((":", ";")) else None


def join_wrapped(lines: list[str]) -> str:
    """Lines join with a space, except after a compound word broken at its hyphen («Экспертно-») and
    before a line that starts with closing punctuation (a narrow «№» cell wraps «1.10» / «.»)."""
    text = lines[0]
    for line in lines[1:]:
        glued = WRAPPED_HYPHEN.search(text) and line[:1].isalpha() or line[:1] in CLOSING_PUNCTUATION
        text += line if glued else " " + line
    return text


def is_blank(text: str) -> bool:
    """Nothing written: empty, or only the underscores, dots and dashes of a form to fill in."""
    return bool(BLANK.match(text))
