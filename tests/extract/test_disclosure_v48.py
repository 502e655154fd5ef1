"""persona6.disclosure.v48 (session 18): an allergy said bare at the clause's end is the
speaker's."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def signals(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v48() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    "text",
    [
        "I'd love to come but I'm allergic.",
        "can't hold the kitten, i'm allergic",
        "No peanuts for me, I am allergic!",
        "From a distance I mean, since I'm allergic.",
    ],
)
def test_a_bare_allergy_is_the_speakers(text: str) -> None:
    assert signals(text).get("health:allergic") == "is allergic"


@pytest.mark.parametrize(
    "text",
    [
        "Are you allergic?",
        "My son is allergic.",
        "if I'm allergic the test will show it",
        "She said she's allergic, so no nuts.",
    ],
)
def test_no_allergy_of_the_speakers_is_read_here(text: str) -> None:
    assert "health:allergic" not in signals(text)


def test_an_allergen_named_stays_in_the_key() -> None:
    assert "health:allergic to cats" in signals("I'm allergic to cats")
