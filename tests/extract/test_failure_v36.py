"""persona6.failure.v36: a reaction told in the very message that reports the failure labels
the episode, at 0 s, cited on its own clause; the report's own words, a case supposed, reported
speech, a question and a negation tell none, and later acts still decide when it tells none."""

from __future__ import annotations

import pytest
from helpers import stored_event

from persona6.extract.failure import FailureExtractor
from persona6.types import StoredEvent


def test_the_producer_is_v36() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def episodes(session: list[StoredEvent]) -> list[tuple[str, str, float | None, str]]:
    return [
        (s.key, s.value, s.measure, s.evidence[0].quote if s.evidence else "")
        for s in FailureExtractor().extract(session)
    ]


def alone(text: str) -> list[tuple[str, str, float | None, str]]:
    return episodes([stored_event(1, "message", text, "u1", role="user")])


TOLD = [
    # retry
    (
        "The export crashed again so I retried and it worked.",
        "retry",
        "so I retried and it worked.",
    ),
    (
        "payment page timed out, tried again and it went through",
        "retry",
        "tried again and it went through",
    ),
    (
        "The booking form errored on submit. Resubmitted it a minute later.",
        "retry",
        "Resubmitted it a minute later.",
    ),
    (
        "Playlist wouldn't load, hit refresh a couple of times and it came up.",
        "retry",
        "hit refresh a couple of times and it came up.",
    ),
    (
        "The flight search timed out so I searched again and got results.",
        "retry",
        "so I searched again and got results.",
    ),
    (
        "recipe import failed, pasted the link again, worked second time",
        "retry",
        "pasted the link again, worked second time",
    ),
    ("crashed. retried. ok now", "retry", "retried."),
    # escalate
    (
        "the app keeps freezing, I've emailed your support team",
        "escalate",
        "I've emailed your support team",
    ),
    (
        "my grocery order got cancelled for no reason so i opened a ticket",
        "escalate",
        "so i opened a ticket",
    ),
    (
        "Baby monitor keeps dropping connection, please get support to fix this.",
        "escalate",
        "please get support to fix this.",
    ),
    (
        "Router keeps disconnecting, I'll ask my IT guy tomorrow.",
        "escalate",
        "I'll ask my IT guy tomorrow.",
    ),
    ("error 500 again, pinged support", "escalate", "pinged support"),
    (
        "The pharmacy app rejected my prescription upload, so I rang the pharmacist.",
        "escalate",
        "so I rang the pharmacist.",
    ),
    # switch
    ("Sync failed again. Switching to Dropbox.", "switch", "Switching to Dropbox."),
    (
        "Upload keeps failing, I just copied the files by hand instead.",
        "switch",
        "I just copied the files by hand instead.",
    ),
    (
        "The budget export is broken, gave up and did it in Excel.",
        "switch",
        "gave up and did it in Excel.",
    ),
    (
        "Spotify keeps skipping tracks so im using youtube music now",
        "switch",
        "so im using youtube music now",
    ),
    (
        "The budgeting tool double-counted my rent again, moved everything to a spreadsheet.",
        "switch",
        "moved everything to a spreadsheet.",
    ),
    # self_fix
    (
        "Tracker stopped syncing, restarted it and now it's fine.",
        "self_fix",
        "restarted it and now it's fine.",
    ),
    (
        "login kept failing, cleared my cookies and it worked",
        "self_fix",
        "cleared my cookies and it worked",
    ),
    (
        "Stream kept buffering so I dropped the quality to 720p and that fixed it.",
        "self_fix",
        "and that fixed it.",
    ),
    # abandon said
    ("Export failed again. Forget it.", "abandon", "Forget it."),
    ("Payment keeps failing, I'll try again tomorrow.", "abandon", "I'll try again tomorrow."),
    # complain: a judgement beside the report
    ("The app crashed again, this is useless.", "complain", "this is useless."),
    ("checkout froze AGAIN. absolutely ridiculous", "complain", "absolutely ridiculous"),
    # feedback: a question for the cause names the failure
    (
        "The total is wrong - why did it double count the refund?",
        "feedback",
        "why did it double count the refund?",
    ),
]


@pytest.mark.parametrize(("text", "label", "quote"), TOLD)
def test_a_reaction_told_with_the_report_labels_it(text: str, label: str, quote: str) -> None:
    # was abandon (silence) for every one: the report's own words were never read as a reaction
    assert alone(text) == [("user_reported", label, 0.0, quote)]


SILENT = [
    "The export crashed again.",
    "The backup failed last night and I'll switch to Dropbox if it fails again.",
    "the app keeps freezing, my brother says I should email support",
    "Upload failed. Should I try again?",
    "The calendar sync is broken and I don't want to switch to Google.",
    "wifi plug keeps going offline, I can't fix it myself",
    "the units setting keeps reverting to imperial",
    "The hotel booking failed and I don't know what to do.",
    "The payment failed. Should I switch to PayPal?",
]


@pytest.mark.parametrize("text", SILENT)
def test_a_report_that_tells_no_reaction_stays_silence(text: str) -> None:
    (found,) = alone(text)
    assert found[:3] == ("user_reported", "abandon", None)
    assert found[3] == text  # the report is cited whole, as before


def test_later_acts_decide_when_the_report_tells_none() -> None:
    session = [
        stored_event(1, "message", "The export crashed again.", "u1", role="user"),
        stored_event(2, "message", "ok I'll do it by hand then", "u1", role="user"),
    ]
    assert [e[1] for e in episodes(session)] == ["switch"]


def test_a_reaction_told_joins_the_window_by_precedence() -> None:
    told_retry = "The export crashed again so I retried."
    session = [
        stored_event(1, "message", told_retry, "u1", role="user"),
        stored_event(2, "message", "can someone from your team look at it?", "u1", role="user"),
    ]
    assert [e[1] for e in episodes(session)] == ["escalate"]  # escalate outranks retry
    session = [
        stored_event(
            1, "message", "Sync failed again. I've emailed your support team.", "u1", role="user"
        ),
        stored_event(2, "message", "trying again", "u1", role="user"),
    ]
    assert episodes(session) == [
        ("user_reported", "escalate", 0.0, "I've emailed your support team.")
    ]
