"""`svodka.duckdb`: the release as a database, so an analyst's question is one line of SQL.

Tables: `activities` (lists as VARCHAR[] / DATE[], dates as DATE), `documents`, `regions` (all federal
subjects), `categories` (ids with Russian labels), `plans` (each plan's voting days: day 0 of comparisons),
`coverage` (every subject for every election year: plan, sent but unreadable, nothing — coverage.py; and
the documents that could not be placed, status `unplaced`).
Views (VIEWS below) answer the usual questions."""

from pathlib import Path

import duckdb
import pyarrow as pa

from extractors.vocab import DATA
from pipeline.outputs.coverage import coverage_rows, unplaced
from pipeline.outputs.labels import COVERAGE_LABELS, UNPLACED_LABEL, categories
from pipeline.outputs.plans import plan_voting_days
from pipeline.publish import activities_to_arrow, models_to_arrow
from schemas import Activity, DocumentRecord

FILE_NAME = "svodka.duckdb"
REGIONS_CSV = DATA / "regions.csv"

VIEWS = {
    "activities_by_region_category": """
        SELECT a.region_name, a.category, c.label AS category_label, count(*) AS activities
        FROM activities a JOIN categories c ON c.id = a.category
        GROUP BY a.region_name, a.category, c.label, c.position ORDER BY a.region_name, c.position""",
    "region_category_matrix": """
        SELECT r.region_name, c.id AS category, c.label AS category_label,
               count(a.activity_id) AS activities
        FROM (SELECT DISTINCT region_name FROM plans) r CROSS JOIN categories c
        LEFT JOIN activities a ON a.region_name IS NOT DISTINCT FROM r.region_name AND a.category = c.id
        GROUP BY r.region_name, c.id, c.label, c.position ORDER BY r.region_name, c.position""",
    "missing_categories": """
        SELECT region_name, category, category_label FROM region_category_matrix
        WHERE activities = 0 AND category <> 'other'""",
    "dated_activities": """
        SELECT a.region_name, a.plan_year, a.title, a.category, a.deadline_raw, a.deadline_kind,
               coalesce(a.deadline_start, a.deadline_end) AS first_day,
               coalesce(a.deadline_end, a.deadline_start) AS last_day,
               p.voting_start,
               coalesce(a.deadline_start, a.deadline_end) - p.voting_start AS first_day_offset,
               coalesce(a.deadline_end, a.deadline_start) - p.voting_start AS last_day_offset,
               a.source_file, a.source_page, a.source_row, a.activity_id
        FROM activities a LEFT JOIN plans p USING (document_id)
        WHERE a.deadline_kind IN ('date', 'range', 'before', 'after')
          AND coalesce(a.deadline_start, a.deadline_end) IS NOT NULL
        ORDER BY a.region_name, first_day, a.source_row""",
    "hotline": """
        SELECT region_name, title, deadline_raw, deadline_kind, deadline_start, deadline_end,
               responsible_raw, source_file, source_row
        FROM activities WHERE category = 'hotline' ORDER BY region_name, source_row""",
    "needs_review": """
        SELECT region_name, source_file, source_row, title, deadline_raw, deadline_kind, deadline_warnings
        FROM activities WHERE deadline_kind = 'unparsed' OR len(deadline_warnings) > 0
        ORDER BY region_name, source_row""",
    "documents_by_status": """
        SELECT status, count(*) AS documents, string_agg(source_file, ', ' ORDER BY source_file) AS files
        FROM documents GROUP BY status ORDER BY status""",
}


def write_duckdb(release_dir: Path, activities: list[Activity], records: list[DocumentRecord], changes=()) -> Path:
    """`changes` (the writers' common signature) are loaded whole, history included, by the review's own
    writer (pipeline/outputs/review_files.py), not here."""
    path = release_dir / FILE_NAME
    path.unlink(missing_ok=True)
    with duckdb.connect(str(path)) as con:
        load_table(con, "activities", activities_to_arrow(activities))
        load_table(con, "documents", models_to_arrow(DocumentRecord, records))
        load_table(con, "categories", categories_table())
        load_table(con, "plans", plans_table(activities, records))
        load_table(con, "coverage", coverage_table(records))
        con.execute(f"CREATE TABLE regions AS SELECT * FROM read_csv('{REGIONS_CSV}', all_varchar = true)")
        for name, sql in VIEWS.items():
            con.execute(f"CREATE VIEW {name} AS {sql}")
    return path


def load_table(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> None:
    con.register("incoming", table)
    con.execute(f"CREATE TABLE {name} AS SELECT * FROM incoming")
    con.unregister("incoming")


def categories_table() -> pa.Table:
    found = list(categories().values())
    return pa.Table.from_pylist([{"id": c["id"], "label": c["label"], "definition": c["definition"],
                                  "position": i} for i, c in enumerate(found, start=1)])


def plans_table(activities: list[Activity], records: list[DocumentRecord]) -> pa.Table:
    days = plan_voting_days(records)
    rows = [{"document_id": r.document_id, "source_file": r.source_file, "region_name": r.region_name,
             "region_code": r.region_code, "plan_year": r.plan_year, "voting_start": days[r.document_id].first,
             "voting_end": days[r.document_id].last, "voting_days_from": days[r.document_id].source}
            for r in records if r.status == "ingested" and r.document_id in days]
    schema = pa.schema([("document_id", pa.string()), ("source_file", pa.string()), ("region_name", pa.string()),
                        ("region_code", pa.string()), ("plan_year", pa.int32()), ("voting_start", pa.date32()),
                        ("voting_end", pa.date32()), ("voting_days_from", pa.string())])
    return pa.Table.from_pylist(rows, schema=schema)


def coverage_table(records: list[DocumentRecord]) -> pa.Table:
    rows = [{"year": r.year, "region_number": r.number, "region_code": r.code, "region_name": r.name,
             "district": r.district, "status": r.status, "status_label": COVERAGE_LABELS[r.status],
             "files": r.files or None, "detail": r.detail or None, "document_id": r.document_id}
            for r in coverage_rows(records)]
    rows += [{"year": r.plan_year, "region_number": r.region_number, "region_code": r.region_code,
              "region_name": r.region_name, "district": None, "status": "unplaced", "status_label": UNPLACED_LABEL,
              "files": r.source_file, "detail": r.reason, "document_id": r.document_id} for r in unplaced(records)]
    schema = pa.schema([("year", pa.int32()), ("region_number", pa.string()), ("region_code", pa.string()),
                        ("region_name", pa.string()), ("district", pa.string()), ("status", pa.string()),
                        ("status_label", pa.string()), ("files", pa.string()), ("detail", pa.string()),
                        ("document_id", pa.string())])
    return pa.Table.from_pylist(rows, schema=schema)
