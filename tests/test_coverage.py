"""Coverage: which subjects sent a plan for an election. The grid map's layout (one square per subject,
no two on one square), what a file's name says when its content cannot be read, and the status of each
subject from records of every kind."""

import csv
from datetime import date

import pytest

from extractors.file_names import region_from_file_name, year_from_file_name
from extractors.regions import REGIONS_CSV
from pipeline.outputs.coverage import coverage_rows, coverage_years, status_counts, tiles, unplaced
from schemas import DocumentRecord, message


def test_the_grid_map_has_one_square_per_subject():
    with REGIONS_CSV.open(encoding="utf-8") as handle:
        numbers = {row["number"] for row in csv.DictReader(handle)}
    places = tiles()
    assert set(places) == numbers and len(numbers) == 89
    assert len({(t.column, t.row) for t in places.values()}) == 89  # no two subjects on one square
    assert len({t.label for t in places.values()}) == 89


@pytest.mark.parametrize(("west", "east"), [("39", "77"), ("77", "54"), ("54", "25"), ("78", "87")])
def test_the_map_keeps_west_to_the_left_of_east(west, east):
    assert tiles()[west].column < tiles()[east].column


@pytest.mark.parametrize(("north", "south"), [("51", "77"), ("77", "23"), ("89", "72"), ("14", "25")])
def test_the_map_keeps_north_above_south(north, south):
    assert tiles()[north].row < tiles()[south].row


@pytest.mark.parametrize(("name", "region", "year"), [
    ("plan_tomsk_2024.docx", "70", 2024),
    ("План_Томская_область_2024.docx", "70", 2024),
    ("План Кемеровской области.pdf", "42", None),
    ("kuzbass_2021.txt", "42", 2021),
    ("khabarovsk_2021.pdf", "27", 2021),
    ("habarovsk.pdf", "27", None),
    ("chuvashia_2022.txt", "21", 2022),
    ("krasnodar.pdf", "23", None),
    ("krasnoyarsk.pdf", "24", None),
    ("moskva.docx", "77", None),
    ("moskovskaya_obl.docx", "50", None),
    ("yakutia_2023.pdf", "14", 2023),
    ("penza.doc", "58", None),
    ("omsk.doc", "55", None),
    ("plan_shtaba_2024.docx", None, 2024),
    ("Копия плана (2).docx", None, None),
    ("obshchestvennaya_palata_plan.docx", None, None),
    ("tomsk_2021_2024.docx", "70", None),  # two years: none decided
    ("tomsk_kuzbass.docx", None, None),  # two regions: none decided
])
def test_what_a_file_name_says(name, region, year):
    found = region_from_file_name(name)
    assert (found.number if found else None) == region
    assert year_from_file_name(name) == year


def record(name: str, status: str = "ingested", number: str | None = None, year: int | None = None,
           **extra) -> DocumentRecord:
    return DocumentRecord(document_id=name.ljust(64, "0"), source_file=name, status=status, region_number=number,
                          region_name={"70": "Томская область", "42": "Кемеровская область — Кузбасс"}.get(number),
                          plan_year=year, **extra)


def by_subject(rows, year):
    return {r.number: r for r in rows if r.year == year}


def test_each_subject_is_plan_quarantined_or_nothing():
    broken = message("file.broken_as_named", named="docx", expected="DOCX")
    records = [
        record("kuzbass.txt", number="42", year=2021, activity_count=17, approved_on=date(2021, 2, 5)),
        record("old_kuzbass.txt", "superseded", number="42", year=2021),
        record("plan_tomsk_2021.docx", "quarantined", reasons=[broken]),
        record("tomsk.pdf", "quarantined", reasons=[broken]),  # no year in the name: the newest election
        record("kemerovo_2024.docx", "quarantined", reasons=[broken]),
        record("kemerovo_2024_copy.docx", "ingested", number="42", year=2024, activity_count=3),
    ]
    rows = coverage_rows(records)
    assert coverage_years(records) == [2024, 2021]
    assert len(rows) == 89 * 2
    y2021, y2024 = by_subject(rows, 2021), by_subject(rows, 2024)
    assert (y2021["42"].status, y2021["42"].files) == ("plan", "kuzbass.txt")
    assert y2021["42"].detail == "17 мероприятий, утверждён 05.02.2021"
    assert (y2021["70"].status, y2021["70"].files) == ("quarantined", "plan_tomsk_2021.docx")
    assert y2021["70"].detail == broken.text
    assert (y2024["70"].status, y2024["70"].files) == ("quarantined", "tomsk.pdf")
    assert y2024["42"].status == "plan" and "не прочитан также kemerovo_2024.docx" in y2024["42"].detail
    assert status_counts(list(y2021.values())) == {"plan": 1, "quarantined": 1, "nothing": 87}


def test_documents_that_cannot_be_placed_are_listed_apart():
    records = [record("plan.docx", "quarantined", reasons=[message("file.empty")]),
               record("noregion.pdf", year=2021), record("kuzbass.txt", number="42", year=2021)]
    assert [r.source_file for r in unplaced(records)] == ["noregion.pdf", "plan.docx"]
    assert all(r.status in ("plan", "nothing") for r in coverage_rows(records))
