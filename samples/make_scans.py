"""Build the scanned and photographed sample plans and their reference, ``samples/SCANS_MANIFEST.json``.

Run from the repository root, after ``make_samples.py`` and ``make_forms.py`` (the first empties the inbox)::

    .venv/bin/python samples/make_scans.py

It writes

- ``inbox/pskov_2021_scan.pdf``         a made-up one-page plan (Псковская область), printed, stamped and
  signed in blue, scanned in colour at 300 dpi: an image-only PDF (JPEG). Section rows, a deadline merged
  over two rows, a signature under the table. The demo inbox's scan: ``make run`` reads it.
- ``scans/sverdlovsk_2023_noisy200.pdf`` ``inbox/sverdlovsk_2023.docx`` printed and scanned in grey at
  200 dpi: every page turned by 0.5–1°, blur, scanner noise, a grey stamp under the last table, JPEG 45.
- ``../tests/fixtures/searchable-scan-invisible-text-layer.pdf``  the Pskov scan as a «searchable» PDF:
  Tesseract's own PDF (the ``tesseract`` command) with its invisible text layer over the page picture, as
  office scanners make them. A regression fixture, not a sample: its page must go to OCR.
- ``scans/khabarovsk_2021_photo.jpg``  page 1 of ``inbox/khabarovsk_2021.pdf`` with a blue stamp, lying on a
  desk and photographed from above at an angle: perspective, light falling off to one side, defocus, the
  pixels stored sideways with an EXIF orientation tag, as phones do.

Each record of the manifest has the format of ``MANIFEST.json`` (the exact source text of every activity)
and ``scan``: how the file was made. The photo holds page 1 only: its activities are the rows printed on
that page, the last one (broken by the page) as far as page 1 goes.

Deterministic: every random choice comes from a generator seeded with the file's name; LibreOffice PDFs
are normalised (``make_samples.to_pdf``); Pillow's JPEG and PDF writers stamp no date. Needs LibreOffice
for the two DOCX; the generated files are committed, so tests never need it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from forms_plans import ELECTIONS, Plan, Region, approval_block  # noqa: E402
from make_forms import cols, plan_docx, signature_line  # noqa: E402
from make_samples import Act, manifest_activity, save_docx, to_pdf  # noqa: E402

INBOX, SCANS = HERE / "inbox", HERE / "scans"
MANIFEST, SCANS_MANIFEST = HERE / "MANIFEST.json", HERE / "SCANS_MANIFEST.json"
STAMP_INK = (40, 60, 170)  # a worn blue office stamp, RGB
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
MAX_FILE_BYTES = 1_500_000


# ---------------------------------------------------------------------------------------------------
# The made-up plan of the inbox scan
# ---------------------------------------------------------------------------------------------------

PSKOV = Region("Псковская область", "60", "Псковской области", "Избирательная комиссия Псковской области",
               "области")
SECTIONS = ["I. Организационная работа", "II. Подготовка наблюдателей", "III. Дни голосования"]


def pskov_plan() -> Plan:
    s1, s2, s3 = SECTIONS
    acts = [
        Act("Формирование состава Общественного штаба и утверждение плана его работы", "до 1 марта",
            "Громова О.В.", "1.", s1),
        Act("Заключение соглашения о взаимодействии с Избирательной комиссией Псковской области", "I квартал",
            "Громова О.В., Аппарат Общественной палаты", "2.", s1),
        Act("Проведение заседаний Общественного штаба", "ежемесячно", "члены Общественного штаба", "3.", s1),
        Act("Набор общественных наблюдателей из числа студентов вузов и волонтёров", "июнь – август",
            "Семёнова Т.А.", "4.", s2, extra={"vmerge": "restart"}),
        Act("Обучающие семинары для наблюдателей совместно с Ассоциацией «НОМ»", "июнь – август",
            "Семёнова Т.А., Ассоциация «НОМ»", "5.", s2, extra={"vmerge": "continue"}),
        Act("Направление списков наблюдателей в территориальные избирательные комиссии",
            "не позднее 10 сентября", "Аппарат Общественной палаты", "6.", s2),
        Act("Работа «горячей линии» и ситуационного центра Общественного штаба", "17-19 сентября",
            "Орлов Д.В.", "7.", s3),
        Act("Подведение итогов общественного наблюдения, пресс-конференция", "до 1 октября",
            "Громова О.В., пресс-служба Общественной палаты", "8.", s3),
    ]
    approved = dt.date(2021, 2, 11)
    election = ELECTIONS["duma2021"]
    title = "ПЛАН работы Общественного штаба по наблюдению за выборами Общественной палаты Псковской области"
    facts = {"plan_year": 2021, "approved_on": approved.isoformat(), "approved_by": "О.В. Громова",
             "title": title, "election": election.name, "voting_start": election.voting_start.isoformat(),
             "voting_end": election.voting_end.isoformat()}
    approval = approval_block("utverzhdayu", post="Председатель Общественной палаты Псковской области",
                              name="О.В. Громова", on=approved)
    return Plan(key="pskov_2021", region=PSKOV, election=election, year=2021, acts=acts, title=title,
                approval=approval, facts=facts, sections=SECTIONS,
                signature=signature_line("Руководитель Общественного штаба", "О.В. Громова"))


def pskov_docx(path: Path) -> Plan:
    plan = pskov_plan()
    columns = cols(("№ п/п", "seq", 1.3), ("Мероприятие", "title", 8.2), ("Срок", "deadline", 3.4),
                   ("Ответственный", "responsible", 4.6))
    doc = plan_docx(plan, plan.acts, columns, signature=plan.signature, font_size=12)
    save_docx(doc, path)
    return plan


# ---------------------------------------------------------------------------------------------------
# What makes a page look scanned or photographed
# ---------------------------------------------------------------------------------------------------


def seeded(name: str) -> np.random.Generator:
    return np.random.default_rng(int(hashlib.sha256(name.encode()).hexdigest()[:12], 16))


def pdf_to_pages(pdf_path: Path, dpi: int) -> list[Image.Image]:
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return [pdf[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(len(pdf))]
    finally:
        pdf.close()


def stamp_and_sign(page: Image.Image, rng: np.random.Generator, band: tuple[float, float] = (0, 1 / 3)) -> Image.Image:
    """A round blue stamp with a signature scribble across it, in the emptiest spot of a band of the page
    (its top third by default: the approval block)."""
    page = page.copy()
    width, height = page.size
    radius = int(width * 0.075)
    x, y = emptiest_spot(np.asarray(page.convert("L")), radius, int(height * band[0]), int(height * band[1]))
    layer = Image.new("L", page.size, 0)
    draw = ImageDraw.Draw(layer)
    draw.ellipse([x - radius, y - radius, x + radius, y + radius], outline=255, width=max(4, radius // 25))
    inner = int(radius * 0.78)
    draw.ellipse([x - inner, y - inner, x + inner, y + inner], outline=255, width=max(2, radius // 50))
    font = ImageFont.truetype(FONT, max(12, radius // 7))
    ring_text(draw, "ОБЩЕСТВЕННАЯ ПАЛАТА * ДЛЯ ДОКУМЕНТОВ * ", (x, y), int(radius * 0.89), font)
    draw.text((x, y), "ШТАБ", font=ImageFont.truetype(FONT, radius // 4), fill=255, anchor="mm")
    scribble(draw, (x + radius // 2, y + radius // 3), radius, rng)
    worn = np.asarray(layer, dtype=np.float32) / 255 * rng.uniform(0.55, 1.0, size=layer.size[::-1])
    pixels = np.asarray(page, dtype=np.float32)
    pixels = pixels * (1 - worn[..., None] * 0.85) + np.array(STAMP_INK, np.float32) * worn[..., None] * 0.85
    return Image.fromarray(pixels.clip(0, 255).astype(np.uint8))


def emptiest_spot(gray: np.ndarray, radius: int, min_y: int, max_y: int) -> tuple[int, int]:
    ink = (gray < 128).astype(np.uint8)
    best, best_xy = None, (radius, radius)
    for y in range(min_y + radius + 20, max(min_y + radius + 21, max_y - radius - 20), radius // 4):
        for x in range(gray.shape[1] // 8 + radius, gray.shape[1] - radius - 20, radius // 4):
            count = int(ink[y - radius:y + radius, x - radius:x + radius].sum())
            if best is None or count < best:
                best, best_xy = count, (x, y)
    return best_xy


def ring_text(draw: ImageDraw.ImageDraw, text: str, centre: tuple[int, int], radius: int, font) -> None:
    for i, char in enumerate(text):
        angle = 2 * math.pi * i / len(text) - math.pi / 2
        draw.text((centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle)), char,
                  font=font, fill=255, anchor="mm")


def scribble(draw: ImageDraw.ImageDraw, start: tuple[int, int], size: int, rng: np.random.Generator) -> None:
    t = np.linspace(0, 1, 80)
    xs = start[0] + size * 1.2 * t + rng.normal(0, 3, t.size)
    ys = start[1] + size * 0.2 * np.sin(t * 14 + rng.uniform(0, 3)) * (1 - t)
    draw.line(list(zip(xs.tolist(), ys.tolist())), fill=255, width=max(3, size // 40))


def rotate_small(gray: np.ndarray, degrees: float) -> np.ndarray:
    h, w = gray.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(gray, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def add_scanner_noise(gray: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    noisy = cv2.GaussianBlur(gray, (0, 0), rng.uniform(0.6, 0.9)).astype(np.float32)
    noisy += rng.normal(0, 9, gray.shape)
    salt = rng.random(gray.shape)
    noisy[salt < 0.001] = 0
    noisy[salt > 0.999] = 255
    return noisy.clip(0, 255).astype(np.uint8)


def photograph(page: Image.Image, rng: np.random.Generator) -> np.ndarray:
    """The page on a desk, shot from above at an angle: a perspective warp onto a wood-like texture, light
    falling off to one side, a little defocus."""
    sheet = np.asarray(page.convert("RGB"))
    h, w = sheet.shape[:2]
    out_w, out_h = int(w * 1.25), int(h * 1.12)
    desk = wood(out_h, out_w, rng)
    margin_x, margin_y = out_w * 0.08, out_h * 0.05
    corners = np.float32([[margin_x, margin_y], [out_w - margin_x, margin_y],
                          [out_w - margin_x, out_h - margin_y], [margin_x, out_h - margin_y]])
    corners += rng.uniform(-1, 1, corners.shape).astype(np.float32) * np.float32([out_w * 0.05, out_h * 0.03])
    corners[0, 0] += out_w * 0.04  # the far edge looks shorter: the camera is tilted towards the top
    corners[1, 0] -= out_w * 0.04
    matrix = cv2.getPerspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]), corners)
    warped = cv2.warpPerspective(sheet, matrix, (out_w, out_h), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), matrix, (out_w, out_h)) > 127
    photo = desk.copy()
    photo[mask] = warped[mask]
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    light = 1.0 - 0.35 * (xx / out_w) * (0.6 + 0.4 * yy / out_h)  # a window on the left
    photo = (photo.astype(np.float32) * light[..., None]).clip(0, 255)
    photo = cv2.GaussianBlur(photo, (0, 0), 1.0) + rng.normal(0, 4, photo.shape)
    return photo.clip(0, 255).astype(np.uint8)


def wood(h: int, w: int, rng: np.random.Generator) -> np.ndarray:
    grain = cv2.resize(rng.normal(0, 1, (h // 40 + 1, 6)), (w, h), interpolation=cv2.INTER_CUBIC)
    stripes = np.sin(np.linspace(0, 60, h))[:, None] * 0.3 + grain
    base = np.array([125, 92, 64], dtype=np.float32)  # brown, darker than the paper
    return (base + stripes[..., None] * 14).clip(0, 255).astype(np.uint8)


# ---------------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------------


def images_to_pdf(images: list[Image.Image], path: Path, dpi: int, quality: int, when: dt.datetime) -> None:
    """An image-only PDF: Pillow embeds RGB and grey pages as JPEG (DCT) streams; its dates are fixed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    images[0].save(path, "PDF", save_all=True, append_images=images[1:], resolution=dpi, quality=quality,
                   creationDate=when.timetuple(), modDate=when.timetuple())


def save_photo(photo_rgb: np.ndarray, path: Path, orientation: int) -> None:
    """The pixels stored turned, so that a viewer honouring EXIF `orientation` shows the page upright."""
    turns = {6: 1, 8: 3}[orientation]  # 6: a viewer turns it 90° clockwise, so it is stored anticlockwise
    stored = Image.fromarray(np.ascontiguousarray(np.rot90(photo_rgb, turns)))
    exif = Image.Exif()
    exif[0x0112] = orientation
    path.parent.mkdir(parents=True, exist_ok=True)
    stored.save(path, "JPEG", quality=80, exif=exif, dpi=(200, 200))


def check_size(path: Path) -> None:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise SystemExit(f"{path.name}: {path.stat().st_size} bytes, more than {MAX_FILE_BYTES}")


# ---------------------------------------------------------------------------------------------------
# The three files
# ---------------------------------------------------------------------------------------------------


def clean_scan(pdf: Path, out: Path, when: dt.datetime) -> dict:
    rng = seeded(out.name)
    pages = pdf_to_pages(pdf, 300)
    images_to_pdf([stamp_and_sign(pages[0], rng), *pages[1:]], out, 300, 55, when)
    return {"kind": "clean300", "dpi": 300, "colour": True, "pages": len(pages), "jpeg_quality": 55,
            "stamp": "blue, page 1"}


def noisy_scan(pdf: Path, out: Path, when: dt.datetime) -> dict:
    rng = seeded(out.name)
    pages, angles = [], []
    rendered = pdf_to_pages(pdf, 200)
    for i, page in enumerate(rendered):
        page = stamp_and_sign(page, rng, (0.5, 1)) if i == len(rendered) - 1 else page
        angle = float(rng.uniform(0.5, 1.0) * rng.choice([-1, 1]))
        gray = rotate_small(np.asarray(page.convert("L")), angle)
        pages.append(Image.fromarray(add_scanner_noise(gray, rng)))
        angles.append(round(angle, 3))
    images_to_pdf(pages, out, 200, 45, when)
    return {"kind": "noisy200", "dpi": 200, "colour": False, "pages": len(pages), "angles_deg": angles,
            "jpeg_quality": 45, "stamp": "grey, at the foot of the last page"}


def photo(pdf: Path, out: Path) -> dict:
    rng = seeded(out.name)
    orientation = int(rng.choice([6, 8]))
    save_photo(photograph(stamp_and_sign(pdf_to_pages(pdf, 200)[0], rng), rng), out, orientation)
    return {"kind": "photo", "pages": 1, "page_of_source": 1, "exif_orientation": orientation,
            "jpeg_quality": 80, "stamp": "blue"}


def searchable(scan: Path, out: Path, tmp: Path) -> None:
    """The scan with an invisible text layer, as Tesseract's command writes it (needs tesseract-ocr-rus)."""
    if not shutil.which("tesseract"):
        raise SystemExit("the tesseract command is needed: apt-get install -y tesseract-ocr tesseract-ocr-rus")
    page = tmp / "page.jpg"
    pdf_to_pages(scan, 300)[0].convert("L").save(page, quality=60)
    subprocess.run(["tesseract", str(page), str(out.with_suffix("")), "-l", "rus", "--dpi", "300", "pdf"],
                   check=True, capture_output=True, timeout=300)
    # its creation date, the only thing that changes from run to run (same length: offsets stay valid)
    out.write_bytes(re.sub(rb"/CreationDate \(D:\d{14}", b"/CreationDate (D:20210212090000", out.read_bytes()))


def page_one_activities(record: dict) -> list[dict]:
    """The activities printed on page 1: those before the first row broken by the page, and that row as far
    as page 1 goes (its fragment on page 2 cut off)."""
    split = next(s for s in record["split_rows"] if s["from_page"] == 1)
    last = next(i for i, a in enumerate(record["activities"]) if a["seq"] == split["row"])
    acts = record["activities"][:last + 1]
    fields = ["seq", "title", "deadline_raw", "responsible_raw"]
    broken = dict(acts[-1])
    for field, tail in zip(fields, split["fragment"]):
        if tail:
            broken[field] = broken[field].removesuffix(tail).rstrip()
    return [*acts[:-1], broken]


def manifest_record(path: Path, record: dict, scan: dict, source: str, activities: list[dict] | None = None) -> dict:
    acts = record["activities"] if activities is None else activities
    keep = {k: record[k] for k in ("region", "region_number", "facts")}
    return {"path": f"samples/{path.relative_to(HERE)}", **keep, "format": path.suffix.lstrip("."),
            "source": source, "layout": record["layout"], "scan": scan, "expected_activity_count": len(acts),
            "activities": acts}


def main() -> int:
    manifest = {f["path"]: f for f in json.loads(MANIFEST.read_text(encoding="utf-8"))["files"]}
    records = []
    with tempfile.TemporaryDirectory(prefix="svodka-scans-") as tmp:
        tmp = Path(tmp)
        plan = pskov_docx(tmp / "pskov_2021.docx")
        to_pdf(tmp / "pskov_2021.docx", tmp / "pskov_2021.pdf", dt.datetime(2021, 2, 11, 10))
        if len(pdfium.PdfDocument(str(tmp / "pskov_2021.pdf"))) != 1:
            raise SystemExit("the Pskov plan no longer fits on one page")
        out = INBOX / "pskov_2021_scan.pdf"
        scan = clean_scan(tmp / "pskov_2021.pdf", out, dt.datetime(2021, 2, 12, 9))
        pskov = {"region": PSKOV.name, "region_number": PSKOV.number, "facts": plan.facts,
                 "layout": "one page: «УТВЕРЖДАЮ» with a blue stamp and signature, title, «№ п/п», «Мероприятие», "
                           "«Срок», «Ответственный», three section rows «I.»–«III.», «июнь – август» merged over "
                           "rows 4–5, a signature line under the table",
                 "activities": [manifest_activity(a) for a in plan.acts]}
        records.append(manifest_record(out, pskov, scan, "made-up"))
        searchable(out, HERE.parent / "tests" / "fixtures" / "searchable-scan-invisible-text-layer.pdf", tmp)

        sverdlovsk = manifest["samples/inbox/sverdlovsk_2023.docx"]
        to_pdf(HERE / "inbox" / "sverdlovsk_2023.docx", tmp / "sverdlovsk_2023.pdf", dt.datetime(2023, 3, 3, 10))
        out = SCANS / "sverdlovsk_2023_noisy200.pdf"
        records.append(manifest_record(out, sverdlovsk, noisy_scan(tmp / "sverdlovsk_2023.pdf", out,
                                                                 dt.datetime(2023, 3, 6, 9)),
                                       "scan of samples/inbox/sverdlovsk_2023.docx"))

        khabarovsk = manifest["samples/inbox/khabarovsk_2021.pdf"]
        out = SCANS / "khabarovsk_2021_photo.jpg"
        records.append(manifest_record(out, khabarovsk, photo(HERE / "inbox" / "khabarovsk_2021.pdf", out),
                                       "photo of page 1 of samples/inbox/khabarovsk_2021.pdf",
                                       page_one_activities(khabarovsk)))
    for record in records:
        path = HERE.parent / record["path"]
        check_size(path)
        print(f"{record['path']:44s} {record['scan']['pages']} p  {path.stat().st_size / 1e6:4.2f} MB  "
              f"{record['expected_activity_count']} activities")
    about = ("Scanned and photographed sample plans (samples/make_scans.py): the exact source text of every "
             "activity, as in MANIFEST.json, and how each file was made (`scan`).")
    SCANS_MANIFEST.write_text(json.dumps({"about": about, "files": records}, ensure_ascii=False, indent=1) + "\n",
                              encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
