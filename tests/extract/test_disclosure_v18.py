"""persona6.disclosure.v18: plans keyed by their act, plans announced as a change, and diet.

A plan is keyed by its act alone: words of time or change at either end are left out ("my goal
is now running the half", "... instead"), a lead of wishing too ("I want to run a marathon"),
and after "my goal is" a gerund or a "to" opens the act in its base form, so "I want to run a
marathon", "my goal is to run a marathon" and "my goal is running a marathon" meet at
``plans:run a marathon``. A diet is its own category ("I'm vegan"), what the speaker cannot or
does not have of a food is their diet ("I can't have dairy"), and "nut allergy here" is health.
"""

from __future__ import annotations

import pytest

from persona6.extract import disclosure


def claims(text: str) -> dict[str, str]:
    return {c.key: c.value for c in disclosure.disclosure_claims(text)}


def test_the_producer_is_v18() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("My goal is now running the half.", "plans:run the half", "wants to run the half"),
        ("so my goal is now running the half", "plans:run the half", "wants to run the half"),
        ("My goal is now to run the half.", "plans:run the half", "wants to run the half"),
        ("My goal is running a marathon.", "plans:run a marathon", "wants to run a marathon"),
        ("My goal is still to run a marathon.", "plans:run a marathon", "wants to run a marathon"),
        ("My goal is to run a marathon.", "plans:run a marathon", "wants to run a marathon"),
        ("I want to run a marathon.", "plans:run a marathon", "wants to run a marathon"),
        ("I want to lose 5 kg.", "plans:lose 5 kg", "wants to lose 5 kg"),
    ],
)
def test_a_goal_is_keyed_by_its_act_in_its_base_form(text: str, key: str, value: str) -> None:
    assert claims(text) == {key: value}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("New goal: I want to run a marathon.", "plans:run a marathon"),
        ("I want to run a marathon instead.", "plans:run a marathon"),
        ("I changed my goal to running a marathon.", "plans:run a marathon"),
        ("I'm going to visit Paris instead.", "plans:visit paris"),
    ],
)
def test_a_plan_announced_as_a_change_is_a_plan(text: str, key: str) -> None:
    found = claims(text)
    assert list(found) == [key]
    assert "instead" not in found[key]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("My plan is to move to Leeds.", "plans:move to leeds"),
        ("My dream is to open a bakery.", "plans:open a bakery"),
        ("I want to visit Japan someday.", "plans:visit japan"),
        ("I'm going to visit Paris.", "plans:visit paris"),
    ],
)
def test_neighbouring_plans_keep_their_act(text: str, key: str) -> None:
    assert list(claims(text)) == [key]


@pytest.mark.parametrize(
    "text",
    [
        "I want to run the script again.",
        "I want to run a script on the server.",
        "I want to build an app for this.",
        "My plan to visit Paris fell through.",
        "I changed my plan to the annual one.",
        "I changed my plan to something cheaper.",
    ],
)
def test_a_step_of_the_task_or_a_price_plan_is_no_plan(text: str) -> None:
    assert not [k for k in claims(text) if k.startswith("plans:")]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I'm vegan.", "diet:vegan"),
        ("I'm vegetarian.", "diet:vegetarian"),
        ("I'm a strict vegetarian.", "diet:strict vegetarian"),
        ("As a vegan, I love tofu.", "diet:vegan"),
        ("I'm keto now.", "diet:keto"),
    ],
)
def test_a_diet_is_its_own_category(text: str, key: str) -> None:
    assert key in claims(text)
    assert not [k for k in claims(text) if k.startswith("identity:")]


def test_a_belief_stays_identity() -> None:
    assert "identity:christian" in claims("I'm a Christian.")


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("I can't have dairy.", "diet:eat dairy", "can not have dairy"),
        ("I can not have red meat.", "diet:eat red meat", "can not have red meat"),
        ("I don't have any meat.", "diet:eat meat", "does not have meat"),
        ("I don't eat meat.", "diet:eat meat", "does not eat meat"),
    ],
)
def test_a_food_the_speaker_does_not_have_is_their_diet(text: str, key: str, value: str) -> None:
    found = claims(text)
    assert found.get(key) == value
    assert not [k for k in found if k.startswith("possessions:")]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I can't have coffee after 3pm.", "possessions:coffee after 3pm"),
        ("I can't have kids.", "family:children"),
        ("I don't have a car.", "possessions:car"),
    ],
)
def test_other_things_not_had_stay_as_they_were(text: str, key: str) -> None:
    assert key in claims(text)


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("nut allergy here", "health:nut allergy", "has nut allergy"),
        ("peanut allergy btw", "health:peanut allergy", "has peanut allergy"),
    ],
)
def test_an_allergy_said_bare_is_the_speakers_health(text: str, key: str, value: str) -> None:
    assert claims(text) == {key: value}


def test_an_allergy_of_someone_or_something_else_is_not() -> None:
    assert not claims("nut allergy recipes for kids")
    assert not claims("no dairy for me")  # the preference extractor's "wants no dairy"
