"""Borderless tables, rebuilt from word positions.

With no ruling lines pdfplumber's `lines` strategy finds nothing and its `text` strategy cuts a wrapped
cell into many rows. We look for the header line (cells that map to roles) and the lines a bold header
wraps onto, find the columns from the gutters no line crosses (from the characters when columns stand
closer than a word space, `pdf_columns`, and words glued across them are cut), and group the lines below
into rows (`pdf_rows`). Later pages reuse the header page's columns, without the header Word repeats.
"""

from statistics import median

from extractors.readers.pdf_columns import CharColumns, column_at, split_words_at_columns, tight_columns
from extractors.readers.pdf_rows import (
    CHUNK_GAP,
    SEQ,
    closing_line_index,
    first_column_right,
    is_packed,
    line_to_cells,
    lines_to_rows,
)
from extractors.readers.pdf_stitch import PageTable
from extractors.tables.columns import header_roles, is_plan_header

LINE_TOLERANCE = 3.0  # points: words whose tops differ less are on one line
MIN_GUTTER = 4  # points of empty space between two columns
MAX_HEADER_LINES = 3  # a header cell wraps onto at most this many more lines
HEADING_LINES = 3  # a heading above a table is at most this many lines
RUNNING_TEXT = 0.25  # share of lines that run across the header's columns: then they are text, not a table


def pages_to_borderless_tables(pages, ruled_tops: dict[int, float] | None = None) -> list[PageTable]:
    """The table from the page holding its header on; later pages reuse the header's columns. On a page
    with a ruled table (`ruled_tops`: page → its top) the borderless table ends above it, and so does the
    document's table: what follows is another table."""
    tables: list[PageTable] = []
    for number, page in enumerate(pages, 1):
        words = page.extract_words(keep_blank_chars=False, use_text_flow=False, return_chars=True,
                                   extra_attrs=["fontname"])
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
            rows = lines_to_rows(body, first.columns, first.numbered, first.packed, first.first_right)
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
                columns = gutters_to_columns(lines[i:], chunk_ranges(line))
                if columns is None:  # running text under a header line (a plan typed with tab stops)
                    return None
            numbered = header_roles(header).get(0) == "number"
            more_header, body = split_header_continuation(line, lines[i + 1:], columns, numbered)
            header = [" ".join(parts).strip() for parts in zip(header, *more_header)]
            packed = is_packed(body, numbered)
            first_right = first_column_right(body, columns)
            rows = lines_to_rows(body, columns, numbered, packed, first_right)
            return PageTable(page=number, rows=[header, *rows], column_x=columns.starts, top=line[0]["top"],
                             bordered=False, numbered=numbered, columns=columns,
                             cut_words=any("col" in w for w in lines[i]), packed=packed, first_right=first_right)
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


def split_header_continuation(header: list[dict], body: list[list[dict]], columns: CharColumns, numbered: bool):
    """A header wrapped onto more lines («№ / п/п», «Срок / исполнения»): the bold lines under a bold
    header, or — in a numbered table — the lines until the first number."""
    if is_bold(header):
        count = next((i for i, line in enumerate(body[:MAX_HEADER_LINES]) if not is_bold(line)), 0)
        return [line_to_cells(x, columns) for x in body[:count]], body[count:]
    for i, line in enumerate(body[:4] if numbered else []):
        if SEQ.match(line_to_cells(line, columns)[0]):
            return [line_to_cells(x, columns) for x in body[:i]], body[i:]
    return [], body


def is_bold(line: list[dict]) -> bool:
    return bool(line) and all("bold" in (w.get("fontname") or "").lower() for w in line)


def gutters_to_columns(lines: list[list[dict]], header: list[tuple[float, float]]) -> CharColumns | None:
    """Column starts from the vertical gutters that (almost) no line's words cross; a word belongs to the
    column on its right once it starts past the gutter's middle (a centred cell's first word may stand
    left of where most of its column's lines start). A rare full-width line may cross a gutter; when that
    allowance hides a column whose cells are mostly empty («Примечание»), gutters no line crosses are tried.
    Header cells are often centred, so their left edges are poor column starts: they are kept only when
    no gutters give one column per header cell, and only when the text under them is in columns at all:
    if more than RUNNING_TEXT of the lines run across a column start in one run of words (a plan typed
    with tab stops, whose long titles wrap back to the left margin), there is no table here, and cutting
    those lines at the header's edges would publish shifted cells."""
    covered: dict[int, int] = {}
    for line in lines[:closing_line_index(lines)]:
        for x in {x for w in line for x in range(int(w["x0"]), int(w["x1"]) + 1)}:
            covered[x] = covered.get(x, 0) + 1
    for threshold in dict.fromkeys((max(1, len(lines) // 20), 0)):
        columns = covered_to_columns(covered, threshold)
        owners = [column_at((x0 + x1) / 2, columns) for x0, x1 in header]
        if len(columns.starts) == len(header) and owners == list(range(len(header))):
            return columns
    columns = CharColumns([x0 for x0, _ in header], [CHUNK_GAP / 2] * len(header))
    body = lines[1:closing_line_index(lines)]
    crossing = sum(runs_across(line, columns.starts[1:]) for line in body)
    return None if body and crossing > RUNNING_TEXT * len(body) else columns


def runs_across(line: list[dict], starts: list[float]) -> bool:
    """Whether a run of words (gaps under CHUNK_GAP) covers a column start well inside it."""
    return any(x0 < start - CHUNK_GAP and x1 > start + CHUNK_GAP
               for x0, x1 in chunk_ranges(line) for start in starts)


def covered_to_columns(covered: dict[int, int], threshold: int) -> CharColumns:
    starts, slack, previous = [], [], None
    for x in sorted(covered):
        if covered[x] > threshold and (previous is None or x - previous > MIN_GUTTER):
            starts.append(float(x))
            slack.append(max(CHUNK_GAP / 2, (x - previous) / 2) if previous is not None else CHUNK_GAP / 2)
        if covered[x] > threshold:
            previous = x
    return CharColumns(starts, slack)


def continuation_body(lines: list[list[dict]], first: PageTable) -> list[list[dict]]:
    """A later page's lines without its page number and the header Word repeats at its top."""
    body = [line for line in lines if not is_page_number(line)]
    header = [t or "" for t in first.rows[0]]
    while body and is_repeated_header(line_to_cells(body[0], first.columns), header, is_bold(body[0])):
        body = body[1:]
    return body


def is_repeated_header(cells: list[str], header: list[str], bold: bool = False) -> bool:
    """A line of the header: its cells are parts of the header's; one is enough when the line is bold
    («исполнения» under a repeated «Срок»)."""
    filled = [(c, h) for c, h in zip(cells, header) if c]
    return len(filled) >= (1 if bold else 2) and all(c in h for c, h in filled)


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
