"""Helpers make_forms.py runs in a second Python that has reportlab and msoffcrypto-tool (kept out of the
project's environment: they are only needed to regenerate samples).

    python forms_tools.py reportlab SPEC.json      # draw a PDF from a JSON spec
    python forms_tools.py encrypt IN OUT PASSWORD  # password-protect an OOXML file (ECMA-376 Agile)
    python forms_tools.py decrypt IN OUT PASSWORD  # the check: decrypt it again

Encryption salts and keys come from a seeded generator instead of the system's random source, and the
OLE directory's timestamps from a fixed clock, so the sample's bytes are the same on every run. That is only acceptable for a sample whose password is printed
in its manifest; never encrypt anything real this way.
"""

from __future__ import annotations

import hashlib
import json
import sys


def reportlab_pdf(spec_path: str) -> None:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer

    spec = json.load(open(spec_path, encoding="utf-8"))
    pdfmetrics.registerFont(TTFont("Serif", spec["font"]))
    pdfmetrics.registerFont(TTFont("Serif-Bold", spec["bold_font"]))
    size = spec.get("font_size", 11)
    aligns = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}

    def style(align="left", bold=False, fsize=None, indent=0.0):
        fs = fsize or size
        return ParagraphStyle("s", fontName="Serif-Bold" if bold else "Serif", fontSize=fs, leading=fs * 1.18,
                              alignment=aligns[align], leftIndent=indent)

    story = []
    for par in spec["paragraphs"]:
        story.append(Paragraph(par["text"] or "&nbsp;", style(par.get("align", "left"), par.get("bold", False),
                                                              indent=par.get("indent", 0.0))))
    story.append(Spacer(1, 8))
    t = spec["table"]
    col_align = t["align"]
    data = []
    for r, row in enumerate(t["rows"]):
        cells = []
        for c, text in enumerate(row):
            header = r < t["header_rows"]
            align = "center" if header or r in t.get("center_rows", []) else col_align[c]
            cells.append(Paragraph(text.replace("\n", "<br/>"), style(align, bold=header or r in t.get("bold_rows", []))))
        data.append(cells)
    table = LongTable(data, colWidths=t["col_widths"], repeatRows=t.get("repeat_rows", 0), splitByRow=1)
    pl, pr, pt, pb = t["padding"]
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), pl),
                ("RIGHTPADDING", (0, 0), (-1, -1), pr), ("TOPPADDING", (0, 0), (-1, -1), pt),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pb)]
    if t["grid"]:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    for c0, r0, c1, r1 in t.get("spans", []):
        commands.append(("SPAN", (c0, r0), (c1, r1)))
        if r1 > r0:
            commands.append(("VALIGN", (c0, r0), (c1, r1), "MIDDLE"))
    table.setStyle(commands)
    story.append(table)
    for par in spec.get("after", []):
        story.append(Spacer(1, 10))
        story.append(Paragraph(par["text"], style(par.get("align", "left"))))
    ml, mr, mt, mb = spec["margins"]
    doc = SimpleDocTemplate(spec["out"], pagesize=tuple(spec["pagesize"]), leftMargin=ml, rightMargin=mr,
                            topMargin=mt, bottomMargin=mb, title=spec["title"], author=spec["author"],
                            creator="Svodka samples", invariant=1)
    doc.build(story)


def seeded_random(seed: bytes):
    state = {"counter": 0}

    def buffer(size: int) -> bytes:
        out = b""
        while len(out) < size:
            state["counter"] += 1
            out += hashlib.sha256(seed + state["counter"].to_bytes(8, "big")).digest()
        return out[:size]

    return buffer


def encrypt(src: str, dst: str, password: str) -> None:
    import datetime

    import msoffcrypto.method.container.ecma376_encrypted as container
    import msoffcrypto.method.ecma376_agile as agile
    from msoffcrypto.format.ooxml import OOXMLFile

    class FixedClock(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return cls(2024, 1, 1, 0, 0, 0)

    data = open(src, "rb").read()
    agile._random_buffer = seeded_random(hashlib.sha256(data).digest())
    container.datetime = FixedClock  # the OLE directory's creation/modification times
    with open(src, "rb") as f, open(dst, "wb") as out:
        OOXMLFile(f).encrypt(password, out)


def decrypt(src: str, dst: str, password: str) -> None:
    import msoffcrypto

    with open(src, "rb") as f:
        office = msoffcrypto.OfficeFile(f)
        if not office.is_encrypted():
            raise SystemExit(f"{src} is not encrypted")
        office.load_key(password=password)
        with open(dst, "wb") as out:
            office.decrypt(out)


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    {"reportlab": reportlab_pdf, "encrypt": encrypt, "decrypt": decrypt}[command](*args)
