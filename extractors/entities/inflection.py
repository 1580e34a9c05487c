"""Words put into another case with pymorphy2 (through natasha's MorphVocab), capitals kept as written.

Grammemes are OpenCorpora names (`nomn`, `gent`, `sing`, `femn` …), as `parse.tag` reports them.
"""

from extractors.entities.models import morph_vocab

OC_TO_UD = {
    "nomn": "Nom", "gent": "Gen", "datv": "Dat", "accs": "Acc", "ablt": "Ins", "loct": "Loc",
    "sing": "Sing", "plur": "Plur", "masc": "Masc", "femn": "Fem", "neut": "Neut",
}  # fmt: skip
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
DECLINABLE = {"NOUN", "ADJF", "PRTF"}
REPUBLIC = "республика"


def parses(word: str) -> list:
    return [p for p in morph_vocab().parse(word.lower()) if p.tag.POS in DECLINABLE]


def case_of(parse) -> str:
    return "loct" if parse.tag.case == "loc2" else parse.tag.case


def inflect_parse(parse, grams: set[str], original: str) -> str:
    """One parse put into `grams`; the word as written when pymorphy2 cannot."""
    result = parse.inflect({OC_TO_UD[g] for g in grams})
    return match_capitals(result.word, original) if result else original


def match_capitals(word: str, original: str) -> str:
    """`word` with the capitals of `original`, hyphen part by hyphen part («кабардино-балкарской»)."""
    if original.isupper() and len(original) > 1:
        return word.upper()
    old_parts, new_parts = original.split("-"), word.split("-")
    if len(old_parts) != len(new_parts):
        return word[:1].upper() + word[1:] if original[:1].isupper() else word
    return "-".join(
        n[:1].upper() + n[1:] if o[:1].isupper() else n for o, n in zip(old_parts, new_parts, strict=True)
    )


def nominative_parse(word: str):
    found = [p for p in parses(word) if p.tag.case == "nomn"]
    return found[0] if found else None


def word_to_case(word: str, case: str) -> str:
    """A word written in the nominative («Хабаровский», «Кузбасс») put into `case`."""
    if case == "nomn" or (word.isupper() and len(word) > 1):
        return word
    parse = nominative_parse(word)
    return inflect_parse(parse, {case}, word) if parse else word


def region_to_case(name: str, case: str) -> str:
    """«Хабаровский край» → «Хабаровского края»; «Республика Татарстан» → «Республики Татарстан».

    After a leading «Республика» the rest is an apposition and stays as written.
    """
    words = name.split(" ")
    if words[0].lower() == REPUBLIC:
        return " ".join([word_to_case(words[0], case), *words[1:]])
    return " ".join(word_to_case(w, case) if w[:1].isalpha() else w for w in words)
