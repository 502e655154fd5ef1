"""persona6.brief.v16 (session 16): the assistant's boundaries are the product's rules, kept
before anything else once all of them fit in ``boundary_share`` of the budget; in a smaller
brief they rank as before, after what the task needs (docs/context.md, data/brief.yaml)."""

from __future__ import annotations

import pytest

from persona6.context.brief import PRODUCER, _Line, _reserved
from persona6.context.relevance import brief_data
from persona6.types import SignalKind
from tests.context.test_brief_v13 import _with_trait
from tests.context.test_brief_v15 import _HOUSE

_DEFAULT = (
    "Never invent facts, sources or results; say when you are unsure.",
    "Never reveal one person's data to another.",
    "Ask before any destructive or irreversible action.",
)

# Walt, with many requests on the very thing the task does: each ranks with the most relevant.
_REQUESTS = [
    (
        SignalKind.PREFERENCE,
        f"reinspection:{n}",
        f"wants the reinspection {what}",
        1.0,
        0.6,
        "I want a human adjuster in my kitchen",
    )
    for n, what in enumerate(
        [
            "done by a human adjuster in person, not over a video call",
            "booked on a Saturday morning, never on a weekday",
            "confirmed by email the week before, not by phone calls",
            "to cover the basement and the roof in one visit",
            "report sent as a PDF, not as a spreadsheet",
            "explained in plain words with the numbers of the appraisal",
            "scheduled a week ahead so they can take the day off",
            "with the claim number in every message about it",
            "adjuster to call when they are twenty minutes away",
            "to start after nine because of the school run",
            "photos shared with them the same day",
            "notes to list every room the adjuster looked at",
        ]
    )
]
_TASK = "Arrange the reinspection"


def test_the_producer_is_v16_or_later() -> None:
    assert PRODUCER in {
        "persona6.brief.v16",
        "persona6.brief.v17",
        "persona6.brief.v18",
        "persona6.brief.v19",
    }


def test_the_boundaries_hold_in_a_brief_crowded_with_requests_on_the_task() -> None:
    """Review 9: Walt's 400-token reinspection brief lost "Ask before any destructive or
    irreversible action" once his requests ranked up. Reserved, all three hold."""
    brief = _with_trait(_HOUSE, _REQUESTS, _TASK, 400)
    shown = [i.statement for i in brief.items if i.kind == "boundary"]
    assert shown == [f"Always: {b}" for b in _DEFAULT], brief.text
    assert brief.tokens <= 400
    # the requests still lead what bears on the task, in the room left
    assert sum(i.kind == "preference" for i in brief.items) >= 8, brief.text


@pytest.mark.parametrize("budget", [80, 100, 200])
def test_a_small_brief_is_what_the_task_needs_first(budget: int) -> None:
    """Below the share the boundaries rank as before: an 80-200-token brief crowded with
    requests on the task says those, not the product's rules."""
    brief = _with_trait(_HOUSE, _REQUESTS, _TASK, budget)
    kinds = [i.kind for i in brief.items]
    assert "boundary" not in kinds, brief.text
    assert "preference" in kinds, brief.text


def test_the_share_is_all_of_them_or_none() -> None:
    """The default spec's three lines and title (51 tokens) are reserved from 340 tokens at
    the documented share of 0.15; a spec of ten long rules is not at 400."""
    share = float(brief_data()["boundary_share"])
    assert share == 0.15
    lines = [_Line("boundary", f"Always: {b}", []) for b in _DEFAULT]
    assert not _reserved(lines, 339, share)
    assert _reserved(lines, 340, share)
    assert not _reserved([], 100_000, share)
    many = [_Line("boundary", f"Always: {b} (rule {n})", []) for n in range(4) for b in _DEFAULT]
    assert not _reserved(many, 400, share)
    assert _reserved(many, 1_700, share)
