"""Is a PDF page's text layer good, or must the page be read from its image (OCR)?

A page goes to OCR when its text is garbage — «(cid:NN)» runs (fonts without a Unicode map, as pdfminer
prints them), mojibake (text decoded with the wrong code page: «Ïëàí» or «РџР»Р°РЅ»), Cyrillic «words» no
Russian text has — or when it has (almost) no text but a picture of a page, or when it is a picture of a
page under a text layer: a «searchable» scan, whose invisible text is the scanner's own OCR, laid out word
by word with no ruling lines — our cell-by-cell reading keeps the rows a table has. A page with a good text layer
never goes through OCR: the text layer is exact, OCR is not, and it costs seconds a page.

Pure Python on purpose: every PDF passes through here, so nothing heavy (OpenCV, Tesseract) is imported.
"""

import re
from typing import Literal, NamedTuple

MIN_CHARS = 30  # fewer visible characters than this on a page: no real text layer
MAX_CID_SHARE = 0.10  # share of the text taken by «(cid:NN)» runs
MAX_ODD_SHARE = 0.10  # share of characters outside Cyrillic/Latin/digits/punctuation
MAX_UTF8_AS_CP1251_SHARE = 0.05
MAX_IMPLAUSIBLE_WORDS = 0.25  # share of Cyrillic words that no Russian text has
MIN_WORDS_TO_JUDGE = 8
MIN_PICTURE_SHARE = 0.25  # of the page's area: a picture this large on a page without text is a scan
SCANNED_PAGE_SHARE = 0.8  # a picture this large is the page itself, whatever text lies over it
WORD_GAP = 0.25  # × font size: a wider gap between two characters on a line is a space

CID = re.compile(r"\(cid:\d+\)")
ORDINARY = re.compile(
    r"[А-Яа-яЁё"
    r"A-Za-z0-9"
    r"\s.,;:!?()\[\]{}<>\"'«»„“”‘’`/\\|+\-–—‐−=*&%#№§@_~^$…•·°"
    r"\uf0b7\uf0a7\uf0d8\u25cf\u25aa\u2022\u00a0\u00ad]"  # Symbol-font bullets Word emits, nbsp, soft hyphen
)
CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF]+")
RUSSIAN_WORD = re.compile(r"[А-Яа-яЁё]+")
VOWELS = set("аеёиоуыэюяАЕЁИОУЫЭЮЯ")
# UTF-8 read as cp1251 turns every Russian letter into «Р» or «С» plus a symbol or a non-Russian Cyrillic
# letter («План» → «РџР»Р°РЅ»); real text almost never has these pairs.
UTF8_AS_CP1251 = re.compile("[РС][°±µ¶·‚„…†‡€‰‹›™ЂЃЉЊЋЌЏђѓљњћќџІіґєјЅѕїЎўЈҐЄЇ‘’“”•–—№«»¬¤¦§©®]")

Reason = Literal["ok", "no-text", "cid", "mojibake", "implausible-words"]


class TextVerdict(NamedTuple):
    needs_ocr: bool
    reason: Reason


def text_needs_ocr(text: str) -> TextVerdict:
    """The verdict on one page's extracted text (pdfplumber's, where «(cid:NN)» appears)."""
    visible = "".join(text.split())
    if len(visible) < MIN_CHARS:
        return TextVerdict(True, "no-text")
    cid_chars = sum(len(m) for m in CID.findall(visible))
    if cid_chars > MAX_CID_SHARE * len(visible):
        return TextVerdict(True, "cid")
    odd = len(visible) - len(ORDINARY.findall(visible))
    if odd > MAX_ODD_SHARE * len(visible) or \
            len(UTF8_AS_CP1251.findall(text)) > MAX_UTF8_AS_CP1251_SHARE * len(visible):
        return TextVerdict(True, "mojibake")
    words = CYRILLIC_WORD.findall(text)
    if len(words) >= MIN_WORDS_TO_JUDGE:
        implausible = sum(not is_plausible_russian_word(w) for w in words)
        if implausible > MAX_IMPLAUSIBLE_WORDS * len(words):
            return TextVerdict(True, "implausible-words")
    return TextVerdict(False, "ok")


def is_plausible_russian_word(word: str) -> bool:
    """Russian letters only; capitalised, all capitals (abbreviations) or lower case; no «ь», «ъ» or «ы» at
    the start; a long lower-case word has a vowel."""
    if not RUSSIAN_WORD.fullmatch(word):
        return False
    if not (word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())):
        return False
    if word[0].lower() in "ьъы":
        return False
    return not (len(word) >= 5 and word.islower() and not VOWELS.intersection(word))


def chars_to_text(chars: list[dict]) -> str:
    """pdfplumber's characters as text, a space where the gap between two is wider than a space would be
    (cheaper than `extract_text`, and enough to judge words)."""
    parts: list[str] = []
    previous = None
    for char in chars:
        if previous is not None:
            size = max(previous.get("size", 10.0), 1.0)
            if abs(char["top"] - previous["top"]) > size / 2:
                parts.append("\n")
            elif char["x0"] - previous["x1"] > WORD_GAP * size:
                parts.append(" ")
        parts.append(char["text"])
        previous = char
    return "".join(parts)


def pages_to_ocr(pages) -> list[int]:
    """Numbers (1-based) of the pdfplumber pages to read from their image; none when the text is good."""
    verdicts = [text_needs_ocr(chars_to_text(page.chars)) for page in pages]
    has_text = any(not verdict.needs_ocr for verdict in verdicts)
    return [n for n, (page, verdict) in enumerate(zip(pages, verdicts), 1)
            if picture_share(page) >= SCANNED_PAGE_SHARE
            or verdict.needs_ocr and (verdict.reason != "no-text" or holds_a_page_picture(page, has_text))]


def holds_a_page_picture(page, document_has_text: bool) -> bool:
    """A page without text is a scan when a picture covers much of it. In a document without any text
    at all, a page with anything drawn on it (a picture, or text turned into curves) is read too; a short
    page of a text document (a signature, a blank back) is not."""
    if picture_share(page) >= MIN_PICTURE_SHARE:
        return True
    return not document_has_text and bool(page.images or page.curves or page.lines or page.rects or page.chars)


def picture_share(page) -> float:
    area = float(page.width * page.height) or 1.0
    return sum(max(0.0, (i["x1"] - i["x0"]) * (i["bottom"] - i["top"])) for i in page.images) / area
