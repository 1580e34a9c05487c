"""Corrections by people: read from CSV/XLSX files, kept in the catalog, applied after parsing every night.

The contract (README «Corrections»): a header with `activity_id` (or `document_id`), `field`, `value`,
optionally `author`, `comment`, `dismiss`, `review_reason`; `value` is text (ISO dates, list items separated
by «; », empty = set empty). A row of `review.xlsx` left unanswered (no value, not dismissed) is skipped;
«(пусто)» sets a field empty there. The header may stand in any of the first rows (review.xlsx puts Russian
labels above it).
"""

import csv
import io
import re
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from pydantic import TypeAdapter, ValidationError

from extractors.categories import category_named
from extractors.encodings import decode_text
from schemas import Activity, Correction, DocumentRecord, Message, message

KEYS = {"activity_id", "document_id", "field", "value", "author", "comment", "dismiss", "review_reason"}
HEADER_ROWS = 5
EMPTY_MARK = "(пусто)"
YES = {"да", "x", "х", "1", "true", "верно", "+", "yes", "v", "✓"}
# What a person may correct; identifiers, provenance and the review bookkeeping are not data to fix.
NOT_CORRECTABLE = {"activity_id", "document_id", "source_file", "source_page", "source_table", "source_row",
                   "processed_at", "activity_key", "review_reasons", "corrected_fields"}
ACTIVITY_FIELDS = [name for name in Activity.model_fields if name not in NOT_CORRECTABLE]
DOCUMENT_FIELDS = ["region_code", "plan_year", "approved_on"]


class CorrectionFileError(Exception):
    def __init__(self, note: Message):
        super().__init__(note.text)
        self.note = note


# ---------------------------------------------------------------- reading files


def correction_files(folder: Path | None, extra: list[Path]) -> list[Path]:
    found = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".csv", ".xlsx")) \
        if folder and folder.is_dir() else []
    return found + [p for p in extra if p.is_file()]


def read_corrections(path: Path) -> list[Correction]:
    """Every answered row of one file; raises CorrectionFileError when the file has no contract header."""
    try:
        rows = xlsx_rows(path) if path.suffix.lower() == ".xlsx" else csv_rows(path)
    except Exception as error:  # noqa: BLE001 — any unreadable file is reported the same way, by name
        raise CorrectionFileError(message("correction.unreadable", file=path.name)) from error
    for start, header in enumerate(rows[:HEADER_ROWS]):
        keys = [str(cell or "").strip().lower() for cell in header]
        if "field" in keys and "value" in keys and ({"activity_id", "document_id"} & set(keys)):
            return [c for number, row in enumerate(rows[start + 1:], start + 2)
                    if (c := row_to_correction(path.name, number, keys, row))]
    raise CorrectionFileError(message("correction.no_columns", file=path.name))


def csv_rows(path: Path) -> list[list]:
    text, _ = decode_text(path.read_bytes())
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    return list(csv.reader(io.StringIO(text), dialect))


def xlsx_rows(path: Path) -> list[list]:
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        return [list(row) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def cell_text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def row_to_correction(file: str, number: int, keys: list[str], row: list) -> Correction | None:
    values = {key: cell_text(value) for key, value in zip(keys, row) if key in KEYS}
    if not (values.get("activity_id") or values.get("document_id")):
        return None
    dismiss = (values.get("dismiss") or "").lower() in YES
    value = values.get("value")
    if value is None or value == "":
        value = None if values.get("review_reason") else ""  # an unanswered doubt, or «set empty»
    value = "" if value == EMPTY_MARK else value
    if value is None and not dismiss:
        return None
    return Correction(file=file, row=number, activity_id=values.get("activity_id") or None,
                      document_id=values.get("document_id") or None, field=values.get("field") or None,
                      value=value, dismiss=dismiss, review_reason=values.get("review_reason") or None,
                      author=values.get("author") or None, comment=values.get("comment") or None)


# ---------------------------------------------------------------- values


def typed_value(model, field: str, text: str):
    """The text of a correction as the field's type; ValueError says why it does not fit."""
    annotation = model.model_fields[field].annotation
    if field == "category":
        return category_id(text)
    if "list[" in str(annotation):
        value = [item.strip() for item in text.split(";") if item.strip()]
    else:
        value = text if text != "" else None
    if value is None and "None" not in str(annotation):
        value = ""
    try:
        return TypeAdapter(annotation).validate_python(value)
    except ValidationError:
        raise ValueError(expected_words(annotation)) from None


def expected_words(annotation) -> str:
    """What the field takes, in words, for the message that refuses a value."""
    text = str(annotation)
    if "Literal" in text:
        return "ожидается одно из: " + ", ".join(re.findall(r"'([^']+)'", text))
    if "date" in text:
        return "ожидается дата ГГГГ-ММ-ДД" + (", через «; »" if "list[" in text else "")
    if "int" in text:
        return "ожидается целое число"
    return "ожидается текст"


def category_id(text: str) -> str:
    found = category_named(text)
    if found is None:
        raise ValueError("такой категории нет")
    return found


def shown(value) -> str:
    """A field's value as a correction writes it: lists joined with «; », dates ISO."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(shown(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def document_fields_of(record: DocumentRecord) -> dict:
    return {field: getattr(record, field) for field in DOCUMENT_FIELDS}
