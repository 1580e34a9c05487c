"""Borderless tables, rebuilt from word positions.

With no ruling lines pdfplumber's `lines` strategy finds nothing and its `text` strategy cuts a wrapped
cell into many rows. We look for the header line (cells that map to roles), take each header cell's left
edge as a column start, and group the lines below into rows: a new row starts where the number column
holds a number, or — without a number column — where the gap above a line is wider than a line break.
Columns closer than a word space are found from the characters instead (`pdf_columns`), and words glued
across them are cut.
"""

import re
from statistics import median

from extractors.readers.pdf_columns import CharColumns, column_at, split_words_at_columns, tight_columns
from extractors.readers.pdf_stitch import PageTable
from extractors.tables.columns import header_roles, is_plan_header
from extractors.tables.list_plans import looks_like_closing_line

LINE_TOLERANCE = 3.0  # points: words whose tops differ less are on one line
CHUNK_GAP = 12.0  # points: a wider gap between words on a line separates cells
MIN_GUTTER = 4  # points of empty space between two columns
HEADING_LINES = 3  # a heading above a table is at most this many lines
SEQ = re.compile(r"^\d{1,3}(\.\d{1,2})*\.?$")


def pages_to_borderless_tables(pages, ruled_tops: dict[int, float] | None = None) -> list[PageTable]:
    """The table from the page holding its header on; later pages reuse the header's columns. On a page
    with a ruled table (`ruled_tops`: page → its top) the borderless table ends above it, and so does the
    document's table: what follows is another table."""
    tables: list[PageTable] = []
    for number, page in enumerate(pages, 1):
        words = page.extract_words(keep_blank_chars=False, use_text_flow=False, return_chars=True)
        stop = (ruled_tops or {}).get(number)
        lines = words_to_lines([w for w in words if stop is None or w["bottom"] <= stop])
        if stop is not None:
            lines = without_heading_above(lines)
        if not tables:
            if table := header_page_to_table(lines, number):
                tables.append(table)
            continue
        first = tables[0]
        if first.cut_words:
            lines = [split_words_at_columns(line, first.columns) for line in lines]
        if body := continuation_body(lines, first):
            rows = lines_to_rows(body, first.columns, first.numbered)
            tables.append(PageTable(page=number, rows=rows, column_x=first.column_x, top=body[0][0]["top"],
                                    bordered=False, numbered=first.numbered, columns=first.columns,
                                    cut_words=first.cut_words))
        if stop is not None:
            break
    return tables


def without_heading_above(lines: list[list[dict]]) -> list[list[dict]]:
    """The lines above a ruled table without the heading that introduces it («Состав общественного
    штаба»): a short block set apart from the text above by a gap wider than a line break."""
    gaps = [b[0]["top"] - a[0]["top"] for a, b in zip(lines, lines[1:])]
    if not gaps:
        return lines
    step = median(gaps)
    cut = max((i + 1 for i, gap in enumerate(gaps) if gap > 1.6 * step), default=None)
    return lines[:cut] if cut is not None and len(lines) - cut <= HEADING_LINES else lines


def header_page_to_table(lines: list[list[dict]], number: int) -> PageTable | None:
    for i, line in enumerate(lines):
        header = [text for _, text in line_to_chunks(line)]
        if is_plan_header(header):
            columns = tight_columns(lines[i + 1:], chunk_ranges(line))
            if columns is not None:
                lines = lines[:i] + [split_words_at_columns(x, columns) for x in lines[i:]]
                header = line_to_cells(lines[i], columns)
            else:
                columns = gutters_to_columns(lines[i:], [x0 for x0, _ in line_to_chunks(line)])
            numbered = header_roles(header).get(0) == "number"
            body = lines[i + 1:]
            more_header, body = split_header_continuation(body, columns) if numbered else ([], body)
            header = [" ".join(parts).strip() for parts in zip(header, *more_header)]
            rows = lines_to_rows(body, columns, numbered)
            return PageTable(page=number, rows=[header, *rows], column_x=columns.starts, top=line[0]["top"],
                             bordered=False, numbered=numbered, columns=columns,
                             cut_words=any("col" in w for w in lines[i]))
    return None


def chunk_ranges(line: list[dict]) -> list[tuple[float, float]]:
    """Each header cell's x0 and x1 (a cell's words stand closer than CHUNK_GAP)."""
    ranges: list[list[float]] = []
    for word in line:
        if ranges and word["x0"] - ranges[-1][1] <= CHUNK_GAP:
            ranges[-1][1] = word["x1"]
        else:
            ranges.append([word["x0"], word["x1"]])
    return [(a, b) for a, b in ranges]


def split_header_continuation(body: list[list[dict]], columns: CharColumns):
    """A header wrapped onto more lines («№ / п/п», «Срок / исполнения») runs until the first number."""
    for i, line in enumerate(body[:4]):
        if SEQ.match(line_to_cells(line, columns)[0]):
            return [line_to_cells(x, columns) for x in body[:i]], body[i:]
    return [], body


def gutters_to_columns(lines: list[list[dict]], header_starts: list[float]) -> CharColumns:
    """Column starts from the vertical gutters that (almost) no line's words cross; a word belongs to the
    column on its right once it starts past the gutter's middle (a centred cell's first word may stand
    left of where most of its column's lines start). Header cells are often centred, so their left edges
    are poor column starts; the header's are kept only when the gutters do not give one column per
    header cell."""
    covered: dict[int, int] = {}
    for line in lines:
        for x in {x for w in line for x in range(int(w["x0"]), int(w["x1"]) + 1)}:
            covered[x] = covered.get(x, 0) + 1
    threshold = max(1, len(lines) // 20)  # a rare full-width section row may cross a gutter
    starts, slack, previous = [], [], None
    for x in sorted(covered):
        if covered[x] > threshold and (previous is None or x - previous > MIN_GUTTER):
            starts.append(float(x))
            slack.append(max(CHUNK_GAP / 2, (x - previous) / 2) if previous is not None else CHUNK_GAP / 2)
        if covered[x] > threshold:
            previous = x
    if len(starts) == len(header_starts):
        return CharColumns(starts, slack)
    return CharColumns(header_starts, [CHUNK_GAP / 2] * len(header_starts))


def continuation_body(lines: list[list[dict]], first: PageTable) -> list[list[dict]]:
    """A later page's lines without its page number and the header Word repeats at its top."""
    body = [line for line in lines if not is_page_number(line)]
    header = [t or "" for t in first.rows[0]]
    while body and is_repeated_header(line_to_cells(body[0], first.columns), header):
        body = body[1:]
    return body


def is_repeated_header(cells: list[str], header: list[str]) -> bool:
    filled = [(c, h) for c, h in zip(cells, header) if c]
    return len(filled) >= 2 and all(c in h for c, h in filled)


def is_page_number(line: list[dict]) -> bool:
    return len(line) == 1 and line[0]["text"].strip("-– ").isdigit()


def words_to_lines(words: list[dict]) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def line_to_chunks(line: list[dict]) -> list[tuple[float, str]]:
    chunks: list[tuple[float, list[str]]] = []
    last_x1 = None
    for word in line:
        if last_x1 is None or word["x0"] - last_x1 > CHUNK_GAP:
            chunks.append((word["x0"], [word["text"]]))
        else:
            chunks[-1][1].append(word["text"])
        last_x1 = word["x1"]
    return [(x0, " ".join(words)) for x0, words in chunks]


def line_to_cells(line: list[dict], columns: CharColumns) -> list[str]:
    cells = [""] * len(columns.starts)
    for word in line:
        col = word["col"] if "col" in word else column_at(word["x0"], columns)
        cells[col] = f"{cells[col]} {word['text']}".strip()
    return cells


def lines_to_rows(lines: list[list[dict]], columns: CharColumns, numbered: bool) -> list[list[str]]:
    gaps = [b[0]["top"] - a[0]["top"] for a, b in zip(lines, lines[1:])]
    line_step = median(gaps) if gaps else 0
    rows: list[list[str]] = []
    for i, line in enumerate(lines):
        if starts_at_left_edge(line, columns.starts) and looks_like_closing_line(" ".join(w["text"] for w in line)):
            break  # a signature under the table («Руководитель штаба … И.О. Фамилия»)
        cells = line_to_cells(line, columns)
        if rows and not starts_new_row(cells, numbered, gaps[i - 1] if i else 0, line_step):
            rows[-1] = [f"{a}\n{b}".strip() for a, b in zip(rows[-1], cells)]
        else:
            rows.append(cells)
    return rows


def starts_at_left_edge(line: list[dict], starts: list[float]) -> bool:
    """A signature starts at the margin; a wrapped «Председатель …» inside a column does not."""
    return len(starts) < 2 or line[0]["x0"] < starts[1] - CHUNK_GAP / 2


def starts_new_row(cells: list[str], numbered: bool, gap: float, line_step: float) -> bool:
    if numbered:
        return bool(SEQ.match(cells[0])) or (gap > 1.6 * line_step and sum(map(bool, cells)) == 1)
    return gap > 1.3 * line_step
