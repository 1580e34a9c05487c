"""Golden files: every sample document next to `samples/expected/<file>.json`, its whole expected result.

    python -m tests.goldens --write   # regenerate after a deliberate change, then read `git diff`

The test (`tests/test_goldens.py`) compares a fresh parse with these files field by field.
"""

import argparse
import functools
import json
from pathlib import Path

from pipeline.inbox import fingerprint
from pipeline.parse import parse_source
from pipeline.settings import Settings
from schemas import ParsedDocument

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = SAMPLES / "expected"
SAMPLE_DIRS = [SAMPLES / "inbox", SAMPLES / "variants", SAMPLES / "forms", SAMPLES / "scans"]
# Forms Svodka does not read yet as FORMS_MANIFEST.json says: no golden, so that none locks in a wrong result.
# Whoever lands a reader removes its files (tests/test_forms.py holds every golden to the manifest).
AWAITING_READERS: set[str] = set()
# Fields that change with the bytes or the clock, not with what was read.
VOLATILE = {"document_id", "activity_id", "processed_at", "parse_seconds", "pipeline_version",
            "first_seen_at"}


def sample_files() -> list[Path]:
    return sorted(p for d in SAMPLE_DIRS for p in d.iterdir()
                  if p.is_file() and f"{d.name}/{p.name}" not in AWAITING_READERS)


def golden_path(sample: Path) -> Path:
    return EXPECTED / f"{sample.parent.name}__{sample.name}.json"


@functools.cache
def parse_sample(sample: Path) -> ParsedDocument:
    """Once per session: the forms manifest test reads the same files (LibreOffice takes seconds)."""
    return parse_source(fingerprint(sample), Settings())


def parse_to_golden(sample: Path) -> dict:
    parsed = parse_sample(sample)
    record = {k: v for k, v in parsed.record.model_dump(mode="json").items() if k not in VOLATILE}
    activities = [{k: v for k, v in a.model_dump(mode="json").items() if k not in VOLATILE}
                  for a in parsed.activities]
    return {"document": record, "activities": activities}


def write_goldens() -> None:
    EXPECTED.mkdir(parents=True, exist_ok=True)
    for sample in sample_files():
        text = json.dumps(parse_to_golden(sample), ensure_ascii=False, indent=1) + "\n"
        golden_path(sample).write_text(text, encoding="utf-8")
        print(f"wrote {golden_path(sample).relative_to(ROOT)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="regenerate the golden files")
    if parser.parse_args().write:
        write_goldens()
