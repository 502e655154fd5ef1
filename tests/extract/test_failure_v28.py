"""persona6.failure.v28: a third party's mistake told in passing is no breakage of the
product: people by their trade, role or part in a game (``person_nouns``), the plural of a
machine noun that names a trade ("the transcribers"), a thing of the world after a person's
possessive ("my friend's car"). The product's own part doing the same stays a report."""

from __future__ import annotations

import pytest
from helpers import stored_event

from persona6.extract.failure import FailureExtractor


def test_the_producer_is_v28() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def reported(text: str) -> list[tuple[str, str]]:
    event = stored_event(1, "message", text, "u1", role="user")
    return [(s.key, s.value) for s in FailureExtractor().extract([event])]


THIRD_PARTIES = [
    "the transcribers get names wrong sometimes",
    "the referee got the score wrong",
    "the umpire got the call wrong again",
    "my gran always gets the dates wrong",
    "the caterer got our order wrong",
    "the referees always get the offside calls wrong",
    "our tiler didn't turn up again",
    "My friend's car keeps breaking down",
    "my opponent got stuck in a bad line for ages",
    "the translators got half the idioms wrong in that novel",
    "our wedding photographer got the times wrong",
    "the installers put the shelf in wrong",
]


@pytest.mark.parametrize("text", THIRD_PARTIES)
def test_a_third_partys_mistake_is_no_report(text: str) -> None:
    assert reported(text) == []  # was user_reported


QUESTIONS = [
    "why do bridges fail?",
    "how do hard drives fail?",
    "why do apps crash so often in general?",
    "what happens when a server goes down?",
]


@pytest.mark.parametrize("text", QUESTIONS)
def test_a_general_question_about_failure_is_no_report(text: str) -> None:
    assert reported(text) == []


REPORTS = [
    "the chess app gets the move notation wrong",
    "the recipe scaler gets all the amounts wrong",
    "your transcriber gets my surname wrong every time",
    "the installer hangs at 87%",
    "The airline's site won't let me choose a seat.",
    "the referee scoring app crashes every match",
]


@pytest.mark.parametrize("text", REPORTS)
def test_the_products_own_part_stays_a_report(text: str) -> None:
    assert reported(text) == [("user_reported", "abandon")]
