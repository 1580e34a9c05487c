"""The one way a text value becomes a spreadsheet cell: every writer of cells (the workbook's sheets, once per
distinct text of a column) calls `safe_text`, so what a cell may hold is decided here once.

A cell keeps the plan's text as written, except for what a spreadsheet cannot hold: control characters
other than tab and line feed (XML 1.0 forbids them; Excel refuses the file) and anything past Excel's
32,767 characters a cell. Cells are written as text, never as formulas, so a title beginning with «=»
stays a title."""

import re

EXCEL_CELL_LIMIT = 32_767
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


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
