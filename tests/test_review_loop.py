"""The dataset of record's review loop end to end, as a chamber employee runs it: ingest; fill review.xlsx
(two corrections and a dismissal) and save it into corrections/; ingest again; reprocess everything; then a
revised plan arrives — the correction of an unchanged activity carries over, the one of a removed activity is
orphaned, and `svodka diff` tells what changed."""

import csv
import json
import shutil
from datetime import date

import duckdb
import openpyxl
import pyarrow.parquet as pq
import pytest
from icalendar import Calendar

from pipeline.report import summary_to_text
from tests.conftest import SAMPLES
from tests.test_ingest import read_jsonl, svodka

OPENING = "Открытие общественного штаба по наблюдению за выборами"  # Khabarovsk, row 3, «01 марта»
NEW_TITLE = "Торжественное открытие общественного штаба по наблюдению за выборами"
ORDERED = "Проведение заседаний общественного штаба"  # Khabarovsk, row 5: its deadline end corrected
SITE = "Информационное размещение на сайте Общественной палаты края"  # row 7, «до 10 марта»


def by_title(out, title):
    return next(a for a in read_jsonl(out / "activities.jsonl") if a["title"].startswith(title))


def fill_review(out, destination):
    """What a person does in Excel: answer the one doubt «верно», add two corrections under it."""
    workbook = openpyxl.load_workbook(out / "review.xlsx")
    sheet = workbook["Проверить"]
    keys = [cell.value for cell in sheet[2]]
    assert sheet.max_row == 3, "the demo inbox has exactly one doubt: row 2's deadline before approval"
    doubt = dict(zip(keys, [cell.value for cell in sheet[3]]))
    assert doubt["review_reason"] == "review.deadline_doubt" and doubt["current_value"] == "до 01 февраля"
    sheet.cell(3, keys.index("dismiss") + 1, "да")
    sheet.cell(3, keys.index("author") + 1, "Иванова")
    for activity, field, value in [(by_title(out, OPENING), "title", NEW_TITLE),
                                   (by_title(out, ORDERED), "deadline_end", "2021-10-31")]:
        row = {"activity_id": activity["activity_id"], "field": field, "value": value, "author": "Иванова",
               "comment": "по протоколу штаба"}
        sheet.append([row.get(key) for key in keys])
    destination.mkdir(exist_ok=True)
    workbook.save(destination / "review-2026-12-01.xlsx")


@pytest.fixture(scope="module")
def loop(tmp_path_factory, ingest_flow):
    inbox, out = tmp_path_factory.mktemp("inbox"), tmp_path_factory.mktemp("out")
    for name in ("khabarovsk_2021.pdf", "kuzbass_2021.txt"):
        shutil.copy(SAMPLES / "inbox" / name, inbox / name)
    ingest_flow([inbox], out)
    fill_review(out, out / "corrections")
    corrected = summary_to_text(ingest_flow([inbox], out))
    return inbox, out, corrected


def test_corrected_values_are_in_every_output(loop):
    _, out, summary = loop
    opening, ordered = by_title(out, NEW_TITLE), by_title(out, ORDERED)
    assert opening["corrected_fields"] == ["title"] and ordered["corrected_fields"] == ["deadline_end"]
    assert ordered["deadline_end"] == "2021-10-31" and ordered["deadline_raw"] == "ежемесячно"
    assert "Исправления: применено — 2, сомнений снято — 1" in summary
    titles = pq.read_table(out / "activities.parquet").column("title").to_pylist()
    assert NEW_TITLE in titles and OPENING not in titles
    rows = list(csv.DictReader((out / "activities.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert any(r["title"] == NEW_TITLE for r in rows)
    sheet = openpyxl.load_workbook(out / "activities.xlsx")["Мероприятия"]
    titles = [row[[c.value for c in sheet[1]].index("Мероприятие")] for row in sheet.iter_rows(values_only=True)]
    assert NEW_TITLE in titles
    assert NEW_TITLE in (out / "report.html").read_text(encoding="utf-8")
    events = Calendar.from_ical((out / "deadlines.ics").read_bytes()).walk("VEVENT")
    assert any(NEW_TITLE in str(e["summary"]) for e in events)
    with duckdb.connect(str((out / "svodka.duckdb").resolve()), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM activities WHERE title = ?", [NEW_TITLE]).fetchone()[0] == 1
        machine = con.execute("SELECT title FROM activities_machine WHERE activity_id = ?",
                              [opening["activity_id"]]).fetchone()[0]
        assert machine == OPENING, "the machine's own value stays available"


def test_the_dismissed_doubt_leaves_the_list(loop):
    _, out, _ = loop
    sheet = openpyxl.load_workbook(out / "review.xlsx")["Проверить"]
    assert sheet.max_row == 2, "no open doubt left"
    row_two = next(a for a in read_jsonl(out / "activities.jsonl") if a["deadline_raw"] == "до 01 февраля")
    assert row_two["review_reasons"] == []


def test_corrections_are_recorded_with_author_and_old_value(loop):
    _, out, _ = loop
    log = {row["field"]: row for row in read_jsonl(out / "corrections.jsonl")}
    assert log["title"]["old"] == OPENING and log["title"]["new"] == NEW_TITLE
    assert log["title"]["author"] == "Иванова" and log["title"]["outcome_code"] == "applied"
    assert log["deadline_raw"]["outcome_code"] == "dismissed" and log["deadline_raw"]["author"] == "Иванова"


def test_reprocessing_everything_keeps_the_corrections(loop, ingest_flow):
    inbox, out, _ = loop
    ingest_flow([inbox], out, reprocess="all")
    assert by_title(out, NEW_TITLE)["corrected_fields"] == ["title"]
    assert by_title(out, ORDERED)["deadline_end"] == "2021-10-31"


def test_a_revision_carries_unchanged_corrections_and_orphans_the_rest(loop, ingest_flow, tmp_path):
    inbox, out, _ = loop
    shutil.copytree(out, tmp_path / "out", symlinks=True)
    out = tmp_path / "out"
    lines = (SAMPLES / "variants" / "khabarovsk_2021.txt").read_text(encoding="utf-8").split("\n")
    revised = [line.replace("05 февраля 2021 года", "05 марта 2021 года").replace("до 10 марта", "до 20 марта")
               for line in lines if not line.startswith("5.\t")]  # row 5 (ORDERED) dropped
    (inbox / "khabarovsk_2021_ред2.txt").write_text("\n".join(revised), encoding="utf-8")
    summary = summary_to_text(ingest_flow([inbox], out))
    assert "перенесено в новую редакцию — 1" in summary and "осиротело — 1" in summary
    opening = by_title(out, NEW_TITLE)
    assert opening["source_file"] == "khabarovsk_2021_ред2.txt" and opening["corrected_fields"] == ["title"]
    assert not any(a["title"] == ORDERED for a in read_jsonl(out / "activities.jsonl"))
    changes = read_jsonl(out / "changes.jsonl")
    assert {(c["change"], c["field"]) for c in changes} >= {("removed", None), ("changed", "deadline_raw")}
    sheet = openpyxl.load_workbook(out / "activities.xlsx")["Изменения"]
    assert ("удалено", ORDERED) in {(row[2], row[3]) for row in sheet.iter_rows(min_row=2, values_only=True)}
    report = (out / "report.html").read_text(encoding="utf-8")
    section = report[report.index('id="changes"'):]
    assert "до 10 марта" in section and "до 20 марта" in section and ORDERED in section
    result = svodka("diff", "Хабаровский край", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Удалено: 1" in result.stdout and f"− {ORDERED}" in result.stdout
    assert "срок «до 10 марта» → «до 20 марта»; окончание 10.03.2021 → 20.03.2021" in result.stdout


def test_a_correction_over_a_value_the_parser_changed_is_reported_not_applied(tmp_path, ingest_flow):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    plan = (SAMPLES / "variants" / "khabarovsk_2021.txt").read_text(encoding="utf-8")
    (inbox / "plan.txt").write_text(plan, encoding="utf-8")
    ingest_flow([inbox], out)
    site = by_title(out, SITE)
    (out / "corrections").mkdir()
    with open(out / "corrections" / "fix.csv", "w", encoding="cp1251", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["activity_id", "field", "value", "author"])
        writer.writerow([site["activity_id"], "deadline_end", "2021-03-15", "Петров"])
        writer.writerow([site["activity_id"], "deadline_kind", "someday", "Петров"])
        writer.writerow(["no-such-activity", "title", "x", "Петров"])
    summary = summary_to_text(ingest_flow([inbox], out))
    assert by_title(out, SITE)["deadline_end"] == "2021-03-15"
    assert "ожидается одно из: date, range" in summary and "нет мероприятия или документа с кодом no-such-activity" in summary
    # The machine now reads the cell otherwise (a later parser, a fixed grammar): the correction must not
    # silently overwrite a value it was never made against.
    catalog = out / "catalog.sqlite"
    import sqlite3
    with sqlite3.connect(catalog) as db:
        db.execute("UPDATE corrections SET baseline = '2021-03-09' WHERE correction_json LIKE '%deadline_end%'")
    shutil.rmtree(out / "releases" / (out / "current").resolve().name)  # force a new release
    (out / "current").unlink()
    summary = summary_to_text(ingest_flow([inbox], out))
    assert by_title(out, SITE)["deadline_end"] == date(2021, 3, 10).isoformat()
    assert "значение поля «deadline_end» в документе изменилось с «09.03.2021» на «10.03.2021»" in summary


def test_corrections_jsonl_lists_every_correction_once(loop):
    _, out, _ = loop
    rows = read_jsonl(out / "corrections.jsonl")
    assert len(rows) == len({(r["file"], r["row"]) for r in rows}) == 3
    assert json.dumps(rows, ensure_ascii=False).count("Иванова") == 3
