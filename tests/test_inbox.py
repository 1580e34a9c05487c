"""The inbox as upload tools and administrators leave it: files renamed and rewritten while the night
reads them, uploads still growing, links pointing anywhere. Every entry is accounted for, nothing is
parsed half-written, nothing outside the inbox is read, and the originals store holds only bytes that
match their names. Real files, real processes writing and renaming them."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.inbox import scan_inboxes
from pipeline.night import run_night
from pipeline.originals import take_uploads
from pipeline.settings import Settings
from pipeline.status import status_to_text
from tests.conftest import SAMPLES

KUZBASS = SAMPLES / "inbox" / "kuzbass_2021.txt"


def records(out: Path) -> dict[str, dict]:
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["source_file"]: r for r in map(json.loads, lines)}


def assert_originals_match_their_names(out: Path) -> None:
    """`originals/<sha256>.<extension>`: the bytes kept are the bytes named."""
    for path in (out / "originals").iterdir():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name.split(".")[0], path


def test_every_kind_of_link_is_recorded_and_none_outside_is_followed(tmp_path):
    inbox, outside = tmp_path / "inbox", tmp_path / "elsewhere"
    (inbox / "sub").mkdir(parents=True)
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text("пароль от всего", encoding="utf-8")
    shutil.copy(KUZBASS, inbox / "kuzbass_2021.txt")
    (inbox / "на секрет.txt").symlink_to(secret)
    (inbox / "в никуда.docx").symlink_to(inbox / "нет такого.docx")
    (inbox / "петля-1").symlink_to(inbox / "петля-2")
    (inbox / "петля-2").symlink_to(inbox / "петля-1")
    (inbox / "папка снаружи").symlink_to(outside)
    (inbox / "папка внутри").symlink_to(inbox / "sub")
    (inbox / "sub" / "та же кузбасс.txt").symlink_to(inbox / "kuzbass_2021.txt")
    os.mkfifo(inbox / "канал")  # opening it would hang the night for ever
    out = tmp_path / "out"
    summary = run_night([inbox], Settings(out_dir=out, workers=1))
    found = records(out)
    expected = {
        "kuzbass_2021.txt": ("ingested", None),
        "та же кузбасс.txt": ("duplicate", "Точная копия"),  # a link inside the inbox is read like its file
        "на секрет.txt": ("quarantined", f"ссылка на файл вне папки входящих ({secret})"),
        "в никуда.docx": ("quarantined", "никуда не ведёт"),
        "петля-1": ("quarantined", "петля ссылок"),
        "петля-2": ("quarantined", "петля ссылок"),
        "папка снаружи": ("quarantined", "ссылка на папку"),
        "папка внутри": ("quarantined", "ссылка на папку"),
        "канал": ("quarantined", "именованный канал"),
    }
    assert set(found) == set(expected) and summary.files_seen == len(expected)
    for name, (status, fragment) in expected.items():
        assert found[name]["status"] == status, (name, found[name])
        assert fragment is None or fragment in found[name]["reason"], found[name]["reason"]
    secret_id = hashlib.sha256(secret.read_bytes()).hexdigest()
    assert not list((out / "originals").glob(secret_id + "*")), "nothing outside the inbox is copied in"


GROWER = """
import sys, time
data = open(sys.argv[1], "rb").read()
with open(sys.argv[2], "wb") as f:
    for i in range(0, len(data), 400):
        f.write(data[i:i + 400]); f.flush(); time.sleep(0.15)
"""


def test_a_file_still_being_written_waits_and_is_taken_once_complete(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    shutil.copy(SAMPLES / "variants" / "khabarovsk_2021.txt", inbox / "khabarovsk_2021.txt")  # new, complete
    writer = subprocess.Popen([sys.executable, "-c", GROWER, str(KUZBASS), str(inbox / "kuzbass_2021.txt")])
    try:
        time.sleep(0.5)
        started = time.monotonic()
        run_night([inbox], Settings(out_dir=out, workers=1, upload_settle_seconds=1.0))
        assert time.monotonic() - started < 20
    finally:
        writer.wait(timeout=60)
    night_one = records(out)
    assert night_one["khabarovsk_2021.txt"]["status"] == "ingested", "a complete file is taken however new"
    growing = night_one["kuzbass_2021.txt"]
    assert growing["status"] == "waiting" and "ещё загружается" in growing["reason"]
    assert growing["document_id"] is None
    run_night([inbox], Settings(out_dir=out, workers=1, upload_settle_seconds=1.0))
    night_two = records(out)
    assert night_two["kuzbass_2021.txt"]["status"] == "ingested"
    assert night_two["kuzbass_2021.txt"]["activity_count"] == 17
    assert_originals_match_their_names(out)


def test_a_quarantined_half_upload_leaves_the_view_when_the_whole_file_arrives(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    whole = (SAMPLES / "variants" / "kuzbass_2021.docx").read_bytes()
    (inbox / "план.docx").write_bytes(whole[: len(whole) // 2])  # the tool stalled, the file looked still
    run_night([inbox], Settings(out_dir=out, workers=1))
    assert records(out)["план.docx"]["status"] == "quarantined"
    (inbox / "план.docx").write_bytes(whole)
    run_night([inbox], Settings(out_dir=out, workers=1))
    assert [(r["source_file"], r["status"]) for r in records(out).values()] == [("план.docx", "ingested")]
    shown = status_to_text(out)  # the catalog still has it, as replaced
    assert "replaced" in shown and "Заменён файлом с тем же именем" in shown


RENAMER = """
import os, sys, time
folder = sys.argv[1]
end = time.monotonic() + float(sys.argv[2])
while time.monotonic() < end:
    for i in range(40):
        a, b = os.path.join(folder, f"r{i}.txt"), os.path.join(folder, f"r{i}.part")
        try:
            os.rename(a, b) if os.path.exists(a) else os.rename(b, a)
        except OSError:
            pass
    with open(os.path.join(folder, "rewritten.txt"), "wb") as f:
        f.write(os.urandom(5000))
"""


def test_files_renamed_and_rewritten_during_the_scan_never_break_it(tmp_path):
    inbox, originals = tmp_path / "inbox", tmp_path / "originals"
    inbox.mkdir()
    for i in range(40):
        (inbox / f"r{i}.txt").write_bytes(os.urandom(20_000))
    for i in range(20):
        (inbox / f"steady{i}.txt").write_bytes(os.urandom(20_000))
    renamer = subprocess.Popen([sys.executable, "-c", RENAMER, str(inbox), "1.5"])
    try:
        time.sleep(0.3)
        for _ in range(3):  # three scans while the renamer works
            looked_at = time.time()
            scan = scan_inboxes([inbox])
            sources, not_taken = take_uploads(scan, originals, 0.0, looked_at)
            names = [s.name for s in sources] + [r.source_file for r in scan.turned_away + not_taken]
            assert {f"steady{i}.txt" for i in range(20)} <= {s.name for s in sources}
            assert len(names) == len(set(names)) >= 60, "every entry seen is accounted for, once"
            assert {r.status for r in scan.turned_away + not_taken} <= {"waiting"}
    finally:
        renamer.wait(timeout=30)
    for path in originals.iterdir():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name.split(".")[0]
    assert not [p for p in originals.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("name", ["план.docx.part", "план.docx.crdownload", "отчёт.tmp", ".план.docx.a1B2c3",
                                  "~$план.docx", ".~lock.план.docx#"])
def test_temporary_names_wait(tmp_path, name):
    (tmp_path / name).write_bytes(KUZBASS.read_bytes())
    scan = scan_inboxes([tmp_path])
    assert scan.uploads == [] and [r.status for r in scan.turned_away] == ["waiting"]
