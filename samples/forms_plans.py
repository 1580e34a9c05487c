"""The made-up plans behind ``samples/forms/`` (see ``make_forms.py``).

Every plan is fictional: regions are real federal subjects, the people do not exist. A plan is composed
from a skeleton of the steps every public chamber's observation staff plans (form the staff, sign an
agreement with the election commission, recruit and train observers, work on the voting days, report),
each step with a few wordings of its title and of its deadline. A plan spec names its steps in order and
the way its chamber writes names («Ким Д.С.», «Д.С. Ким», «председатель … Ким Д.С.», a post with no name);
a seeded random generator picks the wordings, so reruns give the same plans.

Deadlines are written relative to the voting days of the plan's election (``Ctx``), so a March
presidential election gets «до 1 декабря», «январь – февраль» and a September one «до 1 апреля», «июнь –
август». A deadline that is one exact date also keeps it as a ``datetime.date`` (``Act.extra["date"]``)
so the Excel samples can store it as a real date.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from make_samples import Act

MONTHS_NOM = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
              "ноябрь", "декабрь"]
MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
              "ноября", "декабря"]
ROMAN = ["I", "II", "III", "IV"]


# ---------------------------------------------------------------------------------------------------
# Regions and elections
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Region:
    name: str      # official name, as the manifest states it
    number: str    # two-digit subject code
    gen: str       # «Пермского края»
    ik: str        # the election commission, nominative: «Избирательная комиссия Пермского края»
    short: str     # «края», «области», «республики»: «Общественной палаты края»


def _ik(gen: str, central: bool = False) -> str:
    return ("Центральная избирательная комиссия " if central else "Избирательная комиссия ") + gen


def _region(name, number, gen, short, central=False) -> Region:
    return Region(name, number, gen, _ik(gen, central), short)


REGIONS = {r.number: r for r in [
    _region("Пермский край", "59", "Пермского края", "края"),
    _region("Ростовская область", "61", "Ростовской области", "области"),
    _region("Республика Башкортостан", "02", "Республики Башкортостан", "республики", central=True),
    _region("Краснодарский край", "23", "Краснодарского края", "края"),
    _region("Приморский край", "25", "Приморского края", "края"),
    _region("Омская область", "55", "Омской области", "области"),
    _region("Тюменская область", "72", "Тюменской области", "области"),
    _region("Ленинградская область", "47", "Ленинградской области", "области"),
    _region("Республика Саха (Якутия)", "14", "Республики Саха (Якутия)", "республики", central=True),
    _region("Алтайский край", "22", "Алтайского края", "края"),
    _region("Белгородская область", "31", "Белгородской области", "области"),
    _region("Ярославская область", "76", "Ярославской области", "области"),
    _region("Курская область", "46", "Курской области", "области"),
    _region("Иркутская область", "38", "Иркутской области", "области"),
    _region("Нижегородская область", "52", "Нижегородской области", "области"),
    _region("Волгоградская область", "34", "Волгоградской области", "области"),
    _region("Калужская область", "40", "Калужской области", "области"),
    _region("Тверская область", "69", "Тверской области", "области"),
    _region("Вологодская область", "35", "Вологодской области", "области"),
    _region("Самарская область", "63", "Самарской области", "области"),
    _region("Республика Карелия", "10", "Республики Карелия", "республики", central=True),
    _region("Республика Коми", "11", "Республики Коми", "республики"),
    _region("Оренбургская область", "56", "Оренбургской области", "области"),
    _region("Челябинская область", "74", "Челябинской области", "области"),
    _region("Ставропольский край", "26", "Ставропольского края", "края"),
    _region("Воронежская область", "36", "Воронежской области", "области"),
    _region("Липецкая область", "48", "Липецкой области", "области"),
    _region("Тульская область", "71", "Тульской области", "области"),
    _region("Мурманская область", "51", "Мурманской области", "области"),
    _region("Архангельская область", "29", "Архангельской области", "области"),
    _region("Калининградская область", "39", "Калининградской области", "области"),
    _region("Красноярский край", "24", "Красноярского края", "края"),
    _region("Забайкальский край", "75", "Забайкальского края", "края"),
    _region("Республика Бурятия", "03", "Республики Бурятия", "республики"),
    _region("Удмуртская Республика", "18", "Удмуртской Республики", "республики", central=True),
    _region("Пензенская область", "58", "Пензенской области", "области"),
    _region("Смоленская область", "67", "Смоленской области", "области"),
    _region("Томская область", "70", "Томской области", "области"),
    _region("Тамбовская область", "68", "Тамбовской области", "области"),
    _region("Кировская область", "43", "Кировской области", "области"),
]}


@dataclass(frozen=True)
class Election:
    name: str            # as the manifest's facts state it
    genitive: str        # «выборов Президента Российской Федерации», used in titles
    voting_start: dt.date
    voting_end: dt.date


def _ed(year: int, day: int) -> Election:
    """The single voting day of September (three days of voting ending on ``day``)."""
    end = dt.date(year, 9, day)
    return Election(f"выборы в единый день голосования {day} {MONTHS_GEN[8]} {year} года",
                    f"выборов в единый день голосования {day} сентября {year} года",
                    end - dt.timedelta(days=2), end)


ELECTIONS = {
    "duma2021": Election("выборы депутатов Государственной Думы ФС РФ восьмого созыва",
                         "выборов депутатов Государственной Думы Федерального Собрания Российской Федерации "
                         "восьмого созыва", dt.date(2021, 9, 17), dt.date(2021, 9, 19)),
    "edg2022": _ed(2022, 11),
    "edg2023": _ed(2023, 10),
    "president2024": Election("выборы Президента Российской Федерации",
                              "выборов Президента Российской Федерации", dt.date(2024, 3, 15),
                              dt.date(2024, 3, 17)),
    "edg2024": _ed(2024, 8),
    "edg2025": _ed(2025, 14),
    "duma2026": Election("выборы депутатов Государственной Думы ФС РФ девятого созыва",
                         "выборов депутатов Государственной Думы Федерального Собрания Российской Федерации "
                         "девятого созыва", dt.date(2026, 9, 18), dt.date(2026, 9, 20)),
}


# ---------------------------------------------------------------------------------------------------
# Deadlines relative to the voting days
# ---------------------------------------------------------------------------------------------------


@dataclass
class Deadline:
    text: str
    date: dt.date | None = None  # when the deadline is one exact date


class Ctx:
    """Month arithmetic around the voting days: ``k`` is a month offset from the first voting day's month."""

    def __init__(self, election: Election):
        self.vs, self.ve = election.voting_start, election.voting_end

    def ym(self, k: int) -> tuple[int, int]:
        index = self.vs.year * 12 + self.vs.month - 1 + k
        return index // 12, index % 12 + 1

    def nom(self, k: int) -> str:
        return MONTHS_NOM[self.ym(k)[1] - 1]

    def gen(self, k: int) -> str:
        return MONTHS_GEN[self.ym(k)[1] - 1]

    def date(self, k: int, day: int) -> dt.date:
        year, month = self.ym(k)
        return dt.date(year, month, day)

    def dmy(self, k: int, day: int) -> Deadline:
        d = self.date(k, day)
        return Deadline(d.strftime("%d.%m.%Y"), d)

    def q(self, k: int) -> str:
        return ROMAN[(self.ym(k)[1] - 1) // 3]

    def before_vote(self, days: int) -> Deadline:
        d = self.vs - dt.timedelta(days=days)
        return Deadline(d.strftime("%d.%m.%Y"), d)

    def voting_days(self) -> str:
        vs, ve = self.vs, self.ve
        return f"{vs.day}-{ve.day} {MONTHS_GEN[ve.month - 1]} {ve.year} г."

    def after_vote(self, days: int) -> Deadline:
        d = self.ve + dt.timedelta(days=days)
        return Deadline(d.strftime("%d.%m.%Y"), d)


# ---------------------------------------------------------------------------------------------------
# The skeleton: steps, their wordings and deadlines
# ---------------------------------------------------------------------------------------------------

PHASES = ["org", "obs", "info", "vote", "res"]


@dataclass
class Step:
    key: str
    phase: str
    titles: list[str]
    deadlines: list  # each a str or a callable Ctx -> str | Deadline
    roles: list[str]
    description: str = ""
    note: str | None = None


S = Step
STEPS = {s.key: s for s in [
    S("form", "org",
      ["Формирование состава Общественного штаба {op} по наблюдению за выборами",
       "Формирование и утверждение персонального состава Общественного штаба {op} по общественному "
       "наблюдению за выборами"],
      [lambda c: f"до 1 {c.gen(-7)}", lambda c: f"{c.nom(-8)} – {c.nom(-7)}", lambda c: f"{c.q(-7)} квартал",
       lambda c: c.dmy(-7, 15)],
      ["chair"], "Решение Совета Общественной палаты о составе штаба, назначение руководителя и секретаря"),
    S("statute", "org",
      ["Разработка и утверждение Положения об Общественном штабе",
       "Подготовка и утверждение Положения о порядке назначения наблюдателей от {op}"],
      [lambda c: f"до 1 {c.gen(-6)}", lambda c: c.nom(-7), lambda c: c.dmy(-6, 20)],
      ["head", "apparat"], "Проект положения рассматривается на заседании Совета Общественной палаты"),
    S("meet", "org",
      ["Проведение заседаний Общественного штаба",
       "Заседания Общественного штаба по текущим вопросам подготовки к наблюдению"],
      ["ежемесячно", "по мере необходимости", "не реже одного раза в месяц", "в течение кампании"],
      ["head"], "Повестка формируется секретарём штаба, протоколы размещаются на сайте",
      note="по отдельному графику"),
    S("ik", "org",
      ["Заключение соглашения о взаимодействии с {ik_ins}",
       "Подписание соглашения о сотрудничестве между {op_nom} и {ik_ins}"],
      [lambda c: f"{c.q(-5)} квартал", lambda c: f"до 1 {c.gen(-4)}", lambda c: f"{c.nom(-5)} – {c.nom(-4)}",
       lambda c: c.dmy(-5, 12)],
      ["chair"], "Соглашение определяет порядок аккредитации наблюдателей и обмена информацией"),
    S("ngo", "org",
      ["Заключение соглашений с региональными отделениями политических партий, некоммерческими "
       "организациями и вузами о подготовке наблюдателей",
       "Встречи с представителями некоммерческих организаций, молодёжных объединений и вузов {reg} по "
       "вопросам общественного наблюдения"],
      [lambda c: f"{c.q(-4)} квартал", lambda c: f"{c.nom(-5)} – {c.nom(-4)}", "по согласованию"],
      ["deputy", "members"], "Перечень организаций-партнёров утверждается на заседании штаба",
      note="Тексты соглашений размещаются на сайте Общественной палаты"),
    S("site", "info",
      ["Создание раздела «Общественное наблюдение» на официальном сайте {op}",
       "Размещение на сайте Общественной палаты и в социальных сетях информации о работе Общественного штаба"],
      [lambda c: f"до 1 {c.gen(-6)}", "постоянно", "в течение кампании"],
      ["info", "apparat"], "Новости, документы штаба, контакты «горячей линии», памятки наблюдателю"),
    S("recruit", "obs",
      ["Формирование корпуса общественных наблюдателей из числа членов общественных советов, студентов и "
       "волонтёров",
       "Приём заявок от граждан, желающих стать общественными наблюдателями"],
      [lambda c: f"{c.nom(-4)} – {c.nom(-2)}", lambda c: f"до 1 {c.gen(-1)}", "в течение кампании"],
      ["deputy", "members"], "Анкеты кандидатов в наблюдатели принимаются через сайт и в Аппарате палаты"),
    S("trainers", "obs",
      ["Обучающий семинар для тренеров, проводящих подготовку наблюдателей, совместно с Ассоциацией «НОМ»",
       "Подготовка тренеров для обучения общественных наблюдателей"],
      [lambda c: c.dmy(-4, 15), lambda c: f"{c.q(-4)} квартал", lambda c: c.nom(-4)],
      ["partners"], "Программа семинара согласуется с Ассоциацией «НОМ» и избирательной комиссией"),
    S("seminars", "obs",
      ["Проведение обучающих семинаров для общественных наблюдателей",
       "Обучение общественных наблюдателей, в том числе в дистанционном формате"],
      [lambda c: f"{c.nom(-3)} – {c.nom(-1)}", "по графику", lambda c: f"{c.nom(-2)} – {c.nom(-1)}"],
      ["partners", "members"], "Лекции юристов, разбор типичных нарушений, практические занятия на макете "
                               "избирательного участка"),
    S("field", "obs",
      ["Выездные семинары для наблюдателей в муниципальных районах и городских округах {reg}",
       "Выездные встречи членов Общественной палаты с территориальными избирательными комиссиями"],
      ["по отдельному графику", lambda c: f"{c.nom(-2)} – {c.nom(-1)}", "по согласованию с ТИК"],
      ["tik"], "График выездов утверждается руководителем штаба", note="по заявкам муниципалитетов"),
    S("test", "obs",
      ["Тестирование наблюдателей на знание избирательного законодательства",
       "Проверка знаний кандидатов в наблюдатели (онлайн-тестирование)"],
      [lambda c: f"до {c.date(-1, 20).day} {c.gen(-1)}", lambda c: c.dmy(-1, 25)],
      ["legal"], "Тест из 30 вопросов на сайте Общественной палаты"),
    S("lists", "obs",
      ["Направление в {ik_acc} списка наблюдателей, назначенных Общественной палатой",
       "Формирование и направление списков наблюдателей по избирательным участкам"],
      [lambda c: c.before_vote(5), "не позднее чем за 3 дня до первого дня голосования",
       lambda c: f"не позднее {c.before_vote(6).date.day} {MONTHS_GEN[c.before_vote(6).date.month - 1]}"],
      ["apparat"], "Списки направляются в электронном виде и на бумаге"),
    S("directions", "obs",
      ["Выдача направлений общественным наблюдателям",
       "Подготовка и выдача направлений наблюдателям от {op}"],
      [lambda c: f"{c.before_vote(4).text} – {c.before_vote(1).text}",
       lambda c: f"{c.before_vote(5).date.day}-{c.before_vote(1).date.day} {MONTHS_GEN[c.vs.month - 1]}"],
      ["apparat", "secretary"], "Направления выдаются лично под подпись", note="по мере поступления заявок"),
    S("media", "info",
      ["Мониторинг публикаций в средствах массовой информации и социальных сетях о ходе избирательной кампании",
       "Подготовка еженедельных обзоров публикаций СМИ о ходе кампании"],
      ["еженедельно", "в течение кампании", "по пятницам"],
      ["info"], "Обзоры направляются членам штаба"),
    S("hotline", "info",
      ["Организация работы «горячей линии» Общественного штаба",
       "Работа «горячей линии» для приёма обращений граждан о нарушениях избирательного законодательства"],
      [lambda c: f"с 1 {c.gen(-1)} по {c.ve.day} {MONTHS_GEN[c.ve.month - 1]}", "в течение кампании",
       "в период избирательной кампании"],
      ["apparat", "volunteers"], "Телефон «горячей линии» публикуется на сайте и в СМИ"),
    S("press", "info",
      ["Пресс-конференция о готовности Общественного штаба к наблюдению за выборами",
       "Брифинг для журналистов о подготовке общественных наблюдателей"],
      [lambda c: f"{'первая' if c.vs.day > 10 else 'последняя'} декада {c.gen(0 if c.vs.day > 10 else -1)}",
       lambda c: c.before_vote(7)],
      ["chair"], "Пресс-центр Общественной палаты"),
    S("situation", "vote",
      ["Работа ситуационного центра Общественного штаба",
       "Работа Общественного штаба в режиме оперативного реагирования на обращения граждан и наблюдателей"],
      ["в дни голосования", lambda c: c.voting_days(), "круглосуточно в дни голосования"],
      ["head", "members"], "Дежурство членов штаба, приём сообщений наблюдателей, связь с избирательной "
                           "комиссией", note="круглосуточно"),
    S("mobile", "vote",
      ["Выезды мобильных групп на избирательные участки",
       "Работа мобильных групп Общественного штаба"],
      ["в дни голосования", "по сообщениям наблюдателей"],
      ["mobile"], "Проверка сообщений о нарушениях на месте"),
    S("lawyers", "vote",
      ["Дежурство юристов Общественного штаба для консультирования наблюдателей",
       "Консультирование наблюдателей по правовым вопросам"],
      ["в дни голосования", "по мере поступления обращений"],
      ["legal"], "Консультации по телефону и в мессенджерах"),
    S("video", "vote",
      ["Наблюдение за голосованием с использованием трансляции видеонаблюдения",
       "Работа центра общественного видеонаблюдения"],
      ["в дни голосования", lambda c: f"{c.vs.strftime('%d.%m')}–{c.ve.strftime('%d.%m.%Y')}"],
      ["volunteers"], "Волонтёры просматривают трансляции с избирательных участков"),
    S("count", "vote",
      ["Наблюдение за подсчётом голосов на избирательных участках",
       "Наблюдение за подсчётом голосов и установлением итогов голосования"],
      ["в последний день голосования", lambda c: Deadline(c.ve.strftime("%d.%m.%Y"), c.ve)],
      ["members"], "Наблюдатели присутствуют при подсчёте до подписания протокола"),
    S("results", "res",
      ["Подведение итогов работы Общественного штаба, пресс-конференция",
       "Итоговое заседание Общественного штаба"],
      [lambda c: f"до 30 {c.gen(0)}" if c.ve.day < 25 else f"до 15 {c.gen(1)}", lambda c: c.nom(1),
       lambda c: c.after_vote(10)],
      ["chair", "head"], "Обобщение сообщений наблюдателей, итоговая пресс-конференция"),
    S("report", "res",
      ["Подготовка доклада о результатах общественного наблюдения для Общественной палаты Российской Федерации",
       "Направление информации об итогах наблюдения в Общественную палату Российской Федерации"],
      [lambda c: f"{c.q(2)} квартал", lambda c: f"до 1 {c.gen(2)}", lambda c: f"{c.nom(1)} – {c.nom(2)}"],
      ["head", "secretary"], "Доклад включает статистику обращений и предложения по совершенствованию "
                             "законодательства"),
    S("thanks", "res",
      ["Награждение наиболее активных наблюдателей благодарственными письмами",
       "Вручение благодарностей общественным наблюдателям и волонтёрам"],
      [lambda c: f"{c.nom(1)} – {c.nom(2)}", lambda c: f"{c.q(2)} квартал"],
      ["chair"], "Список представляется руководителем штаба"),
]}

DEFAULT_SECTIONS = {
    "org": "Организационные мероприятия",
    "obs": "Подготовка общественных наблюдателей",
    "info": "Информационное сопровождение",
    "vote": "Мероприятия в дни голосования",
    "res": "Подведение итогов",
}


# ---------------------------------------------------------------------------------------------------
# Plans
# ---------------------------------------------------------------------------------------------------


@dataclass
class Plan:
    key: str
    region: Region
    election: Election
    year: int
    acts: list[Act]
    title: str                 # the plan's title as written (paragraphs joined by one space)
    approval: list[str]        # the approval block's lines, as written
    facts: dict
    signature: str | None = None
    sections: list[str] = field(default_factory=list)

    @property
    def op(self) -> str:
        return f"Общественной палаты {self.region.gen}"


def approval_block(style: str, *, post: str, name: str, on: dt.date, protocol: str | None = None) -> list[str]:
    day, month = on.day, MONTHS_GEN[on.month - 1]
    if style == "utverzhdayu":
        return ["УТВЕРЖДАЮ", post, "", f"_______________ {name}", "", f"«{day:02d}» {month} {on.year} г."]
    if style == "utverzhden":
        return ["УТВЕРЖДЁН", f"решением Совета {post}", f"от {day} {month} {on.year} г. {protocol or ''}".strip()]
    if style == "utverzhdeno":
        return ["Утверждено", f"на заседании Совета {post}", f"{day:02d}.{on.month:02d}.{on.year}, "
                                                              f"{protocol or 'протокол № 1'}"]
    if style == "soglasovano":
        return ["СОГЛАСОВАНО", post, f"{name}", f"«___» {month} {on.year} г.", "", "УТВЕРЖДАЮ",
                "Председатель Общественной палаты", f"_________ {name}"]
    raise ValueError(style)


def compose(key: str, number: str, election: str, steps: str, roles: dict[str, list[str] | str], *,
            seed: int, approved_on: dt.date, approved_by: str, approval_style: str = "utverzhdayu",
            approval_post: str | None = None, seq: str = "dot", sections: dict[str, str] | None = None,
            overrides: dict[str, dict] | None = None, title: str | None = None, protocol: str | None = None,
            plan_year: int | None = None, signature: str | None = None) -> Plan:
    """A plan: ``steps`` names skeleton steps in order; ``roles`` says how this chamber writes each role
    (a list is used in turn); ``seq`` is «dot» (1.), «plain» (1), «section» (1.1.) or «none»;
    ``sections`` maps phases to section names (None: no section rows); ``overrides`` pins a step's
    title/deadline/responsible/description/note (by step key, or «key#2» for its second use)."""
    region, elect = REGIONS[number], ELECTIONS[election]
    rng = random.Random(seed)
    ctx = Ctx(elect)
    op = f"Общественной палаты {region.gen}"
    fills = {"op": op, "op_nom": f"Общественной палатой {region.gen}", "reg": region.gen,
             "ik_ins": "Избирательной комиссией " + region.gen if not region.ik.startswith("Центральная")
             else "Центральной избирательной комиссией " + region.gen,
             "ik_acc": "Избирательную комиссию " + region.gen if not region.ik.startswith("Центральная")
             else "Центральную избирательную комиссию " + region.gen}
    turn: dict[str, int] = {}
    seen: dict[str, int] = {}
    acts: list[Act] = []
    section_counts: dict[str, int] = {}
    section_names: list[str] = []
    for step_key in steps.split():
        step = STEPS[step_key]
        seen[step_key] = seen.get(step_key, 0) + 1
        pinned = dict((overrides or {}).get(step_key if seen[step_key] == 1 else f"{step_key}#{seen[step_key]}", {}))
        act_title = pinned.pop("title", None) or rng.choice(step.titles).format(**fills)
        if "deadline" in pinned:
            value = pinned.pop("deadline")
            deadline = value if isinstance(value, Deadline) else Deadline(value)
        else:
            chosen = rng.choice(step.deadlines)
            value = chosen(ctx) if callable(chosen) else chosen
            deadline = value if isinstance(value, Deadline) else Deadline(value)
        if "responsible" in pinned:
            responsible = pinned.pop("responsible")
        else:
            role = rng.choice(step.roles)
            options = roles.get(role) or roles["head"]
            options = [options] if isinstance(options, str) else options
            responsible = options[turn.get(role, 0) % len(options)]
            turn[role] = turn.get(role, 0) + 1
        section = sections.get(step.phase) if sections else None
        if section and section not in section_names:
            section_names.append(section)
        section_counts[section or ""] = section_counts.get(section or "", 0) + 1
        number_in_section = section_counts[section or ""]
        index = len(acts) + 1
        seq_text = {"dot": f"{index}.", "plain": str(index), "none": None,
                    "section": f"{section_names.index(section) + 1 if section else 1}.{number_in_section}."}[seq]
        act = Act(title=act_title, deadline=deadline.text, responsible=responsible, seq=seq_text, section=section,
                  description=pinned.pop("description", step.description) or None,
                  note=pinned.pop("note", step.note), extra={"step": step_key, **pinned})
        if deadline.date:
            act.extra["date"] = deadline.date
        acts.append(act)
    year = plan_year or elect.voting_end.year
    post = approval_post or f"Председатель {op}"
    approval = approval_block(approval_style, post=post, name=approved_by, on=approved_on, protocol=protocol)
    plan_title = title or (f"ПЛАН мероприятий Общественного штаба по наблюдению за выборами {op} в период "
                           f"подготовки и проведения {elect.genitive}")
    facts = {"plan_year": year, "approved_on": approved_on.isoformat(),
             "approved_by": approved_by if approval_style in ("utverzhdayu", "soglasovano")
             else f"Совет {op}" + (f" ({protocol})" if protocol else ""),
             "election": elect.name, "voting_start": elect.voting_start.isoformat(),
             "voting_end": elect.voting_end.isoformat(), "title": plan_title}
    return Plan(key=key, region=region, election=elect, year=year, acts=acts, title=plan_title,
                approval=approval, facts=facts, signature=signature, sections=section_names)


def roman_sections(names: dict[str, str] | None = None, style: str = "roman") -> dict[str, str]:
    """Section names for the phases, numbered «I. …», «Раздел 1. …» or «1. …»."""
    names = names or DEFAULT_SECTIONS
    out = {}
    for i, phase in enumerate(p for p in PHASES if p in names):
        label = {"roman": f"{ROMAN[i] if i < 4 else 'V'}. ", "razdel": f"Раздел {i + 1}. ", "arabic": f"{i + 1}. ",
                 "plain": ""}[style]
        out[phase] = label + names[phase]
    return out


# ---------------------------------------------------------------------------------------------------
# The plans, one per file (their forms are in make_forms.py)
# ---------------------------------------------------------------------------------------------------

D = dt.date


def roles(**given) -> dict:
    base = {"apparat": "Аппарат Общественной палаты", "members": "члены Общественного штаба",
            "volunteers": "волонтёры", "tik": "члены Общественной палаты, ТИК", "mobile": "мобильная группа"}
    return {**base, **given}


def at(election: str) -> Ctx:
    return Ctx(ELECTIONS[election])


def all_plans() -> dict[str, Plan]:
    p = {}
    c = at("edg2024")
    p["perm_2024"] = compose(
        "perm_2024", "59", "edg2024",
        "form statute ik meet ngo recruit trainers seminars field test lists directions site media hotline "
        "situation mobile count results report", seed=59, approved_on=D(2024, 2, 5), approved_by="А.В. Лейно",
        seq="plain", sections=roman_sections(),
        roles=roles(chair=["председатель Общественной палаты края Лейно А.В.", "Лейно А.В."],
                    head="Шевчук О.В.", deputy="Ковалёва Н.Ю.", legal="Ким Д.С.", secretary="Ёлкина М.П.",
                    info="Ковалёва Н.Ю., пресс-служба Общественной палаты",
                    partners="Шевчук О.В., региональное отделение Ассоциации «НОМ»",
                    apparat="Аппарат Общественной палаты края"),
        overrides={"ik": {"deadline": c.dmy(-5, 12)}, "trainers": {"deadline": c.dmy(-4, 15)},
                   "seminars": {"deadline": "июнь – август", "vmerge": "restart"},
                   "field": {"deadline": "июнь – август", "vmerge": "continue"},
                   "test": {"deadline": "июнь – август", "vmerge": "continue"},
                   "lists": {"deadline": c.before_vote(5)}, "results": {"deadline": c.after_vote(10)}})
    c = at("edg2023")
    two = {"org": "Раздел 1. Организационная работа и подготовка наблюдателей",
           "obs": "Раздел 1. Организационная работа и подготовка наблюдателей",
           "info": "Раздел 2. Информационное сопровождение и наблюдение в дни голосования",
           "vote": "Раздел 2. Информационное сопровождение и наблюдение в дни голосования",
           "res": "Раздел 2. Информационное сопровождение и наблюдение в дни голосования"}
    p["rostov_2023"] = compose(
        "rostov_2023", "61", "edg2023",
        "form ik meet ngo recruit seminars field lists directions media hotline press situation lawyers count "
        "results", seed=61, approved_on=D(2023, 1, 17), approved_by="Совет", approval_style="utverzhden",
        approval_post="Общественной палаты Ростовской области", protocol="№ 1", seq="section", sections=two,
        roles=roles(chair="Гюльмагомедов Р.Т.", head="Р.Т. Гюльмагомедов", deputy="Н.А. Бондаренко",
                    legal="И.В. Лысенко, юридическая группа", info="пресс-служба Общественной палаты",
                    partners="Н.А. Бондаренко, Ассоциация «НОМ»", secretary="О.С. Дёмина"),
        overrides={"form": {"deadline": c.dmy(-7, 1)}, "ik": {"deadline": c.dmy(-5, 20)},
                   "lists": {"deadline": c.before_vote(5)}, "press": {"deadline": c.before_vote(7)},
                   "seminars": {"deadline": Deadline("15.06.2023"), "text_date": True}})
    p["bashkortostan_2024"] = compose(
        "bashkortostan_2024", "02", "edg2024",
        "form ik meet recruit seminars lists site hotline situation count results", seed=2,
        approved_on=D(2024, 3, 11), approved_by="Г.Р. Хабибуллина",
        roles=roles(chair="Хабибуллина Гульнара Рашитовна", head="Ишмухаметов Азат Ринатович",
                    deputy="Ишмухаметов Азат Ринатович, Галиев Ильдар Маратович",
                    legal="Галиев Ильдар Маратович", info="Сайфуллина Элина Фаритовна",
                    partners="Ишмухаметов Азат Ринатович, Ассоциация «НОМ»"),
        overrides={"ik": {"deadline": at("edg2024").dmy(-5, 12)}})
    c = at("duma2021")
    p["krasnodar_2021"] = compose(
        "krasnodar_2021", "23", "duma2021",
        "form statute ik ngo recruit trainers seminars field lists directions site media hotline situation "
        "mobile count results report", seed=23, approved_on=D(2021, 2, 9), approved_by="Е. В. Ярошенко-Бланк",
        seq="dot", sections=roman_sections(),
        roles=roles(chair=["Председатель Общественной палаты", "Е. В. Ярошенко-Бланк"],
                    head="А. Г. Мамедов", deputy="А. Г. Мамедов, Т. С. Кравчук", legal="Т. С. Кравчук",
                    info="пресс-служба Общественной палаты края", secretary="Л. Н. Рябоконь",
                    partners="А. Г. Мамедов, Ассоциация «НОМ»", apparat="Аппарат Общественной палаты края"),
        overrides={"seminars": {"deadline": "июль – август", "vmerge": "restart"},
                   "field": {"deadline": "июль – август", "vmerge": "continue"},
                   "lists": {"deadline": "июль – август", "vmerge": "continue"},
                   "ik": {"deadline": c.dmy(-5, 14)}, "results": {"deadline": c.after_vote(8)}})
    p["primorye_2025"] = compose(
        "primorye_2025", "25", "edg2025",
        "form ik meet ngo recruit trainers seminars lists hotline media situation video count results",
        seed=25, approved_on=D(2025, 1, 28), approved_by="В.Л. Цой",
        roles=roles(chair="Цой В.Л.", head="Цой В.Л., Ким Е.С.", deputy="Ким Е.С.", legal="Пак Н.Г.",
                    info="Ким Е.С., пресс-служба", partners="Ким Е.С., Ассоциация «НОМ»",
                    volunteers="волонтёры Приморского регионального отделения «Волонтёры Победы»"),
        overrides={"trainers": {"deadline": at("edg2025").dmy(-4, 15)}, "count": {"deadline": "14.09.2025"}})
    p["tyumen_2021"] = compose(
        "tyumen_2021", "72", "duma2021",
        "form statute meet ik ngo recruit seminars field test lists directions site media hotline press "
        "situation mobile lawyers count results report", seed=72, approved_on=D(2021, 2, 5),
        approved_by="Ю.А. Фёдоров", seq="section", sections=roman_sections(),
        roles=roles(chair=["председатель Общественной палаты Тюменской области Фёдоров Ю.А.", "Фёдоров Ю.А."],
                    head="Фёдоров Ю.А.", deputy="Семёнова О.Л.", legal="юридическая группа (Гречко А.М.)",
                    info="Семёнова О.Л., пресс-служба", secretary="Гречко А.М.",
                    partners="Фёдоров Ю.А., Тюменское региональное отделение Ассоциации «НОМ»"),
        overrides={"seminars": {"deadline": "июнь – август", "vmerge": "restart"},
                   "field": {"deadline": "июнь – август", "vmerge": "continue"},
                   "test": {"deadline": "июнь – август", "vmerge": "continue"}})
    p["leningrad_2022"] = compose(
        "leningrad_2022", "47", "edg2022",
        "form ik meet recruit trainers seminars lists directions hotline media situation count results",
        seed=47, approved_on=D(2022, 3, 2), approved_by="Совет", approval_style="utverzhdeno",
        approval_post="Общественной палаты Ленинградской области", protocol="протокол № 3",
        seq="section", sections=roman_sections(),
        roles=roles(chair="К.Э. Мяэотс", head="К.Э. Мяэотс", deputy="А.А. Петрова, Т.Ю. Ли", legal="Т.Ю. Ли",
                    info="А.А. Петрова", partners="Т.Ю. Ли, Ассоциация «НОМ»"),
        overrides={"recruit": {"deadline": "май – август", "vmerge": "restart"},
                   "trainers": {"deadline": "май – август", "vmerge": "continue"},
                   "seminars": {"deadline": "май – август", "vmerge": "continue"}})
    p["yakutia_2023"] = compose(
        "yakutia_2023", "14", "edg2023",
        "form ik meet ngo recruit seminars field lists hotline situation mobile count results", seed=14,
        approved_on=D(2023, 2, 14), approved_by="Е.П. Саввинов", seq="plain",
        roles=roles(chair="Саввинов Е.П.", head="Саввинов Егор Петрович", deputy="Иванова-Саввина Л.Н.",
                    legal="Николаева А.Е.", info="Иванова-Саввина Л.Н.", partners="Николаева А.Е., Ассоциация «НОМ»",
                    tik="члены Общественной палаты, ТИК улусов (районов)"),
        overrides={"field": {"note": "с учётом транспортной доступности улусов"}})
    c = at("president2024")
    p["altai_2024"] = compose(
        "altai_2024", "22", "president2024",
        "form statute ik recruit seminars lists directions hotline situation count results", seed=22,
        approved_on=D(2023, 12, 12), approved_by="А.Ф. Шульц", plan_year=2024,
        roles=roles(chair="Шульц А.Ф.", head="Шульц А.Ф.", deputy="Кох Е.В.", legal="Кох Е.В.",
                    info="пресс-служба Общественной палаты", partners="Кох Е.В., Ассоциация «НОМ»"),
        overrides={"lists": {"deadline": c.before_vote(5)}})
    p["belgorod_2025"] = compose(
        "belgorod_2025", "31", "edg2025",
        "form ik meet recruit seminars field lists hotline situation mobile results", seed=31,
        approved_on=D(2025, 2, 20), approved_by="В.И. Гончаренко",
        roles=roles(chair="Гончаренко В.И.", head="Гончаренко В.И.", deputy="Головко Н.П.", legal="Головко Н.П.",
                    info="Головко Н.П., Шевченко Д.А.", partners="Шевченко Д.А., Ассоциация «НОМ»"))
    p["yaroslavl_2021"] = compose(
        "yaroslavl_2021", "76", "duma2021",
        "form ik meet recruit seminars lists directions hotline situation count results report", seed=76,
        approved_on=D(2021, 3, 1), approved_by="А.В. Смирнов",
        roles=roles(chair="Смирнов Андрей Викторович", head="Смирнов Андрей Викторович",
                    deputy="Огурцова Светлана Юрьевна", legal="Белых Олег Игоревич",
                    info="Огурцова Светлана Юрьевна", partners="Белых Олег Игоревич, Ассоциация «НОМ»"))
    p["kursk_2024"] = compose(
        "kursk_2024", "46", "edg2024",
        "form ik meet recruit seminars field lists directions hotline media situation mobile count results",
        seed=46, approved_on=D(2024, 2, 27), approved_by="Ю.Н. Дюжев", seq="dot", sections=roman_sections(),
        roles=roles(chair="Дюжев Ю.Н.", head="Дюжев Ю.Н.", deputy="Гурова Т.Ф.", legal="Гурова Т.Ф.",
                    info="Гурова Т.Ф., пресс-служба", partners="Дюжев Ю.Н., Ассоциация «НОМ»"),
        overrides={"seminars": {"deadline": "июнь – август", "vmerge": "restart"},
                   "field": {"deadline": "июнь – август", "vmerge": "continue"},
                   "lists": {"deadline": "июнь – август", "vmerge": "continue"}})
    p["irkutsk_2023"] = compose(
        "irkutsk_2023", "38", "edg2023",
        "form ik ngo recruit seminars lists hotline media situation count results", seed=38,
        approved_on=D(2023, 2, 16), approved_by="Е.Г. Ким", seq="plain",
        roles=roles(chair="Ким Е.Г.", head="Е.Г. Ким", deputy="Д.В. Бадмаев", legal="Д.В. Бадмаев",
                    info="пресс-служба Общественной палаты", partners="Е.Г. Ким, Ассоциация «НОМ»"))
    p["nizhny_2026"] = compose(
        "nizhny_2026", "52", "duma2026",
        "form statute ik meet recruit trainers seminars lists hotline situation count results", seed=52,
        approved_on=D(2026, 1, 22), approved_by="О.В. Кузьмина",
        roles=roles(chair="Кузьмина О.В.", head="Кузьмина О.В.", deputy="Лаптев С.А.", legal="Лаптев С.А.",
                    info="Лаптев С.А.", partners="Кузьмина О.В., Ассоциация «НОМ»"))
    p["volgograd_2024"] = compose(
        "volgograd_2024", "34", "president2024",
        "form ik recruit seminars lists hotline situation count results", seed=34,
        approved_on=D(2023, 11, 29), approved_by="С.Н. Шевчук", plan_year=2024,
        roles=roles(chair="Шевчук С.Н.", head="Шевчук С.Н.", deputy="Ляхова А.П.", legal="Ляхова А.П.",
                    partners="Ляхова А.П., Ассоциация «НОМ»"))
    p["kaluga_2022"] = compose(
        "kaluga_2022", "40", "edg2022",
        "form ik meet recruit seminars lists directions hotline situation results", seed=40,
        approved_on=D(2022, 2, 8), approved_by="М.Ю. Ёлкин",
        roles=roles(chair="Ёлкин М.Ю.", head="Ёлкин М.Ю.", deputy="Фомичёва И.А.", legal="Фомичёва И.А.",
                    partners="Фомичёва И.А., Ассоциация «НОМ»"))
    p["tver_2022"] = compose(
        "tver_2022", "69", "edg2022",
        "form ik recruit seminars lists hotline situation count results", seed=69,
        approved_on=D(2022, 2, 14), approved_by="Н.В. Громова",
        roles=roles(chair="Громова Н.В.", head="Громова Н.В.", deputy="Рейн А.Я.", legal="Рейн А.Я.",
                    partners="Рейн А.Я., Ассоциация «НОМ»"))
    c = at("edg2025")
    p["vologda_2025"] = compose(
        "vologda_2025", "35", "edg2025",
        "form ik meet recruit trainers seminars lists directions hotline situation count results", seed=35,
        approved_on=D(2025, 2, 3), approved_by="Л.А. Буторина",
        roles=roles(chair="Буторина Л.А.", head="Буторина Л.А.", deputy="Угрюмов П.С.", legal="Угрюмов П.С.",
                    partners="Угрюмов П.С., Ассоциация «НОМ»"),
        overrides={"form": {"deadline": c.dmy(-7, 14)}, "ik": {"deadline": c.dmy(-5, 16)},
                   "trainers": {"deadline": c.dmy(-4, 15)}, "count": {"deadline": "14.09.2025"}})
    c = at("edg2024")
    p["samara_2024"] = compose(
        "samara_2024", "63", "edg2024",
        "form ik meet ngo recruit seminars field lists hotline media situation mobile count results", seed=63,
        approved_on=D(2024, 2, 12), approved_by="В.А. Гюльмагомедов", seq="dot",
        roles=roles(chair="Гюльмагомедов В.А.", head="Гюльмагомедов В.А.", deputy="Ярошенко-Бланк С.И.",
                    legal="Ярошенко-Бланк С.И.", info="Ляпина О.Д.", partners="Ляпина О.Д., Ассоциация «НОМ»"),
        overrides={"ik": {"deadline": c.dmy(-5, 12)}, "lists": {"deadline": c.before_vote(5)}})
    p["karelia_2021"] = compose(
        "karelia_2021", "10", "duma2021",
        "form ik meet recruit seminars field lists hotline situation count results", seed=10,
        approved_on=D(2021, 2, 18), approved_by="Т.А. Лейно",
        roles=roles(chair="Лейно Т.А.", head="Лейно Т.А.", deputy="Хямяляйнен Р.О.", legal="Хямяляйнен Р.О.",
                    partners="Лейно Т.А., Ассоциация «НОМ»"))
    p["komi_2022"] = compose(
        "komi_2022", "11", "edg2022",
        "form ik meet recruit seminars lists directions hotline situation count results", seed=11,
        approved_on=D(2022, 2, 21), approved_by="И.В. Канев",
        roles=roles(chair="председатель Общественной палаты Республики Коми Канев И.В.", head="Канев И.В.",
                    deputy="Попова Е.А., Артеева Н.И.", legal="Артеева Н.И.", partners="Попова Е.А., Ассоциация «НОМ»"))
    p["omsk_2026"] = compose(
        "omsk_2026", "55", "duma2026",
        "form statute ik meet ngo recruit trainers seminars field test lists directions site media hotline press "
        "situation mobile lawyers video count results report thanks", seed=55, approved_on=D(2026, 2, 4),
        approved_by="Г.П. Цой", seq="dot", sections=roman_sections(style="arabic"),
        roles=roles(chair=["председатель Общественной палаты Омской области Цой Г.П.", "Цой Г.П."],
                    head="Цой Г.П.", deputy="Гаврилюк Н.С.", legal="Гаврилюк Н.С., Ким А.Р.",
                    info="Ковальчук Е.Ё.", secretary="Алёшина В.В.",
                    partners="Ким А.Р., региональное отделение Ассоциации «НОМ»"))
    c = at("president2024")
    p["orenburg_2024"] = compose(
        "orenburg_2024", "56", "president2024",
        "form statute ik meet recruit trainers seminars lists directions hotline situation count results report",
        seed=56, approved_on=D(2023, 12, 6), approved_by="В.Г. Ким", plan_year=2024,
        roles=roles(chair="Ким В.Г.", head="Ким В.Г."),
        overrides={
            "form": {"start": "01.11.2023", "end": "30.11.2023", "fio": "Ким В.Г.",
                     "post": "председатель Общественной палаты"},
            "statute": {"start": "до 15.12.2023", "end": "", "fio": "Ким В.Г., Цой А.Н.",
                        "post": "члены Совета Общественной палаты"},
            "ik": {"start": "01.12.2023", "end": "25.12.2023", "fio": "Ким В.Г.", "post": ""},
            "meet": {"start": "ежемесячно", "merged": True, "fio": "Цой А.Н.",
                     "post": "заместитель руководителя штаба"},
            "recruit": {"start": "01.12.2023", "end": "15.02.2024", "fio": "",
                        "post": "Председатель Общественной палаты"},
            "trainers": {"start": "15.01.2024", "end": "", "fio": "Шевчук И.Л.",
                         "post": "координатор Ассоциации «НОМ»"},
            "seminars": {"start": "январь", "end": "февраль", "fio": "Шевчук И.Л., Цой А.Н.", "post": ""},
            "lists": {"start": "", "end": "10.03.2024", "fio": "", "post": "Аппарат Общественной палаты"},
            "directions": {"start": "11.03.2024", "end": "14.03.2024", "fio": "Ёлкина Т.В.",
                           "post": "консультант Аппарата"},
            "hotline": {"start": "в течение кампании", "merged": True, "fio": "Ёлкина Т.В.",
                        "post": "консультант Аппарата"},
            "situation": {"start": "15.03.2024", "end": "17.03.2024", "fio": "Ким В.Г., Цой А.Н.",
                          "post": "руководство штаба"},
            "count": {"start": "в последний день голосования", "end": "", "fio": "",
                      "post": "члены Общественного штаба"},
            "results": {"start": "18.03.2024", "end": "29.03.2024", "fio": "Ким В.Г.",
                        "post": "руководитель Общественного штаба"},
            "report": {"start": "II квартал", "merged": True, "fio": "Цой А.Н.",
                       "post": "заместитель руководителя штаба"},
        })
    for act in p["orenburg_2024"].acts:  # the two-level cells decide what a person reads
        x = act.extra
        act.deadline = x["start"] if x.get("merged") else " – ".join(t for t in (x["start"], x.get("end")) if t)
        act.responsible = ", ".join(t for t in (x["fio"], x["post"]) if t)
        act.extra.pop("date", None)
    p["chelyabinsk_2023"] = compose(
        "chelyabinsk_2023", "74", "edg2023",
        "form ik meet recruit seminars field lists hotline situation count results", seed=74,
        approved_on=D(2023, 2, 28), approved_by="Совет", approval_style="utverzhdeno",
        approval_post="Общественной палаты Челябинской области", protocol="протокол № 2",
        seq="section", sections=roman_sections({"org": "Организационная работа", "obs": "Работа с наблюдателями",
                                                "info": "Информирование", "vote": "Дни голосования",
                                                "res": "Итоги"}),
        roles=roles(chair="Ярошенко-Бланк Е.А.", head="Е.А. Ярошенко-Бланк", deputy="Р.Ф. Гайнуллин",
                    legal="Р.Ф. Гайнуллин", partners="Р.Ф. Гайнуллин, Ассоциация «НОМ»"))
    p["stavropol_2021"] = compose(
        "stavropol_2021", "26", "duma2021",
        "form statute ik ngo recruit seminars field test lists directions hotline media situation mobile count "
        "results", seed=26, approved_on=D(2021, 2, 11), approved_by="Р.Г. Гюльмагомедов", seq="section",
        sections=roman_sections(),
        roles=roles(chair="Гюльмагомедов Р.Г.", head="Гюльмагомедов Р.Г.", deputy="Шевчук А.А.",
                    legal="Шевчук А.А., Мирзоев Т.Б.", info="пресс-служба Общественной палаты края",
                    partners="Мирзоев Т.Б., Ассоциация «НОМ»", apparat="Аппарат Общественной палаты края"),
        overrides={"seminars": {"deadline": "июнь – август", "vmerge": "restart"},
                   "field": {"deadline": "июнь – август", "vmerge": "continue"},
                   "test": {"deadline": "июнь – август", "vmerge": "continue"}})
    p["voronezh_2024"] = compose(
        "voronezh_2024", "36", "edg2024",
        "form ik meet ngo recruit seminars field lists hotline situation count results", seed=36,
        approved_on=D(2024, 2, 19), approved_by="И.И. Иванов", seq="dot", sections=roman_sections(),
        roles=roles(chair="Иванов Иван Иванович", head="Иванов И.И.", deputy="Лысенко П.П., Гусейнова А.М.",
                    legal="Гусейнова А.М.", info="пресс-служба", partners="Лысенко П.П., Ассоциация «НОМ»"),
        overrides={"seminars": {"deadline": "июнь – август", "vmerge": "restart"},
                   "field": {"deadline": "июнь – август", "vmerge": "continue"},
                   "lists": {"deadline": "июнь – август", "vmerge": "continue"}})
    p["lipetsk_2025"] = compose(
        "lipetsk_2025", "48", "edg2025",
        "form ik meet recruit trainers seminars field lists hotline situation mobile count results", seed=48,
        approved_on=D(2025, 2, 10), approved_by="А.М. Чернышёв", seq="dot", sections=roman_sections(),
        roles=roles(chair="Чернышёв А.М.", head="А.М. Чернышёв", deputy="О.Ю. Кох", legal="О.Ю. Кох",
                    partners="О.Ю. Кох, Ассоциация «НОМ»"),
        overrides={"trainers": {"deadline": "май – июнь", "vmerge": "restart"},
                   "seminars": {"deadline": "май – июнь", "vmerge": "continue"},
                   "field": {"deadline": "май – июнь", "vmerge": "continue"}})
    p["tula_2022"] = compose(
        "tula_2022", "71", "edg2022",
        "form statute ik meet ngo recruit trainers seminars field lists directions hotline media situation "
        "lawyers count results report", seed=71, approved_on=D(2022, 1, 25), approved_by="Д.С. Ким", seq="dot",
        roles=roles(chair="Ким Д.С.", head="Ким Д.С.", deputy="Бобрикова Е.Е., Цой Л.В.",
                    legal="Цой Л.В., юридическая группа Общественного штаба",
                    info="Бобрикова Е.Е., пресс-служба Общественной палаты",
                    partners="Цой Л.В., региональное отделение Ассоциации «НОМ»",
                    apparat="Аппарат Общественной палаты Тульской области"))
    p["murmansk_2023"] = compose(
        "murmansk_2023", "51", "edg2023",
        "form statute ik meet ngo recruit trainers seminars field test lists directions site media hotline "
        "situation mobile count results report", seed=51, approved_on=D(2023, 2, 8), approved_by="О.Н. Лейно",
        seq="none",
        roles=roles(chair="председатель Общественной палаты Мурманской области Лейно О.Н.", head="Лейно О.Н.",
                    deputy="Гусев А.В., Хрипунова Е.С.", legal="Хрипунова Е.С.",
                    info="пресс-служба Общественной палаты", partners="Гусев А.В., Ассоциация «НОМ»",
                    tik="члены Общественной палаты, территориальные избирательные комиссии"))
    p["arkhangelsk_2021"] = compose(
        "arkhangelsk_2021", "29", "duma2021",
        "form ik meet recruit trainers seminars field lists hotline situation count results", seed=29,
        approved_on=D(2021, 2, 24), approved_by="Е.В. Ярошенко-Бланк",
        roles=roles(chair="Ярошенко-Бланк Е.В.", head="Ярошенко-Бланк Е.В.", deputy="Попов А.С., Шерстнёва Л.В.",
                    legal="Шерстнёва Л.В.", partners="Попов А.С., региональное отделение Ассоциации «НОМ»",
                    tik="члены Общественной палаты, территориальные избирательные комиссии"))
    p["kaliningrad_2024"] = compose(
        "kaliningrad_2024", "39", "president2024",
        "form statute ik recruit seminars field lists directions hotline situation count results", seed=39,
        approved_on=D(2023, 12, 1), approved_by="Ю.Р. Шевчук", plan_year=2024,
        roles=roles(chair="Шевчук Ю.Р.", head="Шевчук Ю.Р.", deputy="Гюльмагомедов Э.А., Ким О.В.",
                    legal="Ким О.В.", partners="Гюльмагомедов Э.А., Ассоциация «НОМ»",
                    tik="члены Общественной палаты, ТИК муниципальных округов"))
    p["krasnoyarsk_2026"] = compose(
        "krasnoyarsk_2026", "24", "duma2026",
        "form ik meet recruit seminars lists hotline media situation count results", seed=24,
        approved_on=D(2026, 2, 11), approved_by="С.Ю. Цой",
        roles=roles(chair="Цой С.Ю.", head="С. Ю. Цой", deputy="А. В. Ким", legal="А. В. Ким",
                    info="пресс-служба Общественной палаты края", partners="А. В. Ким, Ассоциация «НОМ»"))
    p["udmurtia_2024"] = compose(
        "udmurtia_2024", "18", "edg2024", "form ik recruit seminars lists situation count results", seed=18,
        approved_on=D(2024, 2, 15), approved_by="Л.Н. Корепанова",
        roles=roles(chair="Корепанова Л.Н.", head="Корепанова Л.Н.", deputy="Бушмакин А.Г."))
    p["penza_2023"] = compose(
        "penza_2023", "58", "edg2023", "form ik recruit seminars lists situation results", seed=58,
        approved_on=D(2023, 2, 2), approved_by="Н.Н. Лейно",
        roles=roles(chair="Лейно Н.Н.", head="Лейно Н.Н.", deputy="Сухова Т.А."))
    p["smolensk_2022"] = compose(
        "smolensk_2022", "67", "edg2022", "form ik meet recruit seminars lists hotline situation count results",
        seed=67, approved_on=D(2022, 2, 17), approved_by="В.К. Ковалёв",
        roles=roles(chair="Ковалёв В.К.", head="Ковалёв В.К.", deputy="Ильина М.С."))
    p["tambov_2021"] = compose(
        "tambov_2021", "68", "duma2021", "form ik meet recruit seminars lists hotline situation count results",
        seed=68, approved_on=D(2021, 3, 1), approved_by="Н.В. Ковалёва",
        roles=roles(chair="Ковалёва Н.В.", head="Ковалёва Н.В.", deputy="Шевчук П.А.", legal="Шевчук П.А.",
                    partners="Шевчук П.А., региональное отделение Ассоциации «НОМ»"))
    p["kirov_2022"] = compose(
        "kirov_2022", "43", "edg2022", "form ik recruit seminars lists hotline situation count results", seed=43,
        approved_on=D(2022, 2, 10), approved_by="О.Н. Ким",
        roles=roles(chair="Ким О.Н.", head="Ким О.Н.", deputy="Лысенко Д.В.", legal="Лысенко Д.В."))
    for plan in p.values():
        check_sections_contiguous(plan)
    return p


def check_sections_contiguous(plan: Plan) -> None:
    order = []
    for act in plan.acts:
        if not order or order[-1] != act.section:
            order.append(act.section)
    if len(order) != len(set(order)):
        raise SystemExit(f"{plan.key}: sections are not contiguous: {order}")
    if not 6 <= len(plan.acts) <= 25:
        raise SystemExit(f"{plan.key}: {len(plan.acts)} activities (6–25 wanted)")
