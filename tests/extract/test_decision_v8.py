"""persona6.decision.v8: chat drops the subject of a past act at the start of a sentence
("ditched Trello last month"); a phrasal "picked up" / "picked on" chooses nothing."""

from __future__ import annotations

import pytest
from helpers import said

from persona6.extract.decision import DecisionExtractor


def summary(text: str) -> list[tuple[str, str, float]]:
    return sorted(
        (s.key, s.value, s.polarity) for s in DecisionExtractor().extract([said(1, text)])
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ditched hivetracks last month", [("hivetracks", "rejected", -1.0)]),
        ("Ditched Trello, too slow.", [("trello", "rejected", -1.0)]),
        ("Finally gave up on Evernote.", [("evernote", "rejected", -1.0)]),
        ("Decided against the upgrade for now", [("upgrade", "rejected", -1.0)]),
        ("went with the fondant in the end", [("fondant", "chose", 1.0)]),
        ("ok. settled on Notion", [("notion", "chose", 1.0)]),
        ("Switched to Notion last week.", [("->notion", "switched", 1.0)]),
        ("Finally switched from Trello to Linear", [("trello->linear", "switched", 1.0)]),
        ("migrated over to Postgres", [("->postgres", "switched", 1.0)]),
        ("I picked out a dress", [("dress", "chose", 1.0)]),
    ],
)
def test_a_past_act_without_its_subject_is_the_speakers_decision(text: str, expected: list) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Selected rows are deleted when you save.",
        "Ordered by date, please.",
        "Cancelled orders show up twice in the export.",
        "Abandoned carts are not counted.",
        "Dropped packets again on the VPN.",
        "Moved to Leeds last year.",
        "Switched off the alarm.",
        "picked up the kids at 5",
        "I picked up the kids",
        "I picked on him once",
        "if I went with Stripe would refunds work?",
        "Went with it.",
    ],
)
def test_no_decision_from_a_thing_named_by_its_participle_or_a_phrasal_verb(text: str) -> None:
    assert summary(text) == []
