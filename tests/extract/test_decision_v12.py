"""persona6.decision.v12: a switch decided on, by a team too ("We decided to move the search
cluster to blue-green deploys next quarter"); an arrow in an action's text joins the states
before and after, no switch of tools ("photonest 1.7.4 -> 1.8.0"); a decision with an empty
slot is never emitted."""

from __future__ import annotations

import pytest
from helpers import said, stored_event

from persona6.extract.decision import NAME, DecisionExtractor, empty_slot


def summary(text: str) -> list[tuple[str, str]]:
    return sorted((s.key, s.value) for s in DecisionExtractor().extract([said(1, text)]))


def action(text: str | None, name: str = "upgrade") -> list[tuple[str, str]]:
    event = stored_event(1, "action", text, "u1", name=name)
    return sorted((s.key, s.value) for s in DecisionExtractor().extract([event]))


def test_the_producer_is_v12() -> None:
    assert NAME == "persona6.decision.v21"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We decided to move the search cluster to blue-green deploys next quarter.",
            [("->blue-green deploys", "decided to switch")],
        ),
        (
            "We're moving the search cluster to blue-green deploys next quarter.",
            [("->blue-green deploys", "decided to switch")],
        ),
        ("We decided to switch to Linear.", [("->linear", "decided to switch")]),
        ("we've agreed to switch from Jira to Linear", [("jira->linear", "decided to switch")]),
        ("we decided to migrate the database to Postgres", [("->postgres", "decided to switch")]),
        ("we migrated our tickets to Linear", [("->linear", "switched")]),
        # a switch to come is a decision too, said as decided (v13)
        ("we're moving to Linear next quarter", [("->linear", "decided to switch")]),
        # neighbours: a thing moved that is no tool, a home; no switch, an act decided (v15)
        (
            "We decided to move the meeting to Friday.",
            [("decided to move the meeting to friday",) * 2],
        ),
        ("We decided to move to Denver.", [("decided to move to denver",) * 2]),
        ("I moved my family to Leeds.", []),
        ("We moved the couch to the living room.", []),
        ("We've finally switched from Trello to Linear.", [("trello->linear", "switched")]),
    ],
)
def test_a_switch_decided_on(text: str, expected: list) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("photonest 1.7.4 -> 1.8.0", [("upgrade: photonest", "switched")]),
        ("photonest 1.7.4 -> 1.8.1", [("upgrade: photonest", "switched")]),
        ("-> 1.8.1", [("upgrade", "switched")]),
        ("photonest 1.7 → 1.8", [("upgrade: photonest", "switched")]),
        ("basic -> pro", [("upgrade: basic to pro", "switched")]),
        ("photonest v1.7.4 -> v1.8.0", [("upgrade: photonest", "switched")]),
        # neighbours that stay
        ("from basic to pro", [("upgrade: from basic to pro", "switched")]),
        (None, [("upgrade", "switched")]),
    ],
)
def test_an_arrow_in_an_actions_text_is_no_switch_of_tools(text: str | None, expected) -> None:
    assert action(text) == expected


def test_an_actions_short_version_name_stays() -> None:
    assert action("v2 api", name="switch") == [("switch: v2 api", "switched")]


@pytest.mark.parametrize(
    ("key", "empty"),
    [
        ("upgrade: photonest ->", True),
        ("upgrade: >", True),
        ("->", True),
        ("trello->", True),
        ("upgrade: ", True),
        ("", True),
        ("->linear", False),
        ("trello->linear", False),
        ("upgrade: photonest", False),
        ("approval", False),
    ],
)
def test_a_key_with_an_empty_slot_is_never_emitted(key: str, empty: bool) -> None:
    assert empty_slot(key) is empty
