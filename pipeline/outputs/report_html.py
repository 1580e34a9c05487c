"""`report.html`: one self-contained page (no network) for any screen from a phone (360 px) to a wide
monitor — who has sent a plan for each election (a grid map of the subjects, report_coverage.py), who plans
what (regions × categories), the deadlines on a timeline (days from each plan's voting day by default when
the plans belong to different elections, or calendar dates), the coming deadlines from a chosen day
(`today`; `svodka report --as-of`), and the data's quality.

The page is `report_template.html` with its `{{slots}}` filled and `report_script.js` inlined; the timeline
is drawn by that script from the JSON embedded in the page, at the width of the screen. Wide tables scroll
inside their own box with the region column kept in view."""

import json
import re
from collections import Counter, defaultdict
from datetime import date, timedelta
from html import escape
from pathlib import Path

from pipeline.outputs.coverage import subjects
from pipeline.outputs.labels import (
    CHANGE_LABELS,
    FIELD_WORDS,
    KIND_LABELS,
    STATUS_LABELS,
    categories,
    category_label,
    offset_words,
    region_of,
    russian_date,
)
from pipeline.outputs.plans import (
    VotingDays,
    dated_span,
    due_day,
    is_coming,
    plan_voting_days,
    read_changes,
    region_category_counts,
    run_moment,
    span_words,
)
from pipeline.outputs.report_coverage import coverage_html
from pipeline.outputs.review import review_items
from schemas import Activity, Change, DocumentRecord

FILE_NAME = "report.html"
TEMPLATE = Path(__file__).with_name("report_template.html")
SCRIPT = Path(__file__).with_name("report_script.js")
SLOT = re.compile(r"\{\{(\w+)\}\}")
UPCOMING_DAYS = 42
BEFORE_VOTING_DAYS = 30
COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
          "#bcbd22", "#393b79", "#637939", "#7f7f7f"]


def write_report_html(release_dir: Path, activities: list[Activity], records: list[DocumentRecord],
                      changes: list[Change] | None = None, today: date | None = None, path: Path | None = None) -> Path:
    """`changes`: what the current revisions changed (read from the release's changes.jsonl when not given);
    `today` (default: the run's date) is where «the coming weeks» start; `path` defaults to the release's
    report.html."""
    path = path or release_dir / FILE_NAME
    changes = read_changes(release_dir, records) if changes is None else changes
    page = report_html(activities, records, today or run_moment(release_dir).date(), changes)
    path.write_text(page, encoding="utf-8")
    return path


def report_html(activities: list[Activity], records: list[DocumentRecord], today: date,
                changes: list[Change] = ()) -> str:
    days = plan_voting_days(records)
    slots = {
        "summary": escape(summary_line(activities, records, today)),
        "subjects": str(len(subjects())),
        "coverage": coverage_html(records),
        "matrix": matrix_html(activities, records),
        "definitions": definitions_html(),
        "legend": legend_html(),
        "upcoming": upcoming_html(activities, today) + near_voting_html(activities, days),
        "quality": quality_html(activities, records),
        "changes": changes_html(changes),
        "timeline_json": script_json(timeline_data(activities, records, days)),
        "script": SCRIPT.read_text(encoding="utf-8"),
    }
    return SLOT.sub(lambda m: slots[m.group(1)], TEMPLATE.read_text(encoding="utf-8"))


def summary_line(activities: list[Activity], records: list[DocumentRecord], today: date) -> str:
    regions = {a.region_name for a in activities if a.region_name}
    return (f"Регионов: {len(regions)} · документов: {len(records)} (принято "
            f"{sum(r.status == 'ingested' for r in records)}) · мероприятий: {len(activities)} · "
            f"отчёт на {russian_date(today)}")


def cell(value, css: str = "") -> str:
    return f"<td class=\"{css}\">{escape(str(value))}</td>" if css else f"<td>{escape(str(value))}</td>"


def table_html(headers: list[str], rows: list[list], css: list[str] | None = None, table_id: str = "") -> str:
    """A table in its own scrolling box; every value escaped; `css` gives each column's class. The first
    column (the region, or what names the row) stays in view while the rest scrolls."""
    css = [("sticky " + c).strip() if i == 0 else c for i, c in enumerate(css or [""] * len(headers))]
    head = "".join(f"<th class=\"{'sticky' if i == 0 else ''}\">{escape(h)}</th>" for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(cell("" if v is None else v, c) for v, c in zip(row, css)) + "</tr>"
                   for row in rows)
    ident = f" id=\"{table_id}\"" if table_id else ""
    return f"<div class=\"scroll\"><table{ident}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"


# ---------------------------------------------------------------- (a) regions × categories


def matrix_html(activities: list[Activity], records: list[DocumentRecord]) -> str:
    counts = region_category_counts(activities, records)
    ids = list(categories())
    head = "".join(f"<th class=\"category\" title=\"{escape(categories()[c]['definition'])}\">"
                   f"{escape(category_label(c))}</th>" for c in ids)
    rows = "".join(matrix_row(region, found, ids) for region, found in counts.items())
    having = [sum(1 for found in counts.values() if found[c]) for c in ids]
    totals = "".join(cell(n, "count") for n in having)
    return (f"<div class=\"scroll\"><table id=\"matrix\"><thead><tr><th class=\"sticky\">Регион</th>{head}"
            f"<th>Всего</th></tr></thead><tbody>{rows}<tr class=\"totals\"><td class=\"sticky\">Регионов с "
            f"категорией</td>{totals}<td></td></tr></tbody></table></div>")


def matrix_row(region: str, found: Counter, ids: list[str]) -> str:
    cells = "".join(cell(found[c], "count") if found[c] else
                    f"<td class=\"count gap\" title=\"{escape(f'нет: {category_label(c)}')}\">—</td>" for c in ids)
    return f"<tr>{cell(region, 'sticky')}{cells}{cell(sum(found.values()), 'count')}</tr>"


def definitions_html() -> str:
    return "<dl class=\"definitions\">" + "".join(f"<dt>{escape(c['label'])}</dt><dd>{escape(c['definition'])}</dd>"
                                                   for c in categories().values()) + "</dl>"


def legend_html() -> str:
    return "".join(f"<span class=\"cat\" style=\"--c:{color}\">{escape(category_label(c))}</span>"
                   for c, color in zip(categories(), COLORS))


# ---------------------------------------------------------------- (b) the timeline's data


def timeline_data(activities: list[Activity], records: list[DocumentRecord],
                  days: dict[str, VotingDays]) -> dict:
    """One lane per accepted plan that has dated activities and known voting days. Days from the voting
    day are the default view when the plans belong to more than one election: on one calendar each would
    get a sliver of the width."""
    by_document = defaultdict(list)
    for a in activities:
        by_document[a.document_id].append(a)
    lanes = [lane_of(r, by_document[r.document_id], days[r.document_id])
             for r in records if r.status == "ingested" and r.document_id in days]
    lanes = sorted((lane for lane in lanes if lane["items"]), key=lambda lane: lane["label"])
    elections = {lane["voting"][0] for lane in lanes}
    return {"lanes": lanes, "colors": dict(zip(categories(), COLORS)),
            "default_mode": "relative" if len(elections) > 1 else "calendar"}


def lane_of(record: DocumentRecord, activities: list[Activity], voting: VotingDays) -> dict:
    return {
        "label": f"{region_of(record)}, {record.plan_year or 'год ?'}",
        "voting": [voting.first.isoformat(), voting.last.isoformat()],
        "voting_text": f"голосование с {russian_date(voting.first)} ({voting.source})",
        "items": [item_of(a) for a in activities if dated_span(a)],
    }


def item_of(a: Activity) -> dict:
    start, end = dated_span(a)
    return {"title": a.title, "raw": a.deadline_raw, "kind": a.deadline_kind,
            "kind_label": KIND_LABELS[a.deadline_kind], "category": a.category,
            "start": start.isoformat(), "end": end.isoformat(), "dates": activity_span_words(a)}


def script_json(data: dict) -> str:
    """JSON safe inside <script>: no «<» can close the element."""
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


# ---------------------------------------------------------------- (c) coming deadlines


def activity_span_words(a: Activity) -> str:
    return span_words(a.deadline_kind, *dated_span(a))


def upcoming_html(activities: list[Activity], today: date) -> str:
    horizon = today + timedelta(days=UPCOMING_DAYS)
    found = sorted((a for a in activities if is_coming(dated_span(a), today, UPCOMING_DAYS)),
                   key=lambda a: (due_day(a), region_of(a)))
    intro = (f"<p class=\"hint\">Сроки с {russian_date(today)} по {russian_date(horizon)} (6 недель). Другую дату "
             f"отсчёта задаёт <code>svodka report --as-of ДД.ММ.ГГГГ</code>.</p>")
    if not found:
        return intro + no_upcoming_html(activities, today)
    rows = [[region_of(a), activity_span_words(a), (due_day(a) - today).days, a.title, a.deadline_raw] for a in found]
    return intro + table_html(["Регион", "Срок", "Дней до срока", "Мероприятие", "Срок в плане"], rows,
                              ["", "when", "num", "long", ""])


def no_upcoming_html(activities: list[Activity], today: date) -> str:
    dues = [d for d in map(due_day, activities) if d]
    last = f" Последний срок в наборе — {russian_date(max(dues))}." if dues else ""
    return (f"<p class=\"none\">В ближайшие 6 недель сроков нет: все планы в наборе относятся к уже прошедшим "
            f"или ещё не назначенным выборам.{escape(last)} Ниже — что планы намечают на последние "
            f"{BEFORE_VOTING_DAYS} дней перед днём голосования.</p>")


def near_voting_html(activities: list[Activity], days: dict[str, VotingDays]) -> str:
    """Deadlines from 30 days before a plan's first voting day to its last one, by days from day 0."""
    rows = []
    for a in activities:
        voting, due = days.get(a.document_id), due_day(a)
        if voting and due and -BEFORE_VOTING_DAYS <= (due - voting.first).days <= (voting.last - voting.first).days:
            rows.append([region_of(a), (due - voting.first).days, a.title, a.deadline_raw, activity_span_words(a)])
    rows.sort(key=lambda r: (r[1], r[0]))
    for row in rows:
        row[1] = offset_words(row[1])
    return (f"<h3>Ближайшие сроки относительно дня голосования (Д−{BEFORE_VOTING_DAYS} … дни голосования)</h3>"
            f"<p class=\"hint\">Д0 — первый день голосования своего плана, Д−7 — за неделю до него.</p>"
            + (table_html(["Регион", "День", "Мероприятие", "Срок в плане", "Даты"], rows,
                          ["", "num", "long", "", "when"]) if rows else "<p>В этом окне сроков нет.</p>"))


# ---------------------------------------------------------------- (d) data quality


def quality_html(activities: list[Activity], records: list[DocumentRecord]) -> str:
    return documents_quality_html(records) + activities_quality_html(activities, records)


def documents_quality_html(records: list[DocumentRecord]) -> str:
    statuses = Counter(r.status for r in records)
    by_status = [[STATUS_LABELS.get(s, s), n, ", ".join(r.source_file for r in records if r.status == s)]
                 for s, n in sorted(statuses.items())]
    explained = [[region_of(r), r.source_file, STATUS_LABELS.get(r.status, r.status), r.reason]
                 for r in records if r.reason or r.status != "ingested"]
    return ("<h3>Документы по статусам</h3>" + table_html(["Статус", "Документов", "Файлы"], by_status,
                                                         ["", "num", "long"])
            + "<h3>Документы с пояснениями</h3>"
            + (table_html(["Регион", "Файл", "Статус", "Причина"], explained, ["", "", "", "long"]) if explained
               else "<p>Все документы приняты без замечаний.</p>"))


def activities_quality_html(activities: list[Activity], records: list[DocumentRecord]) -> str:
    items = review_items(activities, records)
    unparsed = sum(a.deadline_kind == "unparsed" for a in activities)
    warned = sum(bool(a.deadline_warnings) for a in activities)
    other = sum(a.category == "other" for a in activities)
    headers = ["Регион", "Что проверить", "Файл", "Стр.", "Строка", "Мероприятие или документ",
               "Срок, замечание или причина"]
    rows = [[i.region, i.issue, i.source_file, i.page, i.row, i.subject, i.text] for i in items]
    return (f"<h3>Что проверить</h3><p>Нераспознанных сроков: {unparsed}; мероприятий с замечаниями к сроку: "
            f"{warned}; без категории («Прочее»): {other}.</p>"
            + (table_html(headers, rows, ["", "", "", "num", "num", "long", "long"]) if rows else ""))


# ---------------------------------------------------------------- (e) what revised plans changed


def changes_html(changes: list[Change]) -> str:
    """Per revised plan: activities added, removed, and changed field by field (a deadline moved)."""
    if not changes:
        return "<p>Новых редакций планов в наборе нет.</p>"
    rows = [[c.region_name or "", c.plan_year or "", CHANGE_LABELS[c.change], c.title, FIELD_WORDS.get(c.field, c.field or ""),
             c.old or "", c.new or ""] for c in changes if c.field not in ("deadline_kind", "deadline_start",
                                                                          "deadline_end")]
    return ("<p class=\"hint\">Что изменилось в последних редакциях планов по сравнению с предыдущими; подробно — "
            "«svodka diff РЕГИОН» и лист «Изменения» книги Excel.</p>"
            + table_html(["Регион", "Год", "Что", "Мероприятие", "Поле", "Было", "Стало"], rows,
                         ["", "num", "", "long", "", "long", "long"]))
