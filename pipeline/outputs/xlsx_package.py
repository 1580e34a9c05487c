"""The fixed parts of an .xlsx package (SpreadsheetML, ECMA-376): content types, relationships, the
workbook with its defined names (filter, print area, header repeated on each page), the styles and the
document properties. `xlsx_writer.py` writes the sheets and the shared strings and zips it all.

Styles are a small fixed table: a header style, then every (fill, kind) pair — text, number, date, link
or quoted (a text Excel keeps as text when edited, its quote prefix: safe_text.py), on no fill or one of the
named colours — so a cell's style is `style_id(kind, fill)`."""

from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

FONT = ("Arial", 10)  # Excel has it everywhere; LibreOffice's Liberation Sans has the same metrics
LINE_POINTS = 12.75  # the height of one line of that font, in points
DATE_FORMAT = "DD.MM.YYYY"
HEADER_COLOUR = "DDE4EE"
BORDER_COLOUR = "C9D1DC"
FILL_COLOURS = {None: None, "gap": "FBE3E3", "plan": "D6EFD3", "quarantined": "FFE3A6", "nothing": "F3C9C9"}
KINDS = ("text", "number", "date", "link", "quoted")
HEADER_STYLE = 1
HIDDEN = {"_xlnm._FilterDatabase": ' hidden="1"'}
WRAP = ' wrapText="1"'


def style_id(kind: str, fill: str | None = None) -> int:
    return 2 + list(FILL_COLOURS).index(fill) * len(KINDS) + KINDS.index(kind)


def sheet_reference(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def content_types(sheet_count: int) -> str:
    sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{SHEET_TYPE}"/>'
                     for i in range(1, sheet_count + 1))
    office = "application/vnd.openxmlformats-officedocument"
    return (DECLARATION + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{office}.spreadsheetml.sheet.main+xml"/>'
            f'{sheets}<Override PartName="/xl/styles.xml" ContentType="{office}.spreadsheetml.styles+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{office}.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            f'<Override PartName="/docProps/app.xml" ContentType="{office}.extended-properties+xml"/></Types>')


def relationships(targets: list[tuple[str, str]]) -> str:
    """(type, target) pairs as rId1, rId2 …"""
    items = "".join(f'<Relationship Id="rId{i}" Type="{kind}" Target="{target}"/>'
                    for i, (kind, target) in enumerate(targets, start=1))
    return DECLARATION + f'<Relationships xmlns="{PACKAGE_REL}">{items}</Relationships>'


def root_relationships() -> str:
    return relationships([(f"{REL}/officeDocument", "xl/workbook.xml"),
                          (f"{PACKAGE_REL}/metadata/core-properties", "docProps/core.xml"),
                          (f"{REL}/extended-properties", "docProps/app.xml")])


def workbook_relationships(sheet_count: int) -> str:
    return relationships([(f"{REL}/worksheet", f"worksheets/sheet{i}.xml") for i in range(1, sheet_count + 1)]
                         + [(f"{REL}/styles", "styles.xml"), (f"{REL}/sharedStrings", "sharedStrings.xml")])


def workbook(names: list[str], defined: list[tuple[str, int, str]]) -> str:
    """`defined`: (name, sheet index, formula) — `_xlnm._FilterDatabase`, `_xlnm.Print_Area` …"""
    sheets = "".join(f'<sheet name={quoteattr(name)} sheetId="{i}" r:id="rId{i}"/>'
                     for i, name in enumerate(names, start=1))
    names_xml = "".join(f'<definedName name="{name}" localSheetId="{sheet}"{HIDDEN.get(name, "")}>'
                        f'{escape(formula)}</definedName>' for name, sheet, formula in defined)
    return (DECLARATION + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><bookViews><workbookView activeTab="0"/>'
            f'</bookViews><sheets>{sheets}</sheets><definedNames>{names_xml}</definedNames></workbook>')


def styles() -> str:
    font, size = FONT
    fonts = (f'<font><sz val="{size}"/><name val="{font}"/></font>'
             f'<font><b/><sz val="{size}"/><name val="{font}"/></font>'
             f'<font><u/><sz val="{size}"/><color rgb="FF1F4E9C"/><name val="{font}"/></font>')
    colours = [HEADER_COLOUR] + [c for c in FILL_COLOURS.values() if c]
    fills = ('<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
             + "".join(f'<fill><patternFill patternType="solid"><fgColor rgb="FF{c}"/></patternFill></fill>'
                       for c in colours))
    side = f'<{{0}} style="thin"><color rgb="FF{BORDER_COLOUR}"/></{{0}}>'
    border = "<border>" + "".join(side.format(s) for s in ("left", "right", "top", "bottom")) + "<diagonal/></border>"
    xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
           cell_xf(font=1, fill=2, number_format=0, wrap=True)]
    for colour in FILL_COLOURS.values():
        fill = 0 if colour is None else 2 + colours.index(colour)
        xfs += [cell_xf(0, fill, 0, True), cell_xf(0, fill, 0, False), cell_xf(0, fill, 164, False),
                cell_xf(2, fill, 0, True), cell_xf(0, fill, 0, True, quote=True)]
    return (DECLARATION + f'<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" '
            f'formatCode="{DATE_FORMAT}"/></numFmts><fonts count="3">{fonts}</fonts>'
            f'<fills count="{len(colours) + 2}">{fills}</fills><borders count="2"><border><left/><right/><top/>'
            f'<bottom/><diagonal/></border>{border}</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" '
            f'fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def cell_xf(font: int, fill: int, number_format: int, wrap: bool, quote: bool = False) -> str:
    applied = (' applyFont="1"' if font else "") + (' applyFill="1"' if fill else "") + \
              (' applyNumberFormat="1"' if number_format else "") + (' quotePrefix="1"' if quote else "")
    return (f'<xf numFmtId="{number_format}" fontId="{font}" fillId="{fill}" borderId="1" xfId="0"{applied} '
            f'applyBorder="1" applyAlignment="1"><alignment vertical="top"{WRAP if wrap else ""}/></xf>')


def core_properties(title: str, moment: datetime) -> str:
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (DECLARATION + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{escape(title)}</dc:title><dc:creator>Svodka</dc:creator>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>')


def app_properties() -> str:
    return (DECLARATION + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>Svodka</Application></Properties>')
