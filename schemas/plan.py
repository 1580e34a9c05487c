"""A plan as the table assembler sees it (rows) and as the document's facts describe it."""

from datetime import date

from pydantic import BaseModel, Field

from schemas.content import Extraction
from schemas.messages import Message


class Region(BaseModel):
    """A federal subject, as in extractors/data/regions.csv."""

    name: str = Field(description="official name, e.g. «Кемеровская область — Кузбасс»")
    number: str = Field(description="two-digit subject code, e.g. «42»")
    code: str | None = Field(None, description="ISO 3166-2, e.g. «RU-KEM»; None where none exists")
    district: str | None = None


class PlanFacts(BaseModel):
    """What the document says about itself, outside the activity table."""

    title: str | None = None
    region: Region | None = None
    region_evidence: str | None = Field(None, description="the text the region was read from")
    plan_year: int | None = None
    approved_on: date | None = None
    approved_by: str | None = None
    election: str | None = None
    voting_start: date | None = None
    voting_end: date | None = None
    election_day: date | None = Field(
        None, description="the day the election was called for, as stated («назначенные на 19 сентября 2021 года»)"
    )
    election_called_on: date | None = Field(None, description="the day the election was called, as stated")
    reasons: list[Message] = Field(default_factory=list, description="why a fact could not be decided")


class PlanRow(BaseModel):
    """One activity row of the plan table, cells mapped to roles, text kept as written."""

    section: str | None = None
    seq: str | None = None
    title: str
    description: str | None = None
    deadline_raw: str = ""
    responsible_raw: str = ""
    note: str | None = None
    source_page: int | None = None
    source_table: int | None = None
    source_row: int
    joined_pages: list[int] = Field(
        default_factory=list, description="pages whose fragments were joined into this row by a guess"
    )
    extraction: Extraction = "text"
    confidence: dict[str, float] = Field(
        default_factory=dict, description="OCR: each role's (title, deadline …) recognition confidence, 0–100"
    )
