"""preference.v57: what is no taste (a history in the simple past, "never went to college";
an object that opens with "be" or is a person then a preposition) and the frames of taste by
family rather than phrase: the thing as subject and a judgement about the speaker ("X isn't
for me", "X does nothing for me", "X is what I'm drawn to", "X has my heart"), not needing or
minding ("I can live without X", "I could take or leave X"), and leaving a taste ("I've moved
on from X to Y", "i went off X", "X lost its appeal")."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def _claims(text: str) -> list[tuple[str, float]]:
    return [(s.key, s.polarity) for s in extracted(preference.NAME, text, "u1")]


def test_version() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    "text",
    [
        "I never owned a car.",
        "i never had a dog growing up",
        "We always had chickens when I was a kid.",
        "I never played an instrument in school",
        "I always did my taxes by hand until last year.",
        "I never got a flu shot before 2020.",
        "we never owned a dishwasher",
        "I've never owned a car",
        "never went to college tbh",
        "never owned a car lol",
    ],
)
def test_a_history_in_the_past_is_no_taste(text: str) -> None:
    assert _claims(text) == [], text


@pytest.mark.parametrize(
    ("text", "key", "polarity"),
    [
        ("I never liked cilantro.", "cilantro", -1.0),
        ("I always loved the rain.", "rain", 1.0),
        ("I always take the train", "take the train", 1.0),
        ("i have always had a love for technology .", "technology", 1.0),
        ("i always had a passion for the railroad", "railroad", 1.0),
        ("i usually read with my free time", "read with my free time", 1.0),
        ("I always wanted to be a chef", "wanted to be a chef", 1.0),
        ("I never drive", "drive", -1.0),
        ("I've always taken the bus", "taken the bus", 1.0),
    ],
)
def test_a_taste_or_a_habit_now_stays(text: str, key: str, polarity: float) -> None:
    assert (key, polarity) in _claims(text), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("another sport i like is soccer .", [("soccer", 1.0)]),
        ("the only sport i enjoy is arm wrestling .", [("arm wrestling", 1.0)]),
        ("not really . the only thing i like is my ford mustang", [("ford mustang", 1.0)]),
        ("One podcast I really enjoy is Hardcore History.", [("hardcore history", 1.0)]),
        ("Being my own boss and doing something I love is awesome.", []),
        ("the girl i love is unaware of it .", []),
        ("Everyone we love was there to celebrate us", []),
        ("everything is about me having fun and laughing which i love to do .", []),
        ("Just like you with your recent tournament - hard work pays off.", []),
        ("I like you with your new haircut haha", []),
        ("i love you for saying that", []),
    ],
)
def test_the_object_is_a_thing_not_be_nor_a_person(text: str, expected: list) -> None:
    assert _claims(text) == expected, text


@pytest.mark.parametrize(
    ("text", "key", "polarity"),
    [
        ("Jazz is what I'm drawn to.", "jazz", 1.0),
        ("sci fi books is what i am drawn to most", "sci fi books", 1.0),
        ("Italy has my heart.", "italy", 1.0),
        ("Gardening is where my heart is.", "gardening", 1.0),
        ("A cold beer after mowing hits the spot.", "cold beer after mowing", 1.0),
        ("Horror movies aren't for me.", "horror movies", -1.0),
        ("golf is not for me honestly", "golf", -1.0),
        ("Cruises just aren't my scene.", "cruises", -1.0),
        ("Crypto does nothing for me.", "crypto", -1.0),
        ("Country music does nothing for me at all.", "country music", -1.0),
        ("Minimalist design leaves me unmoved.", "minimalist design", -1.0),
        ("I can live without social media.", "social media", -1.0),
        ("honestly I can do without the extra fees", "extra fees", -1.0),
        ("i could take or leave sushi", "sushi", -0.5),
        ("you can keep your fancy coffee, I'm fine with instant", "fancy coffee", -1.0),
    ],
)
def test_a_judgement_about_the_speaker_is_a_taste(text: str, key: str, polarity: float) -> None:
    assert (key, polarity) in _claims(text), text


@pytest.mark.parametrize(
    "text",
    [
        "The package isn't for me, it's for my wife.",
        "The letter is not for me.",
        "I'll take the window seat, you can have the aisle.",
        "I can live without him.",
        "you can keep the change",
    ],
)
def test_who_a_thing_is_for_or_a_share_is_no_taste(text: str) -> None:
    assert _claims(text) == [], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I've moved on from Android to iPhone.", [("iphone", 1.0), ("android", -1.0)]),
        ("we've moved on from board games", [("board games", -1.0)]),
        ("i went off spicy food", [("spicy food", -1.0)]),
        ("Running lost its appeal after my knee injury.", [("running", -1.0)]),
        ("Tea grew on me.", [("tea", 1.0)]),
        ("These days I'm more into podcasts than music.", [("podcasts", 1.0), ("music", -1.0)]),
        ("I like jazz more than I used to", [("jazz", 1.0)]),
        ("I like tea more than he does", [("tea", 1.0)]),
        ("i like the iphone better than the samsung", [("iphone", 1.0), ("samsung", -1.0)]),
        ("I went off the road in the snow", []),
        ("I've moved on from my ex", []),
    ],
)
def test_a_taste_left_or_taken_up(text: str, expected: list) -> None:
    assert _claims(text) == expected, text
