"""persona6.preference.v24 (review 6b, probe3): after a negative cue and a comma, a negation's
scope ends at the clause boundary, and a clause that opens with "just" or "only"
(``chosen_openers``) names what the person chooses: "just Y" and "only Y" are for Y, as "Y
only" is (v23), and a longer such clause is never against its items."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference
from persona6.extract.text import load_lexicon


def read(text: str) -> dict[str, tuple[str, float]]:
    return {s.key: (s.value, s.polarity) for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v24() -> None:
    assert preference.NAME == "persona6.preference.v57"
    assert load_lexicon("preferences")["version"] == 45


@pytest.mark.parametrize(
    ("text", "against", "chosen"),
    [
        ("no texts please, just email", "text messages", "email"),
        ("no calls please, just texts", "calls", "text messages"),
        ("no more newsletters, only order updates", "newsletters", "order updates"),
        ("no more newsletters, only the order updates", "newsletters", "order updates"),
        ("no emails please, only texts thanks", "email", "text messages"),
        ("Stop sending me emails, just text please.", "email", "text messages"),
    ],
)
def test_just_y_or_only_y_after_a_negated_item_is_for_y(
    text: str, against: str, chosen: str
) -> None:
    found = read(text)
    assert found[against][1] == -1.0
    assert found[chosen] == (f"asks only for {chosen}", 1.0)


def test_a_longer_chosen_clause_after_a_negation_is_never_against() -> None:
    found = read("no texts please, just email and calls")
    assert found == {"text messages": ("asks for no text messages", -1.0)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # v23's "Y only" keeps its keys (the other side's value states its side: v25)
        (
            "Please stop sending me SMS notifications, email only from now on.",
            {
                "email for notifications": (
                    "asks for notifications by email only, not text messages",
                    1.0,
                ),
                "text messages for notifications": (
                    "against text messages (asks for notifications by email instead)",
                    -1.0,
                ),
            },
        ),
        (
            "Stop sending me emails, text only.",
            {
                "email": ("asks not to send email", -1.0),
                "text messages": ("asks only for text messages", 1.0),
            },
        ),
        # no request: "just Y" after a dislike is no taste for Y, and never against it
        ("I hate jazz, just rock", {"jazz": ("hates jazz", -1.0)}),
        (
            "I don't like horror, only comedies and dramas",
            {"horror": ("does not like horror", -1.0)},
        ),
        # after a like, a list goes on as before
        (
            "I like pizza, pasta and tacos",
            {
                "pizza": ("likes pizza", 1.0),
                "pasta": ("likes pasta", 1.0),
                "tacos": ("likes tacos", 1.0),
            },
        ),
        # a sentence of its own is not read with the negation before it
        ("No SMS please. Email only.", {"text messages": ("asks for no text messages", -1.0)}),
    ],
)
def test_neighbours_stay_as_they_were(text: str, expected: dict[str, tuple[str, float]]) -> None:
    assert read(text) == expected
