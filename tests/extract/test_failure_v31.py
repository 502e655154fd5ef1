"""persona6.failure.v31: a time or condition clause with no comma before the main clause hides
no report (``habit_markers``, ``main_subjects``; ``_habit_main``): "when i open the map it
freezes" tells a recurring failure, as "when i open the map, it freezes" does. Not a main
clause still to come, unreal or asking, nor a breakage in the time clause itself. And a
program closing by itself is a breakage ("the app just closes"); a shop closing at 9 is none."""

from __future__ import annotations

import pytest
from helpers import stored_event

from persona6.extract.failure import FailureExtractor


def test_the_producer_is_v31() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def reported(text: str) -> list[str]:
    event = stored_event(1, "message", text, "u1", role="user")
    return [s.key for s in FailureExtractor().extract([event])]


REPORTS = [
    "when i open the map it freezes",
    "every time i tap save it logs me out",
    "if i upload more than 3 photos the app just closes",
    "When I add a second plant to the watering schedule the app crashes",
    "if i set the aquarium timer past midnight the lights controller stops responding",
    "When i try to book a climbing slot the page just spins forever",
    "when my son opens the board game app on the tablet it goes black",
    "when i plug in the obd reader the app freezes",
    "when I attach a photo the message never sends",
    "if i add more than 20 guests it freezes",
    "when i log in i get a 500 error",
    "when i select a route grade the climbing app just closes",
]


@pytest.mark.parametrize("text", REPORTS)
def test_a_habit_without_a_comma_is_reported(text: str) -> None:
    assert reported(text) == ["user_reported"]  # was none


NONE = [
    "if it crashes, what should I do?",
    "when it finishes I'll send the invoice",
    "if the app freezes should i reinstall it",
    "when the app crashes what happens to my data?",
    "if i upload 4 photos does the app crash",
    "if i press save the app will crash probably",
    "if the tank heater fails what should i do",
    "if the game crashes should i restart the console",
    "when i open the app does it save my last route?",
    "when my brother's laptop crashes he calls me",
    "the shop closes at 9 every day",
    "the factory shuts down in winter",
    "whenever my nephew plays chess he quits halfway",
]


@pytest.mark.parametrize("text", NONE)
def test_a_case_supposed_a_plan_or_a_question_stays_none(text: str) -> None:
    assert reported(text) == []
