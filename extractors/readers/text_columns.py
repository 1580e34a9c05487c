"""Tables pasted as fixed-width text: columns separated by runs of spaces, often a dashed rule under the
header, long cells wrapped onto continuation lines that have text only in the wrapping columns.

The columns start where the header's cells start (or, better, the rule's dash runs). Each stretch of text
between runs of two or more spaces goes to the column it starts in. A line with an empty «№» continues
the row above. A blank line or a signature ends the table.
"""

import re

from extractors.readers.text_pipes import rows_to_table
from extractors.tables.columns import header_roles, is_plan_header
from extractors.tables.list_plans import looks_like_closing_line
from schemas import DocumentContent, Paragraph

GAP = re.compile(r"\S+(?: \S+)*")  # text between runs of two or more spaces
RULE = re.compile(r"^\s*-{3,}(\s+-{3,})+\s*$")
MIN_COLUMNS = 3


def fixed_width_to_content(lines: list[str]) -> DocumentContent | None:
    start = next((i for i, line in enumerate(lines) if is_header_line(line)), None)
    if start is None:
        return None
    starts = [m.start() for m in GAP.finditer(lines[start])]
    body_from = start + 1
    if body_from < len(lines) and RULE.match(lines[body_from]):
        starts = [m.start() for m in re.finditer(r"-+", lines[body_from])]
        body_from += 1
    header = line_to_cells(lines[start], starts)
    numbered = header_roles(header).get(0) == "number"
    rows, end = [header], body_from
    for end in range(body_from, len(lines) + 1):
        line = lines[end] if end < len(lines) else ""
        if not line.strip() or looks_like_closing_line(line):
            break
        cells = line_to_cells(line, starts)
        if len(rows) > 1 and (numbered and not cells[0] or not numbered and not cells[0] and any(cells)):
            rows[-1] = [f"{a}\n{b}".strip() for a, b in zip(rows[-1], cells)]
        else:
            rows.append(cells)
    paragraphs = [Paragraph(text=line.strip(), position=i) for i, line in enumerate(lines)
                  if (i < start or i >= end) and line.strip()]
    return DocumentContent(format="txt", paragraphs=paragraphs, tables=[rows_to_table(rows)],
                           table_positions=[start])


def is_header_line(line: str) -> bool:
    cells = [m.group() for m in GAP.finditer(line)]
    return len(cells) >= MIN_COLUMNS and is_plan_header(cells)


def line_to_cells(line: str, starts: list[int]) -> list[str]:
    cells = [""] * len(starts)
    for match in GAP.finditer(line):
        col = max((i for i, s in enumerate(starts) if s <= match.start() + 1), default=0)
        cells[col] = f"{cells[col]} {match.group()}".strip()
    return cells
