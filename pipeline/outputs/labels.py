"""Russian words for what the dataset stores as codes: deadline kinds, recurrences, document statuses,
categories (from extractors/data/categories.json) and the deadline warnings the extractors write in English."""

import re
from datetime import date
from functools import lru_cache

from extractors.vocab import load

KIND_LABELS = {
    "date": "дата", "range": "период", "before": "не позднее", "after": "начиная с",
    "recurring": "регулярно", "ongoing": "постоянно", "as_needed": "по мере необходимости",
    "unspecified": "не указан", "unparsed": "не распознан",
}
RECURRENCE_LABELS = {
    "daily": "ежедневно", "weekly": "еженедельно", "monthly": "ежемесячно",
    "quarterly": "ежеквартально", "yearly": "ежегодно",
}
STATUS_LABELS = {
    "ingested": "принят", "superseded": "заменён новой версией", "duplicate": "точная копия",
    "quarantined": "отложен (карантин)",
}
# The order of the campaign: set up, recruit and train, work with others, inform, watch, sum up.
CATEGORY_ORDER = [
    "headquarters", "meetings", "observer_recruitment", "observer_training", "agreements", "information",
    "hotline", "voting_day_monitoring", "legal", "expert_analysis", "reporting", "other",
]
NO_REGION = "Регион не определён"
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# (English pattern written by extractors/deadlines*.py, its Russian wording)
WARNING_RULES = [
    (r"starts before approval date (.+)", r"начало раньше даты утверждения плана \1"),
    (r"before approval date (.+)", r"срок раньше даты утверждения плана \1"),
    (r"voting days taken from the calendar of (\d+)", r"дни голосования взяты из календаря выборов \1 г."),
    (r"dates differ from the voting days (.+)\.\.(.+)", r"даты не совпадают с днями голосования \1–\2"),
    (r"end before start", "окончание раньше начала"),
    (r"year (\d+) is more than 2 years from the plan year (\d+)", r"год \1 отстоит от года плана \2 больше чем на 2"),
    (r"ignored: (.+)", r"не учтено: \1"),
    (r"dates beside the recurrence not kept: (.+)", r"даты рядом с повторяемостью не сохранены: \1"),
    (r"not understood: (.+)", r"не понято: \1"),
    (r"voting days unknown: .*", "дни голосования неизвестны: в плане их нет, в календаре тоже"),
    (r"no such date: (.+)", r"такой даты нет: \1"),
    (r"a number without a month: (.+)", r"число без месяца: \1"),
    (r"nothing to read", "срок пуст"),
]


@lru_cache(maxsize=1)
def categories() -> dict[str, dict]:
    """Category id → its record (label, definition), in CATEGORY_ORDER."""
    known = {c["id"]: c for c in load("categories.json")["categories"]}
    return {cid: known[cid] for cid in CATEGORY_ORDER if cid in known} | known


def category_label(category: str) -> str:
    return categories().get(category, {}).get("label", category)


def warning_to_russian(text: str) -> str:
    """«starts before approval date 2022-02-10» → «начало раньше даты утверждения плана 10.02.2022»;
    a warning without a rule stays as written."""
    for pattern, wording in WARNING_RULES:
        if re.fullmatch(pattern, text):
            text = re.sub(pattern, wording, text)
            break
    return ISO_DATE.sub(r"\3.\2.\1", text)


def russian_date(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


def offset_words(days: int | None) -> str:
    """Days from a plan's first voting day: −30 → «Д−30», 0 → «Д0», 2 → «Д+2»."""
    if days is None:
        return ""
    return "Д0" if days == 0 else f"Д{'+' if days > 0 else '−'}{abs(days)}"


def region_of(item) -> str:
    """An activity's or a record's region name, or the words for «not decided»."""
    return item.region_name or NO_REGION
