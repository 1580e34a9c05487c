"""`svodka status`: the catalog for an admin — what came in when, what was quarantined and why, what
superseded what, and how the recent runs ended and how long they took. Times are shown in the machine's
time zone with its name; `--json` gives the same for scripts (ISO times with their offset, durations in
seconds)."""

import json
from datetime import UTC, datetime
from pathlib import Path

from pipeline.catalog import Catalog
from pipeline.night import CATALOG_NAME
from schemas.messages import message

RUNS_SHOWN = 10


def read_catalog(out_dir: Path) -> tuple[Path, list[dict], list[dict]] | None:
    path = out_dir / CATALOG_NAME
    if not path.exists():
        return None
    catalog = Catalog(path)
    try:
        return path, catalog.files(), catalog.runs()
    finally:
        catalog.close()


def last_turned_away(path: Path, runs: list[dict]) -> list[tuple]:
    """The inbox entries the last run did not read (waiting, refused at the door), with why."""
    if not runs:
        return []
    catalog = Catalog(path)
    try:
        return catalog.turned_away_in(runs[-1]["run_id"])
    finally:
        catalog.close()


def status_to_text(out_dir: Path) -> str:
    found = read_catalog(out_dir)
    if found is None:
        return message("cli.no_catalog", out_dir=out_dir).text
    path, files, runs = found
    lines = [f"Каталог {path}: файлов {len(files)}, прогонов {len(runs)}", "", "Файлы:"]
    for f in files:
        extra = f" → заменён {f['superseded_by'][:12]}…" if f["superseded_by"] else ""
        lines.append(f"  {local_time(f['first_seen_at'])}  {f['status'] or 'не разобран':<11} {f['source_file']}"
                     f"  [{f['document_id'][:12]}]{extra}")
        if f["reason"]:
            lines.append(f"      причина: {f['reason']}")
    turned_away = last_turned_away(path, runs)
    if turned_away:
        lines += ["", "Не прочитаны при последнем прогоне:"]
        lines += [f"  {status:<11} {name}\n      причина: {reason}" for name, status, reason in turned_away]
    lines += ["", f"Прогоны (последние {min(len(runs), RUNS_SHOWN)}):"]
    lines += [run_line(run) for run in runs[-RUNS_SHOWN:]]
    return "\n".join(lines)


def run_line(run: dict) -> str:
    seconds = duration_seconds(run)
    took = f", длился {duration_words(seconds)}" if seconds is not None else ", не закончен"
    return (f"  {run['run_id']}  начат {local_time(run['started_at'])}{took}; файлов {run['files_seen']}, "
            f"разобрано {run['parsed']}: {run['outcome']}")


def status_to_json(out_dir: Path) -> str:
    found = read_catalog(out_dir)
    if found is None:
        return json.dumps({"error": message("cli.no_catalog", out_dir=out_dir).text}, ensure_ascii=False)
    path, files, runs = found
    return json.dumps({
        "catalog": str(path),
        "time_zone": datetime.now().astimezone().tzname(),
        "files": [{**f, "first_seen_at": aware(f["first_seen_at"]), "last_seen_at": aware(f["last_seen_at"])}
                  for f in files],
        "runs": [{"run_id": r["run_id"], "started_at": aware(r["started_at"]), "finished_at": aware(r["finished_at"]),
                  "duration_seconds": duration_seconds(r), "files_seen": r["files_seen"], "parsed": r["parsed"],
                  "outcome": r["outcome"], "summary": json.loads(r["summary_json"]) if r["summary_json"] else None}
                 for r in runs],
    }, ensure_ascii=False, indent=2)


def parsed_time(stamp: str | None) -> datetime | None:
    """Catalog times are ISO strings; older ones may lack a zone, and they were written in UTC."""
    if not stamp:
        return None
    moment = datetime.fromisoformat(stamp)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def aware(stamp: str | None) -> str | None:
    moment = parsed_time(stamp)
    return moment.isoformat() if moment else None


def local_time(stamp: str | None) -> str:
    """«01.12.2026 09:57:15 MSK»: the moment in the machine's zone, with the zone's name (or offset)."""
    moment = parsed_time(stamp)
    if moment is None:
        return "—"
    local = moment.astimezone()
    return local.strftime("%d.%m.%Y %H:%M:%S ") + (local.tzname() or local.strftime("%z"))


def duration_seconds(run: dict) -> float | None:
    started, finished = parsed_time(run["started_at"]), parsed_time(run["finished_at"])
    return round((finished - started).total_seconds(), 1) if started and finished else None


def duration_words(seconds: float) -> str:
    """12.3 → «12,3 с»; 125 → «2 мин 05 с»; 3720 → «1 ч 02 мин»."""
    if seconds < 60:
        return f"{seconds:.1f} с".replace(".", ",")
    minutes, secs = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} мин {secs:02d} с"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} ч {minutes:02d} мин"
