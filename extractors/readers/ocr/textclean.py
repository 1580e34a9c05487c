"""Tesseract's lines of one cell (or paragraph) to clean text.

Each rule fixes a mistake OCR makes, not the author's text: leftover border pixels read as «|», «_» or «—»
at a line's edge, Latin look-alikes inside Cyrillic words («Мapт»), a zero inside a word, quotes read as
«<<», Roman numerals the Russian model has no letters for («ГУ квартал»), a word hyphenated across lines.
The vocabularies are data (extractors/data/ocr_text.json); the rules apply in one fixed order.
"""

import re
from functools import lru_cache

from extractors.vocab import MONTHS, load

RULES = load("ocr_text.json")
BORDER = re.escape(RULES["border_glyphs"])
LATIN_TO_CYRILLIC = str.maketrans(RULES["latin_to_cyrillic"])
CURLY_TO_STRAIGHT = str.maketrans(RULES["curly_to_straight"])
QUOTE_FIXES = [(re.compile(pattern), shape) for pattern, shape in RULES["quote_fixes"]]
ROMAN_LOOKALIKES: dict[str, str] = RULES["roman_lookalikes"]
ROMAN_NUMERALS = set(RULES["roman_numerals"])
HYPHEN_KEPT_AFTER = set(RULES["hyphen_kept_after"])

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
WORD = re.compile(r"[\wА-Яа-яЁё]+")
BORDER_ONLY_LINE = re.compile(rf"^[\s{BORDER}=]*$")
DASH_ONLY_LINE = re.compile(r"^[\s—–\-.,'‘’`]*$")  # a rule's shadow: junk only beside real lines
EDGE_JUNK = re.compile(rf"^[{BORDER}]+\s*|\s*[{BORDER}]+$")
INNER_BAR = re.compile(r"\s[|¦]\s")
BULLET = "•"
BULLET_MISREAD = re.compile(rf"^[{re.escape(RULES['bullet_misreads'])}]\s+")
DANGLING_GUILLEMET = re.compile(r"(?<=[:;])\s*[»«]$")  # a bullet caught at the end of the line above
ROMAN_TOKEN = f"[{re.escape(''.join(ROMAN_LOOKALIKES))}]{{1,4}}"
ROMAN_BEFORE_WORD = re.compile(rf"(?<![\wА-Яа-яЁё])({ROMAN_TOKEN})(\s*)(?=(?:{'|'.join(RULES['roman_before'])}))")
ROMAN_HEADING = re.compile(rf"^({ROMAN_TOKEN})(?=\.\s*[А-ЯЁ])")
SEQ_WITH_COMMAS = re.compile(r"^\d{1,3}(?:[.,]\d{1,3})*[.,]?$")  # «2,3,» is «2.3.» in a number cell
DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
MONTH_WORDS = "|".join(sorted((w for w in MONTHS if len(w) >= 4), key=len, reverse=True))
ONE_BEFORE_MONTH = re.compile(rf"(?<!\S)([а-яё]?)[{re.escape(RULES['one_lookalikes'])}](?=\s+(?:{MONTH_WORDS})\b)")
DIGIT_LOOKALIKES = str.maketrans(RULES["digit_lookalikes"])
LOOKALIKE = re.escape("".join(RULES["digit_lookalikes"]))
NUMBER_TOKEN = re.compile(rf"(?<![\wА-Яа-яЁё])(?=[\w{LOOKALIKE}.,]*\d)[\d{LOOKALIKE}]+(?:[.,][\d{LOOKALIKE}]+)*[.,]?"
                          rf"(?![\wА-Яа-яЁё])")
NUMBER_SIGN_MISREADS = set(RULES["number_sign_misreads"])
NUMBER_SIGN_TOKEN = "|".join(map(re.escape, RULES["number_sign_misreads"]))
NUMBER_SIGN = re.compile(rf"^(?:{NUMBER_SIGN_TOKEN})$|(?<!\S)(?:{NUMBER_SIGN_TOKEN})(?=\s+п/п|\s+\d)")
PREPOSITION_ON_NUMBER = re.compile(rf"(?<![\wА-Яа-яЁё])({'|'.join(RULES['glued_prepositions'])}|до|по|со)(?=\d)")
YEAR_ABBREVIATION = re.compile(r"(?<=\d)(\s*)Г\.")
STRAY_QUOTE = re.compile(r"(?<=\s)[’‘`'](?=[а-яё])")
DASH_BETWEEN_WORDS = re.compile(r"(?<=[а-яё])(?:–\s+|\s+–)(?=[а-яё])")  # a space on one side only
MONTH_NAMES = "|".join(sorted({w for w in MONTHS if len(w) >= 3 and w.isalpha()}, key=len, reverse=True))
HYPHEN_BETWEEN_MONTHS = re.compile(rf"(?<![а-яё])({MONTH_NAMES})-\s+(?=(?:{MONTH_NAMES})(?![а-яё]))")
GLUED_PREPOSITION = re.compile(rf"(?<![\wА-Яа-яЁё])({'|'.join(RULES['glued_prepositions'])})([а-яё]{{3,}})"
                               r"(?![\wА-Яа-яЁё])")
COMPOUND_ADJECTIVE_END = re.compile(rf"(?:{'|'.join(RULES['hyphen_kept_after_endings'])})$")
LINE_HYPHEN = re.compile(r"[-‐‑¬­]$")
GLUED_HYPHEN = re.compile(r"[\wА-Яа-яЁё][-‐‑]$")  # «24-» / «25.05»: a range broken at its hyphen
SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)»])")
SPACE_AFTER_OPEN = re.compile(r"([(«])\s+")


def clean_lines(lines: list[str]) -> list[str]:
    """Each line cleaned on its own; list bullets as «• »; junk lines dropped."""
    kept = [strip_border_glyphs(line) for line in lines]
    kept = [line for line in kept if not BORDER_ONLY_LINE.match(line)]
    if any(not DASH_ONLY_LINE.match(line) for line in kept):
        kept = [line for line in kept if not DASH_ONLY_LINE.match(line)]
    kept = [DANGLING_GUILLEMET.sub("", BULLET_MISREAD.sub(f"{BULLET} ", line)) for line in kept]
    kept = [tidy_spaces(one_before_month(fix_number_sign(fix_digits(fix_lookalikes(fix_quotes(line))))))
            for line in kept]
    return [split_glued_prepositions(fix_spacing(fix_numbers(line))) for line in kept if line]


def lines_to_text(lines: list[str]) -> str:
    """One line of text: wrapped lines joined (hyphenation resolved); a bulleted list follows its intro
    with its items joined by «; » (the convention of extractors/tables/cell_text.py)."""
    intro: list[str] = []
    items: list[str] = []
    for line in clean_lines(lines):
        if line.startswith(BULLET):
            items.append(line[len(BULLET):].strip())
        elif items:
            items[-1] = join_lines([items[-1], line])
        else:
            intro.append(line)
    parts = [join_lines(intro)] if intro else []
    if items:
        parts.append("; ".join(item.rstrip(";").strip() for item in items))
    return tidy_spaces(fix_spacing(" ".join(parts)))  # again: «2021» / «Г.» may stand on two lines


def fix_numbers(line: str) -> str:
    line = ROMAN_HEADING.sub(lambda m: to_roman(m.group(1)), line)
    line = ROMAN_BEFORE_WORD.sub(roman_before_word, line)
    if SEQ_WITH_COMMAS.match(line):
        line = line.replace(",", ".")
    return DOUBLE_STOP.sub(".", line)


def fix_digits(text: str) -> str:
    """«З1.», «1О», «2б.05»: a number with a letter of the same shape in it (there is at least one real
    digit, and nothing but digits, look-alikes and stops)."""
    return NUMBER_TOKEN.sub(lambda m: m.group().translate(DIGIT_LOOKALIKES), text)


def fix_number_sign(line: str) -> str:
    """«М п/п», «протокол No 7», a header cell «М»: the sign «№», which the Russian model reads as «М» or
    «No». None of these is a word: alone on its line, or before «п/п» or a number, it is the sign (not at
    the end of «Иванов М», an initial that lost its stop)."""
    return NUMBER_SIGN.sub("№", line)


def is_number_sign(word: str, next_word: str | None) -> bool:
    """The same for the first word of a line read as one block (the borderless reader's words):
    `next_word` is None when the next word stands in another column or there is none."""
    return word in NUMBER_SIGN_MISREADS and (next_word is None or next_word == "п/п" or next_word[:1].isdigit())


def one_before_month(line: str) -> str:
    """«с! февраля», «до | марта»: a day «1» read as «!», «|» or «l» before a month."""
    return ONE_BEFORE_MONTH.sub(lambda m: f"{m.group(1)} 1" if m.group(1) else "1", line)


def fix_spacing(line: str) -> str:
    """Narrow spaces Tesseract loses or invents: «с28 апреля» → «с 28 апреля», «2021 Г.» → «2021 г.», an
    en dash with a space on one side has one on the other («февраль– май» → «февраль – май», and so has
    a hyphen glued to a month before a space: the en dash it stands for), an apostrophe
    glued to the start of a lower-case word is a speck («’ситуационного»)."""
    line = PREPOSITION_ON_NUMBER.sub(r"\1 ", line)
    line = YEAR_ABBREVIATION.sub(lambda m: f"{m.group(1)}г.", line)
    line = STRAY_QUOTE.sub("", line)
    line = HYPHEN_BETWEEN_MONTHS.sub(r"\1 – ", line)
    return DASH_BETWEEN_WORDS.sub(" – ", line)


def split_glued_prepositions(line: str) -> str:
    """«вдни голосования» → «в дни голосования»: a word no dictionary knows that is a one-letter
    preposition glued to one it knows (Tesseract lost the narrow space after «в»)."""
    def split(m: re.Match) -> str:
        word = m.group(0)
        return word if is_known_word(word) or not is_known_word(m.group(2)) else f"{m.group(1)} {m.group(2)}"

    return GLUED_PREPOSITION.sub(split, line)


def roman_before_word(m: re.Match) -> str:
    """«ГУ квартал», «Пквартал» (the space lost too): the numeral, and a space before the word."""
    numeral = to_roman(m.group(1))
    return f"{numeral} " if numeral in ROMAN_NUMERALS else m.group(0)


def to_roman(token: str) -> str:
    numeral = "".join(ROMAN_LOOKALIKES[ch] for ch in token)
    return numeral if numeral in ROMAN_NUMERALS else token


def strip_border_glyphs(line: str) -> str:
    line = EDGE_JUNK.sub("", line.strip())
    return INNER_BAR.sub(" ", line).strip()


def join_lines(lines: list[str]) -> str:
    text = ""
    for line in lines:
        if text and LINE_HYPHEN.search(text) and line[:1].isalpha():
            text = join_hyphenated(text, line)
        elif text and GLUED_HYPHEN.search(text) and line[:1].isdigit():
            text += line
        else:
            text = f"{text} {line}" if text else line
    return text


def join_hyphenated(left_text: str, right: str) -> str:
    """A word ending a line in «-» continues on the next. Word's automatic hyphenation breaks syllables
    («наблю-/дению»: the hyphen goes), a compound breaks at its own hyphen («август-/сентябрь»,
    «пресс-/центр»: it stays); only a dictionary tells them apart, so the hyphen goes only when the
    joined word is a known one."""
    stem = left_text[:-1]
    left_word = (WORD.findall(stem) or [""])[-1]
    right_word = (WORD.findall(right) or [""])[0]
    if right[:1].isupper() or not right_word or keeps_hyphen(left_word):
        return f"{stem}-{right}"
    return stem + right if is_known_word(left_word + right_word) else f"{stem}-{right}"


def keeps_hyphen(left_word: str) -> bool:
    word = left_word.lower()
    return word in HYPHEN_KEPT_AFTER or (len(word) >= 6 and bool(COMPOUND_ADJECTIVE_END.search(word)))


@lru_cache(maxsize=20_000)
def is_known_word(word: str) -> bool:
    from extractors.entities.models import morph_vocab  # natasha's pymorphy2, loaded once per process

    return bool(morph_vocab().word_is_known(word.lower()))


def fix_quotes(text: str) -> str:
    for pattern, replacement in QUOTE_FIXES:
        text = pattern.sub(replacement, text)
    return text.translate(CURLY_TO_STRAIGHT)


def fix_lookalikes(text: str) -> str:
    return WORD.sub(lambda m: word_to_cyrillic(m.group()), text)


def word_to_cyrillic(word: str) -> str:
    """Only a word that is mostly Cyrillic and whose Latin letters all have Cyrillic twins changes:
    «Мapт» → «Март», never «Instagram» or «VK»."""
    cyrillic = len(CYRILLIC.findall(word))
    foreign = LATIN_OR_DIGIT.findall(word)
    if not cyrillic or not foreign or cyrillic < len(foreign):
        return word
    if any(ch.isdigit() for ch in foreign) and cyrillic < 2:
        return word  # «1-й», «2х»: numbers with endings stay
    fixed = word.translate(LATIN_TO_CYRILLIC)
    return fixed if not LATIN_OR_DIGIT.search(fixed) else word


def tidy_spaces(text: str) -> str:
    text = " ".join(text.split())
    text = SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return SPACE_AFTER_OPEN.sub(r"\1", text)
