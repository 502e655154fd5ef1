"""persona6.failure.v34: an error the person makes their own code throw is no error met
(``user_report_exclusions``): I or we (after an auxiliary, a modal, a verb of wanting or
trying), "how to" or "way to" before throw, raise, emit, return, log, define or create, then
the error ("in typescript how do i throw an error containing a new property?", PrefEval). "it
throws an error", "I get an error" stay reports."""

from __future__ import annotations

import pytest
from helpers import stored_event

from persona6.extract.failure import FailureExtractor


def test_the_producer_is_v34() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def reported(text: str) -> list[str]:
    event = stored_event(1, "message", text, "u1", role="user")
    return [s.key for s in FailureExtractor().extract([event])]


NONE = [
    "in typescript how do i throw an error containing a new property?",
    "how do i re-throw an error but adding a new property",
    "i'd like to throw a typed error from my service layer",
    "how would i return a 404 error from flask",
    "how to throw an error in a promise",
]


@pytest.mark.parametrize("text", NONE)
def test_an_error_the_person_codes_is_no_report(text: str) -> None:
    assert reported(text) == []  # was user_reported


REPORTS = [
    "it throws an error when i upload",
    "I get an error when i save",
    "the app throws an error every time",
    "i clicked save and it throws an error",
    "you throw an error when I upload a photo",
    "node throws an error when i run npm start",
]


@pytest.mark.parametrize("text", REPORTS)
def test_an_error_met_stays_a_report(text: str) -> None:
    assert reported(text) == ["user_reported"]
