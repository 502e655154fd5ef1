"""persona6.failure.v38: terse chat reports of breakage, by word classes: a part or a bare noun
phrase opening the message (no determiner) that fails, breaks, errors, throws errors, is down,
does not go, is wrong or way off, or is stuck; the same error after an act; the person's things
cancelled or wiped by the product; an act not done from its app. Not an undertaking of life,
another's judgement, the person's own loss, nor "breaks" as a noun."""

from __future__ import annotations

import pytest
from helpers import failure_episodes as episodes
from helpers import said

from persona6.extract.failure import FailureExtractor


def test_the_producer_is_v38() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def reported(text: str) -> bool:
    return [key for key, _ in episodes([said(1, text)])] == ["user_reported"]


@pytest.mark.parametrize(
    "text",
    [
        # (a) a bare noun phrase, then a verb of failing or breaking in any form
        "sync broke again",
        "export broke again",
        "Login broke after password change",
        "Backup failed last night",
        "Direct debit failed again",
        "garmin sync failing again",
        "Grocery order failed at checkout",
        "photo backup errored again",
        "Checkout keeps throwing an error",
        "Payroll run threw an error this morning",
        "Site down again??",
        "homework portal is down again",
        "the transfer did not go",
        "sync stuck",
        "Game update stuck",
        "stuck on 'processing'",
        "pairing stuck on 'connecting'",
        "won't unlock from the app",
        "Lights wont turn on from the app",
        # (c) the same error after an act
        "tried three times, same error",
        "reinstalled, same error",
        "uploaded again, same error",
        # (d) wrong output, and things wiped or cancelled by the product
        "Train times are wrong again",
        "score sheet was wrong",
        "readings were way off",
        "leaderboard is wrong again",
        "cancelled by the system",
        "booking was cancelled automatically for no reason",
        "Playlist got wiped again",
        "wiped everyone's points again",
        "lost my whole playlist after the update",
    ],
)
def test_a_terse_report_is_a_failure(text: str) -> None:
    assert reported(text), text


@pytest.mark.parametrize(
    "text",
    [
        "I failed my driving test again",
        "my diet failed",
        "our project failed",
        "The negotiations failed",
        "the plan fell through",
        "our team lost again",
        "our car broke down again on the motorway",
        "my brother keeps throwing tantrums",
        "Taking breaks and reducing stress is pretty nice!",
        "the referee's calls were way off",
        "my sister's prediction was way off",
        "my timing was way off",
        "i was wrong about the date",
        "Sales are down",
        "stocks are down again",
        "my tomatoes got wiped out by frost",
        "I lost my keys again",
        "i am afraid to though because i lost my parents in a plane crash .",
        "I got stuck in traffic",
        "the vote did not go our way",
        "if the sync breaks, what should i do?",
        "my coworker said the export broke again",
    ],
)
def test_a_failure_of_life_or_of_others_is_none(text: str) -> None:
    assert not reported(text), text
