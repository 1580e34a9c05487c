"""Russian words for what the dataset stores as codes: deadline kinds, recurrences, document statuses,
and categories (from extractors/data/categories.json). Messages (reasons, warnings) are rendered by
schemas/messages.py."""

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
# What a deadline counts from (schemas/deadline.py `Anchor`), as the Excel sheet names it.
ANCHOR_LABELS = {
    "voting_days": "дни голосования", "voting_day": "день голосования",
    "voting_first_day": "первый день голосования", "election_called": "назначение выборов",
    "candidates_registered": "регистрация кандидатов", "results_established": "подведение итогов выборов",
    "results_published": "опубликование результатов выборов", "plan_approved": "утверждение плана",
}
STATUS_LABELS = {
    "ingested": "принят", "superseded": "заменён новой версией", "duplicate": "точная копия",
    "quarantined": "отложен (карантин)", "unpacked": "архив распакован", "waiting": "ждёт следующего приёма",
}
# The order of the campaign: set up, recruit and train, work with others, inform, watch, sum up.
CATEGORY_ORDER = [
    "headquarters", "meetings", "observer_recruitment", "observer_training", "agreements", "information",
    "hotline", "voting_day_monitoring", "legal", "expert_analysis", "reporting", "other",
]
NO_REGION = "Регион не определён"
@lru_cache(maxsize=1)
def categories() -> dict[str, dict]:
    """Category id → its record (label, definition), in CATEGORY_ORDER."""
    known = {c["id"]: c for c in load("categories.json")["categories"]}
    return {cid: known[cid] for cid in CATEGORY_ORDER if cid in known} | known


def category_label(category: str) -> str:
    return categories().get(category, {}).get("label", category)


def russian_date(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


def anchor_words(anchor: str | None, offset: int | None) -> str:
    """«за 10 дней до дня голосования» → «день голосования −10 дн.»; «в дни голосования» → «дни голосования»."""
    if not anchor:
        return ""
    counted = f" {'+' if offset > 0 else '−'}{abs(offset)} дн." if offset else ""
    return ANCHOR_LABELS.get(anchor, anchor) + counted


def offset_words(days: int | None) -> str:
    """Days from a plan's first voting day: −30 → «Д−30», 0 → «Д0», 2 → «Д+2»."""
    if days is None:
        return ""
    return "Д0" if days == 0 else f"Д{'+' if days > 0 else '−'}{abs(days)}"


def region_of(item) -> str:
    """An activity's or a record's region name, or the words for «not decided»."""
    return item.region_name or NO_REGION
