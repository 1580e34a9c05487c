"""Throughput of the entity readers over the seeds' cells, and natasha's model load time.

    .venv/bin/python benchmarks/bench_entities.py [--repeat 200]

Cold = first pass in a fresh process (pymorphy2 parses not yet cached); warm = later passes.
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path("/work/shared/seeds")
sys.path.insert(0, str(ROOT))


def timed(label: str, action) -> object:
    start = time.perf_counter()
    result = action()
    print(f"{label:<44} {time.perf_counter() - start:8.3f} s")
    return result


def khabarovsk_rows() -> list[list[str]]:
    lines = (SEEDS / "khabarovsk_2021.txt").read_text(encoding="utf-8").splitlines()
    return [cells for line in lines if len(cells := line.split("\t")) >= 4 and cells[0] != "№"]


def kuzbass_cells() -> list[str]:
    lines = (SEEDS / "kuzbass_2021.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.startswith("\t") and line.strip()]


def rate(label: str, items: list, action, repeat: int) -> None:
    start = time.perf_counter()
    for _ in range(repeat):
        for item in items:
            action(item)
    seconds = time.perf_counter() - start
    print(f"{label:<44} {len(items) * repeat / seconds:10.0f} cells/s  ({len(items)} cells × {repeat})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    repeat = parser.parse_args().repeat

    nlp = timed("import natasha (extractors.entities.models)", lambda: __import__("extractors.entities.models", fromlist=["nlp"]))
    timed("MorphVocab (pymorphy2 dictionaries)", nlp.morph_vocab)
    timed("NewsEmbedding + morph + NER taggers", lambda: (nlp.morph_tagger(), nlp.ner_tagger()))
    timed("first analyse() call", lambda: nlp.analyse("Белоглазов Алексей Сергеевич"))

    from extractors.categories import categorize
    from extractors.entities.responsible import find_mentioned_organisations, read_responsible
    from schemas import Region

    khabarovsk = Region(name="Хабаровский край", number="27", code="RU-KHA")
    kuzbass = Region(name="Кемеровская область — Кузбасс", number="42", code="RU-KEM")
    responsible = [row[3] for row in khabarovsk_rows()]
    titles = [row[1] for row in khabarovsk_rows()]
    contents = kuzbass_cells()

    rate("read_responsible, cold (first pass)", responsible, lambda c: read_responsible(c, khabarovsk), 1)
    rate("read_responsible, warm", responsible, lambda c: read_responsible(c, khabarovsk), repeat)
    rate(
        "find_mentioned_organisations, cold", contents, lambda c: find_mentioned_organisations(c, kuzbass), 1
    )
    rate(
        "find_mentioned_organisations, warm",
        contents,
        lambda c: find_mentioned_organisations(c, kuzbass),
        repeat,
    )
    rate("categorize (titles), warm", titles, categorize, repeat)
    rate("analyse() (natasha NER, for comparison)", responsible[:10], nlp.analyse, 3)


if __name__ == "__main__":
    main()
