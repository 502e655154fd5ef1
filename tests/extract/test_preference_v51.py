"""preference.v51: idiomatic liking and disliking, by word classes (preferences.yaml
``intolerance_idioms``, ``irritation_idioms``, ``delight_idioms``, ``help_forms``,
``learner_musts``, ``favourite_intensifiers``).

Intolerance after a negated "can" ("I can't be doing with fussy fonts", "cant abide X"),
irritation and delight idioms with the thing as subject ("squeaky brakes drive me round the
bend", "Fresh tomatoes from the garden make my heart sing", "a perfectly planted tank gets me
every time"), a favourite with an intensifier ("Catan is hands down my favourite board game"),
a standing help in a form ("It really helps me when the instructions have diagrams") and a
learner's "for me X must be Y".

Unchanged (silent): someone else's, a question, the listener's, a pronoun subject, access or
the one occasion ("I can't get into the house", "I can't face the dentist tomorrow"), a past
help ("It helped me when the car broke down").
"""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def claims(text: str) -> list[tuple[str, float]]:
    return [(s.key, s.polarity) for s in extracted(preference.NAME, text, "u1")]


def test_the_producer_is_v51() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "key", "polarity"),
    [
        ("I can't be doing with fussy fonts on the invites", "fussy fonts", -1.0),
        ("I cant abide self-assessment deadlines", "self-assessment deadlines", -1.0),
        ("we couldn't stomach oysters", "oysters", -1.0),
        ("squeaky brakes drive me round the bend", "squeaky brakes", -1.0),
        ("Loud chewing gets on my nerves", "loud chewing", -1.0),
        ("Slow walkers are my pet peeve", "slow walkers", -1.0),
        ("Fresh tomatoes from the garden make my heart sing", "fresh tomatoes", 1.0),
        ("a perfectly planted tank gets me every time", "perfectly planted tank", 1.0),
        ("Crosswords are right up my street", "crosswords", 1.0),
        ("Catan is hands down my favourite board game", "catan", 1.0),
        ("Lace patterns are by far my favourite", "lace patterns", 1.0),
        (
            "It really helps me when the instructions have diagrams",
            "instructions have diagrams",
            1.0,
        ),
        ("it's so much easier for me if the steps are numbered", "steps are numbered", 1.0),
        ("It helps me loads when there are videos to follow", "videos to follow", 1.0),
    ],
)
def test_an_idiom_of_taste_is_read(text: str, key: str, polarity: float) -> None:
    got = claims(text)
    assert any(k.startswith(key) and p == polarity for k, p in got), got


def test_the_form_that_helps_is_the_whole_clause() -> None:
    text = "It really helps me when things are laid out as a checklist, I get lost otherwise"
    assert claims(text) == [("things are laid out as a checklist", 1.0)]


def test_a_learners_must_is_a_standing_want() -> None:
    got = claims("for me the receipts must be sorted by month")
    assert any(k.startswith("receipts") and p == 1.0 for k, p in got), got


@pytest.mark.parametrize(
    "text",
    [
        "My mum can't be doing with modern music",
        "Does loud music drive you round the bend?",
        "Your message made my heart sing",
        "It drives me up the wall",
        "That gets me every time",
        "I can't deal with this right now",
        "I can't face the dentist tomorrow",
        "It helped me when the car broke down",
        "He says rain is his idea of hell",
        "for me it must be easy",
    ],
)
def test_neighbours_stay_silent(text: str) -> None:
    assert claims(text) == []
