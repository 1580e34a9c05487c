"""Assembly of a document's tables into plan rows (extractors/tables): plans split into section tables,
continuation tables, two-level headers, empty templates, and the record of every table read or skipped."""

import pytest

from extractors.tables.assemble import content_to_plan_rows
from schemas import Cell, DocumentContent, NoPlanTableError, Paragraph, RawRow, RawTable

HEADER = ["№", "Мероприятие", "Срок", "Ответственный"]


def table(index: int, rows: list[list[str]]) -> RawTable:
    return RawTable(index=index, n_cols=len(rows[0]), rows=[
        RawRow(index=i, cells=[Cell(text=t, col=c) for c, t in enumerate(r)]) for i, r in enumerate(rows, 1)])


def content(*items) -> DocumentContent:
    """Paragraphs (str) and tables (lists of rows) in document order."""
    doc = DocumentContent(format="docx")
    for position, item in enumerate(items):
        if isinstance(item, str):
            doc.paragraphs.append(Paragraph(text=item, position=position))
        else:
            doc.tables.append(table(len(doc.tables) + 1, item))
            doc.table_positions.append(position)
    return doc


def test_a_heading_above_each_table_is_the_section_of_its_rows():
    doc = content("ПЛАН мероприятий", "1. Организационные мероприятия",
                  [HEADER, ["1.", "Заседание штаба", "март", "Цой Г.П."]],
                  "2. Подготовка наблюдателей",
                  [HEADER, ["2.", "Обучение наблюдателей", "июнь", "Ким А.Р."]])
    plan = content_to_plan_rows(doc)
    assert [(r.seq, r.section) for r in plan.rows] == [("1.", "1. Организационные мероприятия"),
                                                       ("2.", "2. Подготовка наблюдателей")]
    assert plan.header_text == "ПЛАН мероприятий"
    assert plan.tables_read == [1, 2] and plan.tables_skipped == []


@pytest.mark.parametrize("continuation", [
    [["3.", "Выдача направлений", "сентябрь", "Аппарат"]],  # after a page break, no header
    [HEADER, ["3.", "Выдача направлений", "сентябрь", "Аппарат"]],  # the header repeated
])
def test_a_continuation_table_goes_on_under_the_same_section(continuation):
    doc = content("2. Подготовка наблюдателей", [HEADER, ["2.", "Обучение наблюдателей", "июнь", "Ким А.Р."]],
                  continuation)
    rows = content_to_plan_rows(doc).rows
    assert [(r.seq, r.section, r.source_table) for r in rows] == [
        ("2.", "2. Подготовка наблюдателей", 1), ("3.", "2. Подготовка наблюдателей", 2)]


def test_a_table_of_other_width_without_a_header_is_skipped_and_said_so():
    staff = [["1.", "Цой Геннадий Петрович", "председатель"], ["2.", "Ким Анна Романовна", "секретарь"]]
    plan = content_to_plan_rows(content([HEADER, ["1.", "Заседание штаба", "март", "Цой Г.П."]], staff))
    assert plan.tables_read == [1]
    assert [(s.table, s.reason.code, s.may_hold_activities) for s in plan.tables_skipped] == [
        (2, "table.not_plan", False)]


def test_a_skipped_table_that_names_plan_columns_may_hold_activities():
    other = [["Срок", "Примечание"], ["до 1 марта", "по согласованию"]]
    plan = content_to_plan_rows(content([HEADER, ["1.", "Заседание штаба", "март", "Цой Г.П."]], other))
    assert [(s.table, s.may_hold_activities) for s in plan.tables_skipped] == [(2, True)]


def two_level(rows: list[list[Cell]]) -> RawTable:
    return RawTable(index=1, n_cols=6, rows=[RawRow(index=i, cells=r) for i, r in enumerate(rows, 1)])


def merged_header() -> list[list[Cell]]:
    return [
        [Cell(text="№", col=0), Cell(text="Мероприятие", col=1), Cell(text="Сроки", col=2, span=2),
         Cell(text="Ответственный", col=4, span=2)],
        [Cell(text="№", col=0, merged_from_above=True), Cell(text="Мероприятие", col=1, merged_from_above=True),
         Cell(text="начало", col=2), Cell(text="окончание", col=3), Cell(text="ФИО", col=4),
         Cell(text="должность", col=5)],
    ]


@pytest.mark.parametrize(("deadline_cells", "person", "post", "deadline", "responsible"), [
    (["01.03.2021", "15.06.2021"], "Иванов И.И.", "председатель комиссии", "01.03.2021 – 15.06.2021",
     "Иванов И.И., председатель комиссии"),
    (["до 15.12.2023", ""], "Ким В.Г.", "", "до 15.12.2023", "Ким В.Г."),
    (["", "10.03.2024"], "", "Аппарат Общественной палаты", "10.03.2024", "Аппарат Общественной палаты"),
    (["ежемесячно"], "Цой А.Н.", "заместитель руководителя", "ежемесячно", "Цой А.Н., заместитель руководителя"),
])
def test_a_two_level_header_reads_one_deadline_and_one_responsible(deadline_cells, person, post, deadline,
                                                                   responsible):
    if len(deadline_cells) == 2:
        dates = [Cell(text=deadline_cells[0], col=2), Cell(text=deadline_cells[1], col=3)]
    else:  # both sub-columns merged into one cell
        dates = [Cell(text=deadline_cells[0], col=2, span=2)]
    body = [Cell(text="1.", col=0), Cell(text="Формирование штаба", col=1), *dates, Cell(text=person, col=4),
            Cell(text=post, col=5)]
    rows = content_to_plan_rows(DocumentContent(format="docx", tables=[two_level([*merged_header(), body])],
                                                table_positions=[0])).rows
    assert [(r.title, r.deadline_raw, r.responsible_raw) for r in rows] == [
        ("Формирование штаба", deadline, responsible)]


@pytest.mark.parametrize("body", [
    [],
    [["1", "2", "3", "4"], ["___", "___", "___", "___"], ["", "", "", ""], ["", "", "", ""]],
    [["…", "", "", ""], ["-", "-", "-", "-"]],
])
def test_a_plan_table_with_only_a_header_or_a_blank_template_is_an_empty_plan(body):
    with pytest.raises(NoPlanTableError) as raised:
        content_to_plan_rows(content("ПЛАН на ____ год", [HEADER, *body]))
    assert raised.value.message.code == "plan.empty"


def test_a_document_read_in_part_says_so_and_its_activities_go_to_review(tmp_path, nlp_loaded):
    import docx

    from pipeline.inbox import fingerprint
    from pipeline.parse import parse_source
    from pipeline.settings import Settings

    document = docx.Document()
    document.add_paragraph("ПЛАН мероприятий Общественного штаба Общественной палаты Омской области на 2026 год")
    plan = document.add_table(rows=3, cols=4)
    for row, texts in zip(plan.rows, [HEADER, ["1.", "Заседание Общественного штаба", "март", "Цой Г.П."],
                                      ["2.", "Обучение общественных наблюдателей", "июнь", "Ким А.Р."]]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    document.add_paragraph("Дополнительные мероприятия")
    other = document.add_table(rows=2, cols=2)  # names «Срок», but no «Мероприятие»: not read as a plan
    for row, texts in zip(other.rows, [["Срок", "Примечание"], ["до 1 августа", "Выездные встречи с ТИК"]]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    path = tmp_path / "omsk_part.docx"
    document.save(path)
    parsed = parse_source(fingerprint(path), Settings())
    record = parsed.record
    assert record.status == "ingested" and record.tables_read == [1]
    assert [(s.table, s.may_hold_activities) for s in record.tables_skipped] == [(2, True)]
    assert "plan.partial" in [r.code for r in record.reasons] and "табл. 2" in record.reason
    assert all("review.partial_document" in [r.code for r in a.review_reasons] for a in parsed.activities)
