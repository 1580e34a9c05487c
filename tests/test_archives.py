"""Archives: every file in a ZIP (whatever the ZIP is called) is read as a document of its own, named
«archive!path» with the archive in its record; files not taken out are listed in the archive's record
with the reason; the upload limits hold for members; members are read again on a later re-parse."""

import io
import json
import shutil
import stat
import time
import zipfile
from pathlib import Path

import pytest

from pipeline.archives import members_of, with_archive_members
from pipeline.inbox import scan_inboxes
from pipeline.night import run_night
from pipeline.originals import take_uploads
from pipeline.settings import Settings
from tests.conftest import SAMPLES

FORMS = SAMPLES / "forms"
PLAN_DOCX = (SAMPLES / "variants" / "kuzbass_2021.docx").read_bytes()


def records_by_name(out: Path) -> dict[str, dict]:
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["source_file"]: r for r in map(json.loads, lines)}


def zip_of(members: list[tuple[zipfile.ZipInfo | str, bytes]], method=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for info, data in members:
            archive.writestr(info, data)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def archive_night(tmp_path_factory):
    inbox = tmp_path_factory.mktemp("inbox")
    shutil.copy(FORMS / "планы_штабов.zip", inbox)
    shutil.copy(FORMS / "план.pdf", inbox)
    (inbox / "kuzbass.docx").write_bytes(PLAN_DOCX)  # sent alone and inside an archive
    (inbox / "всё.zip").write_bytes(zip_of([("kuzbass.docx", PLAN_DOCX)]))
    out = tmp_path_factory.mktemp("out")
    summary = run_night([inbox], Settings(out_dir=out, workers=1))
    return inbox, out, summary


def test_each_plan_in_an_archive_is_a_document_named_after_the_archive(archive_night):
    _, out, _ = archive_night
    records = records_by_name(out)
    volgograd = records["планы_штабов.zip!Волгоградская область - план штаба 2024.docx"]
    kaluga = records["планы_штабов.zip!Калужская область/План ОШ 2022.pdf"]
    assert (volgograd["status"], volgograd["activity_count"], volgograd["archive"]) == ("ingested", 9,
                                                                                         "планы_штабов.zip")
    assert (kaluga["status"], kaluga["activity_count"], kaluga["region_number"]) == ("ingested", 10, "40")
    activities = [json.loads(line) for line in (out / "activities.jsonl").read_text().splitlines()]
    assert {a["source_file"] for a in activities if a["document_id"] == kaluga["document_id"]} == {
        "планы_штабов.zip!Калужская область/План ОШ 2022.pdf"}


def test_the_night_counts_the_uploads_not_the_files_inside_them(archive_night):
    inbox, _, summary = archive_night
    assert summary.files_seen == len(list(inbox.iterdir())) == 4


def test_members_that_are_not_plans_say_why(archive_night):
    _, out, _ = archive_night
    records = records_by_name(out)
    logo, letter = records["планы_штабов.zip!логотип.jpg"], records["планы_штабов.zip!сопроводительное письмо.txt"]
    assert logo["status"] == letter["status"] == "quarantined"
    assert "изображение" in logo["reason"] and "не план" in letter["reason"]
    archive = records["планы_штабов.zip"]
    assert archive["status"] == "unpacked" and "ZIP-архив: файлов в нём 4" in archive["reason"]


def test_a_zip_named_pdf_is_an_archive_and_its_cp866_member_name_is_read(archive_night):
    _, out, _ = archive_night
    records = records_by_name(out)
    assert records["план.pdf"]["status"] == "unpacked" and "архив" in records["план.pdf"]["reason"]
    tver = records["план.pdf!План ОП Тверской области 2022.docx"]
    assert tver["status"] == "ingested" and tver["activity_count"] == 9 and tver["archive"] == "план.pdf"


def test_members_are_read_again_from_the_originals_without_the_inbox(archive_night, tmp_path):
    inbox, out, _ = archive_night
    copy = tmp_path / "out"
    shutil.copytree(out, copy, symlinks=True)
    empty = tmp_path / "empty inbox"
    empty.mkdir()
    run_night([empty], Settings(out_dir=copy, workers=1, reprocess="all"))
    before, after = records_by_name(out), records_by_name(copy)
    assert after.keys() == before.keys()
    for name, record in before.items():
        assert after[name]["status"] == record["status"], name
        assert after[name]["activity_count"] == record["activity_count"], name
        assert after[name]["archive"] == record["archive"], name


def test_a_plan_sent_alone_and_in_an_archive_is_one_content(archive_night):
    _, out, _ = archive_night
    records = records_by_name(out)
    statuses = {records["kuzbass.docx"]["status"], records["всё.zip!kuzbass.docx"]["status"]}
    assert statuses == {"ingested", "duplicate"}


def link(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


# member → a fragment of the reason it is not taken out (None: taken out, under that name)
MEMBERS = [
    ("план.docx", PLAN_DOCX, None),
    ("../../etc/план.docx", PLAN_DOCX, "за пределы архива"),
    ("/абсолютный.docx", PLAN_DOCX, "за пределы архива"),
    (link("ссылка.docx"), b"/etc/passwd", "ссылка"),
    ("бомба.txt", b"\0" * (3 * 2**19), "zip-бомб"),
    ("большой.txt", bytes(range(256)) * 2**12 * 3, "при пределе 2 МБ"),
    ("вложенный.bin", zip_of([("a.txt", b"text")]), "архив внутри архива"),
    ("__MACOSX/._план.docx", b"\0\5\26\7", "служебных файлов"),
]


def test_limits_hold_for_every_member(tmp_path):
    path = tmp_path / "a.zip"
    path.write_bytes(zip_of([(info, data) for info, data, _ in MEMBERS]))
    outcomes = dict(members_of(path, Settings(out_dir=tmp_path, max_file_mb=2)))
    assert isinstance(outcomes.pop("план.docx"), bytes)
    reasons = " | ".join(message.text for message in outcomes.values())
    for _, _, fragment in MEMBERS:
        assert fragment is None or fragment in reasons, fragment


def test_an_encrypted_member_is_not_taken_out(tmp_path):
    """Python cannot write an encrypted ZIP: set the «encrypted» flag in both headers of a one-file ZIP."""
    data = bytearray(zip_of([("закрытый.docx", PLAN_DOCX)]))
    for header, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        data[data.index(header) + flag_offset] |= 0x1
    (tmp_path / "a.zip").write_bytes(bytes(data))
    [(name, outcome)] = members_of(tmp_path / "a.zip", Settings(out_dir=tmp_path))
    assert "защищён паролем" in outcome.text


@pytest.mark.parametrize(("name", "encoding"), [("План ОП 2022.docx", "cp866"), ("План ОП 2022.docx", "utf-8")])
def test_member_names_without_the_utf8_flag_are_decoded(tmp_path, name, encoding):
    """Windows' «compressed folder» writes the OEM code page (cp866), macOS UTF-8, neither sets the flag."""
    placeholder = "x" * len(name.encode(encoding))
    data = zip_of([(placeholder, PLAN_DOCX)]).replace(placeholder.encode(), name.encode(encoding))
    (tmp_path / "a.zip").write_bytes(data)
    assert [member for member, _ in members_of(tmp_path / "a.zip", Settings(out_dir=tmp_path))] == [name]


def test_members_are_stored_by_content_and_listed_after_their_archive(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.zip").write_bytes(zip_of([("x/план.docx", PLAN_DOCX), ("../bad.docx", PLAN_DOCX)]))
    settings = Settings(out_dir=tmp_path / "out")
    uploads, _ = take_uploads(scan_inboxes([tmp_path / "in"]), settings.out_dir / "originals", 0, time.time())
    sources = with_archive_members(uploads, settings)
    assert [s.name for s in sources] == ["a.zip", "a.zip!x/план.docx"]
    member = sources[1]
    assert member.path == tmp_path / "out" / "originals" / member.document_id and member.path.read_bytes() == PLAN_DOCX
    assert (member.format, member.archive) == ("docx", "a.zip")
    assert with_archive_members(sources, settings) == sources  # once only


def test_a_member_zip_bomb_is_refused_without_inflating_it(tmp_path):
    path = tmp_path / "bomb.zip"
    path.write_bytes(zip_of([(f"слой{i}.txt", b"\0" * (20 * 2**20)) for i in range(3)]))
    outcomes = [outcome for _, outcome in members_of(path, Settings(out_dir=tmp_path))]
    assert all(not isinstance(o, bytes) for o in outcomes)
    assert "zip-бомб" in outcomes[0].text
