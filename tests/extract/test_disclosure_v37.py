"""persona6.disclosure.v37 (session 17): a fact ends where a run-on statement's next clause
begins ("im 22 | so half the companies wont rent to me", ``run_on_leads``); a thing moved is
no move of home (``moved_people``); every flow of money is no thing had (``my_unowned``); the
"-s" word after an adjective of a thing is its plural head ("my new headphones came",
``thing_adjectives``); a learner's "my work is teacher" and "we are family of five persons"
are read."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def facts(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v37() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("im 22 so half the companies wont rent to me", "identity:22", "is 22"),
        (
            "im a nurse so i work nights and my kids are 4 and 7 so mornings are hard",
            "family:children are 4 and 7",
            "their kids are 4 and 7",
        ),
        (
            "we just moved house so everything is in boxes",
            "home:house",
            "(with others) moved house",
        ),
        (
            "We're planning to move abroad once the baby is born",
            "plans:move abroad",
            "(with others) is planning to move abroad",
        ),
        ("i work as a chef but the hours are brutal", "work:work as a chef", "works as a chef"),
        ("I'm a teacher though my degree is in law", "work:teacher", "is a teacher"),
        ("my daughter is 6 so she starts school next year", "family:daughter is 6", None),
    ],
)
def test_a_fact_ends_where_the_next_clause_of_a_run_on_begins(
    text: str, key: str, value: str | None
) -> None:
    got = facts(text)
    assert key in got, got
    if value is not None:
        assert got[key] == value


def test_the_second_fact_of_a_run_on_is_still_read() -> None:
    got = facts("im a nurse so i work nights and my kids are 4 and 7 so mornings are hard")
    assert got["work:nurse"] == "is a nurse"
    assert got["work:work nights"] == "works nights"


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        # neighbours: "so" as a degree, "and" joining a phrase, a preposition after a verb
        ("I live with my wife and my two kids", "home:with my wife", None),
        ("I look after my mum on weekends", None, None),
        ("I'm so into climbing these days", None, None),
    ],
)
def test_no_run_on_cut_inside_one_phrase(text: str, key: str | None, value: str | None) -> None:
    got = facts(text)
    assert not any(" so " in v for v in got.values() if "so into" not in v), got
    if key is not None:
        assert key in got, got


@pytest.mark.parametrize(
    "text",
    [
        "we moved the couch into the spare room",
        "I moved the app to my home screen",
        "we moved our servers to a new data centre",
        "can you move the meeting to thursday",
        "I'm moving my files to google drive",
    ],
)
def test_a_thing_moved_is_no_move_of_home(text: str) -> None:
    got = facts(text)
    assert not any(k.startswith(("home:", "plans:mov")) and k != "home:home" for k in got), got


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I moved my family to Leeds last year", "home:leeds"),
        ("we moved the whole family to Spain", "home:spain"),
        ("i moved to berlin last autumn", "home:berlin"),
        ("We relocated to Austin in 2019", "home:austin"),
        ("just moved into a flat with my girlfriend", "home:flat"),
    ],
)
def test_people_moved_or_no_object_is_still_a_move_of_home(text: str, key: str) -> None:
    assert key in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "my rent went up again",
        "my bonus got paid today",
        "my overtime is killing me",
        "my pension arrives on the 1st",
        "my expenses are out of control",
        "my bills doubled this winter",
        "my tips were good tonight",
    ],
)
def test_a_flow_of_money_is_no_thing_had(text: str) -> None:
    got = facts(text)
    assert not any(k.startswith(("personal:", "possessions:")) for k in got), got


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("my new headphones came today", "personal:new headphones", "has new headphones"),
        ("my new trainers arrived yesterday", "personal:new trainers", "has new trainers"),
        ("my spare keys went missing", "personal:spare keys", "has spare keys"),
    ],
)
def test_the_plural_after_an_adjective_is_the_thing(text: str, key: str, value: str) -> None:
    got = facts(text)
    assert got.get(key) == value, got
    assert not any(v in ("has new", "has old", "has spare") for v in got.values()), got


def test_a_plural_verb_after_a_noun_still_ends_the_phrase() -> None:
    """ "my new glasses came", "my new neighbours moved in": the lists' nouns say it as before."""
    assert facts("my new glasses came in the post") == {"health:glasses": "has new glasses"}
    got = facts("my new neighbours moved in")
    assert got == {"home:neighbours moved in": "their neighbours moved in"}


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("my work is teacher", "work:teacher", "works as teacher"),
        ("my work is a nurse in the hospital", "work:nurse in the hospital", None),
        ("my job is driver of bus", "work:driver of bus", "works as driver of bus"),
        (
            "we are family of five persons",
            "identity:family of five persons",
            "(with others) is a family of five persons",
        ),
        ("We are family of 4", "identity:family of 4", "(with others) is a family of 4"),
        ("my hobby is chess i suppose", "personal:hobby for chess", "their hobby is chess"),
        ("I live in Lyon from 2015", "home:lyon", None),
    ],
)
def test_learner_forms_are_read(text: str, key: str, value: str | None) -> None:
    got = facts(text)
    assert key in got, got
    if value is not None:
        assert got[key] == value
    assert not any(k.startswith(("work:work is", "work:job is")) for k in got), got


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("my work is stressful", "work:work is stressful"),
        ("we are a family of five", "identity:family of five"),
    ],
)
def test_learner_neighbours_unchanged(text: str, key: str) -> None:
    assert key in facts(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I moved in with my boyfriend last year", "home:with my boyfriend"),
        ("i moved back in with my parents", "home:with my parents"),
    ],
)
def test_moving_in_with_someone_is_a_move_of_home(text: str, key: str) -> None:
    assert key in facts(text)


def test_all_the_things_moved_are_no_move_of_home() -> None:
    assert facts("I moved all the photos into one album") == {}
    assert "home:leeds" in facts("we moved all the kids to Leeds")


@pytest.mark.parametrize(
    "text", ["Family time means a lot to me.", "Work stuff is crazy", "Date night has been rare"]
)
def test_a_noun_before_its_verb_is_no_dropped_i(text: str) -> None:
    assert facts(text) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Went to the gym", "activities:went to the gym"),
        ("Started a new job on monday", "work:started a new job on monday"),
    ],
)
def test_a_dropped_i_still_reads(text: str, key: str) -> None:
    assert key in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "We all have unique paths",
        "I have a positive attitude",
        "I have big dreams",
        "we have a strong bond",
        "we have things that make us happy",
    ],
)
def test_an_abstraction_had_is_no_possession(text: str) -> None:
    assert not any(k.startswith("possessions:") for k in facts(text)), facts(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I have a new car", "possessions:new car"),
        ("now I have an external drive for backups", "possessions:external drive for backups"),
        ("I have a garden", "possessions:garden"),
    ],
)
def test_a_thing_had_stays_a_possession(text: str, key: str) -> None:
    assert key in facts(text)
