"""persona6.disclosure.v39 (session 17): a frame of ``my_is`` ("my job is") with an adjective of
evaluation names no job; a compound heads on its last noun (a flow of money is ``my_unowned``;
"home" before a noun is no home); a place's name and a clause of purpose end a home key."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def facts(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v40() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("my job is stressful", "work:stressful"),
        ("My job is so boring these days", "work:boring"),
        ("my job is great but the commute is awful", "work:great"),
        ("My job is hard", "work:hard"),
        ("my job is exhausting lately", "work:exhausting"),
        ("my job is really tedious", "work:tedious"),
        ("my career is pointless", "work:pointless"),
        ("my job is killing me", "work:killing me"),
    ],
)
def test_an_evaluation_of_the_job_names_no_job(text: str, wrong: str) -> None:
    found = facts(text)
    assert wrong not in found, found
    assert not any(v.startswith("works as") for v in found.values()), found


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("my job is teaching", "work:teaching"),
        ("my job is nursing", "work:nursing"),
        ("my job is a nurse", "work:nurse"),
        ("my profession is nurse", "work:nurse"),
    ],
)
def test_a_job_named_stays(text: str, key: str) -> None:
    assert key in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "my student loan repayments are killing me",
        "My mortgage payments went up again",
        "my car insurance premiums doubled",
        "my home screen is a mess",
        "my home page keeps crashing",
    ],
)
def test_a_compound_heads_on_its_last_noun(text: str) -> None:
    found = facts(text)
    assert not any(k.startswith(("personal:", "home:", "possessions:")) for k in found), found


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("my home is in Leeds", "home:home is in leeds"),
        ("new york is my home town , make money walking dogs", "home:home"),
        ("my home country is Sweden", "home:home country is sweden"),
        ("my car broke down again", "possessions:car broke down"),
        ("I'm paying off my student loan", "plans:pay off student loan"),
    ],
)
def test_neighbours_of_compounds_stay(text: str, key: str) -> None:
    assert key in facts(text), facts(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("i am in kabul deployed as an army ranger", "home:kabul"),
        ("I'm in Seattle working as a nurse", "home:seattle"),
        ("moved back in with my parents to save money", "home:with my parents"),
        ("we moved in with my mum to help her out", "home:with my mother"),
        ("I moved to Leeds to be near my sister", "home:leeds"),
    ],
)
def test_a_name_or_a_purpose_ends_the_place(text: str, key: str) -> None:
    assert key in facts(text), facts(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("i live in a flat next to the park", "home:flat next to the park"),
        ("we moved from ohio to texas", "home:texas"),
        ("I live in New York City", "home:new york city"),
    ],
)
def test_neighbours_of_the_place_stay(text: str, key: str) -> None:
    assert key in facts(text), facts(text)
