"""preference.v37: a favourite across a sentence break ("Definitely Star Wars! It's my
favorite", "iron maiden. definitely my favorite.", "I saw Adele live. She is my favorite
artist": was nothing); a favourite colour keeps the colour word ("my husband has a blue car.
that is my favorite color": blue, was "blue car"; "wow! that is my favorite color too": none,
was "wow"); a taste said in a relative clause takes the noun phrase it hangs on ("a book series
that I love", "Pho is a dish that I adore": was nothing); "X is interesting to me"."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def values(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v37() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # LoCoMo / PersonaExt
        ("Definitely Star Wars! It's my favorite and never gets old.", "star wars"),
        ("iron maiden . definitely my favorite .", "iron maiden"),
        ("i would love to see a purple cat ! its my favorite color", "purple"),
        # other domains: the contraction on the word, "its" for it's, "that's"
        ("Finally tried oat milk. It's my favorite now.", "oat milk"),
        ("Watching Dune again. It's my favourite film.", "dune"),
        ("I planted lavender this spring. That's my favourite herb.", "lavender"),
        ("we hiked the ridge trail . its my fav", "ridge trail"),
        ("so , chess is the greatest game of all time . its my favorite .", "chess"),
        ("Swimming is relaxing, it's my favourite thing.", "swimming"),
        # a bare "my favourite" after a sentence that only names something
        ("Lasagna tonight. Definitely my favourite meal.", "lasagna"),
        ("Rainy Sundays. My favorite.", "rainy sundays"),
        ("Anne of Green Gables. My favourite book.", "anne of green gables"),
        ("Definitely Iron Maiden. My favorite.", "iron maiden"),
        # "he"/"she" after a name said before
        ("I saw Adele live. She is my favorite artist.", "adele"),
        ("I listened to Tim McGraw today. He is my favorite singer.", "tim mcgraw"),
        ("We watched Serena Williams play, she is my favourite athlete.", "serena williams"),
    ],
)
def test_a_favourite_across_a_sentence_break(text: str, key: str) -> None:
    assert key in values(text), values(text)


@pytest.mark.parametrize(
    "text",
    [
        # nothing named: a remark, an answer, the speaker's own act, a pointer that goes on
        "Thanks for asking. My favorite!",
        "Sure thing. My favorite.",
        "Yes. My favorite.",
        "that could buy all the ice cream i could eat . my favorite !",
        "hello . i am cleaning the house . my favorite chore .",
        "I make it with almond flour, coconut oil and raspberries. It's my favorite for birthdays.",
        "Can't imagine my life without it, it's my passion.",
        "just finished online shopping its my favorite thing !",
        "drinking tea its my favorite yo",
        # "he"/"she" with no name written in capitals
        "My brother called. He is my favorite person.",
        "is travis scott from al ? he is my favorite artist .",
    ],
)
def test_no_favourite_when_nothing_is_named(text: str) -> None:
    assert not any(v.startswith(("favourite", "favours")) for v in values(text).values()), values(
        text
    )


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("awesome , my husband has a blue car . that is my favorite color .", "blue"),
        ("i think that is why blue is my favorite color .", "blue"),
        ("nice ! i guess i will go back to red . it is my favorite color .", "red"),
        ("I painted the fence sage green, it is my favourite colour.", "green"),
        ("My favourite colours are blue and green.", "blue and green"),
        ("My favourite colour is teal.", "teal"),
    ],
)
def test_a_favourite_colour_is_the_colour_word(text: str, key: str) -> None:
    got = values(text)
    assert key in got and got[key].startswith("favourite colo"), got


@pytest.mark.parametrize(
    "text",
    [
        "wow ! that is my favorite color too ! i am a yoga instructor",
        "thanks , everything looks red hey my favorite color so all is good .",
    ],
)
def test_a_favourite_colour_naming_no_colour_is_none(text: str) -> None:
    assert not any("colo" in v for v in values(text).values()), values(text)


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("It's based on a book series that I love.", "book series", "loves book series"),
        ("I also met people who played this boardgame I love.", "boardgame", "loves boardgame"),
        ("there are a couple of poses I really enjoy.", "poses", "enjoys poses"),
        ("Pho is a dish that I adore.", "pho", "adores pho"),
        ("Jazz is the music I enjoy most.", "jazz", "enjoys jazz"),
        ("Hey! Here's another recipe I like.", "recipe", "likes recipe"),
        ("it makes up for tacos that i hate very much", "tacos", "hates tacos"),
        ("Sourdough is a bread I could eat daily, a loaf that I love.", "loaf", "loves loaf"),
    ],
)
def test_a_taste_in_a_relative_clause(text: str, key: str, value: str) -> None:
    assert values(text).get(key) == value, values(text)


@pytest.mark.parametrize(
    "text",
    [
        "I got a no for a summer job I wanted.",  # a want that is over
        "it didn't go the way I wanted",
        "I found a violin concert that we all enjoyed.",  # one occasion
        "the color i hate the most is orange",  # the clause goes on: its object follows
        "the running part i hate !",  # a part, no taste of its own
        "It's something I love.",
        "These are the people I love.",
        "That's what I love.",
        "It's the one thing I hate.",
    ],
)
def test_no_relative_taste(text: str) -> None:
    got = values(text)
    assert not any(k in ("job", "way", "violin concert", "color", "part") for k in got), got
    assert not any(k in ("something", "people", "what", "thing") for k in got), got


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Improving education and infrastructure is particularly interesting to me.",
            "improving education and infrastructure",
        ),
        ("Old maps are fascinating to me.", "old maps"),
        ("Tidal patterns are really interesting to me, I read about them a lot.", "tidal patterns"),
        ("Medieval siege engines are so fascinating to me.", "medieval siege engines"),
    ],
)
def test_interesting_to_me(text: str, key: str) -> None:
    assert values(text).get(key) == f"is interested in {key}", values(text)


@pytest.mark.parametrize(
    "text",
    [
        "That's interesting to me.",
        "It's interesting to me how people cope.",
        "Your idea is interesting to me.",
    ],
)
def test_interesting_to_me_neighbours(text: str) -> None:
    assert not any(v.startswith("is interested in") for v in values(text).values()), values(text)


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        # unchanged neighbours
        ("I love purple, it is my favorite color", "purple", "loves purple"),
        (
            "watch rick and morty , it is my favorite show",
            "rick and morty",
            "favourite show: rick and morty",
        ),
        ("Harry Potter is my favorite book.", "harry potter", "favourite book: harry potter"),
        ("iced tea, my favorite drink", "iced tea", "favourite: iced tea"),
    ],
)
def test_neighbours_unchanged(text: str, key: str, value: str) -> None:
    assert values(text).get(key) == value, values(text)
