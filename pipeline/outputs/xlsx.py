"""`activities.xlsx`: the dataset as an analyst opens it in Excel — every activity with Russian headers and
real dates, the regions × categories counts, the documents with their statuses, and what needs checking."""

from datetime import date, datetime
from io import BytesIO
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from pipeline.outputs.labels import (
    KIND_LABELS,
    RECURRENCE_LABELS,
    STATUS_LABELS,
    anchor_words,
    categories,
    category_label,
)
from pipeline.outputs.plans import region_category_counts, run_moment
from pipeline.outputs.review import ReviewItem, review_items
from pipeline.outputs.safe_text import keep_cells_text
from schemas import Activity, DocumentRecord
from schemas.messages import render_all

FILE_NAME = "activities.xlsx"
DATE_FORMAT = "DD.MM.YYYY"
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
GAP_FILL = PatternFill("solid", fgColor="FBE3E3")
WRAP = Alignment(wrap_text=True, vertical="top")


def joined(values: list) -> str:
    return "; ".join(str(v) for v in values)


# (header, column width, value of an activity)
ACTIVITY_COLUMNS = [
    ("Регион", 28, lambda a: a.region_name),
    ("Код региона", 9, lambda a: a.region_code),
    ("Год", 6, lambda a: a.plan_year),
    ("Раздел", 22, lambda a: a.section),
    ("№", 6, lambda a: a.seq),
    ("Мероприятие", 60, lambda a: a.title),
    ("Содержание", 40, lambda a: a.description),
    ("Примечание", 22, lambda a: a.note),
    ("Срок (как в плане)", 22, lambda a: a.deadline_raw),
    ("Вид срока", 13, lambda a: KIND_LABELS.get(a.deadline_kind, a.deadline_kind)),
    ("Начало", 12, lambda a: a.deadline_start),
    ("Окончание", 12, lambda a: a.deadline_end),
    ("Повторяемость", 14, lambda a: RECURRENCE_LABELS.get(a.recurrence or "", a.recurrence)),
    ("Отсчёт от события", 22, lambda a: anchor_words(a.deadline_anchor, a.deadline_offset_days)),
    ("Замечания к сроку", 30, lambda a: render_all(a.deadline_warnings)),
    ("Ответственные (как в плане)", 36, lambda a: a.responsible_raw),
    ("Ответственные лица", 28, lambda a: joined(a.responsible_persons)),
    ("Организации", 30, lambda a: joined(a.responsible_orgs)),
    ("Категория", 24, lambda a: category_label(a.category)),
    ("Файл", 22, lambda a: a.source_file),
    ("Стр.", 6, lambda a: a.source_page),
    ("Табл.", 6, lambda a: a.source_table),
    ("Строка", 7, lambda a: a.source_row),
    ("Скан: уверенность, %", 10, lambda a: a.ocr_confidence),  # empty for a value from a text layer
    ("Код мероприятия", 22, lambda a: a.activity_id),
]
DOCUMENT_COLUMNS = [
    ("Файл", 26, lambda r, names: r.source_file),
    ("Статус", 20, lambda r, names: STATUS_LABELS.get(r.status, r.status)),
    ("Причина", 50, lambda r, names: r.reason),
    ("Регион", 28, lambda r, names: r.region_name),
    ("Код региона", 9, lambda r, names: r.region_code),
    ("Год", 6, lambda r, names: r.plan_year),
    ("Утверждён", 12, lambda r, names: r.approved_on),
    ("Кем утверждён", 22, lambda r, names: r.approved_by),
    ("Заголовок", 60, lambda r, names: r.title),
    ("Мероприятий", 8, lambda r, names: r.activity_count),
    ("Страниц", 8, lambda r, names: r.pages),
    ("Формат", 8, lambda r, names: r.format),
    ("Копия файла", 22, lambda r, names: names.get(r.duplicate_of or "")),
    ("Заменён файлом", 22, lambda r, names: names.get(r.superseded_by or "")),
    ("Код документа", 22, lambda r, names: r.document_id),
]
REVIEW_COLUMNS = [("Что проверить", 26), ("Регион", 28), ("Файл", 22), ("Стр.", 6), ("Строка", 7),
                  ("Мероприятие или документ", 60), ("Срок, замечание или причина", 60)]


def write_xlsx(release_dir: Path, activities: list[Activity], records: list[DocumentRecord]) -> Path:
    workbook = Workbook()
    activities_sheet(workbook.active, activities)
    matrix_sheet(workbook.create_sheet("Регионы × категории"), activities, records)
    documents_sheet(workbook.create_sheet("Документы"), records)
    review_sheet(workbook.create_sheet("Требуют проверки"), review_items(activities, records))
    path = release_dir / FILE_NAME
    save_reproducibly(workbook, path, run_moment(release_dir))
    return path


def activities_sheet(sheet: Worksheet, activities: list[Activity]) -> None:
    sheet.title = "Мероприятия"
    rows = [[value(a) for _, _, value in ACTIVITY_COLUMNS] for a in activities]
    fill_table(sheet, [(h, w) for h, w, _ in ACTIVITY_COLUMNS], rows)


def matrix_sheet(sheet: Worksheet, activities: list[Activity], records: list[DocumentRecord]) -> None:
    """One row per region, one column per category; a zero is a category the region's plan lacks."""
    ids = list(categories())
    counts = region_category_counts(activities, records)
    rows = [[region, *(found[c] for c in ids), sum(found.values())] for region, found in counts.items()]
    columns = [("Регион", 30), *((category_label(c), 14) for c in ids), ("Всего", 8)]
    fill_table(sheet, columns, rows)
    for row in sheet.iter_rows(min_row=2, min_col=2, max_col=len(ids) + 1):
        for cell in (c for c in row if c.value == 0):
            cell.fill = GAP_FILL


def documents_sheet(sheet: Worksheet, records: list[DocumentRecord]) -> None:
    names = {r.document_id: r.source_file for r in records}
    rows = [[value(r, names) for _, _, value in DOCUMENT_COLUMNS] for r in records]
    fill_table(sheet, [(h, w) for h, w, _ in DOCUMENT_COLUMNS], rows)


def review_sheet(sheet: Worksheet, items: list[ReviewItem]) -> None:
    rows = [list(item[:7]) for item in items] or [["Замечаний нет", None, None, None, None, None, None]]
    fill_table(sheet, REVIEW_COLUMNS, rows)


def fill_table(sheet: Worksheet, columns: list[tuple[str, int]], rows: list[list]) -> None:
    """Header row (bold, frozen, filtered), wrapped text, real date cells shown as ДД.ММ.ГГГГ."""
    sheet.append([header for header, _ in columns])
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            cell.alignment = WRAP
            cell.number_format = DATE_FORMAT if isinstance(cell.value, date) else cell.number_format
        keep_cells_text(sheet[sheet.max_row])
    for index, (_, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(sheet.max_row, 1)}"


def save_reproducibly(workbook: Workbook, path: Path, moment: datetime) -> None:
    """The same data makes the same bytes: the run's moment, not now, in the properties and the zip."""
    naive = moment.replace(tzinfo=None, microsecond=0)
    workbook.properties.created = workbook.properties.modified = naive
    buffer = BytesIO()
    ExcelWriter(workbook, ZipFile(buffer, "w", ZIP_DEFLATED)).save()
    with ZipFile(buffer) as source, ZipFile(path, "w", ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(ZipInfo(info.filename, date_time=naive.timetuple()[:6]), source.read(info),
                            ZIP_DEFLATED)
