"""Who is responsible: people as «Фамилия И.О.» and organisations as written and normalised."""

from pydantic import BaseModel, Field


class Organisation(BaseModel):
    raw: str = Field(description="as written in the cell")
    name: str = Field(description="nominative, with the plan's own region filled in for «края»/«области»")
    expanded: str | None = Field(None, description="abbreviations spelled out (КГКУ → Краевое …)")


class ResponsibleParty(BaseModel):
    """One responsible cell, read."""

    persons: list[str] = Field(default_factory=list, description="«Фамилия И.О.»")
    orgs: list[Organisation] = Field(default_factory=list)
    groups: list[str] = Field(default_factory=list, description="collectives that are not people")
    roles: list[str] = Field(default_factory=list, description="posts named with nobody in them («Председатель "
                                                                  "Общественной палаты»)")
