"""What an upload's name says when its content cannot be read: the region and the year of
«План_Томская_область_2024.docx» or «plan_tomsk_2024.docx». Only the coverage map uses it, to place a
quarantined upload on the map; a plan that was read takes its region and year from its own text.

Cyrillic names go through the region matcher (every case form, aliases such as Кузбасс). Latin names are
compared with each subject's words spelled in Latin (two common spellings: «khabarovsk»/«habarovsk»,
«chuvashiya»/«chuvashia»): a word of the name that shares a long enough beginning with exactly one
subject's word names that subject. A name that fits two subjects names none."""

import re
from functools import lru_cache
from pathlib import Path

from extractors.regions import distinct_regions, find_region_mentions, load_regions
from schemas import Region

YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
SEPARATORS = re.compile(r"[\W_\d]+")
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
GENERIC = {"область", "край", "республика", "автономный", "автономная", "округ", "город", "народная"}
TRANSLIT = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
            "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
            "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
            "э": "e", "ю": "yu", "я": "ya"}
VARIANTS = {"х": "h", "й": "i", "ю": "iu", "я": "ia", "ц": "c", "щ": "sch"}
LONG_MATCH = 5  # letters two words must share at the start; or all of a shorter word but its ending
SHORTEST_WORD = 4


def year_from_file_name(name: str) -> int | None:
    years = set(YEAR.findall(Path(name).stem))
    return int(years.pop()) if len(years) == 1 else None


def region_from_file_name(name: str) -> Region | None:
    stem = Path(name).stem
    if CYRILLIC.search(stem):
        words = " ".join(word.capitalize() for word in SEPARATORS.split(stem) if word)
        regions = distinct_regions(find_region_mentions(words))
        return regions[0] if len(regions) == 1 else None
    found = {region.number: region for word in SEPARATORS.split(stem.lower())
             if len(word) >= SHORTEST_WORD and (region := region_of_latin_word(word))}
    return next(iter(found.values())) if len(found) == 1 else None


def region_of_latin_word(word: str) -> Region | None:
    scores: dict[str, tuple[int, Region]] = {}
    for region, spellings in latin_spellings():
        best = max(common_start(word, spelling) for spelling in spellings)
        if best >= LONG_MATCH or best >= max(SHORTEST_WORD, len(word) - 1):  # «omsk», «penza» → «penz…»
            scores[region.number] = (best, region)
    if not scores:
        return None
    top = max(score for score, _ in scores.values())
    leaders = [region for score, region in scores.values() if score == top]
    return leaders[0] if len(leaders) == 1 else None


def common_start(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


@lru_cache(maxsize=1)
def latin_spellings() -> list[tuple[Region, tuple[str, ...]]]:
    """Each subject with its distinctive words (not «область», «край» …) spelled in Latin, both ways."""
    spelled = []
    for region, names in load_regions():
        words = {w for name in names for w in SEPARATORS.split(name.lower())
                 if len(w) >= SHORTEST_WORD and w not in GENERIC}
        spellings = {latin(w, variant) for w in words for variant in (False, True)}
        spelled.append((region, tuple(sorted(spellings))))
    return spelled


def latin(word: str, variant: bool) -> str:
    return "".join((VARIANTS.get(ch) if variant and ch in VARIANTS else TRANSLIT.get(ch, ch)) for ch in word)
