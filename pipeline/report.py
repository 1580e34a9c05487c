"""The night in a few lines: documents by status (with reasons) and activities by region."""

from collections import Counter
from datetime import datetime

from pydantic import BaseModel

from schemas import CorrectionResult, DocumentRecord, Message

OUTCOME_WORDS = {"applied": "применено", "carried": "перенесено в новую редакцию", "orphaned": "осиротело",
                 "conflict": "не применено (значение изменилось)", "invalid": "не применено (ошибка)",
                 "dismissed": "сомнений снято"}


class NightSummary(BaseModel):
    run_id: str
    files_seen: int
    parsed: int
    documents_by_status: dict[str, int]
    activities_by_region: dict[str, int]
    activities_total: int
    not_ingested: list[tuple[str, str, str]]  # (file, status, reason)
    published: bool = True  # False when nothing changed and the current release was kept
    corrections_by_outcome: dict[str, int] = {}
    corrections_not_applied: list[tuple[str, int, str]] = []  # (file, row, why)
    notes: list[str] = []  # correction files that could not be read


def summarise(run_id: str, records: list[DocumentRecord], files_seen: int, parsed: int,
              published: bool = True, corrections: dict[int, CorrectionResult] | None = None,
              notes: list[Message] = ()) -> NightSummary:
    """Counts come from the records (each current document's activity_count), not from the activities."""
    by_region: Counter = Counter()
    for r in records:
        if r.status == "ingested":
            by_region[r.region_name or "регион не определён"] += r.activity_count
    return NightSummary(
        run_id=run_id, files_seen=files_seen, parsed=parsed,
        documents_by_status=dict(Counter(r.status for r in records)),
        activities_by_region=dict(sorted(by_region.items())), activities_total=sum(by_region.values()),
        not_ingested=[(r.source_file, r.status, r.reason or "") for r in records if r.status != "ingested"],
        published=published,
        corrections_by_outcome=dict(Counter(r.outcome for r in (corrections or {}).values())),
        corrections_not_applied=[(r.correction.file, r.correction.row, r.note.text)
                                 for r in (corrections or {}).values()
                                 if r.outcome in ("orphaned", "conflict", "invalid") and r.note],
        notes=[note.text for note in notes],
    )


def summary_to_text(summary: NightSummary) -> str:
    lines = [f"Файлов во входящих: {summary.files_seen}, разобрано заново: {summary.parsed}",
             "Документы: " + ", ".join(f"{k} — {v}" for k, v in sorted(summary.documents_by_status.items())),
             f"Мероприятий в наборе: {summary.activities_total}"
             + ("" if summary.published else " (ничего нового: опубликованный набор оставлен как был)")]
    lines += [f"  {region}: {count}" for region, count in summary.activities_by_region.items()]
    if summary.corrections_by_outcome:
        lines.append("Исправления: " + ", ".join(f"{OUTCOME_WORDS.get(k, k)} — {v}"
                                                  for k, v in sorted(summary.corrections_by_outcome.items())))
        lines += [f"  {file}, строка {row}: {why}" for file, row, why in summary.corrections_not_applied]
    lines += summary.notes
    if summary.not_ingested:
        lines.append("Не вошли в набор:")
        lines += [f"  {name} [{status}]: {reason}" for name, status, reason in summary.not_ingested]
    return "\n".join(lines)


def summary_to_line(summary: NightSummary, seconds: float) -> str:
    """One line for a log: when, which run, documents by status, activities, how long it took."""
    statuses = ", ".join(f"{k} {v}" for k, v in sorted(summary.documents_by_status.items())) or "документов нет"
    kept = "" if summary.published else " (ничего нового)"
    return (f"{datetime.now().astimezone():%d.%m.%Y %H:%M:%S %Z} прогон {summary.run_id}: файлов "
            f"{summary.files_seen}, разобрано {summary.parsed}; документы: {statuses}; мероприятий "
            f"{summary.activities_total}{kept}; " + f"{seconds:.1f} с".replace(".", ","))


def summary_to_markdown(summary: NightSummary) -> str:
    rows = "\n".join(f"| {name} | {status} | {reason} |" for name, status, reason in summary.not_ingested)
    regions = "\n".join(f"| {region} | {count} |" for region, count in summary.activities_by_region.items())
    statuses = ", ".join(f"**{k}**: {v}" for k, v in sorted(summary.documents_by_status.items()))
    return (f"# Svodka: ночной прогон {summary.run_id}\n\n{statuses}\n\n"
            f"| регион | мероприятий |\n|---|---|\n{regions}\n\n"
            f"| файл | статус | причина |\n|---|---|---|\n{rows or '| — | — | — |'}\n")
