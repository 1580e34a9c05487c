"""The administrator's side: `make run` says what it does while it installs and installs only what the product
needs, `make test` adds the developer's tools, and the system packages (LibreOffice, Tesseract, Chromium)
are installed with one `apt-get update` and one `apt-get install` when missing and root — and otherwise
named, without failing."""

import os
import subprocess
from pathlib import Path

from tests.conftest import ROOT

SCRIPT = ROOT / "scripts" / "system-packages.sh"


def dry_run(target: str) -> str:
    """The commands `make TARGET` would run on a fresh clone (a virtual environment that does not exist yet)."""
    result = subprocess.run(["make", "-n", target, "VENV=/nonexistent/venv"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_run_says_each_step_and_installs_only_the_runtime():
    commands = dry_run("run")
    steps = [line for line in commands.splitlines() if line.startswith("echo \"==> ")]
    assert len(steps) >= 4, commands
    assert "-e ." in commands and ".[dev]" not in commands
    assert "svodka ingest samples/inbox --out data" in commands


def test_make_test_adds_the_developer_tools():
    commands = dry_run("test")
    assert "-e '.[dev]'" in commands and "pytest" in commands


def stubs(folder: Path, user: int, installed: set[str]) -> dict:
    """A PATH where `id -u`, `dpkg-query` and `apt-get` are stand-ins that record what they were asked."""
    folder.mkdir()
    (folder / "id").write_text(f"#!/bin/sh\necho {user}\n")
    known = " ".join(sorted(installed))
    (folder / "dpkg-query").write_text(
        f'#!/bin/sh\nfor a in "$@"; do for p in {known}; do [ "$a" = "$p" ] && echo "install ok installed" && exit 0;'
        ' done; done\nexit 1\n')
    (folder / "apt-get").write_text(f'#!/bin/sh\necho "$@" >> {folder}/apt-get.log\n')
    for stub in folder.iterdir():
        stub.chmod(0o755)
    return {**os.environ, "PATH": f"{folder}:{os.environ['PATH']}"}


def test_as_root_the_missing_packages_are_installed_in_one_go(tmp_path):
    env = stubs(tmp_path / "bin", 0, {"chromium", "tesseract-ocr"})
    result = subprocess.run(["sh", str(SCRIPT), "office", "ocr", "browser"], env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0
    calls = (tmp_path / "bin" / "apt-get.log").read_text().splitlines()
    assert calls == ["update -qq", "install -y -qq libreoffice-writer-nogui libreoffice-calc-nogui "
                                   "tesseract-ocr-rus tesseract-ocr-osd fonts-dejavu-core"]
    assert "устанавливаю системные пакеты" in result.stdout


def test_without_root_it_names_what_is_missing_and_does_not_fail(tmp_path):
    env = stubs(tmp_path / "bin", 1000, set())
    result = subprocess.run(["sh", str(SCRIPT), "office", "ocr"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and not (tmp_path / "bin" / "apt-get.log").exists()
    assert "не установлены: libreoffice-writer-nogui libreoffice-calc-nogui tesseract-ocr tesseract-ocr-rus" in \
        result.stdout
    assert "Svodka работает и без них" in result.stdout


def test_nothing_to_do_when_everything_is_there(tmp_path):
    packages = {"libreoffice-writer-nogui", "libreoffice-calc-nogui", "tesseract-ocr", "tesseract-ocr-rus",
                "tesseract-ocr-osd"}
    env = stubs(tmp_path / "bin", 0, packages)
    result = subprocess.run(["sh", str(SCRIPT), "office", "ocr"], env=env, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout) == (0, "")
    assert not (tmp_path / "bin" / "apt-get.log").exists()


def test_ci_runs_what_a_person_runs():
    assert (ROOT / ".ci" / "run").read_text().strip().splitlines()[-1] == "make test"
