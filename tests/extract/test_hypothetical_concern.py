"""concern.v18: a case imagined raises no concern, read by the shared guard (``text.supposed``,
kind "imagined") instead of the concern's own list: after any discourse markers, "picture
this" too. A condition, or a case that is not so, stays a worry on purpose: a question about a
risk raises it; "suppose" inside a sentence guesses."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import concern


def concerns(text: str) -> set[str]:
    return {s.key for s in extracted(concern.NAME, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Ok so, suppose the flight were cancelled, would I get a refund?",
        "Now suppose the flight were cancelled, would I get a refund?",
        "Picture this: the exam server goes down again.",
    ],
)
def test_a_case_imagined_raises_no_concern(text: str) -> None:
    assert concerns(text) == set(), text


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a question about a risk raises it, on purpose
        ("What if the backup fails and I lose my data?", "data_loss"),
        ("Were I to lose my data, could I restore it?", "data_loss"),
        # "suppose" inside a sentence guesses
        ("I suppose the price is too high for us.", "cost"),
    ],
)
def test_a_condition_stays_a_worry(text: str, key: str) -> None:
    assert key in concerns(text), text
