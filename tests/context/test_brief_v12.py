"""brief.v12 (docs/context.md): a preference that consolidation ended with a change of mind
("from now on ...", docs/graph.md change cues) is named on the line of the one that replaced
it, as a side out of date is (brief.v11): the agent sees what they wanted before."""

from __future__ import annotations

from persona6.context.brief import PRODUCER
from tests.context.test_brief_v10 import _brief, _said


def test_the_producer_is_v12_or_later():
    assert PRODUCER.startswith("persona6.brief.v1") and PRODUCER >= "persona6.brief.v12"


def test_a_preference_ended_by_a_change_of_mind_is_named_on_the_new_line():
    sessions = _said(
        "I prefer phone calls for reminders.",
        "The pharmacy portal logged me out again.",
        "From now on, I prefer text messages for reminders.",
    )
    text = _brief(sessions, "Send them the refill reminder", 400).text
    assert 'replaces earlier "prefers phone calls for reminders"' in text, text
    assert "prefers phone calls for reminders (" not in text, text


def test_no_change_of_mind_no_note():
    """The neighbour: the same two likes without a change cue are two preferences."""
    sessions = _said(
        "I prefer phone calls for reminders.",
        "The pharmacy portal logged me out again.",
        "I like text messages for receipts.",
    )
    text = _brief(sessions, "Send them the refill reminder", 400).text
    assert "replaces earlier" not in text, text
