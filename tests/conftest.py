"""Shared fixtures. Expensive things load once per session (natasha's models, Prefect's test harness),
and Prefect never touches ~/.prefect."""

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="svodka-prefect-"))

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


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
