"""The review loop: what a person corrects or confirms, what became of it, and what changed between two
revisions of a plan. The file formats are in README «Corrections»."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from schemas.messages import Message

CorrectionOutcome = Literal["applied", "carried", "orphaned", "conflict", "invalid", "dismissed"]


class Correction(BaseModel):
    """One row of a corrections file (CSV or XLSX in `DIR/corrections/`, or `review.xlsx` filled in)."""

    file: str
    row: int = Field(description="the row in its file, 1-based, as a spreadsheet shows it")
    activity_id: str | None = None
    document_id: str | None = None
    field: str | None = None
    value: str | None = Field(None, description="None: not answered; '' sets the field empty")
    dismiss: bool = Field(False, description="the machine's value is right: the doubt leaves the list for good")
    review_reason: str | None = Field(None, description="the doubt's code, when the row came from review.xlsx")
    author: str | None = None
    comment: str | None = None

    @property
    def target(self) -> str:
        return self.activity_id or self.document_id or ""


class StoredCorrection(BaseModel):
    """A correction as the catalog keeps it: received once, with the machine value it was first applied over."""

    id: int
    correction: Correction
    baseline: str | None = Field(None, description="the machine's value of the field at the first application")


class CorrectionResult(BaseModel):
    """What a run did with one correction; kept in the catalog and published as `corrections.jsonl`."""

    correction: Correction
    outcome: CorrectionOutcome
    old: str | None = None
    new: str | None = None
    applied_to: str | None = Field(None, description="the activity it was applied to, when carried to a revision")
    note: Message | None = None
    at: datetime | None = None


class Change(BaseModel):
    """One difference between a plan and the revision it superseded (`changes.jsonl`)."""

    region_code: str | None = None
    region_number: str | None = None
    region_name: str | None = None
    plan_year: int | None = None
    document_id: str = Field(description="the current revision")
    previous_document_id: str
    change: Literal["added", "removed", "changed"]
    activity_key: str
    activity_id: str | None = Field(None, description="in the current revision; None when removed")
    title: str
    field: str | None = None
    old: str | None = None
    new: str | None = None
