"""What a reader returns: the document's loose paragraphs and its tables, each piece with its page."""

from typing import Literal

from pydantic import BaseModel, Field

from schemas.messages import Message

Extraction = Literal["text", "ocr"]


class Cell(BaseModel):
    text: str
    col: int = Field(description="first grid column the cell covers, 0-based")
    span: int = Field(1, description="grid columns covered")
    merged_from_above: bool = Field(False, description="continues a vertically merged cell; text is the top's")
    confidence: float | None = Field(None, description="OCR: how sure the recognition is, 0–100 (Tesseract's "
                                                       "scale); None for text from a text layer or an empty cell")


class RawRow(BaseModel):
    cells: list[Cell]
    index: int = Field(description="row number inside its table, 1-based, header rows included")
    page: int | None = None
    is_header: bool = Field(False, description="marked as a repeating header row by the source")
    joined_pages: list[int] = Field(default_factory=list, description="pages whose fragments were joined in")
    extraction: Extraction = Field("text", description="ocr: read from a page image, not a text layer")

    @property
    def texts(self) -> list[str]:
        return [cell.text for cell in self.cells]


class RawTable(BaseModel):
    index: int = Field(description="table number in the document, 1-based")
    n_cols: int
    rows: list[RawRow]
    page: int | None = None
    bordered: bool = True


class Paragraph(BaseModel):
    text: str
    page: int | None = None
    position: int = Field(description="order in the document, shared with tables' positions")


class DocumentContent(BaseModel):
    format: Literal["docx", "pdf", "txt", "xlsx", "xls", "ods", "html", "image"]
    pages: int | None = None
    ocr_pages: list[int] = Field(default_factory=list, description="pages read from their image (OCR)")
    paragraphs: list[Paragraph] = Field(default_factory=list)
    tables: list[RawTable] = Field(default_factory=list)
    table_positions: list[int] = Field(default_factory=list, description="position of each table")
    notes: list[Message] = Field(default_factory=list,
                                 description="what the reader noticed about the file (macros left unread …)")

    def full_text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)
