"""persona6.concern.v17 (end-to-end probe 8): asking for a result to be confirmed right, or how
one can be sure it is, is correctness in any domain: a verb of confirming or a doubt of sureness
before a thing said to be right, correct or accurate. A confirmation of a thing alone, a place
or a time said with "right", agreement and one's own sureness are none."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import concern
from persona6.extract.text import load_lexicon
from persona6.types import Signal


def say(text: str) -> list[Signal]:
    return extracted(concern.NAME, text)


def keys(text: str) -> set[str]:
    return {signal.key for signal in say(text)}


def test_the_producer_is_v17() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


@pytest.mark.parametrize(
    "text",
    [
        # other domains than the probe's (grades, refunds)
        "Can you confirm the dosage on this label is correct?",
        "How can I be sure the conversion was done accurately?",
        "Are you sure the exchange rate is right?",
        "Could you double-check that the seating chart is accurate before I print it?",
        "Make sure the invoice totals are correct before sending.",
        "I need to be certain the torque settings are right.",
        "Check that my citations are all correct please.",
        "How could we be sure the survey weights were applied correctly?",
        "Can you verify that the tax withholding was calculated accurately?",
        "Please make sure it's correct, the pharmacist will check.",
    ],
)
def test_asking_a_result_confirmed_right_is_correctness(text: str) -> None:
    assert "correctness" in keys(text), text


@pytest.mark.parametrize(
    "text",
    [
        "confirm my booking",
        "please confirm the time",
        "Please confirm the meeting is at 3",
        "is the shop open right now?",
        "you're right",
        "right, let's go",
        "That's correct, thanks.",
        "I'm sure it's right.",
        "Make sure you get the right size.",
        "Are you sure this is the right way?",
        "Check the bakery is right next to the station.",
        "Can you confirm the hotel is right by the beach?",
        "Make sure the fridge is properly closed",
        "Check the oven is on.",
    ],
)
def test_a_confirmation_a_place_agreement_or_sureness_is_none(text: str) -> None:
    assert keys(text) == set(), text
