"""Russian words for what the dataset stores as codes: deadline kinds, recurrences, document statuses,
and categories (from extractors/data/categories.json). Messages (reasons, warnings) are rendered by
schemas/messages.py."""

from datetime import date
from functools import lru_cache

from extractors.vocab import load
from schemas.messages import Message, render_all

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
# A subject's standing for an election (pipeline/outputs/coverage.py), in the order the map's legend shows.
COVERAGE_LABELS = {
    "plan": "план есть", "quarantined": "прислан, но не прочитан", "nothing": "ничего не прислано",
}
UNPLACED_LABEL = "не попал в охват: регион или год не определён"
# The order of the campaign: set up, recruit and train, work with others, inform, watch, sum up.
CATEGORY_ORDER = [
    "headquarters", "meetings", "observer_recruitment", "observer_training", "agreements", "information",
    "hotline", "voting_day_monitoring", "legal", "expert_analysis", "reporting", "other",
]
# Published fields by their Russian names (what changed between revisions, what a correction changed).
FIELD_WORDS = {"title": "название", "section": "раздел", "description": "содержание", "deadline_raw": "срок",
               "deadline_kind": "вид срока", "deadline_start": "начало", "deadline_end": "окончание",
               "responsible_raw": "ответственные", "category": "категория"}
CHANGE_LABELS = {"added": "добавлено", "removed": "удалено", "changed": "изменено"}
NO_REGION = "Регион не определён"


@lru_cache(maxsize=1)
def categories() -> dict[str, dict]:
    """Category id → its record (label, definition), in CATEGORY_ORDER."""
    known = {c["id"]: c for c in load("categories.json")["categories"]}
    return {cid: known[cid] for cid in CATEGORY_ORDER if cid in known} | known


def category_label(category: str) -> str:
    return categories().get(category, {}).get("label", category)


def messages_text(messages: list) -> str | None:
    """Several messages (schemas/messages.py) as one line, rendered once per distinct combination: a plan's
    many deadlines share a few warnings, and rendering each anew cost a tenth of the workbook's time."""
    if not messages:
        return None
    return _rendered(tuple((m.code, tuple(m.params.items())) for m in messages))


@lru_cache(maxsize=4096)
def _rendered(key: tuple) -> str | None:
    return render_all([Message(code=code, params=dict(params)) for code, params in key])


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


def plural(n: int, forms: tuple[str, str, str]) -> str:
    """«1 строка», «3 строки», «11 строк»: the Russian form for the number."""
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return forms[1]
    return forms[2]


def activities_words(n: int) -> str:
    return f"{n} {plural(n, ('мероприятие', 'мероприятия', 'мероприятий'))}"
