"""A document that parses too long is stopped, quarantined with the limit as its reason, and the night
goes on: the real pool of parser processes, a real slow PDF (ruled grids just under the work limit)."""

import json
import shutil
import time

from flows.stopping import alive, children_of
from tests.conftest import SAMPLES
from tests.test_bad_inputs import ruled_grid_pdf


def parser_processes() -> list[int]:
    import os

    return [pid for pid in children_of(os.getpid()) if alive(pid)
            and b"spawn_main" in open(f"/proc/{pid}/cmdline", "rb").read()]


def test_a_document_over_the_time_limit_is_stopped_and_the_night_goes_on(tmp_path, ingest_flow):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    (inbox / "a_сетки.pdf").write_bytes(ruled_grid_pdf(10, 45))  # seconds of pdfplumber, under the work limit
    shutil.copy(SAMPLES / "inbox" / "kuzbass_2021.txt", inbox / "kuzbass_2021.txt")
    started = time.monotonic()
    ingest_flow([inbox], out, task_runner="processes", workers=2, document_timeout_seconds=1.5)
    documents = {d["source_file"]: d for d in map(json.loads, (out / "documents.jsonl").read_text().splitlines())}
    slow = documents["a_сетки.pdf"]
    assert slow["status"] == "quarantined" and "шёл дольше 1.5 с" in slow["reason"], slow["reason"]
    assert documents["kuzbass_2021.txt"]["status"] == "ingested", "the night went on"
    assert time.monotonic() - started < 60
    assert parser_processes() == [], "the night's parser processes end with it"
