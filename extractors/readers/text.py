"""Plain-text plans: a Word table saved as text, in either of the two shapes Word produces.

- *cell per line*: every cell is a line that starts with a tab, rows are separated by blank lines, and a
  line without the tab continues the last cell (the Kuzbass seed);
- *row per line*: cells separated by tabs on one line (the Khabarovsk seed).

Lines outside the table are paragraphs (title, approval block). A text without tabs may be a table pasted
from the web or an e-mail — cells separated by «|» or Markdown (`text_pipes`), or fixed-width columns
separated by runs of spaces (`text_columns`) — or a plan written as a numbered list; that is
`extractors.tables.list_plans`'s job.
"""

import re
from pathlib import Path

from extractors.encodings import decode_text
from extractors.readers.text_columns import fixed_width_to_content
from extractors.readers.text_pipes import pipes_to_content
from extractors.tables.columns import is_plan_header
from extractors.tables.header import HEADER_SEARCH_ROWS
from extractors.tables.list_plans import looks_like_closing_line
from schemas import Cell, DocumentContent, Paragraph, RawRow, RawTable

BLANK = re.compile(r"^\s*$")


def read_text(path: Path) -> DocumentContent:
    text, _encoding = decode_text(path.read_bytes())
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if is_cell_per_line(lines):
        return cell_per_line_to_content(lines)
    if not any("\t" in line for line in lines):
        for pasted_table_to_content in (pipes_to_content, fixed_width_to_content):
            if content := pasted_table_to_content(lines):
                return content
    return row_per_line_to_content(lines)


def tabbed_plan_content(lines: list[str], format: str) -> DocumentContent | None:
    """The lines of a word-processor document with no table, when they are a plan table typed with tabs
    (or a Word table saved as text and pasted back): in either shape above, with a plan header in its
    first rows. Anything else is None, and the document's paragraphs are read as they are."""
    if not any("\t" in line for line in lines):
        return None
    shape = cell_per_line_to_content if is_cell_per_line(lines) else row_per_line_to_content
    content = shape(lines, format)
    if not content.tables or not any(is_plan_header([cell.text for cell in row.cells])
                                     for row in content.tables[0].rows[:HEADER_SEARCH_ROWS]):
        return None
    return content


def is_cell_per_line(lines: list[str]) -> bool:
    return sum(1 for line in lines if line.startswith("\t")) >= 4 and not any_inner_tabs(lines)


def any_inner_tabs(lines: list[str]) -> bool:
    return any("\t" in line.lstrip("\t") for line in lines)


def cell_per_line_to_content(lines: list[str], format: str = "txt") -> DocumentContent:
    paragraphs: list[Paragraph] = []
    rows: list[list[str]] = []
    current: list[str] | None = None
    table_position = None
    for position, line in enumerate(lines):
        if line.startswith("\t"):
            table_position = position if table_position is None else table_position
            if current is None:
                current = []
                rows.append(current)
            current.append(line[1:].strip())
        elif BLANK.match(line):
            current = None
        elif rows and not looks_like_closing_line(line):
            rows[-1][-1] += "\n" + line.strip()  # a paragraph continuing the row's last cell
        else:
            paragraphs.append(Paragraph(text=line.strip(), position=position))
    return DocumentContent(format=format, paragraphs=paragraphs, tables=[grid_to_table(rows)],
                           table_positions=[table_position])


def row_per_line_to_content(lines: list[str], format: str = "txt") -> DocumentContent:
    paragraphs: list[Paragraph] = []
    rows: list[list[str]] = []
    table_position = None
    for position, line in enumerate(lines):
        if "\t" in line.strip("\n") and len(line.split("\t")) >= 2:
            table_position = position if table_position is None else table_position
            rows.append([cell.strip() for cell in line.split("\t")])
        elif BLANK.match(line):
            continue
        elif rows and table_position is not None and not looks_like_closing_line(line):
            rows[-1][-1] += "\n" + line.strip()
        else:
            paragraphs.append(Paragraph(text=line.strip(), position=position))
    if not rows:
        return DocumentContent(format=format, paragraphs=paragraphs)
    return DocumentContent(format=format, paragraphs=paragraphs, tables=[grid_to_table(rows)],
                           table_positions=[table_position])


def grid_to_table(rows: list[list[str]]) -> RawTable:
    n_cols = max((len(r) for r in rows), default=0)
    raw_rows = [
        RawRow(index=i, cells=[Cell(text=t, col=c) for c, t in enumerate(r)]) for i, r in enumerate(rows, 1)
    ]
    return RawTable(index=1, n_cols=n_cols, rows=raw_rows)
