"""An input file as found in the inbox, and its record in `documents.jsonl` (a contract)."""

from datetime import date, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, computed_field, model_validator

from schemas.messages import Message, message, render_all

# unpacked: an archive whose files were taken out and read, each as a document of its own;
# waiting: seen in the inbox but not read tonight — still being uploaded, or changed while it was read;
# it is taken when it has settled.
DocumentStatus = Literal["ingested", "superseded", "duplicate", "quarantined", "unpacked", "waiting"]


class SourceFile(BaseModel):
    path: Path
    name: str = Field(description="the file's name as uploaded")
    document_id: str = Field(description="sha256 of the bytes")
    size: int
    format: str | None = Field(None, description="sniffed from the bytes: docx, pdf, txt, doc, rtf, odt …")
    archive: str | None = Field(None, description="the archive this file was taken out of (its name as uploaded)")
    origin: str | None = Field(None, description="where it was found (the inbox path); `path` is what is read")


class SkippedTable(BaseModel):
    """A table of the document that gave no activities, and why."""

    table: int = Field(description="its number in the document, 1-based, as activities' source_table")
    page: int | None = None
    reason: Message
    may_hold_activities: bool = Field(
        False, description="it looks like part of the plan (it names a plan column), so the plan may be incomplete")


class DocumentRecord(BaseModel):
    document_id: str | None = Field(description="sha256 of the bytes; null for an inbox entry with none to read "
                                                "(a refused link, a file still being uploaded)")
    source_file: str
    format: str | None = None
    status: DocumentStatus
    reasons: list[Message] = Field(default_factory=list, description="why not ingested, or what is undecided")
    notes: list[Message] = Field(default_factory=list,
                                 description="what was noticed about the file itself: macros left unread, "
                                             "a hidden sheet not read")
    archive: str | None = Field(None, description="the archive the file came in, as uploaded; "
                                                  "source_file is then «archive!path inside it»")
    region_code: str | None = None
    region_number: str | None = None
    region_name: str | None = None
    plan_year: int | None = None
    approved_on: date | None = None
    approved_by: str | None = None
    title: str | None = None
    voting_start: date | None = Field(None, description="the plan's voting days: stated, else the calendar's")
    voting_end: date | None = None
    voting_days_source: str | None = Field(None, description="document or calendar")
    election_called_on: date | None = Field(
        None, description="the day the election was called (its decision published): stated, else the calendar's"
    )
    activity_count: int = 0
    pages: int | None = None
    processed_at: datetime | None = None
    first_seen_at: datetime | None = None
    duplicate_of: str | None = None
    superseded_by: str | None = None
    pipeline_version: str | None = None
    parse_seconds: float | None = None
    corrected_fields: list[str] = Field(default_factory=list, description="facts a person corrected")
    tables_read: list[int] = Field(default_factory=list, description="tables the activities were read from")
    tables_skipped: list[SkippedTable] = Field(default_factory=list, description="the other tables, and why")

    @computed_field
    @property
    def reason(self) -> str | None:
        """The reasons as one Russian line, what a chamber employee reads."""
        return render_all(self.reasons)

    @model_validator(mode="before")
    @classmethod
    def reason_text_of_older_records(cls, data):
        """A record written before reasons had codes keeps its text."""
        if isinstance(data, dict) and "reasons" not in data and data.get("reason"):
            data = {**data, "reasons": [message("legacy", text=data["reason"])]}
        return data


class ParsedDocument(BaseModel):
    """What parsing one file yields: its record and, unless quarantined, its activities."""

    record: DocumentRecord
    activities: list["Activity"] = Field(default_factory=list)


from schemas.activity import Activity

ParsedDocument.model_rebuild()
