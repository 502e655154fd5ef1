"""persona6.disclosure.v52 (session 18, wave 3): "been" with no "had" nor modal before it is a
perfect of now ("Been vegan since 2019" has been vegan), not a past."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def signals(text: str) -> dict[str, tuple[str, float]]:
    return {s.key: (s.value, s.polarity) for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v52() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("been vegan since 2019", "diet:vegan", "has been vegan"),
        ("Been knitting since i was a teenager", "habits:knitting", "has been knitting"),
        (
            "Been playing chess since 2010, mostly online",
            "habits:playing chess",
            "has been playing chess",
        ),
        (
            "been a member of the cycling club for 3 years",
            "identity:member of the cycling club",
            "has been a member of the cycling club for 3 years",
        ),
    ],
)
def test_a_dropped_subject_before_been_is_a_perfect(text: str, key: str, value: str) -> None:
    got = signals(text)
    assert got.get(key, ("",))[0] == value, got


def test_a_past_stays_past() -> None:
    assert signals("I was vegan in 2019").get("diet:vegan", ("",))[0] == "was vegan in 2019"
