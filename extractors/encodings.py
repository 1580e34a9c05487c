"""Decode plain text whose encoding nobody told us: BOMs, UTF-8, then the Cyrillic single-byte code pages.

Single-byte candidates all decode without error, so they are scored: in real Russian prose every
non-ASCII character is a Cyrillic letter and most are lower-case, while KOI8-R read as cp1251 (or the
reverse) swaps the case, and cp866 read as cp1251 turns letters into symbols.
"""

import codecs

BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
SINGLE_BYTE_CANDIDATES = ["cp1251", "koi8_r", "cp866"]


def decode_text(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read in."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    if looks_like_utf16(data):
        return data.decode("utf-16-le"), "utf-16-le"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = max(SINGLE_BYTE_CANDIDATES, key=lambda enc: russian_score(data.decode(enc, errors="replace")))
    return data.decode(best, errors="replace"), best


def looks_like_utf16(data: bytes) -> bool:
    sample = data[:2000]
    return len(sample) > 20 and sample[1::2].count(0) + sample[1::2].count(4) > 0.8 * len(sample[1::2])


def is_cyrillic(c: str) -> bool:
    return "\u0410" <= c <= "\u044f" or c in "ёЁ"


def russian_score(text: str) -> float:
    """Share of non-ASCII characters that are Cyrillic letters, plus the share of those in lower case."""
    non_ascii = [c for c in text if ord(c) > 127]
    cyrillic = [c for c in non_ascii if is_cyrillic(c)]
    if not cyrillic:
        return 0.0
    return len(cyrillic) / len(non_ascii) + sum(c.islower() for c in cyrillic) / len(cyrillic) / 2
