"""The night's dataset as people see it: current activities keyed across revisions, corrected, with their
open doubts; beside it the machine's own values, what changed between revisions, and what became of each
correction."""

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from pipeline.review.apply import apply_to_activities, inherit_document_corrections
from pipeline.review.revisions import chains, changes_between, keyed_chain, plain_keys
from schemas import Activity, Change, CorrectionResult, DocumentRecord, StoredCorrection


@dataclass
class Reviewed:
    activities: list[Activity]  # published: corrected, with the doubts still open
    machine: list[Activity]  # the same activities as parsed, before any correction
    changes: list[Change] = field(default_factory=list)
    results: dict[int, CorrectionResult] = field(default_factory=dict)


def review_dataset(records: list[DocumentRecord], activities_of: Callable[[str], list[Activity]],
                   stored: list[StoredCorrection]) -> Reviewed:
    keyed: dict[str, list[Activity]] = {}
    earlier: dict[str, Activity] = {}
    changes: list[Change] = []
    corrected = {item.correction.activity_id for item in stored}
    for chain in chains(records):
        revisions = keyed_chain(chain, activities_of)
        # only what is current is published
        keyed |= {r.document_id: found for r, found in zip(chain, revisions) if r.status == "ingested"}
        for (old_record, old), (new_record, new) in pairwise(zip(chain, revisions)):
            changes += changes_between(old_record, old, new_record, new)
        # Superseded revisions are kept only where a correction points (to carry it over): a thousand plans'
        # revisions held whole cost hundreds of megabytes (the peak went from 2.4 to 2.0 GB).
        earlier |= {a.activity_id: a for found in revisions[:-1] for a in found if a.activity_id in corrected}
    current = list(dict.fromkeys(r.document_id for r in records if r.status == "ingested"))
    by_id = {r.document_id: r for r in records}
    for document_id in (d for d in current if d not in keyed):
        found = activities_of(document_id)
        for activity, key in zip(found, plain_keys(found, by_id[document_id])):
            activity.activity_key = key
        keyed[document_id] = found
    activities = [a for document_id in current for a in keyed[document_id]]
    machine = [a.model_copy(deep=True) for a in activities]
    inherit_document_corrections(activities, records)
    results = apply_to_activities(activities, stored, earlier, {d: by_id[d] for d in current})
    return Reviewed(activities, machine, changes, results)
