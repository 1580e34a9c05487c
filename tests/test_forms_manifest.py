"""The forms plans arrive in (samples/forms, three in the demo inbox) against `samples/FORMS_MANIFEST.json`:
Excel, LibreOffice conversions, macro and template Word, Strict OOXML, web pages, archives and the inputs
that must be refused for their real reason. Each plan's activities row by row as written; each refusal
with the reason the manifest names. (The DOCX/PDF/pasted-text structures have their own readers.)"""

import json

import pytest

from pipeline.archives import with_archive_members
from pipeline.inbox import fingerprint
from pipeline.parse import parse_source
from pipeline.settings import Settings
from tests.conftest import ROOT
from tests.goldens import parse_sample

MANIFEST = json.loads((ROOT / "samples" / "FORMS_MANIFEST.json").read_text(encoding="utf-8"))
FIELDS = ["seq", "section", "title", "description", "note", "deadline_raw", "responsible_raw"]
READER_FORMS = {
    "samples/inbox/perm_2024.xlsx", "samples/forms/rostov_2023_razdely.xlsx",
    "samples/forms/bashkortostan_2024.xlsm", "samples/forms/krasnodar_2021.xls",
    "samples/forms/primorye_2025.ods", "samples/inbox/tyumen_2021.doc", "samples/forms/leningrad_2022.rtf",
    "samples/forms/yakutia_2023.odt", "samples/forms/altai_2024.docm", "samples/forms/belgorod_2025.dotx",
    "samples/forms/yaroslavl_2021.dotm", "samples/forms/chelyabinsk_2023_strict.docx",
    "samples/forms/kursk_2024.htm", "samples/forms/kursk_2024_web.doc", "samples/forms/irkutsk_2023.html",
    "samples/forms/nizhny_2026.mht", "samples/forms/tomsk_news.html", "samples/forms/планы_штабов.zip",
    "samples/forms/план.pdf", "samples/forms/udmurtia_2024_password.docx",
    "samples/forms/penza_2023_password.xlsx", "samples/forms/smolensk_2022_photo.jpg",
    "samples/forms/zabaikalye_2025_header_only.xlsx",
}
AWAITING: dict[str, str] = {}  # expectations not met yet: strict xfail, so meeting them shows here


def entries():
    for entry in MANIFEST["files"]:
        if entry["path"].split("!")[0] in READER_FORMS:
            marks = [pytest.mark.xfail(strict=True, reason=AWAITING[entry["path"]])] if entry["path"] in AWAITING else []
            yield pytest.param(entry, id=entry["path"].removeprefix("samples/"), marks=marks)


@pytest.fixture(scope="module")
def archive_members(tmp_path_factory) -> dict[str, object]:
    """Each archive member's parse, by its manifest path «samples/forms/archive!member»."""
    settings = Settings(out_dir=tmp_path_factory.mktemp("out"))
    archives = [fingerprint(ROOT / path) for path in READER_FORMS if path.endswith((".zip", "план.pdf"))]
    return {f"samples/forms/{s.name}": parse_source(s, settings)
            for s in with_archive_members(archives, settings) if s.archive}


@pytest.mark.parametrize("entry", list(entries()))
def test_form_reads_as_the_manifest_says(entry, archive_members, nlp_loaded):
    path = entry["path"]
    parsed = archive_members[path] if "!" in path else parse_sample(ROOT / path)
    record = parsed.record
    if "expected_status" in entry:
        assert record.status == entry["expected_status"], record.reason
    elif entry["format"] == "zip":
        assert record.status == "unpacked"
    else:
        assert record.status == "ingested", record.reason
    assert entry.get("expected_reason_contains", "") in (record.reason or "")
    assert len(parsed.activities) == entry["expected_activity_count"] == len(entry["activities"])
    for number, (activity, expected) in enumerate(zip(parsed.activities, entry["activities"]), 1):
        assert {f: getattr(activity, f) for f in FIELDS} == {f: expected.get(f) for f in FIELDS}, f"row {number}"


def test_every_member_of_the_archives_has_a_manifest_record(archive_members):
    listed = {e["path"] for e in MANIFEST["files"] if "!" in e["path"]}
    assert set(archive_members) == listed
