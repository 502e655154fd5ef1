"""persona6.failure.v25: what the product shows contradicted by any finite clause; machine
nouns as the product's things everywhere; a part that stopped part of the way.

"X shows A even though B": B is any finite clause, its subject a pronoun, a determiner's noun
phrase, or up to three words (a name, a number, "Sam and I") before a finite verb
(`finite_verbs`, the "-ed" and irregular pasts): "... though 28 enrolled", "... although
people signed it". A machine noun (`machine_nouns`) is one of the product's things in every
pattern that names them ("the game launcher just spins"). A part that stopped halfway through
its work is a report when the product is or makes it ("the scanner stopped halfway through",
"the export died midway"), not a person or the world's thing ("the runner stopped halfway",
"the bus stopped halfway", "the speaker stopped halfway through his talk")."""

from __future__ import annotations

import pytest
from helpers import stored_event

from persona6.extract.failure import FailureExtractor


def test_the_producer_is_v25() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def reported(text: str) -> list[tuple[str, str]]:
    event = stored_event(1, "message", text, "u1", role="user")
    return [(s.key, s.value) for s in FailureExtractor().extract([event])]


REPORTS = [
    "the roster shows him absent even though he was there",
    "the attendance sheet shows Maria as absent though she quit in May",
    "the class page says 30 students though 28 enrolled",
    "the petition page shows zero signatures although people signed it",
    "The invoice says unpaid even though Tom paid it last week",
    "my dashboard shows 3 orders though five customers bought something",
    "the tracker says delivered even though nobody got the parcel",
    "the leaderboard says I have 0 points even though Sam and I finished every level",
    "The calendar app shows the meeting at 9 though everyone agreed on 10",
    "the timesheet shows 0 hours although Priya logged forty",
    "the game launcher just spins",
    "the scanner stopped halfway through",
    "the export died midway",
]

NEIGHBOURS = [
    "I said yes even though I was busy",
    "the forecast shows rain though it's sunny",
    "my schedule won't let me",
    "my doctor says I'm fine though my back still hurts",
    "my friend says it's easy though he never tried",
    "I went to the party even though Sam was there",
    "my mum says dinner is ready although the oven is still on",
    "the teacher marked me absent though I was there",
    "the bus stopped halfway",
    "my dad stopped halfway up the hill",
    "I stopped halfway through the book",
    "the speaker stopped halfway through his talk",
    "the rain stopped halfway through the match",
    "the runner stopped halfway",
    "the swimmer stopped halfway",
    "my sister stopped halfway through her speech",
]

STILL_REPORTS = [
    "the list shows 40 guests but only 12 RSVPed",
    "Inventory shows 12 in stock though the shelf is empty",
    "my bank app says the transfer failed even though the money left my account",
    "the updater crashed again",
]


@pytest.mark.parametrize("text", REPORTS)
def test_a_contradicting_clause_a_machine_or_a_stop_halfway_is_reported(text: str) -> None:
    assert reported(text) == [("user_reported", "abandon")]


@pytest.mark.parametrize("text", NEIGHBOURS)
def test_the_person_and_the_world_stay_unreported(text: str) -> None:
    assert reported(text) == []


@pytest.mark.parametrize("text", STILL_REPORTS)
def test_reports_read_before_stay(text: str) -> None:
    assert reported(text) == [("user_reported", "abandon")]
