"""Tables pasted as text with cells separated by «|»: a Markdown table, or a paste from a messenger or an
e-mail where a long cell wraps onto continuation lines.

A continuation line leaves the «№» cell empty (« | общественного штаба», trailing empty cells not written):
its cells are appended to the row above. Without a «№» column every line is a row (Markdown keeps one
row a line and writes a break inside a cell as «<br>»). Lines outside the table are paragraphs; Markdown
headings and emphasis marks are dropped from them.
"""

import re

from extractors.tables.columns import header_roles, is_plan_header
from extractors.tables.list_plans import looks_like_closing_line
from schemas import Cell, DocumentContent, Paragraph, RawRow, RawTable

DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
MARKDOWN_MARKS = re.compile(r"^\s{0,3}#{1,6}\s+|\*\*|^\s*>\s?")
MIN_CELLS = 3


def pipes_to_content(lines: list[str]) -> DocumentContent | None:
    """The content when a line of «|»-separated cells is a plan header; None otherwise."""
    start = next((i for i, line in enumerate(lines) if is_pipe_line(line) and is_plan_header(split_pipes(line))),
                 None)
    if start is None:
        return None
    markdown = lines[start].lstrip().startswith("|")
    header = split_pipes(lines[start], markdown)
    numbered = header_roles(header).get(0) == "number"
    rows: list[list[str]] = [header]
    end = start + 1
    for end in range(start + 1, len(lines) + 1):
        line = lines[end] if end < len(lines) else ""
        if DELIMITER_ROW.match(line) and "-" in line:
            continue
        if "|" not in line or looks_like_closing_line(line):
            break  # inside the table one «|» is enough: « | общественного штаба»
        cells = split_pipes(line, markdown)
        if numbered and not cells[0] and len(rows) > 1:
            rows[-1] = [f"{a}\n{b}".strip() for a, b in zip_longest(rows[-1], cells)]
        else:
            rows.append(cells)
    paragraphs = [Paragraph(text=markdown_to_text(line), position=i) for i, line in enumerate(lines)
                  if (i < start or i >= end) and markdown_to_text(line)]
    return DocumentContent(format="txt", paragraphs=paragraphs, tables=[rows_to_table(rows)],
                           table_positions=[start])


def is_pipe_line(line: str) -> bool:
    return line.count("|") >= MIN_CELLS - 1 and not looks_like_closing_line(line)


def split_pipes(line: str, markdown: bool = True) -> list[str]:
    """Cells of a line; a Markdown row's outer «|» are borders, a pasted row's leading «|» means an empty
    first cell (« | общественного штаба»)."""
    text = line.strip()
    if markdown and text.startswith("|"):
        text = text[1:]
    if markdown and text.endswith("|"):
        text = text[:-1]
    return [cell.strip() for cell in text.split("|")]


def zip_longest(row: list[str], cells: list[str]) -> list[tuple[str, str]]:
    width = max(len(row), len(cells))
    return list(zip(row + [""] * (width - len(row)), cells + [""] * (width - len(cells))))


def markdown_to_text(line: str) -> str:
    return MARKDOWN_MARKS.sub("", line).strip()


def rows_to_table(rows: list[list[str]]) -> RawTable:
    n_cols = max(len(r) for r in rows)
    raw = [RawRow(index=i, cells=[Cell(text=t, col=c) for c, t in enumerate(r + [""] * (n_cols - len(r)))])
           for i, r in enumerate(rows, 1)]
    return RawTable(index=1, n_cols=n_cols, rows=raw, bordered=True)
