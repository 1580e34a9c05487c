"""Word's automatic numbering: a «№» cell numbered by Word has no text; its number lives in numbering.xml.

We count paragraphs per (numId, level) in document order and render decimal labels («7.»), which is
what a person sees in the «№» column. Bullets and other formats are not labels we need.
"""

from docx.oxml.ns import qn


class Numbering:
    def __init__(self, formats: dict[tuple[str, str], tuple[str, int, str]]):
        self.formats = formats  # (numId, ilvl) -> (numFmt, start, lvlText)
        self.counters: dict[tuple[str, str], int] = {}

    @classmethod
    def from_document(cls, document) -> "Numbering":
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return cls({})
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
        formats = {}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = abstract.get(ref.get(qn("w:val"))) if ref is not None else None
            for lvl in levels.findall(qn("w:lvl")) if levels is not None else []:
                formats[(num.get(qn("w:numId")), lvl.get(qn("w:ilvl")))] = level_format(lvl)
        return cls(formats)

    def label(self, p) -> str | None:
        key = num_key(p)
        if key is None or key not in self.formats:
            return None
        fmt, start, text = self.formats[key]
        count = self.counters[key] = self.counters.get(key, start - 1) + 1
        if fmt != "decimal":
            return None
        return text.replace(f"%{int(key[1]) + 1}", str(count)) if "%" in text else f"{count}."


def level_format(lvl) -> tuple[str, int, str]:
    def val(name, default):
        node = lvl.find(qn(name))
        return node.get(qn("w:val")) if node is not None else default

    return val("w:numFmt", "decimal"), int(val("w:start", "1")), val("w:lvlText", "%1.")


def num_key(p) -> tuple[str, str] | None:
    numpr = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if numpr is None:
        return None
    num_id, ilvl = numpr.find(qn("w:numId")), numpr.find(qn("w:ilvl"))
    if num_id is None:
        return None
    return num_id.get(qn("w:val")), ilvl.get(qn("w:val")) if ilvl is not None else "0"
