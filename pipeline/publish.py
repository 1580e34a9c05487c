"""Publish the dataset atomically. Each run writes a complete release into `releases/<id>/`, marks it
complete, then swaps the `current` symlink in one rename. The top-level files (`activities.jsonl` …) are
fixed symlinks through `current`, so a reader sees the old release or the new one, never a mix, and a
run that dies midway leaves the previous release in place; the next run clears the debris."""

import csv
import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from schemas import Activity, Change, DocumentRecord, Message

COMPLETE_MARK = ".complete"
FINGERPRINT = ".fingerprint"  # what the release was made from; an identical night publishes nothing
KEEP_RELEASES = 3


def release_fingerprint(records: list[DocumentRecord], version: str) -> str:
    """The records (statuses, processed_at …) and the pipeline version fully determine a release."""
    text = json.dumps([r.model_dump(mode="json") for r in records], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(f"{version}\n{text}".encode()).hexdigest()


def current_fingerprint(out_dir: Path) -> str | None:
    mark = out_dir / "current" / FINGERPRINT
    return mark.read_text() if mark.exists() else None


def publish_release(out_dir: Path, run_id: str, activities: list[Activity], records: list[DocumentRecord],
                    extra_writers=(), fingerprint: str = "", changes: list[Change] = ()) -> Path:
    """Write a release, swap it in, and return its folder. `extra_writers` add more outputs, each a callable
    `writer(release_dir, activities, records, changes)`; `changes` are what the current revisions changed
    against the ones they replaced (the review has them in memory: a writer need not read them back)."""
    releases = out_dir / "releases"
    release = releases / run_id
    clear_incomplete_releases(releases)
    release.mkdir(parents=True)
    write_jsonl(release / "activities.jsonl", activities)
    write_jsonl(release / "documents.jsonl", records)
    write_parquet(release / "activities.parquet", activities)
    write_csv(release / "activities.csv", activities)
    for writer in extra_writers:
        writer(release, activities, records, changes)
    (release / FINGERPRINT).write_text(fingerprint)
    (release / COMPLETE_MARK).write_text(datetime.now().isoformat())
    swap_current(out_dir, release)
    link_top_level(out_dir, sorted(p.name for p in release.iterdir() if not p.name.startswith(".")))
    prune_old_releases(releases, keep=release)
    return release


def write_jsonl(path: Path, rows: Iterable[BaseModel | dict]) -> Path:
    """One JSON object a line, in UTF-8 (Cyrillic as written, not as \\u escapes), on disk before the
    release is marked complete. Models are serialised by pydantic itself: json.dumps of their dicts took
    four times as long (1.7 s for the bench's 106,744 changes)."""
    with open(path, "wb") as f:
        for row in rows:
            f.write(row.model_dump_json().encode() if isinstance(row, BaseModel)
                    else json.dumps(row, ensure_ascii=False, default=str).encode())
            f.write(b"\n")
        f.flush()
        os.fsync(f.fileno())
    return path


# A message (schemas/messages.py) as a column: its code, its parameters and its Russian text.
MESSAGE = pa.struct([("code", pa.string()), ("params", pa.map_(pa.string(), pa.string())), ("text", pa.string())])
# A table a document's reading skipped (schemas.document.SkippedTable), and why.
SKIPPED_TABLE = pa.struct([("table", pa.int32()), ("page", pa.int32()), ("reason", MESSAGE),
                           ("may_hold_activities", pa.bool_())])


def activities_to_arrow(activities: list[Activity]) -> pa.Table:
    return models_to_arrow(Activity, activities)


def models_to_arrow(model: type[BaseModel], rows: list[BaseModel]) -> pa.Table:
    """Columns typed from the model's annotations, computed fields (a record's `reason`) included. Built
    column by column off the attributes; only a column of nested models (messages) goes through their
    dicts: dumping every row whole took 2.3 s for the bench's 106,744 changes, this takes a tenth."""
    annotations = {name: info.annotation for name, info in model.model_fields.items()}
    annotations |= {name: info.return_type for name, info in model.model_computed_fields.items()}
    schema = pa.schema([pa.field(name, arrow_type(kind)) for name, kind in annotations.items()])
    columns = [pa.array(column_values(rows, field.name, field.type), field.type) for field in schema]
    return pa.Table.from_arrays(columns, schema=schema)


def column_values(rows: list[BaseModel], name: str, kind: pa.DataType) -> list:
    values = [getattr(row, name) for row in rows]
    if not nests_structs(kind):
        return values
    return [v if v is None else [item.model_dump() for item in v] if isinstance(v, list) else v.model_dump()
            for v in values]


def nests_structs(kind: pa.DataType) -> bool:
    return pa.types.is_struct(kind) or (pa.types.is_list(kind) and pa.types.is_struct(kind.value_type))


def arrow_type(annotation) -> pa.DataType:
    text = str(annotation)
    if "Message]" in text:
        return pa.list_(MESSAGE)
    if "SkippedTable]" in text:
        return pa.list_(SKIPPED_TABLE)
    if "list[int]" in text:
        return pa.list_(pa.int32())
    if "float" in text:
        return pa.float64()
    if "list[datetime.date]" in text:
        return pa.list_(pa.date32())
    if "list[" in text:
        return pa.list_(pa.string())
    if "datetime.datetime" in text:
        return pa.timestamp("us", tz="UTC")
    if "datetime.date" in text:
        return pa.date32()
    if "int" in text:
        return pa.int32()
    return pa.string()


def write_parquet(path: Path, activities: list[Activity]) -> None:
    pq.write_table(activities_to_arrow(activities), path)


def csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Message):
        return value.text
    if isinstance(value, list):
        return "; ".join(csv_value(v) for v in value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def csv_field(value, csv_safe) -> str:
    """A number stays a number (an offset of «-3» days is not a formula); any text is made safe."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return csv_safe(csv_value(value))


def write_csv(path: Path, activities: list[Activity]) -> None:
    """UTF-8 with BOM so Excel shows Cyrillic; lists joined with «; »; every field quoted and no text
    able to start a formula (pipeline/outputs/safe_text.py)."""
    from pipeline.outputs.safe_text import csv_safe  # here: pipeline.outputs imports this module

    names = list(Activity.model_fields)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, quoting=csv.QUOTE_ALL)
        writer.writerow(names)
        for a in activities:
            writer.writerow([csv_field(getattr(a, n), csv_safe) for n in names])


def swap_current(out_dir: Path, release: Path) -> None:
    temporary = out_dir / ".current.tmp"
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    temporary.symlink_to(Path("releases") / release.name)
    os.replace(temporary, out_dir / "current")


def link_top_level(out_dir: Path, names: list[str]) -> None:
    for name in names:
        link = out_dir / name
        target = Path("current") / name
        if link.is_symlink() and Path(os.readlink(link)) == target:
            continue
        temporary = out_dir / f".{name}.tmp"
        if temporary.is_symlink() or temporary.exists():
            temporary.unlink()
        temporary.symlink_to(target)
        os.replace(temporary, link)


def clear_incomplete_releases(releases: Path) -> None:
    """A release without its completion mark is what a crashed run left behind."""
    for release in releases.glob("*") if releases.exists() else []:
        if release.is_dir() and not (release / COMPLETE_MARK).exists():
            shutil.rmtree(release, ignore_errors=True)


def prune_old_releases(releases: Path, keep: Path) -> None:
    complete = sorted((r for r in releases.iterdir() if (r / COMPLETE_MARK).exists()),
                      key=lambda r: (r / COMPLETE_MARK).stat().st_mtime)
    for release in complete[:-KEEP_RELEASES]:
        if release != keep:
            shutil.rmtree(release, ignore_errors=True)
