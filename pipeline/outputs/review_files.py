"""The review loop's files in a release: `review.xlsx` (the open doubts, a corrections file to fill in),
`changes.jsonl` (what changed between revisions of a plan) and `corrections.jsonl` (every correction
received and what became of it).

`review.xlsx`: row 1 holds Russian labels, row 2 the contract's column keys (what the corrections reader
looks for), then one row per doubt. A person fills «Исправленное значение» or marks «Верно», saves the file
into `DIR/corrections/`, and the next run applies it.
"""

from pathlib import Path

import duckdb
import pyarrow as pa
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from pipeline.outputs.duck import FILE_NAME as DUCKDB_FILE
from pipeline.outputs.duck import load_table
from pipeline.outputs.plans import CHANGES_FILE
from pipeline.outputs.review import ReviewItem, review_items
from pipeline.outputs.safe_text import keep_cells_text
from pipeline.publish import activities_to_arrow, models_to_arrow, write_jsonl
from pipeline.review.dataset import Reviewed
from schemas import Activity, Change, DocumentRecord, StoredCorrection

REVIEW_FILE, CORRECTIONS_FILE = "review.xlsx", "corrections.jsonl"
# (Russian label, contract key, width, value of a doubt)
DOUBT_COLUMNS = [
    ("Регион", "region_name", 24, lambda i: i.region),
    ("Файл", "source_file", 22, lambda i: i.source_file),
    ("Стр.", "source_page", 6, lambda i: i.page),
    ("Строка", "source_row", 7, lambda i: i.row),
    ("Мероприятие или документ", "title", 50, lambda i: i.subject),
    ("Что вызывает сомнение", "doubt", 50, lambda i: i.text),
    ("Поле", "field", 18, lambda i: i.field),
    ("Значение сейчас", "current_value", 30, lambda i: i.current),
    ("Исправленное значение", "value", 30, lambda i: None),
    ("Верно (да)", "dismiss", 10, lambda i: None),
    ("Кто проверил", "author", 16, lambda i: None),
    ("Комментарий", "comment", 24, lambda i: None),
    ("Код сомнения", "review_reason", 22, lambda i: i.code),
    ("Код мероприятия", "activity_id", 22, lambda i: None if i.is_document else i.target),
    ("Код документа", "document_id", 22, lambda i: i.target if i.is_document else None),
]
OUTCOME_WORDS = {"applied": "применено", "carried": "перенесено в новую редакцию", "orphaned": "осиротело",
                 "conflict": "не применено: значение изменилось", "invalid": "не применено",
                 "dismissed": "сомнение снято"}
LABEL_FONT, KEY_FONT = Font(bold=True), Font(color="808080", size=8)
FILL_ME = PatternFill("solid", fgColor="FFF4CE")
WRAP = Alignment(wrap_text=True, vertical="top")


def review_writers(reviewed: Reviewed, stored: list[StoredCorrection]) -> tuple[list, list]:
    """The writers of the release (`writer(release_dir, activities, records, changes)`) for the review loop's
    files: those to run before the analysts' outputs and after them (DuckDB's tables go into their file)."""
    before = [
        lambda release, activities, records, _changes: write_review_workbook(release, activities, records,
                                                                            reviewed, stored),
        lambda release, *_: write_jsonl(release / CHANGES_FILE, reviewed.changes),
        lambda release, *_: write_jsonl(release / CORRECTIONS_FILE, correction_rows(reviewed, stored)),
    ]
    after = [lambda release, *_: add_review_tables(release, reviewed, stored)]
    return before, after


def add_review_tables(release: Path, reviewed: Reviewed, stored: list[StoredCorrection]) -> None:
    """In svodka.duckdb: `activities_machine` (the values as parsed, before people's corrections),
    `changes` and `corrections`."""
    path = release / DUCKDB_FILE
    if not path.exists():
        return
    with duckdb.connect(str(path)) as con:
        load_table(con, "activities_machine", activities_to_arrow(reviewed.machine))
        load_table(con, "changes", models_to_arrow(Change, reviewed.changes))
        rows = correction_rows(reviewed, stored)
        if rows:
            load_table(con, "corrections", pa.Table.from_pylist(rows))
        else:
            con.execute("CREATE TABLE corrections (file VARCHAR, row INTEGER, target VARCHAR, field VARCHAR, "
                        "value VARCHAR, outcome VARCHAR, note VARCHAR)")


def write_review_workbook(release: Path, activities: list[Activity], records: list[DocumentRecord],
                          reviewed: Reviewed, stored: list[StoredCorrection]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Проверить"
    doubts = [item for item in review_items(activities, records) if item.field or item.code]
    fill_doubts(sheet, doubts)
    fill_corrections(workbook.create_sheet("Исправления"), correction_rows(reviewed, stored))
    path = release / REVIEW_FILE
    workbook.save(path)
    return path


def fill_doubts(sheet, doubts: list[ReviewItem]) -> None:
    sheet.append([label for label, _, _, _ in DOUBT_COLUMNS])
    sheet.append([key for _, key, _, _ in DOUBT_COLUMNS])
    for item in doubts:
        sheet.append([value(item) for _, _, _, value in DOUBT_COLUMNS])
    for index, (_, key, width, _) in enumerate(DOUBT_COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = width
        sheet[f"{letter}1"].font, sheet[f"{letter}2"].font = LABEL_FONT, KEY_FONT
        for row in range(3, sheet.max_row + 1):
            sheet[f"{letter}{row}"].alignment = WRAP
            if key in ("value", "dismiss", "author", "comment"):
                sheet[f"{letter}{row}"].fill = FILL_ME
    sheet.freeze_panes = "A3"
    keep_as_text(sheet)


def fill_corrections(sheet, rows: list[dict]) -> None:
    columns = [("Файл исправлений", "file"), ("Строка", "row"), ("Код", "target"), ("Поле", "field"),
               ("Было", "old"), ("Стало", "new"), ("Итог", "outcome"), ("Пояснение", "note"), ("Автор", "author")]
    sheet.append([label for label, _ in columns])
    for row in rows:
        sheet.append([row.get(key) for _, key in columns])
    for index in range(1, len(columns) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 22
    keep_as_text(sheet)


def correction_rows(reviewed: Reviewed, stored: list[StoredCorrection]) -> list[dict]:
    rows = []
    for item in stored:
        c, result = item.correction, reviewed.results.get(item.id)
        rows.append({"file": c.file, "row": c.row, "target": c.target, "field": c.field, "value": c.value,
                     "dismiss": c.dismiss, "review_reason": c.review_reason, "author": c.author,
                     "comment": c.comment, "old": result.old if result else None,
                     "new": result.new if result else None,
                     "outcome": OUTCOME_WORDS.get(result.outcome) if result else None,
                     "outcome_code": result.outcome if result else None,
                     "applied_to": result.applied_to if result else None,
                     "note": result.note.text if result and result.note else None})
    return rows


def keep_as_text(sheet) -> None:
    """Data is never a formula (the rule is pipeline/outputs/safe_text.py's)."""
    for row in sheet.iter_rows():
        keep_cells_text(row)
