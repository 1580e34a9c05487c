"""`svodka coverage` and `svodka deadlines`: the chamber's two everyday questions, answered from the
published `svodka.duckdb` — who has (not) sent a plan for an election, and which deadlines come next from
a given day."""

from datetime import date
from pathlib import Path

from pipeline.analytics import QueryError, fetch
from pipeline.answer_formats import rows_to_text
from pipeline.outputs.labels import COVERAGE_LABELS, UNPLACED_LABEL, russian_date
from pipeline.outputs.plans import is_coming, span_words

COVERAGE_SQL = """SELECT year, region_number, region_name, status, files, detail FROM coverage
                  ORDER BY year DESC NULLS LAST, region_number"""
DEADLINES_SQL = """SELECT region_name, first_day, last_day, deadline_kind, title, deadline_raw, plan_year,
                          source_file, source_page, source_row FROM dated_activities"""
DEADLINE_COLUMNS = ["срок", "дней_до_срока", "регион", "мероприятие", "срок_в_плане", "файл", "стр", "строка"]


def coverage_text(out_dir: Path, year: int | None = None) -> str:
    """One election's subjects by status (the newest when `year` is None), then the other years in a line."""
    _, rows = fetch(out_dir, COVERAGE_SQL)
    years = list(dict.fromkeys(r[0] for r in rows if r[3] != "unplaced"))
    if not years:
        return "В наборе нет ни одного плана с известными регионом и годом."
    if year is not None and year not in years:
        raise QueryError("query.unknown_year", year=year, years=", ".join(map(str, years)))
    chosen = year if year is not None else years[0]
    subjects = [r for r in rows if r[0] == chosen and r[3] != "unplaced"]
    lines = [year_summary(chosen, subjects), ""]
    for status, label in COVERAGE_LABELS.items():
        found = [r for r in subjects if r[3] == status]
        lines.append(f"{label.capitalize()} ({len(found)}):" + ("" if found else " нет"))
        lines += [subject_line(r) for r in found]
        lines.append("")
    lines += unplaced_lines([r for r in rows if r[3] == "unplaced"])
    others = [y for y in years if y != chosen]
    if others:
        counts = ", ".join(f"{y} (план у {sum(r[0] == y and r[3] == 'plan' for r in rows)})" for y in others)
        lines.append(f"Другие выборы: {counts} — svodka coverage --year ГОД")
    return "\n".join(lines).rstrip()


def year_summary(year: int, subjects: list[tuple]) -> str:
    count = {status: sum(r[3] == status for r in subjects) for status in COVERAGE_LABELS}
    return (f"Выборы {year} года: из {len(subjects)} субъектов план прислали {count['plan']}, прислали, но файл "
            f"не прочитан — {count['quarantined']}, ничего не прислали — {count['nothing']}.")


def subject_line(row: tuple) -> str:
    _, number, name, _, files, detail = row
    extra = "".join(f" — {part}" for part in (files, detail) if part)
    return f"  {number}  {name}{extra}"


def unplaced_lines(rows: list[tuple]) -> list[str]:
    if not rows:
        return []
    return ([f"{UNPLACED_LABEL.capitalize()} ({len(rows)}):"]
            + [f"  {files}" + (f" — {detail}" if detail else "") for _, _, _, _, files, detail in rows] + [""])


def deadlines_text(out_dir: Path, as_of: date, days: int, fmt: str = "table", full: bool = False) -> str:
    """Deadlines whose days meet the window from `as_of` to `days` later, soonest first."""
    _, rows = fetch(out_dir, DEADLINES_SQL)
    coming = sorted((r for r in rows if is_coming((r[1], r[2]), as_of, days)), key=lambda r: (r[2], r[0] or ""))
    table = [(span_words(kind, first, last), (last - as_of).days, region, title, raw, source, page, row)
             for region, first, last, kind, title, raw, _, source, page, row in coming]
    if fmt == "table" and not table:
        return (f"В {days} дн. начиная с {russian_date(as_of)} сроков нет. Другой день отсчёта задаёт "
                f"--as-of ДД.ММ.ГГГГ.")
    return rows_to_text(DEADLINE_COLUMNS, table, fmt, full)
