"""Complete dates in a plan's title block: a day, a month written as a word in any case and a year
(«05 февраля 2021 года», «“20” ноября 2023 г.»), or «dd.mm.yyyy». Month words come from the one month
vocabulary (`extractors/data/months.json`)."""

import re
from datetime import date

from extractors.vocab import MONTHS

# Longest words first, so «сентября» is not read as «сент» + «ября»; a month word ends at a non-letter.
MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")(?![а-яё])"
DATES = [
    re.compile(rf"[«\"“]?(?P<d>\d{{1,2}})[»\"”]?\s+(?P<m>{MONTH})\.?\s+(?P<y>\d{{4}})", re.IGNORECASE),
    re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b"),
]


def month_number(text: str) -> int:
    return int(text) if text.isdigit() else MONTHS[text.lower()]


def to_date(day: str, month: str, year: str) -> date | None:
    try:
        return date(int(year), month_number(month), int(day))
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """(start, end, date) of every complete date in the text, in reading order."""
    found = [
        (m.start(), m.end(), to_date(m["d"], m["m"], m["y"]))
        for pattern in DATES
        for m in pattern.finditer(text)
    ]
    return sorted(item for item in found if item[2])
