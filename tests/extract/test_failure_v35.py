"""persona6.failure.v37: breakage told by its effect, by word classes (``malfunction_verbs``,
``user_reports``): duplication, the person's things lost by the product's act, a redirect
loop back to a door of the product, a wrong identification, a view blank since a time, a
measure contradicted by another source, nothing arriving since a change. A person's own act,
another's device, a view empty until the person acts stay silent."""

from __future__ import annotations

import pytest
from helpers import stored_event

from persona6.extract.failure import FailureExtractor


def test_the_producer_is_v35() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def reported(text: str) -> list[str]:
    event = stored_event(1, "message", text, "u1", role="user")
    return [s.key for s in FailureExtractor().extract([event])]


REPORTS = [
    "since the update nothing syncs anymore",
    "after the last update nothing comes through from my bike computer",
    "the app says my tank is 40 degrees but my thermometer says 25",
    "it says i cycled 300 km today, my garmin says 30",
    "the dashboard's been blank since Tuesday",
    "the seed planner has been empty for three days",
    "it identified my oak as a maple",
    "your scanner tagged my cat as a dog",
    "the lens misidentified my fern",
    "it keeps bouncing me back to sign-up",
    "every time i log in it sends me back to the login page",
    "it wipes my settings every time i close it",
    "the app reset my climbing log",
    "the calendar entry shows up twice",
    "my workouts are duplicated",
    "the sync duplicates my chess games",
]

NONE = [
    "i accidentally deleted my settings",
    "i reset my password",
    "i identified the oak as a maple by mistake",
    "my sister's watch says 8k steps",
    "how do backups work in general",
    "if the sync breaks what should i do",
    "it syncs perfectly now",
    "my friend's app keeps logging her out",
    "the referee counted the goal twice",
    "nothing grows in my garden since the frost",
]


@pytest.mark.parametrize("text", REPORTS)
def test_breakage_told_by_its_effect_is_reported(text: str) -> None:
    assert "user_reported" in reported(text)


@pytest.mark.parametrize("text", NONE)
def test_a_persons_own_act_or_a_neutral_line_is_no_report(text: str) -> None:
    assert "user_reported" not in reported(text)
