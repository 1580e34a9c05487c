"""DOCX plans, read from the XML so that spans, merges and hidden text are what Word shows.

python-docx's `row.cells` repeats a merged cell in every slot it covers, `paragraph.text` misses text
inside insertions, smart tags, fields and content controls, and `document.tables` misses tables inside
content controls or nested in a layout table (see shared PITFALLS). So the body is walked here: paragraphs
and tables in document order, through content controls (`w:sdt`), into the cells of a layout frame, and
each text box read once as paragraphs of its own.
"""

import zipfile
from pathlib import Path

import docx
from lxml import etree

from extractors.readers.docx_numbering import Numbering
from extractors.readers.docx_package import check_docx_package
from extractors.readers.docx_tables import W_TBL, children, frame_cells, is_layout_frame, table_to_raw
from extractors.readers.docx_text import W_P, paragraph_text, text_boxes
from extractors.readers.text import tabbed_plan_content
from schemas import DocumentContent, Paragraph, UnreadableFileError


def read_docx(path: Path) -> DocumentContent:
    check_docx_package(path)
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError) as error:
        raise UnreadableFileError("docx.corrupt") from error
    return body_to_content(document.element.body, Numbering.from_document(document))


def body_to_content(body, numbering: Numbering) -> DocumentContent:
    """Paragraphs and tables with one running position, so assembly knows what stands between tables."""
    content = DocumentContent(format="docx")
    lines: list[str] = []  # the paragraphs as written (tabs, empty ones), for a table typed with tabs
    for position, element in enumerate(body_blocks(body)):
        if element.tag == W_P:
            text = paragraph_text(element, numbering)
            lines += text.split("\n")
            if text.strip():
                content.paragraphs.append(Paragraph(text=text.strip(), position=position))
        else:
            content.tables.append(table_to_raw(element, len(content.tables) + 1, numbering))
            content.table_positions.append(position)
    if not content.tables:
        return tabbed_plan_content(lines, "docx") or content
    return content


def body_blocks(container):
    """Paragraphs and tables in reading order: through content controls, the text boxes anchored in a
    paragraph before the paragraph itself, and the cells of a layout frame as if they were the body."""
    for element in children(container, {W_P, W_TBL}):
        if element.tag == W_P:
            for box in text_boxes(element):
                yield from body_blocks(box)
            yield element
        elif is_layout_frame(element):
            for tc in frame_cells(element):
                yield from body_blocks(tc)
        else:
            yield element

