"""Vocabularies kept as data (extractors/data/*.json), loaded once on import."""

import json
from pathlib import Path

DATA = Path(__file__).parent / "data"


def load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


ABBREVIATIONS: dict[str, str] = load("abbreviations.json")["abbreviations"]
ORG_PATTERNS: dict = load("org_patterns.json")
MENTIONS: dict = load("mentions.json")
# Month word («марта», «сент») → its number; the one month vocabulary (deadlines and title-block dates).
MONTHS: dict[str, int] = {word: int(n) for n, words in load("months.json")["months"].items() for word in words}
