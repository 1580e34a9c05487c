"""Only the benchmark's exactness check, without the timing runs: is every document of the corpus read
as it was generated?

    .venv/bin/python -m benchmarks.corpus_check [--docs 1000] [--seed 7] [--workers 2] [--show 10]

Builds (or reuses) the corpus of `make bench` (benchmarks/corpus.py: for `--docs 1000` the benchmark's
1,010 files, of which it checks the first 1,000, as bench_night does), parses every file with `pipeline.parse.parse_source` — no Prefect, no catalog —
and counts per format what bench_night's `documents_check` counts: ingested with every row, the region
and the year. It also compares the rows themselves with the generated plan (seq, section, title,
description, deadline, note; the responsible cell only where the generator wrote it on one line), and
prints the first mismatches of each kind. Takes ~3 minutes for 1,000 documents on 2 cores.
"""

from __future__ import annotations

import argparse
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from benchmarks.bench_night import check_documents
from benchmarks.corpus import default_folder, load_regions, make_corpus, plan_for, read_manifest

SPACE = re.compile(r"\s+")
DASH_SPACING = re.compile(r"\s*([-–—])\s*")


def parse_one(path: str) -> tuple[dict, list[dict]]:
    from pipeline.inbox import fingerprint
    from pipeline.parse import parse_source
    from pipeline.settings import Settings

    parsed = parse_source(fingerprint(Path(path)), Settings())
    record = parsed.record.model_dump(mode="json", include={"status", "activity_count", "region_number",
                                                           "plan_year", "reasons"})
    record["reason"] = parsed.record.reason
    rows = [a.model_dump(include={"seq", "section", "title", "description", "deadline_raw", "note",
                                  "responsible_raw"}) for a in parsed.activities]
    return record, rows


def expected_rows(index: int, seed: int, regions, fmt: str) -> list[dict]:
    """The generated rows as the published fields, only those the plan's columns carry."""
    plan = plan_for(index, seed, regions)
    fields = {"number": "seq", "title": "title", "description": "description", "deadline": "deadline_raw",
              "responsible": "responsible_raw", "note": "note"}
    rows = []
    for r in plan.rows:
        row = {"seq": r.seq or None, "section": r.section, "title": r.title, "description": r.description or None,
               "deadline_raw": r.deadline, "note": r.note or None,
               "responsible_raw": r.responsible if len(r.responsible) <= 60 else None}
        if fmt == "txt" and plan.layout["txt_shape"] == "list":  # written as a numbered list
            row = {"seq": r.seq.rstrip(".") + ".", "section": None, "title": r.title, "deadline_raw": r.deadline}
        rows.append({k: v for k, v in row.items() if k == "section" or k in {fields[c] for c in plan.roles}})
    return rows


def same(got, want, fmt: str) -> bool:
    if want is None and got is None:
        return True
    if not isinstance(got, str) or not isinstance(want, str):
        return got == want
    got, want = SPACE.sub(" ", got).strip(), SPACE.sub(" ", want).strip()
    if fmt == "pdf":  # a PDF does not keep the spacing around a dash at a line break
        got, want = DASH_SPACING.sub(r"\1", got), DASH_SPACING.sub(r"\1", want)
    return got == want


def row_mismatches(got: list[dict], want: list[dict], fmt: str) -> list[str]:
    if len(got) != len(want):
        return [f"{len(got)} rows, generated {len(want)}"]
    found = []
    for number, (g, w) in enumerate(zip(got, want), 1):
        for key, value in w.items():
            if key == "responsible_raw" and value is None:
                continue  # written as a list of paragraphs: the joiner is the reader's choice
            if key == "seq" and fmt == "txt" and value is None:
                continue
            if not same(g.get(key), value, fmt):
                found.append(f"row {number} {key}: {g.get(key)!r} ≠ {value!r}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--show", type=int, default=10, help="mismatches to print per format")
    parser.add_argument("--only", default="", help="formats to check, e.g. pdf,txt")
    parser.add_argument("--files", default="", help="only these files (names, comma-separated)")
    args = parser.parse_args(argv)
    total = args.docs + max(1, round(args.docs * 0.01))  # make bench builds 1 % more for its «new files» night
    folder = default_folder(args.seed, total)
    files = make_corpus(folder, total, args.seed)[:args.docs]
    names = {p.name for p in files}
    manifest = [f for f in read_manifest(folder)["files"] if f["name"] in names
                and (not args.only or f["format"] in args.only.split(","))
                and (not args.files or f["name"] in args.files.split(","))]
    paths = [str(folder / f["name"]) for f in manifest]
    with ProcessPoolExecutor(args.workers) as pool:
        results = list(pool.map(parse_one, paths, chunksize=4))
    records = {f["name"]: record for f, (record, _) in zip(manifest, results)}
    counts = check_documents(records, manifest)
    regions = load_regions()
    index_of = {p.name: i for i, p in enumerate(files)}
    row_exact: dict[str, int] = {}
    shown: dict[str, int] = {}
    for f, (record, rows) in zip(manifest, results):
        fmt = f["format"]
        problems = row_mismatches(rows, expected_rows(index_of[f["name"]], args.seed, regions, fmt), fmt) \
            if record["status"] == "ingested" else [f"{record['status']}: {record['reason']}"]
        if record["region_number"] != f["region_number"] or record["plan_year"] != f["year"]:
            problems.append(f"region {record['region_number']} year {record['plan_year']} ≠ "
                            f"{f['region_number']} {f['year']}")
        row_exact[fmt] = row_exact.get(fmt, 0) + (not problems)
        if problems and shown.get(fmt, 0) < args.show:
            shown[fmt] = shown.get(fmt, 0) + 1
            print(f"{f['name']}: " + "; ".join(problems[:4]))
    print("\ndocuments read exactly as generated (ingested, all rows, region, year — as make bench counts):")
    for fmt, c in counts.items():
        print(f"  {fmt:<5} {c['exact']}/{c['docs']} exact, {c['ingested']}/{c['docs']} read; "
              f"every row's text as generated: {row_exact.get(fmt, 0)}/{c['docs']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
