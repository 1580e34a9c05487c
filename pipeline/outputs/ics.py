"""`deadlines.ics`: every dated activity as an all-day event, for a calendar application.

A date is one day, a period spans its days (DTEND is the day after the last, as iCalendar wants), «до …» sits
on its due day and «с …» on its first day. Undated activities (regular, as needed …) are left out."""

from datetime import datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from pipeline.outputs.labels import KIND_LABELS, region_of, russian_date
from pipeline.outputs.plans import dated_span, run_moment
from schemas import Activity, DocumentRecord

FILE_NAME = "deadlines.ics"
PRODID = "-//Svodka//Сводка планов общественных штабов//RU"


def write_ics(release_dir: Path, activities: list[Activity], records: list[DocumentRecord]) -> Path:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Сроки планов общественных штабов")
    moment = run_moment(release_dir)
    for a in activities:
        if dated_span(a):
            calendar.add_component(activity_to_event(a, moment))
    path = release_dir / FILE_NAME
    path.write_bytes(calendar.to_ical())
    return path


def activity_to_event(a: Activity, moment: datetime) -> Event:
    start, end = dated_span(a)
    event = Event()
    event.add("uid", f"{a.activity_id}@svodka")
    event.add("dtstamp", a.processed_at or moment)
    event.add("dtstart", start)
    event.add("dtend", end + timedelta(days=1))
    event.add("summary", f"{region_of(a)}: {a.title}")
    event.add("description", event_description(a))
    event.add("categories", [a.category])
    event.add("transp", "TRANSPARENT")
    return event


def event_description(a: Activity) -> str:
    where = ", ".join(f"{label} {value}" for label, value in
                      (("стр.", a.source_page), ("табл.", a.source_table), ("строка", a.source_row)) if value)
    lines = [
        f"Регион: {region_of(a)}",
        f"Срок в плане: «{a.deadline_raw}» ({KIND_LABELS[a.deadline_kind]}"
        f"{', ' + russian_date(a.deadline_end) if a.deadline_kind == 'before' else ''})",
        f"Ответственные: {a.responsible_raw or 'не указаны'}",
        f"Источник: {a.source_file}{', ' + where if where else ''}",
    ]
    return "\n".join(lines)
