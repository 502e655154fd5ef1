"""persona6.disclosure.v42 (session 18): "my X" that names no thing the speaker owns, by whole
noun classes (a span of time, a meal, a place one frequents, a professional one is the client
of, the noun of an idiom of taste, a home land named by no name, a family record), and "my X"
given up in an exchange ("swapped my X for Y") is had no longer."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def signals(text: str) -> dict[str, tuple[str, float]]:
    return {s.key: (s.value, s.polarity) for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v42_or_later() -> None:
    assert int(disclosure.NAME.rsplit(".v", 1)[1]) >= 42


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("my week has been all seed sowing and repotting", "week"),
        ("my weekend was basically one long climbing session", "weekend"),
        ("i spent my morning cleaning the canister filter", "morning"),
        ("I skipped my lunch to finish the tax return", "lunch"),
        ("my breakfast is always porridge before a long ride", "breakfast"),
        ("the barista at my local knows my order", "local"),
        ("my gym has a bouldering wall now", "gym"),
        ("I asked my accountant about the self assessment deadline", "accountant"),
        ("my mechanic reckons the clutch is going", "mechanic"),
        ("my wedding planner keeps sending spreadsheets", "planner"),
        ("my ENT cleared me to dive last month", "ent"),
        ("shore dives every time, the boat ones make me chuck up my breakfast", "breakfast"),
        ("in my country we dont really do wedding favours", "country"),
        ("see who of my ancestors were in the military", "ancestors"),
    ],
)
def test_my_noun_of_an_unowned_class_is_no_possession(text: str, noun: str) -> None:
    keys = signals(text)
    assert not [k for k in keys if k.split(":", 1)[1].split()[:1] == [noun]], keys
    assert not [v for v, _ in keys.values() if v.startswith("has ") and noun in v], keys


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("my new gravel bike arrived today", "possessions:bike arrived"),
        ("I got my first chess set from my grandad", "personal:first chess set"),
        ("my allotment is flooding again", "personal:allotment"),
        ("my knitting machine jammed", "personal:knitting machine"),
        ("my morning coffee is sacred", "personal:morning coffee"),
        ("I walk my dog every day", "pets:dog"),
    ],
)
def test_a_thing_owned_stays_had(text: str, key: str) -> None:
    assert key in signals(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My preference is the 4mm needles for chunky wool", "their preference is the 4mm"),
        ("broadway is fun , but my preference is nascar !", "their preference is nascar"),
    ],
)
def test_a_meal_or_idiom_noun_said_with_what_it_is_stays(text: str, value: str) -> None:
    values = [v for v, _ in signals(text).values()]
    assert any(v.startswith(value) for v in values), values
    assert not [v for v in values if v.startswith("has ")], values


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I swapped my nationals for warre hives last spring", "personal:nationals"),
        ("i swapped my road bike for a gravel bike last spring", "possessions:bike"),
        ("I replaced my canister filter with a sump in june", "personal:canister filter"),
        ("I traded my old hatchback for an estate", "personal:old hatchback"),
    ],
)
def test_a_thing_exchanged_away_is_had_no_longer(text: str, key: str) -> None:
    found = signals(text)
    assert found[key][1] < 0, found
    assert found[key][0].startswith("no longer has"), found


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I replaced my phone", "possessions:phone"),  # no "for/with": one is still had
        ("i'll swap my car for a van next year", "possessions:car"),  # to come
    ],
)
def test_an_exchange_not_done_leaves_it_had(text: str, key: str) -> None:
    assert signals(text)[key][1] > 0


@pytest.mark.parametrize(
    "text",
    [
        "leave it for an hour then have another crack at the cast on",
        "I'll have a stab at the endgame study tonight",
        "had a bash at bleeding the brakes",
    ],
)
def test_a_have_idiom_of_trying_is_no_possession(text: str) -> None:
    assert not [k for k in signals(text) if k.startswith("possessions:")]
