"""persona6.failure.v22: a message that shows no reaction and moves to nothing counts as no act.

failure.v21 stopped reading such a message ("hmm", "ok", "Whatever you think is best", "is it
on my side?") as a default switch, but with no later act it emitted no episode at all: the
failure the person reported vanished, though the person, by docs/behavior.md's own definition
of `abandon`, did nothing more about it. From v22 the message is no act: the window's next act
decides; when the window holds nothing else, the actor's next act after it (before their next
failure or the good end of their work); with none it is silence, `abandon`, and v10's
exceptions hold (no episode once their work came to a good end). The v21 cases stay: no
guessed switch, a request for something else still moves on, a later act still decides."""

from __future__ import annotations

import pytest
from helpers import bot, did, got, said
from helpers import failure_episodes as episodes

from persona6.extract.failure import FailureExtractor
from persona6.types import StoredEvent

UNREAD = [
    "hmm",
    "ok",
    "I see.",
    "interesting.",
    "Whatever you think is best.",
    "What does this error code mean exactly, is it on my side?",
    "So is that a known thing?",
    "my cat just knocked my tea over lol",
    "i'll take the train",
    "right",
]


def test_the_producer_is_v22() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def signals(session: list[StoredEvent]) -> list:
    return list(FailureExtractor().extract(session))


@pytest.mark.parametrize("text", UNREAD)
def test_a_reported_failure_and_an_unread_reply_is_abandon(text: str) -> None:
    found = signals([said(1, "The export crashed."), said(2, text)])
    assert [(s.key, s.value) for s in found] == [("user_reported", "abandon")]
    assert found[0].context["reaction_event_id"] is None  # silence, not the message's words
    assert found[0].measure is None


@pytest.mark.parametrize("text", UNREAD)
def test_a_failed_action_and_an_unread_reply_is_abandon(text: str) -> None:
    session = [did(1, "submit_form", "submit"), got(2, "upload_failed"), said(3, text)]
    assert episodes(session) == [("upload_failed", "abandon")]


def test_several_unread_replies_are_still_no_act() -> None:
    session = [
        said(1, "my bank sync failed again"),
        said(2, "hmm"),
        said(3, "ok"),
        said(4, "right"),
    ]
    assert episodes(session) == [("user_reported", "abandon")]


def test_silence_after_a_later_success_stays_no_episode() -> None:
    # v10: the work came to a good end, so nothing was left unresolved
    session = [did(1, "submit_form", "submit"), got(2, "upload_failed"), said(3, "hmm")]
    assert episodes([*session, got(4, "upload_done")]) == []
    assert episodes([*session, got(4, "upload_done"), did(5, "open_settings")]) == []


@pytest.mark.parametrize(
    ("after", "label"),
    [
        # an act later in the window still decides (v21)
        (did(4, "submit_form", "submit"), "retry"),
        (did(4, "open_settings"), "switch"),
        (said(4, "forget it"), "abandon"),
        (said(4, "this is useless"), "complain"),
        (said(4, "How do I add a teammate?"), "switch"),
        # past the window (over ten minutes later, or after three unread messages) the next act
        # decides as a first act does
        (did(90, "open_settings"), "switch"),
        (did(90, "submit_form", "submit"), "retry"),
        (said(90, "can you show me the weekly totals?"), "switch"),
    ],
)
def test_the_next_act_after_an_unread_reply_decides(after: StoredEvent, label: str) -> None:
    session = [did(1, "submit_form", "submit"), got(2, "upload_failed"), said(3, "hmm")]
    found = signals([*session, after])
    assert [(s.key, s.value) for s in found] == [("upload_failed", label)]
    assert found[0].context["reaction_event_id"] == after.event_id


def test_unread_replies_past_the_window_are_no_act_either() -> None:
    session = [did(1, "submit_form", "submit"), got(2, "upload_failed"), said(3, "hmm")]
    assert episodes([*session, said(90, "ok"), said(91, "i see")]) == [("upload_failed", "abandon")]
    window = [said(4, "ok"), said(5, "right"), said(6, "i see")]
    assert episodes([*session, *window, did(7, "open_settings")]) == [("upload_failed", "switch")]


def test_an_assistant_failure_with_an_unread_reply_is_abandon() -> None:
    session = [
        said(1, "export my timesheet as a pdf"),
        bot(2, "Sorry, I couldn't generate the PDF."),
        said(3, "hmm ok"),
    ]
    assert [value for _, value in episodes(session)] == ["abandon"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # neighbours that read as before: no guessed switch, a new request moves on, words
        ("How do I add a teammate?", "switch"),
        ("then summarise last week's tickets", "switch"),
        ("Moving over to Ableton for this.", "switch"),
        ("forget it", "abandon"),
        ("trying again", "retry"),
        ("I'll do it by hand", "switch"),
    ],
)
def test_a_read_reply_decides_as_before(text: str, label: str) -> None:
    found = signals([said(1, "The export crashed."), said(2, text)])
    assert [(s.key, s.value) for s in found] == [("user_reported", label)]
    assert found[0].context["reaction_event_id"] == "e2"


def test_an_act_past_the_window_is_cited_as_the_reaction() -> None:
    session = [did(1, "submit_form", "submit"), got(2, "upload_failed"), said(3, "hmm")]
    found = signals([*session, said(90, "forget it")])
    assert [s.value for s in found] == ["abandon"]
    assert found[0].context["reaction_event_ids"] == ["e3", "e90"]
    assert [c.event_id for c in found[0].evidence] == ["e90"]
