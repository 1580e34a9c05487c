"""A DOCX table as grid-positioned cells, and the elements a table or a body is made of.

python-docx skips what sits inside content controls: a table in a block-level `w:sdt` is missing from
`document.tables`, rows in a row-level one from `table.rows`, and a cell in a cell-level one from
`row.cells` — the cells after it then shift left (a name lands under «Срок»). So rows and cells are
walked here through `w:sdt/w:sdtContent` (and `w:customXml`, which wraps the same way), with each cell
placed by its grid column.
"""

from docx.oxml.ns import qn

from extractors.readers.docx_numbering import Numbering
from extractors.readers.docx_text import W_P, is_list_item, is_read_once, paragraph_text
from schemas import Cell, RawRow, RawTable

W_TBL, W_TR, W_TC = qn("w:tbl"), qn("w:tr"), qn("w:tc")
WRAPPERS = {qn("w:sdt"): qn("w:sdtContent"), qn("w:customXml"): None}  # wrapper → where its content is


def children(element, tags: set):
    """Direct children with one of `tags`, looking through content controls and custom XML."""
    for child in element:
        if child.tag in tags:
            yield child
        elif child.tag in WRAPPERS:
            inner = child.find(WRAPPERS[child.tag]) if WRAPPERS[child.tag] else child
            if inner is not None:
                yield from children(inner, tags)


def table_rows(tbl) -> list:
    return list(children(tbl, {W_TR}))


def row_cells(tr) -> list:
    return list(children(tr, {W_TC}))


def table_to_raw(tbl, index: int, numbering: Numbering) -> RawTable:
    rows: list[RawRow] = []
    above: dict[int, Cell] = {}
    n_cols = len(tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"))
    for row_number, tr in enumerate(table_rows(tbl), 1):
        cells, col = [], grid_before(tr)
        for tc in row_cells(tr):
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


def cell_text(tc, numbering: Numbering) -> str:
    """Paragraphs joined by newlines (a nested table's and a text box's too, each once); list items
    marked with «• » so assembly can join them with «; »."""
    lines = []
    for p in tc.iter(W_P):
        if not is_read_once(p, tc):
            continue
        text = paragraph_text(p, numbering).strip()
        if text:
            lines.append(("• " + text) if is_list_item(p) and not text[0].isdigit() else text)
    return "\n".join(lines)


def is_layout_frame(tbl) -> bool:
    """A table used to lay out the page (often 1×1, borderless) with the plan nested in a cell: it has a
    nested table longer than itself. python-docx reaches such a plan only through `cell.tables`."""
    nested = [t for tc in (c for tr in table_rows(tbl) for c in row_cells(tr)) for t in tc.iter(W_TBL)]
    return bool(nested) and max(len(table_rows(t)) for t in nested) > len(table_rows(tbl))


def frame_cells(tbl) -> list:
    """The cells of a layout frame in reading order, to be read like the body."""
    return [tc for tr in table_rows(tbl) for tc in row_cells(tr)]


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
