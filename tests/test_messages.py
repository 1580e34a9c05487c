"""The catalogue of messages (schemas/messages.py): every code renders, every code the code raises exists,
none is dead, and no sentence a person reads carries a Python exception name."""

import re
import string
from pathlib import Path

import pytest

from schemas.messages import CATALOGUE, message, render
from tests.conftest import ROOT

SOURCE_FOLDERS = ["schemas", "extractors", "pipeline", "flows"]
# A code passed as the first argument of message(…), an error class or GrammarError.
USED_CODE = re.compile(r"""(?:message|Error)\(\s*["']([a-z_]+\.[a-z_.]+|legacy)["']""")
EXCEPTION_NAME = re.compile(r"\b[A-Z][A-Za-z]+(?:Error|Exception|EOF)\b|Traceback|\bNone\b")


def sources() -> list[Path]:
    return [p for folder in SOURCE_FOLDERS for p in (ROOT / folder).rglob("*.py")]


def used_codes() -> set[str]:
    return {code for path in sources() for code in USED_CODE.findall(path.read_text(encoding="utf-8"))}


def parameters_of(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_message_renders_in_russian_without_exception_names(code):
    params = {name: "2021-02-05" if name.endswith(("_on", "start", "end")) else "x" for name in
              parameters_of(CATALOGUE[code])}
    text = render(message(code, **params))
    assert "{" not in text and "}" not in text
    assert not EXCEPTION_NAME.search(text), text
    assert re.search("[а-яё]", text) or code == "legacy"


def test_every_code_used_in_the_code_is_in_the_catalogue():
    assert used_codes() - set(CATALOGUE) == set()


def test_no_message_of_the_catalogue_is_dead():
    assert set(CATALOGUE) - used_codes() == set()


def test_an_unknown_code_is_refused():
    with pytest.raises(KeyError):
        message("no.such.code")


@pytest.mark.parametrize(("code", "params", "text"), [
    ("deadline.before_approval", {"approved_on": "2021-02-05"}, "срок раньше даты утверждения плана 05.02.2021"),
    ("deadline.voting_mismatch", {"start": "2021-09-17", "end": "2021-09-19"},
     "даты не входят в дни голосования 17.09.2021–19.09.2021"),
    ("deadline.weekday_mismatch", {"written": "среда", "date": "2021-02-18"},
     "день недели «среда» не совпадает с датой 18.02.2021"),
    ("deadline.end_before_start", {}, "окончание раньше начала"),
    ("deadline.ignored", {"text": "ежегодно"}, "не учтено: «ежегодно»"),
    ("document.superseded_approved", {"file": "план.docx", "approved_on": "2021-03-05"},
     "Заменён более новой версией плана «план.docx», утверждена 05.03.2021"),
    ("file.too_large", {"size_mb": "61.0", "limit_mb": "50"}, "Файл больше допустимого (61.0 МБ при пределе 50 МБ)"),
    ("legacy", {"text": "причина, записанная раньше"}, "причина, записанная раньше"),
])
def test_wording(code, params, text):
    assert message(code, **params).text == text


def test_a_missing_parameter_shows_as_a_question_mark_not_a_crash():
    assert render(message("deadline.ignored")) == "не учтено: «?»"


def test_a_message_carries_its_text_when_dumped():
    dumped = message("deadline.ignored", text="ежегодно").model_dump()
    assert dumped == {"code": "deadline.ignored", "params": {"text": "ежегодно"}, "text": "не учтено: «ежегодно»"}
