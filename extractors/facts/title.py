"""The plan's title: the heading line(s) from «ПЛАН …»/«Мероприятия …» up to the approval mark or the table."""

import re

from extractors.tables.columns import header_words_in

# «План …», «Мероприятия …», and with the adjectives plans are given: «Примерный план», «Комплексный план»,
# «Основные мероприятия», «Совместный план» …
TITLE_START = re.compile(r"^[\W_]*(?:(?:примерн|комплексн|един|сводн|совместн|основн|перспективн|рабоч|"
                         r"календарн)[а-яё]{2,3}\s+)?(?:план|мероприятия)(?![а-яё])", re.IGNORECASE)
# A title ends at the approval mark, a signature, a list item («1. …»), a tab-separated row, or a line naming
# two or more table columns (a PDF's header row read as a line: «Формат мероприятия Сроки Содержание»).
TITLE_END = re.compile(
    r"^\W*(?:утвержд|приложение|руководитель|председатель|единый\s+день|№|\d{1,3}[.)]\s)|\t", re.IGNORECASE
)
MAX_TITLE_LINES = 6
MARKUP = re.compile(r"\*+|^#+\s*", re.MULTILINE)
SPACE = re.compile(r"\s+")


def collapse(text: str) -> str:
    """One line: Markdown emphasis and heading marks dropped, whitespace collapsed."""
    return SPACE.sub(" ", MARKUP.sub("", text)).strip()


def ends_title(line: str) -> bool:
    return bool(TITLE_END.search(line)) or header_words_in(line) >= 2


def read_title(header_text: str) -> str | None:
    lines = [MARKUP.sub("", line) for line in header_text.splitlines()]
    start = next((i for i, line in enumerate(lines) if TITLE_START.match(line) and "\t" not in line), None)
    if start is None:
        return None
    taken: list[str] = []
    for line in lines[start:]:
        if (taken and ends_title(line)) or len(taken) == MAX_TITLE_LINES:
            break
        taken += [line] if line.strip() else []
    return collapse(" ".join(taken))
