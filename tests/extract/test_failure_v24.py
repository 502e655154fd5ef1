"""persona6.failure.v24: software and devices are no persons; records on a screen.

An agent noun that names software or a device (`machine_nouns`: installer, updater, scanner)
is never a person, whichever person list names it: "the installer hangs at 87%" is a report. A
record that is also a thing of the world or of a life (`record_nouns`: book, schedule, diary,
roster) is the product's screen after a modifier and before a verb of display
(`display_verbs`: "The grade book shows ...", "the class schedule shows ..."); with another
verb or without a modifier it stays as it was ("my business plan failed", "the book says ...",
"my schedule won't let me")."""

from __future__ import annotations

import pytest
from helpers import stored_event

from persona6.extract.failure import FailureExtractor


def test_the_producer_is_v24() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def reported(text: str) -> list[tuple[str, str]]:
    event = stored_event(1, "message", text, "u1", role="user")
    return [(s.key, s.value) for s in FailureExtractor().extract([event])]


REPORTS = [
    "the installer hangs at 87%",
    "The installer crashed halfway",
    "The grade book shows everyone at 0% even though I entered the marks",
    "my address book says Tom lives in Leeds even though I changed it",
    "the class schedule shows maths on Friday although it was moved",
    "The shift schedule still lists Maria even though she left in March",
    "my recipe book says 2 servings even though I set it to 6",
]

NEIGHBOURS = [
    "my installer is unavailable this week",
    "my business plan failed",
    "the class schedule changed",
    "my schedule won't let me take Fridays off",
    "the book says the answer is 4 even though I got 5",
    "my diet failed again",
    "the school says Sam was absent even though he was there",
    "my doctor says it's fine even though it hurts",
    "my landlord won't let me paint",
    "my brother froze when he saw the bill",
    "the plumber never came",
    "the old book says the bridge is closed even though it reopened",
    "the wall calendar says Monday though it's Tuesday",
]

STILL_REPORTS = [
    "the updater is stuck at 40 percent",
    "the printer won't print anything from the app",
    "the media player won't play the file",
    "the team calendar shows the meeting on Monday though I moved it to Tuesday",
]


@pytest.mark.parametrize("text", REPORTS)
def test_a_machine_noun_or_a_shown_record_is_reported(text: str) -> None:
    assert reported(text) == [("user_reported", "abandon")]


@pytest.mark.parametrize("text", NEIGHBOURS)
def test_people_and_the_world_stay_unreported(text: str) -> None:
    assert reported(text) == []


@pytest.mark.parametrize("text", STILL_REPORTS)
def test_reports_read_before_stay(text: str) -> None:
    assert reported(text) == [("user_reported", "abandon")]


def test_no_person_list_holds_a_machine_noun() -> None:
    from persona6.extract.failure import _people
    from persona6.extract.text import load_lexicon

    data = load_lexicon("failures")
    assert not set(_people(data)) & {str(m) for m in data["machine_nouns"]}
