"""The nightly run over several nights: incremental parsing, revisions, duplicates, and a crash in the
middle of publishing that leaves the previous dataset intact."""

import json
import shutil
import subprocess
import sys

import pytest

from pipeline.report import summary_to_text
from tests.conftest import ROOT, SAMPLES
from tests.test_ingest import read_jsonl, svodka


def by_name(out):
    return {d["source_file"]: d for d in read_jsonl(out / "documents.jsonl")}


def make_revision(folder):
    """The Khabarovsk plan approved a month later, with one deadline moved."""
    text = (SAMPLES / "variants" / "khabarovsk_2021.txt").read_text(encoding="utf-8")
    text = text.replace("05 февраля 2021 года", "05 марта 2021 года").replace("до 10 марта", "до 20 марта")
    (folder / "khabarovsk_2021_ред2.txt").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def two_nights(tmp_path_factory, ingest_flow):
    inbox, out = tmp_path_factory.mktemp("inbox"), tmp_path_factory.mktemp("out")
    for path in [SAMPLES / "inbox" / "kuzbass_2021.txt", SAMPLES / "variants" / "khabarovsk_2021.txt",
                 SAMPLES / "inbox" / "tatarstan_2021.docx"]:
        shutil.copy(path, inbox / path.name)
    ingest_flow([inbox], out)
    night_one = by_name(out)
    make_revision(inbox)
    shutil.copy(inbox / "kuzbass_2021.txt", inbox / "копия кузбасс.txt")
    (inbox / "битый.docx").write_bytes(b"PK\x03\x04 this is not a complete archive")
    second = ingest_flow([inbox], out)
    return out, night_one, summary_to_text(second)


def test_revision_replaces_the_old_plan(two_nights):
    out, _, _ = two_nights
    documents = by_name(out)
    old, new = documents["khabarovsk_2021.txt"], documents["khabarovsk_2021_ред2.txt"]
    assert new["status"] == "ingested" and new["approved_on"] == "2021-03-05"
    assert old["status"] == "superseded" and old["superseded_by"] == new["document_id"]
    activities = read_jsonl(out / "activities.jsonl")
    khabarovsk = [a for a in activities if a["region_number"] == "27"]
    assert len(khabarovsk) == 32 and {a["document_id"] for a in khabarovsk} == {new["document_id"]}
    assert any(a["deadline_raw"] == "до 20 марта" for a in khabarovsk)


def test_byte_identical_copy_is_a_duplicate(two_nights):
    out, _, _ = two_nights
    documents = by_name(out)
    copy, original = documents["копия кузбасс.txt"], documents["kuzbass_2021.txt"]
    assert copy["status"] == "duplicate" and copy["duplicate_of"] == original["document_id"]
    assert original["status"] == "ingested"
    kuzbass = [a for a in read_jsonl(out / "activities.jsonl") if a["region_number"] == "42"]
    assert len(kuzbass) == 17, "a duplicate adds no activities"


def test_broken_file_is_quarantined(two_nights):
    out, _, _ = two_nights
    assert by_name(out)["битый.docx"]["status"] == "quarantined"


def test_untouched_documents_were_not_parsed_again(two_nights):
    out, night_one, stdout = two_nights
    documents = by_name(out)
    for name in ["kuzbass_2021.txt", "tatarstan_2021.docx", "khabarovsk_2021.txt"]:
        assert documents[name]["processed_at"] == night_one[name]["processed_at"]
    assert "разобрано заново: 2" in stdout  # the revision and the broken file; the copy's bytes are known


def test_status_shows_what_came_in_and_why(two_nights):
    out, _, _ = two_nights
    result = svodka("status", "--out", str(out))
    assert result.returncode == 0
    assert "битый.docx" in result.stdout and "причина:" in result.stdout
    assert "superseded" in result.stdout and "duplicate" in result.stdout


def test_reprocess_all_parses_everything_again(two_nights, tmp_path, ingest_flow):
    out, _, _ = two_nights
    copy = tmp_path / "out"
    shutil.copytree(out, copy, symlinks=True)
    (tmp_path / "empty-inbox").mkdir()
    summary = ingest_flow([tmp_path / "empty-inbox"], copy, reprocess="all")
    assert summary.parsed == 5  # every distinct content ever seen, from the originals
    assert by_name(copy)["khabarovsk_2021_ред2.txt"]["status"] == "ingested"


CRASH_DURING_PUBLISH = """
import os, sys
from pathlib import Path
import pipeline.publish as publish
def killed(*args, **kwargs):
    os._exit(3)  # the process dies after activities.jsonl was written, before the release is complete
publish.write_csv = killed
from pipeline.night import run_night
from pipeline.settings import Settings
run_night([Path(sys.argv[1])], Settings(out_dir=Path(sys.argv[2]), workers=1))
"""


def test_a_run_killed_while_publishing_leaves_the_previous_dataset(tmp_path, ingest_flow):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    shutil.copy(SAMPLES / "inbox" / "kuzbass_2021.txt", inbox)
    ingest_flow([inbox], out)
    before = (out / "activities.jsonl").read_bytes()
    shutil.copy(SAMPLES / "inbox" / "sverdlovsk_2023.docx", inbox)
    crashed = subprocess.run([sys.executable, "-c", CRASH_DURING_PUBLISH, str(inbox), str(out)], cwd=ROOT,
                             capture_output=True, timeout=300)
    assert crashed.returncode == 3
    assert (out / "activities.jsonl").read_bytes() == before, "readers still see the previous release"
    assert len([r for r in (out / "releases").iterdir() if not (r / ".complete").exists()]) == 1
    ingest_flow([inbox], out)
    regions = {a["region_number"] for a in read_jsonl(out / "activities.jsonl")}
    assert regions == {"42", "66"}
    assert all((r / ".complete").exists() for r in (out / "releases").iterdir()), "debris cleared"
    assert json.loads((out / "documents.jsonl").read_text().splitlines()[0])["status"] == "ingested"
