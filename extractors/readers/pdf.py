"""PDF plans: ruled tables through pdfplumber, borderless ones by word positions, stitched across pages.

A PDF without a text layer is a scan (or, with no images either, a blank PDF), and one whose text comes
out as «(cid:NN)» has fonts without a Unicode map: each is refused with its reason rather than ingested
as garbage.
"""

from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from extractors.readers.pdf_borderless import pages_to_borderless_tables
from extractors.readers.pdf_stitch import PageTable, stitch_page_tables
from extractors.readers.pdf_work import WorkCounter, find_tables_counted
from extractors.tables.columns import is_plan_header
from schemas import (
    DocumentContent,
    EmptyFileError,
    EncryptedFileError,
    Paragraph,
    ScannedFileError,
    UnreadableFileError,
)

TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
HEADER_ROWS = 5  # a plan table's header is among its first rows


def read_pdf(path: Path) -> DocumentContent:
    try:
        with pdfplumber.open(str(path)) as pdf:
            return pdf_to_content(pdf)
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise EncryptedFileError("pdf.encrypted") from error
    except PdfminerException as error:
        if isinstance(error.args[0] if error.args else None, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise EncryptedFileError("pdf.encrypted") from error
        raise UnreadableFileError("pdf.corrupt", problem=problem_of(error)) from error
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as error:
        raise UnreadableFileError("pdf.corrupt", problem=problem_of(error)) from error


def count_pdf_pages(path: Path) -> int:
    """Pages, without reading them (for the page limit); 0 when the file does not open."""
    try:
        with pdfplumber.open(str(path)) as pdf:
            return len(pdf.pages)
    except Exception:  # a broken file is reported by read_pdf with its own reason
        return 0


def problem_of(error: Exception) -> str:
    """What is wrong with the file, in words — never the parser's exception name."""
    inner = error.args[0] if error.args and isinstance(error.args[0], Exception) else error
    text = str(inner).lower()
    if "eof" in text or "unexpected end" in text:
        return "файл обрывается — похоже, он загружен не полностью"
    if "no /root" in text or "trailer" in text or "xref" in text:
        return "нарушена служебная структура файла"
    return "содержимое файла не соответствует формату PDF"


def pdf_to_content(pdf) -> DocumentContent:
    content = DocumentContent(format="pdf", pages=len(pdf.pages))
    page_tables: list[PageTable] = []
    chars = images = 0
    work = WorkCounter()  # a dense ruled grid is refused before pdfplumber spends an hour on it
    for number, page in enumerate(pdf.pages, 1):
        chars, images = chars + len(page.chars), images + len(page.images)
        found = find_tables_counted(page, TABLE_SETTINGS, work, number)
        page_tables += [PageTable.from_pdfplumber(t, number) for t in found]
        add_page_paragraphs(content, page, number, [t.bbox for t in found])
    refuse_unreadable_text(content, chars, images)
    if not any(holds_plan_header(t) for t in page_tables):
        # a borderless plan, maybe followed by a ruled table that is not one («Состав штаба»)
        ruled_tops = {t.page: t.top for t in reversed(page_tables)}
        if borderless := pages_to_borderless_tables(pdf.pages, ruled_tops):
            keep_text_above_borderless_table(content, pdf.pages, borderless[0])
            page_tables = borderless + [t for t in page_tables if t.page >= borderless[-1].page]
    content.tables = stitch_page_tables(page_tables)
    content.table_positions = [table_position(content, t.page) for t in content.tables]
    return content


def holds_plan_header(piece: PageTable) -> bool:
    return any(is_plan_header([" ".join((t or "").split()) for t in row]) for row in piece.rows[:HEADER_ROWS])


def keep_text_above_borderless_table(content: DocumentContent, pages, first: PageTable) -> None:
    """Paragraphs were read from whole pages; keep only what stands above the table."""
    content.paragraphs = [p for p in content.paragraphs if p.page < first.page]
    above = pages[first.page - 1].crop((0, 0, pages[first.page - 1].width, max(first.top - 1, 1)))
    add_lines(content, above.extract_text() or "", first.page, 0)


def add_page_paragraphs(content: DocumentContent, page, number: int, bboxes: list[tuple]) -> None:
    """Text outside the tables; positions are page-major, with a page's tables at offset 50 000."""
    if not bboxes:
        return add_lines(content, page.extract_text() or "", number, 0)
    top, bottom = min(b[1] for b in bboxes), max(b[3] for b in bboxes)
    if top > 1:
        add_lines(content, page.crop((0, 0, page.width, top)).extract_text() or "", number, 0)
    if bottom < page.height - 1:
        below = page.crop((0, bottom, page.width, page.height)).extract_text() or ""
        add_lines(content, below, number, 60_000)


def add_lines(content: DocumentContent, text: str, page: int, offset: int) -> None:
    for line in text.splitlines():
        if line.strip():
            position = page * 100_000 + offset + len(content.paragraphs)
            content.paragraphs.append(Paragraph(text=line.strip(), page=page, position=position))


def table_position(content: DocumentContent, page: int | None) -> int:
    return (page or 1) * 100_000 + 50_000


def refuse_unreadable_text(content: DocumentContent, chars: int, images: int) -> None:
    if not content.pages:
        raise EmptyFileError("pdf.no_pages")
    if chars == 0 and images == 0:
        raise EmptyFileError("pdf.blank", pages=content.pages)
    if chars == 0:
        raise ScannedFileError("pdf.scan")
    text = content.full_text()
    if text.count("(cid:") * 6 > max(len(text), 1) * 0.1:
        raise ScannedFileError("pdf.no_unicode")
