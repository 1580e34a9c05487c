"""The election a plan is for, as its title block names it, and the voting days it states.

Voting days are read only from a stated span («голосование 17–19 сентября 2021 года») or an explicitly
single-day vote: a lone «единый день голосования 19 сентября» is left to the calendar
(extractors/deadlines/voting_days.py decides which days a plan's deadlines count from)."""

import re
from datetime import date

from extractors.facts.dates import MONTH, to_date

VOTING_SPANS = [
    re.compile(
        rf"(?P<d1>\d{{1,2}})\s*(?:[-–—]|по)\s*(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTH})\s+(?P<y>\d{{4}})",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?P<d1>\d{{1,2}})\s+(?P<m1>{MONTH})\s*(?:[-–—]|по)\s*(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTH})\s+"
        rf"(?P<y>\d{{4}})",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<d1>\d{1,2})\.(?P<m1>\d{1,2})\.?(?:\d{4})?\s*[-–—]\s*(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\."
        r"(?P<y>\d{4})"
    ),
]
SINGLE_DAY_VOTING = re.compile(
    rf"(?:в\s+один\s+день|однодневн[а-яё]*\s+голосовани[а-яё]*)\D{{0,40}}?"
    rf"(?P<d>\d{{1,2}})\s+(?P<m>{MONTH})\s+(?P<y>\d{{4}})",
    re.IGNORECASE,
)
# «голосование»/«выборы» earlier in the same sentence as the span
VOTING_CONTEXT = re.compile(r"(?:голосовани|выбор)[^.;!?]*$", re.IGNORECASE)
VOTING_CONTEXT_CHARS = 160
MAX_VOTING_DAYS = 7

ELECTION = re.compile(
    r"\b(?i:выбор(?:ы|ов|ах|ам|ами))\s+(?P<tail>(?:(?i:депутат|президент|губернатор|глав|мэр|член)"
    r"|в\s+(?i:органы\s)?[А-ЯЁ])[^,;:.()«»\"]*)"
)
ELECTION_ON_DAY = re.compile(
    rf"\bвыбор[а-яё]*\s+(?P<tail>в\s+единый\s+день\s+голосования\s+\d{{1,2}}\s+{MONTH}\s+"
    r"\d{4}(?:\s+года|\s+г\.)?)",
    re.IGNORECASE,
)
ELECTION_END = re.compile(
    r"\s+(?:\d|на\s+\d|в\s+\d|в\s+период|в\s+единый|при\s|по\s+наблюдени|голосовани"
    r"|и\s+(?!выбор|депутат|губернатор|глав|президент)"
    r"|(?:общественн|избирательн)[а-яё]*\s+(?:палат|штаб|комисси))",
    re.IGNORECASE,
)
ELECTION_YEAR = re.compile(r"(?:голосовани|выбор)[а-яё]*[^.;]{0,150}?\b(20\d\d)\b", re.IGNORECASE)


def read_election(text: str) -> str | None:
    tails = [tail_until_end(match["tail"]) for match in ELECTION.finditer(text)]
    tails = [tail for tail in tails if tail] or [match["tail"] for match in ELECTION_ON_DAY.finditer(text)]
    return "; ".join(dict.fromkeys(f"выборы {tail}" for tail in tails)) or None


def tail_until_end(tail: str) -> str:
    end = ELECTION_END.search(tail)
    return (tail[: end.start()] if end else tail).strip()


def span_to_dates(match: re.Match) -> tuple[date, date] | None:
    first_month = match.groupdict().get("m1") or match["m2"]
    end = to_date(match["d2"], match["m2"], match["y"])
    start = to_date(match["d1"], first_month, match["y"])
    if start and end and start > end:
        start = to_date(match["d1"], first_month, str(int(match["y"]) - 1))
    if not (start and end and 0 <= (end - start).days < MAX_VOTING_DAYS):
        return None
    return start, end


def read_voting_days(text: str) -> tuple[date | None, date | None]:
    """The voting days the text states: a short span next to «голосование»/«выборы», or one explicit day."""
    matches = sorted(
        (
            match
            for pattern in VOTING_SPANS
            for match in pattern.finditer(text)
            if VOTING_CONTEXT.search(text, max(0, match.start() - VOTING_CONTEXT_CHARS), match.start())
        ),
        key=lambda match: match.start(),
    )
    spans = [span for span in map(span_to_dates, matches) if span]
    if spans:
        return spans[0]
    single = SINGLE_DAY_VOTING.search(text)
    day = to_date(single["d"], single["m"], single["y"]) if single else None
    return day, day


def election_year(text: str, voting_start: date | None) -> int | None:
    if voting_start:
        return voting_start.year
    match = ELECTION_YEAR.search(text)
    return int(match[1]) if match else None
