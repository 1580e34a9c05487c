"""Shared fixtures. Expensive things load once per session (natasha's models, Prefect's test harness),
and Prefect never touches ~/.prefect."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="svodka-prefect-"))
# Test inboxes are copied just before each night, so every file is fresh: without this each night would
# wait the 5 s an upload needs to settle. The tests of uploads in progress set the delay themselves.
os.environ.setdefault("SVODKA_UPLOAD_SETTLE_SECONDS", "0")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def ocr_missing(model: str = "rus") -> str | None:
    """Why OCR cannot run here (tesserocr, or Tesseract's model, not installed), or None. `make test`
    installs Debian's tesseract-ocr-rus when it can; elsewhere the tests that recognise pages are skipped,
    as the browser and LibreOffice tests are."""
    from extractors.readers.ocr.engine import missing_ocr, tessdata_path

    if (missing := missing_ocr()) is not None:
        return missing
    return None if tessdata_path(model) else f"нет модели Tesseract {model}.traineddata"


needs_ocr = pytest.mark.skipif(ocr_missing() is not None, reason=f"OCR не установлено: {ocr_missing()}")


# The files that take longest (real servers, real signals, whole nights, OCR), run first: `make test`
# spreads files over both cores (pytest-xdist --dist loadfile --no-loadscope-reorder, which keeps this
# order), and a long file left to the end keeps one core working alone. Only the order changes.
LONGEST_FIRST = ["test_serve.py", "test_signals.py", "test_goldens.py", "test_ingest.py", "test_review_loop.py",
                 "test_nights.py", "test_bad_inputs.py", "test_outputs.py", "test_inbox.py", "test_scans.py"]


def pytest_collection_modifyitems(items):
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: the rest keep their order


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def nlp_loaded():
    """natasha's models, loaded once for the whole session."""
    from extractors.entities import models as nlp

    nlp.morph_vocab()
    nlp.ner_tagger()
    return nlp


@pytest.fixture(scope="session")
def prefect_flows():
    """One Prefect test server for the whole session: night scenarios run the real flow in-process
    instead of paying a temporary server and natasha's load per `svodka ingest` subprocess."""
    from prefect.testing.utilities import prefect_test_harness

    import flows  # noqa: F401 — sets Prefect's environment before Prefect is imported

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture(scope="session")
def ingest_flow(prefect_flows, nlp_loaded):
    """`ingest(inboxes, out, **settings)`: the Prefect ingest flow, here and now, parsing in this process."""
    from flows.ingest import run_ingest
    from pipeline.settings import Settings

    def ingest(inboxes, out, **settings):
        settings.setdefault("workers", 1)
        settings.setdefault("task_runner", "threads")  # parse here: natasha is loaded, no worker to start
        return run_ingest([str(p) for p in inboxes], Settings(out_dir=out, **settings))

    return ingest


@pytest.fixture(scope="session")
def prefect_home(prefect_flows, tmp_path_factory):
    """`prefect_home()` → a fresh PREFECT_HOME whose database is already migrated (a copy of the session
    server's): a `svodka` subprocess then starts its own Prefect server as on a real machine, without
    paying the 20–30 s first-start migration again."""
    import sqlite3

    from prefect.settings import get_current_settings

    url = get_current_settings().server.database.connection_url.get_secret_value()
    template = tmp_path_factory.mktemp("prefect-template") / "prefect.db"
    with sqlite3.connect(url.split(":///", 1)[1]) as source, sqlite3.connect(template) as target:
        source.backup(target)

    def fresh_home() -> Path:
        home = tmp_path_factory.mktemp("prefect-home")
        shutil.copyfile(template, home / "prefect.db")
        return home

    return fresh_home


def harness_api_url() -> str:
    """The session's Prefect server (`prefect_flows`), for a `svodka` subprocess configured to use one."""
    from prefect.settings import get_current_settings

    return get_current_settings().api.url


def cli_env(prefect_home_dir: Path) -> dict:
    """The environment of a `svodka` subprocess: its own Prefect home, no server configured."""
    env = {**os.environ, "PREFECT_HOME": str(prefect_home_dir)}
    env.pop("PREFECT_API_URL", None)
    return env


@pytest.fixture(scope="session")
def analyst_night(tmp_path_factory, nlp_loaded):
    """A real night over the demo inbox plus one broken upload named for Tomsk's 2024 plan, read back from
    the published JSONL, and a release with every analyst output published from it (run id of 1 March
    2026, so the outputs do not change from day to day): (activities, records, out_dir, release_dir)."""
    from pipeline.night import run_night
    from pipeline.outputs import ANALYST_WRITERS
    from pipeline.publish import publish_release
    from pipeline.published import read_models
    from pipeline.settings import Settings
    from schemas import Activity, DocumentRecord

    root = tmp_path_factory.mktemp("analyst-night")
    broken = root / "broken_inbox"
    broken.mkdir()
    (broken / "plan_tomsk_2024.docx").write_bytes(b"this is not a Word file")
    run_night([SAMPLES / "inbox", broken], Settings(out_dir=root / "night", workers=1))
    activities = read_models(root / "night" / "activities.jsonl", Activity)
    records = read_models(root / "night" / "documents.jsonl", DocumentRecord)
    out = root / "published"
    release = publish_release(out, "20260301T020000-test00", activities, records, extra_writers=ANALYST_WRITERS)
    return activities, records, out, release
