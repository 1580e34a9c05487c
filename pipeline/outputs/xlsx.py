"""`activities.xlsx`: the dataset as an analyst opens it in Excel and a chamber employee prints it — every
activity with Russian headers and real dates, ordered by region, plan and number, each linked to its
document; the regions × categories counts; who has sent a plan for each election («Охват»); the documents
with their statuses; and what needs checking.

Each sheet is a spec (sheets.py: columns + items); `xlsx_writer.py` writes any list of them. The first
columns of «Мероприятия» are the ones a person reads on paper (`printed_columns`); codes and provenance
follow them on screen only."""

from pathlib import Path

from pipeline.outputs.coverage import CoverageRow, coverage_rows
from pipeline.outputs.labels import (
    CHANGE_LABELS,
    COVERAGE_LABELS,
    FIELD_WORDS,
    KIND_LABELS,
    RECURRENCE_LABELS,
    STATUS_LABELS,
    anchor_words,
    categories,
    category_label,
    messages_text,
)
from pipeline.outputs.plans import read_changes, region_category_counts, run_moment
from pipeline.outputs.review import ReviewItem, review_items
from pipeline.outputs.sheets import Column, Place, Sheet
from pipeline.outputs.xlsx_writer import write_workbook
from schemas import Activity, Change, DocumentRecord

FILE_NAME = "activities.xlsx"
TITLE = "Сводка планов общественных штабов"
ACTIVITIES, MATRIX, COVERAGE, DOCUMENTS, REVIEW, CHANGES = (
    "Мероприятия", "Регионы × категории", "Охват", "Документы", "Требуют проверки", "Изменения")
LAST = "\uffff"  # sorts after every name: activities and documents without a region go last


def joined(values: list) -> str | None:
    return "; ".join(values) if values else None


def write_xlsx(release_dir: Path, activities: list[Activity], records: list[DocumentRecord],
               changes: list[Change] | None = None) -> Path:
    """`changes`: what the current revisions changed; read from the release's changes.jsonl when not given."""
    changes = read_changes(release_dir, records) if changes is None else changes
    documents = sorted(records, key=document_order)
    rows_of = document_rows(documents)
    sheets = [
        Sheet(ACTIVITIES, activity_columns(rows_of), sorted(activities, key=activity_order), printed_columns=10),
        matrix_sheet(activities, records),
        coverage_sheet(coverage_rows(records), rows_of),
        Sheet(DOCUMENTS, document_columns(documents), documents, printed_columns=6),
        review_sheet(review_items(activities, records)),
        changes_sheet(changes, rows_of),
    ]
    return write_workbook(release_dir / FILE_NAME, sheets, run_moment(release_dir), TITLE)


def activity_order(a: Activity) -> tuple:
    """By region, then plan (year, file), then the plan's own order of rows (its numbering)."""
    return (a.region_name or LAST, a.plan_year or 0, a.source_file, a.source_table or 0, a.source_row)


def document_order(r: DocumentRecord) -> tuple:
    return (r.region_name or LAST, r.plan_year or 0, r.source_file)


def document_rows(documents: list[DocumentRecord]) -> dict[str, Place]:
    """Document id → its row in «Документы»: the accepted file where one content came under several names."""
    rows: dict[str, Place] = {}
    for i, r in enumerate(documents):
        if r.document_id not in rows or r.status == "ingested":
            rows[r.document_id] = Place(DOCUMENTS, i)
    return rows


def activity_columns(rows_of: dict[str, Place]) -> list[Column]:
    """The first ten are printed; the file's name links to its document."""
    return [
        Column("Регион", 22, "region_name"),
        Column("Год", 6, "plan_year", "number"),
        Column("№", 5, "seq"),
        Column("Мероприятие", 46, "title"),
        Column("Содержание", 28, "description"),
        Column("Срок (как в плане)", 16, "deadline_raw"),
        Column("Начало", 11, "deadline_start", "date"),
        Column("Окончание", 11, "deadline_end", "date"),
        Column("Ответственные (как в плане)", 28, "responsible_raw"),
        Column("Категория", 17, "category", words=category_label),
        Column("Файл", 22, "source_file", link=lambda a: rows_of.get(a.document_id)),
        Column("Раздел", 22, "section"),
        Column("Примечание", 22, "note"),
        Column("Вид срока", 13, "deadline_kind", words=lambda kind: KIND_LABELS.get(kind, kind)),
        Column("Повторяемость", 14, "recurrence", words=lambda code: RECURRENCE_LABELS.get(code, code)),
        Column("Замечания к сроку", 30, lambda a: messages_text(a.deadline_warnings)),
        Column("Ответственные лица", 28, lambda a: joined(a.responsible_persons)),
        Column("Организации", 30, lambda a: joined(a.responsible_orgs)),
        Column("Отсчёт от события", 22, lambda a: anchor_words(a.deadline_anchor, a.deadline_offset_days) or None),
        Column("Исправлено людьми", 22, lambda a: joined(a.corrected_fields)),
        Column("Скан: уверенность, %", 10, "ocr_confidence", "number"),  # empty for a value from a text layer
        Column("Стр.", 6, "source_page", "number"),
        Column("Табл.", 6, "source_table", "number"),
        Column("Строка", 7, "source_row", "number"),
        Column("Код региона", 9, "region_code"),
        Column("Код мероприятия", 22, "activity_id"),
    ]


def document_columns(documents: list[DocumentRecord]) -> list[Column]:
    names = {r.document_id: r.source_file for r in documents}
    return [
        Column("Файл", 26, "source_file"),
        Column("Статус", 18, "status", words=lambda status: STATUS_LABELS.get(status, status)),
        Column("Причина", 50, "reason"),
        Column("Регион", 26, "region_name"),
        Column("Год", 6, "plan_year", "number"),
        Column("Мероприятий", 9, "activity_count", "number"),
        Column("Утверждён", 11, "approved_on", "date"),
        Column("Кем утверждён", 22, "approved_by"),
        Column("Заголовок", 60, "title"),
        Column("Страниц", 8, "pages", "number"),
        Column("Формат", 8, "format"),
        Column("Копия файла", 22, lambda r: names.get(r.duplicate_of or "")),
        Column("Заменён файлом", 22, lambda r: names.get(r.superseded_by or "")),
        Column("Код региона", 9, "region_code"),
        Column("Код документа", 22, "document_id"),
    ]


def matrix_sheet(activities: list[Activity], records: list[DocumentRecord]) -> Sheet:
    """One row per region, one column per category; a zero is a category the region's plan lacks."""
    counts = list(region_category_counts(activities, records).items())
    columns = [Column("Регион", 30, lambda item: item[0])]
    for cid in categories():
        columns.append(Column(category_label(cid), 12, lambda item, c=cid: item[1][c], "number",
                              fill=lambda item, c=cid: "gap" if c != "other" and not item[1][c] else None))
    columns.append(Column("Всего", 8, lambda item: sum(item[1].values()), "number"))
    return Sheet(MATRIX, columns, counts)


def coverage_sheet(rows: list[CoverageRow], rows_of: dict[str, Place]) -> Sheet:
    """Every subject for every election year, coloured by whether it sent a plan."""
    columns = [
        Column("Год", 6, "year", "number"),
        Column("№", 5, "number"),
        Column("Субъект", 34, "name"),
        Column("Округ", 24, "district"),
        Column("Статус", 20, "status", words=COVERAGE_LABELS.get, fill=lambda r: r.status),
        Column("Файлы", 26, "files", link=lambda r: rows_of.get(r.document_id or "")),
        Column("Подробности", 60, "detail"),
        Column("Код региона", 9, "code"),
    ]
    return Sheet(COVERAGE, columns, rows, printed_columns=7)


def review_sheet(items: list[ReviewItem]) -> Sheet:
    items = items or [ReviewItem("Замечаний нет", "", "", None, None, "", "")]
    names = [("Что проверить", 26), ("Регион", 26), ("Файл", 22), ("Стр.", 6), ("Строка", 7),
             ("Мероприятие или документ", 60), ("Срок, замечание или причина", 60)]
    columns = [Column(name, width, lambda item, i=i: item[i], "number" if name in ("Стр.", "Строка") else "text")
               for i, (name, width) in enumerate(names)]
    return Sheet(REVIEW, columns, items)



def changes_sheet(changes: list[Change], rows_of: dict[str, Place]) -> Sheet:
    """What each revised plan changed against the revision it replaced (changes.jsonl of the same release)."""
    columns = [
        Column("Регион", 24, "region_name"),
        Column("Год", 6, "plan_year", "number"),
        Column("Что", 12, "change", words=CHANGE_LABELS.get),
        Column("Мероприятие", 50, "title"),
        Column("Поле", 16, "field", words=lambda f: FIELD_WORDS.get(f, f)),
        Column("Было", 30, "old"),
        Column("Стало", 30, "new"),
        Column("Документ", 22, lambda c: "новая редакция", link=lambda c: rows_of.get(c.document_id)),
        Column("Код мероприятия", 22, "activity_id"),
    ]
    return Sheet(CHANGES, columns, changes, printed_columns=7)
