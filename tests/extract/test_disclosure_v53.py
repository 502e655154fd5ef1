"""persona6.disclosure.v53 (session 19): word classes read across writers. A kin word in another
sense is no kin; "used to" is had no longer and a modal or "will" makes a thing come to have a
plan; a pick of the moment, a chore, a move to a product or a method is no fact of a life;
membership, a learner's level and a profile written without "I" are the speaker's; a compound
adjective is no part of a thing's key."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def signals(text: str) -> dict[str, tuple[str, float]]:
    return {s.key: (s.value, s.polarity) for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v53() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    "text",
    [
        "I'm engaged in volunteer work at the shelter",
        "we're engaged in a long fight with the council over parking",
        "honestly im married to the job these days",
        "this app is my baby, been building it two years",
        "the garden is my baby tbh",
        "my brother in arms on the raid team quit",
        "My team is like my second family too.",
        "my dog is basically my kid",
    ],
)
def test_a_kin_word_in_another_sense_is_no_family(text: str) -> None:
    assert not any(key.startswith("family:") for key in signals(text)), signals(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("i just got engaged to my college sweetie", "family:engaged to my college sweetie"),
        ("we got engaged in Paris", "family:engaged in paris"),
        ("I'm engaged to be married", "family:engaged to be married"),
        ("I'm married to a doctor", "family:married to a doctor"),
        ("the man i am married to works in law", "family:married to works in law"),
        ("my favorite thing is my family", "family:family"),
        ("i just got my parents company", "family:parents"),
    ],
)
def test_a_kin_in_its_own_sense_stays(text: str, key: str) -> None:
    assert key in signals(text), signals(text)


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("I used to be a teacher", "work:teacher", "used to be a teacher"),
        ("I used to own a labrador", "pets:labrador", "used to own a labrador"),
        ("i used to have a cat", "pets:cat", "used to have a cat"),
        ("I used to live in Berlin", "home:berlin", "used to live in berlin"),
        ("I used to play the violin", "habits:play the violin", "used to play the violin"),
        ("used to work at a candy store", "work:work at a candy store", ""),
    ],
)
def test_used_to_is_had_no_longer(text: str, key: str, value: str) -> None:
    got = signals(text)
    assert key in got and got[key][1] == -1.0, got
    assert not value or got[key][0] == value


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("I might adopt a dog", "plans:adopt a dog", "might adopt a dog"),
        ("I may get a cat", "plans:get a cat", "may get a cat"),
        ("we might get married next summer", "plans:get married", None),
        ("I'll adopt a rescue greyhound", "plans:adopt a rescue greyhound", None),
        ("yeah i will probably buy a turtle", "plans:buy a turtle", None),
        ("I could get a puppy", "plans:get a puppy", "could get a puppy"),
        ("i should totally be a country singer one day", "plans:country singer", None),
    ],
)
def test_a_thing_to_come_under_a_modal_is_a_plan(text: str, key: str, value: str | None) -> None:
    got = signals(text)
    assert key in got, got
    assert value is None or got[key][0] == value
    assert not any(k.split(":")[0] in ("pets", "family", "possessions", "work") for k in got)


@pytest.mark.parametrize(
    "text",
    [
        "I might be allergic to cats",
        "i should have been a singer",
        "i may have some crystals to make you have better luck",
        "must be the food",
        "I'll have the salmon",
        "I'd have the soup please",
        "I'll take the 3pm slot",
        "I'll take the window seat",
        "I'll go with the 10am appointment",
        "I'm doing the dishes rn",
        "I'm doing my taxes this weekend",
        "I'm doing the school run then I'll reply",
        "moving to a standing desk helped my back",
        "I've moved back to Lightroom",
        "I've moved back to Evernote",
        "This is my go-to place for writing inspiration.",
    ],
)
def test_no_fact_of_a_life(text: str) -> None:
    assert signals(text) == {}, signals(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("im part of a dog agility club", "identity:member of dog agility club"),
        ("im in a choir", "identity:member of choir"),
        (
            "i'm part of the parent teacher association",
            "identity:member of parent teacher association",
        ),
        (
            "we're members of the local allotment society",
            "identity:member of local allotment society",
        ),
        ("I'm on the school board", "identity:member of school board"),
        ("I'm a member of a chess club", "identity:member of chess club"),
        ("total beginner at chess", "skills:beginner at chess"),
        ("I'm new to 3D printing, any tips?", "skills:beginner at 3d printing"),
        ("complete newbie to investing here", "skills:beginner at investing"),
        ("I'm a complete novice when it comes to sourdough", "skills:beginner at sourdough"),
        ("beginner guitarist, self taught", "skills:beginner guitarist"),
        ("Work as a nurse, 3 kids, live near Leeds", "work:work as a nurse"),
        ("Work as a nurse, 3 kids, live near Leeds", "family:three children"),
        ("Work as a nurse, 3 kids, live near Leeds", "home:near leeds"),
        ("Live in Toronto, work in finance", "home:toronto"),
        ("Live in Toronto, work in finance", "work:work in finance"),
        ("married 12 years, 2 kids", "family:two children"),
        ("I'm doing my WSET level 3", "education:doing my wset level 3"),
        ("I'm doing a pottery course", "education:doing a pottery course"),
        ("I'm doing my CELTA", "education:doing my celta"),
        ("my 10-year-old laptop keeps crashing", "possessions:laptop keeps crashing"),
        ("my hand-me-down guitar is out of tune", "possessions:guitar is out of tune"),
        ("my well-worn hiking boots finally split", "possessions:boots finally split"),
        ("love my new hand-knitted scarf", "personal:new scarf"),
        ("I had a dog growing up", "pets:dog"),
        ("i had a couple of cats as a kid", "pets:couple of cats"),
    ],
)
def test_the_speaker_said_in_other_words(text: str, key: str) -> None:
    assert key in signals(text), signals(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("I'm part of the problem", "identity:"),
        ("I'm in a group chat with them", "identity:"),
        ("I'm new to this", "skills:"),
        ("i am new to the united states", "skills:"),
        ("3 kids", "family:"),
        ("oh look, a bird", "pets:"),
        ("live in the moment", "home:"),
        ("Work on it later", "work:"),
        ("i am not doing well in my classes", "education:"),
    ],
)
def test_the_frames_name_nothing_else(text: str, absent: str) -> None:
    assert not any(key.startswith(absent) for key in signals(text)), signals(text)


def test_a_small_town_moved_to_stays_a_home() -> None:
    assert "home:ruidoso" in signals("I bought a truck and moved to Ruidoso")
    assert "home:united states" in signals("i am new to the united states")
    assert "home:leeds" in signals("I'm new to Leeds")
