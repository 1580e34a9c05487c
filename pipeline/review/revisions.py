"""Revisions of one plan (same region and election year): a stable `activity_key` for each activity across
them, and what changed from one revision to the next.

A key is the region, the year and the activity's normalised title; an activity whose title was only lightly
edited in the next revision (similar enough, `SIMILAR`) keeps the key it had, so corrections made to it carry
over and the change shows as «changed», not as one removed and one added.
"""

import hashlib
import re
from collections import Counter
from collections.abc import Callable
from difflib import SequenceMatcher

import numpy as np

from pipeline.consolidate import revision_key
from schemas import Activity, Change, DocumentRecord

SIMILAR = 0.85  # difflib ratio of normalised titles; «Проведение заседаний штаба» ~ «Заседания штаба» is 0.7
COMPARED_FIELDS = ["title", "section", "description", "deadline_raw", "deadline_kind", "deadline_start",
                   "deadline_end", "responsible_raw", "category"]
NOT_A_LETTER = re.compile(r"[^0-9a-zа-я]+")


def normalised_title(title: str) -> str:
    return NOT_A_LETTER.sub(" ", title.lower().replace("ё", "е")).strip()


def plain_keys(activities: list[Activity], record: DocumentRecord) -> list[str]:
    """Each activity's key from its own title; a title repeated in the plan gets «#2», «#3»."""
    keys, seen = [], {}
    for a in activities:
        base = f"{record.region_number or '?'}|{record.plan_year or '?'}|{normalised_title(a.title)}"
        seen[base] = seen.get(base, 0) + 1
        digest = hashlib.sha256(base.encode()).hexdigest()[:16]
        keys.append(digest if seen[base] == 1 else f"{digest}#{seen[base]}")
    return keys


def inherit_keys(old: list[Activity], new: list[Activity], new_keys: list[str]) -> list[str]:
    """New activities without an exact counterpart take the key of the most similar unmatched old one."""
    exact = set(new_keys) & {a.activity_key for a in old}
    free_old = [(a.activity_key, normalised_title(a.title)) for a in old if a.activity_key not in exact]
    free_new = [(i, normalised_title(new[i].title)) for i, key in enumerate(new_keys) if key not in exact]
    keys, used_new, used_old = list(new_keys), set(), set()
    for _, i, key in similar_pairs(free_new, free_old):
        if i not in used_new and key not in used_old:
            keys[i] = key
            used_new.add(i)
            used_old.add(key)
    return keys


def similar_pairs(free_new: list[tuple[int, str]], free_old: list[tuple[str, str]]) -> list[tuple[float, int, str]]:
    """(ratio, new index, old key) of the pairs of titles at least SIMILAR, the most similar first (ties in
    the order of the plans). Every pair is compared, but cheap upper bounds of difflib's ratio rule out almost
    all of them before the costly one: two unrelated revisions of 40 activities each took 1,600 full
    comparisons, and a thousand plans' revisions minutes a night. The bound is difflib's `quick_ratio` (the
    letters two titles share, as a multiset), computed for one old title against all new ones at once from
    letter counts: difflib's own took 30 s on the bench corpus's 921 revision steps."""
    if not free_new or not free_old:
        return []
    titles_new, titles_old = [title for _, title in free_new], [title for _, title in free_old]
    alphabet = {char: column for column, char in enumerate(sorted(set("".join(titles_new + titles_old))))}
    counts_new, counts_old = letter_counts(titles_new, alphabet), letter_counts(titles_old, alphabet)
    lengths_new = counts_new.sum(axis=1)
    matcher = SequenceMatcher(None)
    pairs = []
    for position, (key, old_title) in enumerate(free_old):
        shared = np.minimum(counts_new, counts_old[position]).sum(axis=1)
        bound = 2.0 * shared / (lengths_new + len(old_title))
        candidates = np.flatnonzero(bound >= SIMILAR)
        if not len(candidates):
            continue
        matcher.set_seq2(old_title)  # difflib caches what it learns of the second sequence
        for n in candidates:
            i, new_title = free_new[n]
            matcher.set_seq1(new_title)
            if (score := matcher.ratio()) >= SIMILAR:
                pairs.append((score, i, position, key))
    return [(score, i, key) for score, i, _, key in sorted(pairs, key=lambda p: (-p[0], p[1], p[2]))]


def letter_counts(titles: list[str], alphabet: dict[str, int]) -> np.ndarray:
    """One row per title: how many times each character of the alphabet occurs in it."""
    counts = np.zeros((len(titles), max(1, len(alphabet))), dtype=np.int32)
    for row, title in enumerate(titles):
        for char, times in Counter(title).items():
            counts[row, alphabet[char]] = times
    return counts


def chains(records: list[DocumentRecord]) -> list[list[DocumentRecord]]:
    """Each plan's revisions, oldest first: ingested and superseded records of one region and year."""
    groups: dict[tuple, dict[str, DocumentRecord]] = {}
    for r in records:
        if r.status in ("ingested", "superseded") and r.region_number and r.plan_year:
            groups.setdefault((r.region_number, r.plan_year), {}).setdefault(r.document_id, r)
    return [sorted(group.values(), key=revision_key) for group in groups.values()]


def keyed_chain(chain: list[DocumentRecord], activities_of: Callable[[str], list[Activity]]) -> list[list[Activity]]:
    """The activities of every revision, keyed, each revision inheriting keys from the one before."""
    keyed, previous = [], []
    for record in chain:
        activities = activities_of(record.document_id)
        keys = plain_keys(activities, record)
        keys = inherit_keys(previous, activities, keys) if previous else keys
        for activity, key in zip(activities, keys):
            activity.activity_key = key
        keyed.append(activities)
        previous = activities
    return keyed


def changes_between(old_record: DocumentRecord, old: list[Activity], new_record: DocumentRecord,
                    new: list[Activity]) -> list[Change]:
    """Added, removed, and changed field by field (a deadline moved, a responsible replaced)."""
    before = {a.activity_key: a for a in old}
    after = {a.activity_key: a for a in new}
    where = {"region_code": new_record.region_code, "region_number": new_record.region_number,
             "region_name": new_record.region_name, "plan_year": new_record.plan_year,
             "document_id": new_record.document_id, "previous_document_id": old_record.document_id}
    found = []
    for key, a in after.items():
        if key not in before:
            found.append(Change(**where, change="added", activity_key=key, activity_id=a.activity_id, title=a.title))
            continue
        for field in COMPARED_FIELDS:
            was, now = shown(getattr(before[key], field)), shown(getattr(a, field))
            if was != now:
                found.append(Change(**where, change="changed", activity_key=key, activity_id=a.activity_id,
                                    title=a.title, field=field, old=was, new=now))
    found += [Change(**where, change="removed", activity_key=key, title=a.title)
              for key, a in before.items() if key not in after]
    return found


def shown(value) -> str | None:
    return None if value in (None, "", []) else str(value)
