"""persona6.failure.v26: breakage beyond crash verbs, by word classes.

A thing of the product not getting on (stalls, gets stuck, sits there spinning, gets to 99%
and hangs), reverting or cleared by the product's act of keeping it (``commit_acts``,
``cleared_states``), jamming; paid for and not given (``payment_acts``, ``entitlements``,
``unlock_states``); off by a measure or impossible; other output than asked; gone after an
operation named (``data_operations``); held in review for a span. Not a person who did not
turn up, a machine noun that also names a trade among them (``trade_agents``). A time clause
is no report up to its comma only, and "whenever" is a habit, never a time to come."""

from __future__ import annotations

import pytest
from helpers import stored_event

from persona6.extract.failure import FailureExtractor


def reported(text: str) -> list[tuple[str, str]]:
    event = stored_event(1, "message", text, "u1", role="user")
    return [(s.key, s.value) for s in FailureExtractor().extract([event])]


REPORTS = [
    # not getting on
    "The aquarium controller setup stalls on step 3 every time",
    "the knitting pattern export gets stuck halfway through",
    "my cycling route planner just sits there spinning",
    "dive log download gets to 99% and then just hangs there forever",
    # reverting, cleared on save
    "the tank temperature setting reverts back to 24 after saving",
    "the units setting keeps reverting to imperial",
    "i changed the wedding date but it reverted to the old one after i saved",
    "every time I save, the plant name field gets cleared",
    "Whenever I hit save on a recipe it comes back with the feed field blanked out",
    "whenever i sync my knitting app the row counter goes back to zero",
    # jamming
    "the label printer keeps jamming",
    "THE SCANNER KEEPS JAMMING ON PAGE 2",
    # paid for, not given
    "I paid for premium yesterday and it still hasnt unlocked",
    "paid for the pro plan but the features arent unlocked",
    "bought the pattern pack and it never got added to my library",
    "my payment went through but the credits weren't added to my account",
    "I bought the chess puzzle pack last night but it's still locked",
    # off by a measure, impossible, other output than asked
    "the planting reminder date is off by a day",
    "the tax calculator total is off by 200",
    "the aquarium sensor reads 95 degrees, impossible",
    "it translated my wedding speech into german instead of spanish",
    "the pressure readout sits at 0 bar for the whole shot even though the pump is at 9",
    # gone after an operation, held in review
    "half my family tree vanished after the merge",
    "restored from backup and now my knitting projects are missing",
    "the verification is still in review after 2 weeks",
    "my account upgrade has been stuck in review for a month",
    "Six weeks and the appointment still hasn't been confirmed",
    # a habit's time clause
    "Whenever I save, the app crashes",
]


@pytest.mark.parametrize("text", REPORTS)
def test_breakage_beyond_crash_verbs_is_reported(text: str) -> None:
    assert reported(text) == [("user_reported", "abandon")]  # was none


NONE = [
    # a person who did not turn up, a trade's machine noun among them
    "the kitchen installer didn't show up",
    "the piano tuner never came",
    "the plumber never showed up",
    # neighbours of the word classes
    "I'm paying for the premium plan",
    "I paid for the course and it starts next week",
    "I paid the deposit but the venue isn't available",
    "please revert my last change",
    "i reverted the chess engine to the old version myself",
    "the traffic jammed on the bypass",
    "i am just sitting here listening to my favorite band pearl jam",
    "Whenever I hear this jam, I think about the paths I've taken",
    "Long day - got stuck on a tricky chord change for hours.",
    "the wedding was postponed by a day",
    "How do I reset the settings to default?",
    "When the sync fails, what happens?",
    "what happens when the payment is declined?",
]


@pytest.mark.parametrize("text", NONE)
def test_neighbours_are_no_report(text: str) -> None:
    assert reported(text) == []
