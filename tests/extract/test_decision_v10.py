"""persona6.decision.v10: deciding to take a thing up chooses it, whatever the verb of taking up
("I have decided to enrol in X rather than Y" chose X, rejected Y), and an action's text keeps
no word that marks one occurrence ("cancel" on "speaking_b1_00" ... "_06" is one decision)."""

from __future__ import annotations

import pytest
from helpers import did, said

from persona6.extract.decision import NAME, DecisionExtractor, action_decision


def summary(text: str) -> list[tuple[str, str]]:
    return sorted((s.key, s.value) for s in DecisionExtractor().extract([said(1, text)]))


def test_the_producer_is_v10() -> None:
    assert NAME == "persona6.decision.v21"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I have decided to enrol in the advanced writing course rather than the "
            "conversation course.",
            [("advanced writing course", "chose"), ("conversation course", "rejected")],
        ),
        (
            "I decided to sign up for the yoga class instead of pilates.",
            [("pilates", "rejected"), ("yoga class", "chose")],
        ),
        ("We decided to join the community solar program", [("community solar program", "chose")]),
        ("I decided to try the keto diet.", [("keto diet", "chose")]),
        ("I've decided to book the hotel near the station.", [("hotel near the station", "chose")]),
        (
            "I chose to sign up for the pro plan rather than the basic plan",
            [("basic plan", "rejected"), ("pro plan", "chose")],
        ),
        # an alternative named after any chosen thing
        ("We went with Notion instead of Trello.", [("notion", "chose"), ("trello", "rejected")]),
        # as before
        ("I have decided to go with the annual plan", [("annual plan", "chose")]),
        ("We decided to buy the bigger battery.", [("bigger battery", "chose")]),
    ],
)
def test_deciding_to_take_a_thing_up_chooses_it(text: str, expected: list) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an act rather than a thing, naming nothing ("I decided to call my mom" is an act
        # decided since v15: test_decision_v15)
        "I decided to take a break.",
        "I decided to get some rest",
        "I decided to try my best",
        # asked or hypothetical
        "Did you decide to buy the car?",
        "If I decided to join the gym, would it help?",
    ],
)
def test_other_decisions_to_do_choose_nothing(text: str) -> None:
    assert summary(text) == []


def test_a_choice_to_do_something_else_is_an_act_decided() -> None:
    # no verb of taking up: the act decided, stated (v15; v9 read "to go to networking events")
    assert summary("Yesterday I chose to go to networking events.") == [
        ("decided to go to networking events", "decided to go to networking events")
    ]


@pytest.mark.parametrize(
    ("name", "text", "key"),
    [
        ("cancel", "speaking_b1_00", "cancel: speaking b1"),
        ("cancel", "speaking_b1_06", "cancel: speaking b1"),
        ("select", "Plan 2026-09-01", "select: plan"),
        ("accept", "offer a3f9c2d1", "accept: offer"),
        # an id alone leaves the name
        ("cancel", "e00032", "cancel"),
        ("cancel", "#4411", "cancel"),
        # a short name with a digit is a name
        ("upgrade", "10kW plan", "upgrade: 10kw plan"),
        ("select", "mp3 export", "select: mp3 export"),
        ("switch", "v2 api", "switch: v2 api"),
        ("select", "pro plan", "select: pro plan"),
    ],
)
def test_an_actions_key_keeps_no_mark_of_one_occurrence(name: str, text: str, key: str) -> None:
    decision = action_decision(did(1, name, text))
    assert decision is not None
    assert decision.key == key


def test_the_same_act_on_numbered_occurrences_is_one_decision_made_again() -> None:
    events = [did(n, "cancel", f"speaking_b1_{n:02d}") for n in (0, 2, 4)]
    (signal,) = DecisionExtractor().extract(events)
    assert (signal.key, signal.value, signal.measure) == ("cancel: speaking b1", "rejected", 3.0)
    assert [e.quote for e in signal.evidence] == [
        "speaking_b1_00",
        "speaking_b1_02",
        "speaking_b1_04",
    ]
