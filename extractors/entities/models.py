"""natasha's models, loaded once per process and shared by every recogniser.

Loading order matters (see shared PITFALLS): natasha/yargy are imported before any pymorphy2 analyser is
built, pymorphy2 finds its dictionaries without pkg_resources, and BLAS uses one thread per process.
"""

import os
import re
from functools import cache, lru_cache

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")


def _point_pymorphy2_at_its_dictionaries() -> None:
    if "PYMORPHY2_DICT_PATH" in os.environ:
        return
    import pymorphy2_dicts_ru

    os.environ["PYMORPHY2_DICT_PATH"] = pymorphy2_dicts_ru.get_path()


_point_pymorphy2_at_its_dictionaries()

import natasha

WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+(?:-[А-Яа-яЁёA-Za-z]+)*")


@cache
def morph_vocab() -> natasha.MorphVocab:
    return natasha.MorphVocab()


@cache
def segmenter() -> natasha.Segmenter:
    return natasha.Segmenter()


@cache
def embedding() -> natasha.NewsEmbedding:
    return natasha.NewsEmbedding()


@cache
def morph_tagger() -> natasha.NewsMorphTagger:
    return natasha.NewsMorphTagger(embedding())


@cache
def ner_tagger() -> natasha.NewsNERTagger:
    return natasha.NewsNERTagger(embedding())


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The most likely normal form of one word, lower-cased («Хабаровского» → «хабаровский»)."""
    parses = morph_vocab().parse(word.lower())
    return parses[0].normal_form if parses else word.lower()


def lemmas(text: str) -> list[str]:
    return [lemma(w) for w in WORD.findall(text)]


def analyse(text: str) -> natasha.Doc:
    """Segmented, morph-tagged and NER-tagged natasha Doc (for spans that need `normalize`)."""
    doc = natasha.Doc(text)
    doc.segment(segmenter())
    doc.tag_morph(morph_tagger())
    doc.tag_ner(ner_tagger())
    return doc
