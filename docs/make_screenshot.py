"""Make `docs/report.png` for the README: ingest the demo inbox into a temporary folder, write the HTML report
(«today» pinned so the picture does not change from day to day) and photograph it with headless Chromium.

    .venv/bin/python docs/make_screenshot.py
"""

import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.night import run_night  # noqa: E402
from pipeline.outputs.report_html import write_report_html  # noqa: E402
from pipeline.settings import Settings  # noqa: E402
from schemas import Activity, DocumentRecord  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TODAY = date(2021, 9, 1)
TARGET = ROOT / "docs" / "report.png"


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def demo_report(folder: Path) -> Path:
    run_night([ROOT / "samples" / "inbox"], Settings(out_dir=folder / "data", workers=1))
    activities = [Activity.model_validate_json(line) for line in lines(folder / "data" / "activities.jsonl")]
    records = [DocumentRecord.model_validate_json(line) for line in lines(folder / "data" / "documents.jsonl")]
    return write_report_html(folder, activities, records, today=TODAY)


def photograph(report: Path, png: Path, profile: Path) -> None:
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}",
                    "--window-size=1400,1900", report.as_uri()], check=True, capture_output=True, timeout=120)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as temporary:
        photograph(demo_report(Path(temporary)), TARGET, Path(temporary) / "profile")
    print(f"Снимок отчёта: {TARGET}")
