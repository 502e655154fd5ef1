"""persona6.failure.v37: "every" and "each" determine a part of the product as "the" does;
another person's words reported are not the person's breakage; a retry put off to a time to
come is ``abandon`` (docs/behavior.md's table: "I'll try again tomorrow"), whatever its words;
a person of the product's side made to act, by a bare role, is ``escalate``."""

from __future__ import annotations

import pytest
from helpers import did, got, said
from helpers import failure_episodes as episodes

from persona6.extract.failure import FailureExtractor


def test_the_producer_is_v37() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def reported(text: str) -> bool:
    return [key for key, _ in episodes([said(1, text)])] == ["user_reported"]


def after_failure(reaction: str) -> list[tuple[str, str]]:
    session = [did(1, "submit_form", "submit"), got(2, "upload_failed")]
    return episodes([*session, said(3, reaction)])


@pytest.mark.parametrize(
    "text",
    [
        "every entry shows up twice",
        "each invoice prints with the wrong date",
        "Every row is duplicated in the export.",
        "every button does nothing",
        "every page loads blank",
    ],
)
def test_every_or_each_opens_a_part_that_broke(text: str) -> None:
    assert reported(text), text


@pytest.mark.parametrize(
    "text",
    [
        "my colleague was adamant that it crashes",
        "my wife swears it froze on her yesterday",
        "he's convinced the app froze",
        "my flatmate insists the sync failed",
    ],
)
def test_another_persons_words_are_not_the_persons_breakage(text: str) -> None:
    assert not reported(text), text


@pytest.mark.parametrize(
    "text",
    [
        "the screen says the upload failed",
        "I'm sure it crashed twice today",
        "I told you it crashes",
        "the app keeps crashing for me too",
        "every day it crashes",
    ],
)
def test_the_persons_own_report_or_the_products_message_stays(text: str) -> None:
    assert reported(text), text


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("will give it another go after lunch", "abandon"),
        ("I'll have another crack at it next week.", "abandon"),
        ("try again in the morning i guess", "abandon"),
        ("I'll give it another shot tonight", "abandon"),
        ("I'll try uploading it again on monday", "abandon"),
        ("I'll have another go when I get home", "abandon"),
        ("let me retry in an hour", "abandon"),
        ("I'll try again tomorrow.", "abandon"),
        # at once: a retry
        ("trying again now", "retry"),
        ("I'll try again right away", "retry"),
        ("I'll try again.", "retry"),
        ("giving it one more whirl", "retry"),
    ],
)
def test_a_retry_put_off_gives_up_for_now(text: str, label: str) -> None:
    assert after_failure(text) == [("upload_failed", label)]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("please get support to fix this", "escalate"),
        ("get support to sort this out pls", "escalate"),
        ("have support look at it please", "escalate"),
        ("please ask support to fix my account", "escalate"),
        ("ask your developers to fix the export", "escalate"),
        ("get your engineers to look at this", "escalate"),
        # a third party of the person's own does the job: a switch
        ("I'll ask my accountant to file it", "switch"),
        ("I'll get a plumber to fix it", "switch"),
    ],
)
def test_the_products_people_made_to_act_escalate(text: str, label: str) -> None:
    assert after_failure(text) == [("upload_failed", label)]
