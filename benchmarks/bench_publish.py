"""The end of a night alone, on the catalog of a night already run: review, then every writer, each timed.

    python -m benchmarks.bench_publish DATA_DIR [--repeat 3]

DATA_DIR is the `--out` of an ingest (for the bench corpus: `svodka ingest build/bench-corpus/7-1010 --out
DIR`). Its catalog is only read: each repeat runs `finish_night` itself on a copy of it in a scratch folder.
What `make bench` reports as «publishing» is `publish_release` here; the review before it is timed apart.
Why a separate tool: the full bench takes 20 minutes, a change to a writer wants an answer in seconds."""

import argparse
import json
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import pipeline.night as night
from pipeline.outputs import ANALYST_WRITERS
from pipeline.settings import Settings


def timed(name: str, function, seconds: dict, results: dict | None = None):
    def run(*args, **kwargs):
        started = time.perf_counter()
        try:
            result = function(*args, **kwargs)
            if results is not None:
                results[name] = result
            return result
        finally:
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started

    return run


def scratch_copy(data_dir: Path, scratch: Path) -> None:
    """The catalog (through SQLite's backup, whole even with a WAL beside it) and the corrections folder."""
    with sqlite3.connect(data_dir / night.CATALOG_NAME) as source, \
            sqlite3.connect(scratch / night.CATALOG_NAME) as target:
        source.backup(target)
    if (data_dir / night.CORRECTIONS_DIR).is_dir():
        shutil.copytree(data_dir / night.CORRECTIONS_DIR, scratch / night.CORRECTIONS_DIR)


def publish_once(data_dir: Path) -> dict:
    """The end of a night as `finish_night` runs it (the collector paused, review, publishing, the catalog's
    statuses), on a scratch copy: an empty night whose release is new, so everything is published."""
    seconds: dict[str, float] = {}
    results: dict[str, object] = {}
    writers = [timed(w.__name__, w, seconds) for w in ANALYST_WRITERS]
    originals = night.review_dataset, night.publish_release
    night.review_dataset = timed("review", night.review_dataset, seconds, results)
    night.publish_release = timed("publish", night.publish_release, seconds)
    try:
        with tempfile.TemporaryDirectory(prefix="svodka-publish-") as scratch:
            scratch_copy(data_dir, Path(scratch))
            plan = night.NightPlan(run_id=night.new_run_id(datetime.now(UTC)), sources=[], to_parse=[])
            started = time.perf_counter()
            night.finish_night(plan, Settings(out_dir=Path(scratch)), extra_writers=writers)
            finish = time.perf_counter() - started
    finally:
        night.review_dataset, night.publish_release = originals
    reviewed = results["review"]
    publish = seconds.pop("publish")
    return {"finish_seconds": finish, "review_seconds": seconds.pop("review"), "publish_seconds": publish,
            "writers_seconds": seconds, "activities": len(reviewed.activities),
            "changes": len(reviewed.changes),
            "workbook_share": seconds.get("write_xlsx", 0.0) / publish if publish else None}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    if not (args.data_dir / night.CATALOG_NAME).exists():
        print(f"{args.data_dir}: нет catalog.sqlite — сначала svodka ingest … --out {args.data_dir}", file=sys.stderr)
        return 2
    runs = [publish_once(args.data_dir) for _ in range(args.repeat)]
    best = min(runs, key=lambda r: r["publish_seconds"])
    best["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    best["publish_seconds_all"] = [round(r["publish_seconds"], 3) for r in runs]
    print(f"{best['activities']} activities published, {best['changes']} changes")
    print(f"end of the night {best['finish_seconds']:.2f} s: review {best['review_seconds']:.2f} s, "
          f"publish {best['publish_seconds']:.2f} s (best of {args.repeat}: {best['publish_seconds_all']})")
    rest = best["publish_seconds"] - sum(best["writers_seconds"].values())
    for name, value in [*sorted(best["writers_seconds"].items(), key=lambda kv: -kv[1]),
                        ("the rest: JSONL, Parquet, CSV, the review loop's files", rest)]:
        print(f"  {name:<20} {value:7.3f} s  {value / best['publish_seconds']:6.1%}")
    print(f"workbook share of publishing: {best['workbook_share']:.1%} (target < 10 %); "
          f"peak memory {best['peak_rss_mb']:.0f} MB")
    if args.json:
        args.json.write_text(json.dumps(best, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
