"""Where a spreadsheet's sheets come from, by format; each gives `Sheet`s of displayed text and merges.

- .xlsx/.xlsm: openpyxl in full mode (read-only mode has no merged ranges), values with their number
  formats, so a date shows as Excel shows it; macros are never loaded (`keep_vba=False`).
- .xls (Excel 97–2003): python-calamine, which reads the binary format and its merged ranges but not the
  number formats: a date shows in Russian Excel's short form. A book calamine cannot read is converted to
  .xlsx by LibreOffice when it is installed.
- .ods: its content.xml directly: a cell's <text:p> is what LibreOffice displays, spans are attributes.
"""

import zipfile
from pathlib import Path

import openpyxl
import python_calamine
from lxml import etree

from extractors.readers import converted
from extractors.readers.docx_package import check_package
from extractors.readers.excel_formats import DEFAULT_DATE_FORMAT, value_to_text
from extractors.readers.spreadsheet import Sheet, sheets_to_content
from schemas import DocumentContent, TooLargeError, UnreadableFileError, UnsupportedFormatError, message

VBA_PART = "vbaProject.bin"
MAX_SHEET_XML_BYTES = 64 * 2**20


def read_xlsx(path: Path) -> DocumentContent:
    check_package(path, "XLSX")
    check_sheet_size(path)
    content = sheets_to_content(xlsx_sheets(path), "xlsx")
    if has_macros(path):
        content.notes.insert(0, message("note.macros_unread"))
    return content


def read_xls(path: Path) -> DocumentContent:
    try:
        sheets = xls_sheets(path)
    except Exception as error:  # noqa: BLE001 — calamine's errors are many; LibreOffice gets a second try
        return read_xls_through_office(path, error)
    return sheets_to_content(sheets, "xls")


def read_ods(path: Path) -> DocumentContent:
    check_package(path, "ODS")
    try:
        with zipfile.ZipFile(path) as package:
            root = etree.fromstring(package.read("content.xml"), SAFE_XML)
    except (KeyError, etree.XMLSyntaxError) as error:
        raise UnreadableFileError("sheet.corrupt", kind="ODS") from error
    hidden = hidden_table_styles(root)
    return sheets_to_content([ods_table_to_sheet(t, hidden) for t in root.iter(ODS("table:table"))], "ods")


def check_sheet_size(path: Path) -> None:
    """openpyxl holds every cell in memory (its read-only mode has no merged ranges): a plan's sheets are
    kilobytes, hundreds of megabytes of them are not a plan and would take minutes and gigabytes."""
    with zipfile.ZipFile(path) as package:
        size = sum(i.file_size for i in package.infolist() if i.filename.startswith("xl/worksheets/"))
    if size > MAX_SHEET_XML_BYTES:
        raise TooLargeError("sheet.too_large", size_mb=f"{size / 2**20:.0f}",
                            limit_mb=f"{MAX_SHEET_XML_BYTES // 2**20}")


def has_macros(path: Path) -> bool:
    with zipfile.ZipFile(path) as package:
        return any(name.endswith(VBA_PART) for name in package.namelist())


# ---- .xlsx, .xlsm


def xlsx_sheets(path: Path) -> list[Sheet]:
    try:
        with open(path, "rb") as stream:  # a file object: openpyxl judges a path by its suffix
            book = openpyxl.load_workbook(stream, data_only=True, keep_vba=False, keep_links=False)
    except Exception as error:  # noqa: BLE001 — openpyxl raises KeyError, ValueError, TypeError … on damage
        raise UnreadableFileError("sheet.corrupt", kind="XLSX") from error
    return [worksheet_to_sheet(ws) for ws in book.worksheets]


def worksheet_to_sheet(ws) -> Sheet:
    rows = [[value_to_text(cell.value, cell.number_format) for cell in row]
            for row in ws.iter_rows(min_row=1, min_col=1, max_row=ws.max_row, max_col=ws.max_column)]
    merges = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges]
    return Sheet(ws.title, rows, merges, hidden=ws.sheet_state != "visible")


# ---- .xls


def xls_sheets(path: Path) -> list[Sheet]:
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    visible = {m.name: m.visible == python_calamine.SheetVisibleEnum.Visible for m in book.sheets_metadata}
    sheets = []
    for name in book.sheet_names:
        sheet = book.get_sheet_by_name(name)
        rows = [[value_to_text(value, DEFAULT_DATE_FORMAT) for value in row]
                for row in sheet.to_python(skip_empty_area=False)]
        merges = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []]
        sheets.append(Sheet(name, rows, merges, hidden=not visible.get(name, True)))
    return sheets


def read_xls_through_office(path: Path, error: Exception) -> DocumentContent:
    if converted.libreoffice() is None:
        raise UnsupportedFormatError("convert.no_office_sheet") from error
    with converted.convert(path, "xlsx") as xlsx:
        return sheets_to_content(xlsx_sheets(xlsx), "xls")


# ---- .ods

ODS_NS = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
          "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
          "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0"}
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
MAX_REPEAT = 1000  # LibreOffice writes the empty rest of a sheet as one row repeated a million times


def ODS(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{ODS_NS[prefix]}}}{local}"


def hidden_table_styles(root) -> set[str]:
    """Names of the automatic styles that hide a sheet (<style:table-properties table:display="false">)."""
    return {style.get(ODS("style:name")) for style in root.iter(ODS("style:style"))
            if any(props.get(ODS("table:display")) == "false"
                   for props in style.iter(ODS("style:table-properties")))}


def ods_table_to_sheet(table, hidden_styles: set[str]) -> Sheet:
    cells: dict[tuple[int, int], str] = {}
    merges = []
    r = 0
    for row in table.iter(ODS("table:table-row")):
        repeat = int(row.get(ODS("table:number-rows-repeated"), "1"))
        filled = ods_row_cells(row, r, merges)
        for copy in range(min(repeat, MAX_REPEAT) if filled else 0):
            cells.update({(r + copy, c): text for (_, c), text in filled.items()})
        r += repeat
    return Sheet(table.get(ODS("table:name"), ""), cells_to_rows(cells), merges,
                 hidden=table.get(ODS("table:style-name")) in hidden_styles)


def ods_row_cells(row, r: int, merges: list) -> dict[tuple[int, int], str]:
    filled, c = {}, 0
    for cell in row:
        if cell.tag not in (ODS("table:table-cell"), ODS("table:covered-table-cell")):
            continue
        repeat = int(cell.get(ODS("table:number-columns-repeated"), "1"))
        text = "\n".join(paragraph_text(p) for p in cell.iter(ODS("text:p")))
        if text.strip():
            filled.update({(r, c + k): text for k in range(min(repeat, MAX_REPEAT))})
        columns = int(cell.get(ODS("table:number-columns-spanned"), "1"))
        rows = int(cell.get(ODS("table:number-rows-spanned"), "1"))
        if columns > 1 or rows > 1:
            merges.append((r, c, r + rows - 1, c + columns - 1))
        c += repeat
    return filled


def paragraph_text(p) -> str:
    """A <text:p> with its spans and links; <text:s text:c="3"/> are spaces, <text:line-break/> a new line."""
    parts = [p.text or ""]
    for node in p:
        if node.tag == ODS("text:s"):
            parts.append(" " * int(node.get(ODS("text:c"), "1")))
        elif node.tag == ODS("text:tab"):
            parts.append("\t")
        elif node.tag == ODS("text:line-break"):
            parts.append("\n")
        elif isinstance(node.tag, str):
            parts.append(paragraph_text(node))
        parts.append(node.tail or "")
    return "".join(parts)


def cells_to_rows(cells: dict[tuple[int, int], str]) -> list[list[str]]:
    if not cells:
        return []
    height = max(r for r, _ in cells) + 1
    width = max(c for _, c in cells) + 1
    return [[cells.get((r, c), "") for c in range(width)] for r in range(height)]
