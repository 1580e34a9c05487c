"""The nightly ingest, measured: `make bench` (see benchmarks/README.md for what each figure means).

    .venv/bin/python -m benchmarks.bench_night [--docs 100,300,1000] [--quick] [--seed 7]

Builds (or reuses) a synthetic corpus (benchmarks/corpus.py), then runs each scenario in a fresh Python
process — as a real night would — in fresh temporary output folders, sampling the memory of the whole
process tree (the flow, its parser processes and Prefect's temporary server):

- *floor*: open the same files, pull their tables with python-docx and pdfplumber, read the texts, run
  natasha's NER once over each document's cells — the cost of the libraries themselves;
- *stages*: the pipeline without Prefect (`run_night`, one process) with each stage function timed;
- *cold*: `flows.ingest.run_ingest` over the whole corpus with one worker and with two, and with two at
  each size in `--docs`; Prefect's server start-up is timed separately with an empty flow;
- *noop*: a second night over the same inbox; *new*: a night with 1% new files;
- *dask*: the same flow on a local Dask cluster (`task_runner="dask"`), when prefect-dask is installed.

Prints a table and writes data/bench.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULT_MARK = "BENCH-RESULT "
PHASE_MARK = "BENCH-PHASE "  # a child says the measured part starts: CPU is counted from there
DEFAULT_DOCS = (100, 300, 1000)
QUICK_DOCS = (10, 20, 40)
SAMPLE_EVERY = 0.2  # seconds between memory samples of the process tree
DASK_PINS = ["prefect-dask==0.3.7", "distributed==2026.8.0"]  # resolved with prefect 3.8.8 (pip --dry-run)  # what the Dask scenario needs in the venv
TARGETS = {
    "ratio_to_floor": ("≤", 1.5),
    "speedup_2_workers": ("≥", 1.7),
    "noop_night_seconds": ("<", 10.0),
    "peak_rss_mb": ("<", 1536.0),
}


# ===================================================================================================
# Children: each scenario runs in its own process and prints one JSON line
# ===================================================================================================


def child_main(scenario: str, args: dict) -> None:
    started = time.perf_counter()
    result = CHILD_SCENARIOS[scenario](args)
    result["child_seconds"] = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result["self_maxrss_mb"] = usage.ru_maxrss / 1024
    print(RESULT_MARK + json.dumps(result, default=str), flush=True)


def time_empty_flow() -> float:
    """Prefect's own start-up: the first flow of a process starts the temporary API server."""
    from prefect import flow

    @flow(name="svodka-bench-empty", log_prints=False)
    def empty() -> None:
        return None

    started = time.perf_counter()
    empty()
    return time.perf_counter() - started


def child_empty(args: dict) -> dict:
    started = time.perf_counter()
    import prefect  # noqa: F401

    imported = time.perf_counter() - started
    return {"import_seconds": imported, "empty_flow_seconds": time_empty_flow(),
            "second_empty_flow_seconds": time_empty_flow()}


def child_flow(args: dict) -> dict:
    """The real Prefect flow: an empty flow first (server start), then run_ingest, timed."""
    started = time.perf_counter()
    from flows.ingest import run_ingest
    from pipeline.settings import Settings

    imported = time.perf_counter() - started
    prefect_start = time_empty_flow()
    settings = Settings(out_dir=Path(args["out"]), workers=args["workers"], task_runner=args["runner"])
    print(PHASE_MARK + "flow", flush=True)
    time.sleep(SAMPLE_EVERY * 2)  # let the watcher take its baseline while nothing else happens
    started = time.perf_counter()
    summary = run_ingest([args["inbox"]], settings)
    flow_seconds = time.perf_counter() - started
    records = published_records(Path(args["out"]))
    return {"import_seconds": imported, "prefect_start_seconds": prefect_start, "flow_seconds": flow_seconds,
            "summary": summary.model_dump(mode="json"), "records": records,
            "parse_seconds_sum": sum(r.get("parse_seconds") or 0 for r in records.values())}


def published_records(out: Path) -> dict:
    """documents.jsonl of the release just published, by source file name."""
    path = out / "documents.jsonl"
    if not path.exists():
        return {}
    keep = ("status", "activity_count", "region_number", "plan_year", "pages", "parse_seconds", "format",
            "reason")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["source_file"]: {k: r.get(k) for k in keep} for r in rows}


class StageClock:
    """Wraps stage functions where the pipeline looks them up, adding up the seconds spent in each."""

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self.restore: list[tuple[object, str, object]] = []

    def timed(self, function, stage: str):
        def timed(*a, **kw):
            started = time.perf_counter()
            try:
                return function(*a, **kw)
            finally:
                self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started
                self.calls[stage] = self.calls.get(stage, 0) + 1

        return timed

    def wrap(self, owner, name: str, stage: str, *, is_dict: bool = False) -> None:
        original = owner[name] if is_dict else getattr(owner, name)
        if is_dict:
            owner[name] = self.timed(original, stage)
        else:
            setattr(owner, name, self.timed(original, stage))


def wrap_extra_writers(clock: StageClock) -> None:
    """The analysts' outputs publish_release writes by default (a list: wrapped in place)."""
    try:
        from pipeline.outputs import ANALYST_WRITERS
    except ImportError:
        return
    for i, writer in enumerate(list(ANALYST_WRITERS)):
        ANALYST_WRITERS[i] = clock.timed(writer, f"writer {getattr(writer, '__name__', i)}")


def child_stages(args: dict) -> dict:
    """The pipeline without Prefect, serially in this process, each stage function timed in place."""
    started = time.perf_counter()
    import pipeline.enrich as enrich
    import pipeline.night as night
    import pipeline.parse as parse
    from extractors.readers import READERS
    from pipeline.settings import Settings

    imported = time.perf_counter() - started
    clock = StageClock()
    for fmt in list(READERS):
        clock.wrap(READERS, fmt, "read", is_dict=True)
    clock.wrap(parse, "check_admissible", "admission")
    clock.wrap(parse, "content_to_plan_rows", "assemble")
    clock.wrap(parse, "read_plan_facts", "facts")
    clock.wrap(parse, "plan_context", "facts")
    clock.wrap(enrich, "normalize_deadline", "deadlines")
    for name in ("read_responsible", "find_mentioned_organisations", "categorize"):
        clock.wrap(enrich, name, "entities")
    clock.wrap(night, "publish_release", "publish")
    wrap_extra_writers(clock)
    settings = Settings(out_dir=Path(args["out"]), workers=1, task_runner="processes")
    inbox = [Path(args["inbox"])]
    t0 = time.perf_counter()
    plan = night.prepare_night(inbox, settings)
    t1 = time.perf_counter()
    parsed = [parse.parse_source(source, settings) for source in plan.to_parse]
    t2 = time.perf_counter()
    night.save_parsed(plan, parsed, settings)
    night.finish_night(plan, settings)
    t3 = time.perf_counter()
    parse_total = sum(p.record.parse_seconds or 0 for p in parsed)
    stages = {k: clock.seconds.get(k, 0.0) for k in ("admission", "read", "assemble", "facts", "deadlines",
                                                      "entities")}
    stages["activity_models"] = parse_total - sum(stages.values())
    return {"import_seconds": imported, "prepare_seconds": t1 - t0, "parse_seconds": t2 - t1,
            "parse_seconds_sum": parse_total, "finish_seconds": t3 - t2, "run_night_seconds": t3 - t0,
            "publish_seconds": clock.seconds.get("publish", 0.0),
            "catalog_seconds": (t3 - t2) - clock.seconds.get("publish", 0.0), "stages": stages,
            "calls": clock.calls, "activities": sum(len(p.activities) for p in parsed),
            "writers": {k: v for k, v in clock.seconds.items() if k.startswith("writer ")}}


def child_floor(args: dict) -> dict:
    """The libraries alone: open each file, pull its tables, run natasha's NER once over its cells."""
    started = time.perf_counter()
    import docx
    import natasha
    import pdfplumber

    segmenter = natasha.Segmenter()
    ner = natasha.NewsNERTagger(natasha.NewsEmbedding())
    load = time.perf_counter() - started
    seconds = {"docx": 0.0, "pdf": 0.0, "txt": 0.0, "ner": 0.0}
    cells_total = 0
    for name in args["files"]:
        path = Path(args["folder"]) / name
        fmt = path.suffix.lstrip(".")
        t = time.perf_counter()
        if fmt == "docx":
            document = docx.Document(str(path))
            cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        elif fmt == "pdf":
            with pdfplumber.open(str(path)) as pdf:
                cells = [c or "" for page in pdf.pages for table in page.extract_tables() for row in table
                         for c in row]
        else:
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("cp1251")
            cells = [c for line in text.splitlines() for c in line.split("\t")]
        seconds[fmt] += time.perf_counter() - t
        t = time.perf_counter()
        doc = natasha.Doc("\n".join(c for c in cells if c.strip()))
        doc.segment(segmenter)
        doc.tag_ner(ner)
        seconds["ner"] += time.perf_counter() - t
        cells_total += len(cells)
    total = time.perf_counter() - started
    return {"load_seconds": load, "seconds": seconds, "floor_seconds": total, "cells": cells_total}


CHILD_SCENARIOS = {"empty": child_empty, "flow": child_flow, "stages": child_stages, "floor": child_floor}


# ===================================================================================================
# The parent: runs children, watches their memory, collects the figures
# ===================================================================================================


class TreeWatcher:
    """Samples a process and all its descendants from /proc: the peak of their summed resident memory,
    and the CPU seconds each one used, by role (the flow's own process, parser workers, Prefect's server)."""

    def __init__(self, root_pid: int):
        self.root = root_pid
        self.peak_bytes = 0
        self.cpu: dict[int, float] = {}
        self.baseline: dict[int, float] = {}  # CPU already used when the measured phase began
        self.roles: dict[int, str] = {}
        self.page = os.sysconf("SC_PAGE_SIZE")
        self.tick = os.sysconf("SC_CLK_TCK")

    def sample(self) -> None:
        stats: dict[int, tuple[int, float]] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    stat = f.read()
            except OSError:
                continue
            fields = stat[stat.rfind(b")") + 2:].split()
            stats[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / self.tick)
        children: dict[int, list[int]] = {}
        for pid, (ppid, _) in stats.items():
            children.setdefault(ppid, []).append(pid)
        total, todo = 0, [self.root]
        while todo:
            pid = todo.pop()
            try:
                with open(f"/proc/{pid}/statm", "rb") as f:
                    total += int(f.read().split()[1]) * self.page
            except OSError:
                pass
            if pid in stats:
                self.cpu[pid] = stats[pid][1]
                if pid not in self.roles:
                    self.roles[pid] = self.role_of(pid)
            todo += children.get(pid, [])
        self.peak_bytes = max(self.peak_bytes, total)

    def role_of(self, pid: int) -> str:
        if pid == self.root:
            return "flow_process"
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            return "other"
        if "uvicorn" in cmdline or "prefect" in cmdline:
            return "prefect_server"
        if "resource_tracker" in cmdline:
            return "other"
        if "multiprocessing" in cmdline or "spawn_main" in cmdline:
            return "parser_workers"
        if "distributed" in cmdline or "dask" in cmdline:
            return "dask"
        return "other: " + cmdline[:80]

    def cpu_by_role(self) -> dict[str, float]:
        by_role: dict[str, float] = {}
        for pid, seconds in self.cpu.items():
            role = self.roles.get(pid, "other")
            by_role[role] = by_role.get(role, 0.0) + seconds - self.baseline.get(pid, 0.0)
        return by_role


class Child:
    """One scenario in a fresh Python process, watched from outside."""

    def __init__(self, scenario: str, args: dict, env: dict, log_dir: Path):
        self.scenario, self.args, self.env, self.log_dir = scenario, args, env, log_dir

    def run(self) -> dict:
        tag = self.args.get("tag", self.scenario)
        log = self.log_dir / f"{tag}.log"
        cmd = [sys.executable, "-m", "benchmarks.bench_night", "--child", self.scenario,
               "--child-args", json.dumps(self.args)]
        started = time.perf_counter()
        with open(log, "w", encoding="utf-8") as err:
            process = subprocess.Popen(cmd, cwd=ROOT, env=self.env, stdout=subprocess.PIPE, stderr=err, text=True)
            stop = threading.Event()
            watch = TreeWatcher(process.pid)

            def sample():
                while not stop.wait(SAMPLE_EVERY):
                    watch.sample()

            watcher = threading.Thread(target=sample, daemon=True)
            watcher.start()
            lines = []
            for line in process.stdout:
                lines.append(line.rstrip("\n"))
                if line.startswith(PHASE_MARK):
                    watch.sample()
                    watch.baseline = dict(watch.cpu)
            process.wait()
            stop.set()
            watcher.join()
        wall = time.perf_counter() - started
        lines = [line for line in lines if line.startswith(RESULT_MARK)]
        if process.returncode != 0 or not lines:
            tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise RuntimeError(f"scenario {tag} failed (exit {process.returncode}); log {log}:\n{tail}")
        result = json.loads(lines[-1][len(RESULT_MARK):])
        result["wall_seconds"] = wall
        result["peak_tree_rss_mb"] = watch.peak_bytes / 2**20
        result["cpu_seconds_by_role"] = watch.cpu_by_role()
        return result


def link_files(files: list[Path], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for path in files:
        target = folder / path.name
        try:
            os.link(path, target)
        except OSError:
            shutil.copyfile(path, target)


def child_env(prefect_home: Path) -> dict:
    env = dict(os.environ)
    env.update({
        "PREFECT_HOME": str(prefect_home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT), "TQDM_DISABLE": "1",
        # the empty-flow scenario imports Prefect without flows/__init__.py: give its first start (a migration
        # of a fresh database, 20–60 s on two busy cores) the same patience as the product does
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    })
    env.pop("PREFECT_API_URL", None)  # always the temporary server, as on a machine without Prefect set up
    return env


def dask_available() -> bool:
    probe = subprocess.run([sys.executable, "-c", "import prefect_dask, distributed"], capture_output=True)
    return probe.returncode == 0


def machine_info() -> dict:
    info = {"nproc": os.cpu_count(), "usable_cpus": len(os.sched_getaffinity(0)),
            "python": platform.python_version(), "platform": platform.platform(),
            "date": datetime.now(UTC).isoformat(timespec="seconds"), "load_average_at_start": os.getloadavg()}
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        info["cpu_model"] = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                                  if line.startswith("model name")), None)
        meminfo = Path("/proc/meminfo").read_text()
        info["memory_mb"] = int(next(line.split()[1] for line in meminfo.splitlines()
                                     if line.startswith("MemTotal"))) // 1024
    except OSError:
        pass
    from importlib.metadata import PackageNotFoundError, version

    versions = {}
    for package in ("prefect", "pdfplumber", "python-docx", "natasha", "pydantic", "prefect-dask"):
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = None
    info["versions"] = versions
    git = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True)
    info["git"] = git.stdout.strip() or None
    return info


READ_STATUSES = ("ingested", "superseded")  # a revision's earlier plan is read, then superseded


def check_documents(records: dict, manifest_files: list[dict]) -> dict:
    """How many documents came out as the generator made them: ingested, every row, region and year."""
    by_format: dict[str, dict] = {}
    for f in manifest_files:
        r = records.get(f["name"])
        row = by_format.setdefault(f["format"], {"docs": 0, "ingested": 0, "exact": 0, "mismatched": []})
        row["docs"] += 1
        read = bool(r) and r["status"] in READ_STATUSES
        row["ingested"] += read
        if read and r["activity_count"] == f["rows"] and \
                r["region_number"] == f["region_number"] and r["plan_year"] == f["year"]:
            row["exact"] += 1
        elif len(row["mismatched"]) < 5:
            row["mismatched"].append({"file": f["name"], "expected_rows": f["rows"],
                                      "got": {k: (r or {}).get(k) for k in ("status", "activity_count",
                                                                            "region_number", "plan_year")}})
    return by_format


def linear_fit(points: dict[int, float]) -> dict:
    """t = fixed + per_doc·n by least squares, and the marginal cost per document between sizes."""
    ns = sorted(points)
    if len(ns) < 2:
        return {}
    xs, ys = ns, [points[n] for n in ns]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
    fixed = my - slope * mx
    marginal = [(points[b] - points[a]) / (b - a) for a, b in zip(ns, ns[1:])]
    rises = [later / earlier for earlier, later in zip(marginal, marginal[1:]) if earlier > 0]
    return {"fixed_seconds": fixed, "per_doc_seconds": slope, "marginal_seconds_per_doc": marginal,
            "marginal_growth": max(rises) if rises else None}


def run_benchmark(docs: list[int], seed: int, out_json: Path, with_dask: bool, keep: bool,
                  extra_env: dict | None = None) -> dict:
    from benchmarks.corpus import default_folder, make_corpus, read_manifest

    sizes = sorted(set(docs))
    largest = sizes[-1]
    n_new = max(1, round(largest * 0.01))
    total = largest + n_new
    say(f"corpus: {total} documents (seed {seed}) …")
    started = time.perf_counter()
    folder = default_folder(seed, total)
    files = make_corpus(folder, total, seed, log=say)
    manifest = read_manifest(folder)
    say(f"  ready in {time.perf_counter() - started:.0f} s: {folder}"
        + ("" if manifest["libreoffice"] else "  (no LibreOffice: no PDFs)"))
    meta = {f["name"]: f for f in manifest["files"]}
    corpus_files, new_files = files[:largest], files[largest:]

    work = Path(tempfile.mkdtemp(prefix="svodka-bench-"))
    logs = work / "logs"
    logs.mkdir()
    env = {**child_env(work / "prefect-home"), **(extra_env or {})}
    inboxes = {}
    for n in sizes:
        inboxes[n] = work / f"inbox-{n}"
        link_files(files[:n], inboxes[n])
    results: dict = {"machine": machine_info(), "seed": seed, "extra_env": extra_env or {}, "sizes": sizes, "corpus_folder": str(folder),
                     "formats": manifest["made_formats"], "libreoffice": manifest["libreoffice"]}
    pages_of = {n: sum(meta[p.name]["pages"] for p in files[:n]) for n in sizes}

    def child(scenario: str, tag: str, **args) -> dict:
        say(f"  {tag} …")
        result = Child(scenario, {"tag": tag, **args}, env, logs).run()
        say(f"    {result['wall_seconds']:.1f} s wall, peak {result['peak_tree_rss_mb']:.0f} MB")
        return result

    try:
        say("scenarios:")
        first = child("empty", "prefect-first-start")
        warm = child("empty", "prefect-start")
        floor = child("floor", "floor", folder=str(folder), files=[p.name for p in corpus_files])
        stages = child("stages", "stages", inbox=str(inboxes[largest]), out=str(work / "out-stages"))
        stages_noop = child("stages", "stages-noop", inbox=str(inboxes[largest]), out=str(work / "out-stages"))
        cold1 = child("flow", f"cold-{largest}-1-worker", inbox=str(inboxes[largest]), out=str(work / "out-w1"),
                      workers=1, runner="processes")
        out2 = work / f"out-w2-{largest}"
        cold2 = child("flow", f"cold-{largest}-2-workers", inbox=str(inboxes[largest]), out=str(out2),
                      workers=2, runner="processes")
        noop = child("flow", "noop-night", inbox=str(inboxes[largest]), out=str(out2), workers=2,
                     runner="processes")
        link_files(new_files, inboxes[largest])
        new = child("flow", f"new-night-{n_new}", inbox=str(inboxes[largest]), out=str(out2), workers=2,
                    runner="processes")
        by_size = {largest: cold2}
        for n in sizes[:-1]:
            by_size[n] = child("flow", f"cold-{n}-2-workers", inbox=str(inboxes[n]), out=str(work / f"out-w2-{n}"),
                               workers=2, runner="processes")
        dask = None
        if with_dask and dask_available():
            dask = child("flow", f"dask-{largest}-2-workers", inbox=str(inboxes[largest]),
                         out=str(work / "out-dask"), workers=2, runner="dask")
        elif with_dask:
            say(f"  dask: SKIPPED — prefect-dask/distributed are not installed in this venv; add "
                f"{' '.join(DASK_PINS)} to pyproject.toml (the lead's call) to run it")
    finally:
        if keep:
            say(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    results["noop_without_prefect"] = {k: stages_noop[k] for k in ("prepare_seconds", "finish_seconds",
                                                                   "publish_seconds", "catalog_seconds",
                                                                   "run_night_seconds", "writers")}
    results.update(figures(sizes, pages_of, first, warm, floor, stages, cold1, cold2, noop, new, n_new, by_size,
                           dask, meta, corpus_files))
    out_json.parent.mkdir(parents=True, exist_ok=True)
    out_json.write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    return results


def figures(sizes, pages_of, first, warm, floor, stages, cold1, cold2, noop, new, n_new, by_size, dask, meta,
            corpus_files) -> dict:
    largest = sizes[-1]
    cold = cold2["flow_seconds"]
    noop_beyond = noop["wall_seconds"] - noop["prefect_start_seconds"]
    r = {
        "docs": largest,
        "pages": pages_of[largest],
        "pages_measured_pdf": sum(meta[p.name]["pages"] for p in corpus_files if meta[p.name]["format"] == "pdf"),
        "activities_expected": sum(meta[p.name]["rows"] for p in corpus_files),
        "cold_seconds": cold,
        "cold_seconds_1_worker": cold1["flow_seconds"],
        "cold_seconds_2_workers": cold,
        "cold_total_process_seconds": cold2["wall_seconds"],
        "docs_per_second": largest / cold,
        "pages_per_second": pages_of[largest] / cold,
        "floor_seconds": floor["floor_seconds"],
        "floor": {"load_seconds": floor["load_seconds"], **floor["seconds"], "cells": floor["cells"]},
        "ratio_to_floor": cold1["flow_seconds"] / floor["floor_seconds"],
        "speedup_2_workers": cold1["flow_seconds"] / cold,
        "prefect_first_start_seconds": first["empty_flow_seconds"],
        "prefect_start_seconds": warm["empty_flow_seconds"],
        "prefect_import_seconds": warm["import_seconds"],
        "noop_night_seconds": noop_beyond,
        "noop_night_flow_seconds": noop["flow_seconds"],
        "noop_night_total_seconds": noop["wall_seconds"],
        "new_files": n_new,
        "new_night_seconds": new["wall_seconds"] - new["prefect_start_seconds"],
        "new_night_flow_seconds": new["flow_seconds"],
        "peak_rss_mb": max(c["peak_tree_rss_mb"] for c in (cold1, cold2, noop, new, *by_size.values())),
        "peak_rss_mb_by_scenario": {"floor": floor["peak_tree_rss_mb"], "stages": stages["peak_tree_rss_mb"],
                                    "cold_1_worker": cold1["peak_tree_rss_mb"],
                                    "cold_2_workers": cold2["peak_tree_rss_mb"],
                                    "noop": noop["peak_tree_rss_mb"], "new": new["peak_tree_rss_mb"]},
        "cold_seconds_by_docs": {str(n): by_size[n]["flow_seconds"] for n in sizes},
        "stages_seconds": {
            **stages["stages"], "prepare": stages["prepare_seconds"], "publish": stages["publish_seconds"],
            "catalog_and_records": stages["catalog_seconds"],
            "run_night_total": stages["run_night_seconds"], "imports": stages["import_seconds"],
            "orchestration_1_worker": cold1["flow_seconds"] - cold1["parse_seconds_sum"],
            "prefect_overhead_1_worker": cold1["flow_seconds"] - stages["run_night_seconds"],
        },
        "stage_calls": stages["calls"],
        "publish_writers_seconds": stages["writers"],
        "cpu_seconds_by_role": {"cold_1_worker": cold1["cpu_seconds_by_role"],
                                "cold_2_workers": cold2["cpu_seconds_by_role"], "noop": noop["cpu_seconds_by_role"]},
        "documents_check": check_documents(cold2["records"], [meta[p.name] for p in corpus_files]),
        "night_summaries": {"cold": cold2["summary"], "noop": noop["summary"], "new": new["summary"]},
    }
    for n in sizes:
        r[f"cold_seconds_{n}"] = by_size[n]["flow_seconds"]
    r["scaling"] = linear_fit({n: by_size[n]["flow_seconds"] for n in sizes})
    if dask:
        r["dask_seconds"] = dask["flow_seconds"]
        r["dask_peak_rss_mb"] = dask["peak_tree_rss_mb"]
    else:
        r["dask_seconds"] = None
        r["dask_skipped"] = ("not asked for (--no-dask)" if dask_available()
                             else f"prefect-dask not installed; needs {' '.join(DASK_PINS)}")
    r["targets"] = {k: {"value": r[k], "target": f"{op} {limit:g}", "met": met(r[k], op, limit)}
                    for k, (op, limit) in TARGETS.items()}
    # Growth is bad only when a document costs more the more there are: a marginal cost that falls with size
    # (fixed costs spread over more documents) is fine, one that rises by more than 30 % is not.
    growth = r["scaling"].get("marginal_growth")
    r["targets"]["linear_growth"] = {"value": growth, "target": "marginal cost per doc rises at most ×1.3 (3+ sizes)",
                                     "met": len(sizes) >= 3 and growth is not None and growth <= 1.3}
    workbook = r["publish_writers_seconds"].get("writer write_xlsx")
    publishing = r["stages_seconds"].get("publish")
    share = workbook / publishing if workbook is not None and publishing else None
    r["workbook_share_of_publishing"] = share
    r["targets"]["workbook_share"] = {"value": share, "target": "< 0.1 of publishing",
                                      "met": share is not None and share < 0.1}
    return r


def met(value, op: str, limit: float) -> bool:
    return {"≤": value <= limit, "≥": value >= limit, "<": value < limit}[op]


# ===================================================================================================
# Output
# ===================================================================================================


def say(text: str) -> None:
    print(text, flush=True)


def print_table(r: dict) -> None:
    rows = [
        ("documents / pages (PDF pages counted, others estimated)", f"{r['docs']} / {r['pages']}"),
        ("cold ingest, 2 workers", f"{r['cold_seconds']:.1f} s  ({r['docs_per_second']:.2f} docs/s, "
                                   f"{r['pages_per_second']:.1f} pages/s)"),
        ("cold ingest, 1 worker", f"{r['cold_seconds_1_worker']:.1f} s"),
        ("floor (python-docx + pdfplumber + natasha NER, 1 process)", f"{r['floor_seconds']:.1f} s  "
         f"(load {r['floor']['load_seconds']:.1f}, docx {r['floor']['docx']:.1f}, pdf {r['floor']['pdf']:.1f}, "
         f"txt {r['floor']['txt']:.1f}, NER {r['floor']['ner']:.1f})"),
        ("ratio to floor (1 worker)", f"{r['ratio_to_floor']:.2f}"),
        ("speedup with 2 workers", f"{r['speedup_2_workers']:.2f}"),
        ("Prefect start-up (first ever / usual)", f"{r['prefect_first_start_seconds']:.1f} / "
                                                 f"{r['prefect_start_seconds']:.1f} s"),
        ("night with nothing new, beyond Prefect start", f"{r['noop_night_seconds']:.1f} s  (flow "
         f"{r['noop_night_flow_seconds']:.1f} s, whole process {r['noop_night_total_seconds']:.1f} s)"),
        (f"night with {r['new_files']} new file(s), beyond Prefect start",
         f"{r['new_night_seconds']:.1f} s  (flow {r['new_night_flow_seconds']:.1f} s)"),
        ("peak memory, whole process tree", f"{r['peak_rss_mb']:.0f} MB"),
        ("cold ingest by size (2 workers)", ", ".join(f"{n}: {s:.1f} s" for n, s in r["cold_seconds_by_docs"].items())),
    ]
    if r["scaling"]:
        s = r["scaling"]
        rows.append(("  fit: fixed + per doc", f"{s['fixed_seconds']:.1f} s + {s['per_doc_seconds'] * 1000:.0f} ms/doc"
                     f"; marginal ms/doc between sizes: " + ", ".join(f"{m * 1000:.0f}" for m in
                                                                       s["marginal_seconds_per_doc"])))
    rows.append(("Dask (local cluster, 2 workers)", f"{r['dask_seconds']:.1f} s" if r["dask_seconds"] is not None
                 else "skipped: " + r["dask_skipped"]))
    width = max(len(a) for a, _ in rows)
    print()
    for a, b in rows:
        print(f"{a:<{width}}  {b}")
    st = r["stages_seconds"]
    print("\nper stage (pipeline without Prefect, 1 process, seconds):")
    order = ["imports", "prepare", "admission", "read", "assemble", "facts", "deadlines", "entities",
             "activity_models", "publish", "catalog_and_records", "run_night_total", "orchestration_1_worker",
             "prefect_overhead_1_worker"]
    for k in order:
        print(f"  {k:<28} {st[k]:8.2f}")
    for name, seconds in r.get("publish_writers_seconds", {}).items():
        print(f"    publish: {name:<19} {seconds:8.2f}")
    nw = r.get("noop_without_prefect")
    if nw:
        print(f"  no-op night without Prefect: prepare {nw['prepare_seconds']:.2f}, finish {nw['finish_seconds']:.2f} "
              f"(publish {nw['publish_seconds']:.2f}, catalog {nw['catalog_seconds']:.2f})")
    print("\nCPU seconds by process, cold ingest (1 worker | 2 workers):")
    one, two = r["cpu_seconds_by_role"]["cold_1_worker"], r["cpu_seconds_by_role"]["cold_2_workers"]
    for role in sorted(set(one) | set(two)):
        print(f"  {role:<28} {one.get(role, 0):8.1f} | {two.get(role, 0):8.1f}")
    print("\ndocuments read exactly as generated (ingested, all rows, region, year):")
    for fmt, c in r["documents_check"].items():
        print(f"  {fmt:<5} {c['exact']}/{c['docs']} exact, {c['ingested']}/{c['docs']} read (ingested or superseded)")
    print("\ntargets:")
    for k, t in r["targets"].items():
        value = "n/a" if t["value"] is None else f"{t['value']:.2f}"
        print(f"  {'met   ' if t['met'] else 'MISSED'} {k:<20} {value:>8}  (target {t['target']})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Svodka's nightly ingest benchmark")
    parser.add_argument("--docs", default=",".join(map(str, DEFAULT_DOCS)), help="corpus sizes, e.g. 100,300,1000")
    parser.add_argument("--quick", action="store_true", help=f"sizes {QUICK_DOCS}: a few minutes")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "bench.json")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask scenario")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders and the children's logs")
    parser.add_argument("--env", action="append", default=[], metavar="KEY=VALUE",
                        help="extra environment for every scenario, e.g. PREFECT_LOGGING_TO_API_ENABLED=false")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--child-args", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child_main(args.child, json.loads(args.child_args))
        return 0
    docs = list(QUICK_DOCS) if args.quick else [int(n) for n in args.docs.split(",")]
    extra_env = dict(item.split("=", 1) for item in args.env)
    results = run_benchmark(docs, args.seed, args.out, with_dask=not args.no_dask, keep=args.keep,
                            extra_env=extra_env)
    print_table(results)
    print(f"\nwritten: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
