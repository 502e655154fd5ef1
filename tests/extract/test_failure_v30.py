"""persona6.failure.v30: a way given wrong by a product that guides is a report
(``guide_verbs``, ``bad_ways``): a thing of the product sends, takes, routes or leads someone
the wrong way, into a dead end, down a closed or private road, or one that does not exist.
Not a person, a sign or the weather."""

from __future__ import annotations

import pytest
from helpers import stored_event

from persona6.extract.failure import FailureExtractor


def test_the_producer_is_v30() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def reported(text: str) -> list[tuple[str, str]]:
    event = stored_event(1, "message", text, "u1", role="user")
    return [(s.key, s.value) for s in FailureExtractor().extract([event])]


REPORTS = [
    "the cycling app routed me down a footpath that's closed",
    "your map sent us the wrong way up a one way street",
    "the sat nav took me through a road that doesnt exist anymore",
    "the hiking app led us onto a private farm track that's been blocked for years",
    "the planner directed me into a dead end twice",
    "navigation keeps sending me to the wrong entrance",
    "the delivery route tool sent the driver down a closed bridge",
]


@pytest.mark.parametrize("text", REPORTS)
def test_a_way_given_wrong_is_reported(text: str) -> None:
    assert reported(text) == [("user_reported", "abandon")]  # was none


NONE = [
    "my friend sent me down the wrong road",
    "the signs sent us down a closed road",
    "the marshal directed us into the car park",
    "my dad took me through the old road that's closed now",
    "the road has been closed for two years",
    "the storm sent us the wrong way round the lake",
    "my sister took us down the wrong road",
    "the diversion sent us the wrong way",
]


@pytest.mark.parametrize("text", NONE)
def test_a_person_a_sign_or_the_weather_is_no_report(text: str) -> None:
    assert reported(text) == []
