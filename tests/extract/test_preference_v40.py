"""preference.v40, taste idioms LoCoMo turns used unread and probe 10's leftovers: "I'm all
about X"; favourites of a kind named in passing ("filled with my favorite fantasy novels"); a
span of time counted from something else judges nothing ("week before is useless"); a request
about an act on the speaker keys on the act, not "me" ("don't ping me for every request"); a
habit with its other side is a choice ("I shoot RAW, not JPEG"); a trouble "for me" is a
difficulty, no rating; "X is more interesting than Y" prefers X."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def values(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(preference.NAME, text, "u1")}


def signs(text: str) -> dict[str, float]:
    return {s.key: s.polarity for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v41() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Cool, I'll do that. I'm all about these desserts, let me know!", "desserts"),
        ("I'm all about dramas and romcoms.", "dramas and romcoms"),
        ("honestly I am all about finding balance", "finding balance"),
        ("We're really all about slow travel", "slow travel"),
    ],
)
def test_all_about_is_a_taste(text: str, key: str) -> None:
    assert signs(text).get(key) == 1.0
    assert values(text)[key].startswith("is all about ")


@pytest.mark.parametrize(
    "text",
    [
        "I'm all about to leave",
        "it's all about the money you owe",
        "It's all about finding balance.",
        "I'm all about it",
        "Tell me all about your trip!",
    ],
)
def test_all_about_neighbours_say_no_taste(text: str) -> None:
    assert not any(v.startswith("is all about") for v in values(text).values())


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "I also wanted to share this bookshelf. It's filled with my favorite fantasy novels.",
            "fantasy novels",
        ),
        ("I made a playlist of my favourite 90s songs", "90s songs"),
        ("a shelf with all my fave board games and puzzles", "board games"),
        ("the menu has some of my favorite street foods", "street foods"),
    ],
)
def test_favourites_of_a_kind_in_passing_are_liked(text: str, key: str) -> None:
    assert values(text).get(key) == f"likes {key}"


@pytest.mark.parametrize(
    "text",
    [
        "I hung out with my favorite people",
        "coffee with my favorite mug",
        "I went to my favorite restaurants",
        "with my favorite glass",
        "i love music , singing happens to be one of my favorite past times",
    ],
)
def test_favourite_neighbours_name_no_kind(text: str) -> None:
    assert not any(v.startswith("likes") for v in values(text).values())


def test_a_time_counted_from_another_judges_nothing() -> None:
    text = "remind me the night before deadlines, not a week before. week before is useless"
    assert "week" not in values(text)
    assert signs(text)["night before deadlines"] == 1.0
    assert values("two days after is too late") == {}
    assert values("an hour earlier is useless") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the week is useless", "week"),  # no relation last: still judged
        ("the day after Christmas is great", "day after christmas"),
        ("the old app is useless", "old app"),
    ],
)
def test_time_neighbours_still_judge(text: str, expected: str) -> None:
    assert expected in values(text)


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        (
            "Please don't ping me for every extension request. Batch them into one digest at 5pm"
            " instead.",
            "ping for every extension request",
            "asks not to ping me for every extension request",
        ),
        (
            "don't email me about every update",
            "email about every update",
            "asks not to email me about every update",
        ),
        (
            "Don't ask me to confirm every step",
            "ask to confirm every step",
            "asks not to ask me to confirm every step",
        ),
        ("never text me after 9pm", "text after 9pm", "asks not to text me after 9pm"),
        (
            "please don't cc us on every thread",
            "cc on every thread",
            "asks not to cc us on every thread",
        ),
    ],
)
def test_an_act_on_the_speaker_keys_without_me(text: str, key: str, value: str) -> None:
    got = values(text)
    assert got.get(key) == value
    assert not any(w in ("me", "us") for k in got for w in k.split())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("don't call me", {"phone calls": -1.0}),
        ("Don't give me bullet points", {"bullet points": -1.0}),
        ("don't send me links", {"links": -1.0}),
    ],
)
def test_act_neighbours_unchanged(text: str, expected: dict[str, float]) -> None:
    assert signs(text) == expected


@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        ("I shoot RAW rather than JPEG so I can fix the white balance later.", "raw", "jpeg"),
        ("I shoot RAW, not JPEG.", "raw", "jpeg"),
        ("I shoot in RAW rather than in JPEG", "raw", "jpeg"),
        ("we take the train instead of flying", "train", "flying"),
        ("I drink tea rather than coffee", "tea", "coffee"),
        ("I usually bike to work, not drive", "bike to work", "drive"),
    ],
)
def test_a_habit_with_its_other_side_is_a_choice(text: str, chosen: str, other: str) -> None:
    got = signs(text)
    assert got.get(chosen, 0) > 0
    assert got.get(other, 0) < 0


@pytest.mark.parametrize(
    "text",
    [
        "I shot RAW, not JPEG",  # one occasion
        "I mean Tuesday, not Thursday",  # a correction
        "I live in Paris, not London",  # a fact
        "I have a cat, not a dog",
        "I need the blue one, not the red one",
        "I am Tim, not Tom",
        "I really appreciate it, not gonna lie",
        "I wanted to thank you, not blame you",
    ],
)
def test_habit_neighbours_choose_nothing(text: str) -> None:
    assert not any(v.startswith("prefers") for v in values(text).values())


def test_a_cue_verb_reads_as_itself() -> None:
    assert values("I like tea, not coffee")["tea"] == "likes tea, not coffee"


@pytest.mark.parametrize(
    "text",
    [
        "I'm colourblind, so editing skin tones is a nightmare for me.",
        "Night driving is a nightmare for me",
        "Stairs are a real pain for us",
    ],
)
def test_a_trouble_of_ones_own_is_no_rating(text: str) -> None:
    assert not any(v.startswith("rates poorly") for v in values(text).values())


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Parking downtown is a nightmare", "parking downtown"),
        ("Meetings are a pain", "meetings"),
        ("Jazz is boring for me", "jazz"),
    ],
)
def test_trouble_neighbours_still_rate(text: str, key: str) -> None:
    assert values(text).get(key) == f"rates poorly: {key}"


@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        ("For me the chess is more interesting than the cards games.", "chess", "cards games"),
        ("Hiking is way more fun than running", "hiking", "running"),
        ("To me podcasts are more enjoyable than audiobooks", "podcasts", "audiobooks"),
        ("Chess is more interesting than cards to me", "chess", "cards"),
    ],
)
def test_more_interesting_than_prefers(text: str, chosen: str, other: str) -> None:
    got = signs(text)
    assert got.get(chosen, 0) > 0
    assert got.get(other, 0) < 0


@pytest.mark.parametrize(
    "text",
    [
        "The sequel is more interesting than I expected",
        "it's more fun than ever",
        "this one is more fun than that",
    ],
)
def test_comparison_neighbours_choose_nothing(text: str) -> None:
    assert not any(v.startswith("prefers") for v in values(text).values())
