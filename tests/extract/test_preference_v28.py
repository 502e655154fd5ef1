"""persona6.preference.v28 (review 7, section D): refusals said to last. "No X, ever" (past the
comma that ends its clause) and "nope to X" / "no to X" of a kind of thing ask for no X; "X
wrecks me" / "drains me" is upset by X. Neighbours stay: idioms ("No regrets, ever", "no to
everything") and the offer at hand ("no to the upgrade", "Nope to that")."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference
from persona6.extract.text import load_lexicon


def read(text: str) -> dict[str, tuple[str, float]]:
    return {s.key: (s.value, s.polarity) for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v28() -> None:
    assert preference.NAME == "persona6.preference.v57"
    assert load_lexicon("preferences")["version"] == 45


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("No pie charts, ever. Horizontal bars.", "pie charts"),
        ("No emojis, ever.", "emojis"),
        ("no sugar ever again", "sugar"),
        ("nope to night flights 😬", "night flights"),
        ("No to dairy.", "dairy"),
        ("nah to group tours", "group tours"),
    ],
)
def test_a_refusal_said_to_last_asks_for_none(text: str, key: str) -> None:
    assert read(text) == {key: (f"asks for no {key}", -1.0)}


@pytest.mark.parametrize(
    "text",
    [
        "No regrets, ever.",
        "No problem, ever.",
        "No, ever.",
        "no to the upgrade",
        "Nope to that.",
        "no to everything lol",
    ],
)
def test_an_idiom_or_the_offer_at_hand_is_no_refusal(text: str) -> None:
    assert read(text) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("daytime only, red-eyes wreck me 🥴", "red-eyes"),
        ("Long meetings drain me.", "long meetings"),
        ("Night shifts exhaust me.", "night shifts"),
    ],
)
def test_what_wears_the_speaker_out_upsets_them(text: str, key: str) -> None:
    assert read(text) == {key: (f"is upset by {key}", -1.0)}


def test_a_pointer_that_wears_them_out_names_nothing() -> None:
    assert read("That wrecks me.") == {}
