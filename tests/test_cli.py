"""The `svodka` command line as a person and a script use it: Russian help with defaults and examples, one
Russian line and exit code 2 for a mistake, machine-readable answers. Most checks call `main` in-process;
one runs the installed entry point as a real process."""

import json
import subprocess
import sys
from datetime import datetime

import pytest

from flows.cli import build_parser, main
from tests.conftest import ROOT

COMMANDS = ["extract", "ingest", "serve", "status", "query", "compare", "coverage", "deadlines", "report"]
ENGLISH = ["usage:", "options:", "show this help", "positional arguments", "default:", "error:", "show program"]


def run(capsys, *argv) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:
        code = stop.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("name", [None, *COMMANDS])
def test_help_is_russian_with_defaults_and_examples(capsys, name):
    code, out, _ = run(capsys, *([name] if name else []), "-h")
    assert code == 0
    assert out.startswith("Использование: svodka")
    assert not [word for word in ENGLISH if word in out], out
    assert "Примеры:" in out
    if name in ("ingest", "query", "deadlines", "status"):
        assert "(по умолчанию: data)" in out


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("svodka 0.1.0 (версия разбора ")


@pytest.mark.parametrize(("argv", "expected"), [
    (["ingest", "samples/inbox", "--out", "pyproject.toml"], "--out: pyproject.toml — это файл"),
    (["ingest", "samples/inbox", "--workers", "0"], "--workers: нужно целое число не меньше 1, а не «0»"),
    (["compare"], "не хватает обязательных аргументов: --category"),
    (["query", "select 1", "--format", "xml"], "недопустимое значение 'xml' (можно: 'table', 'csv', 'json')"),
    (["deadlines", "--as-of", "32.13.2021"], "«32.13.2021» — не дата"),
    (["нет-такой"], "недопустимое значение 'нет-такой'"),
    (["ingest", "no/such/inbox"], "Не найдены: no/such/inbox"),
    (["extract", "samples"], "samples — это папка, а не файл"),
    (["extract", "no/such.docx"], "Файл не найден: no/such.docx"),
])
def test_a_mistake_is_one_russian_line_and_exit_code_2(capsys, monkeypatch, argv, expected):
    monkeypatch.chdir(ROOT)
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and expected in err, err


def test_query_as_csv(capsys, analyst_night):
    code, out, _ = run(capsys, "query", "select 1 as x", "--format", "csv", "--out", str(analyst_night[2]))
    assert (code, out) == (0, "x\n1\n")


def test_compare_by_a_russian_name(capsys, analyst_night):
    code, out, _ = run(capsys, "compare", "--category", "Горячая линия", "--out", str(analyst_night[2]))
    assert code == 0 and out.startswith("«Горячая линия и обращения» (hotline): есть в планах 10 из 10 регионов.")


def test_an_unknown_category_lists_the_russian_names(capsys, analyst_night):
    code, _, err = run(capsys, "compare", "--category", "космос", "--out", str(analyst_night[2]))
    assert code == 2 and "«Горячая линия и обращения»" in err and "hotline" not in err


def test_coverage_of_2021_lists_who_sent_a_plan_and_who_did_not(capsys, analyst_night):
    code, out, _ = run(capsys, "coverage", "--year", "2021", "--out", str(analyst_night[2]))
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == ("Выборы 2021 года: из 89 субъектов план прислали 5, прислали, но файл не прочитан — 0, "
                        "ничего не прислали — 84.")
    assert "План есть (5):" in lines and "Ничего не прислано (84):" in lines
    assert "  42  Кемеровская область — Кузбасс — kuzbass_2021.txt — 17 мероприятий" in lines
    assert "  01  Республика Адыгея (Адыгея)" in lines
    assert lines[-1].startswith("Другие выборы: 2026 (план у 1), 2024 (план у 2), 2023 (план у 1), 2022 (план у 1)")
    code, out, _ = run(capsys, "coverage", "--out", str(analyst_night[2]))
    assert out.startswith("Выборы 2026 года")  # the latest election in the dataset (Omsk's plan)
    code, out, _ = run(capsys, "coverage", "--year", "2024", "--out", str(analyst_night[2]))
    assert "  70  Томская область — plan_tomsk_2024.docx — Файл назван" in out
    code, _, err = run(capsys, "coverage", "--year", "1999", "--out", str(analyst_night[2]))
    assert code == 2 and err.strip() == "В наборе нет выборов 1999 года. Есть: 2026, 2024, 2023, 2022, 2021"


def test_coming_deadlines_as_of_a_day(capsys, analyst_night):
    code, out, _ = run(capsys, "deadlines", "--as-of", "01.09.2021", "--days", "10", "--format", "json",
                       "--out", str(analyst_night[2]))
    found = json.loads(out)
    assert code == 0 and found
    assert found[0]["срок"] == "с 01.09.2021" and found[0]["дней_до_срока"] == 0
    assert all(0 <= row["дней_до_срока"] <= 121 for row in found)


def test_report_as_of_a_day(capsys, analyst_night, tmp_path):
    target = tmp_path / "отчёт.html"
    code, out, _ = run(capsys, "report", "--as-of", "2021-09-01", "--to", str(target), "--out", str(analyst_night[2]))
    assert code == 0 and str(target) in out
    assert "отчёт на 01.09.2021" in target.read_text(encoding="utf-8")


def test_status_has_times_with_their_zone_and_durations(capsys, analyst_night):
    night = analyst_night[2].parent / "night"
    code, out, _ = run(capsys, "status", "--out", str(night))
    zone = datetime.now().astimezone().tzname()
    assert code == 0 and f" {zone}" in out and ", длился " in out
    code, out, _ = run(capsys, "status", "--json", "--out", str(night))
    found = json.loads(out)
    run_ = found["runs"][-1]
    assert datetime.fromisoformat(run_["started_at"]).tzinfo is not None
    assert run_["duration_seconds"] > 0 and run_["summary"]["activities_total"] == len(analyst_night[0])
    assert {f["status"] for f in found["files"]} == {"ingested", "quarantined"}


def test_the_installed_command_runs(analyst_night):
    """The real entry point in its own process: the same answer as in-process."""
    result = subprocess.run([sys.executable, "-m", "flows.cli", "query", "select 1 as x", "--format", "csv",
                             "--out", str(analyst_night[2])], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stdout, result.stderr) == (0, "x\n1\n", "")


def test_every_command_has_a_handler():
    parser = build_parser()
    for name in COMMANDS:
        assert parser.parse_args([name, *({"extract": ["f"], "ingest": ["i"], "serve": ["--inbox", "i"],
                                           "query": ["q"], "compare": ["--category", "c"]}.get(name, []))]).handler
