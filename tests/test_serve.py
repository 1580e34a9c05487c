"""`svodka serve` registers the nightly schedule on a local Prefect server it starts itself, the scheduled
runs happen (a 10-second interval stands in for «0 2 * * *») and each prints one summary line, the
server's web interface — at the address serve prints — lists the deployment and its runs in a real browser,
and the first Ctrl-C or SIGTERM stops it within seconds with nothing left running: not the server, not a
night in progress, not its parsers."""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from flows.stopping import alive, children_of
from tests.browser import CHROMIUM, chromium_page
from tests.conftest import ROOT, SAMPLES, cli_env
from tests.test_signals import kill_everything, runs


def wait_for(predicate, timeout: float, step: float = 0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(step)
    return None


def api_get(url: str) -> dict | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None  # not registered yet
        raise


def start_serve(tmp_path, prefect_home, inbox) -> tuple[subprocess.Popen, object, str]:
    """`svodka serve` in a session of its own; returns it, its log and its first line."""
    env = {**cli_env(prefect_home()), "PREFECT_RUNNER_POLL_FREQUENCY": "2"}  # a test need not wait 10 s a poll
    log = open(tmp_path / "serve.log", "w+")
    process = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "serve", "--inbox", str(inbox), "--out", str(tmp_path / "out"),
         "--interval", "10", "--workers", "1"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    first_line = wait_for(lambda: log.seek(0) or log.readline().strip(), timeout=240)
    assert first_line and "Prefect API" in first_line, (tmp_path / "serve.log").read_text()
    return process, log, first_line


def stopped_cleanly(process: subprocess.Popen, send) -> None:
    """The first signal ends serve within 10 s, and everything it had started with it."""
    tree = children_of(process.pid)
    sent = time.monotonic()
    send()
    process.wait(timeout=60)
    assert time.monotonic() - sent < 10
    assert wait_for(lambda: not any(alive(pid) for pid in tree), timeout=5, step=0.2), "no orphans"


def test_serve_registers_the_schedule_a_run_happens_and_ctrl_c_stops_it(tmp_path, prefect_home):
    process, log, first_line = start_serve(tmp_path, prefect_home, SAMPLES / "inbox" / "kuzbass_2021.txt")
    try:
        api = first_line.split("Prefect API ")[1].split(";")[0]
        deployment = wait_for(lambda: api_get(f"{api}/deployments/name/svodka-ingest/svodka-nightly"), 120)
        assert [s["schedule"]["interval"] for s in deployment["schedules"]] == [10.0]
        published = wait_for(lambda: (tmp_path / "out" / "documents.jsonl").exists(), timeout=240)
        assert published, (tmp_path / "serve.log").read_text()[-3000:]
        record = json.loads((tmp_path / "out" / "documents.jsonl").read_text().splitlines()[0])
        assert record["status"] == "ingested" and record["activity_count"] == 17
        summary = wait_for(lambda: [line for line in (tmp_path / "serve.log").read_text().splitlines()
                                    if " прогон " in line and "; документы: " in line], timeout=120)
        assert summary, (tmp_path / "serve.log").read_text()[-3000:]
        assert "документы: ingested 1; мероприятий 17;" in summary[0] and summary[0].endswith(" с")
        ui = first_line.split("интерфейс Prefect: ")[1].strip()
        assert ui == api.removesuffix("/api") + "/"
        if CHROMIUM.exists():
            interface_lists_the_deployment_and_its_runs(ui)
        assert len(children_of(process.pid)) >= 1, "the Prefect server it started"
        stopped_cleanly(process, lambda: os.killpg(process.pid, signal.SIGINT))  # a terminal's Ctrl-C
    finally:
        kill_everything(process)
        log.close()


@pytest.mark.slow
def test_sigterm_stops_serve_and_the_night_in_progress(tmp_path, prefect_home):
    """Slow (a Prefect server's start and a scheduled night, ~40 s): `systemctl stop` during a night."""
    from tests.test_signals import ruled_grid_pdf

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "сетка.pdf").write_bytes(ruled_grid_pdf(20, 45))
    process, log, _ = start_serve(tmp_path, prefect_home, inbox)
    try:
        running = wait_for(lambda: any(o == "running" for _, o in runs(tmp_path / "out")), timeout=240, step=0.5)
        assert running, (tmp_path / "serve.log").read_text()[-3000:]
        time.sleep(3)  # the night's parser is at the grid
        stopped_cleanly(process, lambda: process.send_signal(signal.SIGTERM))  # to the PID only, as systemd
    finally:
        kill_everything(process)
        log.close()
    assert [outcome for _, outcome in runs(tmp_path / "out")] == ["interrupted"]


def interface_lists_the_deployment_and_its_runs(ui: str) -> None:
    """Prefect's own pages, rendered by its JavaScript in Chromium: the deployment, then its runs."""
    with chromium_page() as page:
        page.open(ui + "deployments", 1400, 1000)
        text = wait_for(lambda: (t := page.evaluate("document.body.innerText")) and "svodka-nightly" in t and t,
                        timeout=90, step=1)
        assert text and "Every 10 seconds" in text  # the schedule serve registered
        page.open(ui + "runs", 1400, 1000)
        runs = wait_for(lambda: (t := page.evaluate("document.body.innerText")) and "svodka-ingest" in t
                        and "Completed" in t and t, timeout=90, step=1)
        assert runs, page.evaluate("document.body.innerText")[:2000]
