"""The Prefect ingest flow end to end on the demo inbox, as `make run` runs it (`svodka ingest`)."""

import csv
import json
import os
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from tests.conftest import ROOT, SAMPLES, harness_api_url, ocr_missing

ACTIVITY_CONTRACT = ["activity_id", "document_id", "source_file", "region_code", "region_number",
                     "region_name", "plan_year", "section", "seq", "title", "description", "deadline_raw",
                     "deadline_kind", "deadline_start", "deadline_end", "recurrence", "responsible_raw",
                     "responsible_persons", "responsible_orgs", "category", "source_page", "source_table",
                     "source_row"]
DOCUMENT_CONTRACT = ["document_id", "source_file", "format", "status", "reason", "region_code",
                     "region_name", "plan_year", "approved_on", "activity_count", "processed_at",
                     "duplicate_of", "superseded_by"]
KINDS = {"date", "range", "before", "after", "recurring", "ongoing", "as_needed", "unspecified", "unparsed"}


def svodka(*args: str, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600, env=env)


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def published(tmp_path_factory, prefect_flows):
    """`svodka ingest` as `make run` runs it: a process of its own with its parser processes, here reporting
    to the session's Prefect server (one configured, as on a machine running `prefect server`). Starting a
    temporary server of its own, as `make run` does, is tested by test_signals and test_serve."""
    out = tmp_path_factory.mktemp("published")
    env = {**os.environ, "PREFECT_API_URL": harness_api_url()}
    result = svodka("ingest", str(SAMPLES / "inbox"), "--out", str(out), env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return out, result


def test_every_inbox_plan_is_ingested_with_its_activities(published):
    out, result = published
    documents = {d["source_file"]: d for d in read_jsonl(out / "documents.jsonl")}
    assert {d["status"] for d in documents.values()} == {"ingested"}
    assert documents["kuzbass_2021.txt"]["activity_count"] == 17
    assert documents["khabarovsk_2021.pdf"]["activity_count"] == 32
    if ocr_missing() is None:
        assert documents["pskov_2021_scan.pdf"]["activity_count"] == 8  # a scan: read by OCR in a parser process
    activities = read_jsonl(out / "activities.jsonl")
    assert len(activities) == sum(d["activity_count"] for d in documents.values())
    by_region = {a["region_number"] for a in activities}
    assert {"42", "27", "16", "54", "66", "21"} <= by_region
    assert "Хабаровский край: 32" in result.stdout


def test_every_published_file_is_named_and_described_to_the_user(published):
    """What `svodka ingest` prints after a night lists exactly what the release holds."""
    from pipeline.outputs import OUTPUT_FILES

    out, result = published
    release = {p.name for p in (out / "current").iterdir() if not p.name.startswith(".")}  # not its markers
    assert release == set(OUTPUT_FILES)
    assert all(f"{name}  — {text}" in result.stdout for name, text in OUTPUT_FILES.items())


def test_published_files_keep_the_contract(published):
    out, _ = published
    activities = read_jsonl(out / "activities.jsonl")
    assert all(set(ACTIVITY_CONTRACT) <= set(a) for a in activities)
    assert all(a["deadline_kind"] in KINDS for a in activities)
    assert all(set(DOCUMENT_CONTRACT) <= set(d) for d in read_jsonl(out / "documents.jsonl"))
    kuzbass = [a for a in activities if a["source_file"] == "kuzbass_2021.txt"]
    assert kuzbass[0]["region_code"] == "RU-KEM" and kuzbass[0]["deadline_raw"] == "15.02. -15.03.2021"
    assert (kuzbass[0]["deadline_start"], kuzbass[0]["deadline_end"]) == ("2021-02-15", "2021-03-15")


def test_parquet_and_csv_hold_the_same_activities(published):
    out, _ = published
    activities = read_jsonl(out / "activities.jsonl")
    table = pq.read_table(out / "activities.parquet")
    assert table.column("activity_id").to_pylist() == [a["activity_id"] for a in activities]
    assert table.column("title").to_pylist() == [a["title"] for a in activities]
    raw = (out / "activities.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to show Cyrillic"
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert [r["title"] for r in rows] == [a["title"] for a in activities]
    assert [r["deadline_start"] for r in rows] == [a["deadline_start"] or "" for a in activities]
    offsets = [a["deadline_offset_days"] for a in activities]
    assert min(o for o in offsets if o is not None) < 0, "the demo has «за 3 дня до …» deadlines"
    assert [r["deadline_offset_days"] for r in rows] == ["" if o is None else str(o) for o in offsets], \
        "a number is never taken for a formula"


def test_ingesting_the_same_inbox_again_keeps_activity_ids(published, tmp_path, ingest_flow):
    out, _ = published
    ingest_flow([SAMPLES / "inbox"], tmp_path)
    first = [(a["activity_id"], a["title"]) for a in read_jsonl(out / "activities.jsonl")]
    second = [(a["activity_id"], a["title"]) for a in read_jsonl(tmp_path / "activities.jsonl")]
    assert sorted(first) == sorted(second)
    assert len({i for i, _ in first}) == len(first)


def test_extract_prints_one_document_as_json():
    result = svodka("extract", str(SAMPLES / "inbox" / "kuzbass_2021.txt"))
    assert result.returncode == 0, result.stderr[-2000:]
    parsed = json.loads(result.stdout)
    assert parsed["record"]["region_number"] == "42" and len(parsed["activities"]) == 17


@pytest.mark.slow
def test_the_same_flow_runs_on_a_local_dask_cluster(published, tmp_path):
    out, _ = published
    result = svodka("ingest", str(SAMPLES / "inbox"), "--out", str(tmp_path), "--runner", "dask")
    assert result.returncode == 0, result.stderr[-3000:]
    on_dask = sorted(a["activity_id"] for a in read_jsonl(tmp_path / "activities.jsonl"))
    assert on_dask == sorted(a["activity_id"] for a in read_jsonl(out / "activities.jsonl"))


def test_a_batch_saves_each_document_and_returns_only_ids(tmp_path):
    """Prefect keeps every task run's result until the flow ends (PrefectHQ/prefect#12668): a batch that
    returned its parsed documents held a night's activities in the flow process. The batch saves them in the
    catalog and returns their ids; the catalog holds them with their activities."""
    from flows.ingest import parse_batch
    from pipeline.inbox import fingerprint
    from pipeline.night import catalog_for
    from pipeline.settings import Settings

    settings = Settings(out_dir=tmp_path, workers=1, task_runner="threads")
    sources = [fingerprint(SAMPLES / "inbox" / name) for name in ("perm_2024.xlsx", "omsk_2026.docx")]
    returned = parse_batch.fn(sources, settings, label="two")
    assert returned == [s.document_id for s in sources]
    catalog = catalog_for(settings)
    try:
        counts = [len(catalog.activities_of(s.document_id)) for s in sources]
    finally:
        catalog.close()
    assert counts == [20, 24]  # as samples/FORMS_MANIFEST.json says
