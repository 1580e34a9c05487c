"""HTML fragments inside plan text (a Word table saved as text keeps `<p>`, `<ul>`, `<li>`): the one place
that knows what a tag is. Only real tags count, so «a < b» stays as written."""

import html
import re

TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>")
BLOCK_TAGS = re.compile(r"</?(p|div|br|tr|h\d)\b[^>]*>", re.IGNORECASE)
LIST_ITEM_TAG = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
UL_BLOCK = re.compile(r"<(ul|ol)\b[^>]*>(.*?)(?:</\1>|$)", re.IGNORECASE | re.DOTALL)  # Word exports may not close it
INLINE_DASH_ITEM = re.compile(r"(?:^|\s)[-–—•]\s+")


def has_tags(text: str) -> bool:
    return "<" in text and bool(TAG.search(text))


def strip_tags(text: str) -> str:
    """Tags replaced by a space, their text kept."""
    return TAG.sub(" ", text) if "<" in text else text


def html_to_lines(text: str) -> str:
    """Block tags become line breaks and list items «• » lines; entities are decoded."""
    text = UL_BLOCK.sub(lambda m: "\n" + list_block_to_lines(m.group(2)) + "\n", text)
    text = BLOCK_TAGS.sub("\n", text)
    return html.unescape(TAG.sub(" ", text))


def list_block_to_lines(inner: str) -> str:
    if LIST_ITEM_TAG.search(inner):
        items = [TAG.sub(" ", part) for part in LIST_ITEM_TAG.split(inner)]
    else:
        items = INLINE_DASH_ITEM.split(TAG.sub(" ", inner))
    return "\n".join("• " + item.strip() for item in items if item.strip())
