"""Is this a plan of an election-observation headquarters, or another document with a table of
activities — a school's work plan, a procurement schedule, a government order, a commission's own plan?

A plan is taken only when it has at least one activity and speaks of an election: in its title block, or
in enough of its rows. Anything else is refused with what it is instead, quoted from its heading. The
words are data: extractors/data/plan_subject.json (its `_doc` explains each list).
"""

import re
from functools import lru_cache

from extractors.facts.title import collapse, read_title
from extractors.vocab import load
from schemas import NoPlanTableError, PlanRow

HEADLINE_CHARS = 120
ROW_SHARE: float = load("plan_subject.json")["row_share"]
APPROVAL_LINE = re.compile(r"^\W*(утвержд|согласован|приложение|м\.\s?п\.|«\s*\d|\d{1,2}\s)", re.IGNORECASE)


def word_starts(patterns: list[str]) -> str:
    return r"(?<![А-ЯЁа-яё])(?:" + "|".join(patterns) + ")"


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern]:
    rules = load("plan_subject.json")
    abbreviations = word_starts(rules["abbreviations"]) + r"(?![А-ЯЁа-яё])"  # in capitals, as written
    return {
        "election": re.compile(f"(?i:{word_starts(rules['election'])})|{abbreviations}"),
        "observation": re.compile(word_starts(rules["observation"]), re.IGNORECASE),
        "observation_title": re.compile(word_starts(rules["observation_title"]), re.IGNORECASE),
        "other_bodies": re.compile(word_starts(rules["other_bodies"]), re.IGNORECASE),
        "chamber": re.compile(word_starts(rules["chamber"]), re.IGNORECASE),
        "heading": re.compile(word_starts(rules["document_kinds"]) + r"(?![а-яё])", re.IGNORECASE),
    }


def row_text(row: PlanRow) -> str:
    return " ".join(filter(None, [row.section, row.title, row.description, row.deadline_raw, row.responsible_raw]))


def speaks_of_election(header_text: str, rows: list[PlanRow], loose_text: str) -> bool:
    """The title block names the election; or it names observation, or an election word occurs somewhere,
    and enough rows speak of the election or of observing it."""
    found = patterns()
    if found["election"].search(header_text):
        return True
    texts = [row_text(row) for row in rows]
    speaking = [t for t in texts if found["election"].search(t) or found["observation"].search(t)]
    if len(speaking) < 2 or len(speaking) < ROW_SHARE * len(texts):
        return False
    return bool(found["observation_title"].search(header_text)) or any(
        found["election"].search(t) for t in [*texts, loose_text])


def other_body_title(title: str | None) -> bool:
    """«План работы участковой избирательной комиссии …»: a commission's plan, not the chamber's."""
    found = patterns()
    return bool(title and found["other_bodies"].search(title) and not found["chamber"].search(title))


def headline(header_text: str) -> str | None:
    """What the document calls itself: its plan title, else the first heading line (a document kind such
    as «Положение», «Распоряжение», «Реестр» or a line in capitals) with the lines that continue it."""
    title = read_title(header_text)
    if title:
        return shorten(title)
    lines = [line.strip() for line in header_text.splitlines() if line.strip()]
    for i, line in enumerate(lines):
        if APPROVAL_LINE.match(line) or not mostly_cyrillic(line):
            continue  # an approval stamp, or a text layer of OCR garbage («I I O C T A H O B …»)
        if patterns()["heading"].match(line) or is_capitals(line):
            taken = [line] + [nxt for nxt in lines[i + 1:i + 3] if nxt[:1].islower()]
            return shorten(collapse(" ".join(taken)))
    return None


def mostly_cyrillic(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return sum("а" <= c.lower() <= "я" or c in "ёЁ" for c in letters) >= 0.5 * len(letters)


def is_capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 5 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def shorten(text: str) -> str:
    return text if len(text) <= HEADLINE_CHARS else text[:HEADLINE_CHARS].rsplit(" ", 1)[0] + "…"


def what_it_is(header_text: str, rows: list[PlanRow]) -> str:
    """The words after «похоже, это не план …, а …»."""
    if name := headline(header_text):
        return f"документ «{name}»"
    return f"таблица из {len(rows)} строк, первая — «{shorten(rows[0].title)}»"


def check_observation_plan(rows: list[PlanRow], header_text: str, loose_text: str) -> None:
    """Raises NoPlanTableError unless the rows are the activities of an election-observation plan."""
    if not rows:
        raise NoPlanTableError("plan.empty")
    title = read_title(header_text)
    if other_body_title(title):
        raise NoPlanTableError("plan.other_body_plan", title=shorten(title))
    if not speaks_of_election(header_text, rows, loose_text):
        raise NoPlanTableError("plan.not_observation_plan", found=what_it_is(header_text, rows))
