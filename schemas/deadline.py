"""A deadline cell, read: the raw text beside its typed meaning (see README, «Deadlines»)."""

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from schemas.messages import Message

DeadlineKind = Literal[
    "date", "range", "before", "after", "recurring", "ongoing", "as_needed", "unspecified", "unparsed"
]
Recurrence = Literal["daily", "weekly", "monthly", "quarterly", "yearly"]
Precision = Literal["day", "decade", "month", "season", "quarter", "half", "year"]
YearSource = Literal["explicit", "plan", "campaign", "voting_days", "event", "none"]
# What a deadline counts from (README, «Deadlines»): the voting days, one of their ends, or another event.
Anchor = Literal[
    "voting_days", "voting_day", "voting_first_day", "election_called", "candidates_registered",
    "results_established", "results_published", "plan_approved",
]


class PlanContext(BaseModel):
    """What a deadline needs to know about its plan to resolve year-less dates and event words."""

    plan_year: int | None = None
    approved_on: date | None = None
    voting_start: date | None = None
    voting_end: date | None = None
    voting_source: Literal["document", "calendar"] | None = Field(
        None, description="whether the plan states its voting days or the calendar supplied them"
    )
    events: dict[str, date] = Field(
        default_factory=dict,
        description="dates of other campaign events (anchor → day), e.g. election_called; stated or the calendar's",
    )


class Deadline(BaseModel):
    raw: str
    kind: DeadlineKind
    start: date | None = None
    end: date | None = None
    recurrence: Recurrence | None = None
    precision: Precision | None = None
    dates: list[date] = Field(default_factory=list, description="the individual dates of a list")
    anchor: Anchor | None = Field(None, description="the event a date was resolved from, e.g. voting_days")
    offset_days: int | None = Field(
        None, description="days from the anchor's day to the deadline's (−10 in «за 10 дней до дня голосования»)"
    )
    year_source: YearSource | None = None
    warnings: list[Message] = Field(default_factory=list)
