"""persona6.disclosure.v31 (docs review, demo seed 7): words about the conversation or the task
at hand itself ("picking up where we left off yesterday") are no fact of the speaker's life
(``talk_idioms``)."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def facts(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v31() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    "text",
    [
        "Hi, picking up where we left off yesterday.",
        "I picked up where I left off.",
        "Continuing from where we left off last time, the garden plan.",
        "I'll pick up where we left things.",
        "Resuming where we left off on the itinerary.",
    ],
)
def test_resuming_the_talk_is_no_fact(text: str) -> None:
    assert facts(text) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # neighbours: leaving off a thing or a place, picking up a pastime or a person
        (
            "I left off the last chapter of my thesis.",
            "activities:left off the last chapter of my thesis",
        ),
        (
            "We left off the coast of Maine at dawn.",
            "activities:left off the coast of maine at dawn",
        ),
        ("I picked up pottery last year.", "activities:picked up pottery"),
        ("I picked up my sister from school.", "family:sister"),
        ("I was born in the town where we stopped for lunch.", "activities:stopped for lunch"),
    ],
)
def test_leaving_off_a_thing_stays(text: str, key: str) -> None:
    assert key in facts(text)
