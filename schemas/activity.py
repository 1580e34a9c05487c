"""One published activity: the row of `activities.jsonl` (a contract; names stay stable)."""

from datetime import date, datetime

from pydantic import BaseModel, Field

from schemas.content import Extraction
from schemas.deadline import Anchor, DeadlineKind, Precision, Recurrence
from schemas.messages import Message


class Activity(BaseModel):
    activity_id: str = Field(description="stable across runs for the same content and row")
    document_id: str = Field(description="sha256 of the file's bytes")
    source_file: str
    region_code: str | None = None
    region_number: str | None = None
    region_name: str | None = None
    plan_year: int | None = None
    section: str | None = None
    seq: str | None = None
    title: str
    description: str | None = None
    note: str | None = None
    deadline_raw: str = ""
    deadline_kind: DeadlineKind
    deadline_start: date | None = None
    deadline_end: date | None = None
    recurrence: Recurrence | None = None
    deadline_precision: Precision | None = None
    deadline_dates: list[date] = Field(default_factory=list)
    deadline_anchor: Anchor | None = None
    deadline_offset_days: int | None = None
    deadline_warnings: list[Message] = Field(default_factory=list)
    responsible_raw: str = ""
    responsible_persons: list[str] = Field(default_factory=list)
    responsible_orgs: list[str] = Field(default_factory=list)
    responsible_orgs_raw: list[str] = Field(default_factory=list)
    responsible_orgs_expanded: list[str] = Field(default_factory=list)
    responsible_groups: list[str] = Field(default_factory=list, description="collectives that are not people")
    responsible_roles: list[str] = Field(
        default_factory=list, description="posts named with nobody in them, nominative («Председатель Общественной палаты»)")
    mentioned_orgs: list[str] = Field(default_factory=list)
    category: str = "other"
    source_page: int | None = None
    source_table: int | None = None
    source_row: int
    extraction: Extraction = Field("text", description="ocr: read from a scan or photo, not a text layer")
    ocr_confidence: float | None = Field(
        None, description="OCR: the lowest recognition confidence (0–100) of the row's cells; None for text"
    )
    processed_at: datetime | None = None
    activity_key: str | None = Field(
        None, description="stable across revisions of one plan: region, year and the normalised title"
    )
    review_reasons: list[Message] = Field(default_factory=list, description="why a person should look at it")
    corrected_fields: list[str] = Field(default_factory=list, description="fields a person corrected")
