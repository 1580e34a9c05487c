"""The one way a text value becomes a spreadsheet cell: every writer of cells (the workbook's sheets) calls
`safe_text`, so what a cell may hold is decided here once.

A cell keeps the plan's text as written, except for what a spreadsheet cannot hold: control characters
other than tab and line feed (XML 1.0 forbids them; Excel refuses the file) and anything past Excel's
32,767 characters a cell. Cells are written as text, never as formulas, so a title beginning with «=»
stays a title."""

import re

import pyarrow as pa
import pyarrow.compute as pc

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


def safe_texts(values: list) -> pa.Array:
    """`safe_text` over a whole column at once: the column as an Arrow array, empty cells null. Only the
    rare values that need changing (control characters, overlong) go through `safe_text` one by one."""
    try:
        texts = pa.array(values, pa.string())
    except (pa.ArrowTypeError, pa.ArrowInvalid):  # numbers or other objects in a text column
        return pa.array([safe_text(v) for v in values], pa.string())
    texts = pc.if_else(pc.equal(pc.utf8_length(texts), 0), pa.scalar(None, pa.string()), texts)
    odd = pc.or_(pc.match_substring_regex(texts, CONTROL.pattern), pc.greater(pc.utf8_length(texts), EXCEL_CELL_LIMIT))
    if not pc.any(odd).as_py():
        return texts
    flagged = set(pc.indices_nonzero(pc.fill_null(odd, False)).to_pylist())
    return pa.array([safe_text(v) if i in flagged else t for i, (v, t) in enumerate(zip(values, texts.to_pylist()))],
                    pa.string())
