"""LibreOffice conversions (.doc, .rtf, .odt, and .xls calamine cannot read): one at a time per process,
the same bytes once, and a hung one ended with every process it started."""

import os
import threading
from pathlib import Path

import pytest

from extractors.readers import READERS, converted
from schemas import UnreadableFileError, UnsupportedFormatError
from tests.conftest import SAMPLES

# A stand-in for LibreOffice: how long a conversion runs and whether it hangs are what is tested, and
# the real one cannot be made to hang on purpose. It logs start and end, then «converts» by copying a
# sample of the format asked for.
FAKE_SOFFICE = """#!/bin/sh
echo "start $(date +%s.%N)" >> "{log}"
{hang}
sleep 0.2
target=docx; sample="{docx}"
for arg; do [ "$previous" = "--convert-to" ] && target="$arg"; previous="$arg"; last="$arg"; done
[ "$target" = xlsx ] && sample="{xlsx}"
cp "$sample" "$(dirname "$last")/$(basename "${{last%.*}}").$target"
echo "end $(date +%s.%N)" >> "{log}"
"""


def fake_office(tmp_path, monkeypatch, hang: str = "") -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "soffice"
    script.write_text(FAKE_SOFFICE.format(log=tmp_path / "log", hang=hang, xlsx=SAMPLES / "inbox" / "perm_2024.xlsx",
                                          docx=SAMPLES / "inbox" / "sverdlovsk_2023.docx"))
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}:{os.environ['PATH']}")
    return tmp_path / "log"


def test_conversions_in_one_process_run_one_at_a_time(tmp_path, monkeypatch):
    log = fake_office(tmp_path, monkeypatch)
    files = [tmp_path / f"{n}.rtf" for n in range(3)]
    for n, path in enumerate(files):
        path.write_bytes(b"{\\rtf1 plan %d}" % n)  # three contents: the same bytes would be converted once
    threads = [threading.Thread(target=READERS["rtf"], args=(path,)) for path in files]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    events = [line.split() for line in log.read_text().splitlines()]
    assert [kind for kind, _ in events] == ["start", "end"] * 3  # never two starts in a row


def test_the_same_bytes_are_converted_once(tmp_path, monkeypatch):
    log = fake_office(tmp_path, monkeypatch)
    (tmp_path / "a.rtf").write_bytes(b"{\\rtf1 the same plan}")
    (tmp_path / "copy.doc").write_bytes(b"{\\rtf1 the same plan}")
    assert READERS["rtf"](tmp_path / "a.rtf") == READERS["doc"](tmp_path / "copy.doc")
    assert log.read_text().count("start") == 1


def test_a_hung_conversion_is_ended_with_its_children(tmp_path, monkeypatch):
    children = tmp_path / "children"
    fake_office(tmp_path, monkeypatch, hang=f'sleep 300 & echo $! > "{children}"; wait')
    monkeypatch.setattr(converted, "CONVERSION_TIMEOUT", 3)  # time for the script to start its child on a busy machine
    (tmp_path / "a.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UnreadableFileError):
        READERS["doc"](tmp_path / "a.doc")
    assert not alive(int(children.read_text()))


def alive(pid: int) -> bool:
    """Running or sleeping; a killed child whose new parent has not reaped it yet is a zombie («Z»)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")


def test_an_xls_calamine_cannot_read_goes_through_libreoffice(tmp_path, monkeypatch):
    log = fake_office(tmp_path, monkeypatch)
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))  # no book inside
    content = READERS["xls"](tmp_path / "old.xls")
    assert content.format == "xls" and len(content.tables[0].rows) > 20
    assert log.read_text().count("start") == 1


def test_without_libreoffice_such_an_xls_asks_to_be_saved_as_xlsx(tmp_path, monkeypatch):
    monkeypatch.setattr(converted, "libreoffice", lambda: None)
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(UnsupportedFormatError, match="сохраните как XLSX"):
        READERS["xls"](tmp_path / "old.xls")
