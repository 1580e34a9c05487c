"""Web pages: a plan saved by Word as a web page (.htm, often renamed .doc), as a single-file web archive
(.mht), or a chamber's page saved by a browser; in windows-1251 or UTF-8.

lxml's HTML parser reads the page; the tables become raw tables (rowspan/colspan as spans and
`merged_from_above`, so a deadline over three rows applies to each), the text around them paragraphs in
order. What a browser would not show is left out: scripts, styles, Word's conditional comments, elements
styled `display:none`, the site's menu and footer. Word writes a list's bullet as text inside
`<span style='mso-list:Ignore'>` — it is dropped and the line marked as a list item («• »), so the cell
reads «intro: a; b; c.» like a DOCX list; a numbered list keeps its number.
"""

import email
import email.policy
import re
from pathlib import Path

import lxml.html
from lxml import etree

from extractors.encodings import decode_text
from extractors.readers.web_tables import table_to_raw
from schemas import DocumentContent, Paragraph, UnreadableFileError

DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Not shown by a browser, or the site around the plan rather than the document.
DROPPED = {"head", "script", "style", "noscript", "template", "nav", "form", "button", "select", "iframe",
           "svg", "aside", "object", "img"}
SITE_CHROME = {"header", "footer"}  # dropped unless inside the article or main text
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all", re.IGNORECASE)
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
          "pre", "section", "article", "main", "body", "center", "address", "figure", "figcaption",
          "caption", "table", "tr", "td", "th", "hr", "header", "footer", "fieldset", "legend"}
WORD_LIST_ITEM = re.compile(r"mso-list\s*:\s*l\d", re.IGNORECASE)
WORD_LIST_MARK = re.compile(r"mso-list\s*:\s*Ignore", re.IGNORECASE)
BULLET_GLYPHS = set("·•o§▪■□◦●-–—\uf0b7\uf0a7*")
SPACE = re.compile(r"[\s\u00a0]+")
BREAK, ITEM = object(), object()  # markers between lines: a plain line follows, a list item follows


def read_html(path: Path) -> DocumentContent:
    return html_to_content(decode_html(path.read_bytes()))


def read_mht(path: Path) -> DocumentContent:
    """The first text/html part of the MIME archive (quoted-printable or base64, any charset)."""
    archive = email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32)
    for part in archive.walk():
        if part.get_content_type() == "text/html":
            data = part.get_payload(decode=True) or b""
            return html_to_content(decode_html(data, part.get_content_charset()))
    raise UnreadableFileError("web.no_page")


def decode_html(data: bytes, charset: str | None = None) -> str:
    """The charset the page declares (in its MIME part or a <meta>), else UTF-8, else the Cyrillic guess."""
    declared = charset or (m.group(1).decode("ascii") if (m := DECLARED_CHARSET.search(data[:8192])) else None)
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    for encoding in filter(None, [declared, "utf-8"]):
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return decode_text(data)[0]


def html_to_content(page: str) -> DocumentContent:
    root = lxml.html.document_fromstring(XML_DECLARATION.sub("", page) or "<html></html>")
    drop_unseen(root)
    content = DocumentContent(format="html")
    position = 0
    for piece in body_pieces(root):
        if isinstance(piece, str):
            content.paragraphs.append(Paragraph(text=piece, position=position))
        else:
            content.tables.append(table_to_raw(piece, len(content.tables) + 1, element_lines))
            content.table_positions.append(position)
        position += 1
    return content


def drop_unseen(root) -> None:
    for element in list(root.iter()):
        if element.getparent() is None:
            continue
        tag = element.tag if isinstance(element.tag, str) else None
        if tag is None or tag in DROPPED or HIDDEN_STYLE.search(element.get("style") or ""):
            element.drop_tree()  # keeps the text after it (its tail)
        elif tag in SITE_CHROME and not any(a.tag in ("article", "main") for a in element.iterancestors()):
            element.drop_tree()


def body_pieces(root):
    """Paragraph texts and plan tables in reading order. A table holding another table is page layout:
    its cells are read as if they were the page."""
    tokens = []
    flatten(root, tokens, tables_apart=True)
    for kind, value in tokens_to_lines(tokens):
        yield value if kind == "table" else value[0]


def element_lines(element) -> list[tuple[str, bool]]:
    """A cell's lines, each with whether it is a list item."""
    tokens = []
    flatten(element, tokens, tables_apart=False)
    return [value for kind, value in tokens_to_lines(tokens) if kind == "line"]


def flatten(element, out: list, tables_apart: bool) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "br":
        out += [BREAK, element.tail]
        return
    if tables_apart and tag == "table" and not element.xpath(".//table"):
        out += [BREAK, element, BREAK, element.tail]
        return
    if WORD_LIST_MARK.search(element.get("style") or ""):
        mark = SPACE.sub("", element.text_content())
        out += [None if mark and set(mark) <= BULLET_GLYPHS else f"{mark} ", element.tail]
        return
    block = tag in BLOCKS
    if block:
        out.append(ITEM if is_list_item(element) else BREAK)
    out.append(element.text)
    for child in element:
        flatten(child, out, tables_apart)
    if block:
        out.append(BREAK)
    out.append(element.tail)


def is_list_item(element) -> bool:
    if element.tag == "li":
        return not numbered_by_word(element)
    return bool(WORD_LIST_ITEM.search(element.get("style") or "")) and not numbered_by_word(element)


def numbered_by_word(element) -> bool:
    """A Word list paragraph whose mark is a number («1.»), not a bullet: it keeps the number instead."""
    for mark in element.iter("span"):
        if WORD_LIST_MARK.search(mark.get("style") or ""):
            text = SPACE.sub("", mark.text_content())
            return bool(text) and not set(text) <= BULLET_GLYPHS
    return False


def tokens_to_lines(tokens: list):
    """("line", (text, is_item)) and ("table", element) in order; whitespace collapsed as a browser does."""
    parts: list[str] = []
    item = False
    for token in tokens + [BREAK]:
        if token is BREAK or token is ITEM or isinstance(token, etree._Element):
            text = SPACE.sub(" ", "".join(parts)).strip()
            if text:
                yield "line", (text, item)
            parts = []
            if isinstance(token, etree._Element):
                yield "table", token
            item = token is ITEM or (item and not text)
        elif token:
            parts.append(token)
