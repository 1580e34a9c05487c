"""The parts of reading scans that are rules: which pages need OCR, how a misread cell is cleaned, how
pictures are sniffed and turned upright, how a table is stitched over a scanned page. Case tables; the only
recognition here is one page of a mixed PDF and two orientation checks."""

import io
from pathlib import Path

import numpy as np
import pdfplumber
import pypdfium2 as pdfium
import pytest
from PIL import Image

from extractors.readers import READERS
from extractors.readers.ocr.content import table_to_cell_rows
from extractors.readers.ocr.geometry import measure_skew, page_to_upright, rotate_by
from extractors.readers.ocr.ink import gray_to_ink
from extractors.readers.ocr.model import OcrCell, OcrTable
from extractors.readers.ocr.pages import image_page_images, pdf_page_images
from extractors.readers.ocr.textclean import lines_to_text
from extractors.readers.pdf_stitch import PageTable, stitch_page_tables
from extractors.readers.text_layer import pages_to_ocr, text_needs_ocr
from extractors.sniff import sniff_format
from extractors.tables.assemble import content_to_plan_rows
from tests.conftest import SAMPLES, needs_ocr, ocr_missing

GOOD = "ПЛАН работы общественного штаба по наблюдению за выборами. Белоглазов А.С. КГКУ \"Аппарат\" до 01 марта"


@pytest.mark.parametrize(("text", "needs", "reason"), [
    (GOOD, False, "ok"),
    ("", True, "no-text"),
    ("  \n 12 ", True, "no-text"),
    (" ".join(f"(cid:{n})" for n in range(40, 90)), True, "cid"),
    (GOOD.encode("cp1251").decode("latin-1"), True, "mojibake"),  # «Ïëàí ðàáîòû»
    (GOOD.encode("utf-8").decode("cp1251", errors="replace"), True, "mojibake"),  # «РџР›РђРќ»
    ("ьклм ъпрст ыываа ьоолл ъъыы ьььь пнрвтк ъклмн ьабв ыклм", True, "implausible-words"),
    ("• мониторинговая группа; \uf0b7 экспертная группа; № 7 от 05.02.2021 — «НОМ» " * 2, False, "ok"),
])
def test_which_text_layers_need_ocr(text, needs, reason):
    assert tuple(text_needs_ocr(text)) == (needs, reason)


@pytest.mark.parametrize(("path", "pages"), [
    (SAMPLES / "inbox" / "khabarovsk_2021.pdf", []),
    (SAMPLES / "inbox" / "novosibirsk_2024.pdf", []),
    (SAMPLES / "forms" / "voronezh_2024_chromium.pdf", []),
    (SAMPLES / "forms" / "tula_2022_tight.pdf", []),
    (SAMPLES / "inbox" / "pskov_2021_scan.pdf", [1]),
    (SAMPLES / "scans" / "sverdlovsk_2023_noisy200.pdf", [1, 2]),
    # a scanner's own OCR layer over the page picture: read again, cell by cell
    (Path(__file__).parent / "fixtures" / "searchable-scan-invisible-text-layer.pdf", [1]),
])
def test_only_pages_without_good_text_go_to_ocr(path, pages):
    with pdfplumber.open(path) as pdf:
        assert pages_to_ocr(pdf.pages) == pages


@pytest.mark.parametrize(("lines", "expected"), [
    (["август-", "сентябрь"], "август-сентябрь"),  # a compound broken at its own hyphen
    (["по наблю-", "дению за"], "по наблюдению за"),  # Word's syllable hyphenation: the dictionary knows it
    (["пресс-", "центра"], "пресс-центра"),
    (["информационно-", "разъяснительной"], "информационно-разъяснительной"),
    (["24-", "25.05.2023"], "24-25.05.2023"),
    (["Т квартал"], "I квартал"),
    (["ГУ квартал"], "IV квартал"),
    (["1 полугодие"], "1 полугодие"),  # a real Arabic 1
    (["Ш. Информационное сопровождение"], "III. Информационное сопровождение"),
    (["2,3,"], "2.3."),
    (["Смирнова О.И.., Захаров П.Н."], "Смирнова О.И., Захаров П.Н."),
    (["выборами:»", "® мониторинговая группа;", "® экспертная группа;", "® группа по", "подготовке."],
     "выборами: мониторинговая группа; экспертная группа; группа по подготовке."),
    (["Мapт"], "Март"),
    (["0бщественной палаты"], "Общественной палаты"),
    (["| текст |"], "текст"),
    (["___", "текст"], "текст"),
    (["текст", "—"], "текст"),
    (["—"], "—"),
    (["<<НОМ>>"], "«НОМ»"),
    (["“Аппарат Общественной палаты края”"], '"Аппарат Общественной палаты края"'),
    (["1."], "1."),
    (["Instagram и VK"], "Instagram и VK"),
    (["2х", "1-й"], "2х 1-й"),
    (["слово ,", "( скобка )"], "слово, (скобка)"),
    (["с! февраля"], "с 1 февраля"),
    (["до ! марта"], "до 1 марта"),
    (["вдни голосования"], "в дни голосования"),
    (["всего", "сдача"], "всего сдача"),  # known words stay whole
    (["Пквартал 2021 года"], "II квартал 2021 года"),
    (["с28 апреля по 4 июля"], "с 28 апреля по 4 июля"),
    (["до 26 мая 2021 Г."], "до 26 мая 2021 г."),
    (["до 26 мая 2021", "Г."], "до 26 мая 2021 г."),
    (["в режиме", "’ситуационного центра"], "в режиме ситуационного центра"),
    (["в режиме ’ситуационного центра"], "в режиме ситуационного центра"),
    (["февраль– май"], "февраль – май"),
    (["февраль–май"], "февраль–май"),  # written without spaces: kept
    (["февраль- май"], "февраль – май"),
    (["март-август"], "март-август"),
    (["24–25 мая"], "24–25 мая"),
    (["М п/п"], "№ п/п"),
    (["протокол No 7"], "протокол № 7"),
    (["Мо"], "№"),
    (["Иванов М"], "Иванов М"),  # an initial that lost its stop is no «№»
    (["З1."], "31."),
    (["до 2б.05.2023"], "до 26.05.2023"),
    (["ЗО"], "ЗО"),  # no real digit: not a number
    (["Зайцев", "О.И."], "Зайцев О.И."),
])
def test_misread_cell_text_is_cleaned(lines, expected):
    assert lines_to_text(lines) == expected


@pytest.mark.parametrize(("head", "expected"), [
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "image"),
    (b"II*\x00\x08\x00\x00\x00", "image"),
    (b"MM\x00*\x00\x00\x00\x08", "image"),
    (b"GIF89a\x01\x00", "image"),
    (b"BM\x36\x00\x0c\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00", "image"),  # DIB header of 40 bytes
    (b"BM is how this letter starts", "binary"),  # «BM» alone is no picture (the test appends binary bytes)
    (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image"),
    (b"RIFF\x24\x00\x00\x00WAVEfmt ", "binary"),
])
def test_pictures_are_sniffed_by_their_bytes(tmp_path, head, expected):
    path = tmp_path / "upload.pdf"
    path.write_bytes(head + bytes(range(256)) * 4)
    assert sniff_format(path) == expected


def test_exif_orientation_and_every_tiff_frame_are_honoured(tmp_path):
    wide = Image.new("L", (300, 100), 255)
    exif = Image.Exif()
    exif[0x0112] = 6  # a viewer turns it 90° clockwise
    wide.save(tmp_path / "photo.jpg", exif=exif)
    [page] = image_page_images(tmp_path / "photo.jpg")
    assert page.pixels.shape == (300, 100)
    frames = [Image.new("L", (80, 120), shade) for shade in (0, 128, 255)]
    frames[0].save(tmp_path / "scan.tif", save_all=True, append_images=frames[1:])
    assert [int(p.pixels.mean()) for p in image_page_images(tmp_path / "scan.tif")] == [0, 128, 255]


@pytest.fixture(scope="module")
def scanned_page() -> np.ndarray:
    pixels = next(pdf_page_images(SAMPLES / "inbox" / "pskov_2021_scan.pdf", [1])).pixels
    return np.asarray(Image.fromarray(pixels).convert("L"))


@pytest.mark.parametrize("degrees", [0.7, -0.55])
def test_a_skewed_page_is_measured(scanned_page, degrees):
    assert measure_skew(gray_to_ink(rotate_by(scanned_page, -degrees))) == pytest.approx(degrees, abs=0.06)


@pytest.mark.skipif(ocr_missing("osd") is not None, reason="нет модели Tesseract osd (tesseract-ocr-osd)")
@pytest.mark.parametrize(("turn", "back"), [(np.rot90, 90), (lambda a: np.rot90(a, 2), 180)])
def test_a_page_scanned_sideways_or_upside_down_is_turned_upright(scanned_page, turn, back):
    _, turned = page_to_upright(np.ascontiguousarray(turn(scanned_page)))
    assert turned == back


def cells(*rows) -> list[OcrCell]:
    return [OcrCell(text, 90.0, r, c, rowspan=span) for r, row in enumerate(rows) for c, text, span in row]


def test_a_merge_broken_by_a_page_carries_the_text_of_the_row_above():
    header = [(0, "№", 1), (1, "Мероприятие", 1), (2, "Срок", 1)]
    page1 = OcrTable(cells(header, [(0, "1.", 1), (1, "Набор наблюдателей", 1), (2, "июнь – август", 2)],
                           [(0, "2.", 1), (1, "Обучение", 1)]), 3, 3, (0, 0, 900, 300), [0, 100, 600, 900])
    page2 = OcrTable(cells(header, [(0, "3.", 1), (1, "Семинары", 1), (2, "", 2)], [(0, "4.", 1), (1, "Тесты", 1)]),
                     3, 3, (0, 0, 900, 300), [0, 100, 600, 900])
    pieces = [PageTable(page=n, rows=[[c.text for c in row] for row in table_to_cell_rows(t)], column_x=[0, 100, 600],
                        cells=table_to_cell_rows(t), extraction="ocr") for n, t in ((1, page1), (2, page2))]
    [table] = stitch_page_tables(pieces)
    assert [row.texts for row in table.rows[1:]] == [
        ["1.", "Набор наблюдателей", "июнь – август"], ["2.", "Обучение", "июнь – август"],
        ["3.", "Семинары", "июнь – август"], ["4.", "Тесты", "июнь – август"]]
    assert [row.page for row in table.rows] == [1, 1, 1, 2, 2]


@needs_ocr
def test_a_pdf_scanned_on_one_page_only_is_read_as_one_table(tmp_path):
    """Khabarovsk's text PDF with its last page replaced by a scan: only that page is recognised, its
    repeated header is dropped and its rows continue the table read from the text layer."""
    source = pdfium.PdfDocument(SAMPLES / "inbox" / "khabarovsk_2021.pdf")
    buffer = io.BytesIO()
    source[3].render(scale=300 / 72).to_pil().convert("L").save(buffer, "PDF", resolution=300, quality=60)
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(source, [0, 1, 2])
    mixed.import_pages(pdfium.PdfDocument(buffer.getvalue()), [0])
    mixed.save(tmp_path / "mixed.pdf")
    content = READERS["pdf"](Path(tmp_path / "mixed.pdf"))
    assert content.ocr_pages == [4] and len(content.tables) == 1
    rows = content_to_plan_rows(content).rows
    assert [r.seq for r in rows if r.seq] == [f"{i}." for i in range(1, 32)]
    assert {r.extraction for r in rows if r.source_page == 4} == {"ocr"}
    assert {r.extraction for r in rows if r.source_page < 4} == {"text"}
