"""The HTML report: what it says (coverage, coming deadlines from a chosen day, escaping) and how it behaves
in a real headless Chromium at a phone's 390×844 (touch) and a desktop's 1400×1000 — no sideways scroll of
the page, tables scrolling in their own box with the region column in view, timeline labels clear of the
bars, details on tap and on click. The screenshots of both are kept for docs/ (docs/make_screenshot.py)."""

from datetime import date

import pytest

from pipeline.outputs.report_html import report_html, timeline_data, write_report_html
from schemas import message
from tests.browser import CHROMIUM, chromium_page

SIZES = {"phone": (390, 844, True), "desktop": (1400, 1000, False)}


def test_report_names_upcoming_deadlines_from_the_chosen_day(analyst_night):
    activities, records, _, _ = analyst_night
    page = report_html(activities, records, today=date(2021, 9, 1))
    upcoming = page[page.index('id="upcoming"'):page.index('id="quality"')]
    assert "Организация проведения &quot;горячей линии&quot; Общественной палаты края" in upcoming
    assert "Сроки с 01.09.2021 по 13.10.2021" in upcoming and "сроков нет" not in upcoming
    later = report_html(activities, records, today=date(2030, 1, 1))
    assert "В ближайшие 6 недель сроков нет" in later


def test_report_escapes_what_plans_say(analyst_night):
    activities, records, _, _ = analyst_night
    hostile = activities[0].model_copy(update={"title": "<script>alert('x')</script> & </script>",
                                               "review_reasons": [message("review.category_other")]})
    page = report_html([hostile, *activities[1:]], records, today=date(2022, 9, 1))
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page
    assert "\\u003c/script>" in page  # inside the timeline's JSON


def test_days_from_voting_are_the_default_when_plans_span_several_elections(analyst_night):
    activities, records, _, _ = analyst_night
    from pipeline.outputs.plans import plan_voting_days

    days = plan_voting_days(records)
    assert timeline_data(activities, records, days)["default_mode"] == "relative"
    one = [r for r in records if r.plan_year == 2021 or r.status != "ingested"]
    assert timeline_data(activities, one, days)["default_mode"] == "calendar"  # 2021's three plans: one election


def test_coverage_section_lists_who_sent_what(analyst_night):
    activities, records, _, _ = analyst_night
    page = report_html(activities, records, today=date(2021, 9, 1))
    coverage = page[page.index('id="coverage"'):page.index('id="matrix-section"')]
    assert coverage.count('class="tile ') == 89 * 5  # every subject, for each of the five elections
    assert "Выборы 2021 года: из 89 субъектов план прислали 5" in coverage
    assert "plan_tomsk_2024.docx" in coverage and 'class="tile quarantined"' in coverage


@pytest.fixture(scope="module")
def report_file(analyst_night, tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("нет /usr/bin/chromium: установите его (make test ставит сам, если вы root)")
    activities, records, _, release = analyst_night
    folder = tmp_path_factory.mktemp("report")
    return write_report_html(release, activities, records, today=date(2021, 9, 1), path=folder / "report.html")


PROBE = """(() => {
  const doc = document.documentElement, timeline = document.getElementById("timeline");
  const lanes = [...document.querySelectorAll("#timeline .lane")];
  const box = document.querySelector("#matrix").parentNode;
  box.scrollLeft = box.scrollWidth;
  const sticky = box.querySelector("td.sticky").getBoundingClientRect().left - box.getBoundingClientRect().left;
  const widest = [...document.querySelectorAll("body *")].filter(e => !e.closest(".scroll"))
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5).length;  // what is not in a box
  return {inner: window.innerWidth, scroll: doc.scrollWidth, mode: timeline.dataset.mode, lanes: lanes.length,
          bars: document.querySelectorAll("#timeline g.item").length,
          overlapping: lanes.filter(l => l.querySelector(".lane-label").getBoundingClientRect().bottom >
                                          l.querySelector("svg").getBoundingClientRect().top + 0.5).length,
          matrix: [box.clientWidth, box.scrollWidth, box.scrollLeft], sticky: sticky, sticking_out: widest};
})()"""


@pytest.mark.parametrize("size", list(SIZES))
def test_report_fits_the_screen_and_shows_details_on_tap_or_click(report_file, size, tmp_path):
    width, height, touch = SIZES[size]
    with chromium_page() as page:
        page.open(report_file.as_uri(), width, height, mobile=touch)
        screenshot_is_not_blank(page.screenshot(tmp_path / "report.png"), width, height)
        found = page.evaluate(PROBE)
        assert found["inner"] == width
        assert found["scroll"] == width, found  # no sideways scroll of the page
        assert found["sticking_out"] == 0, found
        assert found["mode"] == "relative" and found["lanes"] == 10 and found["bars"] > 50
        assert found["overlapping"] == 0, found  # every plan's label sits above its bars
        if size == "phone":
            client, scroll, left = found["matrix"]
            assert scroll > client and left > 0, found  # the matrix scrolls inside its box …
        assert abs(found["sticky"]) < 1, found  # … and the region column stays in view
        press = page.tap if touch else page.click
        press(".coverage-year:not([hidden]) .tile.plan")
        assert page.evaluate("document.querySelector('.coverage-year:not([hidden]) .tile-details').textContent") \
            == "Омская область (55): план есть — файл: omsk_2026.docx — 24 мероприятия, утверждён 04.02.2026"
        press("#timeline g.item")
        details = page.evaluate("document.getElementById('timeline-details').hidden ? '' : "
                                "document.getElementById('timeline-details').textContent")
        assert "Срок в плане: «" in details
        press("#toggle-relative")
        assert page.evaluate("document.getElementById('timeline').dataset.mode") == "calendar"
        assert page.evaluate("document.documentElement.scrollWidth") == width
        press(".years button[data-year='2021']")
        assert page.evaluate("document.querySelector('.coverage-year:not([hidden])').dataset.year") == "2021"
        assert page.errors() == []


def screenshot_is_not_blank(png, width: int, height: int) -> None:
    from PIL import Image

    with Image.open(png) as image:
        assert image.size == (width, height)
        assert len(image.convert("RGB").getcolors(maxcolors=1_000_000)) > 50
