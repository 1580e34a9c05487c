"""The workbook writer on its own: any sheet spec (columns + items) becomes a sheet openpyxl and LibreOffice
read back exactly — text as text, numbers, dates, links between sheets, fills, row heights."""

from datetime import date, datetime

import openpyxl
import pytest

from pipeline.outputs.safe_text import EXCEL_CELL_LIMIT, safe_text, safe_texts
from pipeline.outputs.sheets import Column, Place, Sheet
from pipeline.outputs.xlsx_writer import column_letter, write_workbook

MOMENT = datetime(2026, 3, 1, 2, 0, 0)
ITEMS = [
    {"name": "Первый", "n": 1, "day": date(2021, 9, 17), "note": "короткий", "to": 1, "odd": None},
    {"name": "=1+1", "n": None, "day": None, "note": "очень длинный текст " * 20, "to": 0, "odd": "gap"},
    {"name": "A & B <c>", "n": 2.5, "day": date(1999, 12, 31), "note": "строка\nвторая\nтретья", "to": None,
     "odd": None},
]


def sheets() -> list[Sheet]:
    first = Sheet("Первый лист", [
        Column("Имя", 20, lambda i: i["name"], link=lambda i: Place("Второй", i["to"]) if i["to"] is not None else None),
        Column("Число", 8, lambda i: i["n"], "number", fill=lambda i: i["odd"]),
        Column("Дата", 11, lambda i: i["day"], "date"),
        Column("Заметка", 20, lambda i: i["note"]),
    ], ITEMS, printed_columns=2)
    second = Sheet("Второй", [Column("Что", 10, lambda i: i)], ["ноль", "один"])
    empty = Sheet("Пустой", [Column("Ничего", 10, lambda i: i)], [])
    return [first, second, empty]


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    path = write_workbook(tmp_path_factory.mktemp("book") / "b.xlsx", sheets(), MOMENT, "Проба")
    return path, openpyxl.load_workbook(path)


def test_values_come_back_as_written(book):
    sheet = book[1]["Первый лист"]
    rows = list(sheet.iter_rows(min_row=1, values_only=True))
    assert rows[0] == ("Имя", "Число", "Дата", "Заметка")
    assert rows[1][:3] == ("Первый", 1, datetime(2021, 9, 17))
    assert rows[2][:3] == ("=1+1", None, None)
    assert rows[3][:4] == ("A & B <c>", 2.5, datetime(1999, 12, 31), "строка\nвторая\nтретья")
    assert sheet["A3"].data_type == "s"  # a formula-looking text stays text
    assert book[1]["Пустой"].max_row == 1


def test_links_fills_and_heights(book):
    sheet = book[1]["Первый лист"]
    assert sheet["A2"].hyperlink.location == "'Второй'!A3" and sheet["A3"].hyperlink.location == "'Второй'!A2"
    assert sheet["A4"].hyperlink is None
    assert sheet["B3"].fill.fgColor.rgb == "FFFBE3E3" and sheet["B2"].fill.fill_type is None
    heights = [sheet.row_dimensions[r].height for r in (2, 3, 4)]
    assert heights[0] == 15.0  # one line
    assert heights[1] >= 12.75 * len(ITEMS[1]["note"]) / 19  # long text wraps over many lines
    assert heights[2] == 3 * 12.75 + 2.25  # three lines written as three lines
    assert sheet.print_area == "'Первый лист'!$A$1:$B$4"


def test_same_sheets_same_bytes(book, tmp_path):
    again = write_workbook(tmp_path / "again.xlsx", sheets(), MOMENT, "Проба")
    assert again.read_bytes() == book[0].read_bytes()


@pytest.mark.parametrize(("value", "expected"), [
    (None, None), ("", None), ("текст", "текст"), ("=SUM(A1)", "=SUM(A1)"), ("a\x00b\x1fc\x0bd", "abcd"),
    ("строка\nи\tтаб", "строка\nи\tтаб"), (42, "42"),
])
def test_safe_text(value, expected):
    assert safe_text(value) == expected
    assert safe_texts([value, "другой"]) == [expected, "другой"]


def test_safe_text_cuts_what_excel_cannot_hold():
    assert len(safe_text("я" * 40_000)) == EXCEL_CELL_LIMIT


@pytest.mark.parametrize(("index", "letters"), [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"),
                                                (702, "AAA")])
def test_column_letters(index, letters):
    assert column_letter(index) == letters
