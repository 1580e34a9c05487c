"""`svodka query` and `svodka compare`: questions to the published `svodka.duckdb`.

`run_query` runs any SQL (read-only) and gives the rows as a table, CSV or JSON; `compare` shows, for one
category, which regions plan it, when, and how many days before or after their plan's first voting day (day 0)."""

from datetime import date
from pathlib import Path

import duckdb

from pipeline.answer_formats import rows_to_text
from pipeline.outputs.duck import FILE_NAME
from pipeline.outputs.labels import KIND_LABELS, categories, offset_words, russian_date
from schemas.errors import SvodkaError
from schemas.messages import message

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
    """The question could not be answered; its message (schemas/messages.py) says why, in Russian."""

    def __init__(self, code: str, **params):
        self.message = message(code, **params)
        super().__init__(self.message.text)


def database_of(out_dir: Path) -> Path:
    """`out_dir/svodka.duckdb` is a symlink through `out_dir/current`: open the real file."""
    link = out_dir / FILE_NAME
    if not link.exists():
        raise QueryError("query.no_database", out_dir=out_dir, name=FILE_NAME)
    return link.resolve()


def fetch(out_dir: Path, sql: str, parameters: list | None = None) -> tuple[list[str], list[tuple]]:
    with duckdb.connect(str(database_of(out_dir)), read_only=True) as con:
        try:
            cursor = con.execute(sql, parameters or [])
        except duckdb.Error as error:
            views = ", ".join(r[0] for r in con.execute("SELECT view_name FROM duckdb_views() "
                                                        "WHERE NOT internal ORDER BY 1").fetchall())
            raise QueryError("query.bad_sql", error=str(error).strip(), views=views) from None
        if cursor.description is None:
            return [], []
        return [d[0] for d in cursor.description], cursor.fetchall()


def run_query(out_dir: Path, sql: str, fmt: str = "table", full: bool = False) -> str:
    """Any SQL over the release's database → rows as a table (long values cut unless `full`), CSV or JSON."""
    columns, rows = fetch(out_dir, sql)
    return rows_to_text(columns, rows, fmt, full) if columns else "Запрос выполнен."


def category_id(category: str) -> str:
    """An id («hotline»), a Russian label («Горячая линия и обращения») or the unambiguous beginning of either
    («Горячая линия»), in any case."""
    wanted = " ".join(category.split()).lower()
    found = categories()
    for cid, record in found.items():
        if wanted in (cid, record["label"].lower()):
            return cid
    starting = [cid for cid, record in found.items() if wanted and (cid.startswith(wanted)
                                                                     or record["label"].lower().startswith(wanted))]
    if len(starting) == 1:
        return starting[0]
    if starting:
        raise QueryError("query.ambiguous_category", category=category,
                         matches=", ".join(f"«{found[c]['label']}»" for c in starting))
    raise QueryError("query.unknown_category", category=category,
                     known=", ".join(f"«{record['label']}»" for record in found.values()))


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
