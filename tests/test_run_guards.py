"""Before and around a run: arguments no run could use get one Russian line and exit code 2 before anything
starts; one run at a time per output folder, a lock a dead run cannot keep; a run killed outright is
recorded as interrupted by the next one."""

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from pipeline.night import run_night
from pipeline.preflight import run_problem
from pipeline.run_lock import RunInProgressError, run_lock
from pipeline.settings import Settings
from tests.conftest import ROOT, SAMPLES

INBOX = str(SAMPLES / "inbox")


def svodka_quick(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)


def read_only_folder(tmp_path: Path) -> Path:
    """Root passes every permission check: then a read-only file system stands in."""
    if os.geteuid() == 0:
        return Path("/sys/svodka-out")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    return folder / "out"


@pytest.mark.parametrize(("case", "fragment"), [
    ("out is a file", "это файл, а набор публикуется в папку"),
    ("out is read-only", "в эту папку нельзя записывать"),
    ("no inbox", "Не найдены: "),
])
def test_folders_no_run_could_use_are_refused_in_one_line(tmp_path, case, fragment):
    (tmp_path / "a file").write_text("x")
    out = {"out is a file": tmp_path / "a file", "out is read-only": read_only_folder(tmp_path)}.get(case, tmp_path)
    problem = run_problem([tmp_path / "nowhere"] if case == "no inbox" else [SAMPLES / "inbox"], out)
    assert problem is not None and fragment in problem.text and "\n" not in problem.text


@pytest.mark.parametrize(("args", "fragment"), [
    (["ingest", INBOX, "--workers", "0"], "нужно целое число не меньше 1"),
    (["ingest", INBOX, "--document-timeout", "0"], "нужно число секунд больше нуля"),
    (["serve", "--inbox", INBOX, "--out", "/sys/svodka-out"], "в эту папку нельзя записывать"),
])
def test_the_cli_says_it_in_one_line_with_exit_2_before_anything_starts(args, fragment):
    started = time.monotonic()
    result = svodka_quick(*args)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and fragment in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert time.monotonic() - started < 20, "refused before Prefect or the parsers start"


HOLDER = """
import sys, time
from pathlib import Path
from pipeline.run_lock import run_lock
with run_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold_lock(out: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(out), str(seconds)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_a_second_run_says_who_holds_the_folder_and_touches_nothing(tmp_path):
    out = tmp_path / "out"
    holder = hold_lock(out, 30)
    try:
        result = svodka_quick("ingest", INBOX, "--out", str(out))
        assert result.returncode == 0 and f"PID {holder.pid}" in result.stderr and "--wait" in result.stderr
        assert sorted(p.name for p in out.iterdir()) == [".svodka.lock"]
        with pytest.raises(RunInProgressError):
            run_night([SAMPLES / "inbox"], Settings(out_dir=out, workers=1))
    finally:
        holder.kill()
        holder.wait()


def test_wait_takes_the_folder_when_the_other_run_ends(tmp_path):
    out = tmp_path / "out"
    holder = hold_lock(out, 1.5)
    told, got = [], threading.Event()

    def second_run():
        with run_lock(out, wait=True, on_wait=told.append):
            got.set()

    waiter = threading.Thread(target=second_run)
    waiter.start()
    assert not got.wait(0.5), "it waits while the other run holds the folder"
    holder.wait(timeout=30)
    waiter.join(timeout=30)
    assert got.is_set() and [t["pid"] for t in told] == [holder.pid]


KILLED_MID_RUN = """
import os, signal, sys
from pathlib import Path
from pipeline.night import prepare_night
from pipeline.run_lock import run_lock
from pipeline.settings import Settings
with run_lock(Path(sys.argv[2])):
    prepare_night([Path(sys.argv[1])], Settings(out_dir=Path(sys.argv[2]), workers=1))
    os.kill(os.getpid(), signal.SIGKILL)  # kill -9 in the middle of the night: no handler runs
"""


def test_a_run_killed_outright_frees_the_folder_and_is_recorded_interrupted(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    shutil.copy(SAMPLES / "inbox" / "kuzbass_2021.txt", inbox)
    killed = subprocess.run([sys.executable, "-c", KILLED_MID_RUN, str(inbox), str(out)], cwd=ROOT, timeout=120)
    assert killed.returncode == -9
    assert json.loads((out / ".svodka.lock").read_text())["pid"] > 0, "the dead holder's name stays in the file"
    summary = run_night([inbox], Settings(out_dir=out, workers=1))  # the lock died with its holder
    from pipeline.catalog import Catalog

    catalog = Catalog(out / "catalog.sqlite")
    try:
        assert [run["outcome"] for run in catalog.runs()] == ["interrupted", "completed"]
    finally:
        catalog.close()
    assert summary.documents_by_status == {"ingested": 1}
