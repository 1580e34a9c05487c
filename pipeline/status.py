"""`svodka status`: the catalog for an admin — what came in when, what was quarantined and why, what
superseded what, and how the recent runs ended."""

from pathlib import Path

from pipeline.catalog import Catalog
from pipeline.night import CATALOG_NAME


def status_to_text(out_dir: Path) -> str:
    path = out_dir / CATALOG_NAME
    if not path.exists():
        return f"В {out_dir} ещё нет каталога: запустите `svodka ingest … --out {out_dir}`"
    catalog = Catalog(path)
    try:
        files, runs = catalog.files(), catalog.runs()
        turned_away = catalog.turned_away_in(runs[-1][0]) if runs else []
    finally:
        catalog.close()
    lines = [f"Каталог {path}: файлов {len(files)}, прогонов {len(runs)}", "", "Файлы:"]
    for f in files:
        extra = f" → заменён {f['superseded_by'][:12]}…" if f["superseded_by"] else ""
        lines.append(f"  {f['first_seen_at'][:19]}  {f['status'] or 'не разобран':<11} {f['source_file']}"
                     f"  [{f['document_id'][:12]}]{extra}")
        if f["reason"]:
            lines.append(f"      причина: {f['reason']}")
    if turned_away:
        lines += ["", "Не прочитаны при последнем прогоне:"]
        lines += [f"  {status:<11} {name}\n      причина: {reason}" for name, status, reason in turned_away]
    lines += ["", "Прогоны:"]
    lines += [f"  {run_id}  начат {started[:19]}  файлов {seen}, разобрано {parsed}: {outcome}"
              for run_id, started, _finished, seen, parsed, outcome in runs[-10:]]
    return "\n".join(lines)
