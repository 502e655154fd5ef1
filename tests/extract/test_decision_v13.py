"""persona6.decision.v13: a switch decided but not yet made says so ("we decided to move the
search cluster to blue-green deploys next quarter" -> "decided to switch to blue-green
deploys", was "switched to ..."); an action's decision is stated by its act ("upgrade:
photonest", was "switched: upgrade: photonest")."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6 import Persona6
from persona6.extract import decision
from persona6.types import SignalKind


def test_the_producer_is_v13() -> None:
    assert decision.NAME == "persona6.decision.v21"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "We decided to move the search cluster to blue-green deploys next quarter.",
            "decided to switch",
        ),
        ("I'm switching to Linear next month.", "decided to switch"),
        ("We're migrating our tickets to Linear.", "decided to switch"),
        ("We switched to Linear last month.", "switched"),
        ("I've moved from Trello to Notion.", "switched"),
        ("We migrated from Jenkins to GitHub Actions.", "switched"),
    ],
)
def test_a_switch_to_come_is_said_as_decided(text: str, value: str) -> None:
    assert [s.value for s in extracted(decision.NAME, text)] == [value]


def _statements(*events: dict) -> list[str]:
    with Persona6(db=":memory:") as p6:
        p6.record(
            [
                {"ts": f"2026-03-01T10:00:{n:02d}Z", "session_id": "s1", "user_id": "u1", **e}
                for n, e in enumerate(events)
            ]
        )
        p6.build()
        return [t.statement for t in p6.person("u1").traits if t.kind is SignalKind.DECISION]


def test_a_decided_switch_reads_as_decided() -> None:
    said = "We decided to move the search cluster to blue-green deploys next quarter."
    assert _statements({"type": "message", "text": said}) == [
        "decided to switch to blue-green deploys"
    ]


def test_an_actions_decision_is_stated_by_its_act() -> None:
    upgrade = {"type": "action", "name": "upgrade", "text": "photonest 1.7.4 -> 1.8.0"}
    cancel = {"type": "action", "name": "cancel_lesson", "text": "speaking_b1_03"}
    assert sorted(_statements(upgrade, cancel)) == [
        "cancel lesson: speaking b1",
        "upgrade: photonest",
    ]
