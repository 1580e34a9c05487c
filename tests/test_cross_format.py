"""Each seed plan gives the same activities from its TXT, DOCX and PDF forms."""

import pytest

from tests.conftest import SAMPLES
from tests.goldens import parse_sample

FORMS = {
    "kuzbass_2021": [SAMPLES / "inbox" / "kuzbass_2021.txt", SAMPLES / "variants" / "kuzbass_2021.docx",
                     SAMPLES / "variants" / "kuzbass_2021.pdf"],
    "khabarovsk_2021": [SAMPLES / "variants" / "khabarovsk_2021.txt",
                        SAMPLES / "variants" / "khabarovsk_2021.docx", SAMPLES / "inbox" / "khabarovsk_2021.pdf"],
}
SAME_IN_EVERY_FORM = ["seq", "section", "title", "description", "responsible_raw", "deadline_kind",
                      "deadline_start", "deadline_end", "recurrence", "responsible_persons",
                      "responsible_orgs", "category", "region_code", "region_number", "plan_year"]


def comparable(path):
    parsed = parse_sample(path)  # the goldens' parse of the same file, once per session
    assert parsed.record.status == "ingested", parsed.record.reason
    return [{f: getattr(a, f) for f in SAME_IN_EVERY_FORM} for a in parsed.activities]


@pytest.mark.parametrize("plan", sorted(FORMS))
def test_every_form_gives_the_same_activities(plan, nlp_loaded):
    txt, docx, pdf = (comparable(p) for p in FORMS[plan])
    assert len(txt) == {"kuzbass_2021": 17, "khabarovsk_2021": 32}[plan]
    assert docx == txt
    assert pdf == txt
