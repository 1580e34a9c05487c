"""An activity's category, from lemma rules kept as data (extractors/data/categories.json, CATEGORIES.md).

The title's lead («Формирование групп штаба» before the colon and its list) is tried first, then the whole
title, then the description; within a text the first category (in the file's order) with a matching rule
wins. Nothing matched is «other», never a guess.
"""

import re
from functools import lru_cache

from extractors.entities.models import WORD, lemma
from extractors.markup import strip_tags
from extractors.vocab import load

CATEGORIES: list[dict] = load("categories.json")["categories"]
RULES: list[tuple[str, frozenset[str]]] = [(c["id"], frozenset(r)) for c in CATEGORIES for r in c["rules"]]
FALLBACK = "other"
LEAD_END = re.compile(r"[:\n]|\s[-–—]\s|<ul|<ol|<li")


def categorize(title: str, description: str | None = None) -> str:
    """«Организация работы «Горячей линии» общественного штаба» → "hotline"."""
    for text in (title_lead(title), title, description or ""):
        found = text_to_category(text)
        if found:
            return found
    return FALLBACK


def title_lead(title: str) -> str:
    return LEAD_END.split(title, maxsplit=1)[0]


def text_to_category(text: str) -> str | None:
    found = text_lemmas(strip_tags(text))
    return next((category for category, rule in RULES if rule <= found), None)


@lru_cache(maxsize=20_000)
def text_lemmas(text: str) -> frozenset[str]:
    """Lemmas (ё as е) of the words and of the parts of hyphenated words («медиа-плана» → медиа, план)."""
    words = WORD.findall(text)
    parts = [part for word in words if "-" in word for part in word.split("-")]
    return frozenset(lemma(w).replace("ё", "е") for w in words + parts)


def category_named(name: str) -> str | None:
    """The id of a category named by its id or its Russian label, in any case; None when there is none."""
    wanted = name.strip().lower()
    return next((c["id"] for c in CATEGORIES if wanted in (c["id"], c["label"].lower())), None)
