import pytest

from extractors.tables.columns import header_roles, is_plan_header

CASES = [
    (["№", "Мероприятия", "Сроки проведения", "Ответственный"],
     {0: "number", 1: "title", 2: "deadline", 3: "responsible"}),
    (["Формат мероприятия", "Сроки", "Содержание"], {0: "title", 1: "deadline", 2: "description"}),
    (["№ п/п", "Наименование мероприятия", "Срок исполнения", "Исполнители", "Примечание"],
     {0: "number", 1: "title", 2: "deadline", 3: "responsible", 4: "note"}),
    (["№", "Срок", "Мероприятие", "Ответственные"], {0: "number", 1: "deadline", 2: "title", 3: "responsible"}),
    (["№", "Мероприятие", "Содержание", "Срок", "Ответственный"],
     {0: "number", 1: "title", 2: "description", 3: "deadline", 4: "responsible"}),
    (["N п/п", "Наименование мероприятий", "Дата проведения", "Ответственные исполнители"],
     {0: "number", 1: "title", 2: "deadline", 3: "responsible"}),
    (["Мероприятие", "Срок исполнения", "Исполнитель"], {0: "title", 1: "deadline", 2: "responsible"}),
    (["№", "ФИО", "Должность"], {0: "number"}),
]


@pytest.mark.parametrize(("header", "roles"), CASES)
def test_header_roles(header, roles):
    assert header_roles(header) == roles


@pytest.mark.parametrize(("header", "is_plan"), [
    (["№", "Мероприятия", "Сроки проведения", "Ответственный"], True),
    (["Формат мероприятия", "Сроки", "Содержание"], True),
    (["№", "ФИО", "Должность"], False),
    (["Наименование мероприятия"], False),
    (["Дата", "Тема"], False),
])
def test_is_plan_header(header, is_plan):
    assert is_plan_header(header) is is_plan


def table_of(*rows: list[str]):
    from schemas import Cell, RawRow, RawTable

    return RawTable(index=1, n_cols=len(rows[0]), rows=[
        RawRow(index=i, cells=[Cell(text=t, col=c) for c, t in enumerate(row)]) for i, row in enumerate(rows, 1)])


@pytest.mark.parametrize(("rows", "titles"), [
    # a two-row header: the second row repeats the plan's columns over its own sub-columns
    ([["№", "Основные мероприятия", "Ответственные", "2006 год"],
      ["№", "Основные мероприятия", "Ответственные", "количество"],
      ["1.", "Субсидирование молодых семей", "Минрегион России", "27,8 тыс."]], ["Субсидирование молодых семей"]),
    ([["№", "Мероприятие", "Срок", "Ответственный"], ["№ п/п", "Наименование мероприятия", "Срок исполнения", ""],
      ["1", "Обучение наблюдателей", "март", "Петрова Т.Н."]], ["Обучение наблюдателей"]),
    # an activity whose cells happen to use header words stays an activity
    ([["№", "Мероприятие", "Срок", "Ответственный"],
      ["1.", "Мероприятия по обучению наблюдателей", "в сроки ЦИК", "Ответственный секретарь палаты"]],
     ["Мероприятия по обучению наблюдателей"]),
    ([["Мероприятие", "Срок", "Ответственный"], ["Обучение наблюдателей", "март", "Петрова Т.Н."],
      ["Мероприятия по итогам", "Сроки уточняются", "Ответственный секретарь"]],
     ["Обучение наблюдателей", "Мероприятия по итогам"]),
])
def test_header_rows_are_never_activities(rows, titles):
    from extractors.tables.header import find_plan_header
    from extractors.tables.rows import table_to_plan_rows

    table = table_of(*rows)
    assert [r.title for r in table_to_plan_rows(table, find_plan_header(table), None)[0]] == titles
