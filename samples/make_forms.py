"""Build ``samples/forms/``: the same kind of plan in every form regions really send, and its reference
``samples/FORMS_MANIFEST.json`` (same record format as ``MANIFEST.json``).

Run from the repository root, after ``make_samples.py`` (which empties ``samples/inbox/``)::

    .venv/bin/python samples/make_forms.py

It also writes three plans into the demo inbox (``inbox/perm_2024.xlsx``, ``inbox/tyumen_2021.doc``,
``inbox/omsk_2026.docx``); their records are in FORMS_MANIFEST.json with their inbox paths, because
make_samples.py rebuilds MANIFEST.json from scratch.

Needs LibreOffice (.xls, .ods, .doc, .rtf, .odt, PDFs, and reading everything back), Chromium
(``/usr/bin/chromium``: one PDF), qpdf, and a second Python with reportlab and msoffcrypto-tool for two
PDFs and the password-protected files (``FORMS_TOOLS_PYTHON``, default ``build/forms-tools/bin/python``,
which ``make forms-tools`` creates). The generated files are committed: tests never need any of this.

Every file is read back by a real reader after it is written (openpyxl, LibreOffice, lxml, zipfile,
python-docx, pdfplumber, msoffcrypto-tool, Pillow) and the script stops with an error if the file does not
hold what its manifest record says. The plans are made up (``forms_plans.py``); people are fictional.
"""

from __future__ import annotations

import copy
import datetime as dt
import email
import hashlib
import io
import json
import os
import quopri
import re
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from forms_plans import Plan, all_plans
from lxml import etree
from lxml import html as lxml_html
from make_samples import (
    CENTER,
    FIXED_ZIP_TIME,
    Act,
    add_par,
    cell_margins,
    fill_cell,
    flat,
    manifest_activity,
    new_document,
    repeat_header,
    set_borders,
    set_core,
    set_widths,
    squash,
    table_splits,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FORMS = HERE / "forms"
INBOX = HERE / "inbox"
BUILD = HERE / "build-forms"  # intermediate files; deleted at the end
MANIFEST = HERE / "FORMS_MANIFEST.json"
TOOLS_PYTHON = os.environ.get("FORMS_TOOLS_PYTHON", str(ROOT / "build" / "forms-tools" / "bin" / "python"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
MAX_FILE_BYTES = 200_000
MAX_FOLDER_BYTES = 3_000_000

FIELDS_STD = ["seq", "title", "deadline", "responsible"]


class SampleError(SystemExit):
    """A generated file does not hold what its record says: stop, loudly."""


def fail(path: Path | str, message: str):
    raise SampleError(f"{Path(path).name}: {message}")


# ---------------------------------------------------------------------------------------------------
# Manifest records
# ---------------------------------------------------------------------------------------------------


def visible(plan: Plan, fields: list[str], *, sections: bool = True) -> list[Act]:
    """The plan's activities as a form shows them: columns it does not have read as null."""
    out = []
    for act in plan.acts:
        a = copy.copy(act)
        a.description = act.description if "description" in fields else None
        a.note = act.note if "note" in fields else None
        a.seq = act.seq if "seq" in fields else None
        a.section = act.section if sections else None
        out.append(a)
    return out


def record(path: Path | str, plan: Plan | None, fmt: str, layout: str, acts: list[Act] | None = None,
           **more) -> dict:
    rel = path if isinstance(path, str) else str(path.relative_to(ROOT))
    acts = acts if acts is not None else []
    rec = {"path": rel,
           "region": plan.region.name if plan else None,
           "region_number": plan.region.number if plan else None,
           "format": fmt, "source": "made-up", "layout": layout,
           "facts": dict(plan.facts) if plan else {}}
    rec.update(more)
    rec["expected_activity_count"] = len(acts)
    rec["activities"] = [manifest_activity(a) for a in acts]
    return rec


def quarantined(rec: dict, reason: str) -> dict:
    rec["expected_status"] = "quarantined"
    rec["expected_reason_contains"] = reason
    return rec


# ---------------------------------------------------------------------------------------------------
# Bytes: zip normalisation and package surgery
# ---------------------------------------------------------------------------------------------------

FIXED_W3CDTF = "2000-01-01T00:00:00Z"


def normalise_zip(data: bytes, *, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None,
                  stored: tuple[str, ...] = ("mimetype",)) -> bytes:
    """Rewrite a zip with fixed timestamps and attributes, members in their order (``mimetype`` first and
    stored, as ODF wants), some members replaced and some added at the end."""
    replace, add = replace or {}, add or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        if "mimetype" in names:
            names.remove("mimetype")
            names.insert(0, "mimetype")
        for name in names + [n for n in add if n not in names]:
            body = add[name] if name in add else replace.get(name, src.read(name) if name in src.namelist() else b"")
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            dst.writestr(info, body)
    return out.getvalue()


def zip_member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name)


def fix_core_dates(xml: bytes) -> bytes:
    return re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)", rb"\g<1>" + FIXED_W3CDTF.encode()
                  + rb"\g<2>", xml)


def docx_bytes(doc) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalise_zip(buffer.getvalue())


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------------------------------------------
# LibreOffice
# ---------------------------------------------------------------------------------------------------


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise SampleError("LibreOffice (soffice) is needed: apt-get install -y libreoffice-writer-nogui "
                          "libreoffice-calc-nogui")
    return exe


def lo_convert(src: Path, target: str, outdir: Path, *, when: dt.datetime | None = None,
               infilter: str | None = None) -> Path:
    """``soffice --convert-to target`` with the build's own profile; the produced file's path."""
    outdir.mkdir(parents=True, exist_ok=True)
    profile = BUILD / "lo-profile"
    env = dict(os.environ, HOME=str(BUILD / "home"))
    if when:
        env["SOURCE_DATE_EPOCH"] = str(int(when.replace(tzinfo=dt.UTC).timestamp()))
    cmd = [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           *([f"--infilter={infilter}"] if infilter else []), "--convert-to", target, "--outdir", str(outdir),
           str(src)]
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    ext = target.split(":")[0]
    produced = outdir / f"{src.stem}.{ext}"
    if result.returncode != 0 or not produced.exists():
        fail(src, f"LibreOffice could not convert it to {target}: {result.stderr[-500:]}")
    return produced


def lo_text(path: Path) -> str:
    """The document's text as LibreOffice Writer reads it (proves LibreOffice opens the file)."""
    work = BUILD / "text" / hashlib.md5(str(path).encode()).hexdigest()[:8]
    src = work / ("doc" + path.suffix)
    src.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, src)
    out = lo_convert(src, "txt:Text (encoded):UTF8", work / "out")
    return out.read_text(encoding="utf-8-sig")


def lo_flat_xml(path: Path) -> etree._Element:
    """The document as LibreOffice's flat ODF (.fodt): shows text boxes, which the text export drops."""
    work = BUILD / "fodt" / hashlib.md5(str(path).encode()).hexdigest()[:8]
    src = work / ("doc" + path.suffix)
    src.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, src)
    return etree.parse(str(lo_convert(src, "fodt", work / "out"))).getroot()


def lo_csv(path: Path) -> dict[str, list[list[str]]]:
    """Every sheet as LibreOffice Calc shows it (cell contents as displayed), keyed by sheet file suffix."""
    import csv

    work = BUILD / "csv" / hashlib.md5(str(path).encode()).hexdigest()[:8]
    src = work / ("book" + path.suffix)
    src.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, src)
    outdir = work / "out"
    outdir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, HOME=str(BUILD / "home"))
    cmd = [soffice(), f"-env:UserInstallation={(BUILD / 'lo-profile').as_uri()}", "--headless", "--norestore",
           "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1049,false,true,true,false,false,-1",
           "--outdir", str(outdir), str(src)]
    subprocess.run(cmd, env=env, capture_output=True, timeout=300, check=False)
    sheets = {}
    for f in sorted(outdir.glob("*.csv")):
        name = f.stem[len("book"):].lstrip("-") or "1"
        sheets[name] = list(csv.reader(f.read_text(encoding="utf-8").splitlines()))
    if not sheets:
        fail(path, "LibreOffice Calc could not open it")
    return sheets


def must_contain(path: Path | str, text: str, acts: list[Act], fields: list[str], extra: list[str] = ()) -> None:
    """Each activity's cells (and the extra strings) occur in the text, spaces ignored."""
    hay = squash(text)
    for act in acts:
        for f in fields:
            value = flat(getattr(act, f) if f != "deadline" else act.deadline)
            if value and squash(value) not in hay:
                fail(path, f"the reader does not find {f} «{value}» of activity {act.seq or act.title[:40]}")
    for s in extra:
        if squash(s) not in hay:
            fail(path, f"the reader does not find «{s}»")


# ---------------------------------------------------------------------------------------------------
# DOCX plan tables
# ---------------------------------------------------------------------------------------------------

HEADERS = {"seq": "№ п/п", "title": "Наименование мероприятия", "deadline": "Срок исполнения",
           "responsible": "Ответственный", "description": "Содержание", "note": "Примечание"}


def layout_rows(acts: list[Act], sections: bool) -> list[tuple[str, object]]:
    rows, current = [], None
    for act in acts:
        if sections and act.section and act.section != current:
            rows.append(("section", act.section))
        current = act.section
        rows.append(("act", act))
    return rows


def cell_value(act: Act, field: str):
    return act.deadline if field == "deadline" else getattr(act, field)


def plan_table(doc_or_cell, acts: list[Act], columns: list[tuple[str, str, float]], *, sections: bool = True,
               header: bool = True, repeat: bool = True, borders: bool = True, font_size: float | None = None):
    """A plan table: header row, section rows spanning the table, the deadline cell vertically merged over
    the rows the plan marks (``extra["vmerge"]``). ``columns`` is (header, field, width cm)."""
    rows = layout_rows(acts, sections)
    table = doc_or_cell.add_table(rows=len(rows) + (1 if header else 0), cols=len(columns))
    if borders:
        table.style = doc_or_cell.part.document.styles["Table Grid"]
    fields = [f for _, f, _ in columns]
    if header:
        for cell, (text, _, _) in zip(table.rows[0].cells, columns):
            fill_cell(cell, text, bold=True, align=CENTER)
        if repeat:
            repeat_header(table.rows[0])
    set_widths(table, [w for _, _, w in columns])
    merge_from = None
    offset = 1 if header else 0
    for r, (kind, item) in enumerate(rows, offset):
        row = table.rows[r]
        if kind == "section":
            merged = row.cells[0].merge(row.cells[-1])
            fill_cell(merged, item, bold=True, align=CENTER)
            continue
        act: Act = item
        cells = row.cells
        for i, field in enumerate(fields):
            if field == "deadline" and act.extra.get("vmerge") == "continue":
                continue
            fill_cell(cells[i], cell_value(act, field), align=CENTER if field in ("seq", "deadline") else None)
        vm = act.extra.get("vmerge")
        if vm == "restart":
            merge_from = r
        elif vm == "continue" and (r + 1 - offset >= len(rows) or rows[r + 1 - offset][0] != "act"
                                   or rows[r + 1 - offset][1].extra.get("vmerge") != "continue"):
            col = fields.index("deadline")
            table.cell(merge_from, col).merge(table.cell(r, col))
    set_borders(table, borders)
    cell_margins(table)
    if font_size:
        for p in table._tbl.iter(qn("w:r")):
            rpr = p.get_or_add_rPr()
            size = OxmlElement("w:sz")
            size.set(qn("w:val"), str(int(font_size * 2)))
            rpr.append(size)
    return table


def approval_paragraphs(doc, lines: list[str], indent_cm: float = 9.5):
    for line in lines:
        add_par(doc, line, left_indent_cm=indent_cm)
    add_par(doc)


def title_paragraphs(doc, plan: Plan, lines: list[str] | None = None):
    lines = lines or split_title(plan.title)
    for line in lines:
        add_par(doc, line, bold=True, align=CENTER)
    add_par(doc)


def split_title(title: str) -> list[str]:
    """«ПЛАН» on its own line, the rest as one paragraph (as plans usually set it)."""
    if title.startswith("ПЛАН "):
        return ["ПЛАН", title[5:]]
    return [title]


def plan_docx(plan: Plan, acts: list[Act], columns, *, landscape: bool = False, sections: bool = True,
              signature: str | None = None, when: dt.datetime | None = None, font_size: float = 12,
              approval: bool = True, repeat: bool = True):
    doc = new_document(font_size=font_size, margins_cm=(1.5, 1.5, 1.5, 2.0) if landscape else (2.0, 1.5, 2.0, 2.5),
                       landscape=landscape)
    if approval:
        approval_paragraphs(doc, plan.approval, 17.0 if landscape else 9.5)
    title_paragraphs(doc, plan)
    plan_table(doc, acts, columns, sections=sections, repeat=repeat)
    if signature:
        add_par(doc)
        add_par(doc, signature)
    set_core(doc, title=plan.title[:80], author=f"Аппарат Общественной палаты {plan.region.gen}",
             when=when or dt.datetime.combine(dt.date.fromisoformat(plan.facts["approved_on"]), dt.time(10)))
    return doc


def cols(*spec) -> list[tuple[str, str, float]]:
    """Column spec from (field, width) pairs or (header, field, width) triples."""
    out = []
    for item in spec:
        if len(item) == 2:
            out.append((HEADERS[item[0]], item[0], item[1]))
        else:
            out.append(item)
    return out


def fields_of(columns) -> list[str]:
    return [f for _, f, _ in columns]


def signature_line(post: str, name: str) -> str:
    return f"{post}{' ' * 40}{name}"


# ---------------------------------------------------------------------------------------------------
# Excel (openpyxl), then .xlsm, .xls and .ods
# ---------------------------------------------------------------------------------------------------

XL_HEADERS = {"seq": "№ п/п", "title": "Мероприятие", "description": "Содержание", "deadline": "Срок",
              "responsible": "Ответственный", "note": "Примечание"}
XL_WIDTHS = {"seq": 6, "title": 48, "description": 40, "deadline": 16, "responsible": 30, "note": 22}


def xl_styles():
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin", color="000000")
    return {"border": Border(left=thin, right=thin, top=thin, bottom=thin),
            "wrap": Alignment(wrap_text=True, vertical="top"),
            "center": Alignment(wrap_text=True, vertical="center", horizontal="center"),
            "bold": Font(name="Times New Roman", bold=True, size=12),
            "plain": Font(name="Times New Roman", size=12)}


def xl_seq(act: Act):
    """«№» as Excel users type it: a number when it is one (displayed «7»), text otherwise («1.1.»)."""
    return int(act.seq) if act.seq and act.seq.isdigit() else act.seq


def xl_plan(ws, acts: list[Act], fields: list[str], *, row: int, sections: bool, date_format: str | None,
            header: bool = True, title_lines: list[str] = ()) -> int:
    """Write title lines (merged across), the header and the plan rows; returns the next free row.
    Section rows are merged across; a deadline marked vmerge is merged over its rows; deadlines that are
    one exact date become Excel dates with ``date_format`` (unless ``text_date`` asks for text)."""
    from openpyxl.utils import get_column_letter

    st = xl_styles()
    last = get_column_letter(len(fields))
    xl_fit(ws, landscape=True)
    for i, f in enumerate(fields, 1):
        ws.column_dimensions[get_column_letter(i)].width = XL_WIDTHS[f]
    for line in title_lines:
        ws.merge_cells(f"A{row}:{last}{row}")
        cell = ws.cell(row, 1, line)
        cell.font, cell.alignment = st["bold"], st["center"]
        ws.row_dimensions[row].height = 32 if len(line) > 90 else 16
        row += 1
    if title_lines:
        row += 1
    if header:
        for i, f in enumerate(fields, 1):
            cell = ws.cell(row, i, XL_HEADERS[f])
            cell.font, cell.alignment, cell.border = st["bold"], st["center"], st["border"]
        row += 1
    merge_start = None
    for kind, item in layout_rows(acts, sections):
        if kind == "section":
            ws.merge_cells(f"A{row}:{last}{row}")
            cell = ws.cell(row, 1, item)
            cell.font, cell.alignment = st["bold"], st["center"]
            for i in range(1, len(fields) + 1):
                ws.cell(row, i).border = st["border"]
            row += 1
            continue
        act: Act = item
        for i, f in enumerate(fields, 1):
            cell = ws.cell(row, i)
            cell.border, cell.font, cell.alignment = st["border"], st["plain"], st["wrap"]
            if f == "seq":
                cell.value = xl_seq(act)
                cell.alignment = st["center"]
            elif f == "deadline":
                cell.alignment = st["center"]
                if act.extra.get("vmerge") == "continue":
                    continue
                if act.extra.get("date") and date_format and not act.extra.get("text_date"):
                    cell.value = dt.datetime.combine(act.extra["date"], dt.time())
                    cell.number_format = date_format
                else:
                    cell.value = act.deadline
            else:
                cell.value = flat(getattr(act, f))
        vm = act.extra.get("vmerge")
        if vm == "restart":
            merge_start = row
        elif vm == "continue":
            col = get_column_letter(fields.index("deadline") + 1)
            if merge_start is not None:
                ws.unmerge_cells(f"{col}{merge_start}:{col}{row - 1}") if row - 1 > merge_start else None
                ws.merge_cells(f"{col}{merge_start}:{col}{row}")
        longest = max(len(flat(getattr(act, f)) or "") for f in fields if f not in ("seq", "deadline"))
        ws.row_dimensions[row].height = 16 * (1 + longest // 45)
        row += 1
    return row


def xl_fit(ws, *, landscape: bool) -> None:
    """Print on A4, all columns on one page wide."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0


def xl_approval(ws, lines: list[str], *, col: int, row: int, span: int = 2) -> int:
    from openpyxl.utils import get_column_letter

    st = xl_styles()
    for line in lines:
        ws.merge_cells(f"{get_column_letter(col)}{row}:{get_column_letter(col + span - 1)}{row}")
        c = ws.cell(row, col, line or None)
        c.font, c.alignment = st["plain"], st["wrap"]
        ws.row_dimensions[row].height = 32 if len(line) > 40 else 16
        row += 1
    return row + 1


def xl_bytes(wb, when: dt.datetime) -> bytes:
    wb.properties.creator = "Аппарат Общественной палаты"
    wb.properties.lastModifiedBy = "Аппарат Общественной палаты"
    wb.properties.created = when
    wb.properties.modified = when
    buffer = io.BytesIO()
    wb.save(buffer)
    data = buffer.getvalue()
    core = zip_member(data, "docProps/core.xml")
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    core = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)", rb"\g<1>" + stamp + rb"\g<2>", core)
    return normalise_zip(data, replace={"docProps/core.xml": core})


def plan_title_lines(plan: Plan) -> list[str]:
    return split_title(plan.title)


def xlsx_perm(plan: Plan) -> dict:
    """Inbox: a cover sheet «Титул» and the plan on the second sheet «План»."""
    import openpyxl

    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Титул"
    for col, width in zip("ABCDEF", [14, 14, 14, 24, 24, 6]):
        cover.column_dimensions[col].width = width
    xl_fit(cover, landscape=False)
    row = xl_approval(cover, plan.approval, col=4, row=2)
    st = xl_styles()
    for line in ["ПЛАН", "мероприятий Общественного штаба по наблюдению за выборами",
                 "Общественной палаты Пермского края", "на 2024 год"]:
        cover.merge_cells(f"A{row}:F{row}")
        c = cover.cell(row, 1, line)
        c.font, c.alignment = st["bold"], st["center"]
        row += 1
    cover.cell(row + 2, 1, "г. Пермь, 2024").font = st["plain"]
    ws = wb.create_sheet("План")
    fields = ["seq", "title", "deadline", "responsible", "note"]
    acts = visible(plan, fields)
    xl_plan(ws, acts, fields, row=1, sections=True, date_format="DD.MM.YYYY", title_lines=plan_title_lines(plan))
    ws.freeze_panes = "A5"
    ws.print_title_rows = "4:4"
    path = write(INBOX / "perm_2024.xlsx", xl_bytes(wb, dt.datetime(2024, 2, 5, 10, 0)))
    check_xlsx(path, acts, fields, plan_sheet="План", header_row=4, date_format="DD.MM.YYYY")
    return record(path, plan, "xlsx",
                  "two sheets: a cover «Титул» (approval block and title in merged cells) and the plan on the "
                  "second sheet «План»; title merged across A1:E2 above the header (row 4); section rows merged "
                  "across the table; «Срок» merged over 3 rows (the value is only in the top cell; given on "
                  "every row it covers); «№ п/п» stored as numbers; exact-date deadlines stored as real Excel "
                  "dates with number format DD.MM.YYYY — deadline_raw is what Excel displays («12.04.2024»), "
                  "the other deadlines are text", acts, sheets=["Титул", "План"], plan_sheet="План",
                  merged_deadline_rows=[a.seq for a in acts if a.extra.get("vmerge")],
                  excel_dates=[a.deadline for a in acts if a.extra.get("date")])


def xlsx_rostov(plan: Plan) -> dict:
    """The plan split over two sheets «Раздел 1», «Раздел 2», each with its header."""
    import openpyxl

    wb = openpyxl.Workbook()
    fields = ["seq", "title", "description", "deadline", "responsible"]
    acts = visible(plan, fields)
    halves = [[a for a in acts if a.section == s] for s in plan.sections]
    for i, part in enumerate(halves):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = f"Раздел {i + 1}"
        row = 1
        if i == 0:
            row = xl_approval(ws, plan.approval, col=4, row=1)
            row = xl_plan(ws, [], fields, row=row, sections=False, date_format=None, header=False,
                          title_lines=plan_title_lines(plan))
        xl_plan(ws, part, fields, row=row, sections=True, date_format="DD.MM.YY")
    path = write(FORMS / "rostov_2023_razdely.xlsx", xl_bytes(wb, dt.datetime(2023, 1, 17, 12, 0)))
    check_xlsx(path, acts, fields, plan_sheet=None, header_row=None, date_format="DD.MM.YY")
    return record(path, plan, "xlsx",
                  "the plan split over two sheets «Раздел 1» and «Раздел 2», each with its own header row and a "
                  "section row merged across the table above its rows; approval («УТВЕРЖДЁН решением Совета …») "
                  "and title only on the first sheet; columns «№ п/п», «Мероприятие», «Содержание», «Срок», "
                  "«Ответственный»; seq like «1.3.», «2.1.»; exact dates stored as Excel dates with number format "
                  "DD.MM.YY (deadline_raw is the display, «01.02.23»), and one date typed as text "
                  "(«15.06.2023»)", acts, sheets=["Раздел 1", "Раздел 2"],
                  excel_dates=[a.deadline for a in acts if a.extra.get("date") and not a.extra.get("text_date")])


def short_year_display(plan: Plan) -> None:
    """A DD.MM.YY number format shows «01.02.23»: that is what a person reads."""
    for act in plan.acts:
        if act.extra.get("date") and not act.extra.get("text_date"):
            act.deadline = act.extra["date"].strftime("%d.%m.%y")


VBA_RELTYPE = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
VBA_CT = "application/vnd.ms-office.vbaProject"
VBA_PLACEHOLDER = (b"Svodka sample placeholder for a VBA project (vbaProject.bin). It holds no code and is not "
                   b"an OLE compound file; a reader must never execute or re-save it.\n")


def add_vba(data: bytes, *, main_part: str, main_ct: str, rels: str, bin_name: str) -> bytes:
    """Turn an OOXML package macro-enabled: main part content type, a vbaProject.bin part and its relationship."""
    ct = zip_member(data, "[Content_Types].xml").decode()
    ct = re.sub(rf'(<Override PartName="/{re.escape(main_part)}" ContentType=")[^"]+', rf"\g<1>{main_ct}", ct)
    if 'Extension="bin"' not in ct:
        ct = ct.replace("<Default ", f'<Default Extension="bin" ContentType="{VBA_CT}"/><Default ', 1)
    r = zip_member(data, rels).decode()
    r = r.replace("</Relationships>", f'<Relationship Id="rIdVba1" Type="{VBA_RELTYPE}" '
                                      f'Target="vbaProject.bin"/></Relationships>')
    return normalise_zip(data, replace={"[Content_Types].xml": ct.encode(), rels: r.encode()},
                         add={bin_name: VBA_PLACEHOLDER})


def set_main_ct(data: bytes, main_part: str, main_ct: str) -> bytes:
    ct = zip_member(data, "[Content_Types].xml").decode()
    new = re.sub(rf'(<Override PartName="/{re.escape(main_part)}" ContentType=")[^"]+', rf"\g<1>{main_ct}", ct)
    if new == ct:
        raise SampleError(f"no content type override for /{main_part}")
    return normalise_zip(data, replace={"[Content_Types].xml": new.encode()})


def xlsm_bashkortostan(plan: Plan) -> dict:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "План мероприятий"
    fields = ["seq", "title", "deadline", "responsible"]
    acts = visible(plan, fields)
    row = xl_approval(ws, plan.approval, col=3, row=1)
    xl_plan(ws, acts, fields, row=row, sections=False, date_format="DD.MM.YYYY", title_lines=plan_title_lines(plan))
    data = add_vba(xl_bytes(wb, dt.datetime(2024, 3, 11, 9, 0)), main_part="xl/workbook.xml",
                   main_ct="application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                   rels="xl/_rels/workbook.xml.rels", bin_name="xl/vbaProject.bin")
    path = write(FORMS / "bashkortostan_2024.xlsm", data)
    check_xlsx(path, acts, fields, plan_sheet="План мероприятий", header_row=None, date_format="DD.MM.YYYY")
    check_macro_package(path, "xl/workbook.xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
    return record(path, plan, "xlsm",
                  "macro-enabled workbook: xl/workbook.xml has content type "
                  "application/vnd.ms-excel.sheet.macroEnabled.main+xml and xl/vbaProject.bin is a placeholder "
                  "blob (no code, not even an OLE file) tied by a vbaProject relationship; approval and title in "
                  "merged cells above the header; full names («Хабибуллина Гульнара Рашитовна»); exact dates "
                  "as Excel dates (DD.MM.YYYY)", acts)


def xls_krasnodar(plan: Plan) -> dict:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "План"
    fields = ["seq", "title", "deadline", "responsible"]
    acts = visible(plan, fields)
    row = xl_approval(ws, plan.approval, col=3, row=1)
    xl_plan(ws, acts, fields, row=row, sections=True, date_format="DD.MM.YYYY", title_lines=plan_title_lines(plan))
    src = write(BUILD / "krasnodar_2021.xlsx", xl_bytes(wb, dt.datetime(2021, 2, 9, 10, 0)))
    out = lo_convert(src, "xls:MS Excel 97", BUILD / "xls")
    path = write(FORMS / "krasnodar_2021.xls", out.read_bytes())
    if not path.read_bytes().startswith(b"\xd0\xcf\x11\xe0"):
        fail(path, "not an OLE2 compound file")
    check_sheet_display(path, acts, fields)
    return record(path, plan, "xls",
                  "Excel 97–2003 workbook (BIFF8 in an OLE2 container, written by LibreOffice from an xlsx): "
                  "approval block and title in merged cells above the header; section rows merged across; "
                  "«Срок» merged over 3 rows (II section, «июль – август»); «№» typed as text «1.»; "
                  "exact dates are real dates shown DD.MM.YYYY; initials with spaces («А. Г. Мамедов») and a post "
                  "with no name («Председатель Общественной палаты»)", acts)


def ods_primorye(plan: Plan) -> dict:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "План штаба"
    fields = ["seq", "title", "deadline", "responsible"]
    acts = visible(plan, fields)
    row = xl_approval(ws, plan.approval, col=3, row=1)
    xl_plan(ws, acts, fields, row=row, sections=False, date_format="DD.MM.YYYY", title_lines=plan_title_lines(plan))
    src = write(BUILD / "primorye_2025.xlsx", xl_bytes(wb, dt.datetime(2025, 1, 28, 10, 0)))
    out = lo_convert(src, "ods", BUILD / "ods")
    data = out.read_bytes()
    meta = re.sub(rb"<meta:generator>[^<]*</meta:generator>", b"<meta:generator>LibreOffice</meta:generator>",
                  zip_member(data, "meta.xml"))
    meta = re.sub(rb"(<(?:dc:date|meta:creation-date)>)[^<]*(<)", rb"\g<1>2025-01-28T10:00:00\g<2>", meta)
    path = write(FORMS / "primorye_2025.ods", normalise_zip(data, replace={"meta.xml": meta}))
    check_sheet_display(path, acts, fields)
    return record(path, plan, "ods",
                  "OpenDocument spreadsheet (LibreOffice from an xlsx): approval and title in merged cells "
                  "(table:number-columns-spanned) above the header; exact dates stored as dates "
                  "(office:value-type=\"date\") shown DD.MM.YYYY; several people in one cell («Цой В.Л., Ким Е.С.»)",
                  acts)


def check_xlsx(path: Path, acts: list[Act], fields: list[str], *, plan_sheet: str | None, header_row: int | None,
               date_format: str) -> None:
    """openpyxl: the merged ranges, the real dates and the text; LibreOffice: what a person sees."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    sheets = [wb[plan_sheet]] if plan_sheet else wb.worksheets
    dates = [c for ws in sheets for row in ws.iter_rows() for c in row if isinstance(c.value, dt.datetime)]
    wanted = [a for a in acts if a.extra.get("date") and not a.extra.get("text_date")
              and a.extra.get("vmerge") != "continue"]
    if len(dates) != len(wanted) or any(c.number_format != date_format for c in dates):
        fail(path, f"{len(dates)} date cells (want {len(wanted)}) or a wrong number format")
    if not any(ws.merged_cells.ranges for ws in sheets):
        fail(path, "no merged cells")
    if header_row and sheets[0].cell(header_row, 2).value != XL_HEADERS["title"]:
        fail(path, f"header is not on row {header_row}")
    check_sheet_display(path, acts, fields)


def check_sheet_display(path: Path, acts: list[Act], fields: list[str]) -> None:
    shown = lo_csv(path)
    text = "\n".join(",".join(r) for rows in shown.values() for r in rows)
    must_contain(path, text, acts, [f for f in fields if f != "seq"])


def check_macro_package(path: Path, main: str, ct: str) -> None:
    with zipfile.ZipFile(path) as z:
        types = z.read("[Content_Types].xml").decode()
        if f'PartName="/{main}" ContentType="{ct}"' not in types:
            fail(path, f"main part content type is not {ct}")
        if not any(n.endswith("vbaProject.bin") for n in z.namelist()):
            fail(path, "no vbaProject.bin")


# ---------------------------------------------------------------------------------------------------
# Legacy Word, RTF, ODT (LibreOffice from a DOCX) and the macro/template Word packages
# ---------------------------------------------------------------------------------------------------

STD5 = cols(("seq", 1.4), ("title", 8.6), ("deadline", 3.2), ("responsible", 4.3))


def lo_from_docx(plan: Plan, doc, target: str, out: Path) -> Path:
    src = write(BUILD / f"{plan.key}.docx", docx_bytes(doc))
    produced = lo_convert(src, target, BUILD / target.split(":")[0])
    return write(out, produced.read_bytes())


def doc_tyumen(plan: Plan) -> dict:
    """Inbox: a nice plan as Word 97–2003 .doc (LibreOffice's MS Word 97 export of a DOCX)."""
    columns = cols(("seq", 1.5), ("title", 10.0), ("deadline", 3.6), ("responsible", 6.4), ("note", 4.5))
    fields = fields_of(columns)
    acts = visible(plan, fields)
    doc = plan_docx(plan, acts, columns, landscape=True,
                    signature=signature_line("Руководитель Общественного штаба", "Ю.А. Фёдоров"))
    path = lo_from_docx(plan, doc, "doc:MS Word 97", INBOX / "tyumen_2021.doc")
    if not path.read_bytes().startswith(b"\xd0\xcf\x11\xe0"):
        fail(path, "not an OLE2 compound file")
    must_contain(path, lo_text(path), acts, fields, plan.approval[:2])
    return record(path, plan, "doc",
                  "Word 97–2003 binary .doc (LibreOffice «MS Word 97» export of a DOCX; committed as converted): "
                  "landscape; «УТВЕРЖДАЮ» block; five columns «№ п/п», «Наименование мероприятия», «Срок "
                  "исполнения», «Ответственный», «Примечание»; five section rows spanning the table; «Срок "
                  "исполнения» vertically merged over 2.2–2.4 («июнь – август»); seq «1.1.»; header row repeats; "
                  "ё in names (Фёдоров, Семёнова)", acts, sections=plan.sections)


def rtf_leningrad(plan: Plan) -> dict:
    columns = cols(("seq", 1.2), ("title", 8.8), ("deadline", 3.2), ("responsible", 4.3))
    acts = visible(plan, fields_of(columns))
    doc = plan_docx(plan, acts, columns)
    path = lo_from_docx(plan, doc, "rtf", FORMS / "leningrad_2022.rtf")
    data = path.read_bytes()
    data = re.sub(rb"\\(creatim|revtim|printim)\\yr\d+\\mo\d+\\dy\d+\\hr\d+\\min\d+",
                  rb"\\\1\\yr2022\\mo3\\dy2\\hr10\\min0", data)
    write(path, data)
    if not data.startswith(b"{\\rtf1") or data.count(b"\\clvmgf") != 1 or data.count(b"\\clvmrg") != 2:
        fail(path, "not RTF, or not one vertical merge over three rows (\\clvmgf + 2 \\clvmrg)")
    must_contain(path, lo_text(path), acts, fields_of(columns), plan.approval[:2])
    return record(path, plan, "rtf",
                  "RTF (LibreOffice from a DOCX): each row a \\trowd with one \\cellx per real cell — a section "
                  "row is ONE cell as wide as the table, «Срок исполнения» vertically merged over 2.1–2.3 («май – "
                  "август») as \\clvmgf + two \\clvmrg cells left empty; Cyrillic as \\uNNNN escapes, each followed by the fallback \\'3f («?», \\uc1); approval "
                  "«Утверждено на заседании Совета … протокол № 3»; names as «И.О. Фамилия» («К.Э. Мяэотс», "
                  "«Т.Ю. Ли»)", acts, sections=plan.sections)


def odt_yakutia(plan: Plan) -> dict:
    columns = cols(("seq", 1.2), ("title", 8.0), ("deadline", 3.0), ("responsible", 4.0), ("note", 3.0))
    acts = visible(plan, fields_of(columns))
    doc = plan_docx(plan, acts, columns, sections=False)
    produced = lo_from_docx(plan, doc, "odt", BUILD / "yakutia.odt")
    data = produced.read_bytes()
    meta = re.sub(rb"<meta:generator>[^<]*</meta:generator>", b"<meta:generator>LibreOffice</meta:generator>",
                  zip_member(data, "meta.xml"))
    settings = re.sub(rb'(config:name="Rsid(?:Root)?" config:type="int">)\d+', rb"\g<1>1045433",
                      zip_member(data, "settings.xml"))  # LibreOffice's random revision-save id
    path = write(FORMS / "yakutia_2023.odt", normalise_zip(data, replace={"meta.xml": meta,
                                                                          "settings.xml": settings}))
    with zipfile.ZipFile(path) as z:
        if z.read("mimetype") != b"application/vnd.oasis.opendocument.text":
            fail(path, "wrong mimetype")
    must_contain(path, lo_text(path), acts, fields_of(columns), plan.approval[:2])
    return record(path, plan, "odt",
                  "OpenDocument text (LibreOffice from a DOCX): table:table with a «Примечание» column, "
                  "seq «1»; hyphenated surname «Иванова-Саввина Л.Н.»; full name «Саввинов Егор Петрович»", acts)


WORD_CT = {
    "docm": "application/vnd.ms-word.document.macroEnabled.main+xml",
    "dotx": "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "dotm": "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}


def word_package(plan: Plan, kind: str, name: str, layout: str) -> dict:
    columns = STD5
    acts = visible(plan, fields_of(columns))
    doc = plan_docx(plan, acts, columns, sections=False)
    data = docx_bytes(doc)
    if kind in ("docm", "dotm"):
        data = add_vba(data, main_part="word/document.xml", main_ct=WORD_CT[kind],
                       rels="word/_rels/document.xml.rels", bin_name="word/vbaProject.bin")
    else:
        data = set_main_ct(data, "word/document.xml", WORD_CT[kind])
    path = write(FORMS / name, data)
    check_macro_package(path, "word/document.xml", WORD_CT[kind]) if kind != "dotx" else None
    try:
        docx.Document(str(path))
    except ValueError:
        pass
    else:
        fail(path, "python-docx opened it: the content type was not changed")
    must_contain(path, lo_text(path), acts, fields_of(columns), plan.approval[:2])
    return record(path, plan, kind, layout, acts, main_content_type=WORD_CT[kind])


# ---------------------------------------------------------------------------------------------------
# Web pages: Word's «save as web page» (.htm, cp1251), the same under .doc, a browser-saved .html, .mht,
# and a news page without a plan
# ---------------------------------------------------------------------------------------------------

WORD_HTML_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1251">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List href="{stem}.files/filelist.xml">
<title>{title}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>Аппарат ОП</o:Author>
  <o:LastAuthor>Аппарат ОП</o:LastAuthor>
  <o:Revision>3</o:Revision>
  <o:Created>{when}</o:Created>
  <o:LastSaved>{when}</o:LastSaved>
  <o:Pages>2</o:Pages>
  <o:Company>Общественная палата</o:Company>
  <o:Version>16.00</o:Version>
 </o:DocumentProperties>
</xml><![endif]-->
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:SpellingState>Clean</w:SpellingState>
  <w:TrackMoves>false</w:TrackMoves>
  <w:ValidateAgainstSchemas/>
  <w:DoNotPromoteQF/>
  <w:LidThemeOther>RU</w:LidThemeOther>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{{font-family:"Cambria Math";
	panose-1:2 4 5 3 5 4 6 3 2 4;
	mso-font-charset:204;
	mso-generic-font-family:roman;}}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{mso-style-unhide:no;
	mso-style-qformat:yes;
	mso-style-parent:"";
	margin:0cm;
	mso-pagination:widow-orphan;
	font-size:12.0pt;
	font-family:"Times New Roman",serif;
	mso-fareast-font-family:"Times New Roman";
	mso-ansi-language:RU;}}
p.MsoListParagraphCxSpFirst
	{{mso-style-priority:34;
	margin-left:36.0pt;
	mso-add-space:auto;}}
@page WordSection1
	{{size:841.9pt 595.3pt;
	mso-page-orientation:landscape;
	margin:42.5pt 42.5pt 42.5pt 56.7pt;}}
div.WordSection1
	{{page:WordSection1;}}
 /* List Definitions */
 @list l0
	{{mso-list-id:1158964;
	mso-list-template-ids:-1720537312;}}
@list l0:level1
	{{mso-level-number-format:bullet;
	mso-level-text:\\F0B7;
	font-family:Symbol;}}
-->
</style>
<!--[if gte mso 10]>
<style>
 /* Style Definitions */
 table.MsoNormalTable
	{{mso-style-name:"Обычная таблица";
	mso-tstyle-rowband-size:0;
	mso-style-noshow:yes;
	mso-padding-alt:0cm 5.4pt 0cm 5.4pt;}}
</style>
<![endif]--><!--[if gte mso 9]><xml>
 <o:shapedefaults v:ext="edit" spidmax="1026"/>
</xml><![endif]-->
</head>

<body lang=RU style='tab-interval:35.4pt;word-wrap:break-word'>

<div class=WordSection1>
"""

TD_STYLE = ("border:solid windowtext 1.0pt;border-top:none;mso-border-top-alt:solid windowtext .5pt;"
            "mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt")


def word_wrap(html: str, width: int = 76) -> str:
    """Word wraps its HTML source at about 76 characters, breaking inside text at spaces."""
    out = []
    for line in html.split("\n"):
        while len(line) > width and " " in line[20:width]:
            cut = line.rfind(" ", 20, width)
            out.append(line[:cut])
            line = line[cut + 1:]
        out.append(line)
    return "\n".join(out)


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def word_p(text: str, *, align: str | None = None, bold: bool = False) -> str:
    style = f" align={align} style='text-align:{align}'" if align else ""
    body = f"<span style='font-size:12.0pt'>{esc(text)}<o:p></o:p></span>"
    if bold:
        body = f"<b>{body}</b>"
    return f"<p class=MsoNormal{style}>{body}</p>"


def word_cell(value, width: int, *, rowspan: int = 1, colspan: int = 1, bold: bool = False,
              align: str | None = None) -> str:
    span = (f" rowspan={rowspan}" if rowspan > 1 else "") + (f" colspan={colspan}" if colspan > 1 else "")
    paras = []
    if value is None or value == "":
        paras.append("<p class=MsoNormal><o:p>&nbsp;</o:p></p>")
    elif isinstance(value, list) and value and value[0] == "__list__":
        intro, items = value[1], value[2:]
        paras.append(word_p(intro))
        for item in items:
            paras.append("<p class=MsoListParagraphCxSpFirst style='margin-left:18.0pt;text-indent:-18.0pt;"
                         "mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;"
                         "mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span "
                         "style='mso-list:Ignore'>·<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;"
                         "&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span style='font-size:12.0pt'>"
                         f"{esc(item)}<o:p></o:p></span></p>")
    else:
        for text in ([value] if isinstance(value, str) else value):
            paras.append(word_p(text, align=align, bold=bold))
    return (f"<td width={width}{span} valign=top style='width:{width * 0.75:.1f}pt;{TD_STYLE}'>\n"
            + "\n".join(paras) + "\n</td>")


def word_html(plan: Plan, acts: list[Act], fields: list[str], *, stem: str, list_in: int | None = None) -> str:
    """A plan as Word 2016 saves it «as web page, filtered off»: cp1251, mso- styles, conditional comments,
    <o:p>, unquoted attributes, section rows as colspan, a vertically merged deadline as rowspan, source
    lines wrapped at ~76 characters. ``list_in``: index of an activity whose title is an intro plus a
    bulleted list (Word writes the bullet as text inside <span style='mso-list:Ignore'>)."""
    widths = {"seq": 38, "title": 340, "deadline": 110, "responsible": 170, "note": 120}
    head = WORD_HTML_HEAD.format(stem=stem, title=esc(plan.title[:60]), when="2024-02-27T07:15:00Z")
    parts = [head]
    for line in plan.approval:
        parts.append(word_p(line, align="right") if line else "<p class=MsoNormal align=right style='text-align:"
                                                               "right'><o:p>&nbsp;</o:p></p>")
    parts.append("<p class=MsoNormal><o:p>&nbsp;</o:p></p>")
    for line in split_title(plan.title):
        parts.append(word_p(line, align="center", bold=True))
    parts.append("<p class=MsoNormal><o:p>&nbsp;</o:p></p>")
    parts.append("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0\n style='border-collapse:collapse;"
                 "border:none;mso-border-alt:solid windowtext .5pt;\n mso-yfti-tbllook:1184;mso-padding-alt:0cm "
                 "5.4pt 0cm 5.4pt'>")
    header = "".join(word_cell(HEADERS[f], widths[f], bold=True, align="center") for f in fields)
    parts.append(f"<tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes;page-break-inside:avoid'>\n{header}\n</tr>")
    rows = layout_rows(acts, True)
    for r, (kind, item) in enumerate(rows, 1):
        if kind == "section":
            parts.append(f"<tr style='mso-yfti-irow:{r}'>\n"
                         + word_cell(item, sum(widths[f] for f in fields), colspan=len(fields), bold=True,
                                     align="center") + "\n</tr>")
            continue
        act: Act = item
        cells = []
        for f in fields:
            if f == "deadline":
                vm = act.extra.get("vmerge")
                if vm == "continue":
                    continue
                span = 1 + sum(1 for _ in take_continues(acts, act)) if vm == "restart" else 1
                cells.append(word_cell(act.deadline, widths[f], rowspan=span, align="center"))
            elif f == "title" and list_in is not None and acts.index(act) == list_in:
                cells.append(word_cell(["__list__", *act.extra["list"]], widths[f]))
            else:
                cells.append(word_cell(flat(getattr(act, f)) or "", widths[f],
                                       align="center" if f == "seq" else None))
        parts.append(f"<tr style='mso-yfti-irow:{r}'>\n" + "\n".join(cells) + "\n</tr>")
    parts.append("</table>")
    parts.append("<p class=MsoNormal><o:p>&nbsp;</o:p></p>")
    parts.append(word_p(plan.signature or "Руководитель Общественного штаба"))
    parts.append("</div>\n\n</body>\n\n</html>\n")
    return word_wrap("\n".join(parts)).replace("\n", "\r\n")


def take_continues(acts: list[Act], act: Act):
    i = acts.index(act) + 1
    while i < len(acts) and acts[i].extra.get("vmerge") == "continue":
        yield acts[i]
        i += 1


def html_tables(data: bytes, encoding: str | None = None) -> list[list[list[str]]]:
    """Every table's rows as a browser shows the cell text (lxml; the mso-list:Ignore bullet dropped)."""
    parser = lxml_html.HTMLParser(encoding=encoding)
    root = lxml_html.document_fromstring(data, parser=parser)
    for span in root.xpath("//span[contains(@style,'mso-list:Ignore')]"):
        span.drop_tree()
    tables = []
    for table in root.iter("table"):
        tables.append([[" ".join(td.text_content().split()) for td in tr.xpath("./td|./th")]
                       for tr in table.iter("tr")])
    return tables


def check_html_plan(path: Path, data: bytes, encoding: str | None, acts: list[Act], fields: list[str], *,
                    table: int = 0) -> None:
    rows = html_tables(data, encoding)[table]
    text = "\n".join(" | ".join(r) for r in rows)
    must_contain(path, text, acts, fields)
    body_rows = [r for r in rows[1:] if len(r) > 1]
    if len(body_rows) != len(acts):
        fail(path, f"{len(body_rows)} body rows in the table, {len(acts)} activities")


def kursk_htm(plan: Plan) -> list[dict]:
    fields = ["seq", "title", "deadline", "responsible"]
    acts = visible(plan, fields)
    i = next(i for i, a in enumerate(acts) if a.extra["step"] == "recruit")
    items = ["члены общественных советов муниципальных образований;", "студенты юридических вузов;",
             "волонтёры Курского регионального отделения «Волонтёры Победы»."]
    acts[i].extra["list"] = ["Формирование корпуса общественных наблюдателей из числа:", *items]
    acts[i].title = " ".join(["Формирование корпуса общественных наблюдателей из числа:", *items])
    plan.acts[i].title = acts[i].title
    html = word_html(plan, acts, fields, stem="План штаба", list_in=i)
    data = html.encode("cp1251", errors="xmlcharrefreplace")
    htm = write(FORMS / "kursk_2024.htm", data)
    as_doc = write(FORMS / "kursk_2024_web.doc", data)
    for path in (htm, as_doc):
        if b"charset=windows-1251" not in data[:2000]:
            fail(path, "no windows-1251 declaration")
        check_html_plan(path, data, None, acts, fields)
    layout = ("Word «save as web page» HTML: windows-1251 declared in <meta http-equiv=Content-Type "
              "content=\"text/html; charset=windows-1251\"> (no BOM, no <meta charset>), CRLF, mso- styles, "
              "conditional comments (<!--[if gte mso 9]><xml>…), <o:p>, unquoted attributes, source lines wrapped "
              "inside cell text; section rows are <td colspan=4>, «Срок» is <td rowspan=3> over II section's "
              "first three rows; row «Формирование корпуса…» holds an intro and a 3-item bulleted list whose "
              "bullet «·» is text inside <span style='mso-list:Ignore'> within <![if !supportLists]> (a browser "
              "shows it; the manifest drops it, like a list style's bullet)")
    return [record(htm, plan, "htm", layout, acts, encoding="cp1251"),
            record(as_doc, plan, "htm", "the same bytes as kursk_2024.htm under a .doc name (users rename Word's "
                   "web pages to .doc): the content is HTML, not OLE2", acts, encoding="cp1251",
                   named_as="doc")]


BROWSER_PAGE = """<!DOCTYPE html>
<!-- saved from url=(0063)https://op-irkutsk.example/deyatelnost/obshchestvennyy-shtab/plan -->
<html lang="ru"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>План работы Общественного штаба — Общественная палата Иркутской области</title>
<link rel="stylesheet" href="./plan_files/main.css">
<script async="" src="./plan_files/metrika.js"></script>
<style>.plan-table{{border-collapse:collapse;width:100%}}.plan-table td,.plan-table th{{border:1px solid #ccc;
padding:6px 8px;vertical-align:top}}.visually-hidden{{position:absolute;clip:rect(0 0 0 0)}}</style>
</head>
<body class="page page-inner">
<header class="site-header"><div class="container"><a class="logo" href="https://op-irkutsk.example/">
<img src="./plan_files/logo.svg" alt="Общественная палата Иркутской области"></a>
<nav class="menu"><ul><li><a href="https://op-irkutsk.example/o-palate">О палате</a></li>
<li><a href="https://op-irkutsk.example/novosti">Новости</a></li><li class="active">
<a href="https://op-irkutsk.example/deyatelnost">Деятельность</a></li>
<li><a href="https://op-irkutsk.example/kontakty">Контакты</a></li></ul></nav></div></header>
<main class="container"><nav class="breadcrumbs"><a href="https://op-irkutsk.example/">Главная</a> /
<a href="https://op-irkutsk.example/deyatelnost">Деятельность</a> / <span>Общественный штаб</span></nav>
<article class="content">
<h1>{h1}</h1>
<p class="approval">{approval}</p>
<div class="table-responsive">
<table class="plan-table">
<thead><tr><th>№</th><th>Мероприятие</th><th>Срок</th><th>Ответственный</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
</div>
<p class="date">Опубликовано: 17.02.2023 · Просмотров: 412</p>
<div class="share"><span class="visually-hidden">Поделиться</span><a href="#">ВКонтакте</a>
<a href="#">Одноклассники</a></div>
</article></main>
<footer class="site-footer"><div class="container">© 2023 Общественная палата Иркутской области.
664003, г. Иркутск, ул. Примерная, 1. Тел.: (3952) 00-00-00</div></footer>
<script src="./plan_files/app.js"></script>
</body></html>
"""


def irkutsk_html(plan: Plan) -> dict:
    fields = ["seq", "title", "deadline", "responsible"]
    acts = visible(plan, fields)
    rows = []
    for act in acts:
        rows.append("<tr>" + "".join(f"<td>{esc(flat(cell_value(act, f)) or '')}</td>" for f in fields) + "</tr>")
    approval = esc(" ".join(line for line in plan.approval if line and not line.startswith("_")))
    page = BROWSER_PAGE.format(h1=esc(plan.title), approval=approval, rows="\n".join(rows))
    data = page.encode("utf-8")
    path = write(FORMS / "irkutsk_2023.html", data)
    check_html_plan(path, data, "utf-8", acts, fields)
    return record(path, plan, "html",
                  "a chamber's web page saved by a browser («saved from url» comment, UTF-8, meta http-equiv): "
                  "site header, menu, breadcrumbs and footer around the plan; the plan is a <table "
                  "class=\"plan-table\"> with <thead>/<tbody>; the approval is one paragraph above it", acts,
                  encoding="utf-8")


MHT_BOUNDARY = "----=_NextPart_01DA5F3C.8E2B4A60"


def nizhny_mht(plan: Plan) -> dict:
    fields = ["seq", "title", "deadline", "responsible"]
    acts = visible(plan, fields)
    html = word_html(plan, acts, fields, stem="plan")
    html_bytes = html.replace("plan.files/filelist.xml", "plan_files/filelist.xml").encode("cp1251",
                                                                                          "xmlcharrefreplace")
    qp = quopri.encodestring(html_bytes).decode("ascii").replace("\n", "\r\n").replace("\r\r\n", "\r\n")
    filelist = ('<xml xmlns:o="urn:schemas-microsoft-com:office:office">\r\n <o:MainFile HRef="../plan.htm"/>\r\n'
                ' <o:File HRef="themedata.thmx"/>\r\n <o:File HRef="filelist.xml"/>\r\n</xml>')
    parts = [
        "MIME-Version: 1.0",
        f'Content-Type: multipart/related; boundary="{MHT_BOUNDARY}"',
        "",
        "Этот документ является веб-страницей в одном файле, также называемой файлом веб-архива.".encode(
            "cp1251").decode("latin-1"),
        "",
        f"--{MHT_BOUNDARY}",
        "Content-Location: file:///C:/3F2E1A7B/plan.htm",
        "Content-Transfer-Encoding: quoted-printable",
        'Content-Type: text/html; charset="windows-1251"',
        "",
        qp,
        "",
        f"--{MHT_BOUNDARY}",
        "Content-Location: file:///C:/3F2E1A7B/plan_files/filelist.xml",
        "Content-Transfer-Encoding: quoted-printable",
        'Content-Type: text/xml; charset="utf-8"',
        "",
        quopri.encodestring(filelist.encode()).decode("ascii"),
        "",
        f"--{MHT_BOUNDARY}--",
        "",
    ]
    data = "\r\n".join(parts).encode("latin-1")
    path = write(FORMS / "nizhny_2026.mht", data)
    message = email.message_from_bytes(data)
    html_part = next(p for p in message.walk() if p.get_content_type() == "text/html")
    body = html_part.get_payload(decode=True)
    if body.rstrip() != html_bytes.rstrip():
        fail(path, "the quoted-printable part does not decode to the page")
    check_html_plan(path, body, None, acts, fields)
    return record(path, plan, "mht",
                  "Word «single file web page» (.mht): MIME multipart/related, the page is a quoted-printable "
                  "text/html part in windows-1251 (=C0=C1… escapes, soft line breaks «=» at 76 characters, "
                  "CRLF), plus a filelist.xml part; the page itself is Word HTML like kursk_2024.htm", acts,
                  encoding="cp1251")


NEWS_PAGE = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>Общественный штаб начал подготовку наблюдателей — Общественная
палата Томской области</title></head>
<body><header><a href="/">Общественная палата Томской области</a></header>
<main><article>
<h1>Общественный штаб начал подготовку наблюдателей</h1>
<p class="meta">12 марта 2024 · Новости палаты</p>
<p>На заседании Совета Общественной палаты Томской области утверждён план мероприятий Общественного штаба по
наблюдению за выборами. До 1 июня штаб сформирует корпус наблюдателей, в июне – августе пройдут обучающие
семинары совместно с Ассоциацией «НОМ».</p>
<p>«Мы рассчитываем, что в дни голосования на участках будут работать не менее 1 500 наблюдателей», — сказал
руководитель штаба Сергей Ким. Ответственным за работу «горячей линии» назначен Аппарат Общественной палаты.</p>
<p>Полный текст плана опубликован в разделе «Документы».</p>
<figure><img src="shtab.jpg" alt="Заседание Совета"><figcaption>Заседание Совета палаты</figcaption></figure>
</article></main>
<footer>© Общественная палата Томской области</footer>
</body></html>
"""


def news_page() -> dict:
    data = NEWS_PAGE.encode("utf-8")
    path = write(FORMS / "tomsk_news.html", data)
    if html_tables(data, "utf-8"):
        fail(path, "the news page must have no table")
    rec = record(path, None, "html",
                 "a news article page (UTF-8) that talks about a plan («До 1 июня…», «в июне – августе…», "
                 "«Ответственным … назначен …») but holds no plan table and no list plan: not a plan",
                 region="Томская область", region_number="70")
    rec["region"], rec["region_number"] = "Томская область", "70"
    return quarantined(rec, "веб-страниц")


# ---------------------------------------------------------------------------------------------------
# Archives
# ---------------------------------------------------------------------------------------------------


class Cp866Name(zipfile.ZipInfo):
    """A member name in CP866 without the UTF-8 flag, as Windows Explorer's «Send to → Compressed folder»
    writes Cyrillic names (Python's zipfile reads such a name back as CP437 mojibake)."""

    def _encodeFilenameFlags(self):  # noqa: N802 (zipfile's name)
        return self.filename.encode("cp866"), self.flag_bits & ~0x800


def zip_bytes(members: list[tuple[str, bytes]], *, cp866: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in members:
            info = (Cp866Name if cp866 else zipfile.ZipInfo)(name, date_time=(2024, 3, 1, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            z.writestr(info, body)
    return out.getvalue()


def logo_jpeg() -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (240, 240), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.ellipse((10, 10, 230, 230), outline=(20, 60, 140), width=10)
    d.ellipse((40, 40, 200, 200), fill=(20, 60, 140))
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 64)
    d.text((120, 120), "ОП", font=font, fill=(255, 255, 255), anchor="mm")
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


COVER_LETTER = """Исх. № 01-12/47 от 01.03.2024

Председателю Общественной палаты Российской Федерации

Уважаемая Лидия Михайловна!

Направляем планы мероприятий общественных штабов по наблюдению за выборами Волгоградской и Калужской
областей для обобщения. Планы прилагаются в формате DOCX и PDF.

Приложение: 2 файла.

С уважением,
ответственный секретарь                                   О.П. Сидоренко
"""


def archives(plans: dict[str, Plan]) -> list[dict]:
    records = []
    vol, kal, tver = plans["volgograd_2024"], plans["kaluga_2022"], plans["tver_2022"]
    vol_acts = visible(vol, FIELDS_STD)
    vol_docx = docx_bytes(plan_docx(vol, vol_acts, STD5, sections=False))
    kal_acts = visible(kal, FIELDS_STD)
    kal_docx = write(BUILD / "kaluga_2022.docx", docx_bytes(plan_docx(kal, kal_acts, STD5, sections=False)))
    kal_pdf = normalised_pdf(lo_convert(kal_docx, "pdf:writer_pdf_Export", BUILD / "pdf"), kal_docx)
    letter = COVER_LETTER.replace("\n", "\r\n").encode("cp1251")
    members = [("Волгоградская область - план штаба 2024.docx", vol_docx),
               ("Калужская область/План ОШ 2022.pdf", kal_pdf),
               ("логотип.jpg", logo_jpeg()),
               ("сопроводительное письмо.txt", letter)]
    path = write(FORMS / "планы_штабов.zip", zip_bytes(members))
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        if names != [m for m, _ in members] or any(not i.flag_bits & 0x800 for i in z.infolist()):
            fail(path, f"members {names} (UTF-8 flag expected)")
        must_contain(path, docx.Document(io.BytesIO(z.read(names[0]))).element.xml, vol_acts, ["title"])
        must_contain(path, pdf_text(io.BytesIO(z.read(names[1]))), kal_acts, ["title", "deadline"])
    rec = record(path, None, "zip",
                 "a ZIP archive (member names in UTF-8 with the language-encoding flag set, as 7-Zip and "
                 "modern Windows write them) holding two plans of different regions — a DOCX and a PDF in a "
                 "sub-folder — plus a logo JPEG and a covering letter (cp1251 text, not a plan); each member has "
                 "its own record below", members=[f"samples/forms/планы_штабов.zip!{m}" for m, _ in members])
    rec["expected_reason_contains"] = "архив"
    records.append(rec)
    records.append(record(f"samples/forms/планы_штабов.zip!{members[0][0]}", vol, "docx",
                          "archive member: a plain DOCX plan, four columns", vol_acts))
    records.append(record(f"samples/forms/планы_штабов.zip!{members[1][0]}", kal, "pdf",
                          "archive member in a sub-folder: a bordered one-page PDF (LibreOffice from a DOCX)",
                          kal_acts))
    records.append(quarantined(record(f"samples/forms/планы_штабов.zip!{members[2][0]}", None, "jpeg",
                                      "archive member: the chamber's logo, a picture"), "изображение"))
    records.append(quarantined(record(f"samples/forms/планы_штабов.zip!{members[3][0]}", None, "txt",
                                      "archive member: a covering letter (cp1251, CRLF) that mentions the plans "
                                      "but is not one", encoding="cp1251"), "не план"))

    tver_acts = visible(tver, FIELDS_STD)
    inner = "План ОП Тверской области 2022.docx"
    tver_docx = docx_bytes(plan_docx(tver, tver_acts, STD5, sections=False))
    path = write(FORMS / "план.pdf", zip_bytes([(inner, tver_docx)], cp866=True))
    with zipfile.ZipFile(path) as z:
        info = z.infolist()[0]
        if info.flag_bits & 0x800 or info.filename.encode("cp437").decode("cp866") != inner:
            fail(path, "the member name is not CP866 without the UTF-8 flag")
        must_contain(path, docx.Document(io.BytesIO(z.read(info))).element.xml, tver_acts, ["title"])
    rec = record(path, None, "zip",
                 "named .pdf but it is a ZIP archive (PK\\x03\\x04) holding one DOCX plan whose member name is "
                 "CP866 without the UTF-8 flag (Windows Explorer's «compressed folder»): Python's zipfile shows "
                 "it as CP437 mojibake («ÅÙá¡ ...») until re-decoded with name.encode('cp437').decode('cp866'); "
                 "the file must be called an archive, not a broken PDF",
                 members=[f"samples/forms/план.pdf!{inner}"])
    rec["expected_reason_contains"] = "архив"
    records.append(rec)
    records.append(record(f"samples/forms/план.pdf!{inner}", tver, "docx",
                          "the DOCX inside план.pdf: a plain plan, four columns", tver_acts,
                          member_name_encoding="cp866"))
    return records


def pdf_text(source, x_edges: list[float] | None = None) -> str:
    """The text column by column: each column's strip of every page, top to bottom (so a wrapped cell
    reads as one run of text, and a row broken by a page continues on the next page's strip). The column
    edges come from the first ruled table's header row unless given."""
    import pdfplumber

    with pdfplumber.open(source) as pdf:
        whole = "\n".join(page.extract_text() or "" for page in pdf.pages)
        if "(cid:" in whole or not re.search(r"[а-яё]{4}", whole):
            raise SampleError("PDF text layer is not Cyrillic text")
        tops = [0.0] * len(pdf.pages)
        if x_edges is None:
            first = pdf.pages[0].find_tables()[0]
            header = first.rows[0].cells
            x_edges = [c[0] for c in header] + [header[-1][2]]
            header_text = first.extract()[0]
            for n, page in enumerate(pdf.pages[1:], 1):  # skip a repeated header row
                tables = page.find_tables()
                if tables and tables[0].extract()[0] == header_text:
                    tops[n] = tables[0].rows[0].bbox[3]
        strips = []
        for i in range(len(x_edges) - 1):
            for page, top in zip(pdf.pages, tops):
                crop = page.crop((x_edges[i], top, x_edges[i + 1], page.height), strict=False)
                strips.append(crop.extract_text() or "")
        return "\n".join(strips)


def normalised_pdf(produced: Path, source: Path, when: dt.datetime | None = None) -> bytes:
    """Fixed dates and document id (derived from the source's bytes), rewritten by qpdf --deterministic-id."""
    data = produced.read_bytes()
    stamp = (when or dt.datetime(2024, 1, 1)).strftime("D:%Y%m%d%H%M%S").encode()
    data = re.sub(rb"D:\d{14}([+-]\d\d'\d\d'|Z)?", stamp + rb"Z", data)
    checksum = hashlib.md5(source.read_bytes()).hexdigest().upper().encode()
    data = re.sub(rb"/DocChecksum /[0-9A-F]{32}", b"/DocChecksum /" + checksum, data)
    data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]{32}>\s*<[0-9A-Fa-f]{32}>\s*\]",
                  lambda m: re.sub(rb"[0-9A-Fa-f]{32}", checksum.lower(), m.group(0)), data)
    fixed = produced.with_suffix(".fixed.pdf")
    fixed.write_bytes(data)
    out = produced.with_suffix(".qpdf.pdf")
    result = subprocess.run(["qpdf", "--deterministic-id", "--object-streams=preserve", str(fixed), str(out)],
                            capture_output=True, check=False)
    if result.returncode not in (0, 3):
        raise SampleError(f"qpdf failed on {produced.name}: {result.stderr.decode()}")
    return out.read_bytes()


# ---------------------------------------------------------------------------------------------------
# DOCX structures: content controls, a nested table, text boxes, section tables, two-level headers, Strict
# ---------------------------------------------------------------------------------------------------


def sdt(content_tag: str, alias: str, tag: str, sid: int, *, date: dt.date | None = None):
    """An empty content control <w:sdt> with its properties; content goes into the returned sdtContent."""
    pr = (f'<w:sdtPr {nsdecls("w")}><w:alias w:val="{alias}"/><w:tag w:val="{tag}"/><w:id w:val="{sid}"/>')
    if date:
        pr += (f'<w:date w:fullDate="{date.isoformat()}T00:00:00Z"><w:dateFormat w:val="dd.MM.yyyy"/>'
               '<w:lid w:val="ru-RU"/><w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>')
    pr += "</w:sdtPr>"
    el = parse_xml(f'<w:sdt {nsdecls("w")}>{pr}<w:sdtContent/></w:sdt>')
    return el, el.find(qn("w:sdtContent"))


def wrap_in_sdt(element, alias: str, tag: str, sid: int, *, date: dt.date | None = None):
    el, content = sdt("", alias, tag, sid, date=date)
    element.addprevious(el)
    content.append(element)
    return el


def docx_sdt_block(plan: Plan) -> dict:
    """The whole table inside a block-level content control; exact-date deadlines are date pickers."""
    columns = STD5
    fields = fields_of(columns)
    acts = visible(plan, fields)
    doc = plan_docx(plan, acts, columns, sections=False)
    table = doc.tables[0]
    dcol = fields.index("deadline")
    n = 0
    for act, row in zip(acts, table.rows[1:]):
        if act.extra.get("date"):
            n += 1
            wrap_in_sdt(row._tr.tc_lst[dcol], "Срок", "deadline", 200 + n, date=act.extra["date"])
    wrap_in_sdt(table._tbl, "План мероприятий", "plan-table", 100)
    data = docx_bytes(doc)
    path = write(FORMS / "vologda_2025_sdt.docx", data)
    reread = docx.Document(str(path))
    if reread.tables:
        fail(path, "python-docx sees the table: it is not inside the content control")
    must_contain(path, lo_text(path), acts, fields, plan.approval[:2])
    return record(path, plan, "docx",
                  "the plan table inside a block-level content control (<w:sdt><w:sdtContent><w:tbl>): "
                  "python-docx's document.tables is empty; each exact-date deadline cell is itself a cell-level "
                  f"date-picker content control (<w:sdt> around <w:tc>, w:date dd.MM.yyyy) — {n} such cells",
                  acts, content_controls={"block": 1, "cell": n})


def docx_sdt_rows(plan: Plan) -> dict:
    """Row-level content controls (a «repeating section» of rows) and cell-level ones around responsible cells."""
    columns = STD5
    fields = fields_of(columns)
    acts = visible(plan, fields)
    doc = plan_docx(plan, acts, columns, sections=False)
    table = doc.tables[0]
    trs = table._tbl.tr_lst
    rows_in_sdt = list(range(4, 9))  # activities 4..8
    group, content = sdt("", "Мероприятия штаба", "rows", 300)
    trs[rows_in_sdt[0]].addprevious(group)
    for i in rows_in_sdt:
        content.append(trs[i])
    rcol = fields.index("responsible")
    cells_in_sdt = 0
    for i, tr in enumerate(table._tbl.iter(qn("w:tr"))):
        if i == 0 or i % 3:
            continue
        wrap_in_sdt(tr.findall(qn("w:tc"))[rcol], "Ответственный", "responsible", 400 + i)
        cells_in_sdt += 1
    path = write(FORMS / "samara_2024_sdt_rows.docx", docx_bytes(doc))
    reread = docx.Document(str(path))
    seen = len(reread.tables[0].rows) - 1
    if seen != len(acts) - len(rows_in_sdt):
        fail(path, f"python-docx sees {seen} body rows; the row-level control should hide {len(rows_in_sdt)}")
    must_contain(path, lo_text(path), acts, fields, plan.approval[:2])
    return record(path, plan, "docx",
                  f"rows of activities {rows_in_sdt[0]}–{rows_in_sdt[-1]} inside one row-level content control "
                  "(<w:sdt> inside <w:tbl> holding <w:tr>s): python-docx's table.rows skips them; every third "
                  f"row's «Ответственный» cell is a cell-level content control (<w:sdt> around <w:tc>, "
                  f"{cells_in_sdt} cells)", acts,
                  content_controls={"row_group": [a.seq for a in acts[rows_in_sdt[0] - 1:rows_in_sdt[-1]]],
                                    "cell": cells_in_sdt})


def docx_nested(plan: Plan) -> dict:
    columns = cols(("seq", 1.2), ("title", 7.6), ("deadline", 3.0), ("responsible", 4.2))
    fields = fields_of(columns)
    acts = visible(plan, fields)
    doc = new_document(font_size=12)
    outer = doc.add_table(rows=1, cols=1)
    set_borders(outer, False)
    cell = outer.cell(0, 0)
    for line in plan.approval:
        add_par(cell, line, left_indent_cm=9.0)
    add_par(cell)
    for line in split_title(plan.title):
        add_par(cell, line, bold=True, align=CENTER)
    add_par(cell)
    plan_table(cell, acts, columns, sections=False)
    add_par(cell)
    set_widths(outer, [16.6])
    set_core(doc, title="План", author="Аппарат", when=dt.datetime(2021, 2, 18, 10, 0))
    path = write(FORMS / "karelia_2021_nested.docx", docx_bytes(doc))
    reread = docx.Document(str(path))
    if len(reread.tables) != 1 or len(reread.tables[0].rows) != 1 or len(reread.tables[0].cell(0, 0).tables) != 1:
        fail(path, "expected one 1×1 table holding the plan table")
    must_contain(path, lo_text(path), acts, fields, plan.approval[:2])
    return record(path, plan, "docx",
                  "the whole page laid out in a borderless 1×1 table: approval, title and the plan table are "
                  "inside its one cell; the plan is a nested table (python-docx: document.tables[0].cell(0, 0)"
                  ".tables[0]); non-declining surnames (Лейно, Хямяляйнен)", acts)


def textbox_xml(lines: list[tuple[str, bool]], *, sid: int, x_cm: float, y_cm: float, w_cm: float,
                h_cm: float, center: bool) -> str:
    """A floating text box as Word 2010+ writes it: mc:AlternateContent with a DrawingML shape (wps:txbx)
    and a VML fallback (v:textbox) — both hold the same w:txbxContent, so its text is in the XML twice."""
    emu = lambda cm: int(cm * 360000)  # noqa: E731
    jc = '<w:jc w:val="center"/>' if center else ""
    paras = "".join(f'<w:p><w:pPr>{jc}</w:pPr><w:r><w:rPr>{"<w:b/>" if bold else ""}</w:rPr>'
                    f'<w:t xml:space="preserve">{esc(text)}</w:t></w:r></w:p>' if text else "<w:p/>"
                    for text, bold in lines)
    return f"""<w:r {nsdecls('w', 'wp', 'a', 'pic')} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w10="urn:schemas-microsoft-com:office:word"
 xmlns:o="urn:schemas-microsoft-com:office:office"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{sid}" behindDoc="0"
 locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="margin"><wp:posOffset>{emu(x_cm)}</wp:posOffset></wp:positionH>
<wp:positionV relativeFrom="paragraph"><wp:posOffset>{emu(y_cm)}</wp:posOffset></wp:positionV>
<wp:extent cx="{emu(w_cm)}" cy="{emu(h_cm)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>
<wp:docPr id="{sid}" name="Надпись {sid}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu(w_cm)}" cy="{emu(h_cm)}"/>
</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>
<wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx>
<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t">
<a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">
<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>
<v:shape id="Надпись{sid}" o:spid="_x0000_s{1025 + sid}" type="#_x0000_t202" style="position:absolute;
margin-left:{x_cm}cm;margin-top:{y_cm}cm;width:{w_cm}cm;height:{h_cm}cm;z-index:{sid}" filled="f" stroked="f">
<v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox><w10:wrap type="topAndBottom"/></v:shape>
</w:pict></mc:Fallback></mc:AlternateContent></w:r>"""


def docx_textboxes(plan: Plan) -> dict:
    columns = STD5
    fields = fields_of(columns)
    acts = visible(plan, fields)
    doc = new_document(font_size=12)
    anchor = add_par(doc)
    anchor._p.append(parse_xml(textbox_xml([(line, False) for line in plan.approval], sid=1, x_cm=9.0, y_cm=0,
                                           w_cm=7.5, h_cm=4.2, center=False)))
    anchor2 = add_par(doc)
    anchor2._p.append(parse_xml(textbox_xml([(line, True) for line in split_title(plan.title)], sid=2, x_cm=0,
                                            y_cm=0.2, w_cm=16.5, h_cm=2.6, center=True)))
    add_par(doc)
    plan_table(doc, acts, columns, sections=False)
    set_core(doc, title="План", author="Аппарат", when=dt.datetime(2022, 2, 21, 10, 0))
    path = write(FORMS / "komi_2022_textbox.docx", docx_bytes(doc))
    reread = docx.Document(str(path))
    body_text = "\n".join(p.text for p in reread.paragraphs)
    if "УТВЕРЖДАЮ" in body_text:
        fail(path, "python-docx's paragraphs see the approval: it is not in a text box")
    xml = zip_member(path.read_bytes(), "word/document.xml").decode()
    if xml.count("<w:txbxContent>") != 4:
        fail(path, "expected two text boxes, each written twice (wps and VML fallback)")
    root = lo_flat_xml(path)
    ns = {"draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"}
    shapes = root.findall(".//draw:custom-shape", ns) + root.findall(".//draw:text-box", ns)
    boxes = [" ".join(" ".join(b.itertext()).split()) for b in shapes]
    if len(boxes) != 2 or "УТВЕРЖДАЮ" not in boxes[0] or split_title(plan.title)[-1][:40] not in boxes[1]:
        fail(path, f"LibreOffice does not see the two text boxes: {boxes}")
    must_contain(path, lo_text(path), acts, fields)
    return record(path, plan, "docx",
                  "approval block and title are floating text boxes (w:txbxContent), not body paragraphs: "
                  "python-docx's doc.paragraphs shows two empty paragraphs; LibreOffice imports each box as a shape with text (draw:custom-shape) and its text export (txt) leaves them out; each box is written as Word does, "
                  "mc:AlternateContent with a wps:txbx shape and a VML v:textbox fallback, so every title line "
                  "is in document.xml twice — read one branch only", acts)


def docx_section_tables(plan: Plan) -> dict:
    """Inbox: one table per section with the section heading as a paragraph above it; section 2 continues
    in a second table with the header repeated, section 5 continues in a table without a header."""
    columns = cols(("seq", 1.3), ("title", 8.4), ("deadline", 3.3), ("responsible", 4.4))
    fields = fields_of(columns)
    acts = visible(plan, fields)
    doc = new_document(font_size=12)
    approval_paragraphs(doc, plan.approval)
    title_paragraphs(doc, plan)
    layout = []
    for s_index, section in enumerate(plan.sections):
        part = [a for a in acts if a.section == section]
        add_par(doc, section, bold=True, space_after=6)
        if s_index == 1:
            half = len(part) // 2
            plan_table(doc, part[:half], columns, sections=False, repeat=False)
            add_par(doc)
            plan_table(doc, part[half:], columns, sections=False, repeat=False)
            layout.append(f"«{section}»: two tables, the second repeats the header")
        elif s_index == len(plan.sections) - 2:
            half = len(part) - 2
            plan_table(doc, part[:half], columns, sections=False, repeat=False)
            page_break = add_par(doc)
            page_break.add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
            plan_table(doc, part[half:], columns, sections=False, header=False)
            layout.append(f"«{section}»: two tables, the second has no header row (a page break between)")
        else:
            plan_table(doc, part, columns, sections=False, repeat=False)
        add_par(doc)
    add_par(doc, signature_line("Руководитель Общественного штаба", "Г.П. Цой"))
    set_core(doc, title="План мероприятий Общественного штаба", author="Аппарат Общественной палаты Омской области",
             when=dt.datetime(2026, 2, 4, 10, 0))
    path = write(INBOX / "omsk_2026.docx", docx_bytes(doc))
    reread = docx.Document(str(path))
    if len(reread.tables) != len(plan.sections) + 2:
        fail(path, f"{len(reread.tables)} tables")
    must_contain(path, "\n".join(c.text for t in reread.tables for r in t.rows for c in r.cells), acts, fields)
    return record(path, plan, "docx",
                  f"the plan split into {len(reread.tables)} tables: one per section, the section heading a bold "
                  "paragraph above its table («1. Организационные мероприятия» … — it is the section of the rows "
                  "under it; the tables have no section rows); " + "; ".join(layout) + "; numbering «1.»–«"
                  f"{len(acts)}.» runs through all tables", acts, sections=plan.sections,
                  tables=len(reread.tables))


def two_level_docx(plan: Plan) -> dict:
    """«Сроки» over «начало»/«окончание», «Ответственный» over «ФИО»/«должность»."""
    acts = visible(plan, ["seq", "title", "deadline", "responsible"])
    doc = new_document(font_size=11, margins_cm=(1.5, 1.5, 1.5, 2.0), landscape=True)
    approval_paragraphs(doc, plan.approval, 17.0)
    title_paragraphs(doc, plan)
    table = doc.add_table(rows=2 + len(acts), cols=6)
    table.style = doc.styles["Table Grid"]
    set_widths(table, [1.4, 9.0, 3.0, 3.0, 4.2, 5.6])
    h = table.rows[0].cells
    fill_cell(h[0], "№ п/п", bold=True, align=CENTER)
    fill_cell(h[1], "Мероприятие", bold=True, align=CENTER)
    fill_cell(h[2], "Сроки", bold=True, align=CENTER)
    fill_cell(h[4], "Ответственный", bold=True, align=CENTER)
    for cell, text in zip(table.rows[1].cells[2:], ["начало", "окончание", "ФИО", "должность"]):
        fill_cell(cell, text, bold=True, align=CENTER)
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(0, 1).merge(table.cell(1, 1))
    table.cell(0, 2).merge(table.cell(0, 3))
    table.cell(0, 4).merge(table.cell(0, 5))
    repeat_header(table.rows[0])
    repeat_header(table.rows[1])
    for r, act in enumerate(acts, 2):
        x = act.extra
        cells = table.rows[r].cells
        fill_cell(cells[0], act.seq, align=CENTER)
        fill_cell(cells[1], act.title)
        if x.get("merged"):
            merged = table.cell(r, 2).merge(table.cell(r, 3))
            fill_cell(merged, x["start"], align=CENTER)
        else:
            fill_cell(cells[2], x["start"], align=CENTER)
            fill_cell(cells[3], x["end"], align=CENTER)
        fill_cell(cells[4], x["fio"])
        fill_cell(cells[5], x["post"])
    set_borders(table, True)
    cell_margins(table)
    set_core(doc, title="План", author="Аппарат", when=dt.datetime(2023, 12, 6, 10, 0))
    path = write(FORMS / "orenburg_2024_two_level.docx", docx_bytes(doc))
    reread = docx.Document(str(path))
    text = "\n".join(" | ".join(c.text for c in row.cells) for row in reread.tables[0].rows)
    for act in acts:
        for part in (act.extra.get(k) for k in ("start", "end", "fio", "post")):
            if part and squash(part) not in squash(text):
                fail(path, f"cell «{part}» missing")
    return record(path, plan, "docx",
                  "two-level header: «Сроки» spans «начало» | «окончание» and «Ответственный» spans «ФИО» | "
                  "«должность» (gridSpan in the first header row, «№ п/п» and «Мероприятие» vMerged over both "
                  "rows); deadline_raw joins начало and окончание with « – » («01.11.2023 – 30.11.2023»); when only "
                  "one is filled («до 15.12.2023», or only окончание «10.03.2024») or the two are one merged "
                  "cell («ежемесячно», gridSpan=2) it is that cell alone; responsible_raw is «ФИО, должность» "
                  "(«Ким В.Г., председатель Общественной палаты»), or whichever is filled (a post with no name: "
                  "«Председатель Общественной палаты»)", acts,
                  two_level={"deadline": ["начало", "окончание"], "responsible": ["ФИО", "должность"]},
                  cells=[{"seq": a.seq, **{k: a.extra[k] for k in ("start", "end", "fio", "post") if k in a.extra},
                          "merged": bool(a.extra.get("merged"))} for a in acts])


STRICT_NS = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing":
        "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "http://purl.oclc.org/ooxml/drawingml/main",
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "http://purl.oclc.org/ooxml/drawingml/picture",
    "http://schemas.openxmlformats.org/drawingml/2006/chart": "http://purl.oclc.org/ooxml/drawingml/chart",
    "http://schemas.openxmlformats.org/officeDocument/2006/math": "http://purl.oclc.org/ooxml/officeDocument/math",
    "http://schemas.openxmlformats.org/schemaLibrary/2006/main": "http://purl.oclc.org/ooxml/schemaLibrary/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties":
        "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes":
        "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
    "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties":
        "http://purl.oclc.org/ooxml/officeDocument/customProperties",
}
STRICT_RELTYPES = {
    "extended-properties": "extendedProperties", "custom-properties": "customProperties",
}


def to_strict(data: bytes) -> bytes:
    """Rewrite a transitional DOCX as ISO/IEC 29500 Strict: purl.oclc.org namespaces in every part and
    relationship type, w:conformance="strict", and the Strict spellings of jc (start/end) and ind."""
    replace = {}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if not name.endswith((".xml", ".rels")) or name == "[Content_Types].xml":
                continue
            text = z.read(name).decode("utf-8")
            if name.endswith(".rels"):
                def reltype(m):
                    kind = m.group(1)
                    return ('Type="http://purl.oclc.org/ooxml/officeDocument/relationships/'
                            f'{STRICT_RELTYPES.get(kind, kind)}"')
                text = re.sub(r'Type="http://schemas\.openxmlformats\.org/officeDocument/2006/relationships/([^"]+)"',
                              reltype, text)
            else:
                for old, new in STRICT_NS.items():
                    text = text.replace(f'"{old}"', f'"{new}"')
                text = re.sub(r'<w:jc w:val="left"/>', '<w:jc w:val="start"/>', text)
                text = re.sub(r'<w:jc w:val="right"/>', '<w:jc w:val="end"/>', text)
                text = re.sub(r'(<w:ind [^>]*)w:left=', r'\1w:start=', text)
                text = re.sub(r'(<w:ind [^>]*)w:right=', r'\1w:end=', text)
                if name == "word/document.xml":
                    text = text.replace("<w:document ", '<w:document w:conformance="strict" ', 1)
            replace[name] = text.encode("utf-8")
    return normalise_zip(data, replace=replace)


def strict_docx(plan: Plan) -> dict:
    columns = STD5
    fields = fields_of(columns)
    acts = visible(plan, fields)
    doc = plan_docx(plan, acts, columns)
    data = to_strict(docx_bytes(doc))
    path = write(FORMS / "chelyabinsk_2023_strict.docx", data)
    xml = zip_member(data, "word/document.xml").decode()
    if "schemas.openxmlformats.org/wordprocessingml" in xml or 'w:conformance="strict"' not in xml:
        fail(path, "not Strict")
    try:
        docx.Document(str(path))
    except Exception as error:  # python-docx cannot open Strict: the point of this sample
        why = f"{error.__class__.__name__}: {error}"
    else:
        fail(path, "python-docx opened a Strict document")
    must_contain(path, lo_text(path), acts, fields, plan.approval[:2])
    return record(path, plan, "docx",
                  "Strict OOXML (ISO/IEC 29500 Strict, «Строгий Open XML»): every part uses the "
                  "http://purl.oclc.org/ooxml/… namespaces and relationship types, w:document has "
                  "w:conformance=\"strict\", jc «start»/«end»; content types and package relationships stay as in "
                  "Transitional; section rows spanning the table, seq «1.1.»; python-docx fails on it "
                  f"({why[:80]}), LibreOffice opens it", acts, sections=plan.sections, conformance="strict")


# ---------------------------------------------------------------------------------------------------
# PDFs by several producers
# ---------------------------------------------------------------------------------------------------

FONT_REGULAR = "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf"


def tools(*args: str) -> None:
    if not Path(TOOLS_PYTHON).exists():
        raise SampleError(f"{TOOLS_PYTHON} not found: create it with `make forms-tools` (a venv with reportlab and "
                          "msoffcrypto-tool) or point FORMS_TOOLS_PYTHON at one")
    result = subprocess.run([TOOLS_PYTHON, str(HERE / "forms_tools.py"), *args], capture_output=True, text=True,
                            timeout=300)
    if result.returncode != 0:
        raise SampleError(f"forms_tools.py {args[0]} failed: {result.stderr[-2000:]}")


def pdfplumber_report(path: Path) -> dict:
    """What pdfplumber's default (lines) table finder makes of each page: tables, rows, covered slots."""
    import pdfplumber

    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            tables = page.find_tables()
            rows = [t.extract() for t in tables]
            pages.append({"tables": len(tables), "rows": [len(r) for r in rows],
                          "none_cells": sum(c is None for r in rows for row in r for c in row),
                          "lines": len(page.lines), "rects": len(page.rects)})
    return {"pages": len(pages), "per_page": pages}


def stavropol_pdf(plan: Plan) -> dict:
    columns = cols(("seq", 1.4), ("title", 8.4), ("deadline", 3.2), ("responsible", 4.5))
    fields = fields_of(columns)
    acts = visible(plan, fields)
    doc = plan_docx(plan, acts, columns)
    src = write(BUILD / "stavropol_2021.docx", docx_bytes(doc))
    path = write(FORMS / "stavropol_2021_lo.pdf",
                 normalised_pdf(lo_convert(src, "pdf:writer_pdf_Export", BUILD / "pdf"), src))
    must_contain(path, pdf_text(path), acts, fields)
    report = pdfplumber_report(path)
    return record(path, plan, "pdf",
                  "ruled table by LibreOffice (from a DOCX): section rows are one cell spanning all four columns, "
                  "«Срок исполнения» vertically merged over three rows of section II («июнь – август»); header "
                  "row repeated on every page; pdfplumber's lines strategy returns None in the slots a merged "
                  "cell covers (the text sits in its first slot)", acts, sections=plan.sections,
                  pages=report["pages"], pdfplumber=report)


def chromium_pdf(plan: Plan) -> dict:
    fields = ["seq", "title", "deadline", "responsible"]
    acts = visible(plan, fields)
    rows = []
    for kind, item in layout_rows(acts, True):
        if kind == "section":
            rows.append(f'<tr class="section"><td colspan="4">{esc(item)}</td></tr>')
            continue
        act = item
        cells = [f'<td class="n">{esc(act.seq)}</td>', f"<td>{esc(act.title)}</td>"]
        vm = act.extra.get("vmerge")
        if vm == "restart":
            cells.append(f'<td class="d" rowspan="{1 + len(list(take_continues(acts, act)))}">{esc(act.deadline)}</td>')
        elif vm != "continue":
            cells.append(f'<td class="d">{esc(act.deadline)}</td>')
        cells.append(f"<td>{esc(act.responsible)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    approval = "".join(f"<div>{esc(line) or '&nbsp;'}</div>" for line in plan.approval)
    title = "".join(f"<div>{esc(line)}</div>" for line in split_title(plan.title))
    page = f"""<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>{esc(plan.title[:60])}</title>
<style>@page {{ size: A4; margin: 15mm 12mm 15mm 20mm; }}
body {{ font-family: "Times New Roman", serif; font-size: 11pt; }}
.approval {{ margin-left: 55%; margin-bottom: 12pt; }} h1 {{ font-size: 12pt; text-align: center; }}
table {{ border-collapse: collapse; width: 100%; }} th, td {{ border: 1px solid #000; padding: 3pt 4pt;
vertical-align: top; }} th {{ font-weight: bold; }} td.n, td.d {{ text-align: center; }}
tr.section td {{ font-weight: bold; text-align: center; }} thead {{ display: table-header-group; }}</style>
</head><body><div class="approval">{approval}</div><h1>{title}</h1>
<table><thead><tr><th style="width:7%">№ п/п</th><th style="width:50%">Наименование мероприятия</th>
<th style="width:17%">Срок исполнения</th><th>Ответственный</th></tr></thead><tbody>
{chr(10).join(rows)}
</tbody></table></body></html>"""
    html_path = write(BUILD / "voronezh_2024.html", page.encode("utf-8"))
    out = BUILD / "voronezh_2024.chromium.pdf"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
           f"--user-data-dir={BUILD / 'chromium'}", f"--print-to-pdf={out}", html_path.as_uri()]
    subprocess.run(cmd, capture_output=True, timeout=120, check=False)
    if not out.exists():
        raise SampleError("Chromium produced no PDF")
    path = write(FORMS / "voronezh_2024_chromium.pdf", normalised_pdf(out, html_path))
    must_contain(path, pdf_text(path), acts, fields)
    report = pdfplumber_report(path)
    return record(path, plan, "pdf",
                  "Chromium's print-to-PDF of an HTML table (Skia/PDF, tagged): borders are drawn as thin filled "
                  "rectangles, not stroked lines (pdfplumber sees rects, no lines — the lines strategy still "
                  "finds the grid from rect edges); section rows are <td colspan=4>, «Срок исполнения» is "
                  "<td rowspan=3>; <thead> repeats on every page", acts, sections=plan.sections,
                  pages=report["pages"], pdfplumber=report)


def reportlab_spec(plan: Plan, acts: list[Act], fields: list[str], headers: list[str], widths: list[float], *,
                   grid: bool, padding, out: Path, sections: bool, align: list[str], font_size: float = 11,
                   repeat: int = 1) -> dict:
    rows = [headers]
    spans, bold_rows = [], []
    r = 1
    for kind, item in layout_rows(acts, sections):
        if kind == "section":
            rows.append([esc(item)] + [""] * (len(fields) - 1))
            spans.append([0, r, len(fields) - 1, r])
            bold_rows.append(r)
        else:
            act = item
            row = []
            for f in fields:
                if f == "deadline" and act.extra.get("vmerge") == "continue":
                    row.append("")
                    continue
                if f == "deadline" and act.extra.get("vmerge") == "restart":
                    d = fields.index("deadline")
                    spans.append([d, r, d, r + len(list(take_continues(acts, act)))])
                row.append(esc(flat(cell_value(act, f)) or ""))
            rows.append(row)
        r += 1
    paragraphs = [{"text": esc(line), "indent": 260} for line in plan.approval]
    paragraphs.append({"text": ""})
    paragraphs += [{"text": esc(line), "align": "center", "bold": True} for line in split_title(plan.title)]
    return {"out": str(out), "font": FONT_REGULAR, "bold_font": FONT_BOLD, "font_size": font_size,
            "pagesize": [595.28, 841.89], "margins": [56.7, 36, 42.5, 42.5], "title": plan.title[:60],
            "author": f"Общественная палата {plan.region.gen}", "paragraphs": paragraphs,
            "table": {"rows": rows, "col_widths": widths, "spans": spans, "grid": grid, "padding": padding,
                      "header_rows": 1, "repeat_rows": repeat, "align": align, "bold_rows": bold_rows,
                      "center_rows": bold_rows}}


def lipetsk_pdf(plan: Plan) -> dict:
    fields = ["seq", "title", "deadline", "responsible"]
    acts = visible(plan, fields)
    out = BUILD / "lipetsk_2025.pdf"
    spec = reportlab_spec(plan, acts, fields, ["№ п/п", "Наименование мероприятия", "Срок исполнения",
                                               "Ответственный"], [36, 250, 90, 126], grid=True,
                          padding=[4, 4, 3, 4], out=out, sections=True, align=["center", "left", "center", "left"])
    spec_path = write(BUILD / "lipetsk.json", json.dumps(spec, ensure_ascii=False).encode())
    tools("reportlab", str(spec_path))
    path = write(FORMS / "lipetsk_2025_reportlab.pdf", out.read_bytes())
    must_contain(path, pdf_text(path), acts, fields)
    report = pdfplumber_report(path)
    return record(path, plan, "pdf",
                  "ReportLab table (LongTable, GRID 0.5 pt, stroked lines): section rows SPAN all four columns, "
                  "«Срок исполнения» SPANs three rows of section II («май – июнь», drawn vertically centred); "
                  "header repeats; Liberation Serif embedded as a TrueType subset", acts, sections=plan.sections,
                  pages=report["pages"], pdfplumber=report)


def tula_pdf(plan: Plan) -> dict:
    """Borderless, columns closer than a word space, wrapped cells, the header on two lines."""
    fields = ["seq", "title", "deadline", "responsible"]
    acts = visible(plan, fields)
    out = BUILD / "tula_2022.pdf"
    headers = ["№<br/>п/п", "Наименование<br/>мероприятия", "Срок<br/>исполнения", "Ответственный<br/>исполнитель"]
    spec = reportlab_spec(plan, acts, fields, headers, [22, 262, 84, 134], grid=False, padding=[0.4, 0.4, 1, 3],
                          out=out, sections=False, align=["left", "justify", "left", "justify"], font_size=10,
                          repeat=0)
    spec_path = write(BUILD / "tula.json", json.dumps(spec, ensure_ascii=False).encode())
    tools("reportlab", str(spec_path))
    path = write(FORMS / "tula_2022_tight.pdf", out.read_bytes())
    x = [56.7, 56.7 + 22, 56.7 + 22 + 262, 56.7 + 22 + 262 + 84, 56.7 + 22 + 262 + 84 + 134]
    must_contain(path, pdf_text(path, x), acts, fields)
    import pdfplumber

    edges = x[1:-1]
    with pdfplumber.open(path) as pdf:
        words = [w for page in pdf.pages for w in page.extract_words()]
        table_top = next(w["top"] for w in words if w["text"] == "№")  # only words in the table
        gaps = [w["text"] for w in words if w["top"] > table_top
                and any(w["x0"] < e - 1 < e + 1 < w["x1"] for e in edges)]
        lines = sum(len(page.lines) + len(page.rects) for page in pdf.pages)
    if not gaps or lines:
        fail(path, f"no word runs across a column edge ({len(gaps)}), or ruling found ({lines})")
    report = pdfplumber_report(path)
    return record(path, plan, "pdf",
                  "borderless table (no lines or rects at all) whose columns are closer than a word space: cell "
                  "padding 0.4 pt, «Наименование мероприятия» and «Ответственный исполнитель» justified, so a "
                  "wrapped line ends at the column edge and the next column starts < 1 pt later — pdfplumber's "
                  f"extract_words (x_tolerance=3) glues words of neighbouring columns ({len(gaps)} such words, "
                  f"e.g. «{gaps[0]}»); header on two lines («Срок / исполнения»); no header repeat",
                  acts, pages=report["pages"], pdfplumber=report, glued_words_example=gaps[:3])


def murmansk_pdf(plan: Plan) -> dict:
    """No «№» column; a row broken by a page (proved by stitching, as make_samples.py does)."""
    columns = cols(("title", 5.0), ("description", 6.2), ("deadline", 2.8), ("responsible", 3.3))
    fields = fields_of(columns)
    acts = visible(plan, fields)
    header = [h for h, _, _ in columns]
    for spacer in range(0, 16):
        doc = plan_docx(plan, acts, columns, sections=False, repeat=False)
        body = doc.element.body
        tbl = body.find(qn("w:tbl"))
        for _ in range(spacer):
            tbl.addprevious(parse_xml(f'<w:p {nsdecls("w")}/>'))
        src = write(BUILD / "murmansk_2023.docx", docx_bytes(doc))
        produced = lo_convert(src, "pdf:writer_pdf_Export", BUILD / "pdf")
        candidate = BUILD / "murmansk_candidate.pdf"
        candidate.write_bytes(normalised_pdf(produced, src))
        try:
            splits = table_splits(candidate, acts, header, fields, header_repeats=False)
        except SystemExit:
            continue
        if splits:
            break
    else:
        raise SampleError("murmansk_2023_pagebreak.pdf: no spacing gives a row broken across pages")
    path = write(FORMS / "murmansk_2023_pagebreak.pdf", candidate.read_bytes())
    text = pdf_text(path)
    must_contain(path, text, acts, fields)
    if "территориальны\nе" not in text:
        fail(path, "the word «территориальные» no longer breaks inside the narrow column; update the layout text")
    report = pdfplumber_report(path)
    return record(path, plan, "pdf",
                  "ruled table without a «№» column («Наименование мероприятия», «Содержание», «Срок исполнения», "
                  "«Ответственный»); header not repeated; a row breaks across a page, and nothing (no empty «№») "
                  "marks the fragment at the top of the next page — only the stitch test in split_rows proves it; in the "
                  "narrow «Ответственный» column the word «территориальные» is wider than the column and LibreOffice "
                  "breaks it without a hyphen («территориальны» / «е»): the manifest has the word whole",
                  acts, pages=report["pages"], split_rows=splits, spacer_paragraphs=spacer, pdfplumber=report)


# ---------------------------------------------------------------------------------------------------
# Pasted text: « | » columns, fixed-width columns, a Markdown table
# ---------------------------------------------------------------------------------------------------


def wrapped_rows(acts: list[Act], fields: list[str], widths: list[int]) -> list[list[str]]:
    """Each activity as physical lines: its cells wrapped to the widths, continuation lines with the
    other cells empty."""
    lines = []
    for act in acts:
        chunks = [textwrap.wrap(flat(cell_value(act, f)) or "", w) or [""] for f, w in zip(fields, widths)]
        for i in range(max(map(len, chunks))):
            lines.append([c[i] if i < len(c) else "" for c in chunks])
    return lines


def text_head(plan: Plan) -> list[str]:
    out = [line for line in plan.approval]
    out += ["", *split_title(plan.title), ""]
    return out


def pipes_txt(plan: Plan) -> dict:
    fields = ["seq", "title", "deadline", "responsible"]
    acts = visible(plan, fields)
    lines = text_head(plan) + ["№ | Мероприятие | Срок | Ответственный"]
    for cells in wrapped_rows(acts, fields, [4, 60, 20, 24]):
        while not cells[-1]:
            cells = cells[:-1]
        lines.append(" | ".join(cells))
    text = "\n".join(lines) + "\n"
    path = write(FORMS / "arkhangelsk_2021_pipes.txt", text.encode("utf-8"))
    body = path.read_text(encoding="utf-8").splitlines()[len(text_head(plan)) + 1:]
    split = [(line.split(" | ") + [""] * 4)[:4] for line in body]
    must_contain(path, "\n".join(" ".join(r[i] for r in split) for i in range(4)), acts, fields)
    return record(path, plan, "txt",
                  "a table pasted as text with columns separated by « | » (a messenger or e-mail paste): one "
                  "header line; long cells wrap onto continuation lines whose «№» and other cells are empty "
                  "(« | общественного штаба», « |  | кампании»: trailing empty cells are not written), so a continuation is told from a new row only by the empty «№»; "
                  "the title and approval are plain lines above", acts, encoding="utf-8")


def pasted_text_docx(plan: Plan) -> dict:
    """A Word table saved as text (the Kuzbass seed's shape) and opened in LibreOffice Writer, then saved as
    DOCX: no table at all, every cell a paragraph starting with a tab, rows apart by empty paragraphs."""
    fields = ["seq", "title", "deadline", "responsible"]
    acts = visible(plan, fields, sections=False)
    lines = text_head(plan) + ["\t№ п/п", "\tНаименование мероприятия", "\tСрок", "\tОтветственный", ""]
    wrapped = acts[1]  # a long title typed on two lines of its cell: the second line has no tab
    for act in acts:
        for f in fields:
            text = flat(cell_value(act, f)) or ""
            if act is wrapped and f == "title":
                first, rest = text.rsplit(" ", 1)
                lines += ["\t" + first, rest]
            else:
                lines.append("\t" + text)
        lines.append("")
    src = write(BUILD / "tambov_2021.txt", "\n".join(lines).encode("utf-8"))
    produced = lo_convert(src, "docx:MS Word 2007 XML", BUILD / "pasted", infilter="Text (encoded):UTF8,LF,,")
    data = produced.read_bytes()
    core = fix_core_dates(zip_member(data, "docProps/core.xml"))
    path = write(FORMS / "tambov_2021_pasted.docx", normalise_zip(data, replace={"docProps/core.xml": core}))
    reread = docx.Document(str(path))
    tabbed = sum(p.text.startswith("\t") for p in reread.paragraphs)
    if reread.tables or tabbed != 4 * (len(acts) + 1):
        fail(path, f"{len(reread.tables)} tables, {tabbed} paragraphs starting with a tab")
    must_contain(path, lo_text(path), acts, fields, plan.approval[:2])
    return record(path, plan, "docx",
                  "a Word table saved as text and pasted into LibreOffice Writer, saved as DOCX (the Kuzbass seed "
                  "opened in a word processor): no w:tbl; each cell a paragraph that starts with a tab (w:tab), "
                  "the cells of a row one after another, rows separated by an empty paragraph; the header row "
                  "«№ п/п», «Наименование мероприятия», «Срок», «Ответственный» the same way; activity 2's title "
                  "continues on a paragraph without a tab; approval and title plain paragraphs above", acts)


def tab_stops_docx(plan: Plan) -> dict:
    """A plan typed with tab stops instead of a table: one paragraph a row, cells separated by tabs."""
    fields = ["seq", "title", "deadline", "responsible"]
    acts = visible(plan, fields, sections=False)
    doc = new_document(font_size=11, landscape=True)
    approval_paragraphs(doc, plan.approval)
    title_paragraphs(doc, plan)

    def row(cells: list[str], bold: bool = False):
        p = add_par(doc, "\t".join(cells), bold=bold)
        for cm in (1.2, 13.0, 17.5):
            p.paragraph_format.tab_stops.add_tab_stop(docx.shared.Cm(cm))
        return p

    row(["№", "Мероприятие", "Срок исполнения", "Ответственный"], bold=True)
    for act in acts:
        row([flat(cell_value(act, f)) or "" for f in fields])
    set_core(doc, title="План мероприятий", author="Общественная палата Кировской области",
             when=dt.datetime(2022, 2, 10, 9, 0))
    path = write(FORMS / "kirov_2022_tabs.docx", docx_bytes(doc))
    reread = docx.Document(str(path))
    if reread.tables or sum(p.text.count("\t") == 3 for p in reread.paragraphs) != len(acts) + 1:
        fail(path, "a table, or rows without their three tabs")
    must_contain(path, lo_text(path), acts, fields, plan.approval[:2])
    return record(path, plan, "docx",
                  "a plan typed with tab stops instead of a table (landscape, tab stops at 1.2, 13 and 17.5 cm): "
                  "the header «№ Мероприятие Срок исполнения Ответственный» a bold paragraph, then one paragraph a "
                  "row with its four cells separated by tabs; approval and title plain paragraphs above", acts)


def tab_stops_pdf(plan: Plan) -> dict:
    """The tab-stop plan above printed to PDF by LibreOffice: its long titles wrap back to the left margin
    under the other «columns», so the lines are running text, not a table. Refused, never misread."""
    fields = ["seq", "title", "deadline", "responsible"]
    acts = visible(plan, fields, sections=False)
    src = FORMS / "kirov_2022_tabs.docx"
    path = write(FORMS / "kirov_2022_tabs_lo.pdf",
                 normalised_pdf(lo_convert(src, "pdf:writer_pdf_Export", BUILD / "tabs-pdf"), src))
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:  # no table to cut by: the pages' text as lines
        must_contain(path, "\n".join(page.extract_text() for page in pdf.pages), acts, fields)
    return quarantined(record(path, plan, "pdf",
                              "kirov_2022_tabs.docx printed to PDF by LibreOffice: a header line «№ Мероприятие Срок "
                              "исполнения Ответственный» over rows typed with tab stops whose long titles wrap back "
                              "to the left margin across the deadline and responsible «columns»; no ruling lines. "
                              "Its words are not in columns: refused as having no plan table (the shifted cells "
                              "a column cut would give are never published)", []),
                       "нет таблицы")


def fixed_width_txt(plan: Plan) -> dict:
    fields = ["seq", "title", "deadline", "responsible"]
    acts = visible(plan, fields)
    widths = [4, 46, 22, 30]

    def line(cells):
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()

    lines = text_head(plan) + [line(["№", "Мероприятие", "Срок", "Ответственный"]),
                               line(["-" * 3, "-" * 46, "-" * 22, "-" * 30])]
    for cells in wrapped_rows(acts, fields, widths):
        lines.append(line(cells))
    text = "\r\n".join(lines) + "\r\n"
    path = write(FORMS / "kaliningrad_2024_fixed.txt", text.encode("utf-8"))
    body = path.read_text(encoding="utf-8").splitlines()[len(text_head(plan)) + 2:]
    starts = [0, 6, 54, 78, 999]
    must_contain(path, "\n".join(" ".join(line[a:b] for line in body) for a, b in zip(starts, starts[1:])),
                 acts, fields)
    return record(path, plan, "txt",
                  "fixed-width columns (at characters 0, 6, 54 and 78) separated by runs of at least two spaces, "
                  "a dashed rule under the header, CRLF; cells wrap onto continuation lines that have text only "
                  "in the wrapping columns (indented to the column's start); deadlines with single spaces inside "
                  "(«не позднее чем за 3 дня…») wrap too", acts, encoding="utf-8", line_ends="crlf")


def markdown_md(plan: Plan) -> dict:
    fields = ["seq", "title", "deadline", "responsible"]
    acts = visible(plan, fields)
    two = next(a for a in acts if ", " in a.responsible)
    two.responsible = two.responsible.split(", ", 1)
    plan.acts[acts.index(two)].responsible = two.responsible
    lines = [f"**{line}**  " if line == plan.approval[0] else (f"{line}  " if line else "") for line in plan.approval]
    lines += ["", f"# {split_title(plan.title)[0]}", "", f"## {split_title(plan.title)[-1]}", "",
              "| № | Мероприятие | Срок | Ответственный |", "|---:|---|---|---|"]
    for act in acts:
        cells = [act.seq, act.title, act.deadline,
                 "<br>".join(act.responsible) if isinstance(act.responsible, list) else act.responsible]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    text = "\n".join(lines) + "\n"
    path = write(FORMS / "krasnoyarsk_2026.md", text.encode("utf-8"))
    must_contain(path, text.replace("<br>", " "), acts, fields)
    return record(path, plan, "md",
                  "a Markdown (GFM) table: header, a «|---:|---|» delimiter row, one line per activity; one "
                  "responsible cell holds two lines joined by «<br>» (read as one space, like two paragraphs); "
                  "title as «# ПЛАН» and «## …», approval lines ending in two spaces (Markdown line breaks)",
                  acts, encoding="utf-8")


# ---------------------------------------------------------------------------------------------------
# Honest outcomes: templates, password-protected files, a photo
# ---------------------------------------------------------------------------------------------------


def header_only_xlsx() -> dict:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "План"
    fields = ["seq", "title", "deadline", "responsible", "note"]
    xl_plan(ws, [], fields, row=1, sections=False, date_format=None,
            title_lines=["ПЛАН", "мероприятий Общественного штаба по наблюдению за выборами Общественной палаты "
                                 "Забайкальского края на 2025 год"])
    path = write(FORMS / "zabaikalye_2025_header_only.xlsx", xl_bytes(wb, dt.datetime(2025, 1, 15, 9, 0)))
    wb2 = openpyxl.load_workbook(path)
    if wb2.active.max_row != 4:
        fail(path, f"rows after the header: {wb2.active.max_row}")
    rec = record(path, None, "xlsx",
                 "a plan template: the title and the header row «№ п/п | Мероприятие | Срок | Ответственный | "
                 "Примечание», and nothing under it — an empty plan")
    rec["region"], rec["region_number"] = "Забайкальский край", "75"
    rec["facts"] = {"plan_year": 2025}
    return quarantined(rec, "пуст")


def blank_template_docx() -> dict:
    doc = new_document(font_size=12)
    approval_paragraphs(doc, ["УТВЕРЖДАЮ", "Председатель Общественной палаты", "Республики Бурятия",
                              "_______________ /_______________/", "«___» ____________ 20__ г."])
    title_paragraphs(doc, None, ["ПЛАН", "мероприятий Общественного штаба по наблюдению за выборами на ____ год"])
    table = doc.add_table(rows=2 + 6, cols=4)
    table.style = doc.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, ["№ п/п", "Наименование мероприятия", "Срок исполнения",
                                                "Ответственный"]):
        fill_cell(cell, text, bold=True, align=CENTER)
    for cell, text in zip(table.rows[1].cells, ["1", "2", "3", "4"]):
        fill_cell(cell, text, align=CENTER)
    for cell in table.rows[2].cells:
        fill_cell(cell, "___", align=CENTER)
    set_widths(table, [1.4, 8.6, 3.2, 4.3])
    set_borders(table, True)
    add_par(doc)
    add_par(doc, signature_line("Руководитель Общественного штаба", "______________"))
    set_core(doc, title="Шаблон плана", author="Аппарат", when=dt.datetime(2024, 1, 10, 9, 0))
    path = write(FORMS / "buryatia_blank_template.docx", docx_bytes(doc))
    if len(docx.Document(str(path)).tables[0].rows) != 8:
        fail(path, "template rows")
    rec = record(path, None, "docx",
                 "a blank template: «УТВЕРЖДАЮ ___ /___/ «___» ___ 20__ г.», title «на ____ год», the header "
                 "row, a row of column numbers «1 | 2 | 3 | 4», a row of «___» and five empty rows — an empty plan")
    rec["region"], rec["region_number"] = "Республика Бурятия", "03"
    return quarantined(rec, "пуст")


def encrypted(plan: Plan, kind: str, password: str) -> dict:
    fields = ["seq", "title", "deadline", "responsible"]
    acts = visible(plan, fields)
    if kind == "docx":
        plain = write(BUILD / f"{plan.key}.docx", docx_bytes(plan_docx(plan, acts, STD5, sections=False)))
    else:
        import openpyxl

        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "План"
        xl_plan(ws, acts, fields, row=1, sections=False, date_format="DD.MM.YYYY",
                title_lines=plan_title_lines(plan))
        plain = write(BUILD / f"{plan.key}.xlsx", xl_bytes(wb, dt.datetime(2023, 2, 2, 9, 0)))
    name = f"{plan.key}_password.{kind}"
    out = BUILD / name
    tools("encrypt", str(plain), str(out), password)
    path = write(FORMS / name, out.read_bytes())
    if not path.read_bytes().startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") or zipfile.is_zipfile(path):
        fail(path, "an encrypted OOXML file must be an OLE2 container, not a zip")
    back = BUILD / f"{name}.decrypted"
    tools("decrypt", str(path), str(back), password)
    if back.read_bytes() != plain.read_bytes():
        fail(path, "decrypts to something else")
    rec = record(path, plan, kind,
                 f"a password-protected {kind.upper()} (password «{password}», ECMA-376 Agile encryption by "
                 "msoffcrypto-tool): an OLE2 compound file (same magic as .doc/.xls) with streams "
                 "EncryptionInfo and EncryptedPackage, not a ZIP; inside is an ordinary plan of "
                 f"{len(acts)} activities that no reader can see without the password", None,
                 password=password, encrypted_activity_count=len(acts))
    return quarantined(rec, "пароль")


def photo_jpeg(plan: Plan) -> dict:
    import numpy as np
    import pypdfium2
    from PIL import Image, ImageFilter

    acts = visible(plan, FIELDS_STD)
    src = write(BUILD / "smolensk_2022.docx", docx_bytes(plan_docx(plan, acts, STD5, sections=False)))
    pdf = lo_convert(src, "pdf:writer_pdf_Export", BUILD / "pdf")
    page = pypdfium2.PdfDocument(str(pdf))[0]
    img = page.render(scale=1.2).to_pil().convert("RGB")
    w, h = img.size
    canvas = Image.new("RGB", (int(w * 1.12), int(h * 1.08)), (92, 74, 58))  # a wooden desk
    canvas.paste(img, (int(w * 0.06), int(h * 0.04)))
    canvas = canvas.rotate(2.2, resample=Image.BICUBIC, fillcolor=(92, 74, 58))
    cw, ch = canvas.size
    canvas = canvas.transform((cw, ch), Image.PERSPECTIVE, (1.0, 0.03, -20, 0.004, 1.0, -10, 0.00002, 0.00003),
                              resample=Image.BICUBIC, fillcolor=(80, 64, 50))
    yy, xx = np.mgrid[0:ch, 0:cw]
    light = 1.05 - 0.35 * (((xx - cw * 0.3) / cw) ** 2 + ((yy - ch * 0.25) / ch) ** 2)
    arr = np.asarray(canvas).astype(np.float32) * light[..., None]
    arr += np.random.default_rng(67).normal(0, 4, arr.shape)
    photo = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7))
    photo = photo.resize((cw * 3 // 4, ch * 3 // 4), Image.LANCZOS)
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=68)
    path = write(FORMS / "smolensk_2022_photo.jpg", buffer.getvalue())
    with Image.open(path) as check:
        if check.format != "JPEG":
            fail(path, "not a JPEG")
        size = check.size
    rec = record(path, plan, "jpeg",
                 f"a phone photo of the first page of a printed plan ({size[0]}×{size[1]} JPEG, tilted, "
                 "perspective, uneven light, noise): a picture, no text layer", None,
                 plan_activity_count=len(acts))
    return quarantined(rec, "изображение")


# ---------------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------------

INBOX_FILES = ["perm_2024.xlsx", "tyumen_2021.doc", "omsk_2026.docx"]


def build(plans: dict[str, Plan]) -> list[dict]:
    short_year_display(plans["rostov_2023"])
    records = [xlsx_perm(plans["perm_2024"]), xlsx_rostov(plans["rostov_2023"]),
               xlsm_bashkortostan(plans["bashkortostan_2024"]), xls_krasnodar(plans["krasnodar_2021"]),
               ods_primorye(plans["primorye_2025"]),
               doc_tyumen(plans["tyumen_2021"]), rtf_leningrad(plans["leningrad_2022"]),
               odt_yakutia(plans["yakutia_2023"]),
               word_package(plans["altai_2024"], "docm", "altai_2024.docm",
                            "macro-enabled Word document (.docm): word/document.xml has content type "
                            "application/vnd.ms-word.document.macroEnabled.main+xml, word/vbaProject.bin is a "
                            "placeholder blob (no code) tied by a vbaProject relationship; otherwise an ordinary "
                            "WordprocessingML plan, approved in December 2023 for the March 2024 election"),
               word_package(plans["belgorod_2025"], "dotx", "belgorod_2025.dotx",
                            "a Word template (.dotx, content type …wordprocessingml.template.main+xml) that holds "
                            "a filled-in plan — regions send the template they typed into"),
               word_package(plans["yaroslavl_2021"], "dotm", "yaroslavl_2021.dotm",
                            "a macro-enabled Word template (.dotm, content type "
                            "application/vnd.ms-word.template.macroEnabledTemplate.main+xml, placeholder "
                            "vbaProject.bin) holding a filled-in plan; full names «Смирнов Андрей Викторович»"),
               *kursk_htm(plans["kursk_2024"]), irkutsk_html(plans["irkutsk_2023"]),
               nizhny_mht(plans["nizhny_2026"]), news_page(),
               *archives(plans),
               docx_sdt_block(plans["vologda_2025"]), docx_sdt_rows(plans["samara_2024"]),
               docx_nested(plans["karelia_2021"]), docx_textboxes(plans["komi_2022"]),
               docx_section_tables(plans["omsk_2026"]), two_level_docx(plans["orenburg_2024"]),
               strict_docx(plans["chelyabinsk_2023"]),
               stavropol_pdf(plans["stavropol_2021"]), chromium_pdf(plans["voronezh_2024"]),
               lipetsk_pdf(plans["lipetsk_2025"]), tula_pdf(plans["tula_2022"]),
               murmansk_pdf(plans["murmansk_2023"]),
               pipes_txt(plans["arkhangelsk_2021"]), fixed_width_txt(plans["kaliningrad_2024"]),
               pasted_text_docx(plans["tambov_2021"]), tab_stops_docx(plans["kirov_2022"]),
               tab_stops_pdf(plans["kirov_2022"]),
               markdown_md(plans["krasnoyarsk_2026"]),
               header_only_xlsx(), blank_template_docx(),
               encrypted(plans["udmurtia_2024"], "docx", "shtab2024"),
               encrypted(plans["penza_2023"], "xlsx", "Penza-2023"),
               photo_jpeg(plans["smolensk_2022"])]
    return records


def check_sizes(records: list[dict]) -> int:
    total = 0
    for path in sorted(FORMS.iterdir()):
        size = path.stat().st_size
        total += size
        if size > MAX_FILE_BYTES:
            fail(path, f"{size} bytes (limit {MAX_FILE_BYTES})")
    for name in INBOX_FILES:
        if (INBOX / name).stat().st_size > MAX_FILE_BYTES:
            fail(INBOX / name, "too large")
    if total > MAX_FOLDER_BYTES:
        raise SampleError(f"samples/forms is {total} bytes (limit {MAX_FOLDER_BYTES})")
    on_disk = {f"samples/forms/{p.name}" for p in FORMS.iterdir()} | {f"samples/inbox/{n}" for n in INBOX_FILES}
    recorded = {r["path"] for r in records if "!" not in r["path"]}
    if on_disk != recorded:
        raise SampleError(f"files without a record: {on_disk - recorded}; records without a file: {recorded - on_disk}")
    return total


def preflight() -> None:
    """Every outside tool is there before anything is deleted."""
    missing = [name for name, ok in [("LibreOffice (soffice)", shutil.which("soffice") or shutil.which("libreoffice")),
                                      ("qpdf", shutil.which("qpdf")), (f"Chromium ({CHROMIUM})", Path(CHROMIUM).exists()),
                                      (f"the tools venv ({TOOLS_PYTHON}; `make forms-tools`)", Path(TOOLS_PYTHON).exists())]
               if not ok]
    if missing:
        raise SampleError("make_forms.py needs: " + "; ".join(missing))


def main() -> int:
    preflight()
    for folder in (FORMS, BUILD):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    for name in INBOX_FILES:
        (INBOX / name).unlink(missing_ok=True)
    records = build(all_plans())
    total = check_sizes(records)
    manifest = {
        "about": "Hand-checked reference for samples/forms/ and three inbox files (see samples/README.md, «Forms»); "
                 "same record format and text conventions as MANIFEST.json. A record with expected_status "
                 "«quarantined» names a phrase the reason must contain (expected_reason_contains); an archive's "
                 "members have their own records, path «archive!member»; archives also carry "
                 "expected_reason_contains «архив» (whatever is done with them, they must be called archives). "
                 "Excel dates: deadline_raw is what Excel displays for the cell's number format.",
        "files": records,
    }
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    shutil.rmtree(BUILD)
    print("written:")
    for r in records:
        status = f"  → {r['expected_status']} («{r['expected_reason_contains']}»)" if "expected_status" in r else ""
        print(f"  {r['path']:70} {r['format']:5} {r['expected_activity_count']:3}{status}")
    print(f"samples/forms: {total} bytes in {len(list(FORMS.iterdir()))} files")
    for r in records:
        if "pdfplumber" in r:
            pages = r["pdfplumber"]["per_page"]
            print(f"  pdfplumber {Path(r['path']).name}: " + "; ".join(
                f"p{i}: {p['tables']} table(s) rows={p['rows']} None={p['none_cells']} lines={p['lines']} "
                f"rects={p['rects']}" for i, p in enumerate(pages, 1)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
