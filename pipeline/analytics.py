"""`svodka query` and `svodka compare`: questions to the published `svodka.duckdb`, answered as text tables.

`run_query` runs any SQL (read-only) and prints the rows aligned; `compare` shows, for one category, which
regions plan it, when, and how many days before or after their plan's first voting day (day 0)."""

from datetime import date
from pathlib import Path

import duckdb

from pipeline.outputs.duck import FILE_NAME
from pipeline.outputs.labels import KIND_LABELS, categories, offset_words, russian_date
from schemas.errors import SvodkaError

MAX_CELL = 60
NO_DATABASE = "В {out_dir} нет базы {name}: сначала запустите `svodka ingest … --out {out_dir}`"
BAD_SQL = "Запрос не выполнен: {error}\nТаблицы: activities, documents, regions, categories, plans; " \
          "представления: {views}."
UNKNOWN_CATEGORY = "Нет категории «{category}». Есть: {known}"
COMPARE_SQL = """
    SELECT coalesce(region_name, 'Регион не определён'), plan_year, voting_start, title, deadline_raw,
           deadline_kind, first_day, last_day,
           first_day_offset, last_day_offset
    FROM dated_activities WHERE category = ?
    UNION ALL
    SELECT coalesce(a.region_name, 'Регион не определён'), a.plan_year, p.voting_start, a.title,
           a.deadline_raw, a.deadline_kind,
           NULL, NULL, NULL, NULL
    FROM activities a LEFT JOIN plans p USING (document_id)
    WHERE a.category = ? AND a.activity_id NOT IN (SELECT activity_id FROM dated_activities)
    ORDER BY 1, 2, first_day NULLS LAST, title"""
OPEN_ENDED = {"before": "до ", "after": "с "}


class QueryError(SvodkaError):
    """The question could not be answered; the message says why, in Russian, without a traceback."""


def database_of(out_dir: Path) -> Path:
    """`out_dir/svodka.duckdb` is a symlink through `out_dir/current`: open the real file."""
    link = out_dir / FILE_NAME
    if not link.exists():
        raise QueryError(NO_DATABASE.format(out_dir=out_dir, name=FILE_NAME))
    return link.resolve()


def fetch(out_dir: Path, sql: str, parameters: list | None = None) -> tuple[list[str], list[tuple]]:
    with duckdb.connect(str(database_of(out_dir)), read_only=True) as con:
        try:
            cursor = con.execute(sql, parameters or [])
        except duckdb.Error as error:
            views = ", ".join(r[0] for r in con.execute("SELECT view_name FROM duckdb_views() "
                                                        "WHERE NOT internal ORDER BY 1").fetchall())
            raise QueryError(BAD_SQL.format(error=str(error).strip(), views=views)) from None
        if cursor.description is None:
            return [], []
        return [d[0] for d in cursor.description], cursor.fetchall()


def run_query(out_dir: Path, sql: str) -> str:
    """Any SQL over the release's database → an aligned text table and the number of rows."""
    columns, rows = fetch(out_dir, sql)
    return rows_to_table(columns, rows) if columns else "Запрос выполнен."


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(cell_text(v) for v in value)
    text = russian_date(value) if isinstance(value, date) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def rows_to_table(columns: list[str], rows: list[tuple]) -> str:
    cells = [[cell_text(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    body = [aligned(columns, widths), aligned(["-" * w for w in widths], widths)]
    return "\n".join(body + [aligned(r, widths) for r in cells] + [f"({rows_count(len(rows))})"])


def aligned(values: list[str], widths: list[int]) -> str:
    return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()


def rows_count(n: int) -> str:
    word = "строка" if n % 10 == 1 and n % 100 != 11 else \
        "строки" if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else "строк"
    return f"{n} {word}"


def category_id(category: str) -> str:
    """An id («hotline») or a Russian label («Горячая линия и обращения»), any case."""
    wanted = category.strip().lower()
    for cid, record in categories().items():
        if wanted in (cid, record["label"].lower()):
            return cid
    raise QueryError(UNKNOWN_CATEGORY.format(category=category, known=", ".join(categories())))


def span_text(kind: str, first: date | None, last: date | None, first_offset: int | None,
              last_offset: int | None) -> str:
    if first is None:
        return f"без даты ({KIND_LABELS.get(kind, kind)})"
    if first == last:
        return f"{OPEN_ENDED.get(kind, '')}{russian_date(first)} ({offset_words(first_offset)})"
    return f"{russian_date(first)}–{russian_date(last)} ({offset_words(first_offset)}…{offset_words(last_offset)})"


def compare(out_dir: Path, category: str) -> str:
    """Regions that plan `category` (with deadlines and offsets from their first voting day) and those that don't."""
    cid = category_id(category)
    _, rows = fetch(out_dir, COMPARE_SQL, [cid, cid])
    _, everyone = fetch(out_dir, "SELECT DISTINCT coalesce(region_name, 'Регион не определён') FROM plans ORDER BY 1")
    having = dict.fromkeys(r[0] for r in rows)
    lines = [f"«{categories()[cid]['label']}» ({cid}): есть в планах {len(having)} из {len(everyone)} регионов.",
             "Д0 — первый день голосования своего плана; Д−30 — за 30 дней до него.", ""]
    for plan in dict.fromkeys((r[0], r[1]) for r in rows):
        lines += plan_lines([r for r in rows if (r[0], r[1]) == plan])
    lacking = [r[0] for r in everyone if r[0] not in having]
    lines.append("Нет в планах: " + (", ".join(lacking) if lacking else "таких регионов нет"))
    return "\n".join(lines)


def plan_lines(rows: list[tuple]) -> list[str]:
    """One plan's activities of the category, with their deadlines as written and as days from day 0."""
    region, year, voting = rows[0][0], rows[0][1], rows[0][2]
    lines = [f"{region} ({year or 'год не указан'}; первый день голосования "
             f"{russian_date(voting) or 'неизвестен'}):"]
    for _, _, _, title, raw, kind, *span in rows:
        lines.append(f"  • {' '.join(title.split())} — «{raw}»: {span_text(kind, *span)}")
    return lines + [""]
