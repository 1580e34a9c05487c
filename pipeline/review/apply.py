"""Corrections applied, night after night, in the order they were received (a later one wins).

A correction is applied over the machine's value, and the machine's value at its first application is kept
(`baseline`): when a new parse gives another value for that field, the correction is not applied silently but
reported as a conflict. A correction of an activity of a superseded revision carries over to the activity with
the same `activity_key` in the current one if that field's value did not change; otherwise it is orphaned.
A dismissal («the value is right») removes the doubt for good.
"""

from datetime import UTC, datetime

from pipeline.enrich import deadline_fields, responsible_fields
from pipeline.review.corrections import (
    ACTIVITY_FIELDS,
    DOCUMENT_FIELDS,
    shown,
    typed_value,
)
from pipeline.review.reasons import settles
from schemas import (
    Activity,
    Correction,
    CorrectionResult,
    DocumentRecord,
    PlanContext,
    StoredCorrection,
    message,
)
from schemas.plan import Region

# Notes on a document that a corrected fact answers.
SETTLED_NOTES = {
    "region_code": {"fact.no_region", "fact.competing_regions", "fact.region_body_silent"},
    "plan_year": {"fact.no_year", "fact.late_approval"},
    "approved_on": {"fact.undated_approval"},
}


def apply_to_records(records: dict[str, DocumentRecord], stored: list[StoredCorrection],
                     find_region) -> dict[int, CorrectionResult]:
    """Document corrections (region, year, approval date), before consolidation decides what is current."""
    results = {}
    for item in (s for s in stored if s.correction.document_id and not s.correction.activity_id):
        c, record = item.correction, records.get(item.correction.document_id)
        if record is None:
            results[item.id] = failed(c, message("correction.no_target", target=c.document_id))
        elif c.field not in DOCUMENT_FIELDS:
            results[item.id] = failed(c, message("correction.unknown_field", field=c.field,
                                                 known=", ".join(DOCUMENT_FIELDS)))
        else:
            results[item.id] = correct_record(record, item, find_region)
    return results


def correct_record(record: DocumentRecord, item: StoredCorrection, find_region) -> CorrectionResult:
    c, old = item.correction, shown(getattr(record, item.correction.field))
    if item.baseline is not None and item.baseline != old and c.field not in record.corrected_fields:
        return failed(c, message("correction.machine_changed", field=c.field, expected=item.baseline, found=old))
    try:
        if c.field == "region_code":
            region: Region | None = find_region(c.value) if c.value else None
            if c.value and region is None:
                raise ValueError("такого региона нет")
            record.region_code, record.region_number, record.region_name = (
                (region.code, region.number, region.name) if region else (None, None, None))
        else:
            setattr(record, c.field, typed_value(DocumentRecord, c.field, c.value or ""))
    except ValueError as error:
        return failed(c, message("correction.bad_value", value=c.value, field=c.field, why=str(error)))
    record.corrected_fields = sorted({*record.corrected_fields, c.field})
    record.reasons = [r for r in record.reasons if r.code not in SETTLED_NOTES.get(c.field, set())]
    item.baseline = old if item.baseline is None else item.baseline
    return CorrectionResult(correction=c, outcome="applied", old=old, new=shown(getattr(record, c.field)),
                            applied_to=record.document_id, at=datetime.now(UTC))


def apply_to_activities(activities: list[Activity], stored: list[StoredCorrection], earlier: dict[str, Activity],
                        plans: dict[str, DocumentRecord]) -> dict[int, CorrectionResult]:
    """Activity corrections and dismissals over the current activities (changed in place).
    `earlier` holds the activities of superseded revisions by id, keyed, for carrying corrections over;
    `plans` the current records, whose context a corrected deadline or responsible cell is read in."""
    current = {a.activity_id: a for a in activities}
    by_key = {a.activity_key: a for a in activities if a.activity_key}
    machine = {a.activity_id: a.model_copy(deep=True) for a in activities}
    results = {}
    for item in (s for s in stored if s.correction.activity_id):
        target, carried = locate(item, current, by_key, earlier, machine)
        if isinstance(target, CorrectionResult):
            results[item.id] = target
        elif item.correction.dismiss:
            results[item.id] = dismiss(target, item.correction, carried)
        else:
            results[item.id] = correct_activity(target, item, machine[target.activity_id], carried,
                                                plans.get(target.document_id))
    return results


def locate(item: StoredCorrection, current, by_key, earlier, machine):
    """The current activity a correction is for, whether it was carried from an earlier revision — or why not."""
    c = item.correction
    if c.activity_id in current:
        return current[c.activity_id], False
    old = earlier.get(c.activity_id)
    if old is None:
        return failed(c, message("correction.no_target", target=c.activity_id)), False
    new = by_key.get(old.activity_key)
    if new is None:
        return failed(c, message("correction.orphaned", title=old.title), "orphaned"), False
    if not c.dismiss and c.field in ACTIVITY_FIELDS:
        expected = item.baseline if item.baseline is not None else shown(getattr(old, c.field))
        if shown(getattr(machine[new.activity_id], c.field)) != expected:
            return failed(c, message("correction.orphaned", title=old.title), "orphaned"), False
    return new, True


def correct_activity(target: Activity, item: StoredCorrection, machine: Activity, carried: bool,
                     plan: DocumentRecord | None) -> CorrectionResult:
    c = item.correction
    if c.field not in ACTIVITY_FIELDS:
        return failed(c, message("correction.unknown_field", field=c.field, known="поля activities.jsonl"))
    machine_value = shown(getattr(machine, c.field))
    if item.baseline is not None and item.baseline != machine_value and not carried:
        return failed(c, message("correction.machine_changed", field=c.field, expected=item.baseline,
                                 found=machine_value))
    try:
        value = typed_value(Activity, c.field, c.value or "")
    except ValueError as error:
        return failed(c, message("correction.bad_value", value=c.value, field=c.field, why=str(error)))
    old = shown(getattr(target, c.field))
    setattr(target, c.field, value)
    derived = read_again(target, c.field, plan)
    target.corrected_fields = sorted({*target.corrected_fields, c.field, *derived})
    target.review_reasons = [r for r in target.review_reasons if not settles(r, {c.field})]
    item.baseline = machine_value if item.baseline is None else item.baseline
    return CorrectionResult(correction=c, outcome="carried" if carried else "applied", old=old,
                            new=shown(value), applied_to=target.activity_id, at=datetime.now(UTC))


def read_again(target: Activity, field: str, plan: DocumentRecord | None) -> list[str]:
    """A corrected deadline or responsible cell is read again, as its plan reads it: the typed deadline and
    the people and bodies follow the cell. Returns the fields that changed with it."""
    if field == "deadline_raw":
        found = deadline_fields(target.deadline_raw, context_of(plan))
    elif field == "responsible_raw":
        found = responsible_fields(target.responsible_raw, region_of(plan))
    else:
        return []
    changed = [name for name, value in found.items() if name != field and getattr(target, name) != value]
    for name, value in found.items():
        setattr(target, name, value)
    return changed


def context_of(plan: DocumentRecord | None) -> PlanContext:
    if plan is None:
        return PlanContext()
    return PlanContext(plan_year=plan.plan_year, approved_on=plan.approved_on, voting_start=plan.voting_start,
                       voting_end=plan.voting_end, voting_source=plan.voting_days_source)


def region_of(plan: DocumentRecord | None) -> Region | None:
    if plan is None or not plan.region_number:
        return None
    return Region(name=plan.region_name, number=plan.region_number, code=plan.region_code)


def dismiss(target: Activity, c: Correction, carried: bool) -> CorrectionResult:
    """«Верно»: the doubt (or every doubt, when no reason is named) leaves the list for good."""
    target.review_reasons = [r for r in target.review_reasons if c.review_reason not in (None, r.code)]
    return CorrectionResult(correction=c, outcome="dismissed", applied_to=target.activity_id,
                            note=message("correction.carried", file=target.source_file) if carried else None,
                            at=datetime.now(UTC))


def failed(c: Correction, note, outcome: str | None = None) -> CorrectionResult:
    """A correction not applied, and why; «orphaned» when its activity left the plan, else by the note."""
    kind = outcome or ("invalid" if note.code in ("correction.unknown_field", "correction.bad_value",
                                                  "correction.no_target") else "conflict")
    return CorrectionResult(correction=c, outcome=kind, note=note, at=datetime.now(UTC))


def inherit_document_corrections(activities: list[Activity], records: list[DocumentRecord]) -> None:
    """A corrected region or year of a document is its activities' region or year too."""
    corrected = {r.document_id: r for r in records if r.corrected_fields}
    for a in activities:
        record = corrected.get(a.document_id)
        if record is None:
            continue
        if "region_code" in record.corrected_fields:
            a.region_code, a.region_number, a.region_name = record.region_code, record.region_number, \
                record.region_name
        if "plan_year" in record.corrected_fields:
            a.plan_year = record.plan_year
        fields = {"region_code": ["region_code", "region_number", "region_name"], "plan_year": ["plan_year"]}
        a.corrected_fields = sorted({*a.corrected_fields,
                                     *(f for k in record.corrected_fields for f in fields.get(k, []))})
