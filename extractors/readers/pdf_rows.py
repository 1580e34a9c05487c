"""Lines of a borderless table grouped into rows, each line cut into its columns' cells.

With a «№» column a row starts where the number column holds a number. Without one, rows set apart by
spacing start after a gap wider than a line break; rows packed line to line (no padding, no spacing) are
told apart by their cells: cells are top-aligned, so a column starting under an empty line starts a row;
a first word that would have fitted on the line above is not a wrap; and where every column ends on the
same line, a title word in the nominative beside another cell starting as a cell does starts the row.
Lines of one cell join with a line break, or with nothing inside a word broken without a hyphen.
"""

import re
from statistics import median

from extractors.readers.pdf_cells import is_broken_word, may_begin_a_title
from extractors.readers.pdf_columns import CharColumns, column_at
from extractors.tables.list_plans import looks_like_closing_line

CHUNK_GAP = 12.0  # points: a wider gap between words on a line separates cells
SEQ = re.compile(r"^\d{1,3}(\.\d{1,2})*\.?$")


def closing_line_index(lines: list[list[dict]]) -> int:
    """Where the signature under the table starts (its words cross every gutter); the end if none."""
    return next((i for i, line in enumerate(lines) if looks_like_closing_line(" ".join(w["text"] for w in line))),
                len(lines))


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
