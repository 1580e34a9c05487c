"""Keys across revisions of one plan (pipeline/review/revisions.py): an activity keeps its key when its title
is unchanged or lightly edited, so corrections carry over and the change shows as «changed»."""

import pytest

from pipeline.review.revisions import SIMILAR, inherit_keys, plain_keys, similar_pairs
from schemas import Activity, DocumentRecord

RECORD = DocumentRecord(document_id="d1", source_file="plan.docx", status="ingested", region_number="42",
                        plan_year=2021)


def activities(*titles: str) -> list[Activity]:
    return [Activity(activity_id=f"a{i}", document_id="d1", source_file="plan.docx", title=t, seq=str(i), deadline_kind="unspecified",
                     source_table=1, source_row=i) for i, t in enumerate(titles, 1)]


def keyed(*titles: str) -> list[Activity]:
    found = activities(*titles)
    for activity, key in zip(found, plain_keys(found, RECORD)):
        activity.activity_key = key
    return found


# (old titles, new titles, for each new title: the index of the old one whose key it takes, or None)
CASES = [
    (["Заседание штаба"], ["Заседание штаба"], [0]),
    (["Заседание штаба"], ["Заседание  Штаба."], [0]),  # the same once normalised: the same plain key
    (["Организация работы горячей линии штаба"], ["Организация работы «горячей линии» штаба"], [0]),
    (["Организация работы горячей линии штаба"], ["Организация работы горячих линий штаба"], [0]),
    (["Заседание штаба"], ["Обучение наблюдателей"], [None]),
    # «Проведение заседаний штаба» ~ «Заседания штаба» is 0.7: too far to be the same activity
    (["Проведение заседаний штаба"], ["Заседания штаба"], [None]),
    # the closer old title wins, and each old key is taken once
    (["Мониторинг публикаций в СМИ", "Мониторинг публикаций в СМИ и сетях"],
     ["Мониторинг публикаций в СМИ и соцсетях", "Мониторинг публикации в СМИ"], [1, 0]),
    (["Обучение общественных наблюдателей"],
     ["Обучение общественных наблюдателей.", "Обучение общественных наблюдателей (повторно)"], [0, None]),
]


@pytest.mark.parametrize(("old_titles", "new_titles", "expected"), CASES)
def test_a_lightly_edited_title_keeps_its_key(old_titles, new_titles, expected):
    old, new = keyed(*old_titles), activities(*new_titles)
    keys = inherit_keys(old, new, plain_keys(new, RECORD))
    assert [next((j for j, a in enumerate(old) if a.activity_key == k), None) for k in keys] == expected


def test_similar_pairs_are_exactly_those_above_the_threshold():
    """The cheap bounds only skip work: the pairs found are those a full comparison finds."""
    from difflib import SequenceMatcher

    titles = ["заседание штаба", "заседания штаба", "обучение наблюдателей", "обучение наблюдателя",
              "мониторинг сми", "горячая линия", "горячие линии", "работа горячей линии штаба"]
    new, old = list(enumerate(titles)), [(f"k{j}", t) for j, t in enumerate(reversed(titles))]
    expected = sorted((SequenceMatcher(None, a, b).ratio(), i, j) for i, a in new for j, (_, b) in enumerate(old)
                      if SequenceMatcher(None, a, b).ratio() >= SIMILAR)
    found = similar_pairs(new, old)
    assert sorted((score, i, int(key[1:])) for score, i, key in found) == expected
    assert [score for score, _, _ in found] == sorted((score for score, _, _ in found), reverse=True)


def test_similar_pairs_match_a_full_comparison_on_many_edited_titles():
    """Titles edited at random (letters dropped, swapped, words added): the fast bound never loses a pair."""
    import random
    from difflib import SequenceMatcher

    rng = random.Random(7)
    words = "проведение заседание штаба обучение наблюдателей горячей линии мониторинг сми выборов 2024 " \
            "семинар для членов комиссий работа пресс центра день голосования итоги".split()

    def edited(title: str) -> str:
        letters = list(title)
        for _ in range(rng.randint(0, 4)):
            at = rng.randrange(len(letters))
            letters[at:at + 1] = rng.choice([[], [rng.choice("абвгдеж ")], letters[at:at + 1] * 2])
        return "".join(letters).strip() or title

    base = [" ".join(rng.sample(words, rng.randint(2, 6))) for _ in range(60)]
    old = [(f"k{j}", t) for j, t in enumerate(base)]
    new = list(enumerate(edited(t) for t in rng.sample(base, 40) + [" ".join(rng.sample(words, 3))
                                                                    for _ in range(20)]))
    expected = sorted((SequenceMatcher(None, a, b).ratio(), i, j) for i, a in new for j, (_, b) in enumerate(old)
                      if SequenceMatcher(None, a, b).ratio() >= SIMILAR)
    found = similar_pairs(new, old)
    assert len(expected) >= 30  # the case is not empty: most edited titles have their original
    assert sorted((score, i, int(key[1:])) for score, i, key in found) == expected
