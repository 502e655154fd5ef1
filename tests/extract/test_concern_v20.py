"""persona6.concern.v20 (docs review, demo seed 7): a claim whose grounds are asked for is no
worry about what it says (``questioned_claims``): asking for a source is correctness."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import concern
from persona6.extract.text import load_lexicon


def keys(text: str) -> set[str]:
    return {signal.key for signal in extracted(concern.NAME, text)}


def test_the_producer_is_v20() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What's the source for the claim that the sync is real-time?", {"correctness"}),
        ("What's the source for the claim that the sync is encrypted?", {"correctness"}),
        ("Is there evidence that the app is slow?", set()),
    ],
)
def test_the_words_of_a_questioned_claim_are_no_worry(text: str, expected: set[str]) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # neighbours: the subject asked about or worried about, and a source asked for alone
        ("Is the sync real-time?", {"speed"}),
        ("I'm worried the sync is slow.", {"speed"}),
        ("The sync is too slow, what's the source for that claim?", {"speed", "correctness"}),
        ("Do you have a source for that?", {"correctness"}),
    ],
)
def test_a_worry_said_outside_the_claim_stays(text: str, expected: set[str]) -> None:
    assert keys(text) == expected
