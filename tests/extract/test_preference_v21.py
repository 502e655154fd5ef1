"""persona6.preference.v21: a standing request on answers as a learner writes it: "short pls",
"short explain pls", "pls short answer", "no long explain" (a bare answer adjective asked for,
the singular, "explain" as a noun); not "please short break" or "a short walk please"."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def read(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v21() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("too long. short pls", "short", "asks to keep answers short"),
        ("short explain pls", "short", "asks to keep answers short"),
        ("pls short answer, no long explain", "short", "asks to keep answers short"),
        ("pls short answer, no long explain", "explain", "asks for no explain"),
        ("simple pls", "simple", "asks to keep answers simple"),
        ("Keep answers short please", "short", "asks to keep answers short"),
    ],
)
def test_a_learners_request_on_answers_is_read(text: str, key: str, value: str) -> None:
    assert read(text)[key] == value


@pytest.mark.parametrize("text", ["please short break", "short break please"])
def test_a_short_thing_is_no_request_on_answers(text: str) -> None:
    assert not any(v.startswith("asks to keep answers") for v in read(text).values())
