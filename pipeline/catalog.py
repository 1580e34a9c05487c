"""The catalog: an embedded SQLite database in the output folder recording every input ever seen, what
became of it and when. It — not Prefect's run history — is the record of what came in.

- `contents`: one row per distinct file content (sha256): the parse outcome and the parsed activities,
  so a night re-parses only what is new (or what a new pipeline version must read again);
- `files`: one row per (content, file name) ever uploaded, with the status decided by consolidation;
- `history`: every status a file has had, per run; `runs`: one row per night;
- `corrections`: every correction row people ever sent, with the machine value it was first applied over;
  `correction_log`: what each night did with it (applied, carried to a revision, orphaned, refused).
"""

import hashlib
import json
import sqlite3
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from pydantic import TypeAdapter

from schemas import (
    Activity,
    Correction,
    CorrectionResult,
    DocumentRecord,
    ParsedDocument,
    SourceFile,
    StoredCorrection,
    message,
)

# A document's activities are one JSON array in `contents`: pydantic reads and writes it whole, in Rust (the
# review reads back every activity of the night: per-item dicts took three times as long).
ACTIVITIES = TypeAdapter(list[Activity])

SCHEMA = """
CREATE TABLE IF NOT EXISTS contents (
    document_id TEXT PRIMARY KEY, format TEXT, outcome TEXT NOT NULL, reason TEXT,
    record_json TEXT NOT NULL, activities_json TEXT NOT NULL,
    pipeline_version TEXT, processed_at TEXT, parse_seconds REAL
);
CREATE TABLE IF NOT EXISTS files (
    document_id TEXT NOT NULL, source_file TEXT NOT NULL, size INTEGER, path TEXT,
    first_seen_at TEXT NOT NULL, last_seen_at TEXT NOT NULL,
    status TEXT, reason TEXT, duplicate_of TEXT, superseded_by TEXT,
    PRIMARY KEY (document_id, source_file)
);
CREATE TABLE IF NOT EXISTS history (
    run_id TEXT, at TEXT, document_id TEXT, source_file TEXT, status TEXT, reason TEXT
);
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT, fingerprint TEXT UNIQUE, received_at TEXT NOT NULL,
    correction_json TEXT NOT NULL, baseline TEXT
);
CREATE TABLE IF NOT EXISTS correction_log (
    run_id TEXT, at TEXT, correction_id INTEGER, outcome TEXT, old TEXT, new TEXT, applied_to TEXT, note TEXT
);
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY, started_at TEXT, finished_at TEXT, files_seen INTEGER, parsed INTEGER,
    summary_json TEXT, outcome TEXT
);
"""


class Catalog:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, timeout=60, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self):
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def register_files(self, sources: list[SourceFile], now: datetime) -> None:
        with self.transaction():
            for s in sources:
                self.db.execute(
                    "INSERT INTO files (document_id, source_file, size, path, first_seen_at, last_seen_at) "
                    "VALUES (?,?,?,?,?,?) ON CONFLICT (document_id, source_file) DO UPDATE SET "
                    "last_seen_at = excluded.last_seen_at, path = excluded.path",
                    (s.document_id, s.name, s.size, s.origin or str(s.path), now.isoformat(), now.isoformat()))

    def contents_to_parse(self, sources: list[SourceFile], version: str, reprocess: str) -> list[SourceFile]:
        """One source per content that is new, parsed by another pipeline version, or asked for again."""
        known = {row[0]: (row[1], row[2]) for row in
                 self.db.execute("SELECT document_id, pipeline_version, outcome FROM contents")}
        chosen: dict[str, SourceFile] = {}
        for s in sources:
            seen = known.get(s.document_id)
            if (seen is None or seen[0] != version or reprocess == "all"
                    or (reprocess == "failed" and seen[1] == "quarantined")):
                chosen.setdefault(s.document_id, s)
        return list(chosen.values())

    def save_parsed(self, parsed: ParsedDocument) -> None:
        r = parsed.record
        activities = ACTIVITIES.dump_json(parsed.activities).decode()
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO contents VALUES (?,?,?,?,?,?,?,?,?)",
                (r.document_id, r.format, "quarantined" if r.status == "quarantined" else "parsed", r.reason,
                 r.model_dump_json(), activities, r.pipeline_version,
                 r.processed_at.isoformat() if r.processed_at else None, r.parse_seconds))

    def parsed_records(self) -> dict[str, DocumentRecord]:
        """document_id → the record as parsed, for every content ever parsed (activities stay on disk)."""
        rows = self.db.execute("SELECT document_id, record_json FROM contents")
        return {d: DocumentRecord.model_validate_json(rec) for d, rec in rows}

    def activities_of(self, document_id: str) -> list[Activity]:
        row = self.db.execute("SELECT activities_json FROM contents WHERE document_id = ?",
                              (document_id,)).fetchone()
        return ACTIVITIES.validate_json(row[0]) if row else []

    def files(self) -> list[dict]:
        cursor = self.db.execute("SELECT * FROM files ORDER BY first_seen_at, source_file")
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row)) for row in cursor]

    def set_statuses(self, records: list[DocumentRecord], run_id: str, now: datetime) -> None:
        with self.transaction():
            for r in records:
                old = self.db.execute("SELECT status, reason FROM files WHERE document_id=? AND source_file=?",
                                      (r.document_id, r.source_file)).fetchone()
                self.db.execute(
                    "UPDATE files SET status=?, reason=?, duplicate_of=?, superseded_by=? "
                    "WHERE document_id=? AND source_file=?",
                    (r.status, r.reason, r.duplicate_of, r.superseded_by, r.document_id, r.source_file))
                if old != (r.status, r.reason):
                    self.db.execute("INSERT INTO history VALUES (?,?,?,?,?,?)",
                                    (run_id, now.isoformat(), r.document_id, r.source_file, r.status,
                                     r.reason))

    def record_turned_away(self, records: list[DocumentRecord], run_id: str, now: datetime) -> None:
        """Entries not read tonight (waiting, refused at the door) have no content row: their history is
        their record, one line per night they are seen."""
        with self.transaction():
            for r in records:
                self.db.execute("INSERT INTO history VALUES (?,?,?,?,?,?)",
                                (run_id, now.isoformat(), None, r.source_file, r.status, r.reason))

    def turned_away_in(self, run_id: str) -> list[tuple]:
        return self.db.execute("SELECT source_file, status, reason FROM history WHERE run_id = ? AND "
                               "document_id IS NULL ORDER BY source_file", (run_id,)).fetchall()

    def retire(self, stale: set[tuple[str, str]], run_id: str, now: datetime) -> None:
        """A quarantined file replaced by a later upload under the same name leaves the current view; the
        catalog says so (status `replaced`)."""
        reason = message("document.replaced_same_name").text
        with self.transaction():
            for document_id, source_file in stale:
                changed = self.db.execute(
                    "UPDATE files SET status='replaced', reason=? WHERE document_id=? AND source_file=? "
                    "AND status IS NOT 'replaced'", (reason, document_id, source_file)).rowcount
                if changed:
                    self.db.execute("INSERT INTO history VALUES (?,?,?,?,?,?)",
                                    (run_id, now.isoformat(), document_id, source_file, "replaced", reason))

    def close_abandoned_runs(self, now: datetime) -> None:
        """Runs still `running` when a new one holds the lock were stopped without a word (kill -9)."""
        self.db.execute("UPDATE runs SET outcome='interrupted', finished_at=? WHERE outcome='running'",
                        (now.isoformat(),))

    def start_run(self, run_id: str, now: datetime, files_seen: int, parsed: int) -> None:
        self.db.execute("INSERT OR REPLACE INTO runs (run_id, started_at, files_seen, parsed, outcome) "
                        "VALUES (?,?,?,?, 'running')", (run_id, now.isoformat(), files_seen, parsed))

    def finish_run(self, run_id: str, now: datetime, summary: dict, outcome: str = "completed") -> None:
        self.db.execute("UPDATE runs SET finished_at=?, summary_json=?, outcome=? WHERE run_id=?",
                        (now.isoformat(), json.dumps(summary, ensure_ascii=False), outcome, run_id))

    def receive_corrections(self, corrections: list[Correction], now: datetime) -> int:
        """Keep every correction row ever received (a file may be overwritten or removed later); the same
        row read again is not a new correction. Returns how many are new."""
        before = self.db.total_changes
        with self.transaction():
            for c in corrections:
                text = c.model_dump_json()
                fingerprint = hashlib.sha256(text.encode()).hexdigest()
                self.db.execute("INSERT OR IGNORE INTO corrections (fingerprint, received_at, correction_json) "
                                "VALUES (?,?,?)", (fingerprint, now.isoformat(), text))
        return self.db.total_changes - before

    def stored_corrections(self) -> list[StoredCorrection]:
        rows = self.db.execute("SELECT id, correction_json, baseline FROM corrections ORDER BY id")
        return [StoredCorrection(id=i, correction=Correction.model_validate_json(text), baseline=baseline) for i, text, baseline in rows]

    def record_corrections(self, stored: list[StoredCorrection], results: dict[int, CorrectionResult], run_id: str,
                           now: datetime) -> None:
        """Baselines of first applications, and each outcome when it differs from the last one logged."""
        with self.transaction():
            for item in stored:
                self.db.execute("UPDATE corrections SET baseline = ? WHERE id = ?", (item.baseline, item.id))
                result = results.get(item.id)
                if result is None:
                    continue
                entry = (result.outcome, result.old, result.new, result.applied_to,
                         result.note.text if result.note else None)
                last = self.db.execute("SELECT outcome, old, new, applied_to, note FROM correction_log "
                                       "WHERE correction_id = ? ORDER BY rowid DESC LIMIT 1", (item.id,)).fetchone()
                if last != entry:
                    self.db.execute("INSERT INTO correction_log VALUES (?,?,?,?,?,?,?,?)",
                                    (run_id, now.isoformat(), item.id, *entry))

    def corrections_digest(self) -> str:
        """What the stored corrections are, for the release fingerprint: a new one changes the release."""
        rows = self.db.execute("SELECT id, correction_json FROM corrections ORDER BY id").fetchall()
        return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()

    def history(self) -> list[tuple]:
        return self.db.execute("SELECT at, source_file, status, reason FROM history ORDER BY at").fetchall()

    def runs(self) -> list[dict]:
        """Every night, oldest first: times as stored (ISO with their zone), counts, outcome, summary."""
        cursor = self.db.execute("SELECT run_id, started_at, finished_at, files_seen, parsed, outcome, summary_json "
                                 "FROM runs ORDER BY started_at")
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row)) for row in cursor]
