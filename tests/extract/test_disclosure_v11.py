"""persona6.disclosure.v11 and english.v5: steps of the task at hand, relative-clause objects
with a phrase after the verb, moves of home and of tools, irregular past forms."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import EXTRACTORS, disclosure
from persona6.extract import text as tx

EXTRACTOR = EXTRACTORS[disclosure.NAME]


def signals(text: str) -> dict[str, float]:
    return {s.key: s.polarity for s in extracted(EXTRACTOR.name, text, "u1")}


def of(text: str, *categories: str) -> dict[str, float]:
    return {k: v for k, v in signals(text).items() if k.split(":", 1)[0] in categories}


@pytest.mark.parametrize(
    "text",
    [
        "I ran the script twice, same error",
        "I ran a new build on staging",
        "I read the error message but it makes no sense",
        "I wrote a query for the totals",
        "I finished the migration",
        "The script I ran twice failed",
        "the query I wrote last week times out",
        "I ran my unit tests again",
    ],
)
def test_a_step_of_the_task_at_hand_is_no_activity(text: str) -> None:
    assert of(text, "activities") == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I played the guitar", "activities:played the guitar"),
        ("I read the book on holiday", "activities:read the book on holiday"),
        ("I visited the old mill yesterday", "activities:visited the old mill"),
        ("I saw a whale last summer", "activities:saw a whale"),
    ],
)
def test_a_thing_of_a_life_stays_an_activity_whatever_its_article(text: str, key: str) -> None:
    assert of(text, "activities") == {key: 1.0}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("the book I read on holiday", "activities:read the book"),
        ("the song I listened to on repeat", "activities:listened to the song"),
        ("Here's a pic I snapped during one of our practices.", "activities:snapped a pic"),
        ("the cake I baked for her birthday was a hit", "activities:baked the cake"),
        ("the cafe I went to on Saturday", "activities:went to the cafe"),
    ],
)
def test_a_relative_clause_with_a_phrase_of_where_or_when_keys_the_noun(
    text: str, key: str
) -> None:
    assert of(text, "activities", "habits") == {key: 1.0}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The year I went to Rome was wild.", "activities:went to rome"),
        ("the place I went on holiday", "activities:went on holiday"),
        ("the day I read on the beach", "activities:read on the beach"),
    ],
)
def test_a_phrase_that_is_the_verbs_own_keeps_it(text: str, key: str) -> None:
    assert of(text, "activities") == {key: 1.0}


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        ("i do not have time for the gym i can only hike on weekends", "hike the gym"),
        ("my wife and i met at a sports bar watching football", "met my wife and"),
        ("ok that nice i also sing in the shower", "sing that nice"),
        ("that is cool i work at a grocery store", "work that is cool"),
        ("the diner i work at part time is busy", "work the diner"),
    ],
)
def test_a_run_on_clause_is_no_relative_clause_on_the_words_before(
    text: str, unwanted: str
) -> None:
    assert not [k for k in signals(text) if k.endswith(unwanted)]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I moved my family to Leeds", "home:leeds"),
        ("We moved the kids into a bigger house", "home:bigger house"),
        ("I moved from Dundee to Harrogate", "home:harrogate"),
        ("I moved from Harrogate to Dundee", "home:dundee"),
    ],
)
def test_a_move_of_home_is_keyed_by_the_place(text: str, key: str) -> None:
    assert list(of(text, "home")) == [key]


@pytest.mark.parametrize(
    "text",
    [
        "I moved from Trello to Basecamp.",
        "I moved from Gmail to Proton",
        "We moved from Jira to Linear",
    ],
)
def test_a_move_between_tools_is_no_home(text: str) -> None:
    assert of(text, "home", "plans") == {}


@pytest.mark.parametrize(
    "text",
    [
        "We're moving to Linear next quarter",
        "We're planning to move to Notion",
        "I'm moving the meeting to Friday",
        "We're moving our tickets to a new tracker next month",
    ],
)
def test_a_move_of_tools_or_things_is_no_plan_of_a_life(text: str) -> None:
    assert of(text, "plans", "home") == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I'm moving to Harrogate next month.", "plans:moving to harrogate"),
        ("I'm moving my family to Leeds", "plans:moving to leeds"),
        ("we're moving to a bigger house next year", "plans:moving to a bigger house"),
        ("i am moving to the mountains in spring", "plans:moving to the mountains"),
    ],
)
def test_a_move_of_home_to_come_is_a_plan_keyed_by_the_place(text: str, key: str) -> None:
    assert list(of(text, "plans")) == [key]


@pytest.mark.parametrize(
    ("form", "base"),
    [("heard", "hear"), ("saw", "see"), ("seen", "see"), ("came", "come"), ("told", "tell")],
)
def test_common_irregular_pasts_are_past_forms(form: str, base: str) -> None:
    assert tx.is_past(form)
    assert tx.lemma_table([base])[form] == base


def test_an_irregular_past_reads_as_what_was_done() -> None:
    assert of("hi, i just came back from a concert", "activities") == {
        "activities:came back from a concert": 1.0
    }
    assert of("I have heard granola is good", "possessions") == {}
    assert of("I saw how counseling helped me", "activities") == {}
    assert of("I chose oreo instead", "activities") == {}
