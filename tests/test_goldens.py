"""Every sample document against its golden file (`samples/expected/`), field by field.
Regenerate after a deliberate change with `make goldens`, then read the diff before committing."""

import json

import pytest

from tests.conftest import needs_ocr
from tests.goldens import golden_path, parse_to_golden, sample_files

SCANNED = {"pskov_2021_scan.pdf", "sverdlovsk_2023_noisy200.pdf", "khabarovsk_2021_photo.jpg"}


@pytest.mark.parametrize("sample", [pytest.param(p, marks=needs_ocr) if p.name in SCANNED else p
                                    for p in sample_files()], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_sample_matches_its_golden_file(sample, nlp_loaded):
    expected = json.loads(golden_path(sample).read_text(encoding="utf-8"))
    got = parse_to_golden(sample)
    assert got["document"] == expected["document"]
    assert len(got["activities"]) == len(expected["activities"])
    for number, (activity, golden) in enumerate(zip(got["activities"], expected["activities"]), 1):
        assert activity == golden, f"activity {number} ({golden['title'][:60]})"
