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
