"""Every sample against `samples/MANIFEST.json`, the hand-checked reference of what each document says:
the count of activities and, row by row, their text as written (seq, section, title, description, note,
deadline and responsible as in the source)."""

import json
import re

import pytest

from extractors.readers import READERS
from extractors.sniff import sniff_format
from extractors.tables.assemble import content_to_plan_rows
from tests.conftest import ROOT

MANIFEST = json.loads((ROOT / "samples" / "MANIFEST.json").read_text(encoding="utf-8"))
FIELDS = ["seq", "section", "title", "description", "note", "deadline_raw", "responsible_raw"]
DASH_SPACING = re.compile(r"\s*([-–—])\s*")


def as_rendered(value, fmt: str):
    """A PDF does not keep the spacing around a dash at a line break; everything else must match."""
    return DASH_SPACING.sub(r"\1", value) if fmt == "pdf" and isinstance(value, str) else value


@pytest.mark.parametrize("entry", MANIFEST["files"], ids=lambda e: e["path"])
def test_sample_rows_match_the_manifest(entry):
    path = ROOT / entry["path"]
    fmt = sniff_format(path)
    rows = content_to_plan_rows(READERS[fmt](path)).rows
    assert len(rows) == entry["expected_activity_count"] == len(entry["activities"])
    for number, (row, expected) in enumerate(zip(rows, entry["activities"]), 1):
        got = {f: as_rendered(getattr(row, f), fmt) for f in FIELDS}
        want = {f: as_rendered(expected.get(f), fmt) for f in FIELDS}
        assert got == want, f"row {number}"
