"""The publishing stage alone, on the catalog of a night already run: review, then every writer, each timed.

    python -m benchmarks.bench_publish DATA_DIR [--repeat 3]

DATA_DIR is the `--out` of an ingest (for the bench corpus: `svodka ingest build/bench-corpus/7-1010 --out
DIR`). Its catalog is only read; each repeat publishes into a scratch folder, so DATA_DIR stays as it was.
What `make bench` reports as «publishing» is `publish_release` here; the review before it is timed apart.
Why a separate tool: the full bench takes 20 minutes, a change to a writer wants an answer in seconds."""

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from extractors.regions import region_by_code
from pipeline.consolidate import files_to_records
from pipeline.night import catalog_for, collector_paused
from pipeline.outputs import ANALYST_WRITERS
from pipeline.outputs.plans import current_changes
from pipeline.outputs.review_files import review_writers
from pipeline.publish import publish_release
from pipeline.review.apply import apply_to_records
from pipeline.review.dataset import review_dataset
from pipeline.settings import Settings


def timed(name: str, writer, seconds: dict):
    def run(*args):
        started = time.perf_counter()
        try:
            return writer(*args)
        finally:
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started

    return run


def publish_once(data_dir: Path) -> dict:
    with collector_paused():  # as finish_night does
        return publish_stage(data_dir)


def publish_stage(data_dir: Path) -> dict:
    catalog = catalog_for(Settings(out_dir=data_dir))
    try:
        started = time.perf_counter()
        stored = catalog.stored_corrections()
        files, parsed_records = catalog.files(), catalog.parsed_records()
        apply_to_records(parsed_records, stored, region_by_code)
        records = files_to_records(files, parsed_records)
        loaded = time.perf_counter()
        reviewed = review_dataset(records, catalog.activities_of, stored)
        review = time.perf_counter() - loaded
    finally:
        catalog.close()
    seconds: dict[str, float] = {}
    before, after = review_writers(reviewed, stored)
    writers = [timed(f"review file {i}", w, seconds) for i, w in enumerate(before)]
    writers += [timed(w.__name__, w, seconds) for w in ANALYST_WRITERS]
    writers += [timed(f"review tables {i}", w, seconds) for i, w in enumerate(after)]
    with tempfile.TemporaryDirectory(prefix="svodka-publish-") as scratch:
        started_publish = time.perf_counter()
        publish_release(Path(scratch), "bench", reviewed.activities, records, writers, "bench",
                        current_changes(reviewed.changes, records))
        publish = time.perf_counter() - started_publish
    return {"load_seconds": loaded - started, "review_seconds": review, "publish_seconds": publish,
            "writers_seconds": seconds, "activities": len(reviewed.activities), "records": len(records),
            "changes": len(reviewed.changes),
            "workbook_share": seconds.get("write_xlsx", 0.0) / publish if publish else None}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    if not (args.data_dir / "catalog.sqlite").exists():
        print(f"{args.data_dir}: нет catalog.sqlite — сначала svodka ingest … --out {args.data_dir}", file=sys.stderr)
        return 2
    runs = [publish_once(args.data_dir) for _ in range(args.repeat)]
    best = min(runs, key=lambda r: r["publish_seconds"])
    best["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    best["publish_seconds_all"] = [round(r["publish_seconds"], 3) for r in runs]
    print(f"{best['records']} documents, {best['activities']} activities, {best['changes']} changes")
    print(f"load {best['load_seconds']:.2f} s, review {best['review_seconds']:.2f} s, "
          f"publish {best['publish_seconds']:.2f} s (best of {args.repeat}: {best['publish_seconds_all']})")
    for name, value in sorted(best["writers_seconds"].items(), key=lambda kv: -kv[1]):
        print(f"  {name:<20} {value:7.3f} s  {value / best['publish_seconds']:6.1%}")
    print(f"workbook share of publishing: {best['workbook_share']:.1%} (target < 10 %); "
          f"peak memory {best['peak_rss_mb']:.0f} MB")
    if args.json:
        args.json.write_text(json.dumps(best, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
