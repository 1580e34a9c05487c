"""Make the pictures in docs/: the report as a phone (390×844, after a tap on the map and on the timeline)
and a desktop (1400×1000) show it, and the first printed page of the workbook. Ingests the demo inbox into a
temporary folder («today» pinned so the pictures do not change from day to day).

    make docs-pictures        # = .venv/bin/python docs/make_screenshot.py
"""

import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.night import run_night  # noqa: E402
from pipeline.outputs.report_html import write_report_html  # noqa: E402
from pipeline.published import read_release  # noqa: E402
from pipeline.settings import Settings  # noqa: E402
from tests.browser import chromium_page  # noqa: E402

TODAY = date(2021, 9, 1)
DOCS = ROOT / "docs"


def demo_release(folder: Path) -> tuple[Path, Path]:
    """The demo night published into `folder/data`; its report (as of TODAY) and its workbook."""
    run_night([ROOT / "samples" / "inbox"], Settings(out_dir=folder / "data", workers=1))
    release, activities, records = read_release(folder / "data")
    report = write_report_html(release, activities, records, today=TODAY, path=folder / "report.html")
    return report, release / "activities.xlsx"


def photograph_report(report: Path) -> list[Path]:
    shots = []
    with chromium_page() as page:
        page.open(report.as_uri(), 390, 844, mobile=True)
        shots.append(page.screenshot(DOCS / "report-390.png"))
        page.tap(".coverage-year:not([hidden]) .tile.plan")
        shots.append(page.screenshot(DOCS / "report-390-map.png"))
        page.tap("#timeline .lane:nth-child(3) g.item")
        page.evaluate("document.getElementById('timeline-section').scrollIntoView()")
        shots.append(page.screenshot(DOCS / "report-390-timeline.png"))
    with chromium_page() as page:
        page.open(report.as_uri(), 1400, 1000)
        shots.append(page.screenshot(DOCS / "report-1400.png"))
        page.evaluate("document.getElementById('timeline-section').scrollIntoView()")
        page.click("#timeline .lane:nth-child(2) g.item")
        shots.append(page.screenshot(DOCS / "report-1400-timeline.png"))
    return shots


def print_workbook(book: Path, folder: Path) -> Path:
    """LibreOffice prints the workbook to PDF as Excel would (its print setup); pdftoppm draws page 1."""
    copy = folder / "activities.xlsx"
    shutil.copyfile(book, copy)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/lo-profile", "--headless", "--convert-to",
                    "pdf", "--outdir", str(folder), str(copy)], check=True, capture_output=True, timeout=300)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(folder / "activities.pdf"),
                    str(DOCS / "workbook-print")], check=True, timeout=120)
    return DOCS / "workbook-print.png"


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as temporary:
        report, book = demo_release(Path(temporary))
        for shot in photograph_report(report) + [print_workbook(book, Path(temporary))]:
            print(f"Снимок: {shot}")
