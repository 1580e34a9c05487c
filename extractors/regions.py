"""Federal subjects named in a text, matched by lemmas so every case form is found.

The table is extractors/data/regions.csv (see regions.README.md there for the numbering convention).
A name is a sequence of word lemmas; the longest name starting at a word wins, so «Кемеровской области –
Кузбасса» is one mention, «Московской области» never reads as «Москвы», and «области» alone is nothing.
"""

import csv
from dataclasses import dataclass
from functools import lru_cache

from extractors.entities.inflection import CASES, region_to_case
from extractors.entities.tokens import WORDS, Token, tokenize
from extractors.vocab import DATA
from schemas import Message, Region, message

REGIONS_CSV = DATA / "regions.csv"
# Abbreviations read as the word they stand for («г. Москве» = «город Москве», «Кемеровской обл.»).
ABBREVIATIONS = {"г": "город", "гор": "город", "обл": "область", "респ": "республика"}
# Lemmas just before a region that say who it belongs to, and how much that says about the document:
# 2 — the chamber itself, 1 — another regional institution. Longest phrase first.
ANCHORS: list[tuple[tuple[str, ...], int]] = [
    (("общественный", "палата"), 2),
    (("палата",), 2),
    (("избирательный", "комиссия"), 1),
    (("комиссия",), 1),
    (("прокуратура",), 1),
    (("законодательный", "собрание"), 1),
    (("собрание",), 1),
    (("дума",), 1),
    (("губернатор",), 1),
    (("правительство",), 1),
]
COUNT_WORDS = {2: "два региона", 3: "три региона", 4: "четыре региона"}
BODY_EVIDENCE = "из текста плана (в заголовке регион не назван): {phrases}"


@dataclass(frozen=True)
class RegionMention:
    region: Region
    text: str
    start: int
    end: int
    standing: int = 0
    evidence: str = ""


def text_to_tokens(text: str) -> list[Token]:
    return tokenize(text, WORDS)


def lemma_of(token: Token) -> str:
    """A word's lemma, an abbreviation read as the word it stands for («обл» → «область»)."""
    return ABBREVIATIONS.get(token.text.lower()) or token.lemma


@lru_cache(maxsize=1)
def load_regions() -> list[tuple[Region, tuple[str, ...]]]:
    """Each region with its names: the official one first, then the aliases."""
    with REGIONS_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [(row_to_region(row), (row["name"], *filter(None, row["aliases"].split("|")))) for row in rows]


def row_to_region(row: dict[str, str]) -> Region:
    return Region(
        name=row["name"], number=row["number"], code=row["code"] or None, district=row["district"] or None
    )


@lru_cache(maxsize=1)
def regions_by_lemmas() -> dict[tuple[str, ...], Region]:
    """Lemmas of every case form of every name: the most likely lemma of a word can differ between its
    forms («Тверская» → «тверская», «Тверской» → «тверской»; «Ненецкому» → «ненецкий» as a noun's)."""
    index: dict[tuple[str, ...], Region] = {}
    for region, names in load_regions():
        for name in names:
            index[tuple(lemma_of(token) for token in text_to_tokens(name))] = region
    for region, names in load_regions():  # the names as written win over another region's case forms
        for name in names:
            for form in {region_to_case(name, case) for case in CASES}:
                index.setdefault(tuple(lemma_of(token) for token in text_to_tokens(form)), region)
    return index


@lru_cache(maxsize=1)
def longest_name_length() -> int:
    return max(len(key) for key in regions_by_lemmas())


def longest_name_at(tokens: list[Token], lemmas: list[str], i: int) -> tuple[Region, int] | None:
    """The region whose name starts at token i and runs furthest, with the index after its last token."""
    index = regions_by_lemmas()
    for end in range(min(len(tokens), i + longest_name_length()), i, -1):
        region = index.get(tuple(lemmas[i:end]))
        if region and any(token.capitalised for token in tokens[i:end]):
            return region, end
    return None


def anchor_before(lemmas: list[str], i: int) -> tuple[int, int]:
    """(standing, first token index) of the institution phrase ending just before token i; (0, i) if none."""
    for phrase, standing in ANCHORS:
        start = i - len(phrase)
        if start >= 0 and tuple(lemmas[start:i]) == phrase:
            return standing, start
    return 0, i


def span_end(text: str, start: int, last: Token) -> int:
    """The end of a name as written: with the closing «)» of «Саха (Якутия)» and the dot of «обл.»."""
    closes = text[start : last.end].count("(") > text[start : last.end].count(")")
    abbreviated = text[last.start : last.end].lower() in ABBREVIATIONS
    follows = text[last.end : last.end + 1]
    return last.end + 1 if (closes and follows == ")") or (abbreviated and follows == ".") else last.end


def find_region_mentions(text: str) -> list[RegionMention]:
    tokens, mentions, i = text_to_tokens(text), [], 0
    lemmas = [lemma_of(token) for token in tokens]
    while i < len(tokens):
        found = longest_name_at(tokens, lemmas, i)
        if not found:
            i += 1
            continue
        region, end = found
        standing, anchor = anchor_before(lemmas, i)
        start, stop = tokens[i].start, span_end(text, tokens[i].start, tokens[end - 1])
        mentions.append(
            RegionMention(
                region,
                text[start:stop],
                start,
                stop,
                standing,
                " ".join(text[tokens[anchor].start : stop].split()),
            )
        )
        i = end
    return mentions


def distinct_regions(mentions: list[RegionMention]) -> list[Region]:
    regions: dict[str, Region] = {}
    for mention in mentions:
        regions.setdefault(mention.region.number, mention.region)
    return list(regions.values())


def competing_reason(regions: list[Region]) -> Message:
    count = COUNT_WORDS.get(len(regions), "несколько регионов")
    return message("fact.competing_regions", count=count, names=", ".join(region.name for region in regions))


def region_of_document(title_text: str) -> tuple[Region | None, str | None, Message | None]:
    """(region, evidence, reason if undecided) from the title, approval block and the chamber's name.

    Mentions tied to the chamber outrank those tied to another institution, which outrank bare ones;
    two regions at the top rank leave the region undecided."""
    mentions = find_region_mentions(title_text)
    if not mentions:
        return None, None, message("fact.no_region")
    top = max(mention.standing for mention in mentions)
    leaders = [mention for mention in mentions if mention.standing == top]
    regions = distinct_regions(leaders)
    if len(regions) > 1:
        return None, None, competing_reason(regions)
    return regions[0], leaders[0].evidence, None


def region_from_body(text: str) -> tuple[Region | None, str | None]:
    """The region of a document whose header is silent: only when every region named in the text is the
    same one and at least once it is named as the region of a chamber, commission or prosecutor's office."""
    mentions = find_region_mentions(text)
    regions = distinct_regions(mentions)
    anchored = list(dict.fromkeys(mention.evidence for mention in mentions if mention.standing))
    if len(regions) != 1 or not anchored:
        return None, None
    phrases = ", ".join(f"«{phrase}»" for phrase in anchored[:3])
    return regions[0], BODY_EVIDENCE.format(phrases=phrases)


def region_by_code(text: str) -> Region | None:
    """A region named by its ISO code («RU-KEM»), two-digit number («42») or name or alias, as people write
    it in a correction; None when nothing matches."""
    wanted = text.strip().lower()
    for region, names in load_regions():
        if wanted in {(region.code or "").lower(), region.number, *(name.lower() for name in names)}:
            return region
    mentions = find_region_mentions(text)
    return mentions[0].region if len({m.region.number for m in mentions}) == 1 else None
