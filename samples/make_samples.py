"""Build Svodka's sample documents and their hand-checked reference, ``samples/MANIFEST.json``.

Run from the repository root::

    .venv/bin/python samples/make_samples.py

It writes

- ``samples/inbox/``    the demo inbox: one plan per region, in mixed formats (TXT, DOCX, PDF);
- ``samples/variants/`` the two seed plans (``/work/shared/seeds`` or ``samples/seeds``) in their
  other formats;
- ``samples/MANIFEST.json`` every file's region, format and the exact source text of each activity.

The DOCX files are written with python-docx; the PDFs are made from DOCX files by LibreOffice
(``soffice --headless --convert-to pdf``). LibreOffice is needed only to *regenerate* the samples: the
generated files are committed, so tests and CI never need it. DOCX files are byte-for-byte reproducible
(fixed core properties and zip timestamps); PDFs are normalised (fixed dates, deterministic /ID through
qpdf) and are reproducible with the same LibreOffice version and fonts (LibreOffice 7.4, Liberation
Serif standing in for Times New Roman).

After building, the script checks the PDFs with pdfplumber (Cyrillic text layer without ``(cid:NN)``,
page count, the Khabarovsk table running over several pages with a repeated header and at least one
row broken across a page boundary) and stops with an error if a check fails.

Made-up plans (Татарстан, Новосибирская область, Свердловская область, Чувашия) are fictional: the
people named in them do not exist.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
INBOX = HERE / "inbox"
VARIANTS = HERE / "variants"
BUILD = HERE / "build"  # intermediate files; deleted at the end
MANIFEST = HERE / "MANIFEST.json"
SEED_DIRS = [Path("/work/shared/seeds"), HERE / "seeds"]

FONT = "Times New Roman"  # LibreOffice renders it with the metric-compatible Liberation Serif


# ---------------------------------------------------------------------------------------------------
# The activity model shared by the generators and the manifest
# ---------------------------------------------------------------------------------------------------


@dataclass
class CellList:
    """A cell holding an intro paragraph followed by a real (bulleted) list."""

    intro: str
    items: list[str]


Text = str | list[str] | CellList | None  # one paragraph, several paragraphs, a list, nothing


@dataclass
class Act:
    title: Text
    deadline: Text = ""
    responsible: Text = ""
    seq: str | None = None
    section: str | None = None
    description: Text = None
    note: Text = None
    extra: dict = field(default_factory=dict)


def flat(value: Text) -> str | None:
    """Cell text as the manifest states it: paragraphs joined by one space, whitespace collapsed,
    list items after their intro (items keep their own «;»/«.», so they read «a; b; c.»)."""
    if value is None:
        return None
    if isinstance(value, CellList):
        parts = [value.intro, *value.items]
    elif isinstance(value, str):
        parts = [value]
    else:
        parts = list(value)
    text = " ".join(" ".join(p.split()) for p in parts if p and p.strip())
    return text


def manifest_activity(act: Act) -> dict:
    return {
        "seq": act.seq,
        "section": act.section,
        "title": flat(act.title),
        "description": flat(act.description) or None,
        "note": flat(act.note) or None,
        "deadline_raw": flat(act.deadline) or "",
        "responsible_raw": flat(act.responsible) or "",
    }


# ---------------------------------------------------------------------------------------------------
# Seeds
# ---------------------------------------------------------------------------------------------------


def seed_path(name: str) -> Path:
    for folder in SEED_DIRS:
        if (folder / name).exists():
            return folder / name
    raise SystemExit(f"seed {name} not found in {', '.join(map(str, SEED_DIRS))}")


def kuzbass_seed() -> tuple[list[str], list[str], list[Act]]:
    """Title lines, header cells and the 17 activities of the Kuzbass seed (cell-per-line text).

    Cell text is kept exactly as written (double spaces, trailing spaces); the manifest collapses it."""
    lines = seed_path("kuzbass_2021.txt").read_text(encoding="utf-8").split("\n")
    title: list[str] = []
    rows: list[list[list[str]]] = []  # rows → cells → paragraphs
    for line in lines:
        if line.startswith("\t"):
            if not rows or len(rows[-1]) == 3:
                rows.append([])
            rows[-1].append([line[1:]])
        elif not line.strip():
            continue
        elif rows:
            rows[-1][-1].append(line)  # a further paragraph of the row's last cell
        else:
            title.append(line)
    header, body = rows[0], rows[1:]
    acts = []
    for cells in body:
        assert len(cells) == 3, cells
        fmt, term, content = cells
        acts.append(Act(title=fmt[0], deadline=term[0], description=content if len(content) > 1 else content[0]))
    header_texts = [c[0] for c in header]
    assert header_texts == ["Формат мероприятия", "Сроки", "Содержание"], header_texts
    assert len(acts) == 17, len(acts)
    assert acts[1].description == [
        "Разместить общественный штаб по адресу: г. Кемерово, ул. Ноградская, 3, оф.21",
        "Организация мест операторов, рабочих грипп, пресс-центра.",
    ]
    # the title block as paragraphs, including the empty one before «на выборах в 2021 году»
    title_block = lines[: lines.index("на выборах в 2021 году") + 1]
    return title_block, header_texts, acts


KUZ_HEADER = ["Формат мероприятия", "Сроки", "Содержание"]
KHAB_HEADER = ["№", "Мероприятия", "Сроки проведения", "Ответственный"]
KHAB_GROUPS_INTRO = "Формирование групп общественного штаба по наблюдению за выборами:"


def khabarovsk_seed() -> tuple[list[str], list[Act]]:
    """Header cells and the 32 activities of the Khabarovsk seed (row-per-line text)."""
    text = seed_path("khabarovsk_2021.txt").read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if "\t" in line]
    header = lines[0].split("\t")
    assert header == ["№", "Мероприятия", "Сроки проведения", "Ответственный"], header
    acts = []
    for line in lines[1:]:
        seq, title, term, resp = line.split("\t")
        if title.startswith("<p>"):
            m = re.match(r"<p>(.*?)</p>\s*<ul[^>]*>(.*)$", title)
            assert m, title
            items = [s.strip() for s in re.split(r"(?:^|\s)-\s", m.group(2)) if s.strip()]
            assert m.group(1) == KHAB_GROUPS_INTRO
            title = CellList(m.group(1), items)
        acts.append(Act(seq=seq or None, title=title, deadline=term, responsible=resp))
    assert len(acts) == 32 and sum(a.seq is not None for a in acts) == 31
    assert acts[6].seq is None and acts[5].seq == "6." and acts[7].seq == "7."
    assert acts[9].seq == "9." and acts[9].title.items == [
        "мониторинговая группа;", "экспертная группа;", "юридическая группа;", "информационная группа;",
        "мобильная группа;", "группа по подготовке и координации корпуса наблюдателей.",
    ]
    assert acts[20].seq == "20." and acts[20].deadline == ""
    return header, acts


# ---------------------------------------------------------------------------------------------------
# Made-up plans
# ---------------------------------------------------------------------------------------------------

TATARSTAN_SECTIONS = [
    "I. Организационные мероприятия",
    "II. Подготовка наблюдателей",
    "III. Информационное сопровождение",
    "IV. Мероприятия в дни голосования",
]
TATARSTAN_MERGED_DEADLINE = "июнь – август"


def tatarstan_plan() -> list[Act]:
    s1, s2, s3, s4 = TATARSTAN_SECTIONS
    return [
        Act(seq="1.1.", section=s1, deadline="I квартал",
            title="Формирование состава Общественного штаба по наблюдению за выборами при Общественной палате "
                  "Республики Татарстан",
            responsible=["Совет Общественной палаты", "Аппарат Общественной палаты"]),
        Act(seq="1.2.", section=s1, deadline="до 1 февраля 2021 г.",
            title="Разработка и утверждение Положения об Общественном штабе и распределение обязанностей между "
                  "его членами",
            responsible="Сафин Р.Р., Гарипова Л.М."),
        Act(seq="1.3.", section=s1, deadline="в течение года",
            title="Проведение заседаний Общественного штаба",
            responsible="Сафин Р.Р.", note="по отдельному графику, не реже одного раза в месяц"),
        Act(seq="1.4.", section=s1, deadline="1 полугодие",
            title="Заключение соглашения о взаимодействии с Центральной избирательной комиссией Республики "
                  "Татарстан",
            responsible="Председатель Общественной палаты Республики Татарстан"),
        Act(seq="1.5.", section=s1, deadline="апрель, май",
            title="Заключение соглашений о сотрудничестве с региональными отделениями политических партий, "
                  "некоммерческими организациями и вузами республики по подготовке общественных наблюдателей",
            responsible="рабочая группа по правовым вопросам",
            note="Тексты соглашений размещаются на сайте Общественной палаты"),
        Act(seq="2.1.", section=s2, deadline="с 10 мая по 10 июня",
            title="Формирование базы данных кандидатов в общественные наблюдатели из числа членов общественных "
                  "советов муниципальных районов, студентов и волонтёров",
            responsible="Гарипова Л.М., Аппарат Общественной палаты"),
        Act(seq="2.2.", section=s2, deadline=TATARSTAN_MERGED_DEADLINE,
            title="Проведение обучающих семинаров для общественных наблюдателей совместно с Ассоциацией "
                  "«Независимый общественный мониторинг»",
            responsible="Сафин Р.Р., Ассоциация «НОМ»", extra={"vmerge": "restart"}),
        Act(seq="2.3.", section=s2, deadline=TATARSTAN_MERGED_DEADLINE,
            title="Проведение выездных обучающих семинаров в муниципальных районах и городских округах "
                  "Республики Татарстан",
            responsible="члены Общественной палаты, ТИК", note="по графику", extra={"vmerge": "continue"}),
        Act(seq="2.4.", section=s2, deadline=TATARSTAN_MERGED_DEADLINE,
            title="Дистанционное тестирование наблюдателей на знание избирательного законодательства",
            responsible="Хабибуллин Ильдар Ринатович, председатель комиссии по развитию гражданского общества",
            extra={"vmerge": "continue"}),
        Act(seq="2.5.", section=s2, deadline="не позднее 13 сентября",
            title="Направление в Центральную избирательную комиссию Республики Татарстан списков наблюдателей, "
                  "назначенных Общественной палатой",
            responsible="Аппарат Общественной палаты"),
        Act(seq="2.6.", section=s2, deadline="14.09.21 – 16.09.21",
            title="Выдача направлений общественным наблюдателям",
            responsible="Аппарат Общественной палаты", note="по мере поступления заявок от наблюдателей"),
        Act(seq="3.1.", section=s3, deadline="до конца мая",
            title="Создание раздела «Общественный штаб» на официальном сайте Общественной палаты Республики "
                  "Татарстан",
            responsible="Аппарат Общественной палаты"),
        Act(seq="3.2.", section=s3, deadline="еженедельно",
            title="Мониторинг публикаций в средствах массовой информации и социальных сетях о ходе избирательной "
                  "кампании",
            responsible="информационная группа Общественного штаба",
            note="Обзор направляется членам штаба по пятницам"),
        Act(seq="3.3.", section=s3, deadline="в период избирательной кампании",
            title="Организация работы «горячей линии» Общественного штаба для приёма обращений граждан",
            responsible="волонтёры, Аппарат Общественной палаты"),
        Act(seq="3.4.", section=s3, deadline="вторая декада августа",
            title="Пресс-конференция о готовности Общественного штаба к наблюдению за выборами",
            responsible="Сафин Р.Р."),
        Act(seq="4.1.", section=s4, deadline="17, 18, 19 сентября",
            title="Работа Общественного штаба в режиме оперативного реагирования на обращения граждан и "
                  "наблюдателей",
            responsible="члены Общественной палаты", note="круглосуточно"),
        Act(seq="4.2.", section=s4, deadline="в дни голосования",
            title="Взаимодействие с Центральной избирательной комиссией Республики Татарстан и Центром "
                  "общественного наблюдения",
            responsible="Сафин Р.Р., Гарипова Л.М."),
        Act(seq="4.3.", section=s4, deadline="24.09.2021",
            title="Подведение итогов работы Общественного штаба, пресс-конференция",
            responsible=["Сафин Р.Р.", "пресс-служба Общественной палаты"]),
    ]


def novosibirsk_plan() -> list[Act]:
    rows = [
        ("ноябрь – декабрь",
         "Формирование состава Общественного штаба по наблюдению за выборами Президента Российской Федерации",
         "Совет Общественной палаты Новосибирской области"),
        ("декабрь",
         "Проведение установочного заседания Общественного штаба, утверждение плана работы",
         "Кравцова Е.А."),
        ("до 25 декабря",
         "Заключение соглашения о взаимодействии с Избирательной комиссией Новосибирской области",
         "Кравцова Е.А., Аппарат Общественной палаты"),
        ("по мере необходимости",
         "Проведение заседаний Общественного штаба",
         "члены Общественного штаба"),
        ("I квартал",
         ("Заключение соглашений о сотрудничестве с региональными отделениями политических партий, "
         "общественными объединениями и вузами Новосибирской области по подготовке наблюдателей"),
         "Иванов Сергей Петрович, председатель комиссии по развитию гражданского общества"),
        ("январь – март",
         ("Проведение обучающих семинаров для общественных наблюдателей совместно с Ассоциацией «НОМ» в "
         "г. Новосибирске и муниципальных районах области"),
         "региональное отделение Ассоциации «НОМ», Кравцова Е.А."),
        ("до 15 февраля",
         "Формирование резерва общественных наблюдателей из числа студентов и волонтёров",
         "Совет ректоров вузов Новосибирской области, волонтёры"),
        ("по графику",
         "Выездные встречи членов Общественной палаты с территориальными избирательными комиссиями",
         "члены Общественной палаты, ТИК"),
        ("с 1 февраля",
         "Организация работы «горячей линии» Общественного штаба",
         "Аппарат Общественной палаты"),
        ("еженедельно",
         "Мониторинг публикаций в СМИ и социальных сетях, подготовка информационных обзоров",
         "информационная группа Общественного штаба"),
        ("не позднее 12 марта",
         ("Направление в Избирательную комиссию Новосибирской области списка наблюдателей, назначенных "
         "Общественной палатой"),
         "Аппарат Общественной палаты"),
        ("15-17 марта",
         ("Работа Общественного штаба в режиме ситуационного центра, выезды мобильных групп на избирательные "
         "участки"),
         "члены Общественного штаба, мобильная группа"),
        ("в дни голосования",
         "Дежурство юристов Общественного штаба для консультирования наблюдателей",
         "юридическая группа Общественного штаба"),
        ("март",
         "Пресс-конференция по итогам общественного наблюдения за выборами Президента Российской Федерации",
         "Кравцова Е.А., пресс-служба Общественной палаты"),
    ]
    return [Act(seq=str(i), deadline=d, title=t, responsible=r) for i, (d, t, r) in enumerate(rows, 1)]


def sverdlovsk_plan() -> list[Act]:
    rows = [
        ("Заседание Общественного штаба",
         "Утверждение плана работы на 2023 год, распределение направлений между членами штаба",
         "март", "Лебедев А.В."),
        ("Соглашение с избирательной комиссией",
         "Заключение соглашения о взаимодействии с Избирательной комиссией Свердловской области",
         "2 квартал", "Лебедев А.В., Смирнова О.И."),
        ("Встречи с партиями и НКО",
         ("Встречи с представителями региональных отделений политических партий и некоммерческих организаций "
         "по вопросам подготовки наблюдателей"),
         "апрель – май", "Смирнова О.И."),
        ("Подбор наблюдателей",
         ("Формирование корпуса общественных наблюдателей из числа членов общественных палат муниципальных "
         "образований, студентов вузов и волонтёров"),
         "май – июль", "члены Общественной палаты"),
        ("Обучение тренеров",
         "Семинар для тренеров, проводящих обучение наблюдателей, совместно с Ассоциацией «НОМ»",
         "24-25.05.2023", "Захаров П.Н."),
        ("Обучение наблюдателей в территориях",
         "Выездные семинары для наблюдателей в городских округах Свердловской области",
         "по графику", "члены Общественной палаты, ТИК"),
        ("Горячая линия",
         ("Организация работы «горячей линии» для приёма обращений граждан о нарушениях избирательного "
         "законодательства"),
         "в течение всего периода", "Аппарат Общественной палаты"),
        ("Мониторинг СМИ",
         "Мониторинг публикаций в СМИ и социальных сетях, подготовка обзоров для членов штаба",
         "еженедельно", "Ахметова Д.Р."),
        ("Списки наблюдателей",
         "Формирование предварительных списков наблюдателей по избирательным участкам",
         "не позднее 10 августа", "Белова М.С."),
        ("Выдача направлений",
         "Подготовка и выдача направлений наблюдателям от Общественной палаты Свердловской области",
         "1-я декада сентября", ["Аппарат Общественной палаты", "Белова М.С."]),
        ("Работа в дни голосования",
         "Дежурство членов штаба, выезды мобильных групп на избирательные участки, работа ситуационного центра",
         "8, 9, 10 сентября", "члены Общественного штаба, волонтёры"),
        ("Пресс-конференция по итогам выборов",
         None,
         "14.09.23", "Лебедев А.В."),
        ("Итоговый доклад",
         "Подготовка доклада о результатах общественного наблюдения для Общественной палаты Российской Федерации",
         "IV квартал", "Смирнова О.И., Захаров П.Н."),
    ]
    return [Act(seq=f"{i}.", title=t, description=c, deadline=d, responsible=r)
            for i, (t, c, d, r) in enumerate(rows, 1)]


SVERDLOVSK_MEMBERS = [
    ("Лебедев Андрей Викторович", ("руководитель Общественного штаба, председатель комиссии Общественной палаты "
                                  "Свердловской области по развитию гражданского общества")),
    ("Смирнова Ольга Игоревна", "заместитель руководителя Общественного штаба, член Общественной палаты"),
    ("Захаров Павел Николаевич", "член Общественной палаты, координатор Ассоциации «НОМ» в Свердловской области"),
    ("Ахметова Динара Рашидовна", "член Общественной палаты, руководитель информационной группы"),
    ("Кузнецов Игорь Валерьевич", "член Общественной палаты, юрист"),
    ("Белова Марина Сергеевна", "секретарь Общественного штаба, консультант Аппарата Общественной палаты"),
]


def chuvashia_plan() -> list[Act]:
    """Items of the list plan; a title given as two strings is written on two lines (a wrapped line)."""
    rows = [
        (["Формирование состава Общественного штаба по наблюдению за выборами при Общественной палате",
          "Чувашской Республики"], "февраль – март", "Ответственный", "Петрова Т.Н."),
        ("Заключение соглашения о взаимодействии с Центральной избирательной комиссией Чувашской Республики",
         "I квартал", "Ответственные", "Петрова Т.Н., Николаев А.В."),
        ("Проведение заседаний Общественного штаба", "в течение года", "Ответственный", "Николаев А.В."),
        (["Подбор кандидатов в общественные наблюдатели из числа членов общественных советов муниципальных",
          "образований, некоммерческих организаций и студентов вузов"],
         "с 1 апреля по 30 июня", "Ответственные", "члены Общественной палаты, Аппарат Общественной палаты"),
        ("Проведение обучающих семинаров для наблюдателей совместно с Ассоциацией «НОМ» и ЦИК Чувашии",
         "июнь – август", "Ответственные", "Николаев А.В., Ассоциация «НОМ»"),
        ("Консультирование наблюдателей по вопросам избирательного законодательства",
         "по мере поступления заявок", "Ответственный", "рабочая группа по правовым вопросам"),
        ("Организация работы «горячей линии» Общественного штаба",
         "с 1 августа по 12 сентября", "Ответственный", "Аппарат Общественной палаты"),
        ("Подготовка обзоров публикаций СМИ о ходе избирательной кампании",
         "по пятницам", "Ответственный", "Васильева Е.Г."),
        (["Направление в территориальные избирательные комиссии списков наблюдателей от Общественной палаты",
          "Чувашской Республики"], "не позднее 5 сентября", "Ответственный", "Аппарат Общественной палаты"),
        ("Работа Общественного штаба в дни голосования, выезды мобильных групп на избирательные участки",
         "9, 10, 11 сентября", "Ответственные", "члены Общественного штаба, волонтёры"),
        ("Наблюдение за подсчётом голосов на избирательных участках",
         "в последний день голосования", "Ответственные", "члены Общественной палаты, ТИК"),
        ("Подведение итогов работы Общественного штаба, пресс-конференция",
         "до 30 сентября", "Ответственный", "Т.Н. Петрова"),
    ]
    return [Act(seq=f"{i}.", title=t, deadline=d, responsible=r, extra={"label": lab})
            for i, (t, d, lab, r) in enumerate(rows, 1)]


# ---------------------------------------------------------------------------------------------------
# DOCX helpers
# ---------------------------------------------------------------------------------------------------


def new_document(*, font_size: float = 12, margins_cm=(2.0, 1.5, 2.0, 3.0), landscape: bool = False):
    """A document with Times New Roman, no paragraph spacing, A4, margins (top, right, bottom, left)."""
    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(font_size)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "ru-RU")
    lang.set(qn("w:eastAsia"), "ru-RU")
    rpr.append(lang)
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.top_margin, section.right_margin, section.bottom_margin, section.left_margin = map(Cm, margins_cm)
    return doc


def add_par(container, text: str = "", *, bold: bool = False, align=None, style: str | None = None,
            size: float | None = None, space_after: float | None = None, left_indent_cm: float | None = None):
    p = container.add_paragraph(style=style) if style else container.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    if left_indent_cm is not None:
        p.paragraph_format.left_indent = Cm(left_indent_cm)
    return p


def fill_cell(cell, value: Text, *, bold: bool = False, align=None, list_style: str = "List Bullet"):
    """Write a cell: one paragraph, several paragraphs, or an intro plus a real list."""
    if value is None:
        value = ""
    if isinstance(value, CellList):
        paragraphs = [(value.intro, None)] + [(item, list_style) for item in value.items]
    elif isinstance(value, str):
        paragraphs = [(value, None)]
    else:
        paragraphs = [(p, None) for p in value]
    first = True
    for text, style in paragraphs:
        if first:
            p = cell.paragraphs[0]
            if style:
                p.style = cell.part.document.styles[style]
            first = False
        else:
            p = cell.add_paragraph(style=style)
        if text:
            run = p.add_run(text)
            run.bold = bold or None
        if align is not None:
            p.alignment = align


def set_widths(table, widths_cm: list[float]):
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for col, width in zip(table.columns, widths_cm):
        col.width = Cm(width)
    for row in table.rows:
        for tc in row._tr.tc_lst[: len(widths_cm)]:
            tc.get_or_add_tcPr()
        for idx, cell in enumerate(row.cells):
            if idx < len(widths_cm):
                cell.width = Cm(widths_cm[idx])


def set_borders(table, visible: bool):
    """Explicit table borders: single 0.5 pt lines, or none at all (w:val="nil")."""
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        if visible:
            el.set(qn("w:val"), "single")
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        else:
            el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def cell_margins(table, left_cm: float = 0.1, right_cm: float = 0.1):
    tbl_pr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side, value in (("left", left_cm), ("right", right_cm)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(int(value * 567)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tbl_pr.append(mar)


def repeat_header(row):
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def set_core(doc, *, title: str, author: str, when: dt.datetime):
    cp = doc.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.comments = ""
    cp.subject = ""
    cp.keywords = ""
    cp.category = ""
    cp.revision = 1
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    cp.language = "ru-RU"


FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def save_docx(doc, path: Path):
    """Save with fixed zip timestamps and member order, so reruns give the same bytes."""
    buffer = io.BytesIO()
    doc.save(buffer)
    buffer.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            new = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            new.compress_type = zipfile.ZIP_DEFLATED
            new.external_attr = 0o644 << 16
            new.create_system = 0
            dst.writestr(new, data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


# ---------------------------------------------------------------------------------------------------
# LibreOffice → PDF, normalised
# ---------------------------------------------------------------------------------------------------


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise SystemExit("LibreOffice (soffice) is needed to regenerate the PDFs: "
                         "apt-get install -y libreoffice-writer-nogui")
    return exe


def to_pdf(docx_path: Path, pdf_path: Path, when: dt.datetime):
    with tempfile.TemporaryDirectory(prefix="svodka-lo-") as tmp:
        tmp = Path(tmp)
        profile = tmp / "profile"
        env = dict(os.environ, HOME=str(tmp), SOURCE_DATE_EPOCH=str(int(when.timestamp())))
        cmd = [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(tmp), str(docx_path)]
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=300)
        produced = tmp / (docx_path.stem + ".pdf")
        if not produced.exists():
            raise SystemExit(f"LibreOffice produced no PDF for {docx_path}")
        data = produced.read_bytes()
        # fixed dates in the Info dictionary (same length, so offsets stay valid)
        stamp = when.strftime("D:%Y%m%d%H%M%S")
        data = re.sub(rb"D:\d{14}", stamp.encode(), data)
        # LibreOffice's /DocChecksum in the trailer changes from run to run: derive it from the DOCX
        checksum = hashlib.md5(docx_path.read_bytes()).hexdigest().upper().encode()
        data = re.sub(rb"/DocChecksum /[0-9A-F]{32}", b"/DocChecksum /" + checksum, data)
        # ... and so does the file identifier (/ID [<a> <b>]); qpdf keeps its first half
        data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]{32}>\s*<[0-9A-Fa-f]{32}>\s*\]",
                      lambda m: re.sub(rb"[0-9A-Fa-f]{32}", checksum.lower(), m.group(0)), data)
        fixed = tmp / "fixed.pdf"
        fixed.write_bytes(data)
        pdf_path.parent.mkdir(parents=True, exist_ok=True)
        if shutil.which("qpdf"):
            # rewrite with a content-derived second /ID half; no warnings allowed
            result = subprocess.run(["qpdf", "--deterministic-id", "--object-streams=preserve",
                                     str(fixed), str(pdf_path)], check=False, capture_output=True)
            if result.returncode != 0:
                raise SystemExit(f"qpdf failed on {docx_path.name}: {result.stderr.decode()}")
        else:
            shutil.copyfile(fixed, pdf_path)


# ---------------------------------------------------------------------------------------------------
# The documents
# ---------------------------------------------------------------------------------------------------

CENTER, RIGHT, LEFT, JUSTIFY = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT,
                                WD_ALIGN_PARAGRAPH.JUSTIFY)


def kuzbass_docx(path: Path):
    title_block, header, acts = kuzbass_seed()
    doc = new_document(font_size=12)
    for line in title_block:
        add_par(doc, line, bold=bool(line.strip()), align=CENTER)
    add_par(doc)
    table = doc.add_table(rows=1 + len(acts), cols=3)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header):
        fill_cell(cell, text, bold=True, align=CENTER)
    for row, act in zip(table.rows[1:], acts):
        cells = row.cells
        fill_cell(cells[0], act.title)
        fill_cell(cells[1], act.deadline, align=CENTER)
        fill_cell(cells[2], act.description, align=JUSTIFY)
    set_widths(table, [5.0, 3.3, 8.2])
    set_borders(table, True)
    set_core(doc, title="Мероприятия Общественного штаба", author="Общественная палата Кузбасса",
             when=dt.datetime(2021, 2, 15, 9, 0, 0))
    save_docx(doc, path)
    return acts


KHAB_LAYOUT = {"font_size": 13, "margins_cm": (2.0, 1.5, 2.0, 2.5), "widths": [1.3, 8.4, 3.2, 4.1]}


def khabarovsk_docx(path: Path):
    header, acts = khabarovsk_seed()
    doc = new_document(font_size=KHAB_LAYOUT["font_size"], margins_cm=KHAB_LAYOUT["margins_cm"])
    for line in ["УТВЕРЖДАЮ", "Руководитель общественного штаба по", "наблюдению за выборами", "",
                 "А.С. Белоглазов", "", "05 февраля 2021 года"]:
        add_par(doc, line, left_indent_cm=8.0)
    add_par(doc)
    add_par(doc, "ПЛАН", bold=True, align=CENTER)
    add_par(doc, "работы общественного штаба по наблюдению за выборами", bold=True, align=CENTER)
    add_par(doc)
    table = doc.add_table(rows=1 + len(acts), cols=4)
    table.style = doc.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, header):
        fill_cell(cell, text, bold=True, align=CENTER)
    repeat_header(table.rows[0])
    for row, act in zip(table.rows[1:], acts):
        cells = row.cells
        fill_cell(cells[0], act.seq or "", align=CENTER)
        fill_cell(cells[1], act.title)
        fill_cell(cells[2], act.deadline, align=CENTER)
        fill_cell(cells[3], act.responsible)
    set_widths(table, KHAB_LAYOUT["widths"])
    set_borders(table, True)
    cell_margins(table)
    set_core(doc, title="План работы общественного штаба по наблюдению за выборами",
             author="Общественная палата Хабаровского края", when=dt.datetime(2021, 2, 5, 10, 0, 0))
    save_docx(doc, path)
    return acts


def tatarstan_docx(path: Path):
    acts = tatarstan_plan()
    doc = new_document(font_size=12, margins_cm=(1.5, 1.5, 1.5, 2.0), landscape=True)
    for line in ["УТВЕРЖДЁН", "решением Совета Общественной палаты", "Республики Татарстан",
                 "от 14 января 2021 г. № 2"]:
        add_par(doc, line, left_indent_cm=18.0)
    add_par(doc)
    add_par(doc, "ПЛАН", bold=True, align=CENTER)
    add_par(doc, "мероприятий Общественного штаба по наблюдению за выборами при Общественной палате Республики "
                 "Татарстан в период подготовки и проведения выборов депутатов Государственной Думы "
                 "Федерального Собрания Российской Федерации восьмого созыва (17–19 сентября 2021 года)",
            bold=True, align=CENTER)
    add_par(doc)
    header = ["№ п/п", "Наименование мероприятия", "Срок исполнения", "Исполнители", "Примечание"]
    layout: list[tuple[str, object]] = []  # ("section", name) | ("act", Act)
    current = None
    for act in acts:
        if act.section != current:
            layout.append(("section", act.section))
            current = act.section
        layout.append(("act", act))
    table = doc.add_table(rows=1 + len(layout), cols=5)
    table.style = doc.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, header):
        fill_cell(cell, text, bold=True, align=CENTER)
    repeat_header(table.rows[0])
    widths = [1.6, 10.2, 3.8, 6.4, 4.2]
    set_widths(table, widths)
    merge_start = None
    for r, (kind, item) in enumerate(layout, 1):
        row = table.rows[r]
        if kind == "section":
            merged = row.cells[0].merge(row.cells[4])
            fill_cell(merged, item, bold=True, align=CENTER)
            continue
        act: Act = item
        cells = row.cells
        fill_cell(cells[0], act.seq, align=CENTER)
        fill_cell(cells[1], act.title)
        if act.extra.get("vmerge") == "restart":
            fill_cell(cells[2], act.deadline, align=CENTER)
            merge_start = r
        elif act.extra.get("vmerge") == "continue":
            pass  # merged below
        else:
            fill_cell(cells[2], act.deadline, align=CENTER)
        fill_cell(cells[3], act.responsible)
        fill_cell(cells[4], act.note)
    # the vertical merge of «Срок исполнения» over the three rows flagged in the plan
    vrows = [r for r, (kind, item) in enumerate(layout, 1) if kind == "act" and item.extra.get("vmerge")]
    assert len(vrows) == 3 and vrows == list(range(merge_start, merge_start + 3)), vrows
    table.cell(vrows[0], 2).merge(table.cell(vrows[-1], 2))
    set_borders(table, True)
    cell_margins(table)
    add_par(doc)
    add_par(doc, "Руководитель Общественного штаба                                        Р.Р. Сафин")
    set_core(doc, title="План мероприятий Общественного штаба", author="Аппарат Общественной палаты РТ",
             when=dt.datetime(2021, 1, 14, 11, 0, 0))
    save_docx(doc, path)
    return acts, vrows


def novosibirsk_docx(path: Path):
    acts = novosibirsk_plan()
    doc = new_document(font_size=12, margins_cm=(2.0, 1.5, 2.0, 2.5))
    for line in ["Утверждено", "на заседании Совета Общественной палаты", "Новосибирской области",
                 "20 ноября 2023 года, протокол № 7"]:
        add_par(doc, line, left_indent_cm=8.5)
    add_par(doc)
    add_par(doc, "ПЛАН", bold=True, align=CENTER)
    add_par(doc, "мероприятий Общественного штаба по наблюдению за выборами Общественной палаты Новосибирской "
                 "области в период подготовки и проведения выборов Президента Российской Федерации "
                 "15–17 марта 2024 года", bold=True, align=CENTER)
    add_par(doc)
    table = doc.add_table(rows=1 + len(acts), cols=4)  # no style: Normal Table, no borders
    for cell, text in zip(table.rows[0].cells, ["№", "Срок", "Мероприятие", "Ответственные"]):
        fill_cell(cell, text, bold=True)
    for row, act in zip(table.rows[1:], acts):
        cells = row.cells
        fill_cell(cells[0], act.seq)
        fill_cell(cells[1], act.deadline)
        fill_cell(cells[2], act.title)
        fill_cell(cells[3], act.responsible)
    set_widths(table, [1.0, 3.4, 7.6, 5.0])
    set_borders(table, False)
    cell_margins(table, 0.15, 0.15)
    set_core(doc, title="План мероприятий Общественного штаба", author="Общественная палата НСО",
             when=dt.datetime(2023, 11, 20, 15, 0, 0))
    save_docx(doc, path)
    return acts


SVERDLOVSK_TITLE = ("План работы Общественного штаба Общественной палаты Свердловской области по наблюдению "
                    "за выборами на 2023 год")


def sverdlovsk_docx(path: Path):
    acts = sverdlovsk_plan()
    doc = new_document(font_size=12, margins_cm=(2.0, 1.5, 2.0, 2.0))
    add_par(doc, SVERDLOVSK_TITLE, bold=True, align=CENTER)
    add_par(doc, "(утверждён 3 марта 2023 г.)", align=CENTER)
    add_par(doc, "Выборы депутатов Законодательного Собрания Свердловской области: единый день голосования – "
                 "10 сентября 2023 года (голосование 8–10 сентября 2023 года)", align=CENTER)
    add_par(doc)
    table = doc.add_table(rows=1 + len(acts), cols=5)
    table.style = doc.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, ["№", "Мероприятие", "Содержание", "Срок", "Ответственный"]):
        fill_cell(cell, text, bold=True, align=CENTER)
    for row, act in zip(table.rows[1:], acts):
        cells = row.cells
        fill_cell(cells[0], act.seq, align=CENTER)
        fill_cell(cells[1], act.title)
        fill_cell(cells[2], act.description)
        fill_cell(cells[3], act.deadline, align=CENTER)
        fill_cell(cells[4], act.responsible)
    set_widths(table, [1.0, 4.0, 5.8, 2.8, 3.9])
    set_borders(table, True)
    add_par(doc)
    add_par(doc, "Состав общественного штаба", bold=True, align=CENTER)
    add_par(doc)
    members = doc.add_table(rows=1 + len(SVERDLOVSK_MEMBERS), cols=3)
    members.style = doc.styles["Table Grid"]
    for cell, text in zip(members.rows[0].cells, ["№", "ФИО", "Должность"]):
        fill_cell(cell, text, bold=True, align=CENTER)
    for i, (row, (name, post)) in enumerate(zip(members.rows[1:], SVERDLOVSK_MEMBERS), 1):
        cells = row.cells
        fill_cell(cells[0], f"{i}.", align=CENTER)
        fill_cell(cells[1], name)
        fill_cell(cells[2], post)
    set_widths(members, [1.0, 5.5, 11.0])
    set_borders(members, True)
    set_core(doc, title="План работы Общественного штаба на 2023 год", author="Общественная палата СО",
             when=dt.datetime(2023, 3, 3, 12, 0, 0))
    save_docx(doc, path)
    return acts


CHUVASHIA_HEADER = [
    "УТВЕРЖДАЮ",
    "Председатель Общественной палаты",
    "Чувашской Республики",
    "",
    "_______________ Т.Н. Петрова",
    "",
    "10 февраля 2022 г.",
    "",
    "",
    "ПЛАН",
    "мероприятий Общественного штаба по наблюдению за выборами",
    "при Общественной палате Чувашской Республики в период подготовки и проведения",
    "выборов в единый день голосования 11 сентября 2022 года (голосование 9–11 сентября 2022 года)",
    "",
]


def chuvashia_txt(path: Path):
    acts = chuvashia_plan()
    lines = list(CHUVASHIA_HEADER)
    for act in acts:
        title_lines = act.title if isinstance(act.title, list) else [act.title]
        lines.append(f"{act.seq} {title_lines[0]}")
        lines.extend(title_lines[1:])
        lines.append(f"Срок: {act.deadline}")
        lines.append(f"{act.extra['label']}: {act.responsible}")
        lines.append("")
    lines += ["", "Руководитель Общественного штаба                    А.В. Николаев", ""]
    text = "\r\n".join(lines)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("cp1251"))
    return acts


# ---------------------------------------------------------------------------------------------------
# Checks on the PDFs
# ---------------------------------------------------------------------------------------------------


def pdf_text_ok(pdf_path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            text = page.extract_text() or ""
            if "(cid:" in text:
                raise SystemExit(f"{pdf_path.name} p.{number}: text layer has (cid:NN) glyphs")
            if not re.search(r"[а-яё]{4}", text):
                raise SystemExit(f"{pdf_path.name} p.{number}: no Cyrillic text extracted")
        return len(pdf.pages)


def squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def table_splits(pdf_path: Path, acts: list[Act], header: list[str], fields: list[str], *,
                 header_repeats: bool) -> list[dict]:
    """Rows broken across a page boundary: the row, the pages, and the fragment's cells on the new page.

    A split is proven by stitching: the previous page's last row plus the next page's first body row give,
    column by column, exactly the activity's cells. Also checks that the header row repeats on every
    page (or only opens page 1), and that a row with an empty first cell never opens a page unless it is
    such a fragment (Khabarovsk's unnumbered row there would be ambiguous)."""
    import pdfplumber

    def cells_of(act: Act) -> list[str]:
        return [squash(flat(getattr(act, f))) for f in fields]

    def clean(row) -> list[str]:
        return [squash(c).replace("\uf0b7", "") for c in row]

    splits = []
    with pdfplumber.open(pdf_path) as pdf:
        pages_rows = []
        for page in pdf.pages:
            tables = page.extract_tables()
            pages_rows.append(tables[0] if tables else [])
        previous_last = None
        for number, rows in enumerate(pages_rows, 1):
            if not rows:
                continue
            is_header = clean(rows[0]) == [squash(h) for h in header]
            if number == 1 and not is_header:
                raise SystemExit(f"{pdf_path.name}: the table does not start with its header")
            if number > 1 and is_header != header_repeats:
                raise SystemExit(f"{pdf_path.name} p.{number}: header repeated={is_header}, expected {header_repeats}")
            start = 1 if is_header else 0
            if number > 1 and previous_last is not None and start < len(rows):
                first = clean(rows[start])
                stitched = [a + b for a, b in zip(clean(previous_last), first)]
                hit = [i for i, act in enumerate(acts) if cells_of(act) == stitched and first != cells_of(act)]
                if hit:
                    act = acts[hit[0]]
                    splits.append({
                        "row": act.seq or flat(act.title), "row_index": hit[0] + 1,
                        "from_page": number - 1, "to_page": number,
                        "fragment": [" ".join((c or "").split()) for c in rows[start]],
                    })
                elif not first[0]:
                    raise SystemExit(f"{pdf_path.name} p.{number}: a row with an empty first cell opens the "
                                     f"page but does not continue the row above: {rows[start]}")
                elif not any(cells_of(act) == first for act in acts):
                    raise SystemExit(f"{pdf_path.name} p.{number}: cannot place the first row {rows[start]}")
            previous_last = rows[-1]
    return splits


def borderless_splits(pdf_path: Path, acts: list[Act], first_col_header: str, title_header: str) -> list[dict]:
    """For a table without ruling lines: a page whose first line has nothing in the first («№») column
    and whose text continues an activity's title is a broken row."""
    import pdfplumber

    splits = []
    with pdfplumber.open(pdf_path) as pdf:
        head = pdf.pages[0].extract_words()
        title_word = next(w for w in head if w["text"] == title_header)
        title_x = title_word["x0"]
        first_x = next(w for w in head if w["text"] == first_col_header
                       and abs(w["top"] - title_word["top"]) < 3)["x0"]
        for page in pdf.pages[1:]:
            words = page.extract_words()
            if not words:
                continue
            top = min(w["top"] for w in words)
            line = sorted((w for w in words if abs(w["top"] - top) < 2), key=lambda w: w["x0"])
            if any(w["x0"] < first_x + 10 for w in line):
                continue  # the page opens with a numbered row
            text = squash(" ".join(w["text"] for w in line if w["x0"] >= title_x - 2))
            hit = [i for i, act in enumerate(acts) if squash(flat(act.title)).find(text) > 0]
            if len(hit) != 1:
                raise SystemExit(f"{pdf_path.name} p.{page.page_number}: unplaced first line {line}")
            act = acts[hit[0]]
            splits.append({"row": act.seq, "row_index": hit[0] + 1, "from_page": page.page_number - 1,
                           "to_page": page.page_number,
                           "fragment_first_line": " ".join(w["text"] for w in line)})
    return splits


# ---------------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------------

REGIONS = {
    "kuzbass": ("Кемеровская область — Кузбасс", "42"),
    "khabarovsk": ("Хабаровский край", "27"),
    "tatarstan": ("Республика Татарстан", "16"),
    "novosibirsk": ("Новосибирская область", "54"),
    "sverdlovsk": ("Свердловская область", "66"),
    "chuvashia": ("Чувашская Республика", "21"),
}


def entry(path: Path, key: str, fmt: str, acts: list[Act], source: str, layout: str, facts: dict,
          **more) -> dict:
    region, number = REGIONS[key]
    record = {
        "path": str(path.relative_to(HERE.parent)),
        "region": region,
        "region_number": number,
        "format": fmt,
        "source": source,
        "layout": layout,
        "facts": facts,
        **more,
        "expected_activity_count": len(acts),
        "activities": [manifest_activity(a) for a in acts],
    }
    return record


KUZBASS_FACTS = {"plan_year": 2021, "approved_on": None, "approved_by": None,
                 "title": "Мероприятия Общественного штаба Общественной палаты Кемеровской области – Кузбасса по "
                          "наблюдению за ходом избирательной кампании и голосования на выборах в 2021 году"}
KHAB_FACTS = {"plan_year": 2021, "approved_on": "2021-02-05", "approved_by": "А.С. Белоглазов",
              "title": "ПЛАН работы общественного штаба по наблюдению за выборами"}


def main() -> int:
    for folder in (INBOX, VARIANTS, BUILD):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    files = []

    # --- seeds, byte for byte
    shutil.copyfile(seed_path("kuzbass_2021.txt"), INBOX / "kuzbass_2021.txt")
    shutil.copyfile(seed_path("khabarovsk_2021.txt"), VARIANTS / "khabarovsk_2021.txt")
    _, _, kuz_acts = kuzbass_seed()
    _, khab_acts = khabarovsk_seed()
    files.append(entry(INBOX / "kuzbass_2021.txt", "kuzbass", "txt", kuz_acts, "seed",
                       "Word table saved as text, cell per line; a cell continues on a second paragraph",
                       KUZBASS_FACTS, encoding="utf-8"))

    # --- Kuzbass as DOCX and PDF
    kuzbass_docx(VARIANTS / "kuzbass_2021.docx")
    files.append(entry(VARIANTS / "kuzbass_2021.docx", "kuzbass", "docx", kuz_acts, "seed",
                       "real Word table, 3 columns; two paragraphs in one content cell", KUZBASS_FACTS))
    to_pdf(VARIANTS / "kuzbass_2021.docx", VARIANTS / "kuzbass_2021.pdf", dt.datetime(2021, 2, 15, 9, 0, 0))
    kuz_pages = pdf_text_ok(VARIANTS / "kuzbass_2021.pdf")
    kuz_splits = table_splits(VARIANTS / "kuzbass_2021.pdf", kuz_acts, KUZ_HEADER,
                              ["title", "deadline", "description"], header_repeats=False)
    files.append(entry(VARIANTS / "kuzbass_2021.pdf", "kuzbass", "pdf", kuz_acts, "seed",
                       "PDF of the Kuzbass DOCX (LibreOffice); header row not repeated on page 2; a row "
                       "broken across the page", KUZBASS_FACTS, pages=kuz_pages, split_rows=kuz_splits))

    # --- Khabarovsk as TXT (variant), DOCX (variant) and PDF (inbox)
    files.append(entry(VARIANTS / "khabarovsk_2021.txt", "khabarovsk", "txt", khab_acts, "seed",
                       "Word table saved as text, row per line; an HTML fragment in row 9", KHAB_FACTS,
                       encoding="utf-8"))
    khabarovsk_docx(VARIANTS / "khabarovsk_2021.docx")
    files.append(entry(VARIANTS / "khabarovsk_2021.docx", "khabarovsk", "docx", khab_acts, "seed",
                       "real Word table with a repeating header row (w:tblHeader); row 9 holds a real "
                       "bulleted list (style «List Bullet»); unnumbered row between 6 and 7", KHAB_FACTS))
    to_pdf(VARIANTS / "khabarovsk_2021.docx", INBOX / "khabarovsk_2021.pdf", dt.datetime(2021, 2, 5, 10, 0, 0))
    khab_pages = pdf_text_ok(INBOX / "khabarovsk_2021.pdf")
    splits = table_splits(INBOX / "khabarovsk_2021.pdf", khab_acts, KHAB_HEADER,
                          ["seq", "title", "deadline", "responsible"], header_repeats=True)
    if not splits:
        raise SystemExit("khabarovsk_2021.pdf: no row breaks across a page; change KHAB_LAYOUT")
    if len(splits) < 1 or khab_pages < 3:
        raise SystemExit("khabarovsk_2021.pdf: expected several pages")
    files.append(entry(INBOX / "khabarovsk_2021.pdf", "khabarovsk", "pdf", khab_acts, "seed",
                       "multi-page bordered table; header repeated on every page; rows broken across pages "
                       "leave a fragment with an empty «№» at the top of the next page", KHAB_FACTS,
                       pages=khab_pages, split_rows=splits))

    # --- made-up plans
    tat_acts, tat_vrows = tatarstan_docx(INBOX / "tatarstan_2021.docx")
    files.append(entry(
        INBOX / "tatarstan_2021.docx", "tatarstan", "docx", tat_acts, "made-up",
        "5 columns incl. «Примечание»; section rows are one cell spanning the table (gridSpan=5); "
        "«Срок исполнения» vertically merged (vMerge) over 3 rows (2.2–2.4); header row repeats; landscape",
        {"plan_year": 2021, "approved_on": "2021-01-14",
         "approved_by": "Совет Общественной палаты Республики Татарстан (решение № 2)",
         "election": "выборы депутатов Государственной Думы ФС РФ восьмого созыва",
         "voting_start": "2021-09-17", "voting_end": "2021-09-19"},
        sections=TATARSTAN_SECTIONS, vmerged_table_rows=tat_vrows))

    novosibirsk_docx(BUILD / "novosibirsk_2024.docx")
    to_pdf(BUILD / "novosibirsk_2024.docx", INBOX / "novosibirsk_2024.pdf", dt.datetime(2023, 11, 20, 15, 0, 0))
    nsk_pages = pdf_text_ok(INBOX / "novosibirsk_2024.pdf")
    nsk_acts = novosibirsk_plan()
    nsk_splits = borderless_splits(INBOX / "novosibirsk_2024.pdf", nsk_acts, "№", "Мероприятие")
    files.append(entry(
        INBOX / "novosibirsk_2024.pdf", "novosibirsk", "pdf", nsk_acts, "made-up",
        "borderless table (no ruling lines at all) in a PDF; columns «№», «Срок», «Мероприятие», «Ответственные»",
        {"plan_year": 2024, "approved_on": "2023-11-20",
         "approved_by": "Совет Общественной палаты Новосибирской области (протокол № 7)",
         "election": "выборы Президента Российской Федерации",
         "voting_start": "2024-03-15", "voting_end": "2024-03-17"},
        pages=nsk_pages, split_rows=nsk_splits))

    sv_acts = sverdlovsk_docx(INBOX / "sverdlovsk_2023.docx")
    files.append(entry(
        INBOX / "sverdlovsk_2023.docx", "sverdlovsk", "docx", sv_acts, "made-up",
        "plan table with «Содержание» column (one empty) followed by a second, non-plan table "
        "«Состав общественного штаба» («№», «ФИО», «Должность»)",
        {"plan_year": 2023, "approved_on": "2023-03-03", "approved_by": None, "title": SVERDLOVSK_TITLE,
         "election": "выборы депутатов Законодательного Собрания Свердловской области",
         "voting_start": "2023-09-08", "voting_end": "2023-09-10"},
        plan_table=1, non_plan_tables=[{"table": 2, "title": "Состав общественного штаба",
                                        "rows": len(SVERDLOVSK_MEMBERS)}]))

    ch_acts = chuvashia_txt(INBOX / "chuvashia_2022.txt")
    files.append(entry(
        INBOX / "chuvashia_2022.txt", "chuvashia", "txt", ch_acts, "made-up",
        "no table: a numbered list, each item followed by «Срок: …» and «Ответственный: …»/«Ответственные: …» "
        "lines; some items wrap onto a second line; cp1251 with CRLF line ends",
        {"plan_year": 2022, "approved_on": "2022-02-10", "approved_by": "Т.Н. Петрова",
         "election": "выборы в единый день голосования 11 сентября 2022 года",
         "voting_start": "2022-09-09", "voting_end": "2022-09-11"},
        encoding="cp1251", line_ends="crlf"))

    shutil.rmtree(BUILD)

    manifest = {
        "about": "Hand-checked reference for the sample documents (see samples/README.md). Cell text: "
                 "paragraphs/lines joined by one space, whitespace collapsed; a list inside a cell follows its "
                 "intro, items keeping their own «;» («intro: a; b; c.»); a vertically merged deadline is "
                 "given on every row it covers. seq is the «№» as written (null when empty or absent).",
        "files": files,
    }
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    print("written:")
    for f in files:
        pages = f" pages={f['pages']}" if "pages" in f else ""
        print(f"  {f['path']:40} {f['format']:5} {f['expected_activity_count']:3} activities{pages}")
    for s in kuz_splits:
        print(f"  kuzbass_2021.pdf: row «{s['row']}» (#{s['row_index']}) breaks from page {s['from_page']} "
              f"to page {s['to_page']}; fragment: {s['fragment']}")
    for s in nsk_splits:
        print(f"  novosibirsk_2024.pdf: row {s['row']} breaks from page {s['from_page']} to page "
              f"{s['to_page']}; page {s['to_page']} opens with «{s['fragment_first_line']}»")
    for s in splits:
        print(f"  khabarovsk_2021.pdf: row {s['row']} (#{s['row_index']}) breaks from page {s['from_page']} "
              f"to page {s['to_page']}; fragment: {s['fragment']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
