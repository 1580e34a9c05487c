"""Deadline cells → `Deadline`: a long case table (natasha `test_date.py` style) plus property tests."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.deadlines.resolve import cached_deadline, normalize_deadline
from extractors.deadlines.voting_days import plan_context
from schemas import PlanContext, PlanFacts

# A plan that states only its year: its voting days come from the calendar, as the pipeline decides them.
Y21 = plan_context(PlanFacts(plan_year=2021))
Y24 = plan_context(PlanFacts(plan_year=2024))
NONE = PlanContext()
KHABAROVSK = PlanContext(
    plan_year=2021, approved_on=date(2021, 2, 5), voting_start=date(2021, 9, 17), voting_end=date(2021, 9, 19)
)
KUZBASS = PlanContext(plan_year=2021, voting_start=date(2021, 9, 17), voting_end=date(2021, 9, 19))
CAMPAIGN_2018 = PlanContext(
    plan_year=2018,
    approved_on=date(2017, 11, 20),
    voting_start=date(2018, 3, 18),
    voting_end=date(2018, 3, 18),
)
VOTING_ONLY = PlanContext(voting_start=date(2021, 9, 17), voting_end=date(2021, 9, 19))

# (raw, kind, start, end, recurrence) — plan year 2021 and nothing else known
CASES_2021 = [
    # ---- a single day
    ("18.02.2021", "date", "2021-02-18", "2021-02-18", None),
    ("30 сентября", "date", "2021-09-30", "2021-09-30", None),
    ("14.09.21", "date", "2021-09-14", "2021-09-14", None),
    ("01 марта", "date", "2021-03-01", "2021-03-01", None),
    ("1 марта", "date", "2021-03-01", "2021-03-01", None),
    ("01.03.2021 г.", "date", "2021-03-01", "2021-03-01", None),
    ("01.03.2021г.", "date", "2021-03-01", "2021-03-01", None),
    ("01.03.2021 года", "date", "2021-03-01", "2021-03-01", None),
    ("1 марта 2021 года", "date", "2021-03-01", "2021-03-01", None),
    ("1 марта 2021 г.", "date", "2021-03-01", "2021-03-01", None),
    ("01 марта 2021г", "date", "2021-03-01", "2021-03-01", None),
    ("«01» марта 2021 г.", "date", "2021-03-01", "2021-03-01", None),
    ("20-го сентября", "date", "2021-09-20", "2021-09-20", None),
    ("20-е сентября", "date", "2021-09-20", "2021-09-20", None),
    ("15.02", "date", "2021-02-15", "2021-02-15", None),
    ("15.02.", "date", "2021-02-15", "2021-02-15", None),
    ("15/02/2021", "date", "2021-02-15", "2021-02-15", None),
    ("2021-02-15", "date", "2021-02-15", "2021-02-15", None),
    ("30.09.2021", "date", "2021-09-30", "2021-09-30", None),
    ("30 сентября 2021", "date", "2021-09-30", "2021-09-30", None),
    ("\u00a018.02.2021\u00a0", "date", "2021-02-18", "2021-02-18", None),
    ("18.02.2021.", "date", "2021-02-18", "2021-02-18", None),
    ("18.02.2021;", "date", "2021-02-18", "2021-02-18", None),
    ("1 января", "date", "2021-01-01", "2021-01-01", None),
    ("31 декабря", "date", "2021-12-31", "2021-12-31", None),
    ("29.02.2020", "date", "2020-02-29", "2020-02-29", None),
    ("01 Марта", "date", "2021-03-01", "2021-03-01", None),
    ("01 МАРТА", "date", "2021-03-01", "2021-03-01", None),
    ("01 мар.", "date", "2021-03-01", "2021-03-01", None),
    ("10 сент.", "date", "2021-09-10", "2021-09-10", None),
    ("10 авг. 2021 г.", "date", "2021-08-10", "2021-08-10", None),
    ("5 мая", "date", "2021-05-05", "2021-05-05", None),
    ("22 июня 2021 года", "date", "2021-06-22", "2021-06-22", None),
    ("1 октября т.г.", "date", "2021-10-01", "2021-10-01", None),
    ("15 ноября текущего года", "date", "2021-11-15", "2021-11-15", None),
    ("01.12.2021 (включительно)", "date", "2021-12-01", "2021-12-01", None),
    ("- 18.02.2021", "date", "2021-02-18", "2021-02-18", None),
    ("<p>18.02.2021</p>", "date", "2021-02-18", "2021-02-18", None),
    ("1\u00a0марта", "date", "2021-03-01", "2021-03-01", None),
    ("1 сен\u00adтября", "date", "2021-09-01", "2021-09-01", None),
    # ---- day ranges, every dash and every way of writing the ends
    ("15.02. -15.03.2021", "range", "2021-02-15", "2021-03-15", None),
    ("10.02. – 15.02.2021", "range", "2021-02-10", "2021-02-15", None),
    ("15.02.-15.03.2021", "range", "2021-02-15", "2021-03-15", None),
    ("15.02 - 15.03.2021", "range", "2021-02-15", "2021-03-15", None),
    ("15.02.2021 — 15.03.2021", "range", "2021-02-15", "2021-03-15", None),
    ("15-16 марта", "range", "2021-03-15", "2021-03-16", None),
    ("17-19 сентября", "range", "2021-09-17", "2021-09-19", None),
    ("15 — 16 марта", "range", "2021-03-15", "2021-03-16", None),
    ("15‑16 марта", "range", "2021-03-15", "2021-03-16", None),
    ("15 ‒ 16 марта", "range", "2021-03-15", "2021-03-16", None),
    ("15−16 марта", "range", "2021-03-15", "2021-03-16", None),
    ("15–16 марта 2021 г.", "range", "2021-03-15", "2021-03-16", None),
    ("24-25.05.2021", "range", "2021-05-24", "2021-05-25", None),
    ("с 10 мая по 10 июня", "range", "2021-05-10", "2021-06-10", None),
    ("с 15 по 16 марта", "range", "2021-03-15", "2021-03-16", None),
    ("с 1 по 10 сентября", "range", "2021-09-01", "2021-09-10", None),
    ("с 01.03.2021 по 31.05.2021", "range", "2021-03-01", "2021-05-31", None),
    ("с 01.03.2021 г. по 31.05.2021 г.", "range", "2021-03-01", "2021-05-31", None),
    ("с 15.02. по 15.03.2021", "range", "2021-02-15", "2021-03-15", None),
    ("с 1 марта до 1 июня", "range", "2021-03-01", "2021-06-01", None),
    ("в период с 10 по 20 мая", "range", "2021-05-10", "2021-05-20", None),
    ("1 марта – 30 апреля 2021 г.", "range", "2021-03-01", "2021-04-30", None),
    ("1 марта 2021 – 30 апреля", "range", "2021-03-01", "2021-04-30", None),
    ("с 15 декабря по 15 января", "range", "2021-12-15", "2022-01-15", None),
    ("15.12.-15.01.2022", "range", "2021-12-15", "2022-01-15", None),
    ("20.12.2021 - 20.01.2022", "range", "2021-12-20", "2022-01-20", None),
    ("01.09-10.09", "range", "2021-09-01", "2021-09-10", None),
    # ---- months
    ("июль", "range", "2021-07-01", "2021-07-31", None),
    ("март", "range", "2021-03-01", "2021-03-31", None),
    ("в марте", "range", "2021-03-01", "2021-03-31", None),
    ("марта", "range", "2021-03-01", "2021-03-31", None),
    ("в мае", "range", "2021-05-01", "2021-05-31", None),
    ("май", "range", "2021-05-01", "2021-05-31", None),
    ("май 2021 г.", "range", "2021-05-01", "2021-05-31", None),
    ("в мае 2021 года", "range", "2021-05-01", "2021-05-31", None),
    ("в сентябре", "range", "2021-09-01", "2021-09-30", None),
    ("сентябрь 2021", "range", "2021-09-01", "2021-09-30", None),
    ("в течение марта", "range", "2021-03-01", "2021-03-31", None),
    ("февраль", "range", "2021-02-01", "2021-02-28", None),
    ("Июль.", "range", "2021-07-01", "2021-07-31", None),
    ("март-июнь", "range", "2021-03-01", "2021-06-30", None),
    ("март-август", "range", "2021-03-01", "2021-08-31", None),
    ("август-сентябрь", "range", "2021-08-01", "2021-09-30", None),
    ("июль-сентябрь", "range", "2021-07-01", "2021-09-30", None),
    ("август – сентябрь 2021 г.", "range", "2021-08-01", "2021-09-30", None),
    ("с марта по июнь", "range", "2021-03-01", "2021-06-30", None),
    ("январь-март 2021 года", "range", "2021-01-01", "2021-03-31", None),
    ("декабрь 2021 – январь 2022", "range", "2021-12-01", "2022-01-31", None),
    ("декабрь – январь", "range", "2021-12-01", "2022-01-31", None),
    ("ноябрь – январь", "range", "2021-11-01", "2022-01-31", None),
    ("март – 15 апреля", "range", "2021-03-01", "2021-04-15", None),
    # ---- quarters and halves
    ("III квартал", "range", "2021-07-01", "2021-09-30", None),
    ("2 квартал", "range", "2021-04-01", "2021-06-30", None),
    ("I квартал", "range", "2021-01-01", "2021-03-31", None),
    ("1 квартал", "range", "2021-01-01", "2021-03-31", None),
    ("1-й квартал", "range", "2021-01-01", "2021-03-31", None),
    ("первый квартал", "range", "2021-01-01", "2021-03-31", None),
    ("в I квартале", "range", "2021-01-01", "2021-03-31", None),
    ("в 1 квартале 2021 г.", "range", "2021-01-01", "2021-03-31", None),
    ("II квартал", "range", "2021-04-01", "2021-06-30", None),
    ("IV квартал", "range", "2021-10-01", "2021-12-31", None),
    ("4 кв.", "range", "2021-10-01", "2021-12-31", None),
    ("3 кв. 2021 г.", "range", "2021-07-01", "2021-09-30", None),
    ("III квартал 2021 года", "range", "2021-07-01", "2021-09-30", None),
    ("в течение III квартала", "range", "2021-07-01", "2021-09-30", None),
    ("I-II квартал", "range", "2021-01-01", "2021-06-30", None),
    ("I – II кварталы", "range", "2021-01-01", "2021-06-30", None),
    ("1-2 квартал", "range", "2021-01-01", "2021-06-30", None),
    ("II-III кварталы 2021 г.", "range", "2021-04-01", "2021-09-30", None),
    ("IV квартал 2021 – I квартал 2022", "range", "2021-10-01", "2022-03-31", None),
    ("1 полугодие", "range", "2021-01-01", "2021-06-30", None),
    ("I полугодие", "range", "2021-01-01", "2021-06-30", None),
    ("первое полугодие", "range", "2021-01-01", "2021-06-30", None),
    ("2 полугодие", "range", "2021-07-01", "2021-12-31", None),
    ("II полугодие 2021 г.", "range", "2021-07-01", "2021-12-31", None),
    ("во втором полугодии", "range", "2021-07-01", "2021-12-31", None),
    ("в первом полугодии 2021 года", "range", "2021-01-01", "2021-06-30", None),
    # ---- decades
    ("1-я декада сентября", "range", "2021-09-01", "2021-09-10", None),
    ("3-я декада августа", "range", "2021-08-21", "2021-08-31", None),
    ("1 декада сентября", "range", "2021-09-01", "2021-09-10", None),
    ("первая декада сентября", "range", "2021-09-01", "2021-09-10", None),
    ("2-я декада мая", "range", "2021-05-11", "2021-05-20", None),
    ("вторая декада июня", "range", "2021-06-11", "2021-06-20", None),
    ("третья декада февраля", "range", "2021-02-21", "2021-02-28", None),
    ("3 декада февраля 2024 г.", "range", "2024-02-21", "2024-02-29", None),
    ("в 1-й декаде марта", "range", "2021-03-01", "2021-03-10", None),
    ("1-2 декада сентября", "range", "2021-09-01", "2021-09-20", None),
    # ---- years
    ("в течение года", "range", "2021-01-01", "2021-12-31", None),
    ("в течение 2024 года", "range", "2024-01-01", "2024-12-31", None),
    ("в течение текущего года", "range", "2021-01-01", "2021-12-31", None),
    ("в течение всего года", "range", "2021-01-01", "2021-12-31", None),
    ("в текущем году", "range", "2021-01-01", "2021-12-31", None),
    ("в течение 2021 года", "range", "2021-01-01", "2021-12-31", None),
    ("в течение 2021 г.", "range", "2021-01-01", "2021-12-31", None),
    ("2021 год", "range", "2021-01-01", "2021-12-31", None),
    ("2021 г.", "range", "2021-01-01", "2021-12-31", None),
    ("2021-2022 гг.", "range", "2021-01-01", "2022-12-31", None),
    ("в течение 2021-2022 годов", "range", "2021-01-01", "2022-12-31", None),
    # ---- lists
    ("8, 9, 10 сентября", "range", "2021-09-08", "2021-09-10", None),
    ("8,9,10 сентября", "range", "2021-09-08", "2021-09-10", None),
    ("8 и 9 сентября", "range", "2021-09-08", "2021-09-09", None),
    ("15, 16 марта", "range", "2021-03-15", "2021-03-16", None),
    ("17, 18, 19 сентября 2021 г.", "range", "2021-09-17", "2021-09-19", None),
    ("15.03.2021, 20.04.2021", "range", "2021-03-15", "2021-04-20", None),
    ("10 марта, 15 апреля", "range", "2021-03-10", "2021-04-15", None),
    ("апрель, май", "range", "2021-04-01", "2021-05-31", None),
    ("апрель и май", "range", "2021-04-01", "2021-05-31", None),
    ("март, апрель, май", "range", "2021-03-01", "2021-05-31", None),
    ("июнь; июль; август", "range", "2021-06-01", "2021-08-31", None),
    ("декабрь, январь", "range", "2021-12-01", "2022-01-31", None),
    ("I, II квартал", "range", "2021-01-01", "2021-06-30", None),
    # ---- before
    ("до 01 марта", "before", None, "2021-03-01", None),
    ("не позднее 10 августа", "before", None, "2021-08-10", None),
    ("до конца мая", "before", None, "2021-05-31", None),
    ("до 01.04.2021", "before", None, "2021-04-01", None),
    ("к 1 сентября", "before", None, "2021-09-01", None),
    ("в срок до 1 сентября", "before", None, "2021-09-01", None),
    ("не позже 10 августа", "before", None, "2021-08-10", None),
    ("в срок не позднее 15 мая", "before", None, "2021-05-15", None),
    ("не позднее 15.05.2021", "before", None, "2021-05-15", None),
    ("до 15.05.2021 г.", "before", None, "2021-05-15", None),
    ("до 15 мая 2021 года", "before", None, "2021-05-15", None),
    ("до 15 мая (включительно)", "before", None, "2021-05-15", None),
    ("до 15 мая включительно", "before", None, "2021-05-15", None),
    ("До 1 июня", "before", None, "2021-06-01", None),
    ("до конца года", "before", None, "2021-12-31", None),
    ("до конца 2021 года", "before", None, "2021-12-31", None),
    ("до конца III квартала", "before", None, "2021-09-30", None),
    ("до конца сентября", "before", None, "2021-09-30", None),
    ("до окончания февраля", "before", None, "2021-02-28", None),
    ("к концу июня", "before", None, "2021-06-30", None),
    ("не позднее сентября", "before", None, "2021-09-30", None),
    ("не позднее III квартала", "before", None, "2021-09-30", None),
    ("до 01 марта (после утверждения)", "before", None, "2021-03-01", None),
    # ---- after
    ("с 01 сентября", "after", "2021-09-01", None, None),
    ("с 10 сентября", "after", "2021-09-10", None, None),
    ("с 1 сентября 2021 г.", "after", "2021-09-01", None, None),
    ("начиная с 1 сентября", "after", "2021-09-01", None, None),
    ("не ранее 1 сентября", "after", "2021-09-01", None, None),
    ("с 01.09.2021", "after", "2021-09-01", None, None),
    ("с сентября", "after", "2021-09-01", None, None),
    ("со 2 августа", "after", "2021-08-02", None, None),
    ("после 10 сентября", "after", "2021-09-11", None, None),
    # ---- recurring
    ("ежемесячно", "recurring", None, None, "monthly"),
    ("Ежемесячно", "recurring", None, None, "monthly"),
    ("ежемесячно.", "recurring", None, None, "monthly"),
    ("еженедельно", "recurring", None, None, "weekly"),
    ("ежеквартально", "recurring", None, None, "quarterly"),
    ("ежедневно", "recurring", None, None, "daily"),
    ("ежегодно", "recurring", None, None, "yearly"),
    ("по пятницам", "recurring", None, None, "weekly"),
    ("по понедельникам", "recurring", None, None, "weekly"),
    ("еженедельно по понедельникам", "recurring", None, None, "weekly"),
    ("еженедельно (по четвергам)", "recurring", None, None, "weekly"),
    ("до 5-го числа ежемесячно", "recurring", None, None, "monthly"),
    ("ежемесячно до 25 числа", "recurring", None, None, "monthly"),
    ("1 раз в месяц", "recurring", None, None, "monthly"),
    ("не реже 1 раза в месяц", "recurring", None, None, "monthly"),
    ("раз в квартал", "recurring", None, None, "quarterly"),
    ("не реже одного раза в квартал", "recurring", None, None, "quarterly"),
    ("2 раза в месяц", "recurring", None, None, "monthly"),
    ("дважды в неделю", "recurring", None, None, "weekly"),
    ("каждую пятницу", "recurring", None, None, "weekly"),
    ("каждый понедельник", "recurring", None, None, "weekly"),
    ("каждый месяц", "recurring", None, None, "monthly"),
    ("по рабочим дням", "recurring", None, None, "daily"),
    ("ежемесячные заседания", "recurring", None, None, "monthly"),
    ("постоянно, ежемесячно", "recurring", None, None, "monthly"),
    ("ежедневно в дни голосования", "recurring", None, None, "daily"),
    ("по мере необходимости, но не реже 1 раза в квартал", "recurring", None, None, "quarterly"),
    # ---- ongoing
    ("постоянно", "ongoing", None, None, None),
    ("Постоянно", "ongoing", None, None, None),
    ("постоянно.", "ongoing", None, None, None),
    ("на постоянной основе", "ongoing", None, None, None),
    ("в течение всего периода", "ongoing", None, None, None),
    ("в период избирательной кампании", "ongoing", None, None, None),
    ("в течение избирательной кампании", "ongoing", None, None, None),
    ("в течение всей избирательной кампании", "ongoing", None, None, None),
    ("в ходе избирательной кампании", "ongoing", None, None, None),
    ("в течение всего периода избирательной кампании", "ongoing", None, None, None),
    ("весь период", "ongoing", None, None, None),
    ("регулярно", "ongoing", None, None, None),
    ("систематически", "ongoing", None, None, None),
    ("в период выборов", "ongoing", None, None, None),
    ("в период проведения выборов", "ongoing", None, None, None),
    ("постоянно, в период избирательной кампании", "ongoing", None, None, None),
    # ---- as needed
    ("по мере необходимости", "as_needed", None, None, None),
    ("по мере подготовки направлений", "as_needed", None, None, None),
    ("по отдельному плану", "as_needed", None, None, None),
    ("по графику", "as_needed", None, None, None),
    ("по согласованию", "as_needed", None, None, None),
    ("по мере поступления заявок", "as_needed", None, None, None),
    ("по отдельному графику", "as_needed", None, None, None),
    ("по плану", "as_needed", None, None, None),
    ("по запросу", "as_needed", None, None, None),
    ("при необходимости", "as_needed", None, None, None),
    ("в случае необходимости", "as_needed", None, None, None),
    ("по согласованию с избирательной комиссией", "as_needed", None, None, None),
    ("по графику ЦИК", "as_needed", None, None, None),
    ("в соответствии с планом", "as_needed", None, None, None),
    ("согласно графику", "as_needed", None, None, None),
    ("по мере поступления обращений", "as_needed", None, None, None),
    ("по приглашению", "as_needed", None, None, None),
    ("По мере необходимости.", "as_needed", None, None, None),
    ("по графику, март-июнь", "range", "2021-03-01", "2021-06-30", None),
    # ---- unspecified
    ("", "unspecified", None, None, None),
    (" ", "unspecified", None, None, None),
    ("\t", "unspecified", None, None, None),
    ("\n", "unspecified", None, None, None),
    ("\u00a0", "unspecified", None, None, None),
    ("-", "unspecified", None, None, None),
    ("—", "unspecified", None, None, None),
    # ---- unparsed: no guessed dates
    ("вторая декада", "unparsed", None, None, None),
    ("в течение месяца после утверждения", "unparsed", None, None, None),
    ("до мая", "unparsed", None, None, None),
    ("до 2022 года", "unparsed", None, None, None),
    ("32 марта", "unparsed", None, None, None),
    ("31.02.2021", "unparsed", None, None, None),
    ("31.04.2021", "unparsed", None, None, None),
    ("29 февраля", "unparsed", None, None, None),
    ("01.13.2021", "unparsed", None, None, None),
    ("01.03.1890", "unparsed", None, None, None),
    ("01.01.2150", "unparsed", None, None, None),
    ("по итогам", "unparsed", None, None, None),
    ("накануне дня голосования", "unparsed", None, None, None),
    ("за 10 дней до дня голосования", "unparsed", None, None, None),
    ("после утверждения плана", "unparsed", None, None, None),
    ("15", "unparsed", None, None, None),
    ("2 недели", "unparsed", None, None, None),
    ("abc", "unparsed", None, None, None),
    ("??", "unparsed", None, None, None),
    ("в течение 10 дней", "unparsed", None, None, None),
    ("до 5 числа", "unparsed", None, None, None),
    ("весна 2021", "unparsed", None, None, None),
    ("конец мая", "unparsed", None, None, None),
    ("в начале сентября", "unparsed", None, None, None),
    ("первая половина сентября", "unparsed", None, None, None),
    ("5 квартал", "unparsed", None, None, None),
    ("4 декада мая", "unparsed", None, None, None),
    ("3 полугодие", "unparsed", None, None, None),
    ("март, 15-17 апреля", "unparsed", None, None, None),
    ("в дни голосования", "range", "2021-09-17", "2021-09-19", None),  # from the calendar of 2021
    # ---- more real-world typography
    ("До 01.03.2021г.", "before", None, "2021-03-01", None),
    ("01.03.2021-15.06.2021", "range", "2021-03-01", "2021-06-15", None),
    ("с 01.03. по 15.06.2021 г.", "range", "2021-03-01", "2021-06-15", None),
    ("август, сентябрь 2021", "range", "2021-08-01", "2021-09-30", None),
    ("в течение I полугодия", "range", "2021-01-01", "2021-06-30", None),
    ("в течение июля-августа", "range", "2021-07-01", "2021-08-31", None),
    ("июль – август\n2021 года", "range", "2021-07-01", "2021-08-31", None),
    ("Сентябрь\n2021 г.", "range", "2021-09-01", "2021-09-30", None),
    ("1-15 сентября", "range", "2021-09-01", "2021-09-15", None),
    ("II-IV кварталы", "range", "2021-04-01", "2021-12-31", None),
    ("15.09.2021\n(по согласованию)", "date", "2021-09-15", "2021-09-15", None),
    ("1 раз в неделю", "recurring", None, None, "weekly"),
    ("до 20 числа каждого месяца", "recurring", None, None, "monthly"),
    ("по мере необходимости (ежемесячно)", "recurring", None, None, "monthly"),
    ("в течение 3 дней", "unparsed", None, None, None),
    ("не позднее 3 дней до дня голосования", "unparsed", None, None, None),
]

# The deadline cells of the two real plans, with their own contexts.
CASES_KHABAROVSK = [
    ("до 01 марта", "before", None, "2021-03-01", None),
    ("до 01 февраля", "before", None, "2021-02-01", None),
    ("01 марта", "date", "2021-03-01", "2021-03-01", None),
    ("до 10 февраля", "before", None, "2021-02-10", None),
    ("ежемесячно", "recurring", None, None, "monthly"),
    ("постоянно", "ongoing", None, None, None),
    ("до 10 марта", "before", None, "2021-03-10", None),
    ("15-16 марта", "range", "2021-03-15", "2021-03-16", None),
    ("июль", "range", "2021-07-01", "2021-07-31", None),
    ("март-июнь", "range", "2021-03-01", "2021-06-30", None),
    ("март-август", "range", "2021-03-01", "2021-08-31", None),
    ("по отдельному плану", "as_needed", None, None, None),
    ("", "unspecified", None, None, None),
    ("август-сентябрь", "range", "2021-08-01", "2021-09-30", None),
    ("до 12 сентября", "before", None, "2021-09-12", None),
    ("по мере подготовки направлений", "as_needed", None, None, None),
    ("с 01 сентября", "after", "2021-09-01", None, None),
    ("17-19 сентября", "range", "2021-09-17", "2021-09-19", None),
    ("с 10 сентября", "after", "2021-09-10", None, None),
    ("июль-сентябрь", "range", "2021-07-01", "2021-09-30", None),
    # event words resolve to the plan's voting days
    ("в дни голосования", "range", "2021-09-17", "2021-09-19", None),
    ("в день голосования", "range", "2021-09-17", "2021-09-19", None),
    ("единый день голосования", "range", "2021-09-17", "2021-09-19", None),
    ("дни голосования", "range", "2021-09-17", "2021-09-19", None),
    ("в единый день голосования", "range", "2021-09-17", "2021-09-19", None),
    ("день голосования", "range", "2021-09-17", "2021-09-19", None),
    ("в последний день голосования", "date", "2021-09-19", "2021-09-19", None),
    ("последний день голосования", "date", "2021-09-19", "2021-09-19", None),
    ("в первый день голосования", "date", "2021-09-17", "2021-09-17", None),
    ("в первом дне голосования", "date", "2021-09-17", "2021-09-17", None),
    ("ЕДГ", "range", "2021-09-17", "2021-09-19", None),
    ("в период голосования", "range", "2021-09-17", "2021-09-19", None),
    ("в день выборов", "range", "2021-09-17", "2021-09-19", None),
    ("в день (дни) голосования", "range", "2021-09-17", "2021-09-19", None),
    ("в дни голосования 17-19 сентября", "range", "2021-09-17", "2021-09-19", None),
    ("в день голосования (19 сентября)", "date", "2021-09-19", "2021-09-19", None),
    ("с 01 сентября по день голосования", "range", "2021-09-01", "2021-09-19", None),
    ("до дня голосования", "before", None, "2021-09-17", None),
    ("после дня голосования", "after", "2021-09-20", None, None),
]

CASES_KUZBASS = [
    ("15.02. -15.03.2021", "range", "2021-02-15", "2021-03-15", None),
    ("10.02. – 15.02.2021", "range", "2021-02-10", "2021-02-15", None),
    ("18.02.2021", "date", "2021-02-18", "2021-02-18", None),
    ("ежемесячно", "recurring", None, None, "monthly"),
    ("до 01.04.2021", "before", None, "2021-04-01", None),
    ("01.03. – 15.06.2021", "range", "2021-03-01", "2021-06-15", None),
    ("15.03. – 01.06.2021", "range", "2021-03-15", "2021-06-01", None),
    ("19.02. – 01.03.2021", "range", "2021-02-19", "2021-03-01", None),
    ("на постоянной основе", "ongoing", None, None, None),
    ("15.03. – 15.04.2021", "range", "2021-03-15", "2021-04-15", None),
    ("01.04. – 31.05.2021", "range", "2021-04-01", "2021-05-31", None),
    ("01.04. – 15.06.2021", "range", "2021-04-01", "2021-06-15", None),
    ("15.06. – 30.09.2021", "range", "2021-06-15", "2021-09-30", None),
    ("18.02. – 30.09.2021", "range", "2021-02-18", "2021-09-30", None),
    ("30.09.2021", "date", "2021-09-30", "2021-09-30", None),
]

# A plan approved 20.11.2017 for the presidential election of 18.03.2018: year-less dates fall in the campaign.
CASES_CAMPAIGN_2018 = [
    ("январь – март", "range", "2018-01-01", "2018-03-31", None),
    ("ноябрь", "range", "2017-11-01", "2017-11-30", None),
    ("ноябрь – январь", "range", "2017-11-01", "2018-01-31", None),
    ("декабрь", "range", "2017-12-01", "2017-12-31", None),
    ("февраль", "range", "2018-02-01", "2018-02-28", None),
    ("I квартал", "range", "2018-01-01", "2018-03-31", None),
    ("до 15 января", "before", None, "2018-01-15", None),
    ("15 декабря", "date", "2017-12-15", "2017-12-15", None),
    ("с 1 декабря", "after", "2017-12-01", None, None),
    ("декабрь – февраль", "range", "2017-12-01", "2018-02-28", None),
    ("март 2018 г.", "range", "2018-03-01", "2018-03-31", None),
    ("в течение года", "range", "2018-01-01", "2018-12-31", None),
    ("в день голосования", "range", "2018-03-18", "2018-03-18", None),
    ("до дня голосования", "before", None, "2018-03-18", None),
    ("с 1 декабря по день голосования", "range", "2017-12-01", "2018-03-18", None),
]

CASES_OTHER = [
    (Y24, "в дни голосования", "range", "2024-09-06", "2024-09-08", None),
    (Y24, "29 февраля", "date", "2024-02-29", "2024-02-29", None),
    (PlanContext(plan_year=2030), "в дни голосования", "unparsed", None, None, None),
    (NONE, "в дни голосования", "unparsed", None, None, None),
    (NONE, "01 марта", "unparsed", None, None, None),
    (NONE, "01.03.2021", "date", "2021-03-01", "2021-03-01", None),
    (NONE, "март 2021", "range", "2021-03-01", "2021-03-31", None),
    (NONE, "постоянно", "ongoing", None, None, None),
    (NONE, "", "unspecified", None, None, None),
    (VOTING_ONLY, "01 марта", "date", "2021-03-01", "2021-03-01", None),
    (VOTING_ONLY, "в дни голосования", "range", "2021-09-17", "2021-09-19", None),
    (PlanContext(plan_year=2100), "декабрь – январь", "unparsed", None, None, None),
    (PlanContext(plan_year=2100), "после 31 декабря", "unparsed", None, None, None),
]

ALL_CASES = (
    [(Y21, *row) for row in CASES_2021]
    + [(KHABAROVSK, *row) for row in CASES_KHABAROVSK]
    + [(KUZBASS, *row) for row in CASES_KUZBASS]
    + [(CAMPAIGN_2018, *row) for row in CASES_CAMPAIGN_2018]
    + CASES_OTHER
)


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@pytest.mark.parametrize(("context", "raw", "kind", "start", "end", "recurrence"), ALL_CASES)
def test_case_table(context, raw, kind, start, end, recurrence):
    deadline = normalize_deadline(raw, context)
    found = (deadline.kind, iso(deadline.start), iso(deadline.end), deadline.recurrence)
    assert found == (kind, start, end, recurrence), deadline.warnings
    assert deadline.raw == raw
    if kind == "unparsed":
        assert deadline.warnings, "an unparsed cell must say why"


def test_the_table_is_long():
    assert len({raw for _, raw, *_ in ALL_CASES}) >= 200


# (context, raw, field, expected) — the other fields of a Deadline
DETAILS = [
    (Y21, "8, 9, 10 сентября", "dates", [date(2021, 9, 8), date(2021, 9, 9), date(2021, 9, 10)]),
    (Y21, "8 и 9 сентября", "dates", [date(2021, 9, 8), date(2021, 9, 9)]),
    (Y21, "апрель, май", "dates", []),
    (Y21, "17-19 сентября", "dates", []),
    (Y21, "18.02.2021", "precision", "day"),
    (Y21, "1-я декада сентября", "precision", "decade"),
    (Y21, "июль", "precision", "month"),
    (Y21, "март-июнь", "precision", "month"),
    (Y21, "III квартал", "precision", "quarter"),
    (Y21, "1 полугодие", "precision", "half"),
    (Y21, "в течение года", "precision", "year"),
    (Y21, "до конца мая", "precision", "month"),
    (Y21, "март – 15 апреля", "precision", "month"),
    (Y21, "ежемесячно", "precision", None),
    (Y21, "18.02.2021", "year_source", "explicit"),
    (Y21, "15.02. -15.03.2021", "year_source", "explicit"),
    (Y21, "30 сентября", "year_source", "plan"),
    (Y21, "постоянно", "year_source", None),
    (CAMPAIGN_2018, "ноябрь", "year_source", "campaign"),
    (CAMPAIGN_2018, "январь – март", "year_source", "campaign"),
    (KHABAROVSK, "в дни голосования", "year_source", "voting_days"),
    (KHABAROVSK, "в дни голосования", "anchor", "voting_days"),
    (KHABAROVSK, "в день голосования", "precision", "day"),
    (KHABAROVSK, "17-19 сентября", "anchor", None),
    (Y21, "в дни голосования", "anchor", "voting_days"),
    (VOTING_ONLY, "01 марта", "year_source", "campaign"),
]


@pytest.mark.parametrize(("context", "raw", "field", "expected"), DETAILS)
def test_details(context, raw, field, expected):
    assert getattr(normalize_deadline(raw, context), field) == expected


# (context, raw, a warning that must be there, as its Russian text — or None for "no warnings at all")
WARNINGS = [
    (KHABAROVSK, "до 01 февраля", "срок раньше даты утверждения плана 05.02.2021"),
    (KHABAROVSK, "15.01. – 15.03.2021", "начало раньше даты утверждения плана 05.02.2021"),
    (KHABAROVSK, "до 01 марта", None),
    (KHABAROVSK, "17-19 сентября", None),
    (Y21, "в течение 2024 года", "год 2024 отстоит от года плана 2021 больше чем на 2"),
    (Y21, "01.03.2030", "год 2030 отстоит от года плана 2021 больше чем на 2"),
    (Y21, "15.03.2021 - 15.02.2021", "окончание раньше начала"),
    (Y21, "20-10 марта", "окончание раньше начала"),
    (Y21, "до 01 марта (после утверждения)", "не учтено: «(после утверждения)»"),
    (Y21, "по графику, март-июнь", "не учтено: «по графику»"),
    (Y21, "ежедневно в дни голосования", "даты рядом с повторяемостью не сохранены: «в дни голосования»"),
    (Y21, "в дни голосования", None),  # calendar days are the record's fact, not a doubt about the cell
    (KHABAROVSK, "в день голосования (19 сентября)", "даты не совпадают с днями голосования 17.09.2021–19.09.2021"),
    (Y21, "до мая", "«до» и месяц: до его начала или до конца? (напишите «до конца …» или число)"),
    (Y21, "вторая декада", "декада без месяца"),
    (Y21, "31.02.2021", "такой даты нет: 31.02"),
    (Y21, "29.02.2021", "такой даты нет: 29.02.2021"),
    (Y21, "01.03.1890", "год 1890 вне 1990–2100"),
    (NONE, "01 марта", "в сроке нет года, и год плана неизвестен"),
    (
        Y21,
        "в течение месяца после утверждения",
        "не понято: «в течение месяца после утверждения»; незнакомые слова: месяца, утверждения",
    ),
    (Y21, "с 1 марта по", "не понято: «с 1 марта по»"),
]


@pytest.mark.parametrize(("context", "raw", "warning"), WARNINGS)
def test_warnings(context, raw, warning):
    warnings = [w.text for w in normalize_deadline(raw, context).warnings]
    assert warning in warnings if warning else warnings == []


def test_kept_when_suspicious():
    """A doubtful date is kept as written, only flagged."""
    deadline = normalize_deadline("15.03.2021 - 15.02.2021", Y21)
    assert (deadline.start, deadline.end) == (date(2021, 3, 15), date(2021, 2, 15))


def test_repeated_cells_come_from_the_cache_as_copies():
    first = normalize_deadline("до 01 марта", KHABAROVSK)
    first.warnings.append("changed by a caller")
    hits = cached_deadline.cache_info().hits
    second = normalize_deadline("до 01 марта", KHABAROVSK)
    assert cached_deadline.cache_info().hits == hits + 1
    assert second.warnings == []


def test_odd_arguments_do_not_raise():
    assert normalize_deadline(None, Y21).kind == "unspecified"
    assert normalize_deadline(20210301, Y21).kind == "unparsed"
    assert normalize_deadline("01.03.2021", None).kind == "date"


# ---------------------------------------------------------------- properties

KINDS = {"date", "range", "before", "after", "recurring", "ongoing", "as_needed", "unspecified", "unparsed"}
REAL_CELLS = sorted({raw for _, raw, *_ in ALL_CASES if raw.strip()})
contexts = st.builds(
    PlanContext,
    plan_year=st.none() | st.integers(1980, 2110),
    approved_on=st.none() | st.dates(date(1985, 1, 1), date(2105, 12, 31)),
    voting_start=st.none() | st.dates(date(1985, 1, 1), date(2105, 12, 31)),
    voting_end=st.none() | st.dates(date(1985, 1, 1), date(2105, 12, 31)),
)


def assert_well_formed(deadline, raw):
    assert deadline.kind in KINDS
    assert deadline.raw == raw
    for day in (deadline.start, deadline.end, *deadline.dates):
        assert day is None or 1990 <= day.year <= 2100
    if deadline.start and deadline.end and deadline.end < deadline.start:
        assert "deadline.end_before_start" in [m.code for m in deadline.warnings]
    if deadline.kind == "unparsed":
        assert (deadline.start, deadline.end, deadline.dates) == (None, None, []) and deadline.warnings


@settings(max_examples=400, deadline=None)
@given(raw=st.text(max_size=80), context=contexts)
def test_any_text_never_raises(raw, context):
    assert_well_formed(normalize_deadline(raw, context), raw)


@st.composite
def mangled_cells(draw):
    """A real cell with characters inserted, deleted, swapped or its digits changed."""
    cell = draw(st.sampled_from(REAL_CELLS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(cell)))
        edit = draw(st.sampled_from(["insert", "delete", "digit", "upper", "dash"]))
        if edit == "insert":
            cell = (
                cell[:at] + draw(st.text(alphabet=" .,-–—()0123456789гв", min_size=1, max_size=3)) + cell[at:]
            )
        elif edit == "delete":
            cell = cell[:at] + cell[at + draw(st.integers(1, 3)) :]
        elif edit == "digit":
            cell = cell[:at] + str(draw(st.integers(0, 99))) + cell[at:]
        elif edit == "upper":
            cell = cell.upper()
        else:
            cell = cell.replace("-", draw(st.sampled_from(["–", "—", "‑", " - ", "‒"])))
    return cell


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=mangled_cells(), context=st.sampled_from([Y21, KHABAROVSK, CAMPAIGN_2018, NONE]) | contexts)
def test_mangled_real_cells_never_raise(raw, context):
    assert_well_formed(normalize_deadline(raw, context), raw)
