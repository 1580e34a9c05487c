"""Scanned plans: seconds per page on one core, a parser worker's peak memory, and what OCR loses.

    .venv/bin/python -m benchmarks.bench_ocr [--docs 6] [--seed 7] [--core 0]

Builds (or reuses) a corpus of `--docs` PDF plans (benchmarks/corpus.py; needs LibreOffice), turns each
into a 300-dpi grey scan (`corpus.pdf_to_scan`: an image-only PDF, no text layer) and parses every scan in
a fresh process pinned to one core, as a parser worker would (OMP_THREAD_LIMIT=1): the same plan's text
PDF first (natasha's models load then, as once per worker for the night), then the scan, timed. Reported:
seconds per scanned page, the process's peak resident memory, and the scan's activities against the text
PDF's — found, titles at least 0.9 similar, deadlines and people exact. Not part of `make test`; run it on
a quiet machine. Writes data/bench_ocr.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

from benchmarks.corpus import ROOT, make_corpus, pdf_to_scan

TARGET_SECONDS_3_PAGES = 20.0
TARGET_WORKER_MB = 1024


def one(text_pdf: Path, scan: Path) -> dict:
    """In the child: the text PDF (warm-up and reference), then the scan, timed."""
    from pipeline.inbox import fingerprint
    from pipeline.parse import parse_source
    from pipeline.settings import Settings

    reference = parse_source(fingerprint(text_pdf), Settings())
    started, cpu_started = time.perf_counter(), cpu_seconds()
    scanned = parse_source(fingerprint(scan), Settings())
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    return {"file": scan.name, "pages": scanned.record.pages, "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu, 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "status": scanned.record.status, **compare(reference.activities, scanned.activities)}


def cpu_seconds() -> float:
    """This process's CPU time: what a core of its own would take, however busy the machine is."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def compare(expected: list, got: list) -> dict:
    pairs = [(e, g) for e, g in align(expected, got) if g is not None]
    return {"activities": len(expected), "found": len(pairs), "extra": len(got) - len(pairs),
            "titles_09": sum(similarity(e.title, g.title) >= 0.9 for e, g in pairs),
            "deadlines_exact": sum(e.deadline_raw == g.deadline_raw for e, g in pairs),
            "persons_exact": sum(e.responsible_persons == g.responsible_persons for e, g in pairs),
            "low_confidence": sum(any(r.code == "review.low_confidence" for r in g.review_reasons) for _, g in pairs)}


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, " ".join(a.split()), " ".join(b.split())).ratio()


def align(expected: list, got: list) -> list[tuple]:
    """Order-preserving pairs maximising the titles' similarity (an expected row is found when a row's
    title is at least half similar)."""
    n, m = len(expected), len(got)
    sim = [[similarity(e.title, g.title) for g in got] for e in expected]
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = sim[i][j] + score[i + 1][j + 1] if sim[i][j] >= 0.5 else -1.0
            score[i][j] = max(take, score[i + 1][j], score[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n:
        if j < m and sim[i][j] >= 0.5 and score[i][j] == sim[i][j] + score[i + 1][j + 1]:
            pairs.append((expected[i], got[j]))
            i, j = i + 1, j + 1
        elif j < m and score[i][j] == score[i][j + 1]:
            j += 1
        else:
            pairs.append((expected[i], None))
            i += 1
    return pairs


def run_pinned(text_pdf: Path, scan: Path, core: int) -> dict:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    command = ["taskset", "-c", str(core), sys.executable, "-m", "benchmarks.bench_ocr", "--one", str(text_pdf),
               str(scan)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def summary(results: list[dict]) -> dict:
    pages = sum(r["pages"] for r in results)
    seconds = sum(r["seconds"] for r in results)
    cpu = sum(r["cpu_seconds"] for r in results)
    found = sum(r["found"] for r in results)
    total = {k: sum(r[k] for r in results) for k in ("activities", "found", "extra", "titles_09",
                                                       "deadlines_exact", "persons_exact", "low_confidence")}
    per_page = seconds / max(pages, 1)
    return {**total, "documents": len(results), "pages": pages, "seconds": round(seconds, 1),
            "seconds_per_page": round(per_page, 2), "seconds_3_pages": round(3 * per_page, 1),
            "cpu_seconds_per_page": round(cpu / max(pages, 1), 2), "cpu_seconds_3_pages": round(3 * cpu / max(pages, 1), 1),
            "peak_worker_mb": max(r["peak_rss_mb"] for r in results),
            "found_share": round(found / max(total["activities"], 1), 3),
            "deadlines_exact_share": round(total["deadlines_exact"] / max(found, 1), 3),
            "persons_exact_share": round(total["persons_exact"] / max(found, 1), 3),
            "titles_09_share": round(total["titles_09"] / max(found, 1), 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=6)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--core", type=int, default=0, help="the CPU the parser process is pinned to")
    parser.add_argument("--one", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one(*args.one), ensure_ascii=False))
        return 0
    folder = ROOT / "build" / "bench-corpus" / f"ocr-{args.seed}-{args.docs}"
    pdfs = make_corpus(folder, args.docs, args.seed, formats=("pdf",))
    if not pdfs or pdfs[0].suffix != ".pdf":
        raise SystemExit("LibreOffice is needed to print the corpus's plans to PDF")
    results = []
    for pdf in pdfs:
        scan = folder / "scans" / pdf.name.replace(".pdf", "_scan.pdf")
        if not scan.exists():
            scan.parent.mkdir(exist_ok=True)
            pdf_to_scan(pdf, scan)
        result = run_pinned(pdf, scan, args.core)
        results.append(result)
        print(f"{result['file']:44s} {result['pages']} p {result['seconds']:6.1f} s "
              f"{result['seconds'] / max(result['pages'], 1):5.2f} s/p (CPU {result['cpu_seconds'] / max(result['pages'], 1):4.2f})"
              f"  {result['peak_rss_mb']:5d} MB  "
              f"found {result['found']}/{result['activities']} (+{result['extra']})  titles≥0.9 {result['titles_09']}  "
              f"deadlines {result['deadlines_exact']}  people {result['persons_exact']}  to review "
              f"{result['low_confidence']}", flush=True)
    total = summary(results)
    total["load_average_at_end"] = os.getloadavg()
    print(json.dumps(total, ensure_ascii=False, indent=1))
    print(f"3-page scan: {total['seconds_3_pages']} s on one core, {total['cpu_seconds_3_pages']} s of CPU "
          f"(target ≤ {TARGET_SECONDS_3_PAGES:g}); "
          f"peak worker memory {total['peak_worker_mb']} MB (target ≤ {TARGET_WORKER_MB})")
    out = ROOT / "data" / "bench_ocr.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"summary": total, "documents": results}, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
