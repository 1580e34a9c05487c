"""Recognised words to line texts, using glyph *sizes* where Tesseract's rus model guesses from shape alone.

- Cyrillic о/О, п/П, с/С, т/Т, н/Н … have one shape in two sizes; in a cell holding one word («постоянно»,
  «июль») the model has no size to compare with and often prints capitals. A word printed in capitals
  whose letters stand the page's x-height above the baseline (not the cap height) is lower case; so is a
  one-letter preposition «В», «С», «К», «О», «У» printed that small.
- The model prints an en dash as «—». An en dash is about one x-height wide, an em dash about two.
- It also puts a space after a hyphen glued to a number («24- 25.05.2023»); the real gap tells.

The x-height is measured on the same page: the median height of lower-case words without ascenders or
descenders («ежемесячно», «края»).
"""

from dataclasses import replace
from statistics import median

from extractors.readers.ocr.engine import Recognised
from extractors.readers.ocr.model import OcrWord

X_HEIGHT_LETTERS = set("авгежзиклмнопстхчшъыьэюя")  # no ascender, descender or diacritic
# capitals whose small form stands the x-height above the baseline (д, ц, щ, у hang below it)
SAME_SHAPE_CAPITALS = set("АВГДЕЖЗИКЛМНОПСТУХЦЧШЩЪЫЬЭЮЯ")
ONE_LETTER_PREPOSITIONS = set("ВСКОУ")
SMALL_CAPS_MAX_HEIGHT = 1.2  # × x-height: capitals are ≈ 1.4
HYPHEN_MAX_WIDTH = 0.85  # × x-height: a hyphen is ≈ 0.6,
EN_DASH_MAX_WIDTH = 1.6  # an en dash ≈ 1.1, an em dash ≈ 2.2
GLUED_GAP_MAX = 0.3  # × x-height: a narrower gap next to a hyphen or dash is no space
DASHES = "-–—"


def words_to_x_height(words: list[OcrWord]) -> float | None:
    heights = [w.bbox[3] - w.bbox[1] for w in words
               if len(w.text) >= 3 and set(w.text) <= X_HEIGHT_LETTERS]
    return float(median(heights)) if len(heights) >= 3 else None


def recognised_to_lines(recognised: Recognised, x_height: float | None) -> list[str]:
    return [join_words(line, [w.text for w in line], x_height) for line in fixed_lines(recognised, x_height)]


def fixed_lines(recognised: Recognised, x_height: float | None) -> list[list[OcrWord]]:
    """The recognised words with their glyphs fixed by size (small capitals, dash widths)."""
    widths = iter(recognised.dash_widths)
    return [[replace(word, text=fix_word(word, widths, x_height)) for word in line] for line in recognised.lines]


def fix_word(word: OcrWord, dash_widths, x_height: float | None) -> str:
    """`dash_widths` yields the width of each dash glyph of the cell, in reading order. A hyphen is not
    judged by its width: on a noisy scan a hyphen's box is often as wide as an en dash's."""
    if word.text and all(ch in DASHES for ch in word.text):
        for _ in word.text:
            next(dash_widths, None)
        return dash_by_width(word.bbox[2] - word.bbox[0], x_height) if x_height else word.text[0]
    chars = []
    for ch in word.text:
        if ch in DASHES:
            width = next(dash_widths, None)
            if ch == "—" and x_height and width is not None and width <= EN_DASH_MAX_WIDTH * x_height:
                ch = "–"
        chars.append(ch)
    text = "".join(chars)
    return text.lower() if x_height and is_small_caps(word, x_height) else text


def dash_by_width(width: int, x_height: float) -> str:
    """A free-standing dash (Tesseract sometimes splits one into «-—»): its kind from its length."""
    if width <= HYPHEN_MAX_WIDTH * x_height:
        return "-"
    return "–" if width <= EN_DASH_MAX_WIDTH * x_height else "—"


def is_small_caps(word: OcrWord, x_height: float) -> bool:
    letters = [ch for ch in word.text if ch.isalpha()]
    if not (len(letters) >= 3 and all(ch in SAME_SHAPE_CAPITALS for ch in letters)) and \
            not (len(word.text) == 1 and word.text in ONE_LETTER_PREPOSITIONS):
        return False
    baseline = word.baseline or word.bbox[3]
    return baseline - word.bbox[1] <= SMALL_CAPS_MAX_HEIGHT * x_height


def join_words(words: list[OcrWord], texts: list[str], x_height: float | None) -> str:
    joined = texts[0] if texts else ""
    for left, right, text in zip(words, words[1:], texts[1:]):
        joined += text if glued(left, right, joined[-1:], text[:1], x_height) else " " + text
    return joined


def glued(left: OcrWord, right: OcrWord, left_end: str, right_start: str, x_height: float | None) -> bool:
    """No space between two «words» Tesseract split at a hyphen or dash («24-» «25.05.2023»)."""
    return (x_height is not None and right.bbox[0] - left.bbox[2] < GLUED_GAP_MAX * x_height
            and (left_end in DASHES or right_start in DASHES))


def glued_words_joined(line: list[OcrWord], x_height: float | None) -> list[OcrWord]:
    """A line's words with those split at a glued hyphen made one again (for the borderless reader,
    which joins words with a space)."""
    words: list[OcrWord] = []
    for word in line:
        if words and glued(words[-1], word, words[-1].text[-1:], word.text[:1], x_height):
            left = words[-1]
            words[-1] = OcrWord(left.text + word.text, min(left.confidence, word.confidence),
                                (left.bbox[0], min(left.bbox[1], word.bbox[1]), word.bbox[2],
                                 max(left.bbox[3], word.bbox[3])), left.baseline)
        else:
            words.append(word)
    return words
