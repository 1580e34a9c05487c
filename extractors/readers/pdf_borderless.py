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

from extractors.readers.pdf_cells import is_broken_word, may_begin_a_title
from extractors.readers.pdf_columns import CharColumns, column_at, split_words_at_columns, tight_columns
from extractors.readers.pdf_stitch import PageTable
from extractors.tables.columns import header_roles, is_plan_header
from extractors.tables.list_plans import looks_like_closing_line

LINE_TOLERANCE = 3.0  # points: words whose tops differ less are on one line
CHUNK_GAP = 12.0  # points: a wider gap between words on a line separates cells
MIN_GUTTER = 4  # points of empty space between two columns
MAX_HEADER_LINES = 3  # a header cell wraps onto at most this many more lines
HEADING_LINES = 3  # a heading above a table is at most this many lines
SEQ = re.compile(r"^\d{1,3}(\.\d{1,2})*\.?$")


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


def gutters_to_columns(lines: list[list[dict]], header: list[tuple[float, float]]) -> CharColumns:
    """Column starts from the vertical gutters that (almost) no line's words cross; a word belongs to the
    column on its right once it starts past the gutter's middle (a centred cell's first word may stand
    left of where most of its column's lines start). A rare full-width line may cross a gutter; when that
    allowance hides a column whose cells are mostly empty («Примечание»), gutters no line crosses are tried.
    Header cells are often centred, so their left edges are poor column starts: they are kept only when
    no gutters give one column per header cell."""
    covered: dict[int, int] = {}
    for line in lines[:closing_line_index(lines)]:
        for x in {x for w in line for x in range(int(w["x0"]), int(w["x1"]) + 1)}:
            covered[x] = covered.get(x, 0) + 1
    for threshold in dict.fromkeys((max(1, len(lines) // 20), 0)):
        columns = covered_to_columns(covered, threshold)
        owners = [column_at((x0 + x1) / 2, columns) for x0, x1 in header]
        if len(columns.starts) == len(header) and owners == list(range(len(header))):
            return columns
    return CharColumns([x0 for x0, _ in header], [CHUNK_GAP / 2] * len(header))


def covered_to_columns(covered: dict[int, int], threshold: int) -> CharColumns:
    starts, slack, previous = [], [], None
    for x in sorted(covered):
        if covered[x] > threshold and (previous is None or x - previous > MIN_GUTTER):
            starts.append(float(x))
            slack.append(max(CHUNK_GAP / 2, (x - previous) / 2) if previous is not None else CHUNK_GAP / 2)
        if covered[x] > threshold:
            previous = x
    return CharColumns(starts, slack)


def closing_line_index(lines: list[list[dict]]) -> int:
    """Where the signature under the table starts (its words cross every gutter); the end if none."""
    return next((i for i, line in enumerate(lines) if looks_like_closing_line(" ".join(w["text"] for w in line))),
                len(lines))


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


def line_to_cells(line: list[dict], columns: CharColumns) -> list[str]:
    return [" ".join(w["text"] for w in words) for words in line_to_column_words(line, columns)]


def line_to_column_words(line: list[dict], columns: CharColumns) -> list[list[dict]]:
    cells: list[list[dict]] = [[] for _ in columns.starts]
    for word in line:
        cells[word["col"] if "col" in word else column_at(word["x0"], columns)].append(word)
    return cells


def is_packed(body: list[list[dict]], numbered: bool) -> bool:
    """Rows packed line to line (no cell padding, no spacing): no gap tells them apart, their cells must.
    Decided once, on the header's page, over the table's lines (not the signature's)."""
    lines = body[:closing_line_index(body)]
    gaps = [b[0]["top"] - a[0]["top"] for a, b in zip(lines, lines[1:])]
    return not numbered and bool(gaps) and not any(gap > 1.3 * median(gaps) for gap in gaps)


def first_column_right(lines: list[list[dict]], columns: CharColumns) -> float:
    """Where the first column's lines end: its widest line on the header's page (many lines, so one of
    them reaches the edge)."""
    lines = lines[:closing_line_index(lines)]
    return max((w["x1"] for line in lines for w in line_to_column_words(line, columns)[0]), default=0.0)


def lines_to_rows(lines: list[list[dict]], columns: CharColumns, numbered: bool, packed: bool,
                  first_right: float) -> list[list[str]]:
    gaps = [b[0]["top"] - a[0]["top"] for a, b in zip(lines, lines[1:])]
    line_step = median(gaps) if gaps else 0
    rooms = column_rooms(lines, columns)
    rows: list[list[str]] = []
    previous: list[str] = []
    above: list[list[dict]] = [[] for _ in columns.starts]  # each column's words on the line above, this row
    for i, line in enumerate(lines):
        if starts_at_left_edge(line, columns.starts) and looks_like_closing_line(" ".join(w["text"] for w in line)):
            break  # a signature under the table («Руководитель штаба … И.О. Фамилия»)
        words = line_to_column_words(line, columns)
        cells = [" ".join(w["text"] for w in column) for column in words]
        new_row = starts_new_row(cells, numbered, gaps[i - 1] if i else 0, line_step) or packed and bool(rows) and (
            column_starts(cells, previous) or would_have_fitted(above[0], words[0], first_right)
            or starts_like_a_row(cells))
        if rows and not new_row:
            rows[-1] = [join_lines(a, b, up, down, room) for a, b, up, down, room in
                        zip(rows[-1], cells, above, words, rooms)]
        else:
            rows.append(cells)
        above = [down or up for up, down in zip(above, words)] if rows and not new_row else words
        previous = cells
    return rows


def join_lines(text: str, line: str, above: list[dict], words: list[dict], room: float) -> str:
    """A cell's next line: after a line break, or glued to a word broken there without a hyphen."""
    if not line:
        return text
    if not text:
        return line
    broken = above and words and is_broken_word(above[-1]["text"], above[-1]["x1"] - above[-1]["x0"],
                                                words[0]["text"], words[0]["x1"] - words[0]["x0"], room)
    return f"{text}{'' if broken else chr(10)}{line}"


def column_rooms(lines: list[list[dict]], columns: CharColumns) -> list[float]:
    """How wide a line of each column can be: to the next column's start (the last: to the widest line)."""
    right = max((w["x1"] for line in lines for w in line), default=0.0)
    ends = [start - slack for start, slack in zip(columns.starts[1:], columns.slack[1:])] + [right]
    return [end - start for start, end in zip(columns.starts, ends)]


def starts_like_a_row(cells: list[str]) -> bool:
    """The first column's first word can begin a title (a capitalised noun or adjective in the nominative:
    «Организация», «Круглый», not «Общественной», «Республики») and another cell starts as a cell does,
    with a capital or a digit: where every column of a row ends on the same line, the next row shows only
    so («Выезды … участки» / «Организация работы …» beside «I квартал 2022 года» / «1 квартал»)."""
    others = [text for text in cells[1:] if text]
    if not others or not cells[0][:1].isupper():
        return False
    return any(t[:1].isupper() or t[:1].isdigit() for t in others) and may_begin_a_title(cells[0].split(" ")[0])


def would_have_fitted(above: list[dict], words: list[dict], right: float) -> bool:
    """The first word of this line would have fitted at the end of the line above (the first column's
    widest line shows where its lines end): so this line is not that cell wrapping, it starts another."""
    if not above or not words:
        return False
    space = (words[0]["bottom"] - words[0]["top"]) * 0.25
    return above[-1]["x1"] + space + (words[0]["x1"] - words[0]["x0"]) <= right


def column_starts(cells: list[str], previous: list[str]) -> bool:
    """Cells are top-aligned, so every cell of a row starts on its first line: a column whose text starts
    under an empty line begins a new row («I квартал» under «по мере / необходимости» and an empty line)."""
    return any(text and not before for text, before in zip(cells, previous))


def starts_at_left_edge(line: list[dict], starts: list[float]) -> bool:
    """A signature starts at the margin; a wrapped «Председатель …» inside a column does not."""
    return len(starts) < 2 or line[0]["x0"] < starts[1] - CHUNK_GAP / 2


def starts_new_row(cells: list[str], numbered: bool, gap: float, line_step: float) -> bool:
    if numbered:
        return bool(SEQ.match(cells[0])) or (gap > 1.6 * line_step and sum(map(bool, cells)) == 1)
    return gap > 1.3 * line_step
