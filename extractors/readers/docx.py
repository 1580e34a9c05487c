"""DOCX plans, read from the XML so that spans, merges and hidden text are what Word shows.

python-docx's `row.cells` repeats a merged cell in every slot it covers and `paragraph.text` misses text
inside insertions, smart tags, fields and content controls (see shared PITFALLS), so we walk `w:tr/w:tc`
with grid positions and collect runs ourselves.
"""

import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from extractors.readers.docx_numbering import Numbering
from extractors.readers.docx_package import check_docx_package
from schemas import Cell, DocumentContent, Paragraph, RawRow, RawTable, UnreadableFileError

W_P, W_TBL, W_SDT = qn("w:p"), qn("w:tbl"), qn("w:sdt")


def read_docx(path: Path) -> DocumentContent:
    check_docx_package(path)
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError) as error:
        raise UnreadableFileError("docx.corrupt") from error
    numbering = Numbering.from_document(document)
    content = DocumentContent(format="docx")
    for position, element in enumerate(body_blocks(document.element.body)):
        if element.tag == W_P:
            text = paragraph_text(element, numbering)
            if text.strip():
                content.paragraphs.append(Paragraph(text=text.strip(), position=position))
        else:
            content.tables.append(table_to_raw(element, len(content.tables) + 1, numbering))
            content.table_positions.append(position)
    return content


def body_blocks(body):
    """Paragraphs and tables in document order, looking inside content controls (w:sdt)."""
    for child in body:
        if child.tag in (W_P, W_TBL):
            yield child
        elif child.tag == W_SDT:
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from body_blocks(content)


def paragraph_text(p, numbering: Numbering | None = None) -> str:
    parts = []
    for run in p.iter(qn("w:r")):
        if is_hidden(run):
            continue
        for node in run:
            if node.tag == qn("w:t"):
                parts.append(node.text or "")
            elif node.tag in (qn("w:tab"),):
                parts.append("\t")
            elif node.tag in (qn("w:br"), qn("w:cr")):
                parts.append("\n")
    text = "".join(parts)
    label = numbering.label(p) if numbering else None
    return f"{label} {text}".strip() if label and label.strip(". ") and not text.strip() else text


def is_hidden(run) -> bool:
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        return False
    vanish = rpr.find(qn("w:vanish"))
    return vanish is not None and vanish.get(qn("w:val")) not in ("0", "false")


def is_list_item(p) -> bool:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        return False
    if ppr.find(qn("w:numPr")) is not None:
        return True
    style = ppr.find(qn("w:pStyle"))
    return style is not None and "list" in (style.get(qn("w:val")) or "").lower()


def cell_text(tc, numbering: Numbering) -> str:
    """Paragraphs joined by newlines; list items marked with «• » so assembly can join them with «; »."""
    lines = []
    for p in tc.iter(W_P):
        text = paragraph_text(p, numbering).strip()
        if text:
            lines.append(("• " + text) if is_list_item(p) and not text[0].isdigit() else text)
    return "\n".join(lines)


def table_to_raw(tbl, index: int, numbering: Numbering) -> RawTable:
    rows: list[RawRow] = []
    above: dict[int, Cell] = {}
    n_cols = len(tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"))
    for row_number, tr in enumerate(tbl.findall(qn("w:tr")), 1):
        cells, col = [], grid_before(tr)
        for tc in tr.findall(qn("w:tc")):
            span = int(tc_property(tc, "w:gridSpan") or 1)
            vmerge = tc_vmerge(tc)
            if vmerge == "continue" and col in above:
                cell = above[col].model_copy(update={"merged_from_above": True})
            else:
                cell = Cell(text=cell_text(tc, numbering), col=col, span=span)
            above[col] = cell
            cells.append(cell)
            col += span
        n_cols = max(n_cols, col)
        rows.append(RawRow(cells=cells, index=row_number, is_header=is_header_row(tr)))
    return RawTable(index=index, n_cols=n_cols, rows=rows, bordered=has_borders(tbl))


def grid_before(tr) -> int:
    trpr = tr.find(qn("w:trPr"))
    node = trpr.find(qn("w:gridBefore")) if trpr is not None else None
    return int(node.get(qn("w:val"))) if node is not None else 0


def tc_property(tc, name: str) -> str | None:
    tcpr = tc.find(qn("w:tcPr"))
    node = tcpr.find(qn(name)) if tcpr is not None else None
    return node.get(qn("w:val")) if node is not None else None


def tc_vmerge(tc) -> str | None:
    tcpr = tc.find(qn("w:tcPr"))
    node = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
    if node is None:
        return None
    return node.get(qn("w:val")) or "continue"


def is_header_row(tr) -> bool:
    trpr = tr.find(qn("w:trPr"))
    return trpr is not None and trpr.find(qn("w:tblHeader")) is not None


def has_borders(tbl) -> bool:
    borders = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    if borders is None:
        return True
    return any(b.get(qn("w:val")) not in ("nil", "none") for b in borders)
