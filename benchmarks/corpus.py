"""A synthetic national corpus of observation plans, in the layouts of `samples/` (see samples/README.md).

    .venv/bin/python -m benchmarks.corpus build/bench-corpus/7-100 --docs 100 --seed 7

`make_corpus(folder, n_docs, seed)` writes `n_docs` plans of ~40 rows (3–6 pages each) cycling through the
89 federal subjects of `extractors/data/regions.csv`; document *i* after the first 89 is a revision of an
earlier region's plan, approved later. Formats cycle DOCX, PDF, TXT. Every plan draws its own column
order and names, title block, sections, deadlines (dates, ranges, months, quarters, decades, «ежемесячно»,
«в дни голосования» …), people and organisations from a random generator seeded by (seed, i): document *i*
is the same whatever `n_docs` is, so a corpus of 100 is the first 100 of a corpus of 1,000.

PDFs are made from DOCX by LibreOffice, many files per `soffice` call (two calls in parallel). Without
LibreOffice the corpus is DOCX and TXT only, and the manifest says so. The format `scan` (not among the
defaults) is such a PDF printed and scanned: its pages rendered at 300 dpi in grey into an image-only PDF
(`pdf_to_scan`), read by OCR. A finished corpus is recorded in
`corpus.json` beside the files; calling again with the same arguments returns the files without rebuilding.
Pages: PDFs' are counted; DOCX/TXT pages are estimated from their text length at the corpus's measured
characters-per-page (flagged `pages_estimated`).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR_VERSION = 1
MANIFEST_NAME = "corpus.json"
DEFAULT_FORMATS = ("docx", "pdf", "txt")
PDF_BATCH = 25  # files per soffice call
FALLBACK_CHARS_PER_PAGE = 1900


def samples_helpers():
    """samples/make_samples.py's DOCX building blocks (python-docx), loaded without running it."""
    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "samples" / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_samples", module)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------------------------------------------
# Vocabulary (rules as data)
# ---------------------------------------------------------------------------------------------------

MONTHS_NOM = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
              "ноябрь", "декабрь"]
MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
              "ноября", "декабря"]
ROMAN = ["I", "II", "III", "IV"]
DASHES = [" – ", " - ", "–", "-", " — "]
DECADES = ["1-я декада", "2-я декада", "3-я декада", "первая декада", "вторая декада", "третья декада"]

# (year, voting days, how the title names the election)
ELECTIONS = [
    (2021, (date(2021, 9, 17), date(2021, 9, 19)),
     "выборов депутатов Государственной Думы Федерального Собрания Российской Федерации восьмого созыва"),
    (2022, (date(2022, 9, 9), date(2022, 9, 11)), "выборов в единый день голосования 11 сентября 2022 года"),
    (2023, (date(2023, 9, 8), date(2023, 9, 10)), "выборов в единый день голосования 10 сентября 2023 года"),
    (2024, (date(2024, 3, 15), date(2024, 3, 17)), "выборов Президента Российской Федерации"),
    (2024, (date(2024, 9, 6), date(2024, 9, 8)), "выборов в единый день голосования 8 сентября 2024 года"),
    (2025, (date(2025, 9, 12), date(2025, 9, 14)), "выборов в единый день голосования 14 сентября 2025 года"),
]

ACTIONS = [
    "Проведение заседания Общественного штаба", "Формирование состава Общественного штаба",
    "Заключение соглашения о взаимодействии с {commission}", "Проведение обучающих семинаров для {whom}",
    "Подбор и обучение {whom}", "Организация работы «горячей линии» Общественного штаба",
    "Мониторинг публикаций в средствах массовой информации и социальных сетях",
    "Подготовка информационных обзоров о ходе избирательной кампании",
    "Выездные встречи членов Общественной палаты с {partners}",
    "Направление в {commission} списков наблюдателей", "Выдача направлений {whom}",
    "Дежурство юристов Общественного штаба для консультирования {whom}",
    "Работа Общественного штаба в режиме ситуационного центра",
    "Выезды мобильных групп на избирательные участки", "Пресс-конференция {about}",
    "Круглый стол с участием {partners}", "Подготовка методических материалов для {whom}",
    "Размещение информации о работе штаба на официальном сайте Общественной палаты",
    "Наблюдение за подсчётом голосов на избирательных участках",
    "Проверка готовности помещений для голосования, доступности участков для маломобильных граждан",
    "Консультирование {whom} по вопросам избирательного законодательства",
    "Анализ обращений граждан, поступивших на «горячую линию»",
    "Подведение итогов работы Общественного штаба", "Подготовка итогового доклада {about}",
    "Взаимодействие с Ассоциацией «Независимый общественный мониторинг»",
    "Формирование резерва общественных наблюдателей из числа {whom}",
    "Участие в тренировке по использованию видеонаблюдения на избирательных участках",
    "Организация работы Центра общественного наблюдения",
    "Проведение конкурса среди молодёжи на лучший материал о выборах",
    "Встречи с представителями региональных отделений политических партий",
]
WHOM = ["общественных наблюдателей", "членов общественных палат муниципальных образований",
        "студентов вузов и волонтёров", "наблюдателей и членов штаба", "представителей некоммерческих организаций",
        "тренеров, проводящих обучение наблюдателей", "граждан"]
PARTNERS = ["территориальными избирательными комиссиями", "общественными объединениями и вузами",
            "представителями Уполномоченного по правам человека", "главами муниципальных образований",
            "региональными отделениями политических партий", "молодёжными советами"]
ABOUT = ["о готовности Общественного штаба к наблюдению за выборами", "по итогам общественного наблюдения",
         "о ходе избирательной кампании", "о результатах работы «горячей линии»"]
PLACES = ["в {city}", "в муниципальных районах", "в городских округах", "на территории {region_gen}",
          "совместно с {commission}", "в режиме видеоконференции", "в помещении Общественной палаты"]
CITIES = ["областном центре", "административном центре", "крупных городах", "отдалённых районах"]
DESCRIPTIONS = [
    "Утверждение плана работы, распределение направлений между членами штаба",
    "Подготовка и согласование проекта соглашения, определение контактных лиц",
    "Обучение порядку работы наблюдателя, правам и обязанностям, оформлению актов и жалоб",
    "Приём обращений граждан по телефону и электронной почте, передача сведений в избирательную комиссию",
    "Еженедельный обзор направляется членам штаба и публикуется на сайте",
    "Выезды на избирательные участки по сообщениям о возможных нарушениях",
    "Сбор сведений от наблюдателей, обобщение и передача информации в Общественную палату Российской Федерации",
    "Подготовка раздаточных материалов, памяток и видеороликов",
    "", "",
]
GROUPS = ["члены Общественной палаты", "члены Общественного штаба", "рабочая группа по правовым вопросам",
          "волонтёры", "мобильная группа", "информационная группа Общественного штаба", "юридическая группа"]
ORGS = ["Аппарат Общественной палаты", "Ассоциация «НОМ»", "ТИК", "пресс-служба Общественной палаты",
        "Совет Общественной палаты", "Избирательная комиссия {region_gen}", "региональное отделение Ассоциации «НОМ»",
        "Совет ректоров вузов"]
POSTS = ["председатель комиссии по развитию гражданского общества", "секретарь Общественной палаты",
         "руководитель Общественного штаба", "заместитель руководителя Общественного штаба",
         "член Общественной палаты", "консультант Аппарата Общественной палаты"]
SURNAMES = [("Иванов", "Иванова"), ("Петров", "Петрова"), ("Смирнов", "Смирнова"), ("Кузнецов", "Кузнецова"),
            ("Соколов", "Соколова"), ("Лебедев", "Лебедева"), ("Козлов", "Козлова"), ("Новиков", "Новикова"),
            ("Морозов", "Морозова"), ("Волков", "Волкова"), ("Алексеев", "Алексеева"), ("Захаров", "Захарова"),
            ("Белов", "Белова"), ("Сафин", "Сафина"), ("Гарипов", "Гарипова"), ("Николаев", "Николаева"),
            ("Кравцов", "Кравцова"), ("Ахметов", "Ахметова"), ("Васильев", "Васильева"), ("Орлов", "Орлова"),
            ("Тимофеев", "Тимофеева"), ("Зайцев", "Зайцева"), ("Егоров", "Егорова"), ("Павлов", "Павлова")]
NAMES_M = ["Андрей", "Сергей", "Игорь", "Павел", "Олег", "Дмитрий", "Алексей", "Роман", "Виктор"]
NAMES_F = ["Ольга", "Марина", "Елена", "Татьяна", "Динара", "Светлана", "Наталья", "Ирина", "Анна"]
PATRONYMICS = [("Петрович", "Петровна"), ("Викторович", "Викторовна"), ("Игоревич", "Игоревна"),
               ("Николаевич", "Николаевна"), ("Сергеевич", "Сергеевна"), ("Рашидович", "Рашидовна")]
SECTIONS = [
    ["Организационные мероприятия", "Подготовка общественных наблюдателей", "Информационное сопровождение",
     "Мероприятия в дни голосования", "Подведение итогов"],
    ["Формирование штаба и взаимодействие", "Обучение", "Работа с обращениями граждан", "Наблюдение за голосованием"],
    ["Подготовительный этап", "Основной этап", "Заключительный этап"],
]
HEADERS = {
    "number": ["№", "№ п/п", "N п/п"],
    "title": ["Мероприятие", "Мероприятия", "Наименование мероприятия", "Наименование мероприятий"],
    "description": ["Содержание", "Содержание мероприятия", "Описание"],
    "deadline": ["Срок", "Сроки", "Срок исполнения", "Сроки проведения", "Дата проведения", "Срок проведения"],
    "responsible": ["Ответственный", "Ответственные", "Исполнители", "Ответственные исполнители", "Исполнитель"],
    "note": ["Примечание", "Отметка о выполнении"],
}
COLUMN_ORDERS = [  # (roles, column widths in cm for portrait A4)
    (["number", "title", "deadline", "responsible"], [1.2, 8.4, 3.4, 4.2]),
    (["number", "deadline", "title", "responsible"], [1.2, 3.4, 8.0, 4.6]),
    (["number", "title", "description", "deadline", "responsible"], [1.0, 4.2, 5.6, 2.8, 3.9]),
    (["number", "title", "deadline", "responsible", "note"], [1.2, 6.6, 3.0, 3.9, 2.6]),
    (["title", "deadline", "description"], [5.0, 3.3, 8.2]),
]


# ---------------------------------------------------------------------------------------------------
# One plan, as data
# ---------------------------------------------------------------------------------------------------


@dataclass
class Row:
    title: str
    deadline: str
    responsible: str
    seq: str = ""
    description: str = ""
    note: str = ""
    section: str | None = None


@dataclass
class Plan:
    index: int
    region: str
    region_number: str
    year: int
    title_lines: list[str]
    roles: list[str]
    headers: list[str]
    widths: list[float]
    rows: list[Row]
    layout: dict = field(default_factory=dict)

    @property
    def stem(self) -> str:
        return f"{self.index:05d}_{self.region_number}_{self.year}"


def load_regions() -> list[tuple[str, str]]:
    import csv

    with (ROOT / "extractors" / "data" / "regions.csv").open(encoding="utf-8", newline="") as handle:
        return [(re.sub(r"\s*\(.*?\)", "", row["name"]), row["number"]) for row in csv.DictReader(handle)]


def genitive(name: str) -> str:
    from extractors.entities.inflection import region_to_case

    return region_to_case(name, "gent")


def person(rng: random.Random) -> tuple[str, str, str, str]:
    """(surname, name, patronymic, initials) of a made-up person."""
    female = rng.random() < 0.5
    surname = rng.choice(SURNAMES)[female]
    name = rng.choice(NAMES_F if female else NAMES_M)
    patronymic = rng.choice(PATRONYMICS)[female]
    return surname, name, patronymic, f"{name[0]}.{patronymic[0]}."


def person_text(rng: random.Random, who: tuple[str, str, str, str]) -> str:
    surname, name, patronymic, initials = who
    return rng.choice([f"{surname} {initials}", f"{initials} {surname}", f"{surname} {initials}",
                       f"{surname} {name} {patronymic}, {rng.choice(POSTS)}"])


def deadline_text(rng: random.Random, year: int, voting: tuple[date, date], before: int) -> str:
    """A realistic deadline cell for an activity around month `before` of the campaign."""
    m = max(1, min(12, before))
    m2 = min(12, m + rng.randint(1, 3))
    d, d2 = rng.randint(1, 28), rng.randint(1, 28)
    dash = rng.choice(DASHES)
    v1, v2 = voting
    vdays = [v1 + timedelta(days=k) for k in range((v2 - v1).days + 1)]
    yy = year % 100
    choices = [
        f"{d:02d}.{m:02d}.{year}", f"{d} {MONTHS_GEN[m - 1]}", f"до {d:02d} {MONTHS_GEN[m - 1]} {year} г.",
        f"не позднее {d} {MONTHS_GEN[m - 1]}", f"с {d} {MONTHS_GEN[m - 1]} по {d2} {MONTHS_GEN[m2 - 1]}",
        f"{MONTHS_NOM[m - 1]}{dash}{MONTHS_NOM[m2 - 1]}", MONTHS_NOM[m - 1], f"{MONTHS_NOM[m - 1]} {year} г.",
        f"{ROMAN[(m - 1) // 3]} квартал", f"{(m - 1) // 3 + 1} квартал", f"{(m - 1) // 6 + 1} полугодие",
        f"{rng.choice(DECADES)} {MONTHS_GEN[m - 1]}", f"до конца {MONTHS_GEN[m - 1]}", f"с {d} {MONTHS_GEN[m - 1]}",
        f"{MONTHS_NOM[m - 1]}, {MONTHS_NOM[m2 - 1]}", f"{d:02d}.{m:02d}.{yy}{dash}{d2:02d}.{m2:02d}.{yy}",
        f"до {d}.{m:02d}.{year}", f"{ROMAN[(m - 1) // 3]} квартал {year} года",
        "ежемесячно", "еженедельно", "постоянно", "в течение года", "в течение всего периода",
        "в период избирательной кампании", "по мере необходимости", "по мере поступления заявок", "по графику",
        "по пятницам", "ежеквартально", "в дни голосования", "в последний день голосования",
        ", ".join(str(v.day) for v in vdays[:-1]) + f", {vdays[-1].day} {MONTHS_GEN[v2.month - 1]}",
        f"{v1.day}-{v2.day} {MONTHS_GEN[v2.month - 1]}", f"{v2:%d.%m.%Y}", "",
    ]
    return rng.choice(choices)


def activity_title(rng: random.Random, region_gen: str) -> str:
    text = rng.choice(ACTIONS)
    if rng.random() < 0.5:
        text += " " + rng.choice(PLACES)
    return text.format(commission=f"Избирательной комиссией {region_gen}", whom=rng.choice(WHOM),
                       partners=rng.choice(PARTNERS), about=rng.choice(ABOUT), city=rng.choice(CITIES),
                       region_gen=region_gen)


def responsible_text(rng: random.Random, staff: list, region_gen: str) -> str:
    parts = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        kind = rng.random()
        if kind < 0.45:
            parts.append(person_text(rng, rng.choice(staff)))
        elif kind < 0.75:
            parts.append(rng.choice(ORGS).format(region_gen=region_gen))
        else:
            parts.append(rng.choice(GROUPS))
    return ", ".join(dict.fromkeys(parts))


def plan_for(index: int, seed: int, regions: list[tuple[str, str]]) -> Plan:
    rng = random.Random(f"{seed}:{index}")
    region, number = regions[index % len(regions)]
    revision = index // len(regions)
    region_gen = genitive(region)
    staff_rng = random.Random(f"{seed}:staff:{number}")  # the same people in every revision of a region
    staff = [person(staff_rng) for _ in range(5)]
    year, voting, election = ELECTIONS[(int(number) + seed) % len(ELECTIONS)]
    start_month = 11 if voting[0].month < 6 else rng.randint(1, 3)
    approval_year = year - 1 if start_month == 11 else year
    approved = date(approval_year, start_month, rng.randint(1, 25)) + timedelta(days=30 * revision)
    roles, widths = rng.choice(COLUMN_ORDERS)
    if rng.random() < 0.3 and "note" not in roles and len(roles) == 4:
        roles, widths = roles + ["note"], [w * 0.85 for w in widths] + [2.5]
    headers = [rng.choice(HEADERS[r]) if r != "title" or "description" in roles or rng.random() < 0.8
               else "Формат мероприятия" for r in roles]
    sections = rng.choice(SECTIONS) if rng.random() < 0.4 and "number" in roles else None
    n_rows = rng.randint(34, 46)
    rows = []
    span = max(1, voting[0].month - (1 if start_month == 11 else start_month))
    for i in range(n_rows):
        progress = i / n_rows
        month = (start_month if start_month != 11 else 1) + int(progress * span)
        title = activity_title(rng, region_gen)
        row = Row(title=title, deadline=deadline_text(rng, year, voting, month),
                  responsible=responsible_text(rng, staff, region_gen))
        if "description" in roles:
            row.description = rng.choice(DESCRIPTIONS)
        if "note" in roles and rng.random() < 0.3:
            row.note = rng.choice(["по отдельному плану", "круглосуточно", "по согласованию", "при наличии заявок"])
        if sections:
            s = min(len(sections) - 1, int(progress * len(sections)))
            row.section = f"{ROMAN[s] if s < 4 else s + 1}. {sections[s]}"
            row.seq = f"{s + 1}.{sum(1 for r in rows if r.section == row.section) + 1}."
        else:
            row.seq = rng.choice(["{}.", "{}"]).format(i + 1)
        rows.append(row)
    return Plan(index=index, region=region, region_number=number, year=year,
                title_lines=title_block(rng, region_gen, year, voting, election, approved, staff),
                roles=roles, headers=headers, widths=widths, rows=rows,
                layout={"font_size": rng.choice([11, 12, 12, 13]), "repeat_header": rng.random() < 0.6,
                        "borderless": rng.random() < 0.15 and not sections,
                        "landscape": len(roles) == 5 and rng.random() < 0.5,
                        "txt_shape": rng.choice(["rows", "rows", "cells", "list"]) if "number" in roles
                        and not sections and roles[1] == "title" else "rows",
                        "encoding": rng.choice(["utf-8", "utf-8", "cp1251"]),
                        "members": "number" in roles and rng.random() < 0.2, "staff": staff})


def title_block(rng, region_gen, year, voting, election, approved: date, staff) -> list[str]:
    chair = staff[0]
    when = f"{approved.day} {MONTHS_GEN[approved.month - 1]} {approved.year}"
    v1, v2 = voting
    days = f"{v1.day}–{v2.day} {MONTHS_GEN[v2.month - 1]} {v2.year} года"
    kind = rng.randint(0, 3)
    if kind == 0:
        head = ["УТВЕРЖДАЮ", "Председатель Общественной палаты", region_gen, "",
                f"_______________ {chair[3]} {chair[0]}", "", f"{when} г.", ""]
    elif kind == 1:
        head = ["УТВЕРЖДЁН", "решением Совета Общественной палаты", region_gen,
                f"от {when} г. № {rng.randint(1, 30)}", ""]
    elif kind == 2:
        head = ["Утверждено", "на заседании Совета Общественной палаты", region_gen,
                f"{when} года, протокол № {rng.randint(1, 30)}", ""]
    else:
        return [f"План работы Общественного штаба Общественной палаты {region_gen} по наблюдению за выборами "
                f"на {year} год", f"(утверждён {when} г.)", f"Период подготовки и проведения {election} (голосование {days})", ""]
    return head + ["ПЛАН", f"мероприятий Общественного штаба по наблюдению за выборами при Общественной палате "
                   f"{region_gen} в период подготовки и проведения {election} ({days})", ""]


# ---------------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------------


def plan_to_docx(plan: Plan, path: Path, ms) -> None:
    lay = plan.layout
    widths = plan.widths
    if lay["landscape"]:
        widths = [w * 1.45 for w in widths]
    doc = ms.new_document(font_size=lay["font_size"], margins_cm=(2.0, 1.5, 2.0, 2.5), landscape=lay["landscape"])
    title_at = next((i for i, line in enumerate(plan.title_lines) if line in ("ПЛАН",) or line.startswith("План ")),
                    0)
    for i, line in enumerate(plan.title_lines):
        if i < title_at:
            ms.add_par(doc, line, left_indent_cm=16.0 if lay["landscape"] else 9.0)
        else:
            ms.add_par(doc, line, bold=i <= title_at + 1, align=ms.CENTER)
    layout_rows: list[tuple[str, object]] = []
    current = None
    for row in plan.rows:
        if row.section and row.section != current:
            layout_rows.append(("section", row.section))
            current = row.section
        layout_rows.append(("row", row))
    table = doc.add_table(rows=1 + len(layout_rows), cols=len(plan.roles))
    if not lay["borderless"]:
        table.style = doc.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, plan.headers):
        ms.fill_cell(cell, text, bold=True, align=ms.CENTER)
    if lay["repeat_header"]:
        ms.repeat_header(table.rows[0])
    ms.set_widths(table, widths)
    for r, (kind, item) in enumerate(layout_rows, 1):
        cells = table.rows[r].cells
        if kind == "section":
            merged = cells[0].merge(cells[-1])
            ms.fill_cell(merged, item, bold=True, align=ms.CENTER)
            continue
        for cell, role in zip(cells, plan.roles):
            value = {"number": item.seq, "title": item.title, "description": item.description,
                     "deadline": item.deadline, "responsible": item.responsible.split(", ") if
                     len(item.responsible) > 60 else item.responsible, "note": item.note}[role]
            ms.fill_cell(cell, value, align=ms.CENTER if role in ("number", "deadline") else None)
    ms.set_borders(table, not lay["borderless"])
    ms.cell_margins(table)
    if lay["members"]:
        ms.add_par(doc)
        ms.add_par(doc, "Состав общественного штаба", bold=True, align=ms.CENTER)
        members = doc.add_table(rows=1 + len(lay["staff"]), cols=3)
        members.style = doc.styles["Table Grid"]
        for cell, text in zip(members.rows[0].cells, ["№", "ФИО", "Должность"]):
            ms.fill_cell(cell, text, bold=True, align=ms.CENTER)
        for i, (row, who) in enumerate(zip(members.rows[1:], lay["staff"]), 1):
            ms.fill_cell(row.cells[0], f"{i}.")
            ms.fill_cell(row.cells[1], f"{who[0]} {who[1]} {who[2]}")
            ms.fill_cell(row.cells[2], POSTS[i % len(POSTS)])
        ms.set_widths(members, [1.0, 5.5, 11.0])
    ms.add_par(doc)
    chief = lay["staff"][1]
    ms.add_par(doc, f"Руководитель Общественного штаба                              {chief[3]} {chief[0]}")
    ms.set_core(doc, title="План мероприятий Общественного штаба", author="Общественная палата",
                when=datetime(plan.year, 1, 10, 10, 0, 0))
    ms.save_docx(doc, path)


def plan_to_text(plan: Plan, path: Path) -> None:
    shape = plan.layout["txt_shape"]
    lines = list(plan.title_lines)
    if shape == "list":
        for row in plan.rows:
            lines.append(f"{row.seq.rstrip('.')}. {row.title}")
            if row.deadline:
                lines.append(f"Срок: {row.deadline}")
            label = "Ответственные" if "," in row.responsible else "Ответственный"
            lines.append(f"{label}: {row.responsible}")
            lines.append("")
    elif shape == "cells":
        lines.append("")
        for cells in [plan.headers] + [row_cells(plan, row) for row in plan.rows]:
            lines += ["\t" + c for c in cells] + [""]
    else:
        lines.append("\t".join(plan.headers))
        current = None
        for row in plan.rows:
            if row.section and row.section != current:
                lines.append(row.section + "\t" * (len(plan.roles) - 1))
                current = row.section
            lines.append("\t".join(row_cells(plan, row)))
    chief = plan.layout["staff"][1]
    lines += ["", f"Руководитель Общественного штаба                    {chief[3]} {chief[0]}", ""]
    crlf = plan.layout["encoding"] == "cp1251"
    path.write_bytes(("\r\n" if crlf else "\n").join(lines).encode(plan.layout["encoding"]))


def row_cells(plan: Plan, row: Row) -> list[str]:
    return [{"number": row.seq, "title": row.title, "description": row.description, "deadline": row.deadline,
             "responsible": row.responsible, "note": row.note}[role] for role in plan.roles]


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_batch_to_pdf(exe: str, docx_files: list[Path], outdir: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="svodka-bench-lo-") as tmp:
        env = dict(os.environ, HOME=tmp)
        cmd = [exe, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(outdir), *map(str, docx_files)]
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=60 + 20 * len(docx_files))


def docx_to_pdfs(exe: str, docx_files: list[Path], outdir: Path, parallel: int = 2) -> None:
    batches = [docx_files[i:i + PDF_BATCH] for i in range(0, len(docx_files), PDF_BATCH)]
    with ThreadPoolExecutor(max_workers=parallel) as pool:
        list(pool.map(lambda b: docx_batch_to_pdf(exe, b, outdir), batches))


def pdf_to_scan(pdf: Path, out: Path, dpi: int = 300, quality: int = 60) -> None:
    """The PDF as an office scanner returns it: each page rendered in grey at `dpi`, JPEG-compressed into
    an image-only PDF (no text layer)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        pages = [document[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(document))]
    finally:
        document.close()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=dpi, quality=quality)


def pdf_pages(path: Path) -> int:
    data = path.read_bytes()
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data)]
    return max(counts) if counts else len(re.findall(rb"/Type\s*/Page\b", data))


def plan_chars(plan: Plan) -> int:
    return sum(len(line) for line in plan.title_lines) + sum(len(c) + 8 for r in plan.rows for c in row_cells(plan, r))


# ---------------------------------------------------------------------------------------------------
# The corpus
# ---------------------------------------------------------------------------------------------------


def default_folder(seed: int, n_docs: int) -> Path:
    return ROOT / "build" / "bench-corpus" / f"{seed}-{n_docs}"


def cached(folder: Path, n_docs: int, seed: int, formats: tuple[str, ...]) -> list[Path] | None:
    manifest = folder / MANIFEST_NAME
    if not manifest.exists():
        return None
    data = json.loads(manifest.read_text(encoding="utf-8"))
    wanted = {"generator": GENERATOR_VERSION, "seed": seed, "n_docs": n_docs, "formats": list(formats)}
    if any(data.get(k) != v for k, v in wanted.items()):
        return None
    paths = [folder / f["name"] for f in data["files"]]
    return paths if all(p.exists() for p in paths) else None


def read_manifest(folder: Path) -> dict:
    return json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))


def make_corpus(folder: Path, n_docs: int, seed: int, formats=DEFAULT_FORMATS, log=print) -> list[Path]:
    """The corpus's files in document order (built, or taken from `folder` when already built there)."""
    folder = Path(folder)
    formats = tuple(formats)
    if (paths := cached(folder, n_docs, seed, formats)) is not None:
        return paths
    needs_office = {"pdf", "scan"} & set(formats)
    exe = soffice() if needs_office else None
    made_formats = formats if exe or not needs_office else tuple(f for f in formats if f not in needs_office)
    if made_formats != formats:
        log("LibreOffice (soffice) not found: the corpus is DOCX and TXT only, no PDFs or scans "
            "(apt-get install -y libreoffice-writer-nogui)")
    if folder.exists():
        shutil.rmtree(folder)
    (folder / ".docx-for-pdf").mkdir(parents=True)
    ms = samples_helpers()
    regions = load_regions()
    records, to_convert, plans = [], [], {}
    for i in range(n_docs):
        plan = plan_for(i, seed, regions)
        fmt = made_formats[i % len(made_formats)]
        plans[i] = plan
        if fmt == "txt":
            path = folder / f"{plan.stem}.txt"
            plan_to_text(plan, path)
        elif fmt == "docx":
            path = folder / f"{plan.stem}.docx"
            plan_to_docx(plan, path, ms)
        else:
            path = folder / f"{plan.stem}{'_scan' if fmt == 'scan' else ''}.pdf"
            to_convert.append(folder / ".docx-for-pdf" / f"{plan.stem}.docx")
            plan_to_docx(plan, to_convert[-1], ms)
        records.append({"name": path.name, "format": fmt, "region": plan.region, "region_number":
                        plan.region_number, "year": plan.year, "rows": len(plan.rows), "chars": plan_chars(plan)})
    if to_convert:
        log(f"converting {len(to_convert)} DOCX to PDF with LibreOffice …")
        docx_to_pdfs(exe, to_convert, folder)
    for record in (r for r in records if r["format"] == "scan"):
        printed = folder / record["name"].replace("_scan.pdf", ".pdf")
        pdf_to_scan(printed, folder / record["name"])
        printed.unlink()
    shutil.rmtree(folder / ".docx-for-pdf")
    fill_pages(folder, records)
    manifest = {"generator": GENERATOR_VERSION, "seed": seed, "n_docs": n_docs, "formats": list(formats),
                "made_formats": list(made_formats), "libreoffice": bool(exe), "files": records}
    (folder / MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return [folder / r["name"] for r in records]


def fill_pages(folder: Path, records: list[dict]) -> None:
    """Count PDF pages; estimate the others from their text at the PDFs' median characters per page."""
    ratios = []
    for r in records:
        if r["format"] in ("pdf", "scan"):
            r["pages"] = pdf_pages(folder / r["name"])
            r["pages_estimated"] = False
            ratios.append(r["chars"] / max(1, r["pages"]))
    per_page = sorted(ratios)[len(ratios) // 2] if ratios else FALLBACK_CHARS_PER_PAGE
    for r in records:
        if r["format"] not in ("pdf", "scan"):
            r["pages"] = max(1, math.ceil(r["chars"] / per_page))
            r["pages_estimated"] = True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("--docs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--formats", default=",".join(DEFAULT_FORMATS))
    args = parser.parse_args(argv)
    folder = args.folder or default_folder(args.seed, args.docs)
    paths = make_corpus(folder, args.docs, args.seed, tuple(args.formats.split(",")))
    manifest = read_manifest(folder)
    pages = [f["pages"] for f in manifest["files"] if not f["pages_estimated"]]
    print(f"{len(paths)} files in {folder}; PDF pages min/median/max: "
          f"{min(pages, default=0)}/{sorted(pages)[len(pages) // 2] if pages else 0}/{max(pages, default=0)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
