"""A spreadsheet cell's value as Excel shows it: `deadline_raw` keeps what the sender saw («15.03.2024»,
«01.02.23»), not the stored serial number or an ISO date.

openpyxl gives a `datetime` only because of the cell's number format, and the format is also what says
how it is displayed, so the display is rebuilt from it here: the date codes (d, m, y, h, s), literal text,
and the locale and colour tags that only change how Excel picks its words. Numbers in the General format
show as Russian Excel shows them (integers plain, a decimal comma).
"""

import re
from datetime import date, datetime, time, timedelta

DEFAULT_DATE_FORMAT = "DD.MM.YYYY"  # Russian Excel's short date, for books that keep no format (.xls)
SYSTEM_LONG_DATE = "D MMMM YYYY \"г.\""  # [$-F800]: «15 марта 2024 г.» on a Russian Windows
# What Russian Excel prints for MMMM (standalone, genitive after a day) and MMM: a display vocabulary,
# not the reading one (extractors/data/months.json).
MONTHS_NOMINATIVE = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
                     "октябрь", "ноябрь", "декабрь"]
MONTHS_GENITIVE = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                   "октября", "ноября", "декабря"]
MONTHS_SHORT = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]
WEEKDAYS = ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"]
WEEKDAYS_SHORT = ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"]

TOKEN = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.|yyyy|yyy|yy|y|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|'
                   r"am/pm|a/p|.", re.IGNORECASE)


def value_to_text(value, number_format: str | None) -> str:
    """A cell's display text; strings stay exactly as typed."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "ИСТИНА" if value else "ЛОЖЬ"
    if isinstance(value, datetime | date):
        return date_to_text(value, number_format)
    if isinstance(value, time):
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, int | float):
        return number_to_text(value, number_format)
    return str(value)


def number_to_text(value: float, number_format: str | None) -> str:
    """General and plain number formats; «0.00» keeps its decimals. Decimal comma, as in Russian Excel."""
    decimals = re.search(r"0[.,](0+)", number_format or "")
    if decimals:
        return f"{value:.{len(decimals.group(1))}f}".replace(".", ",")
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value)).replace(".", ",")


def date_to_text(value: date, number_format: str | None) -> str:
    fmt = (number_format or "").split(";")[0]
    if "[$-F800]" in fmt.upper():
        fmt = SYSTEM_LONG_DATE
    if not re.search(r"[dmy]", strip_literals(fmt), re.IGNORECASE):
        fmt = DEFAULT_DATE_FORMAT  # «General» or a number format on a date: Excel would show the serial
    tokens = TOKEN.findall(fmt)
    has_day = any(t.lower().startswith("d") for t in tokens)
    return "".join(token_to_text(t, i, tokens, value, has_day) for i, t in enumerate(tokens))


def strip_literals(fmt: str) -> str:
    return re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", fmt)


def token_to_text(token: str, index: int, tokens: list[str], value: date, has_day: bool) -> str:
    low = token.lower()
    if token.startswith('"'):
        return token[1:-1]
    if token.startswith("\\"):
        return token[1:]
    if token.startswith(("[", "_", "*")):
        return ""  # locale, colour, padding: they change how Excel draws, not the text
    moment = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
    if low.startswith("y"):  # Excel: y and yy give two digits, yyy and yyyy four
        return f"{moment.year:04d}" if len(low) > 2 else f"{moment.year % 100:02d}"
    if low.startswith("m") and is_minutes(index, tokens):
        return f"{moment.minute:02d}" if low == "mm" else str(moment.minute)
    if low in ("m", "mm", "mmm", "mmmm"):
        return month_to_text(moment.month, low, has_day)
    if low in ("d", "dd"):
        return f"{moment.day:0{len(low)}d}"
    if low in ("ddd", "dddd"):
        return (WEEKDAYS_SHORT if low == "ddd" else WEEKDAYS)[moment.weekday()]
    if low in ("h", "hh"):
        return f"{moment.hour:0{len(low)}d}"
    if low in ("s", "ss"):
        return f"{moment.second:0{len(low)}d}"
    if low in ("am/pm", "a/p"):
        return ""
    return token


def month_to_text(month: int, token: str, has_day: bool) -> str:
    if token == "m":
        return str(month)
    if token == "mm":
        return f"{month:02d}"
    if token == "mmm":
        return MONTHS_SHORT[month - 1]
    return MONTHS_GENITIVE[month - 1] if has_day else MONTHS_NOMINATIVE[month - 1].capitalize()


def is_minutes(index: int, tokens: list[str]) -> bool:
    """Excel reads «m» as minutes right after an hour or right before seconds."""
    codes = [(i, t.lower()) for i, t in enumerate(tokens) if re.fullmatch(r"[hmsdy]+", t, re.IGNORECASE)]
    position = next(n for n, (i, _) in enumerate(codes) if i == index)
    before = codes[position - 1][1] if position > 0 else ""
    after = codes[position + 1][1] if position + 1 < len(codes) else ""
    return before.startswith("h") or after.startswith("s")
