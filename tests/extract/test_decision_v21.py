"""persona6.decision.v21: a place or a time taken for once, with no other option named, is no
decision ("I'll take the 3pm slot", "we swapped seats"); a kind chosen or one chosen over another
stays one ("I picked the aisle seat", "I'll vote for the Friday slot over Monday").
"""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import decision


def _decisions(text: str) -> list[tuple[str, str]]:
    return [(s.key, s.value) for s in extracted(decision.NAME, text)]


def test_version() -> None:
    assert decision.NAME == "persona6.decision.v21"


@pytest.mark.parametrize(
    "text",
    [
        "I'll take the 3pm slot",
        "I'll go with the 10am appointment",
        "ok I'll book the 9:15 slot",
        "I chose the 2:30 appointment",
        "I picked tuesday",
        "went with the thursday session",
        "we swapped seats for the second half",
        "I swapped my seat for hers",
        "swapped places with my sister for the photo",
        "I swapped my seat for the one by the door",
        "I'll grab the noon slot then",
        "i'll take the 11am one",
    ],
)
def test_a_time_or_a_place_taken_once_is_no_decision(text: str) -> None:
    assert _decisions(text) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I picked the aisle seat", "aisle seat"),
        ("I'll go with the blue one", "blue one"),
        ("I picked Postgres", "postgres"),
        ("I'll take the Pro plan", "pro plan"),
        ("Final call - the evening shift.", "evening shift"),
        ("I went with the standing desk", "standing desk"),
    ],
)
def test_a_thing_or_a_kind_chosen_stays(text: str, key: str) -> None:
    assert (key, "chose") in _decisions(text)


@pytest.mark.parametrize(
    ("text", "chosen", "rejected"),
    [
        ("I'll vote for the Friday slot over Monday", "friday slot", "monday"),
        ("I'm picking the aisle seat over the window", "aisle seat", "window"),
    ],
)
def test_a_slot_chosen_over_another_stays(text: str, chosen: str, rejected: str) -> None:
    got = _decisions(text)
    assert (chosen, "chose") in got and (rejected, "rejected") in got
