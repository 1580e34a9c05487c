"""The one way a text value becomes a spreadsheet cell or a CSV field: every writer of cells (the workbook's
sheets, once per distinct text of a column; the review workbook; the CSV) calls this module, so what a cell
may hold is decided here once.

A cell keeps the plan's text as written, except for what a spreadsheet cannot hold: control characters
other than tab and line feed (XML 1.0 forbids them; Excel refuses the file) and anything past Excel's
32,767 characters a cell. Cells are written as text, never as formulas, so a title beginning with «=»
stays a title.

No formulas from data. A cell or file name starting with «=», «+», «-» or «@» is a formula to Excel (and
to LibreOffice and Google Sheets opening a CSV), e.g. `=HYPERLINK("http://…?"&B2, "…")` would send the
neighbouring cell away when clicked. The workbooks keep the text exactly, as a text cell marked the way
Excel marks a typed apostrophe (the `quotePrefix` style), so editing the cell keeps it text; the CSV, which
has no styles, gets the apostrophe itself, as OWASP's «CSV Injection» page advises, with every field
quoted. JSONL, Parquet and DuckDB keep the text as written: they are data, not spreadsheets.
"""

import re

EXCEL_CELL_LIMIT = 32_767
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# OWASP: «=», «+», «-», «@», and the tab and carriage return that can hide one of them from a filter.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value) -> str | None:
    """A value as the text of a cell; None (an empty cell) for None and the empty string."""
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    if not text:
        return None
    if CONTROL.search(text):
        text = CONTROL.sub("", text)
    return text if len(text) <= EXCEL_CELL_LIMIT else text[: EXCEL_CELL_LIMIT - 1] + "…"


def safe_texts(values: list) -> list[str | None]:
    """`safe_text` over many values at once: one scan of them all when they are plain texts (the usual
    case), one by one only when something has to change."""
    if all(type(v) is str for v in values):
        joined = "".join(values)
        if not CONTROL.search(joined) and max(map(len, values), default=0) <= EXCEL_CELL_LIMIT:
            return [v or None for v in values]
    return [safe_text(v) for v in values]


def is_formula_like(text: str) -> bool:
    """Would a spreadsheet read this text as a formula (typed, or opened from a CSV)?"""
    return text.startswith(FORMULA_STARTS)


def csv_safe(text: str) -> str:
    """The text for a CSV field: an apostrophe before a formula-like start (the CSV writer quotes it)."""
    return "'" + text if is_formula_like(text) else text


def keep_cells_text(cells) -> None:
    """openpyxl cells (the review workbook): a text stays text (openpyxl stores «=…» as a formula), and a
    formula-like one is marked with Excel's quote prefix, its value unchanged."""
    for cell in cells:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if is_formula_like(cell.value):
                cell.quotePrefix = True
