"""preference.v31: a fear of a definite thing at hand is a worry (the concern extractor's),
no aversion; a fear of a kind of thing stays one (as disclosure.v26 reads it)."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def _keys(text: str) -> list[str]:
    return [s.key for s in extracted(preference.NAME, text, "u1")]


def test_the_producer_is_v31() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    "text",
    [
        "honestly I'm terrified of the legal review tbh",
        "I'm scared of the audit on Friday",
        "I'm afraid of this meeting with the landlord",
        "Terrified of our quarterly review, to be honest",
    ],
)
def test_a_fear_of_a_thing_at_hand_is_no_aversion(text: str) -> None:
    assert _keys(text) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I'm afraid of heights", "heights"),
        ("I'm terrified of spiders", "spiders"),
        ("I'm scared of the dark", "dark"),
        ("I'm scared of flying", "flying"),
    ],
)
def test_a_fear_of_a_kind_of_thing_stays_an_aversion(text: str, key: str) -> None:
    assert _keys(text) == [key]
