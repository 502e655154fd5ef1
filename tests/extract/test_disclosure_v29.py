"""persona6.disclosure.v29 (end-to-end review 8 D1-D5, probe 9): what is no fact of the
speaker's life now. A kin that died is lost, not had; a kin awaited is not had yet; "my X" of a
noun the lists do not know names no thing when it is a rank, a record, a person of a service, a
fitting of any home or the object of an act needed; a plan of the moment, a need said as a
skill, an attempt and a choice among things are no facts; "I live on my own" is no diet."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def facts(text: str) -> dict[str, tuple[str, float]]:
    return {s.key: (s.value, s.polarity) for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v29() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    "text",
    [
        "Is there a generic? I really have to watch the pennies since my husband passed.",
        "My late husband loved this garden.",
        "I'm widowed, my husband passed away in 2019.",
        "my husband sadly died last spring",
    ],
)
def test_a_kin_who_died_is_lost_not_had(text: str) -> None:
    assert facts(text)["family:husband"] == ("lost their husband", -1.0)


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        # neighbours: a living kin, and one the speaker parted with, stay as they were
        ("I have a dog and my son lives in Leeds.", "family:son lives in leeds", None),
        ("my husband passed the exam.", "family:husband passed the exam", None),
        ("I lost my wife last year.", "family:wife", "no longer has wife"),
        ("I walk my dog every morning.", "pets:dog", "has dog"),
    ],
)
def test_a_living_kin_stays_had(text: str, key: str, value: str | None) -> None:
    found = facts(text)
    assert key in found
    assert value is None or found[key][0] == value


def test_a_kin_awaited_is_not_had_yet() -> None:
    found = facts(
        "We're expecting our first baby in September, so I want the nursery sensors sorted."
    )
    assert "family:baby" not in found
    assert "family:expecting our first baby" in found


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # review 8 D3 and probe 9: "my X" of these names no thing of the speaker's life
        ("the electric bill is my main worry this year.", "personal:main worry"),
        (
            "I am liking very much the roses, they are my favourite flower.",
            "personal:favourite flower",
        ),
        ("I'm self-employed as a dog groomer, so I file my own taxes.", "personal:taxes"),
        ("My accountant is worried about the audit risk.", "personal:accountant"),
        ("The planting calendar shows the wrong frost dates for my zone.", "personal:zone"),
        (
            "Local control please, not cloud. If their servers die my lights shouldn't.",
            "personal:lights",
        ),
        ("Also my claim for the CGM sensors got denied again, why?", "personal:claim"),
        ("Hello, I need to book my usual check with Dr. Patel, please.", "personal:usual check"),
        ("Good morning. Time for my INR again, how the months fly by.", "personal:inr"),
        ("I need to refill my warfarin, the 5 milligram ones.", "personal:warfarin"),
        ("i run a little bakery out of my kitchen", "personal:kitchen"),
    ],
)
def test_my_x_that_names_no_thing_of_a_life_is_no_fact(text: str, gone: str) -> None:
    assert gone not in facts(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # neighbours: things of a life stay, weak
        ("I just opened my dance studio.", "personal:dance studio"),
        ("My blog got a thousand views last week.", "personal:blog"),
        ("I finally finished my first marathon!", "personal:first marathon"),
        ("I keep my notebook by the bed.", "personal:notebook"),
    ],
)
def test_my_x_of_a_thing_of_a_life_stays(text: str, kept: str) -> None:
    assert kept in facts(text)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("I'll just write the letter by hand then.", "plans:write the letter by hand"),
        ("Fine, I'll take the train instead.", "plans:take the train"),
        (
            "I need to speak to a real person about this.",
            "skills:speak to a real person about this",
        ),
        (
            "I keep getting 'session expired' every time I try to submit the tax form.",
            "habits:submit the tax form",
        ),
        (
            "I always go for organic seed potatoes when I can find them.",
            "habits:go for organic seed potatoes",
        ),
        ("I live on my own since Harold died two years ago.", "diet:live on my own"),
    ],
)
def test_a_reaction_a_need_an_attempt_or_a_choice_is_no_fact(text: str, gone: str) -> None:
    assert gone not in facts(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # neighbours: plans of a life, skills, habits tried and outings stay
        ("I'll move to Spain next year.", "plans:move to spain"),
        ("I can speak French.", "skills:speak french"),
        ("I try to run every day.", "habits:run every day"),
        ("I go for a run every morning.", "habits:go for a run"),
        ("I live on coffee and toast.", "diet:live on coffee and toast"),
        ("I live alone.", "home:alone"),
    ],
)
def test_plans_skills_habits_and_diets_of_a_life_stay(text: str, kept: str) -> None:
    assert kept in facts(text)


def test_living_on_ones_own_is_living_alone() -> None:
    assert facts("I live on my own since Harold died two years ago.")["home:alone"] == (
        "lives alone",
        1.0,
    )
