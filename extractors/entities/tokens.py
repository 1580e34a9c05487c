"""The one tokenizer of plan text: words (hyphenated compounds kept whole), abbreviations, quoted names,
separators and dashes, each with its offsets so a rewrite keeps the text between tokens as written.

Regions are matched word by word (`WORDS`: letters only, so «Ханты-Мансийский» is two words as in the
region table); noun phrases use the full pattern (`TOKEN`)."""

import re
from dataclasses import dataclass

from extractors.entities.models import lemma

TOKEN = re.compile(
    r"(?P<quote>\"[^\"]*\"|«[^»]*»|“[^”]*[”“]|„[^“”]*[“”])"
    r"|(?P<word>[А-Яа-яЁёA-Za-z0-9]+(?:-[А-Яа-яЁёA-Za-z0-9]+)*)"
    r"|(?P<sep>[,;\n])|(?P<dash>[–—-])|(?P<other>\S)"
)
WORDS = re.compile(r"(?P<word>[А-Яа-яЁёA-Za-z]+)")


@dataclass(frozen=True)
class Token:
    text: str
    kind: str  # word, abbr (an all-capitals word), quote, sep, dash, other
    start: int
    end: int

    @property
    def lemma(self) -> str:
        return lemma(self.text).replace("ё", "е") if self.kind in ("word", "abbr") else ""

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    def shifted(self, base: int) -> "Token":
        """The same token with offsets into a substring that starts at `base`."""
        return Token(self.text, self.kind, self.start - base, self.end - base)


def tokenize(text: str, pattern: re.Pattern = TOKEN) -> list[Token]:
    return [Token(m.group(), token_kind(m), m.start(), m.end()) for m in pattern.finditer(text)]


def token_kind(match: re.Match) -> str:
    text = match.group()
    if match.lastgroup == "word" and len(text) > 1 and text.replace("-", "").isupper():
        return "abbr"
    return match.lastgroup
