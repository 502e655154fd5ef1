"""persona6.failure.v27: a pasted formal letter or decision of an institution, read by its
register (``letter_decisions``, ``letter_marks``), is the institution's words, not a breakage
the person met: a decision told to the reader and one more mark of the register. One mark
alone is no letter, and the person's own words on another line stay theirs. A rule of
obligation ("You must not work while ...") is no breakage."""

from __future__ import annotations

import pytest
from helpers import stored_event

from persona6.extract.failure import FailureExtractor


def test_the_producer_is_v27() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def reported(text: str) -> list[tuple[str, str]]:
    event = stored_event(1, "message", text, "u1", role="user")
    return [(s.key, s.value) for s in FailureExtractor().extract([event])]


LETTERS = [
    "got this from my insurer: Dear Policyholder, Following careful consideration your claim "
    "has been declined. The payment was rejected under section 4 of your policy.",
    "Dear Ms Ito, Your visa application was refused. The online form was invalid and the "
    "upload failed our checks. You may appeal within 14 days.",
    'what does this mean? "We regret to inform you that your card payment was declined and '
    'your membership has been cancelled. Please do not reply to this email."',
    "school sent: Dear Candidate, thank you for your application. Unfortunately we are unable "
    "to offer you a place; your submission was rejected because the file was corrupted.",
    "Dear Taxpayer, your tax return has been rejected under section 8 because the figures are "
    "wrong. You have 30 days to correct it.",
    "Your application for a climbing permit has been rejected under section 3(b). You have 10 "
    "working days to appeal. The booking system crashed so your payment was refunded.",
    '"We are writing to inform you that your application has been refused under paragraph '
    "9.8.1. You have 14 days to request an administrative review. You must work while this "
    'decision is under review. The app crashed."\nwhat does 9.8.1 even mean??',
]


@pytest.mark.parametrize("text", LETTERS)
def test_a_pasted_letter_is_no_report(text: str) -> None:
    assert reported(text) == []  # was user_reported


def test_a_rule_of_obligation_is_no_breakage() -> None:
    assert reported("students must not work more than 20 hours a week") == []


REPORTS = [
    "Dear support, the export button doesnt work at all",
    "We regret to say your app crashed again today, it keeps freezing on the map",
    "I got the letter saying my claim was refused but the portal keeps crashing when I try "
    "to upload the appeal",
    '"We regret to inform you that your application has been refused. This decision is '
    'final."\nand now the app crashed when I opened it',
]


@pytest.mark.parametrize("text", REPORTS)
def test_the_persons_own_report_stays(text: str) -> None:
    assert reported(text) == [("user_reported", "abandon")]
