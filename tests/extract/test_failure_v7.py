"""persona6.failure.v7: giving up in words is abandon; doing it oneself is self_fix; asking what
to do keeps the failure open, so the assistant's answer or apology is no second failure.

The sessions are the review's (a beekeeping and a freight product), in small."""

from __future__ import annotations

import pytest
from helpers import bot, did, said, stored_event

from persona6.extract.failure import FailureExtractor, Reaction, find_failures, reaction_labels
from persona6.types import Signal, StoredEvent


def got(n: int, name: str, text: str | None = None, actor: str = "u1") -> StoredEvent:
    return stored_event(n, "outcome", text, actor, name=name)


def episodes(session: list[StoredEvent]) -> list[Signal]:
    return list(FailureExtractor().extract(session))


def only(session: list[StoredEvent]) -> Signal:
    found = episodes(session)
    assert len(found) == 1, [(s.key, s.value) for s in found]
    return found[0]


def labels(text: str) -> set[Reaction]:
    return reaction_labels(said(1, text))


# -- 1. Giving up, in words, is abandon ------------------------------------------------------


def test_forget_it_after_a_retry_that_failed_again_is_abandon_decided_by_the_message() -> None:
    session = [
        did(1, "export", "checklist pdf"),
        got(2, "timeout", "Export timed out"),
        said(3, "again??"),
        did(4, "retry", "checklist pdf"),
        got(5, "timeout", "Export timed out"),
        said(6, "forget it ill do it tmrw"),
        said(7, "if the almond contract falls through we'd have to sell 50 hives so this matters"),
    ]
    first, second = episodes(session)
    assert (first.value, second.value) == ("retry", "abandon")
    assert second.context["reaction_event_id"] == "e6"
    assert second.measure == 10.0  # the moment it was said, not the end of the session


@pytest.mark.parametrize(
    "text",
    [
        "forget it ill do it tmrw",
        "never mind, I give up",
        "Never mind.",
        "nvm",
        "ok forget about it",
        "I give up",
        "not worth the hassle",
        "I'll try again tomorrow",
        "let's leave it for now",
        "I'll come back to it later",
        "maybe later",
        "screw it",
    ],
)
def test_giving_up_or_putting_it_off_is_abandon_not_switch(text: str) -> None:
    session = [did(1, "export", "checklist pdf"), got(2, "timeout"), said(3, text)]
    assert only(session).value == "abandon"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # v21: what cannot be read is no guessed switch (test_failure_v21); v22: it is no act,
        # so nothing follows: abandon by silence, not by its words (None: test_failure_v22)
        ("don't forget it, please save my draft", None),
        ("I won't give up on this export", None),
        ("never mind the formatting, just give me the numbers", "switch"),
        ("should I give up on the pdf?", None),
        ("remind me tomorrow", "switch"),
        ("never mind, got it", "self_fix"),  # the fix outranks the words
        # v19: the job done by hand is switch (docs/behavior.md), test_failure_v19
        ("forget it, I'll just do it manually", "switch"),
        # v16: a judgement beside giving up is its reason, not a complaint of its own
        ("ugh useless, forget it", "abandon"),
    ],
)
def test_what_only_sounds_like_giving_up(text: str, label: str | None) -> None:
    session = [did(1, "export", "checklist pdf"), got(2, "timeout"), said(3, text)]
    found = episodes(session)
    assert [s.value for s in found] == [label or "abandon"]
    if label is None:
        assert found[0].context["reaction_event_id"] is None  # silence, not the words


def test_an_apology_after_giving_up_is_no_new_failure() -> None:
    session = [
        did(1, "export", "checklist pdf"),
        got(2, "timeout"),
        said(3, "never mind, I give up"),
        bot(4, "Sorry about that."),
        did(5, "open", "hive list"),
    ]
    assert only(session).value == "abandon"


# -- 2. Doing it oneself is self_fix -----------------------------------------------------------


def test_fixing_it_oneself_in_settings_is_self_fix_not_the_later_retry() -> None:
    session = [
        did(1, "submit", "plan 3 loads"),
        got(2, "error", "Route calculation failed: HOS constraint violated for driver D-07"),
        said(3, "Driver 7 has reset at 6am, your system is wrong. I fix it myself in settings."),
        did(4, "command", "edit driver D-07 hos_reset 06:00"),
        got(5, "success"),
        did(6, "submit", "plan 3 loads"),
    ]
    signal = only(session)
    # One episode, one label: the fix is what they did; the correction is no feedback action.
    assert signal.value == "self_fix"
    assert signal.context["reaction_event_id"] == "e3"
    assert signal.evidence[0].quote.startswith("Driver 7 has reset")


@pytest.mark.parametrize(
    "text",
    [
        "I fix it, I choose other template.",
        "I'll fix it myself",
        "I fix it myself in settings.",
        "I changed it in settings",
        "ok I'll do it myself",
        "I updated the address myself",
        "we set the rate by hand",
        "Changed it in settings, works.",
    ],
)
def test_saying_one_did_it_oneself_is_self_fix(text: str) -> None:
    assert Reaction.SELF_FIX in labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "How do I fix it?",
        "can you fix it?",
        "Fix it.",
        "I can't fix it myself",
        "if I fix it myself, will it stay?",
        "Should I change it in settings?",
        "I want you to fix it",
        "I tried to fix it myself but it still fails",
    ],
)
def test_asking_about_a_fix_or_wanting_one_is_no_self_fix(text: str) -> None:
    assert Reaction.SELF_FIX not in labels(text)


# -- 3. Asking what to do keeps the failure open ---------------------------------------------


def test_a_timeout_asked_about_and_retried_by_the_assistant_is_one_episode() -> None:
    session = [
        did(1, "submit", "reminder: temp>12C check Byron"),
        got(2, "timeout", "Request timed out after 30s"),
        said(
            3,
            "It seems to have gone wrong, there is a message saying timed out. What should I do?",
        ),
        bot(4, "Sorry about that. I'll try again for you."),
        did(5, "retry", "reminder: temp>12C check Byron"),
        got(6, "success"),
        said(7, "Thank you, dear."),
    ]
    assert [f.name for f in find_failures(session)] == ["timeout"]
    signal = only(session)
    # Asking is not moving on: the window's retry of the failed action decides, not switch.
    assert signal.value == "retry"
    assert signal.context["reaction_event_id"] == "e5"


@pytest.mark.parametrize(
    "question",
    [
        "What should I do?",
        "what happened?",
        "did I do something wrong?",
        "how do I fix this?",
        "Could you explain in simple terms what I should do?",
        "Oh dear, it says something about a dose unit. Should I write millilitres?",
        "huh?",
    ],
)
def test_an_apology_answering_a_question_about_the_failure_is_the_same_episode(
    question: str,
) -> None:
    session = [
        did(1, "upload", "hives.csv"),
        got(2, "error", "Import failed: row 74"),
        said(3, question),
        bot(4, "Sorry, the file has an invalid row. Fix row 74 and upload it again."),
        did(5, "upload", "hives_fixed.csv"),
    ]
    assert [f.name for f in find_failures(session)] == ["error"]
    assert only(session).value == "rephrase"


def test_a_report_that_asks_what_to_do_asks_and_does_not_complain() -> None:
    text = "It seems to have gone wrong, there is a message saying timed out. What should I do?"
    assert labels(text) == set()
    assert labels("It seems to have gone wrong again, useless.") == {Reaction.COMPLAIN}
    assert labels("it still doesn't work") == {Reaction.COMPLAIN}


def test_saying_it_went_wrong_is_a_report_of_a_failure_of_its_own() -> None:
    session = [said(1, "Something has gone wrong, there's a message saying request failed.")]
    assert [f.name for f in find_failures(session)] == ["user_reported"]


def test_an_apology_that_only_promises_to_try_again_reports_no_error() -> None:
    session = [
        said(1, "set a reminder for Byron"),
        bot(2, "Sorry about that. I'll try again for you."),
    ]
    assert find_failures(session) == []
    failed = [said(1, "set a reminder for Byron"), bot(2, "Sorry, that failed. I'll try again.")]
    assert [f.name for f in find_failures(failed)] == ["assistant_error"]


def test_after_moving_on_an_apology_is_a_new_failure_still() -> None:
    session = [
        did(1, "upload", "hives.csv"),
        got(2, "error"),
        said(3, "what happened?"),
        did(4, "open", "hive list"),
        bot(5, "Sorry, I couldn't load the hive list."),
    ]
    assert [f.name for f in find_failures(session)] == ["error", "assistant_error"]
