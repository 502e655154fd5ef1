"""persona6.decision.v16: a past choice names the thing not taken after "over" when its verb is
one of choosing (decisions.yaml ``over_verbs``: chose, picked, selected, opted for, went with,
settled on, decided on, ...): "Our team chose Figma over Sketch" chooses Figma and rejects
Sketch, as "instead of" and "rather than" did. "Our team", "our family", ... choose for the
speaker's group. Not after a verb of buying or booking ("booked a cabin over the lake"), not a
stretch of time ("over the weekend"), not someone else's choice ("My sister chose ...")."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import decision


def _decisions(text: str) -> set[tuple[str, str]]:
    return {(s.key, s.value) for s in extracted(decision.NAME, text)}


def test_the_producer_is_v16() -> None:
    assert decision.NAME == "persona6.decision.v21"


@pytest.mark.parametrize(
    ("text", "chosen", "rejected"),
    [
        ("Our team chose Figma over Sketch", "figma", "sketch"),
        ("we went with Postgres over MySQL", "postgres", "mysql"),
        ("I chose the train over the plane for the trip", "train", "plane"),
        ("i settled on a Honda Civic over the Corolla", "honda civic", "corolla"),
        ("We picked Lisbon over Barcelona for our honeymoon", "lisbon", "barcelona"),
        ("we ended up choosing React over Vue", "react", "vue"),
        ("We decided on Notion over Confluence", "notion", "confluence"),
        ("I opted for physio over surgery", "physio", "surgery"),
        (
            "In the end we went with the smaller venue over the hotel ballroom",
            "smaller venue",
            "hotel ballroom",
        ),
        ("Our family picked the beach house over the cabin", "beach house", "cabin"),
    ],
)
def test_over_after_a_verb_of_choosing_names_the_thing_not_taken(
    text: str, chosen: str, rejected: str
) -> None:
    assert _decisions(text) == {(chosen, "chose"), (rejected, "rejected")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # neighbours read as before
        (
            "I picked the blue one instead of the red one",
            {("blue one", "chose"), ("red one", "rejected")},
        ),
        ("I chose Figma.", {("figma", "chose")}),
        ("we switched from gas to a heat pump", {("gas->heat pump", "switched")}),
        # over as a preposition, or a stretch of time: nothing rejected
        ("We booked a cabin over the lake", {("cabin", "chose")}),
        ("I picked the tiles over the weekend", {("tiles", "chose")}),
        ("We chose a vendor over the phone", {("vendor", "chose")}),
        # another's choice, a question, a supposition: none
        ("My sister chose Figma over Sketch", set()),
        ("My boss picked Jira over Trello", set()),
        ("She opted for surgery over physio", set()),
        ("Should I pick Figma over Sketch?", set()),
        ("If we chose React over Vue we would be faster", set()),
    ],
)
def test_neighbours(text: str, expected: set[tuple[str, str]]) -> None:
    assert _decisions(text) == expected


def test_a_choice_of_an_act_instead_of_another_names_no_marker() -> None:
    # was ("instead of buying", "chose")
    assert ("instead of buying", "chose") not in _decisions("we chose to rent instead of buying")
