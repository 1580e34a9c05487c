"""Readers: sniffing by bytes, text encodings detected (not assumed), DOCX structure read from the XML."""


from pathlib import Path

import pytest

from extractors.encodings import decode_text
from extractors.readers import READERS
from extractors.sniff import sniff_format
from extractors.tables.assemble import content_to_plan_rows

PHRASE = "Организация работы \"Горячей линии\" общественного штаба по наблюдению за выборами"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8_r", "utf-16", "utf-16-le", "cp866"])
def test_decode_text_detects_the_encoding(encoding):
    text = f"{PHRASE}\nСроки проведения: 15-16 марта, ежемесячно\n"
    decoded, _ = decode_text(text.encode(encoding))
    assert decoded.lstrip("\ufeff") == text


@pytest.mark.parametrize(("content", "expected"), [
    (b"%PDF-1.7\n...", "pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "doc"),
    (b"{\\rtf1\\ansi ...}", "rtf"),
    ("План работы\tСроки\n".encode("cp1251"), "txt"),
    (b"   \n\n  ", "empty"),
    (bytes(range(256)) * 4, "binary"),
])
def test_sniff_format_by_bytes(tmp_path, content, expected):
    path = tmp_path / "upload.pdf"  # the name must not matter
    path.write_bytes(content)
    assert sniff_format(path) == expected


def test_sniff_tells_docx_from_any_zip(samples, tmp_path):
    assert sniff_format(samples / "variants" / "khabarovsk_2021.docx") == "docx"
    import zipfile

    with zipfile.ZipFile(tmp_path / "a.docx", "w") as z:
        z.writestr("hello.txt", "not a document")
    assert sniff_format(tmp_path / "a.docx") == "zip"


def test_cp1251_text_plan_reads_like_the_utf8_one(samples, tmp_path):
    seed = samples / "variants" / "khabarovsk_2021.txt"
    converted = tmp_path / "khabarovsk_cp1251.txt"
    converted.write_bytes(seed.read_text(encoding="utf-8").encode("cp1251"))
    original = content_to_plan_rows(READERS["txt"](seed)).rows
    assert content_to_plan_rows(READERS["txt"](converted)).rows == original


def test_docx_header_row_marked_to_repeat(samples):
    table = READERS["docx"](samples / "variants" / "khabarovsk_2021.docx").tables[0]
    assert table.rows[0].is_header
    assert not any(row.is_header for row in table.rows[1:])


def test_docx_vertically_merged_deadline_applies_to_each_row(samples):
    rows = content_to_plan_rows(READERS["docx"](samples / "inbox" / "tatarstan_2021.docx")).rows
    merged = [r for r in rows if r.deadline_raw and sum(o.deadline_raw == r.deadline_raw for o in rows) >= 3]
    assert len(merged) >= 3


def test_docx_full_width_rows_become_sections(samples):
    rows = content_to_plan_rows(READERS["docx"](samples / "inbox" / "tatarstan_2021.docx")).rows
    sections = list(dict.fromkeys(r.section for r in rows))
    assert sections[0].startswith("I.") and len(sections) >= 3
    assert all(r.section for r in rows)


def test_docx_second_table_that_is_not_a_plan_is_ignored(samples):
    content = READERS["docx"](samples / "inbox" / "sverdlovsk_2023.docx")
    assert len(content.tables) == 2
    rows = content_to_plan_rows(content).rows
    assert {r.source_table for r in rows} == {1}


def test_pdf_table_is_stitched_across_pages(samples):
    content = READERS["pdf"](samples / "inbox" / "khabarovsk_2021.pdf")
    assert content.pages > 1 and len(content.tables) == 1
    rows = content_to_plan_rows(content).rows
    assert len(rows) == 32
    assert {r.source_page for r in rows} == set(range(1, content.pages + 1))
    assert [r.seq for r in rows if r.seq] == [f"{i}." for i in range(1, 32)]


def test_every_value_keeps_its_provenance(samples):
    rows = content_to_plan_rows(READERS["pdf"](samples / "inbox" / "khabarovsk_2021.pdf")).rows
    assert all(r.source_page and r.source_table == 1 and r.source_row >= 2 for r in rows)
    assert len({r.source_row for r in rows}) == len(rows)


def test_borderless_pdf_table_is_found(samples):
    content = READERS["pdf"](samples / "inbox" / "novosibirsk_2024.pdf")
    assert content.tables and not content.tables[0].bordered
    assert len(content_to_plan_rows(content).rows) >= 10


def test_numbered_list_plan_becomes_rows(samples):
    rows = content_to_plan_rows(READERS["txt"](samples / "inbox" / "chuvashia_2022.txt")).rows
    assert len(rows) >= 8
    assert all(r.deadline_raw and r.responsible_raw for r in rows)


# Regression files from the benchmark corpus, named after the problem they reproduce.
@pytest.mark.parametrize(("name", "expected_rows"), [
    # a borderless table whose two-line header («N / п/п», «Срок / исполнения») Word repeats on every page,
    # with centred header cells and rows broken across pages
    ("borderless-two-line-header-repeated-on-each-page.pdf", 42),
    # a ruled table whose row breaks across the page with «поступления заявок» and «Сергеевна, секретарь …»
    ("row-broken-across-pages-name-continues-capitalised.pdf", 40),
])
def test_pdf_regressions_give_every_row_once(name, expected_rows):
    rows = content_to_plan_rows(READERS["pdf"](Path(__file__).parent / "fixtures" / name)).rows
    assert len(rows) == expected_rows
    seqs = [r.seq.rstrip(".") for r in rows]
    assert all(seqs) and len(set(seqs)) == len(seqs), seqs
    assert all(r.title and r.deadline_raw and r.responsible_raw for r in rows)


FORMS = Path(__file__).parent.parent / "samples" / "forms"


def test_docx_rows_and_cells_inside_content_controls_keep_their_columns():
    table = READERS["docx"](FORMS / "samara_2024_sdt_rows.docx").tables[0]
    assert len(table.rows) == 15  # python-docx sees 10: rows 4–8 sit in a row-level content control
    assert all([c.col for c in row.cells] == [0, 1, 2, 3] for row in table.rows)


def test_docx_table_inside_a_block_content_control_is_read():
    assert len(READERS["docx"](FORMS / "vologda_2025_sdt.docx").tables) == 1


def test_docx_text_box_is_read_once_as_paragraphs_in_order():
    texts = [p.text for p in READERS["docx"](FORMS / "komi_2022_textbox.docx").paragraphs]
    assert texts[:2] == ["УТВЕРЖДАЮ", "Председатель Общественной палаты Республики Коми"]
    assert texts.count("УТВЕРЖДАЮ") == 1 and "ПЛАН" in texts


def test_docx_plan_nested_in_a_layout_frame_is_the_table_and_the_frame_text_paragraphs():
    content = READERS["docx"](FORMS / "karelia_2021_nested.docx")
    assert len(content.tables) == 1 and content.tables[0].n_cols == 4
    assert "УТВЕРЖДАЮ" in [p.text for p in content.paragraphs]


def test_pdf_tight_borderless_columns_do_not_glue_words():
    cells = [c.text for t in READERS["pdf"](FORMS / "tula_2022_tight.pdf").tables for r in t.rows for c in r.cells]
    assert not any(glued in " ".join(cells) for glued in ("составадо", "Общественномдо", "измай"))


def test_pdf_vertically_merged_cell_repeats_and_never_widens_its_neighbour():
    rows = content_to_plan_rows(READERS["pdf"](FORMS / "stavropol_2021_lo.pdf")).rows
    merged = [r.deadline_raw for r in rows if r.seq in ("2.2.", "2.3.", "2.4.")]
    assert merged == ["июнь – август"] * 3
