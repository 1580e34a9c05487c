"""Scanned and photographed plans read with the real Tesseract (samples/SCANS_MANIFEST.json, made by
samples/make_scans.py): every activity found, titles at least 0.9 similar to the source text, deadlines and
people exact, every value marked as OCR'd with its confidence. Each scan is recognised once per session
(extractors/readers/scanned.py keeps a process's last recognitions; the golden tests read them too)."""

import json
import os
import subprocess
import sys
from difflib import SequenceMatcher

import pytest

from pipeline.enrich import responsible_fields
from pipeline.inbox import fingerprint
from pipeline.parse import parse_source
from pipeline.review.reasons import settles
from pipeline.settings import Settings
from tests.conftest import ROOT, SAMPLES, needs_ocr
from tests.goldens import parse_sample

SCANS = json.loads((SAMPLES / "SCANS_MANIFEST.json").read_text(encoding="utf-8"))["files"]
INBOX_SCAN = ROOT / "samples" / "inbox" / "pskov_2021_scan.pdf"


def squash(text: str | None) -> str:
    return " ".join((text or "").split())


@pytest.fixture(scope="module")
def scanned(nlp_loaded) -> dict:
    # The goldens parse the same scans: once per session (OCR takes seconds a page).
    return {record["path"]: parse_sample(ROOT / record["path"]) for record in SCANS}


@needs_ocr
@pytest.mark.parametrize("record", SCANS, ids=lambda r: r["scan"]["kind"])
def test_every_activity_of_a_scan_is_read(scanned, record):
    parsed = scanned[record["path"]]
    assert parsed.record.status == "ingested", parsed.record.reason
    assert len(parsed.activities) == record["expected_activity_count"]
    for expected, got in zip(record["activities"], parsed.activities):
        title = SequenceMatcher(None, squash(expected["title"]), squash(got.title)).ratio()
        assert title >= 0.9, (expected["title"], got.title)
        assert got.deadline_raw == expected["deadline_raw"], expected["title"]
        persons = responsible_fields(expected["responsible_raw"], None)["responsible_persons"]
        assert got.responsible_persons == persons, (expected["responsible_raw"], got.responsible_raw)


@needs_ocr
@pytest.mark.parametrize("record", SCANS, ids=lambda r: r["scan"]["kind"])
def test_a_scan_says_which_plan_it_is(scanned, record):
    document = scanned[record["path"]].record
    assert document.region_name == record["region"]
    assert document.plan_year == record["facts"]["plan_year"]
    assert str(document.approved_on) == record["facts"]["approved_on"]


@needs_ocr
@pytest.mark.parametrize("record", SCANS, ids=lambda r: r["scan"]["kind"])
def test_every_ocr_value_keeps_its_confidence_and_page(scanned, record):
    activities = scanned[record["path"]].activities
    assert all(a.extraction == "ocr" for a in activities)
    assert all(0 < a.ocr_confidence <= 100 for a in activities)
    assert {a.source_page for a in activities} == set(range(1, record["scan"]["pages"] + 1))


@needs_ocr
def test_a_merged_deadline_on_a_scan_applies_to_each_row(scanned):
    rows = scanned["samples/inbox/pskov_2021_scan.pdf"].activities
    assert [a.deadline_raw for a in rows[3:5]] == ["июнь – август"] * 2
    assert [a.section for a in rows] == ["I. Организационная работа"] * 3 + ["II. Подготовка наблюдателей"] * 3 + \
        ["III. Дни голосования"] * 2


@needs_ocr
def test_cells_read_unsurely_go_to_review_with_their_page(scanned):
    settle_all = parse_source(fingerprint(INBOX_SCAN), Settings(ocr_review_confidence=100))
    doubts = [r for a in settle_all.activities for r in a.review_reasons if r.code == "review.low_confidence"]
    assert len(doubts) == sum(len([c for c in (a.seq, a.title, a.deadline_raw, a.responsible_raw) if c])
                              for a in settle_all.activities)
    assert doubts[0].text.startswith("текст ячейки «№» распознан со скана неуверенно (") and "стр. 1" in doubts[0].text
    assert {r.params["field"] for r in doubts} == {"seq", "title", "deadline_raw", "responsible_raw"}
    deadline_doubt = next(r for r in doubts if r.params["field"] == "deadline_raw")
    assert settles(deadline_doubt, {"deadline_raw"}) and not settles(deadline_doubt, {"title"})
    trusting = parse_source(fingerprint(INBOX_SCAN), Settings(ocr_review_confidence=0))
    assert not [r for a in trusting.activities for r in a.review_reasons if r.code == "review.low_confidence"]


def test_without_the_russian_model_a_scan_is_quarantined_saying_so(tmp_path, monkeypatch):
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))  # a folder without rus.traineddata
    parsed = parse_source(fingerprint(INBOX_SCAN), Settings())
    assert parsed.record.status == "quarantined"
    assert [r.code for r in parsed.record.reasons] == ["ocr.unavailable"]
    assert "распознавание текста здесь не установлено" in parsed.record.reason


def test_a_photo_too_small_to_read_is_quarantined_saying_so():
    """samples/forms' Smolensk photo is 600×818 pixels (≈ 70 dpi for the page): refused before OCR."""
    parsed = parse_source(fingerprint(SAMPLES / "forms" / "smolensk_2022_photo.jpg"), Settings())
    assert [r.code for r in parsed.record.reasons] == ["image.too_small"]
    assert parsed.record.reason.startswith("Это изображение слишком мелкое для распознавания (600×818 точек)")


@needs_ocr
def test_a_picture_without_a_plan_is_quarantined_saying_so(tmp_path):
    from PIL import Image, ImageDraw

    page = Image.new("L", (1240, 1754), 255)
    ImageDraw.Draw(page).rectangle((100, 100, 1140, 400), outline=0, width=4)  # a frame, no text
    page.save(tmp_path / "рисунок.png")
    parsed = parse_source(fingerprint(tmp_path / "рисунок.png"), Settings())
    assert [r.code for r in parsed.record.reasons] == ["image.no_table"]
    assert "Это изображение" in parsed.record.reason


def test_a_text_pdf_never_loads_ocr():
    """The common case costs nothing: reading a PDF with a good text layer imports neither OpenCV nor
    Tesseract nor the OCR package."""
    script = ("import sys; from pathlib import Path; from extractors.readers import READERS; "
              "READERS['pdf'](Path('samples/inbox/khabarovsk_2021.pdf')); "
              "print(sorted(m for m in sys.modules if m.split('.')[0] in ('cv2', 'tesserocr') "
              "or m.startswith('extractors.readers.ocr')))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
