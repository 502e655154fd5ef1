"""A failure trait says the act its reaction was when the act says more than the reaction's
kind (data/graph.yaml ``failure_acts``); the trait's value stays the kind."""

from __future__ import annotations

import pytest

from persona6.graph.consolidate import KeyState, SessionSay, consolidate, said_act
from persona6.types import Evidence, Signal, SignalKind


def episode(session: str, day: int, reaction: str, act: str | None, event: str) -> Signal:
    return Signal(
        actor="u-1",
        kind=SignalKind.FAILURE,
        key="dashboard_broken",
        value=reaction,
        polarity=0,
        session_id=session,
        ts=f"2026-01-{day:02d}T10:00:00.000000Z",
        producer="test.v1",
        evidence=(Evidence(event_id=event, start=0, end=1, quote="x"),),
        context={"reaction_act": act, "undoes": False},
    )


@pytest.mark.parametrize(
    ("reaction", "acts", "said"),
    [
        ("switch", {"revert_change": 3}, "revert change"),
        ("switch", {"RollbackDeploy": 2, "open_docs": 1}, "rollback deploy"),
        ("escalate", {"open_ticket": 2}, "open ticket"),
        ("feedback", {"thumbs_down": 4}, "thumbs down"),
        ("self_fix", {"edit_query": 2, "": 1}, "edit query"),
        # the failed attempt again: the act names what failed, not the reaction
        ("retry", {"book": 3}, ""),
        ("rephrase", {"rewrite_prompt": 3}, ""),
        # the act's name only says what carried it (its text is the act)
        ("switch", {"run": 3}, ""),
        ("switch", {"submit": 2}, ""),
        ("rephrase", {"command": 2}, ""),
        # named as the kind
        ("escalate", {"escalate": 2}, ""),
        ("escalate", {"Escalated": 2}, ""),
        # no act holds more than half of the reaction's episodes
        ("escalate", {"open_ticket": 1, "": 1}, ""),
        ("switch", {"revert_change": 1, "open_docs": 1}, ""),
        ("abandon", {"": 3}, ""),
        ("switch", {}, ""),
    ],
)
def test_the_act_said_is_more_specific_than_the_reaction(reaction, acts, said):
    assert said_act(reaction, acts) == said


def test_a_rollback_after_failures_reads_as_the_act_and_stays_a_switch():
    episodes = [
        episode("s1", 1, "switch", "revert_change", "e1"),
        episode("s2", 2, "switch", "revert_change", "e2"),
        episode("s3", 3, "switch", "revert_change", "e3"),
    ]
    (trait,) = consolidate("u-1", episodes)
    assert trait.value == "switch"
    assert trait.statement == "after a dashboard broken: switch (revert change, 3 of 3 episodes)"


def test_the_act_is_said_beside_a_mixed_tally():
    episodes = [
        episode("s1", 1, "switch", "rollback", "e1"),
        episode("s1", 1, "retry", "deploy", "e2"),
        episode("s2", 2, "switch", "rollback", "e3"),
    ]
    (trait,) = consolidate("u-1", episodes)
    assert trait.value == "switch"
    assert trait.statement == (
        "after a dashboard broken: switch (rollback, 2 of 3 episodes: switch 2, retry 1)"
    )


@pytest.mark.parametrize(
    ("reaction", "act"),
    [("retry", "deploy"), ("switch", "run"), ("escalate", None), ("escalate", "escalate")],
)
def test_a_reaction_whose_act_says_no_more_reads_as_before(reaction, act):
    episodes = [episode(f"s{i}", i, reaction, act, f"e{i}") for i in (1, 2)]
    (trait,) = consolidate("u-1", episodes)
    assert trait.statement == f"after a dashboard broken: {reaction} (2 of 2 episodes)"


def test_a_stored_state_keeps_the_acts():
    first = [episode("s1", 1, "switch", "rollback", "e1")]
    later = [episode("s2", 2, "switch", "rollback", "e2")]
    state = KeyState(SignalKind.FAILURE, "dashboard_broken")
    state.add(SessionSay("s1", first))
    again, _ = KeyState.from_json(SignalKind.FAILURE, "dashboard_broken", state.to_json())
    again.add(SessionSay("s2", later))
    (trait,) = again.traits("u-1")
    assert trait == consolidate("u-1", first + later)[0]
    assert trait.statement == "after a dashboard broken: switch (rollback, 2 of 2 episodes)"
