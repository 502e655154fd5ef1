"""persona6.disclosure.v35 (session 16): first-person facts in learner English and in plain
everyday forms. "we are" agrees in number ("we are vegetarians", "we're both nurses"); a
learner's "like" for "as" before a job, "since many years" for "for many years", "allergic of",
"childs", "pensioner"; animals kept; things of different kinds joined by "and"; the object of
"have" ends before "and one of them has ..."; "my <noun> is <what or where>"; "my own <product>"
after a pastime verb; an age in a clause of time; a work verb kept up for long; a noun with its
number and a time."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def facts(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v35() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


# --- learner English -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("We are vegetarians since many years.", "diet:vegetarian", "(with others) is vegetarian"),
        ("we are vegans since long time", "diet:vegan", "(with others) is vegan"),
        ("we are teachers", "work:teacher", "(with others) is a teacher"),
        ("We're both engineers.", "work:engineer", "(with others) is an engineer"),
        ("We are farmers.", "work:farmer", "(with others) is a farmer"),
        ("I am pensioner.", "work:pensioner", "is pensioner"),
        (
            "I am working like engineer in factory, I print parts for the machines.",
            "work:working as engineer in factory",
            "is working as engineer in factory",
        ),
        ("I work like nurse in hospital.", "work:work as nurse in hospital", None),
        ("I am allergic of peanuts.", "health:allergic of peanuts", "is allergic of peanuts"),
        ("I have three childs.", "family:three childs", "has three childs"),
    ],
)
def test_learner_forms_are_read(text: str, key: str, value: str | None) -> None:
    found = facts(text)
    assert key in found, found
    assert value is None or found[key] == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # neighbours: a manner of working, not a job; the singular forms unchanged
        ("I work like crazy.", {}),
        ("I'm working like a dog these days.", {}),
        ("We are vegetarian.", {"diet:vegetarian": "(with others) is vegetarian"}),
        ("I am a nurse.", {"work:nurse": "is a nurse"}),
        ("we are friends", {}),
        ("we are ready", {}),
    ],
)
def test_learner_neighbours_stay(text: str, expected: dict[str, str]) -> None:
    assert facts(text) == expected


# --- animals kept, and what has them --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("i keep discus, been doing it about 6 yrs", "pets:discus"),
        ("We keep ducks and a few geese.", "pets:ducks and a few geese"),
        ("I keep koi in a pond out the back.", "pets:koi in a pond out the back"),
        ("I keep bees.", "habits:keep bees"),
        ("I have kept bees for nearly thirty years", "habits:kept bees"),
        ("I've got two rescue greyhounds.", "pets:two rescue greyhounds"),
    ],
)
def test_kept_animals_are_read(text: str, key: str) -> None:
    assert key in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I've got two rescue greyhounds and one of them has a heart murmur.",
            {"pets:two rescue greyhounds": "got two rescue greyhounds"},
        ),
        ("I have a cat and she has diabetes.", {"pets:cat": "has a cat"}),
        (
            "I have asthma and two cats.",
            {"health:asthma": "has asthma", "pets:two cats": "has two cats"},
        ),
        (
            "I have no kids and two cats",
            {"family:children": "does not have kids", "pets:two cats": "has two cats"},
        ),
        # neighbours: one kind stays one fact
        ("I have a wife and two kids", {"family:wife and two children": "has a wife and two kids"}),
        ("I keep forgetting my password.", {}),
    ],
)
def test_each_thing_had_by_its_own_head(text: str, expected: dict[str, str]) -> None:
    assert facts(text) == expected


# --- my <noun> is ..., my own ..., ages, jobs kept up, numbers ------------------------------


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        (
            "my project is on coral bleaching in the Red Sea",
            "personal:project",
            "their project is on coral bleaching in the red sea",
        ),
        ("my commute is an hour each way", "personal:commute", "their commute is an hour each way"),
        ("my café is busy", "personal:café", "has café"),  # a state: unchanged
        ("I have my own studio", "personal:studio", "has studio"),
    ],
)
def test_what_my_thing_is(text: str, key: str, value: str) -> None:
    assert facts(text).get(key) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I brew my own beer.", {"habits:brew my own beer": "brews my own beer"}),
        ("I have played chess since I was 12", {"activities:played chess": "played chess"}),
        ("When I was 20 I moved to Paris", {"home:paris": "moved to paris"}),
        ("I am 34.", {"identity:34": "is 34"}),
        ("Southwest 5 to 7, occasionally gale 8 later.", {}),
    ],
)
def test_no_junk_beside_the_fact(text: str, expected: dict[str, str]) -> None:
    assert facts(text) == expected


def test_a_job_kept_up_for_years_is_work() -> None:
    found = facts("Been working nights at the hospital for two years.")
    assert "work:working nights at the hospital" in found
    assert "habits:working out" in facts("I've been working out for 3 years")
    assert "habits:working on my novel" in facts("I've been working on my novel for two years")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Me and my husband we are retired since 5 years.",
            {"family:husband": "has husband", "work:retired": "(with others) is retired"},
        ),
        ("I'm a solicitor.", {"work:solicitor": "is a solicitor"}),
        ("we are attorneys", {"work:attorney": "(with others) is an attorney"}),
        # neighbour: "my husband is ..." with no pronoun keeps its clause
        ("My husband is a nurse.", {"family:husband is a nurse": "their husband is a nurse"}),
    ],
)
def test_resumptive_we_and_more_jobs(text: str, expected: dict[str, str]) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My profession is nurse but now I am not working.", {"work:nurse": "works as nurse"}),
        (
            "I am mother of three kids and I am working part time.",
            {
                "family:mother of three children": "is mother of three kids",
                "work:working part time": "is working part time",
            },
        ),
        ("I'm type 1 diabetic, on a pump.", {"health:type 1 diabetic": "is type 1 diabetic"}),
        (
            "I do nights at a care home.",
            {"work:do nights at a care home": "does nights at a care home"},
        ),
        (
            "I am doing my master in economy in Paris.",
            {
                "education:doing my master in economy in paris": (
                    "is doing my master in economy in paris"
                )
            },
        ),
        # neighbours
        (
            "I take care of the billing",
            {"family:take care of the billing": "takes care of the billing"},
        ),
        ("my goal is to run a marathon", {"plans:run a marathon": "wants to run a marathon"}),
        ("I'm a mother of two", {"family:mother of two": "is a mother of two"}),
    ],
)
def test_more_learner_and_everyday_forms(text: str, expected: dict[str, str]) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I have 42 years old and two daughters.",
            {"identity:42": "is 42 years old", "family:two daughters": "has two daughters"},
        ),
        ("I have hypertension.", {"health:hypertension": "has hypertension"}),
        (
            "got 2 cockapoos and a rescue cat",
            {"pets:2 cockapoos and a rescue cat": "got 2 cockapoos and a rescue cat"},
        ),
        ("Been nursing 12 years.", {"work:nursing 12 years": "has been nursing 12 years"}),
        ("been doing it about 6 yrs", {}),
        ("I'm a single mum.", {"family:single mother": "is a single mum"}),
        # neighbours: a number of years that is no age
        (
            "I have 10 years of experience",
            {"possessions:10 years of experience": "has 10 years of experience"},
        ),
        ("I've been waiting 2 years for surgery", {}),
        # "my masters" alone is a degree had
        (
            "cool , i have a degree , my masters",
            {"possessions:degree": "has a degree", "personal:masters": "has masters"},
        ),
    ],
)
def test_ages_conditions_and_bare_lengths(text: str, expected: dict[str, str]) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last time the app was an hour out and we nearly went aground", {}),
        ("I nearly died laughing", {}),
        ("I almost quit my job last year", {"work:job": "has job"}),
        ("I'm reading this on my phone between meetings", {}),
        # neighbours: frequency after "nearly", a thing named after "this", a real parting
        ("I nearly always cook at home", {"habits:cook at home": "cooks at home"}),
        (
            "I'm reading this book about Rome",
            {"habits:reading this book about rome": "is reading this book about rome"},
        ),
        ("I quit my job last year", {"work:job": "no longer has job"}),
    ],
)
def test_what_did_not_happen_and_the_text_at_hand(text: str, expected: dict[str, str]) -> None:
    assert facts(text) == expected
