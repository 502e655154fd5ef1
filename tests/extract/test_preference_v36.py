"""preference.v36: a favourite keeps the kind of thing it is ("Harry Potter is my favorite
book" reads "favourite book: harry potter", was "favours harry potter"; "my favorite drink
happens to be iced tea" is one, was nothing); "gone off X" is stopped liking X ("no longer
likes drum machines", was nothing); "I used to like X but now I prefer Y" gives X up with no
comma before "but" as with one ("no longer likes jazz", was only "prefers techno")."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def values(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(preference.NAME, text, "u1")}


def polarities(text: str) -> dict[str, float]:
    return {s.key: s.polarity for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v36() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("Harry Potter is my favorite book.", "harry potter", "favourite book: harry potter"),
        ("My favourite colour is teal.", "teal", "favourite colour: teal"),
        ("my fav band has to be Muse", "muse", "favourite band: muse"),
        ("Tea is my go-to drink.", "tea", "favourite drink: tea"),
        ("My favorite drink happens to be iced tea.", "iced tea", "favourite drink: iced tea"),
        ("My favourite book of all time is Dune.", "dune", "favourite book: dune"),
        ("Severance is my favourite show right now.", "severance", "favourite show: severance"),
        ("My favorite kind of music is jazz.", "jazz", "favourite kind of music: jazz"),
        ("Red is my absolute favorite color.", "red", "favourite color: red"),
        ("Pizza is my favorite food in the world.", "pizza", "favourite food: pizza"),
        (
            "We painted the walls purple, it is my favorite color.",
            "purple",
            "favourite color: purple",
        ),
    ],
)
def test_a_favourite_keeps_its_kind(text: str, key: str, value: str) -> None:
    assert values(text) == {key: value}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pizza is my top pick.", {"pizza": "favours pizza"}),  # no kind named
        ("Tea is my go-to.", {"tea": "favours tea"}),
        ("My favorite one is the office.", {"office": "favourite: office"}),  # "one" points
        ("My hobby is painting.", {"painting": "favourite: painting"}),
        ("Hiking is my favourite thing to do.", {"hiking": "favours hiking"}),
        ("Dune is not my favourite book.", {"dune": "does not favour dune"}),
        ("my favorite is that one", {}),  # a pronoun
        ("Her favourite book is Dune.", {}),  # reported
        ("What's your favourite book?", {}),  # a question
        ("I can't get enough of sushi.", {"sushi": "can't get enough of sushi"}),
        ("My favorite band the Beastie Boys are from NYC.", {}),  # named before the verb
        ("My favorite restaurant that serves steak is in New York.", {}),
        ("My favorite walks are in the park.", {}),  # where, not what
    ],
)
def test_favourite_neighbours(text: str, expected: dict[str, str]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I've gone off drum machines lately; these days I record real drums.", "drum machines"),
        ("I've gone right off coffee.", "coffee"),
        ("We went completely off sushi.", "sushi"),
    ],
)
def test_gone_off_is_stopped_liking(text: str, key: str) -> None:
    found = {s.key: s for s in extracted(preference.NAME, text, "u1")}
    assert found[key].polarity < 0
    assert found[key].value == f"no longer likes {key}"


@pytest.mark.parametrize(
    "text",
    [
        "I went off the road.",  # somewhere
        "I've gone off to college.",
        "The alarm has gone off.",
        "I have gone off it.",  # a pronoun
        "He has gone off coffee.",  # someone else
    ],
)
def test_gone_off_neighbours_say_nothing(text: str) -> None:
    assert values(text) == {}


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        ("I used to like jazz but now I prefer techno.", "jazz", "techno"),
        ("I used to love jazz but now I love rock.", "jazz", "rock"),
    ],
)
def test_a_taste_given_up_before_but_without_a_comma(text: str, old: str, new: str) -> None:
    found = polarities(text)
    assert found[old] < 0 and found[new] > 0
    assert values(text)[old].startswith("no longer ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I used to love jazz.", {}),
        ("I used to love jazz, but now I prefer techno.", {"jazz": -1.0, "techno": 1.0}),
        # preference.v41: a taste turned round reads as the one held now
        ("I used to hate olives but now I love them.", {"olives": 1.0}),
    ],
)
def test_given_up_neighbours(text: str, expected: dict[str, float]) -> None:
    assert polarities(text) == expected
