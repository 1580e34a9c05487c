"""The text of a DOCX paragraph as Word shows it, and the text boxes anchored in it.

Runs are collected from the XML (python-docx's `paragraph.text` misses insertions, smart tags, fields
and content controls). A text box (`w:txbxContent`) is not part of its anchor paragraph's text: it is read
as paragraphs of its own. Word writes every text box twice — the DrawingML shape in `mc:Choice` and a VML
copy in `mc:Fallback` — so the fallback branch is never read.
"""

from docx.oxml.ns import qn

from extractors.readers.docx_numbering import Numbering

W_P, W_R, W_TXBX = qn("w:p"), qn("w:r"), qn("w:txbxContent")
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
NOT_OWN_TEXT = {W_P, W_TXBX, MC_FALLBACK}  # a nested paragraph only lives inside a text box
RUN_TEXT = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n"}


def paragraph_text(p, numbering: Numbering | None = None) -> str:
    parts = []
    for run in own_runs(p):
        if is_hidden(run):
            continue
        for node in run:
            if node.tag in RUN_TEXT:
                parts.append(RUN_TEXT[node.tag] or node.text or "")
    text = "".join(parts)
    label = numbering.label(p) if numbering else None
    return f"{label} {text}".strip() if label and label.strip(". ") and not text.strip() else text


def own_runs(node):
    """The paragraph's runs in order, through insertions, hyperlinks, fields and content controls, but
    not the runs of a text box drawn in it nor a VML fallback copy."""
    for child in node:
        if child.tag == W_R:
            yield child
        elif child.tag not in NOT_OWN_TEXT:
            yield from own_runs(child)


def text_boxes(p) -> list:
    """The `w:txbxContent` of the boxes anchored in `p`, each once (not the fallback copy, not a box
    inside a box: that one is found when its own box is read)."""
    return [box for box in p.iter(W_TXBX) if not has_ancestor(box, p, {MC_FALLBACK, W_TXBX})]


def is_read_once(p, container) -> bool:
    """A paragraph below `container` that is not in a VML fallback copy of a text box."""
    return not has_ancestor(p, container, {MC_FALLBACK})


def has_ancestor(node, stop, tags: set) -> bool:
    for ancestor in node.iterancestors():
        if ancestor is stop:
            return False
        if ancestor.tag in tags:
            return True
    return False


def is_hidden(run) -> bool:
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        return False
    vanish = rpr.find(qn("w:vanish"))
    return vanish is not None and vanish.get(qn("w:val")) not in ("0", "false")


def is_list_item(p) -> bool:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        return False
    if ppr.find(qn("w:numPr")) is not None:
        return True
    style = ppr.find(qn("w:pStyle"))
    return style is not None and "list" in (style.get(qn("w:val")) or "").lower()
