"""Columns of a borderless table from its characters, for tables whose columns stand closer than a space.

With justified text and almost no cell padding, a wrapped line of one column ends less than a point before
the next column starts, and pdfplumber's words glue across the gap («составадо» = «состава» | «до»). The
gaps between columns are still there at the level of characters: an x-range that (almost) no line's
characters cover. The columns found this way are trusted only when they match the header's cells one to
one; each word is then cut where its characters cross into the next column.
"""

from typing import NamedTuple

EDGE_TOLERANCE = 0.1  # points: characters of one word touch or overlap by less than this
WORD_SPACE = 4.0  # points: a gutter narrower than this is where words glue across columns
LEFT_DRIFT = 6.0  # points: a centred cell's line may start this far left of its column, within the gutter


class CharColumns(NamedTuple):
    starts: list[float]  # each column's left edge
    slack: list[float]  # how far left of its edge a character still belongs to it: half the gutter


def tight_columns(lines: list[list[dict]], header: list[tuple[float, float]]) -> CharColumns | None:
    """The columns from characters, when some of them stand closer than a word space (otherwise words do
    not glue and the word-level gutters are the better guess)."""
    found = chars_to_columns(lines, header)
    if found is None or min(found.slack[1:], default=LEFT_DRIFT) * 2 >= WORD_SPACE:
        return None
    return found


def chars_to_columns(lines: list[list[dict]], header: list[tuple[float, float]]) -> CharColumns | None:
    """Left edges of the columns — where the number of lines covering x rises above a few — when there is
    exactly one per header cell (`header`: each cell's x0, x1) and each header cell lies in its own."""
    threshold = max(1, len(lines) // 20)  # a rare full-width section row or signature may cross a gutter
    starts, slack, count, previous, gutter_from = [], [], 0, 0, None
    for x, change in coverage_events(lines):
        count += change
        if previous <= threshold < count:
            starts.append(x)
            slack.append(LEFT_DRIFT if gutter_from is None else min(LEFT_DRIFT, (x - gutter_from) / 2))
        elif count <= threshold < previous:
            gutter_from = x
        previous = count
    if len(starts) != len(header):
        return None
    columns = CharColumns(starts, slack)
    owners = [column_at((x0 + x1) / 2, columns) for x0, x1 in header]
    return columns if owners == list(range(len(header))) else None


def coverage_events(lines: list[list[dict]]) -> list[tuple[float, int]]:
    """(x, +1) where a line's characters start covering x, (x, −1) where they stop; each line counted once."""
    events = []
    for line in lines:
        for x0, x1 in covered_ranges([c for word in line for c in word.get("chars", [])]):
            events += [(x0, 1), (x1, -1)]
    return sorted(events, key=lambda e: (e[0], e[1]))


def covered_ranges(chars: list[dict]) -> list[tuple[float, float]]:
    ranges: list[list[float]] = []
    for char in sorted(chars, key=lambda c: c["x0"]):
        if ranges and char["x0"] <= ranges[-1][1] + EDGE_TOLERANCE:
            ranges[-1][1] = max(ranges[-1][1], char["x1"])
        else:
            ranges.append([char["x0"], char["x1"]])
    return [(a, b) for a, b in ranges]


def column_at(x: float, columns: CharColumns) -> int:
    col = 0
    for i, (start, slack) in enumerate(zip(*columns)):
        if x >= start - slack:
            col = i
    return col


def split_words_at_columns(words: list[dict], starts: CharColumns) -> list[dict]:
    """Each word cut where its characters' centres cross a column start; every piece knows its column."""
    pieces = []
    for word in words:
        chars = word.get("chars") or []
        if not chars:
            pieces.append({**word, "col": column_at(word["x0"], starts)})
            continue
        groups: list[list[dict]] = []
        for char in chars:
            col = column_at((char["x0"] + char["x1"]) / 2, starts)
            if groups and groups[-1][0]["col"] == col:
                groups[-1].append({**char, "col": col})
            else:
                groups.append([{**char, "col": col}])
        pieces += [chars_to_word(group, word) for group in groups]
    return pieces


def chars_to_word(chars: list[dict], word: dict) -> dict:
    return {**word, "text": "".join(c["text"] for c in chars), "x0": chars[0]["x0"], "x1": chars[-1]["x1"],
            "chars": chars, "col": chars[0]["col"]}
