"""Coverage, the federal chamber's first question: for each election year, which of the 89 federal subjects
have a current plan, which sent something that could not be read (and why), and which sent nothing.

A plan counts for its region and year as read from its text. A quarantined upload has no text to read, so
its name places it (extractors/file_names.py): «plan_tomsk_2024.docx» is Tomsk's for 2024; a name without a
year counts for the newest election in the data. Documents that cannot be placed at all — a plan whose
region or year is unknown, an unreadable file with an uninformative name — are listed apart (`unplaced`)."""

import csv
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from extractors.file_names import region_from_file_name, year_from_file_name
from extractors.regions import load_regions
from pipeline.outputs.labels import COVERAGE_LABELS, activities_words, russian_date
from schemas import DocumentRecord, Region

TILES_CSV = Path(__file__).with_name("region_tiles.csv")


class Tile(NamedTuple):
    label: str  # three or four letters shown on the square
    column: int
    row: int


class CoverageRow(NamedTuple):
    year: int
    number: str
    code: str | None
    name: str
    district: str | None
    status: str  # plan | quarantined | nothing (COVERAGE_LABELS)
    files: str
    detail: str
    document_id: str | None  # the current plan's document


def subjects() -> list[Region]:
    return sorted((region for region, _ in load_regions()), key=lambda r: r.number)


@lru_cache(maxsize=1)
def tiles() -> dict[str, Tile]:
    """Subject number → its square on the grid map (pipeline/outputs/region_tiles.csv)."""
    with TILES_CSV.open(encoding="utf-8", newline="") as handle:
        return {row["number"]: Tile(row["label"], int(row["column"]), int(row["row"]))
                for row in csv.DictReader(handle)}


def placed_quarantine(records: list[DocumentRecord]) -> list[tuple[DocumentRecord, str | None, int | None]]:
    """Quarantined uploads with the subject number and year their record or their name gives."""
    placed = []
    for r in records:
        if r.status == "quarantined":
            region = region_from_file_name(r.source_file) if not r.region_number else None
            placed.append((r, r.region_number or (region.number if region else None),
                           r.plan_year or year_from_file_name(r.source_file)))
    return placed


def coverage_years(records: list[DocumentRecord]) -> list[int]:
    """Election years in the data, newest first: those of plans and of placed quarantined uploads."""
    years = {r.plan_year for r in records if r.status == "ingested" and r.plan_year and r.region_number}
    years |= {year for _, number, year in placed_quarantine(records) if number and year}
    return sorted(years, reverse=True)


def coverage_rows(records: list[DocumentRecord]) -> list[CoverageRow]:
    """Every subject for every election year, newest year first, subjects by number."""
    years = coverage_years(records)
    plans = {(r.region_number, r.plan_year): r for r in records
             if r.status == "ingested" and r.region_number and r.plan_year}
    troubles: dict[tuple, list[DocumentRecord]] = {}
    for record, number, year in placed_quarantine(records):
        if number and years:
            troubles.setdefault((number, year or years[0]), []).append(record)
    return [subject_row(year, subject, plans.get((subject.number, year)), troubles.get((subject.number, year), []))
            for year in years for subject in subjects()]


def subject_row(year: int, subject: Region, plan: DocumentRecord | None,
                troubles: list[DocumentRecord]) -> CoverageRow:
    unread = "; ".join(f"{r.source_file}: {r.reason}" for r in troubles)
    if plan:
        status, files = "plan", plan.source_file
        detail = plan_words(plan) + (f"; не прочитан также {unread}" if unread else "")
    elif troubles:
        status, files, detail = "quarantined", "; ".join(r.source_file for r in troubles), \
            "; ".join(r.reason or "" for r in troubles)
    else:
        status, files, detail = "nothing", "", ""
    return CoverageRow(year, subject.number, subject.code, subject.name, subject.district, status, files, detail,
                       plan.document_id if plan else None)


def plan_words(plan: DocumentRecord) -> str:
    approved = f", утверждён {russian_date(plan.approved_on)}" if plan.approved_on else ""
    return activities_words(plan.activity_count) + approved


def unplaced(records: list[DocumentRecord]) -> list[DocumentRecord]:
    """Accepted plans without a region or a year, and unreadable uploads whose name names no subject."""
    lost = [r for r in records if r.status == "ingested" and not (r.region_number and r.plan_year)]
    placeable = bool(coverage_years(records))
    return lost + [r for r, number, _ in placed_quarantine(records) if not (number and placeable)]


def status_counts(rows: list[CoverageRow]) -> dict[str, int]:
    return {status: sum(r.status == status for r in rows) for status in COVERAGE_LABELS}
