"""`svodka ingest` as cron, systemd and a person at a terminal treat it: Ctrl-C (SIGINT to the whole
foreground group) and SIGTERM (to its PID) stop it within 10 s with no process left behind — the parsers,
Prefect's temporary server — the catalog says `interrupted`, readers still see the previous release, and
the next run does what was left (in the real parser pool, with a document over its time limit). A second
run into the same folder says so in one line and touches nothing. Real processes, real signals; the process
tree is read from /proc."""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.stopping import alive, children_of
from tests.conftest import ROOT, SAMPLES, cli_env, harness_api_url
from tests.test_bad_inputs import ruled_grid_pdf

STOP_WITHIN = 10  # seconds, the promise


@pytest.fixture(scope="module")
def slow_inbox(tmp_path_factory) -> Path:
    """Two ruled-grid PDFs that keep both parsers busy for many seconds, and a plan."""
    inbox = tmp_path_factory.mktemp("slow-inbox")
    for name, pages in [("сетка-1.pdf", 20), ("сетка-2.pdf", 21)]:
        (inbox / name).write_bytes(ruled_grid_pdf(pages, 45))
    shutil.copy(SAMPLES / "inbox" / "kuzbass_2021.txt", inbox)
    return inbox


def start_ingest(inbox: Path, out: Path, env: dict, log: Path) -> subprocess.Popen:
    """In a session of its own, so the test can signal its whole group as a terminal would."""
    with open(log, "w") as stderr:
        return subprocess.Popen([sys.executable, "-m", "flows.cli", "ingest", str(inbox), "--out", str(out),
                                 "--workers", "2"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=stderr,
                                start_new_session=True)


def kill_everything(process: subprocess.Popen) -> None:
    """After a failed check: the process and all it started (the server runs in a session of its own)."""
    for pid in [process.pid, *children_of(process.pid)]:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def runs(out: Path) -> list[tuple[str, str]]:
    try:
        with sqlite3.connect(out / "catalog.sqlite", timeout=30) as db:
            return db.execute("SELECT run_id, outcome FROM runs ORDER BY started_at").fetchall()
    except sqlite3.Error:
        return []


def wait_until_running(process: subprocess.Popen, out: Path, log: Path, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()
        if any(outcome == "running" for _, outcome in runs(out)):
            return
        time.sleep(0.1)
    raise AssertionError(f"the run never started: {log.read_text()[-2000:]}")


def wait_for_parsers(process: subprocess.Popen, count: int, timeout: float = 60) -> None:
    """The run is recorded `running` before its parser processes are started: wait until they all exist
    (on a loaded machine the second one came after the signal, and the tree held one)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sum("flows.workers" in command_of(pid) for pid in children_of(process.pid)) >= count:
            return
        time.sleep(0.05)
    raise AssertionError(f"{count} parser processes never ran")


def command_of(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def stop_and_check(process: subprocess.Popen, send, expected_code: int, log: Path) -> dict[int, str]:
    """Send the signal; the process and every descendant it had must be gone within STOP_WITHIN.
    Returns the descendants it had, with their command lines."""
    tree = {pid: command_of(pid) for pid in children_of(process.pid)}
    sent = time.monotonic()
    send()
    process.wait(timeout=60)
    took = time.monotonic() - sent
    assert process.returncode == expected_code, log.read_text()[-3000:]
    assert took < STOP_WITHIN, f"stopped after {took:.1f} s"
    deadline = time.monotonic() + 3  # time for init to reap what was killed
    while time.monotonic() < deadline and any(alive(pid) for pid in tree):
        time.sleep(0.1)
    assert [pid for pid in tree if alive(pid)] == [], "no orphans"
    text = log.read_text()
    assert "Прогон прерван" in text and "Traceback" not in text, text[-3000:]
    return tree


def test_ctrl_c_stops_ingest_and_a_second_run_meanwhile_does_nothing(slow_inbox, tmp_path, ingest_flow):
    out, log = tmp_path / "out", tmp_path / "ingest.log"
    first_inbox = tmp_path / "first"
    first_inbox.mkdir()
    shutil.copy(SAMPLES / "inbox" / "chuvashia_2022.txt", first_inbox)
    ingest_flow([first_inbox], out)  # the release readers see
    published, current = (out / "activities.jsonl").read_bytes(), os.readlink(out / "current")
    env = {**os.environ, "PREFECT_API_URL": harness_api_url()}  # a configured server, as with `serve`
    process = start_ingest(slow_inbox, out, env, log)
    try:
        wait_until_running(process, out, log)  # the parsers are loading their models; the grids wait
        second = subprocess.run([sys.executable, "-m", "flows.cli", "ingest", str(slow_inbox), "--out", str(out)],
                                cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 0
        assert second.stderr.count("\n") == 1 and "уже идёт прогон" in second.stderr
        assert f"PID {process.pid}" in second.stderr
        assert len(runs(out)) == 2, "the second run recorded nothing"
        stop_and_check(process, lambda: os.killpg(process.pid, signal.SIGINT), 130, log)
    finally:
        kill_everything(process)
    assert runs(out)[-1][1] == "interrupted"
    assert (out / "activities.jsonl").read_bytes() == published and os.readlink(out / "current") == current


def sigterm_run(tmp_path, prefect_home, to_everyone: bool) -> tuple[Path, Path, dict[int, str]]:
    """`svodka ingest` with Prefect's temporary server, stopped by SIGTERM while its parsers start."""
    inbox, out, log = tmp_path / "inbox", tmp_path / "out", tmp_path / "ingest.log"
    inbox.mkdir()
    for name in ["kuzbass_2021.txt", "chuvashia_2022.txt"]:
        shutil.copy(SAMPLES / "inbox" / name, inbox)
    (inbox / "сетки.pdf").write_bytes(ruled_grid_pdf(20, 45))  # seconds of pdfplumber, under the work limit
    process = start_ingest(inbox, out, cli_env(prefect_home()), log)

    def send():
        for pid in [process.pid, *(children_of(process.pid) if to_everyone else [])]:
            os.kill(pid, signal.SIGTERM)

    try:
        wait_until_running(process, out, log)
        wait_for_parsers(process, 2)  # still loading their models
        tree = stop_and_check(process, send, 143, log)
    finally:
        kill_everything(process)
    assert any("uvicorn" in command for command in tree.values()), "Prefect's temporary server was ended too"
    assert sum("flows.workers" in command for command in tree.values()) == 2, "and both parsers"
    assert runs(out)[-1][1] == "interrupted" and not (out / "current").exists()
    return inbox, out, tree


def test_sigterm_stops_ingest_with_its_prefect_server_and_the_next_run_finishes(tmp_path, prefect_home,
                                                                                ingest_flow):
    """SIGTERM to the PID only, as `timeout` and `kill` send it: the orphans of the issue. The next run
    parses what is left in the real parser processes, where the grids run past a small time limit: they
    are stopped and quarantined with the limit as the reason, and the night goes on."""
    inbox, out, _ = sigterm_run(tmp_path, prefect_home, to_everyone=False)
    ingest_flow([inbox], out, task_runner="processes", workers=2, document_timeout_seconds=1.5)
    documents = {d["source_file"]: d for d in map(json.loads, (out / "documents.jsonl").read_text().splitlines())}
    assert documents["kuzbass_2021.txt"]["status"] == documents["chuvashia_2022.txt"]["status"] == "ingested"
    slow = documents["сетки.pdf"]
    assert slow["status"] == "quarantined" and "шёл дольше 1.5 с" in slow["reason"], slow["reason"]
    assert [outcome for _, outcome in runs(out)] == ["interrupted", "completed"]
    assert not [pid for pid in children_of(os.getpid()) if "flows.workers" in command_of(pid)], \
        "the night's parser processes end with it"


@pytest.mark.slow
def test_sigterm_to_every_process_at_once_as_systemd_stops_a_service(tmp_path, prefect_home):
    """Slow (another `svodka ingest` with its server, ~20 s). systemd's default stop signals the server too,
    and Prefect would retry reporting the run for minutes: the watchdog exits in time, with the line."""
    sigterm_run(tmp_path, prefect_home, to_everyone=True)
