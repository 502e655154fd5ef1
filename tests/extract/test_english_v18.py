"""english v18: "assume" opens an imagined case only before a subject, as "say" does ("Assume I
hate crowds, where should I go?"); "Assume nothing, I prefer explicit types" states a real
preference after an instruction (english v17 read the whole sentence as imagined)."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract.preference import NAME
from persona6.extract.text import load_lexicon


def _keys(text: str) -> list[str]:
    return [s.key for s in extracted(NAME, text)]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Assume nothing, I prefer explicit types.", "explicit types"),
        ("assume good faith, I really dislike long meetings", "long meetings"),
        ("Assume the worst. I hate surprises on invoices.", "surprises on invoices"),
    ],
)
def test_assume_before_no_subject_is_an_instruction(text: str, key: str) -> None:
    assert key in _keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "Assume I hate crowds, where should I go?",
        "assume we love spicy food, what should we order",
        "Let's assume I prefer trains, how long would it take?",
    ],
)
def test_assume_before_a_subject_is_still_imagined(text: str) -> None:
    assert _keys(text) == []


def test_the_version_is_18() -> None:
    assert load_lexicon("english")["version"] >= 18
