"""persona6.disclosure.v36 (session 16): a possession needs a thing one can own, keep or care
for. "my <noun>" of a schedule, a turn, a measure or a flow of money, a pursuit or a device's
setting names nothing had (``my_unowned``); a device used as the instrument or the place of an
act, or said in a setting, neither (``devices``); a child's age said as a noun after "have" is
family; a learner's "I make the job of accountant" is work."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def facts(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(disclosure.NAME, text, "u1")}


def had(text: str) -> dict[str, str]:
    """The claims of things had or places lived in."""
    kinds = ("possessions", "personal", "home")
    return {k: v for k, v in facts(text).items() if k.partition(":")[0] in kinds}


def test_the_producer_is_v36() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    "text",
    [
        # a schedule, a turn or an order of waiting
        "my rota is a mess this month",
        "my exams are next week",
        "my timetable changed again",
        "my schedule is packed on mondays",
        "my exam results come out friday",
        "my place in the queue is 14",
        # a measure or a flow of money
        "my budget is tight this month",
        "that is not in my budget",
        "my profit was small this quarter",
        "my salary is too low for this city",
        "my weight is 80 kg now",
        # a pursuit not named
        "following my passion",
        "it's been my passion and escape",
        # a device's setting or state
        "my wifi keeps dropping",
        "my bluetooth is on but it won't pair",
        "my alarm is set for 6",
        "my laptop battery is at 5 percent",
        "my phone is on silent",
        "my phone was on mute the whole time",
        "my laptop's dead again",
        # a device as the instrument or the place of an act
        "I'm reading this on my phone between meetings",
        "I typed all this on my laptop on the train",
        "I watched the match on my tv last night",
        "sent from my iphone",
    ],
)
def test_what_no_one_owns_is_no_possession(text: str) -> None:
    assert had(text) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I just bought my first car", "possessions:car"),
        ("I got my first phone when I was 12", "possessions:phone"),
        ("my car broke down again", "possessions:car broke down"),
        ("my new laptop arrived", "possessions:laptop arrived"),
        ("my new tablet is amazing", "personal:new tablet"),
        ("I keep my kayak in the garage", "personal:kayak"),
        ("I have a 10 year old laptop", "possessions:10 year old laptop"),
    ],
)
def test_things_had_stay(text: str, key: str) -> None:
    assert key in facts(text)


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        (
            "my passion is baking bread",
            "personal:passion for baking bread",
            "their passion is baking bread",
        ),
        ("Acting was my first passion", "personal:passion for acting", "their passion is acting"),
        (
            "cooking is my passion , i really like it",
            "personal:passion for cooking",
            "their passion is cooking",
        ),
        (
            "Still following my passion for dance.",
            "personal:passion for dance",
            "their passion is dance",
        ),
        (
            "but my passion is with running .",
            "personal:passion for running",
            "their passion is running",
        ),
        (
            "It really fired up my passion to make education better",
            "personal:passion for make education better",
            "their passion is to make education better",
        ),
        (
            "I'm aiming to turn my dancing passion into a business",
            "personal:passion for dancing",
            "their passion is dancing",
        ),
    ],
)
def test_a_pursuit_is_what_it_is_of(text: str, key: str, value: str) -> None:
    assert had(text) == {key: value}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I have a 2 year old and a newborn", "family:2 year old and a newborn"),
        ("I have a 2 year old", "family:2 year old"),
        ("i have an 18-month-old", "family:18-month-old"),
        ("we have two 5 year olds", "family:two 5 year olds"),
    ],
)
def test_a_child_by_age_had_is_family(text: str, key: str) -> None:
    assert key in facts(text)


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        (
            "I make the job of accountant",
            "work:make the job of accountant",
            "makes the job of accountant",
        ),
        (
            "i do the work of nurse in a clinic",
            "work:do the work of nurse in a clinic",
            "does the work of nurse in a clinic",
        ),
        (
            "I have the job of a teacher",
            "work:have the job of a teacher",
            "has the job of a teacher",
        ),
    ],
)
def test_a_learners_job_frame_is_work(text: str, key: str, value: str) -> None:
    assert facts(text).get(key) == value


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("I do the job of two people", "work:do the job of two people"),
        ("I make the bed every morning", "work:make the bed every morning"),
    ],
)
def test_a_job_frame_without_an_occupation_is_no_work(text: str, absent: str) -> None:
    assert absent not in facts(text)
