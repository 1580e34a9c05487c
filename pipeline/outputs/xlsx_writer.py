"""Any workbook of `Sheet` specs (sheets.py) as an .xlsx file, cheap enough to rewrite every night.

Why not a general library: on this project's 1,000-plan benchmark (40,000 activities × 23 columns) openpyxl
took 68 s and XlsxWriter in constant-memory mode ~20 s — both spend 20–70 µs of Python per cell. Here a
column's values are read off the items once and everything after that — shared strings, XML escaping,
cell markup, the row heights that fit wrapped text — is done column by column by Arrow's compute kernels,
so the sheet costs about a microsecond a cell. The package's fixed parts are in `xlsx_package.py`.

What a sheet gets: bold filled header row, frozen and filtered; column widths; wrapped text with each row
as high as its longest cell needs; real dates shown as ДД.ММ.ГГГГ; numbers as numbers; links to rows of
other sheets; colour fills; landscape A4 fitted to the page width, the header row on every printed page,
the print area limited to the sheet's `printed_columns`, the sheet's name and page numbers in the margins.
The same data makes the same bytes (the run's moment is the only date in the file)."""

import zipfile
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from functools import lru_cache
from operator import attrgetter
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.outputs import xlsx_package as package
from pipeline.outputs.safe_text import is_formula_like, safe_texts
from pipeline.outputs.sheets import Column, Sheet

EXCEL_EPOCH = 25_569  # days from Excel's day 0 (1899-12-30) to 1970-01-01
MAX_LINKS = 65_530  # Excel's limit of hyperlinks in one sheet; rows past it keep the file name, unlinked
MAX_ROW_POINTS = 409  # Excel's tallest row
CHARS_PER_WIDTH = 1.0  # characters of Cyrillic text (Arial 10) per unit of column width, checked in print
WRAP_LOSS = 3.0  # characters a wrapped line loses on average by breaking between words (at most)
ROW_PADDING_POINTS = 2.25
COMPRESSION = 1  # zlib level: the sheets are repetitive XML, level 1 already shrinks them ~8×
PRINT_OPTIONS = '<printOptions gridLines="1"/>'  # empty cells have no border of their own: print the grid
MARGINS = '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
PAGE_SETUP = '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
HEADER_FOOTER = ("<headerFooter><oddHeader>&amp;L&amp;\"Arial,Bold\"&amp;A</oddHeader><oddFooter>&amp;L{title}"
                 "&amp;RСтраница &amp;P из &amp;N</oddFooter></headerFooter>")


def write_workbook(path: Path, sheets: list[Sheet], moment: datetime, title: str) -> Path:
    """Each part is compressed on a second thread while the next sheet is built (zlib lets go of the GIL)."""
    strings = SharedStrings()
    fixed = [("[Content_Types].xml", package.content_types(len(sheets))),
             ("_rels/.rels", package.root_relationships()),
             ("docProps/core.xml", package.core_properties(title, moment)),
             ("docProps/app.xml", package.app_properties()),
             ("xl/workbook.xml", package.workbook([s.name for s in sheets], defined_names(sheets))),
             ("xl/_rels/workbook.xml.rels", package.workbook_relationships(len(sheets))),
             ("xl/styles.xml", package.styles())]
    stamp = moment.timetuple()[:6]
    with zipfile.ZipFile(path, "w") as archive, ThreadPoolExecutor(max_workers=1) as zipper:
        def add(name: str, text: str) -> Future:
            return zipper.submit(archive.writestr, zipfile.ZipInfo(name, date_time=stamp), text,
                                 compress_type=zipfile.ZIP_DEFLATED, compresslevel=COMPRESSION)

        written = [add(name, text) for name, text in fixed]
        for i, sheet in enumerate(sheets, start=1):
            written.append(add(f"xl/worksheets/sheet{i}.xml", sheet_xml(sheet, i == 1, strings, title)))
        written.append(add("xl/sharedStrings.xml", strings.xml()))
        for part in written:
            part.result()
    return path


class SharedStrings:
    """The workbook's table of distinct texts; a text cell holds the index of its text."""

    def __init__(self):
        self.index: dict[str, int] = {}
        self.formula_like: set[int] = set()  # indices of texts a spreadsheet would take for a formula

    def indices(self, values: list, width: float, words=None) -> tuple[pa.Array, pa.Array]:
        """A text column's shared-string indices and lines of wrapped text (both null where empty). Work in
        Python is done once per distinct value: `words` (a code's label), `safe_text`, the lines it takes."""
        try:
            raw = pa.array(values, pa.string())
        except (pa.ArrowTypeError, pa.ArrowInvalid):  # codes or numbers: words (or str) turns them into text
            raw = pa.array([v if v is None else str(v) if words is None else v for v in values])
        encoded = pc.dictionary_encode(raw)
        distinct = encoded.dictionary.to_pylist()
        texts = safe_texts([words(u) for u in distinct] if words else distinct)
        ids = pa.array([None if t is None else self.index.setdefault(t, len(self.index)) for t in texts], pa.int64())
        self.formula_like.update(self.index[t] for t in texts if t is not None and is_formula_like(t))
        whole, per_line = max(1.0, (width - 1) * CHARS_PER_WIDTH), chars_per_line(width)
        lines = pa.array([None if t is None else 1 if len(t) <= whole and "\n" not in t else
                          wrapped(t, whole, per_line) for t in texts], pa.float64())
        return pc.take(ids, encoded.indices), pc.take(lines, encoded.indices)

    def xml(self) -> str:
        texts = xml_escaped(pa.array(list(self.index), pa.string()))
        items = pc.binary_join_element_wise('<si><t xml:space="preserve">', texts, "</t></si>", "")
        return (package.DECLARATION + f'<sst xmlns="{package.MAIN}" uniqueCount="{len(self.index)}">'
                + "".join(items.to_pylist()) + "</sst>")


def xml_escaped(texts: pa.Array) -> pa.Array:
    """&, < and > as entities (quotes need none inside an element)."""
    if not pc.any(pc.match_substring_regex(texts, "[&<>]")).as_py():
        return texts
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        texts = pc.replace_substring(texts, char, entity)
    return texts


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def sheet_xml(sheet: Sheet, selected: bool, strings: SharedStrings, title: str) -> str:
    count = len(sheet.items)
    rows = pc.cast(pa.array(range(2, count + 2), pa.int64()), pa.string())
    cells, lines, links = [], [], []
    values = column_values(sheet)
    for i, column in enumerate(sheet.columns):
        column_xml, column_lines, column_links = column_cells(column, values[i], sheet.items, column_letter(i), rows,
                                                              strings)
        cells.append(column_xml)
        lines.append(column_lines)
        links += column_links
    body = pc.binary_join_element_wise('<row r="', rows, '" ht="', row_heights(lines, count),
                                       '" customHeight="1">', *cells, "</row>", "",
                                       null_handling="replace", null_replacement="") if count else pa.array([])
    last = column_letter(len(sheet.columns) - 1)
    return "".join([
        package.DECLARATION, f'<worksheet xmlns="{package.MAIN}" xmlns:r="{package.REL}">',
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>', f'<dimension ref="A1:{last}{count + 1}"/>',
        sheet_view(selected),
        f'<sheetFormatPr defaultRowHeight="{package.LINE_POINTS}"/>', columns_xml(sheet.columns),
        "<sheetData>", header_xml(sheet.columns, strings), *body.to_pylist(), "</sheetData>",
        f'<autoFilter ref="A1:{last}{count + 1}"/>', hyperlinks_xml(links), PRINT_OPTIONS, MARGINS, PAGE_SETUP,
        HEADER_FOOTER.format(title=title), "</worksheet>"])


def sheet_view(selected: bool) -> str:
    tab = ' tabSelected="1"' if selected else ""
    return (f'<sheetViews><sheetView workbookViewId="0"{tab}><pane ySplit="1" topLeftCell="A2" '
            'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
            '</sheetView></sheetViews>')


def columns_xml(columns: list[Column]) -> str:
    return "<cols>" + "".join(f'<col min="{i}" max="{i}" width="{c.width}" customWidth="1"/>'
                              for i, c in enumerate(columns, start=1)) + "</cols>"


def header_xml(columns: list[Column], strings: SharedStrings) -> str:
    indices = [strings.index.setdefault(c.header, len(strings.index)) for c in columns]
    lines = max(text_lines(c.header, c.width) for c in columns)
    cells = "".join(f'<c r="{column_letter(i)}1" s="{package.HEADER_STYLE}" t="s"><v>{index}</v></c>'
                    for i, index in enumerate(indices))
    return f'<row r="1" ht="{row_points(lines)}" customHeight="1">{cells}</row>'


def column_values(sheet: Sheet) -> list[list]:
    """Each column's values. Columns named by an attribute are read together: one C-level getter per item
    for all of them, then transposed — a tenth of the time of a Python function per cell."""
    named = [c.value for c in sheet.columns if isinstance(c.value, str)]
    together = dict(zip(named, zip(*map(attrgetter(*named), sheet.items)))) if len(named) > 1 and sheet.items \
        else {}
    return [list(together[c.value]) if c.value in together else
            [getattr(item, c.value) for item in sheet.items] if isinstance(c.value, str) else
            [c.value(item) for item in sheet.items] for c in sheet.columns]


def column_cells(column: Column, values: list, items, letter: str, rows: pa.Array,
                 strings: SharedStrings) -> tuple[pa.Array, pa.Array | None, list[str]]:
    """The column's cells as XML (null where empty), its lines of wrapped text, and its hyperlinks."""
    places = [column.link(item) for item in items] if column.link else []
    style = style_ids(column, items, places)
    lines, links, kind = None, [], ""
    if column.kind == "date":
        value = pc.add(pc.cast(pa.array(values, pa.date32()), pa.int32()), EXCEL_EPOCH)
    elif column.kind == "number":
        value = pa.array(values)
        value = value if pa.types.is_integer(value.type) or pa.types.is_floating(value.type) \
            else pa.array(values, pa.float64())
    else:
        value, lines = strings.indices(values, column.width, column.words)
        links, kind = hyperlinks(places, letter), '" t="s'
        style = quoted_where_formula_like(style, value, strings, column, items)
    # one kernel call writes the whole column: null where the value is empty
    cells = pc.binary_join_element_wise('<c r="', letter, rows, '" s="', style, kind, '"><v>',
                                        pc.cast(value, pa.string()), "</v></c>", "")
    if column.fill:  # an empty cell keeps its colour
        cells = pc.if_else(pc.is_null(cells), pc.binary_join_element_wise('<c r="', letter, rows, '" s="', style,
                                                                          '"/>', ""), cells)
    return cells, lines, links


def style_ids(column: Column, items, places: list) -> pa.Array | str:
    """One style for the whole column, or one per cell when the column colours or links some cells."""
    if not column.fill and not column.link:
        return str(package.style_id(column.kind))
    if not column.fill:  # links only: two styles
        linked, plain = str(package.style_id("link")), str(package.style_id(column.kind))
        return pa.array([linked if p and i < MAX_LINKS else plain for i, p in enumerate(places)], pa.string())
    fills = [column.fill(item) for item in items]
    kinds = ["link" if i < MAX_LINKS and p else column.kind for i, p in enumerate(places)] if places \
        else [column.kind] * len(items)
    return pa.array([str(package.style_id(kind, fill)) for kind, fill in zip(kinds, fills)], pa.string())


def quoted_where_formula_like(style: pa.Array | str, value: pa.Array, strings: SharedStrings, column: Column,
                              items) -> pa.Array | str:
    """Cells whose text a spreadsheet would take for a formula («=…», «+…», «-…», «@…») get the quote-prefix
    style; the rest keep theirs. Nothing is done when no text of the workbook so far is formula-like."""
    if not strings.formula_like:
        return style
    marked = pc.fill_null(pc.is_in(value, pa.array(sorted(strings.formula_like), value.type)), False)
    if not pc.any(marked).as_py():
        return style
    fills = [column.fill(item) for item in items] if column.fill else [None] * len(items)
    quoted = pa.array([str(package.style_id("quoted", fill)) for fill in fills], pa.string())
    plain = style if isinstance(style, pa.Array) else pa.array([style] * len(items), pa.string())
    return pc.if_else(marked, quoted, plain)


def hyperlinks(places: list, letter: str) -> list[str]:
    return [f'<hyperlink ref="{letter}{i + 2}" location="{location(place)}"/>'
            for i, place in enumerate(places[:MAX_LINKS]) if place]


def location(place) -> str:
    return f"{quoted_reference(place.sheet)}!A{place.index + 2}"


@lru_cache
def quoted_reference(sheet: str) -> str:
    """A sheet's reference as an XML attribute (asked once per linked cell: tens of thousands a workbook)."""
    return package.sheet_reference(sheet).replace("&", "&amp;").replace('"', "&quot;")


def hyperlinks_xml(links: list[str]) -> str:
    return "<hyperlinks>" + "".join(links) + "</hyperlinks>" if links else ""


def chars_per_line(width: float) -> float:
    """What a line of a wrapped cell holds: the column's characters less what breaking between words loses
    (a tenth of the line, at most WRAP_LOSS). Text no longer than a whole line never wraps."""
    whole = max(1.0, (width - 1) * CHARS_PER_WIDTH)
    return max(1.0, whole - min(WRAP_LOSS, whole / 10))


def text_lines(text: str, width: float) -> int:
    return wrapped(text, max(1.0, (width - 1) * CHARS_PER_WIDTH), chars_per_line(width))


def wrapped(text: str, whole: float, per_line: float) -> int:
    """Lines of a text: a paragraph that fits a line is one, a longer one its length over `per_line`."""
    return sum(1 if len(part) <= whole else -(-len(part) // int(per_line)) for part in text.split("\n"))


def row_heights(lines: list[pa.Array | None], count: int) -> pa.Array:
    found = [line for line in lines if line is not None]
    tallest = pc.max_element_wise(*found, skip_nulls=True) if found else pa.array([1.0] * count)
    tallest = pc.max_element_wise(pc.fill_null(tallest, 1.0), 1.0)
    points = pc.min_element_wise(pc.add(pc.multiply(tallest, package.LINE_POINTS), ROW_PADDING_POINTS),
                                 float(MAX_ROW_POINTS))
    return pc.cast(points, pa.string())


def row_points(lines: int) -> str:
    return str(min(lines * package.LINE_POINTS + ROW_PADDING_POINTS, MAX_ROW_POINTS))


def defined_names(sheets: list[Sheet]) -> list[tuple[str, int, str]]:
    """The filter's range, the print area (the printed columns) and the header row repeated on each page."""
    names = []
    for i, sheet in enumerate(sheets):
        reference, last_row = package.sheet_reference(sheet.name), len(sheet.items) + 1
        last, printed = column_letter(len(sheet.columns) - 1), column_letter(sheet.printed_columns - 1)
        names += [("_xlnm._FilterDatabase", i, f"{reference}!$A$1:${last}${last_row}"),
                  ("_xlnm.Print_Area", i, f"{reference}!$A$1:${printed}${last_row}"),
                  ("_xlnm.Print_Titles", i, f"{reference}!$1:$1")]
    return names
