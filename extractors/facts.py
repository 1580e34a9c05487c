"""What a plan says about itself outside its table: title, region, plan year, approval, election and the
voting days it states.

Only complete dates are read here (day + month name in any case + year, or dd.mm.yyyy), by the small
grammar below. A fact the text does not state stays None; an undecided region or year says why in
`reasons`. Voting days are set only from a stated span («голосование 17–19 сентября 2021 года») or an
explicitly single-day vote: a lone «единый день голосования 19 сентября» is left to the calendar.
"""

import re
from datetime import date

from extractors.nlp import morph_vocab
from extractors.regions import REASON_NO_REGION, region_from_body, region_of_document
from schemas.plan import PlanFacts

MONTH_STEMS = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма[йя]": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}
MONTH = "(?:" + "|".join(f"{stem}[а-яё]*" for stem in MONTH_STEMS) + ")"
DATES = [
    re.compile(rf"[«\"]?(?P<d>\d{{1,2}})[»\"]?\s+(?P<m>{MONTH})\s+(?P<y>\d{{4}})", re.IGNORECASE),
    re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b"),
]
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

TITLE_START = re.compile(r"^[\W_]*(?:план|мероприятия)(?![а-яё])", re.IGNORECASE)
# A title ends at the approval mark, a signature, a list item («1. …»), a tab-separated row, or a line naming
# two or more table columns (a PDF's header row read as a line: «Формат мероприятия Сроки Содержание»).
TITLE_END = re.compile(
    r"^\W*(?:утвержд|приложение|руководитель|председатель|единый\s+день|№|\d{1,3}[.)]\s)|\t", re.IGNORECASE
)
TABLE_HEADER_WORDS = ("срок", "ответствен", "исполнител", "содержани", "примечани", "мероприяти", "п/п")
MAX_TITLE_LINES = 6
MARKUP = re.compile(r"\*+|^#+\s*", re.MULTILINE)
SPACE = re.compile(r"\s+")
YEAR = re.compile(r"\b(20\d\d)\b")
LATE_APPROVAL_MONTH = 11  # approved from November on: the plan may be for next year's election

APPROVAL = re.compile(r"\bутвержд(?:аю|[её]н[аоы]?)(?![а-яё])", re.IGNORECASE)
APPROVAL_CHARS = 400
APPROVAL_TAIL = re.compile(
    r"(?:\s*(?:года|г\.))?(?:\s*,?\s*(?:протокол[а-яё]*\s*)?№\s*[\w/-]+)?", re.IGNORECASE
)
SURNAME = r"[А-ЯЁ](?:[а-яё]+|[А-ЯЁ]+)(?:-[А-ЯЁ][а-яё]+)?"
PERSONS = [  # in order of preference: «И.О. Фамилия», «Фамилия И.О.», «Фамилия Имя Отчество»
    re.compile(rf"(?P<i1>[А-ЯЁ])\.\s?(?P<i2>[А-ЯЁ])\.\s?(?P<surname>{SURNAME})"),
    re.compile(rf"(?P<surname>{SURNAME})\s+(?P<i1>[А-ЯЁ])\.\s?(?P<i2>[А-ЯЁ])\."),
    re.compile(
        rf"(?P<surname>{SURNAME})\s+(?P<i1>[А-ЯЁ])[а-яё]+\s+(?P<i2>[А-ЯЁ])[а-яё]+(?:вич|вна|ична|чна)\b"
    ),
]
ORGAN = re.compile(
    r"(?P<act>решением|постановлением|распоряжением|на\s+заседании|протоколом)\s+"
    r"(?P<organ>\S.*?)(?=\s+от\s|\s*№|\s*[,(]|\s+\d|\s+протокол|$)",
    re.IGNORECASE,
)
ACT_DOCUMENTS = {"решением": "решение", "постановлением": "постановление", "распоряжением": "распоряжение"}
PROTOCOL_NUMBER = re.compile(r"протокол\w*\s*№", re.IGNORECASE)
DOCUMENT_NUMBER = re.compile(r"№\s*(?P<number>[\w/-]+)")

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

REASON_BODY_SILENT = (
    "в тексте плана нет единственного региона, названного при палате, комиссии или прокуратуре"
)
REASON_NO_YEAR = "год плана не указан: нет года ни в заголовке, ни у выборов, ни в дате утверждения"
REASON_LATE_APPROVAL = "план утверждён {date}, в конце года, а год выборов в документе не назван"
REASON_UNDATED_APPROVAL = "в грифе утверждения нет даты"


def month_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    return next(number for stem, number in MONTH_STEMS.items() if re.match(stem, text.lower()))


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


def collapse(text: str) -> str:
    return SPACE.sub(" ", MARKUP.sub("", text)).strip()


def ends_title(line: str) -> bool:
    lowered = line.lower()
    return bool(TITLE_END.search(line)) or sum(word in lowered for word in TABLE_HEADER_WORDS) >= 2


def read_title(header_text: str) -> str | None:
    """The heading line(s) from «ПЛАН …»/«Мероприятия …» up to the approval mark or the table."""
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


def approval_span(flat: str, title_at: int) -> tuple[int, int] | None:
    """Where the approval mark runs: above the title, all of it up to the title; after the title (or with
    no title), from «утверждён» to its date and document number."""
    mark = APPROVAL.search(flat)
    if not mark:
        return None
    if title_at > mark.start():
        return mark.start(), min(title_at, mark.start() + APPROVAL_CHARS)
    dates = find_dates(flat[mark.start() : mark.start() + APPROVAL_CHARS])
    if not dates:
        return mark.start(), mark.end()
    return mark.start(), APPROVAL_TAIL.match(flat, mark.start() + dates[0][1]).end()


def person_in(block: str) -> str | None:
    """«Фамилия И.О.» of the first person named, whatever order the block writes the name in."""
    for pattern in PERSONS:
        if match := pattern.search(block):
            return f"{match['surname'].title()} {match['i1']}.{match['i2']}."
    return None


def keep_capital(original: str, word: str) -> str:
    return word[:1].upper() + word[1:] if original[:1].isupper() else word


def phrase_to_nominative(phrase: str) -> str:
    """«Совета Общественной палаты …» → «Совет Общественной палаты …»: the head noun and the adjectives
    before it go to the nominative; the genitive that follows is already right."""
    words = phrase.split()
    parses = [morph_vocab().parse(word.lower()) for word in words]
    head = next((i for i, options in enumerate(parses) if options and options[0].pos == "NOUN"), None)
    if head is None:
        return phrase
    noun = parses[head][0]
    grams = {"Nom", noun.feats.get("Number", "Sing")} | (
        {noun.feats["Gender"]} if "Gender" in noun.feats else set()
    )
    changed = [inflect_word(words[i], parses[i], grams) for i in range(head)]
    return " ".join([*changed, inflect_word(words[head], [noun], {"Nom"}), *words[head + 1 :]])


def inflect_word(word: str, options: list, grams: set[str]) -> str:
    parse = next((option for option in options if option.pos in ("ADJ", "NOUN")), None)
    inflected = parse.inflect(grams) if parse else None
    return keep_capital(word, inflected.word) if inflected else word


def organ_in(block: str) -> str | None:
    """The approving body in the nominative, with its document: «Совет … (протокол № 7)»."""
    match = ORGAN.search(block)
    if not match:
        return None
    number = DOCUMENT_NUMBER.search(block)
    kind = "протокол" if PROTOCOL_NUMBER.search(block) else ACT_DOCUMENTS.get(match["act"].lower())
    reference = f" ({kind} № {number['number']})" if number and kind else ""
    return phrase_to_nominative(match["organ"]) + reference


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


def read_plan_year(
    title: str | None, election: int | None, approved_on: date | None, body_text: str
) -> tuple[int | None, str | None]:
    """(year, reason if undecided): the title's year, the election's, the approval date's — unless the plan
    was approved late in the year, when the body's dates must say whether it is for the next one."""
    title_years = set(YEAR.findall(title or ""))
    if len(title_years) == 1:
        return int(title_years.pop()), None
    if election:
        return election, None
    if approved_on and approved_on.month < LATE_APPROVAL_MONTH:
        return approved_on.year, None
    body_years = {int(year) for year in YEAR.findall(body_text)}
    if approved_on:
        return late_approval_year(approved_on, body_years)
    return (body_years.pop(), None) if len(body_years) == 1 else (None, REASON_NO_YEAR)


def late_approval_year(approved_on: date, body_years: set[int]) -> tuple[int | None, str | None]:
    for year in (approved_on.year + 1, approved_on.year):
        if year in body_years:
            return year, None
    return None, REASON_LATE_APPROVAL.format(date=approved_on.strftime("%d.%m.%Y"))


def read_region(header_text: str, body_text: str) -> tuple[dict, list[str]]:
    """Region from the header; from the body only when the header names none."""
    region, evidence, reason = region_of_document(header_text)
    if region or reason != REASON_NO_REGION:
        return {"region": region, "region_evidence": evidence}, [reason] if reason else []
    region, evidence = region_from_body(body_text)
    return {"region": region, "region_evidence": evidence}, [] if region else [reason, REASON_BODY_SILENT]


def read_approval(flat: str, title: str | None) -> tuple[dict, str, list[str]]:
    """The approval facts, the header without the approval block (its date is no election date), reasons."""
    span = approval_span(flat, flat.find(title) if title else -1)
    if not span:
        return {}, flat, []
    block = flat[span[0] : span[1]]
    dates = find_dates(block)
    approval = {
        "approved_on": dates[0][2] if dates else None,
        "approved_by": person_in(block) or organ_in(block),
    }
    return approval, flat[: span[0]] + " " + flat[span[1] :], [] if dates else [REASON_UNDATED_APPROVAL]


def read_plan_facts(header_text: str, body_text: str) -> PlanFacts:
    title = read_title(header_text)
    approval, rest, reasons = read_approval(collapse(header_text), title)
    region, region_reasons = read_region(header_text, body_text)
    voting_start, voting_end = read_voting_days(rest)
    body_without_header = body_text.replace(header_text, " ") if header_text.strip() else body_text
    plan_year, year_reason = read_plan_year(
        title, election_year(rest, voting_start), approval.get("approved_on"), body_without_header
    )
    reasons += region_reasons + ([year_reason] if year_reason else [])
    return PlanFacts(
        title=title,
        plan_year=plan_year,
        election=read_election(rest),
        voting_start=voting_start,
        voting_end=voting_end,
        reasons=reasons,
        **region,
        **approval,
    )
