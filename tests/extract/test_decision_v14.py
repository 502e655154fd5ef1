"""persona6.decision.v14: a step of a plan laid out is no decision ("..., and then I'll order
parts" chose nothing, was "chose: parts"); a choice made in a sequence told, or a "then" of
consequence ("OK, then I'll go with the blue one"), still is."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import decision


def _decisions(text: str) -> list[tuple[str, str]]:
    return [(s.key, s.value) for s in extracted(decision.NAME, text)]


def test_the_producer_is_v14() -> None:
    assert decision.NAME == "persona6.decision.v21"


@pytest.mark.parametrize(
    "text",
    [
        # review 8 DE1: an outline of steps, the last one an act to come
        "Hey. Let's outline first: what needs replacing, in what order, and then I'll order parts.",
        "First we'll measure the room, then we'll buy tiles.",
        "I'll sketch the layout; then I'll book a plumber.",
        "After that I'll book the 3pm slot.",
        "Measured the room. First I'll buy the paint, then the brushes.",
    ],
)
def test_a_step_of_a_plan_is_no_decision(text: str) -> None:
    assert _decisions(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I'll order the parts.", [("parts", "chose")]),
        # a "then" of consequence: the choice is made in that case
        ("OK, then I'll go with the blue one.", [("blue one", "chose")]),
        ("Fine, then I'll go with Postgres.", [("postgres", "chose")]),
        ("Then I'll take the pro plan.", [("pro plan", "chose")]),
        # a choice told in a sequence of past acts was made
        ("We compared both and then we bought the blue one.", [("blue one", "chose")]),
        # the choice first, the step after it
        ("I'll go with Postgres, then I'll set up the schema.", [("postgres", "chose")]),
    ],
)
def test_a_choice_beside_a_then_still_is_one(text: str, found: list[tuple[str, str]]) -> None:
    assert _decisions(text) == found
