"""The release a folder publishes, read back: its folder, activities and document records, for commands
that rebuild an output from it (`svodka report --as-of`)."""

from pathlib import Path

from schemas import Activity, DocumentRecord


def read_release(out_dir: Path) -> tuple[Path, list[Activity], list[DocumentRecord]] | None:
    current = out_dir / "current"
    if not (current / "activities.jsonl").exists() or not (current / "documents.jsonl").exists():
        return None
    release = current.resolve()
    return release, read_models(release / "activities.jsonl", Activity), read_models(release / "documents.jsonl",
                                                                                       DocumentRecord)


def read_models(path: Path, model):
    with path.open(encoding="utf-8") as lines:
        return [model.model_validate_json(line) for line in lines if line.strip()]
