"""Rows as a person or a script wants them: an aligned text table (long values cut at 60 characters unless
`full`), CSV (what a spreadsheet or `csvkit` reads: full values, ISO dates, lists joined with «; ») or JSON
(a list of objects). `svodka query` and `svodka deadlines` print through here."""

import csv
import io
import json
from datetime import date, datetime

from pipeline.outputs.labels import plural, russian_date

FORMATS = ("table", "csv", "json")
MAX_CELL = 60


def rows_to_text(columns: list[str], rows: list[tuple], fmt: str = "table", full: bool = False) -> str:
    if fmt == "csv":
        return rows_to_csv(columns, rows)
    if fmt == "json":
        return rows_to_json(columns, rows)
    return rows_to_table(columns, rows, full)


def cell_text(value, full: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(cell_text(v, True) for v in value)
    text = russian_date(value) if isinstance(value, date) and not isinstance(value, datetime) else str(value)
    text = " ".join(text.split())
    return text if full or len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def rows_to_table(columns: list[str], rows: list[tuple], full: bool = False) -> str:
    cells = [[cell_text(v, full) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    body = [aligned(columns, widths), aligned(["-" * w for w in widths], widths)]
    return "\n".join(body + [aligned(r, widths) for r in cells] + [f"({rows_count(len(rows))})"])


def aligned(values: list[str], widths: list[int]) -> str:
    return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()


def rows_count(n: int) -> str:
    return f"{n} {plural(n, ('строка', 'строки', 'строк'))}"


def plain(value):
    """A value as CSV and JSON carry it: ISO dates, lists kept (JSON) or joined (CSV by the caller)."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def rows_to_csv(columns: list[str], rows: list[tuple]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["; ".join(map(str, plain(v))) if isinstance(v, list) else plain(v) for v in row])
    return buffer.getvalue().rstrip("\n")


def rows_to_json(columns: list[str], rows: list[tuple]) -> str:
    return json.dumps([dict(zip(columns, map(plain, row))) for row in rows], ensure_ascii=False, indent=2,
                      default=str)
