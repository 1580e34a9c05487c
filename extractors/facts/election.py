"""The election a plan is for, as its title block names it, the voting days it states, the day it was
called for and the day it was called.

Voting days are read from a stated span («голосование 17–19 сентября 2021 года», «дни голосования – 18, 19
и 20 сентября 2026 года»; without a year only right after «голосование», taking the year of its sentence or
the plan's) or an explicitly single-day vote. A lone «единый день голосования 19 сентября 2021 года» or
«выборы, назначенные на 19 сентября 2021 года» is the day the election was called for, which the calendar
widens to its voting days (extractors/deadlines/voting_days.py decides which days a plan counts from)."""

import re
from datetime import date

from extractors.facts.dates import MONTH, find_dates, to_date

YEAR = r"(?:\s+(?P<y>\d{4}))"
VOTING_SPANS = [
    re.compile(rf"(?P<d1>\d{{1,2}})\s*(?:[-–—]|по)\s*(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTH}){YEAR}?", re.IGNORECASE),
    re.compile(
        rf"(?P<d1>\d{{1,2}})\s+(?P<m1>{MONTH})\s*(?:[-–—]|по)\s*(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTH}){YEAR}?",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<d1>\d{1,2})\.(?P<m1>\d{1,2})\.?(?:\d{4})?\s*[-–—]\s*(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\."
        r"(?P<y>\d{4})"
    ),
    # «18, 19 и 20 сентября 2026 года»: consecutive days of one month
    re.compile(rf"(?P<days>\d{{1,2}}(?:\s*(?:,|и)\s*\d{{1,2}})+)\s+(?P<m2>{MONTH}){YEAR}?", re.IGNORECASE),
]
# A span without its year counts only right after «голосование (пройдёт)» or «дни голосования».
RIGHT_AFTER_VOTING = re.compile(
    r"(?:голосовани[а-яё]*|дн[иея]\s+голосования)(?:\s+(?:пройд[её]т|будет\s+проходить|проводится|проходит"
    r"|состоится|назначено\s+на))?\s*[:–—-]?\s*(?:с\s+)?$",
    re.IGNORECASE,
)
LAST_YEAR = re.compile(r"\b(20\d\d)\b(?!.*\b20\d\d\b)[^.;!?]*$", re.DOTALL)
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
    r"\s+(?:\d|на\s+\d|в\s+\d|в\s+период|в\s+единый|при\s|по\s+наблюдени|голосовани|назначен|объявлен"
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


def first_and_last_day(match: re.Match) -> tuple[str, str]:
    """«17–19» → 17, 19; «18, 19 и 20» → 18, 20 (days that are not consecutive are no voting days)."""
    if not match.groupdict().get("days"):
        return match["d1"], match["d2"]
    days = [int(d) for d in re.findall(r"\d+", match["days"])]
    return (str(days[0]), str(days[-1])) if days == list(range(days[0], days[0] + len(days))) else ("0", "0")


def span_to_dates(match: re.Match, year: str) -> tuple[date, date] | None:
    first_month = match.groupdict().get("m1") or match["m2"]
    first, last = first_and_last_day(match)
    end = to_date(last, match["m2"], year)
    start = to_date(first, first_month, year)
    if start and end and start > end:
        start = to_date(first, first_month, str(int(year) - 1))
    if not (start and end and 0 <= (end - start).days < MAX_VOTING_DAYS):
        return None
    return start, end


def year_of(match: re.Match, text: str, plan_year: int | None) -> str | None:
    """The span's own year; without one — and only right after «голосование» — the last year written
    earlier in its sentence, else the plan's."""
    if match["y"]:
        return match["y"]
    before = text[max(0, match.start() - VOTING_CONTEXT_CHARS) : match.start()]
    if not RIGHT_AFTER_VOTING.search(before.rstrip("( ")):
        return None
    sentence = LAST_YEAR.search(before)
    return sentence[1] if sentence else str(plan_year) if plan_year else None


def read_voting_days(text: str, plan_year: int | None = None) -> tuple[date | None, date | None]:
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
    dated = ((match, year_of(match, text, plan_year)) for match in matches)
    spans = [span for span in (span_to_dates(match, year) for match, year in dated if year) if span]
    if spans:
        return spans[0]
    single = SINGLE_DAY_VOTING.search(text)
    day = to_date(single["d"], single["m"], single["y"]) if single else None
    return day, day


ELECTION_DAY = re.compile(
    rf"(?:назначенн[а-яё]*\s+на|(?:единый\s+)?день\s+голосования\s*[:–—-]?)\s*(?P<d>\d{{1,2}})\s+(?P<m>{MONTH})"
    r"\s+(?P<y>\d{4})",
    re.IGNORECASE,
)
# «выборы назначены 17 июня 2021 года», «Указом … от 17.06.2021 № 367 «О назначении выборов …»»: the day the
# election was called — never «назначены на …», the day it is held.
SAME_SENTENCE = r"(?:[^.;]|\.(?=\d))"  # a dot inside «17.06.2021» does not end the sentence
ELECTION_CALLED = [
    re.compile(rf"\bвыбор[а-яё]*{SAME_SENTENCE}{{0,120}}?\b(?:назначены|объявлены)\b(?!\s+на\s)"
               rf"(?P<tail>{SAME_SENTENCE}{{0,80}})", re.IGNORECASE),
    re.compile(rf"\bо\s+назначении\s+выборов{SAME_SENTENCE}{{0,80}}?\bопубликован[а-яё]*(?P<tail>{SAME_SENTENCE}{{0,60}})",
               re.IGNORECASE),
    re.compile(r"\bот(?P<tail>\s+[^;№]{4,30}?)\s*№\s*\S+\s*[«\"]?\s*о\s+назначении\s+выборов", re.IGNORECASE),
]


def read_election_day(text: str) -> date | None:
    """The day the election was called for: «назначенные на 19 сентября 2021 года», «единый день
    голосования 19 сентября 2021 года»."""
    match = ELECTION_DAY.search(text)
    return to_date(match["d"], match["m"], match["y"]) if match else None


def read_election_called_on(text: str) -> date | None:
    """The day the election was called, as the plan states it: the first complete date after the words."""
    for pattern in ELECTION_CALLED:
        for match in pattern.finditer(text):
            dates = find_dates(match["tail"])
            if dates:
                return dates[0][2]
    return None


def election_year(text: str, voting_start: date | None) -> int | None:
    if voting_start:
        return voting_start.year
    match = ELECTION_YEAR.search(text)
    return int(match[1]) if match else None
