"""persona6.disclosure.v20: a plan is keyed by its act however it is intended ("I'm going to",
"I plan to", "I'm hoping to" as "I want to" and "my goal is"), without an open time to come
("someday", "one day"); a health fact about a body part is keyed by the part, as a trouble said
of it is, and an injury verb on anything else is no health fact."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def keys(text: str) -> set[str]:
    return {s.key for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v20() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    "text",
    [
        "I'm going to run the half marathon in May.",
        "My goal is to run the half marathon.",
        "I want to run the half marathon next year.",
        "I plan to run the half marathon.",
        "I'm planning on running the half marathon.",
        "i'm gonna run the half marathon",
        "I'm hoping to run the half marathon.",
        "I intend to run the half marathon.",
        "I'd love to run the half marathon one day.",
    ],
)
def test_every_way_of_intending_meets_at_the_act(text: str) -> None:
    assert "plans:run the half marathon" in keys(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I want to visit Japan someday.", "plans:visit japan"),
        ("I'm going to a pottery workshop this month.", "plans:go to a pottery workshop"),
        ("We're planning to adopt a puppy.", "plans:adopt a puppy"),
    ],
)
def test_a_plan_key_holds_the_act_alone(text: str, key: str) -> None:
    assert key in keys(text)


def test_the_value_keeps_how_and_when_it_was_said() -> None:
    (signal,) = [
        s
        for s in extracted(disclosure.NAME, "I'm going to run the half marathon in May.", "u1")
        if s.key.startswith("plans:")
    ]
    assert signal.value == "is going to run the half marathon in may"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I broke my left ankle last year.", "health:left ankle trouble"),
        ("My left ankle is sore again.", "health:left ankle trouble"),
        ("I hurt my back lifting boxes.", "health:back trouble"),
        ("I sprained my wrist at climbing.", "health:wrist trouble"),
        ("I tore my ACL in 2019.", "health:acl trouble"),
    ],
)
def test_an_injury_is_keyed_by_the_body_part(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    "text", ["I broke my phone.", "I tore my jeans on the fence.", "I hurt my chances there."]
)
def test_an_injury_verb_on_a_thing_is_no_health_fact(text: str) -> None:
    assert not {k for k in keys(text) if k.startswith("health:")}


def test_a_lost_sense_stays_its_own_fact() -> None:
    assert "health:lost my hearing in one ear" in keys("I lost my hearing in one ear.")
