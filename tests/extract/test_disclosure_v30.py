"""persona6.disclosure.v30 (end-to-end review 8 D6, probe 9): a symptom felt is health, a bare
"I rent" is a renter, and "gone off X" (stopped liking) is no activity."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def facts(text: str) -> dict[str, tuple[str, float]]:
    return {s.key: (s.value, s.polarity) for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v30() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "key", "value", "polarity"),
    [
        ("I've been feeling a little dizzy in the mornings.", "health:dizzy", "feels dizzy", 1.0),
        ("I'm feeling a bit nauseous today", "health:nauseous", "feels nauseous", 1.0),
        ("I felt dizzy yesterday", "health:dizzy", "felt dizzy", 1.0),
        ("I don't feel dizzy anymore", "health:dizzy", "does not feel dizzy", -1.0),
        ("also I rent, cant drill anything", "home:renter", "rents their home", 1.0),
        ("I don't rent, we own the place", "home:renter", "does not rent their home", -1.0),
    ],
)
def test_a_symptom_felt_and_a_renter_are_facts(
    text: str, key: str, value: str, polarity: float
) -> None:
    assert facts(text)[key] == (value, polarity)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # neighbours: a feeling is no symptom, a place rented keeps its key, going off somewhere
        # is still going
        ("I've been feeling great lately", None),
        ("I feel like a walk", None),
        ("I rent an apartment in Leeds", "home:apartment in leeds"),
        ("I went off to college", "activities:went off to college"),
        ("I go off to work at 6", "habits:go off to work at 6"),
    ],
)
def test_neighbours_stay(text: str, key: str | None) -> None:
    found = facts(text)
    assert (key in found) if key else not any(k.startswith("health:") for k in found)


def test_gone_off_is_no_activity() -> None:
    text = "I've gone off drum machines lately; these days I record real drums."
    assert "activities:gone off drum machines" not in facts(text)
