"""preference.v44: learners' word order (the order of their first languages) and the people
around the speaker.

A comparative put between the verb and a determined object ("I like more the small fishes",
"I like much more the beach than the mountain") is no part of the object, and its "than" sets
the other side against (``object_degrees``, ``comparative_degrees``). A comparative with its
predicate first, for the speaker ("For me is more easy to write than speak", "For me is better
the train than the plane", "Is more easy for me the video than the text"), prefers the first
side (general_readings ``fronted_adjectives``). A change of kin or people around the speaker
is theirs ("My sister switched from Android to iPhone"), things are exchanged with a person,
not for one ("I swapped seats with my friend"), and an adverb of degree ends a side ("I cut out
sugar completely"). A request for simpler explanations ("Please explain me more simple") is a
style's (asks_for_simple_explanations), no preference."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def signs(text: str) -> dict[str, float]:
    return {s.key: s.polarity for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v44() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I like more the small fishes", {"small fishes": 1.0}),
        ("I prefer more the window seat", {"window seat": 1.0}),
        ("I like more the green tea than the coffee", {"green tea": 1.0, "coffee": -1.0}),
        ("I like much more the beach than the mountain", {"beach": 1.0, "mountain": -1.0}),
        ("For me is more easy to write than speak", {"writing": 1.0, "speaking": -1.0}),
        (
            "for me is easier to study in the morning than at night",
            {"studying in the morning": 1.0, "studying at night": -1.0},
        ),
        ("For me is better the train than the plane", {"train": 1.0, "plane": -1.0}),
        ("Is more easy for me the video than the text", {"video": 1.0, "text": -1.0}),
        ("For me is more easy to pay by card than cash", {"paying by card": 1.0, "cash": -1.0}),
    ],
)
def test_a_learners_comparative_chooses_the_first_side(
    text: str, expected: dict[str, float]
) -> None:
    assert signs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # read as before
        ("I want very much a quiet room", {"quiet room": 1.0}),
        ("i like very much the spicy food", {"spicy food": 1.0}),
        ("I am liking very much the jazz", {"jazz": 1.0}),
        # rates, for no one: no choice made (as before)
        ("The train is better than the plane", {"train": 1.0}),
        # a clause inside the first side: what is compared is in it, no side read
        ("For me is more easy to cook when I have a recipe than the TV show", {}),
        # a style's request: no preference
        ("Please explain me more simple", {}),
        ("Please explain me more easy, I am beginner", {}),
        ("can you explain me with more simple words", {}),
    ],
)
def test_neighbours(text: str, expected: dict[str, float]) -> None:
    assert signs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My sister switched from Android to iPhone, she loves it.", {}),
        ("My brother gave up coffee for tea", {}),
        ("I swapped seats with my friend", {}),
        ("I cut out sugar completely.", {"sugar": -1.0}),
        ("red meat is out for me, fish is in", {"fish": 1.0, "red meat": -1.0}),
        # the speaker's: read as before
        ("I swapped coffee for green tea.", {"green tea": 1.0, "coffee": -1.0}),
        ("I traded Spotify for Apple Music.", {"apple music": 1.0, "spotify": -1.0}),
    ],
)
def test_whose_change_and_what_ends_a_side(text: str, expected: dict[str, float]) -> None:
    assert signs(text) == expected
