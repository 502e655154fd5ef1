"""persona6.decision.v7: a move between names shaped like towns' is no switch; a team's move
to a tool to come is a switch, as a past one is (the disclosure extractor reads no plan in it)."""

from __future__ import annotations

import pytest
from helpers import said

from persona6.extract import disclosure
from persona6.extract.decision import DecisionExtractor


def summary(text: str) -> list[tuple[str, str, float]]:
    return [(s.key, s.value, s.polarity) for s in DecisionExtractor().extract([said(1, text)])]


@pytest.mark.parametrize(
    "text",
    [
        "I moved from Dundee to Harrogate",
        "I moved from Harrogate to Dundee last year.",
        "I'm moving from Dundee to Peterborough next month.",
    ],
)
def test_a_move_between_towns_no_list_knows_is_no_switch(text: str) -> None:
    assert summary(text) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I moved from Trello to Basecamp.", "trello->basecamp"),
        ("I moved from Gmail to Proton", "gmail->proton"),
        # a team moves its tools; names no place list knows (since disclosure.v38 GeoNames'
        # cities of 100,000 people are places: "We moved from Dundee to Harrogate" is a move home)
        ("We moved from Quire to Tandem", "quire->tandem"),
    ],
)
def test_a_move_between_other_names_is_still_a_switch(text: str, key: str) -> None:
    assert summary(text) == [(key, "switched", 1.0)]


def test_a_teams_move_to_a_tool_to_come_is_a_switch_and_no_plan() -> None:
    text = "We're moving to Linear next quarter"
    assert summary(text) == [("->linear", "decided to switch", 1.0)]
    facts = [c.key for c in disclosure.disclosure_claims(text)]
    assert not [k for k in facts if k.startswith(("plans:", "home:"))]


def test_the_decision_and_disclosure_extractors_agree_on_a_move_of_home() -> None:
    for text, home in [
        ("I moved from Dundee to Harrogate", True),
        ("I moved from Trello to Basecamp", False),
    ]:
        facts = [c.key for c in disclosure.disclosure_claims(text)]
        assert any(k.startswith("home:") for k in facts) is home
        assert (summary(text) == []) is home
