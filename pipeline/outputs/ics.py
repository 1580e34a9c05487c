"""`deadlines.ics`: the days a person acts on, as all-day events for a calendar application.

A plan's deadline becomes what is worth a reminder: a date is that day; «до 10 марта» is an event on the
10th (the day it is due); «с 1 сентября» is one on the 1st (the day it starts); a short period (up to two
weeks) spans its days; a long one («в течение года», «март – июнь») is two one-day events, its start and its
end, so a subscribed calendar is not covered with bars. Every event reminds the day before (09:00), is
filed under the activity's category in Russian and says in its description the region, the deadline as
written, who is responsible and where in which file it comes from. Undated activities (regular, as
needed …) are left out.

Written as text (RFC 5545: escaped values, lines folded at 75 octets) — a thousand times faster than
building the icalendar library's objects for 40,000 activities; the tests read it back with that library."""

from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from pipeline.outputs.labels import KIND_LABELS, category_label, region_of, russian_date
from pipeline.outputs.plans import dated_span, run_moment
from schemas import Activity, DocumentRecord

FILE_NAME = "deadlines.ics"
PRODID = "-//Svodka//Сводка планов общественных штабов//RU"
CALENDAR_NAME = "Сроки планов общественных штабов"
SHORT_RANGE_DAYS = 14  # a period up to two weeks is one event over its days; a longer one, its start and end
REMINDER = "-PT15H"  # all-day events start at 00:00: fifteen hours earlier is 09:00 the day before
EVENT_WORDS = {"start": "Начало", "end": "Окончание", "before": "Срок", "after": "Начало"}


def write_ics(release_dir: Path, activities: list[Activity], records: list[DocumentRecord], changes=()) -> Path:
    """`changes` (the writers' common signature) are not events: the calendar leaves them out."""
    stamp = run_moment(release_dir).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", folded(f"PRODID:{text(PRODID)}"), "VERSION:2.0", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", folded(f"X-WR-CALNAME:{text(CALENDAR_NAME)}")]
    for a in activities:
        events = activity_events(a)
        about = folded(f"DESCRIPTION:{text(description(a))}") if events else ""
        for uid, first, last, word in events:
            lines += event_lines(a, uid, first, last, word, stamp, about)
    lines.append("END:VCALENDAR")
    path = release_dir / FILE_NAME
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def activity_events(a: Activity) -> list[tuple[str, date, date, str | None]]:
    """(uid, first day, last day, what the day is) for each event an activity makes; none if undated."""
    span = dated_span(a)
    if not span:
        return []
    start, end = span
    uid = a.activity_id
    if a.deadline_kind == "before":
        return [(f"{uid}@svodka", end, end, "before")]
    if a.deadline_kind == "after":
        return [(f"{uid}@svodka", start, start, "after")]
    if start == end or (end - start).days < SHORT_RANGE_DAYS:
        return [(f"{uid}@svodka", start, end, None)]
    return [(f"{uid}-start@svodka", start, start, "start"), (f"{uid}-end@svodka", end, end, "end")]


def event_lines(a: Activity, uid: str, first: date, last: date, word: str | None, stamp: str,
                about: str) -> list[str]:
    """One VEVENT with its reminder; `about` is the activity's DESCRIPTION line, already folded."""
    title = f"{EVENT_WORDS[word]}: {a.title}" if word else a.title
    summary = text(f"{region_of(a)}: {title}")
    return ["BEGIN:VEVENT", folded(f"UID:{uid}"), f"DTSTAMP:{stamp}", f"DTSTART;VALUE=DATE:{ical_date(first)}",
            f"DTEND;VALUE=DATE:{ical_date(last + timedelta(days=1))}", folded(f"SUMMARY:{summary}"), about,
            folded(f"CATEGORIES:{text(category_label(a.category))}"), "TRANSP:TRANSPARENT", "BEGIN:VALARM",
            "ACTION:DISPLAY", folded(f"DESCRIPTION:Завтра — {summary}"), f"TRIGGER:{REMINDER}", "END:VALARM",
            "END:VEVENT"]


@lru_cache(maxsize=4096)
def ical_date(day: date) -> str:
    return day.isoformat().replace("-", "")


def description(a: Activity) -> str:
    where = ", ".join(f"{label} {value}" for label, value in
                      (("стр.", a.source_page), ("табл.", a.source_table), ("строка", a.source_row)) if value)
    span = dated_span(a)
    dates = russian_date(span[0]) if span[0] == span[1] else f"{russian_date(span[0])} – {russian_date(span[1])}"
    return "\n".join([
        f"Регион: {region_of(a)}",
        f"Срок в плане: «{a.deadline_raw}» ({KIND_LABELS[a.deadline_kind]}: {dates})",
        f"Ответственные: {a.responsible_raw or 'не указаны'}",
        f"Источник: {a.source_file}{', ' + where if where else ''}",
    ])


def text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
            .replace("\n", "\\n"))


def folded(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space, never inside a character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    pieces, start, limit = [], 0, 75
    while len(data) - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: the character began earlier
            cut -= 1
        pieces.append(data[start:cut])
        start, limit = cut, 74  # a continuation line starts with the space
    pieces.append(data[start:])
    return b"\r\n ".join(pieces).decode("utf-8")
