"""The readers of the forms regions send, case by case: sniffing by bytes, Excel's displayed values,
spreadsheet merges, web pages, Word packages python-docx refuses."""

import io
import zipfile
from datetime import datetime, time

import openpyxl
import pytest

from extractors.readers import READERS
from extractors.readers.excel_formats import value_to_text
from extractors.readers.spreadsheet import Sheet, sheets_to_content
from extractors.readers.web import html_to_content
from extractors.sniff import sniff_format, word_fib_encrypted
from extractors.tables.assemble import content_to_plan_rows
from schemas import TooLargeError
from tests.conftest import SAMPLES

FORMS = SAMPLES / "forms"


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(("make", "expected"), [
    (lambda: (SAMPLES / "inbox" / "perm_2024.xlsx").read_bytes(), "xlsx"),
    (lambda: (FORMS / "bashkortostan_2024.xlsm").read_bytes(), "xlsx"),
    (lambda: (FORMS / "primorye_2025.ods").read_bytes(), "ods"),
    (lambda: (FORMS / "krasnodar_2021.xls").read_bytes(), "xls"),
    (lambda: (SAMPLES / "inbox" / "tyumen_2021.doc").read_bytes(), "doc"),
    (lambda: (FORMS / "udmurtia_2024_password.docx").read_bytes(), "encrypted"),
    (lambda: (FORMS / "penza_2023_password.xlsx").read_bytes(), "encrypted"),
    (lambda: (FORMS / "kursk_2024_web.doc").read_bytes(), "html"),
    (lambda: (FORMS / "irkutsk_2023.html").read_bytes(), "html"),
    (lambda: (FORMS / "nizhny_2026.mht").read_bytes(), "mht"),
    (lambda: (FORMS / "smolensk_2022_photo.jpg").read_bytes(), "image"),
    (lambda: (FORMS / "план.pdf").read_bytes(), "zip"),
    (lambda: (FORMS / "chelyabinsk_2023_strict.docx").read_bytes(), "docx"),
    (lambda: b"\x89PNG\r\n\x1a\n" + bytes(200), "image"),
    (lambda: b"GIF89a" + bytes(200), "image"),
    (lambda: b"II*\x00" + bytes(200), "image"),
    (lambda: b"RIFF\x10\x00\x00\x00WEBPVP8 " + bytes(200), "image"),
    (lambda: b"BM" + bytes(12) + (40).to_bytes(4, "little") + bytes(200), "image"),
    (lambda: "BMW и другие: план\tсрок\n".encode(), "txt"),  # «BM» that is text, not a bitmap
    (lambda: "<p>Мероприятие</p>\tСрок\n".encode(), "txt"),  # a Word table saved as text keeps tags
    (lambda: "<table border=1><tr><td>№</td><td>Мероприятие</td></tr></table>".encode("cp1251"), "html"),
    (lambda: b"Rar!\x1a\x07\x01\x00" + bytes(100), "rar"),
    (lambda: b"7z\xbc\xaf\x27\x1c" + bytes(100), "7z"),
    (lambda: zip_bytes({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>"}), "package"),
    (lambda: zip_bytes({"план.docx": b"x"}), "zip"),
    (lambda: b"PK\x05\x06" + bytes(18), "zip"),  # an empty archive
])
def test_sniff_format_by_bytes(tmp_path, make, expected):
    path = tmp_path / "upload.pdf"  # the name must not matter
    path.write_bytes(make())
    assert sniff_format(path) == expected


@pytest.mark.parametrize(("flags", "encrypted"), [(0x0000, False), (0x0100, True), (0x0300, True), (0x0200, False)])
def test_a_word_97_document_says_in_its_header_whether_it_is_encrypted(flags, encrypted):
    fib = b"\xec\xa5\xc1\x00" + bytes(6) + flags.to_bytes(2, "little")  # wIdent, nFib …, then the flags
    assert word_fib_encrypted(fib) is encrypted


def test_a_workbook_whose_sheets_are_over_the_limit_is_refused_unopened(tmp_path, monkeypatch):
    from extractors.readers import spreadsheet_books

    monkeypatch.setattr(spreadsheet_books, "MAX_SHEET_XML_BYTES", 2**20)  # the real one is 64 MB
    cells = "".join(f"<c t='inlineStr'><is><t>{n * 7919 % 100003}</t></is></c>" for n in range(40000))
    with zipfile.ZipFile(tmp_path / "big.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", f"<worksheet><sheetData><row>{cells}</row></sheetData></worksheet>")
    with pytest.raises(TooLargeError, match="не похоже на план"):
        READERS["xlsx"](tmp_path / "big.xlsx")


MARCH_15 = datetime(2024, 3, 15)


@pytest.mark.parametrize(("value", "number_format", "shown"), [
    (MARCH_15, "DD.MM.YYYY", "15.03.2024"),
    (MARCH_15, "dd.mm.yyyy", "15.03.2024"),
    (MARCH_15, "DD.MM.YY", "15.03.24"),
    (MARCH_15, "d.m.yy", "15.3.24"),
    (MARCH_15, "dd/mm/yyyy", "15/03/2024"),
    (MARCH_15, "yyyy-mm-dd", "2024-03-15"),
    (MARCH_15, "d mmmm yyyy", "15 марта 2024"),
    (MARCH_15, "mmmm yyyy", "Март 2024"),
    (MARCH_15, "[$-419]d mmm yy", "15 мар 24"),
    (MARCH_15, 'dd.mm.yyyy" г."', "15.03.2024 г."),
    (MARCH_15, r"dd\.mm\.yyyy", "15.03.2024"),
    (MARCH_15, "[$-F800]dddd, mmmm dd, yyyy", "15 марта 2024 г."),
    (MARCH_15, "General", "15.03.2024"),  # a date without a date format: the short date
    (datetime(2024, 3, 15, 9, 5), "dd.mm.yyyy hh:mm", "15.03.2024 09:05"),
    (datetime(2024, 3, 15, 9, 5), "h:mm", "9:05"),
    (time(9, 30), "h:mm", "09:30"),
    (1.0, "General", "1"),
    (12, "0", "12"),
    (1.5, "General", "1,5"),
    (2.0, "0.00", "2,00"),
    ("1.", "@", "1."),
    ("15.03.2024", "General", "15.03.2024"),
    (None, "General", ""),
])
def test_a_cell_shows_as_excel_shows_it(value, number_format, shown):
    assert value_to_text(value, number_format) == shown


PLAN_HEADER = ["№ п/п", "Мероприятие", "Срок", "Ответственный"]


def sheet(rows, merges=(), name="План", hidden=False) -> Sheet:
    return Sheet(name, [list(r) for r in rows], list(merges), hidden)


def test_a_merged_deadline_applies_to_every_row_it_spans():
    rows = [PLAN_HEADER, ["II. Подготовка", "", "", ""], ["1", "Семинар", "июнь – август", "Ким Д.С."],
            ["2", "Выезды", "", "члены штаба"], ["3", "Тренинг", "", "Ким Д.С."], ["4", "Итоги", "до 30 сентября", ""]]
    content = sheets_to_content([sheet(rows, [(1, 0, 1, 3), (2, 2, 4, 2)])], "xlsx")
    plan = content_to_plan_rows(content).rows
    assert [r.deadline_raw for r in plan] == ["июнь – август"] * 3 + ["до 30 сентября"]
    assert {r.section for r in plan} == {"II. Подготовка"}
    section, first, second = content.tables[0].rows[1:4]
    assert (len(section.cells), section.cells[0].span) == (1, 4)
    assert not first.cells[2].merged_from_above and second.cells[2].merged_from_above


def test_title_block_above_the_header_and_a_signature_under_the_table_are_paragraphs():
    rows = [["", "", "УТВЕРЖДАЮ", ""], ["ПЛАН мероприятий\nОбщественного штаба", "", "", ""], ["", "", "", ""],
            ["", *PLAN_HEADER], ["", "1", "Заседание", "март", "Ким Д.С."], ["", "", "", "", ""],
            ["", "Руководитель штаба ____ Д.С. Ким", "", "", ""]]
    content = sheets_to_content([sheet(rows, [(1, 0, 1, 3)])], "xlsx")
    assert [p.text for p in content.paragraphs] == ["УТВЕРЖДАЮ", "ПЛАН мероприятий", "Общественного штаба",
                                                   "Руководитель штаба ____ Д.С. Ким"]
    table = content.tables[0]
    assert (table.n_cols, len(table.rows)) == (4, 2)  # the empty first column and the signature left out
    assert content.table_positions[0] < content.paragraphs[-1].position


def test_a_cover_sheet_is_title_block_a_hidden_sheet_is_noted_and_sections_over_sheets_are_one_plan():
    cover = sheet([["УТВЕРЖДАЮ"], ["ПЛАН мероприятий"]], name="Титул")
    first = sheet([PLAN_HEADER, ["1", "Заседание", "март", "Ким Д.С."]], name="Раздел 1")
    lookups = sheet([["список", "ответственных"]], name="Справочник", hidden=True)
    second = sheet([PLAN_HEADER, ["2", "Семинар", "апрель", "Ким Д.С."]], name="Раздел 2")
    content = sheets_to_content([cover, first, lookups, second], "xlsx")
    assembled = content_to_plan_rows(content)
    assert [r.seq for r in assembled.rows] == ["1", "2"]
    assert assembled.header_text == "УТВЕРЖДАЮ\nПЛАН мероприятий"
    assert [(n.code, n.params) for n in content.notes] == [("note.sheet_hidden", {"sheet": "Справочник"})]


def test_an_xlsx_written_by_excel_rules_is_read_with_merges_and_dates(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["ПЛАН мероприятий Общественного штаба"])
    ws.merge_cells("A1:D1")
    ws.append(PLAN_HEADER)
    for number, (title, deadline) in enumerate([("Заседание", datetime(2024, 2, 1)), ("Семинар", None),
                                                ("Выезд", None)], 1):
        ws.append([number, title, deadline, "Ким Д.С."])
    ws["C3"].number_format = "DD.MM.YY"
    ws.merge_cells("C4:C5")
    ws["C4"] = "июнь – август"
    book.create_sheet("Скрытый").sheet_state = "hidden"
    book.save(tmp_path / "plan.xlsx")
    content = READERS["xlsx"](tmp_path / "plan.xlsx")
    rows = content_to_plan_rows(content).rows
    assert [(r.seq, r.deadline_raw) for r in rows] == [("1", "01.02.24"), ("2", "июнь – август"),
                                                      ("3", "июнь – август")]
    assert [n.code for n in content.notes] == ["note.sheet_hidden"]


def page(body: str, charset: str = "utf-8") -> str:
    return f'<html><head><meta http-equiv=Content-Type content="text/html; charset={charset}"></head>' \
           f"<body>{body}</body></html>"


HEADER_ROW = "<tr><td>№</td><td>Мероприятие</td><td>Срок</td><td>Ответственный</td></tr>"


def test_rowspan_and_colspan_make_the_grid():
    html = page(f"<table>{HEADER_ROW}<tr><td colspan=4>I. Организация</td></tr>"
                "<tr><td>1</td><td>Семинар</td><td rowspan=2>июнь –\n август</td><td>Ким Д.С.</td></tr>"
                "<tr><td>2</td><td>Выезды</td><td>Лейно А.В.</td></tr></table>")
    rows = content_to_plan_rows(html_to_content(html)).rows
    assert [(r.section, r.seq, r.deadline_raw, r.responsible_raw) for r in rows] == [
        ("I. Организация", "1", "июнь – август", "Ким Д.С."), ("I. Организация", "2", "июнь – август", "Лейно А.В.")]


WORD_BULLET = ("<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]>"
               "<span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp; </span>"
               "</span></span><![endif]>{}<o:p></o:p></p>")
WORD_NUMBER = ("<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]>"
               "<span style='mso-list:Ignore'>{}.<span>&nbsp; </span></span><![endif]>{}</p>")


@pytest.mark.parametrize(("cell", "text"), [
    ("<p>Обучение</p><p>наблюдателей</p>", "Обучение наблюдателей"),
    ("Формирование\r\nкорпуса  наблюдателей", "Формирование корпуса наблюдателей"),
    ("<p>из числа:</p>" + WORD_BULLET.format("студенты;") + WORD_BULLET.format("волонтёры."),
     "из числа: студенты; волонтёры."),
    ("<p>этапы:</p>" + WORD_NUMBER.format(1, "отбор;") + WORD_NUMBER.format(2, "обучение."),
     "этапы: 1. отбор; 2. обучение."),
    ("<ul><li>сайт</li><li>соцсети</li></ul>", "сайт; соцсети"),
    ("Семинар<span style='display:none'>черновик</span>", "Семинар"),
    ("Семинар<br>в Перми", "Семинар в Перми"),
])
def test_a_web_cell_reads_as_shown(cell, text):
    html = page(f"<table>{HEADER_ROW}<tr><td>1</td><td>{cell}</td><td>март</td><td>Ким Д.С.</td></tr></table>")
    [row] = content_to_plan_rows(html_to_content(html)).rows
    assert row.title == text


def test_a_page_around_the_plan_keeps_its_title_and_loses_menu_scripts_and_footer():
    html = page("<header><nav><a>Главная</a></nav></header><script>var a = 1;</script>"
                "<main><h1>ПЛАН мероприятий</h1><table><tr><td><table>" + HEADER_ROW +
                "<tr><td>1</td><td>Заседание</td><td>март</td><td>Ким Д.С.</td></tr></table></td></tr></table>"
                "</main><footer>© Палата</footer>")
    content = html_to_content(html)
    assert [p.text for p in content.paragraphs] == ["ПЛАН мероприятий"]
    assert len(content.tables) == 1 and content.tables[0].n_cols == 4  # the layout table is unwrapped


@pytest.mark.parametrize("encoding", ["windows-1251", "utf-8"])
def test_a_web_page_is_decoded_by_its_declared_charset(tmp_path, encoding):
    html = page(f"<table>{HEADER_ROW}<tr><td>1</td><td>Заседание штаба</td><td>март</td><td>Ким</td></tr></table>",
                encoding)
    (tmp_path / "plan.htm").write_bytes(html.encode(encoding))
    [row] = content_to_plan_rows(READERS["html"](tmp_path / "plan.htm")).rows
    assert row.title == "Заседание штаба"


def test_macros_are_left_behind_and_noted(tmp_path):
    content = READERS["docx"](FORMS / "altai_2024.docm")
    assert [n.code for n in content.notes] == ["note.macros_unread"]
    assert len(content_to_plan_rows(content).rows) == 11


def test_an_ordinary_docx_has_no_notes():
    assert READERS["docx"](SAMPLES / "inbox" / "sverdlovsk_2023.docx").notes == []
