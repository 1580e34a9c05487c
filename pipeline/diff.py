"""`svodka diff REGION [--year YEAR]`: what changed between the current plan of a region and the revision it
superseded — activities added, removed, and changed field by field — read from the release's `changes.jsonl`."""

import json
from datetime import date
from pathlib import Path

from extractors.regions import region_by_code
from pipeline.outputs.labels import FIELD_WORDS, russian_date
from pipeline.outputs.plans import CHANGES_FILE, read_changes
from schemas import Change
from schemas.errors import SvodkaError

# A moved deadline is told once, by its cell; its typed parts follow it.
SHOWN_WITH_DEADLINE = {"deadline_kind", "deadline_start", "deadline_end"}


class DiffError(SvodkaError):
    """The question could not be answered; the message says why, in Russian."""


def diff_text(out_dir: Path, region_name: str, year: int | None = None) -> str:
    region = region_by_code(region_name)
    if region is None:
        raise DiffError(f"Не знаю региона «{region_name}»: напишите название («Хабаровский край»), код "
                        "(RU-KHA) или номер (27)")
    changes = [c for c in all_changes(out_dir) if c.region_number == region.number]
    years = sorted({c.plan_year for c in changes if c.plan_year}, reverse=True)
    year = year or (years[0] if years else None)
    changes = [c for c in changes if c.plan_year == year]
    if not changes:
        return f"{region.name}: редакций плана{f' на {year} год' if year else ''} не было — сравнивать не с чем."
    latest = changes[-1].document_id
    changes = [c for c in changes if c.document_id == latest]
    names = document_names(out_dir)
    lines = [f"{region.name}, {year}: «{names.get(latest, latest[:12])}» заменил "
             f"«{names.get(changes[0].previous_document_id, changes[0].previous_document_id[:12])}»"]
    for kind, title, mark in (("added", "Добавлено", "+"), ("removed", "Удалено", "−"), ("changed", "Изменено", "~")):
        found = [c for c in changes if c.change == kind and c.field not in SHOWN_WITH_DEADLINE]
        lines.append(f"{title}: {len(found)}")
        lines += [f"  {mark} {change_words(c, changes)}" for c in found]
    return "\n".join(lines)


def change_words(c: Change, changes: list[Change]) -> str:
    if c.change != "changed":
        return c.title
    words = f"{c.title}: {FIELD_WORDS.get(c.field, c.field)} «{c.old or '—'}» → «{c.new or '—'}»"
    if c.field != "deadline_raw":
        return words
    moved = [m for m in changes if m.activity_key == c.activity_key and m.field in ("deadline_start", "deadline_end")]
    return words + "".join(f"; {FIELD_WORDS[m.field]} {day(m.old)} → {day(m.new)}" for m in moved)


def day(iso: str | None) -> str:
    return russian_date(date.fromisoformat(iso)) if iso else "—"


def all_changes(out_dir: Path) -> list[Change]:
    if not (out_dir / CHANGES_FILE).exists():
        raise DiffError(f"В {out_dir} нет {CHANGES_FILE}: сначала запустите `svodka ingest … --out {out_dir}`")
    return read_changes(out_dir)


def document_names(out_dir: Path) -> dict[str, str]:
    path = out_dir / "documents.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []
    return {row["document_id"]: row["source_file"] for row in rows}

