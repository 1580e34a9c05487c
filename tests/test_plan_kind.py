"""Only plans of an election-observation headquarters are ingested: other documents with a table of
activities (a school's or a sports school's work plan, a procurement schedule, a government order, an
election commission's own plan) are refused with what they are instead. Real files nobody here wrote are
in tests/fixtures/nonplans (LICENSES.md there says where each comes from)."""

import re

import pytest

from extractors.plan_kind import check_observation_plan, headline
from pipeline.inbox import fingerprint
from pipeline.parse import parse_source
from pipeline.settings import Settings
from schemas import DocumentError, PlanRow
from tests.conftest import ROOT
from tests.test_messages import EXCEPTION_NAME

NONPLANS = ROOT / "tests" / "fixtures" / "nonplans"


def rows_of(*titles: str, responsible: str = "") -> list[PlanRow]:
    return [PlanRow(title=t, deadline_raw="", responsible_raw=responsible, source_table=1, source_row=i)
            for i, t in enumerate(titles, 2)]


OBSERVERS = rows_of("Обучение наблюдателей", "Работа горячей линии в дни голосования", "Заседание штаба",
                    "Мониторинг СМИ")
SCHOOL = rows_of("Педагогический совет", "Выборы органов ученического самоуправления", "Классный час «Выбор профессии»",
                 "Родительское собрание", "Наблюдение за адаптацией первоклассников", "Олимпиады", "Субботник")

# (title block, rows, None when it is a plan — else the code and a fragment of the reason)
CASES = [
    ("ПЛАН работы общественного штаба по наблюдению за выборами", OBSERVERS, None),
    ("Мероприятия Общественной палаты на выборах 2021 года", rows_of("Пресс-конференция", "Круглый стол"), None),
    # no election word in the title, but the rows speak of observing one
    ("УТВЕРЖДАЮ\nПлан работы на 2024 год", OBSERVERS, None),
    ("План совместных мероприятий Общественной палаты и Избирательной комиссии Кемеровской области",
     rows_of("Совещание"), None),
    ("ПЛАН РАБОТЫ МОБУ СОШ с. Целинный на 2015/16 учебный год", SCHOOL,
     ("plan.not_observation_plan", "а документ «ПЛАН РАБОТЫ МОБУ СОШ с. Целинный на 2015/16 учебный год»")),
    ("План работы штаба гражданской обороны", rows_of("Учения", "Проверка сирен", "Заседание штаба"),
     ("plan.not_observation_plan", "«План работы штаба гражданской обороны»")),
    ("УТВЕРЖДАЮ\nДиректор\nРЕЕСТР\nгосударственных услуг, предоставляемых\nорганами власти",
     rows_of("Выдача справок", "Приём заявлений"),
     ("plan.not_observation_plan", "«РЕЕСТР государственных услуг, предоставляемых органами власти»")),
    ("", rows_of("Поставка ГСМ", "Поставка тепловой энергии"),
     ("plan.not_observation_plan", "а таблица из 2 строк, первая — «Поставка ГСМ»")),
    ("План работы участковой избирательной комиссии в период проведения выборов", rows_of("Заседание УИК"),
     ("plan.other_body_plan", "план другого органа: «План работы участковой избирательной комиссии")),
    # an administration's or a government's plan for the election: assistance to the commissions, not observation
    ("План мероприятий администрации города Сургута по оказанию содействия избирательным комиссиям в "
     "подготовке и проведении выборов", rows_of("Подготовка помещений для голосования", "Транспорт"),
     ("plan.other_body_plan", "план другого органа: «План мероприятий администрации города Сургута")),
    ("ПЛАН основных мероприятий Правительства области по подготовке и проведению выборов депутатов",
     rows_of("Обеспечение избирательных участков связью", "Охрана общественного порядка в день голосования"),
     ("plan.other_body_plan", "«ПЛАН основных мероприятий Правительства области")),
    ("Примерный план работы штаба по оказанию содействия избирательным комиссиям", OBSERVERS,
     ("plan.other_body_plan", "«Примерный план работы штаба по оказанию содействия")),
    ("Мероприятия по содействию избирательным комиссиям в организации выборов", rows_of("Совещание", "Связь"),
     ("plan.other_body_plan", "«Мероприятия по содействию избирательным комиссиям")),
    ("План мероприятий Общественной палаты по содействию избирательным комиссиям и наблюдению за выборами",
     OBSERVERS, None),
    ("ПЛАН работы общественного штаба по наблюдению за выборами", [], ("plan.empty", "нет ни одного")),
    # commissions' abbreviations count only in capitals: «тик» is a twitch
    ("План занятий", rows_of("Нервный тик у детей", "Профилактика тика", "Занятие"),
     ("plan.not_observation_plan", "«План занятий»")),
    ("План занятий", rows_of("Встреча с ТИК", "Обучение наблюдателей", "Занятие"), None),
    # an observers' body named in the title, observation in the rows, the election never named
    ("ПЛАН мероприятий Общественного штаба Общественной палаты Омской области на 2026 год",
     rows_of("Заседание Общественного штаба", "Обучение общественных наблюдателей"), None),
    ("План работы штаба гражданской обороны", rows_of("Заседание штаба", "Тренировка штаба", "Учения"),
     ("plan.not_observation_plan", "«План работы штаба гражданской обороны»")),
]


@pytest.mark.parametrize(("header", "rows", "refusal"), CASES)
def test_only_observation_plans_are_taken(header, rows, refusal):
    if refusal is None:
        check_observation_plan(rows, header, "")
        return
    with pytest.raises(DocumentError) as refused:
        check_observation_plan(rows, header, "")
    assert refused.value.message.code == refusal[0]
    assert refusal[1] in refused.value.message.text
    if refusal[0] == "plan.not_observation_plan":
        assert "Похоже, это не план общественного штаба по наблюдению за выборами" in refused.value.message.text


@pytest.mark.parametrize(("header", "expected"), [
    ("«УТВЕРЖДАЮ»\nДиректор МУ «Спортивная школа»\n«09» января 2020 г.\nПЛАН ФИЗКУЛЬТУРНЫХ И СПОРТИВНЫХ "
     "МЕРОПРИЯТИЙ\nна 2020 год", "ПЛАН ФИЗКУЛЬТУРНЫХ И СПОРТИВНЫХ МЕРОПРИЯТИЙ на 2020 год"),
    ("Распоряжение Правительства Российской Федерации\nот 17.12.2009 № 1993-р\n1. Утвердить перечень",
     "Распоряжение Правительства Российской Федерации от 17.12.2009 № 1993-р"),
    ("I I O C T A H O B J I E H I 4 E\nAAMI,IHI,ICTPAIII4I", None),  # a scan's garbage text layer
    ("Уважаемые коллеги!", None),
])
def test_headline_is_what_the_document_calls_itself(header, expected):
    assert headline(header) == expected


# Real non-plans readable without LibreOffice: (file, a fragment its reason must contain)
FAST = {
    "reg__raspor_1993-r_uslugi.converted.docx": "а документ «Распоряжение Правительства Российской Федерации",
    "reg__natsproekt_zhilyo_meropriyatiya.converted.docx": "Похоже, это не план общественного штаба",
    "camelot__electoral_roll.pdf": "ни одна не похожа на план",
    "camelot__empty_page.pdf": "ни текста, ни изображений",
    "docling__ocr_test_scan.pdf": "скан",  # recognised and no plan in it, or OCR not installed
    "khimki__postanovlenie_194_OP.pdf": "нет таблицы мероприятий",
    "khimki__uchastki.json": "нет таблицы мероприятий",
    "pdfplumber__empty_0bytes.pdf": "Файл пустой",
    "pdfplumber__password-example.pdf": "защищён паролем",
    "pydocx__tbl-having-tables.docx": "ни одна не похожа на план",
    "uik_khakassia__Protocol_zacedaniya.docx": "",
    "uik_khakassia__work_plan.docx": "",
    "docling__Strict.docx": "",
    "docling__xlsx_05_table_with_title.xlsx": "",
    "law__8-FZ_dostup_k_informacii.odt": "повреждён",
}


def assert_refused_in_words(name: str, fragment: str) -> None:
    record = parse_source(fingerprint(NONPLANS / name), Settings()).record
    assert record.status == "quarantined" and record.activity_count == 0, (name, record.reason)
    assert fragment in record.reason and re.search("[а-яё]", record.reason), record.reason
    assert not EXCEPTION_NAME.search(record.reason), record.reason


@pytest.mark.parametrize("name", sorted(FAST))
def test_real_non_plans_are_refused_with_a_reason_a_person_reads(name, nlp_loaded):
    assert_refused_in_words(name, FAST[name])


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(p.name for p in NONPLANS.iterdir() if p.suffix != ".md"))
def test_every_real_non_plan_is_refused_with_a_reason(name, nlp_loaded):
    """The Word 97 files go through LibreOffice (≈50 s in all, Samara's registry 24 s alone)."""
    assert_refused_in_words(name, "")
