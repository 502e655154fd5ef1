"""persona6.failure.v23: more reports by word classes, questions about the failure, waiting.

A user message reporting breakage with no malfunction word, by word classes of failures.yaml:
a thing the product holds vanished (`held_things`, `vanish_verbs`), a wait without end
(`waiting_states`, `wait_spans`, `progress_nouns`), a search that finds nothing (`search_nouns`,
`found_none`), stale content still shown after what ended it. A question naming the failure by
its own words is about the failure, not a new request (no act). "see if" after waiting opens an
indirect question, not a condition (`asking_verbs`), so "I'll wait an hour and see if it sorts
itself out" is abandon said in words."""

from __future__ import annotations

import pytest
from helpers import said, stored_event

from persona6.extract.failure import FailureExtractor


def test_the_producer_is_v23() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def reported(text: str) -> list[tuple[str, str]]:
    event = stored_event(1, "message", text, "u1", role="user")
    return [(s.key, s.value) for s in FailureExtractor().extract([event])]


REPORTS = [
    # a thing the product holds vanished
    "my playlist vanished",
    "Half my photos disappeared overnight.",
    "the button's gone",
    "All my bookmarks are gone!!",
    "my saved recipes have disappeared from the app",
    "where did my notes go, they just vanished",
    "my contacts went missing",
    "the reply button disappeared",
    "The entire folder of invoices went missing",
    "where have all my saved addresses gone",
    # waiting without end
    "the login page just spins",
    "it's been processing for an hour",
    "hangs at 99%",
    "payment still pending after three days",
    "it's been saying verifying for 20 minutes",
    "the progress bar hasn't moved in ages",
    "the report has been generating since 9am",
    "It has been 'preparing your download' for 40 minutes",
    "the loading bar hasn't budged since 10am",
    # a search or a list that finds nothing or the wrong set
    "search returns no results for blue sofa",
    "the search finds nothing when I type my own name",
    "searching for invoices returns nothing",
    "Searching by postcode brings up zero results",
    # stale content with no stale word
    "the roster still lists students who left last term",
    "my contacts list still shows people I deleted",
    "the website is still showing the Christmas specials in February",
    "the app still shows my address even after I changed it",
    "the calendar still shows the meeting I cancelled",
]

NEIGHBOURS = [
    "I deleted my playlist",
    "I removed all my photos myself",
    "my playlist is gone because I deleted it",
    "I archived the old chats myself so they're gone",
    "the fog disappeared",
    "my headache is gone",
    "the snow vanished by noon",
    "my cat went missing last week",
    "my keys are missing",
    "my motivation vanished",
    "the kids disappeared into the garden",
    "I'm stuck on question 3",
    "We're stuck on the last clue",
    "processing my thoughts",
    "I'm still processing the news",
    "why does it say processing?",
    "why does my order say pending?",
    "my order is processing",
    "I've been waiting for the bus for an hour",
    "the snow has been melting for days",
    "the investigation found nothing",
    "the police search found nothing",
    "my search for a good plumber found nothing",
    "does the search return results for partial names?",
    "the class list shows 30 students",
]


@pytest.mark.parametrize("text", REPORTS)
def test_a_breakage_with_no_malfunction_word_is_reported(text: str) -> None:
    assert reported(text) == [("user_reported", "abandon")]


@pytest.mark.parametrize("text", NEIGHBOURS)
def test_the_neighbours_report_nothing(text: str) -> None:
    assert reported(text) == []


def reaction(first: str, *then: str) -> list[tuple[str, str | None]]:
    session = [said(1, first), *(said(i + 2, t) for i, t in enumerate(then))]
    found = FailureExtractor().extract(session)
    return [(s.value, s.context["reaction_event_id"]) for s in found]


@pytest.mark.parametrize(
    ("failure", "question"),
    [
        ("The video keeps buffering.", "what does buffering mean anyway?"),
        ("my sync keeps timing out", "what even is a sync timeout?"),
        ("The checkout page froze", "is the checkout down for everyone?"),
        ("Login keeps failing with 'token expired'", "what is a token anyway?"),
        ("the map won't load", "does the map need wifi?"),
        ("Tuesday's backup failed", "how often do backups run?"),
        ("my transfer was declined", "why do transfers get declined?"),
    ],
)
def test_a_question_naming_the_failure_is_no_new_request(failure: str, question: str) -> None:
    # no act: with nothing after it, silence (v22), not a switch to a new request
    assert reaction(failure, question) == [("abandon", None)]


@pytest.mark.parametrize(
    ("failure", "asked"),
    [
        ("The video keeps buffering.", "how do I add a teammate?"),
        ("my sync keeps timing out", "can you write me a cover letter?"),
        ("the map won't load", "what's the weather in Leeds tomorrow?"),
        ("The checkout page froze", "then summarise last week's tickets"),
    ],
)
def test_a_request_naming_nothing_of_the_failure_still_moves_on(failure: str, asked: str) -> None:
    assert reaction(failure, asked) == [("switch", "e2")]


@pytest.mark.parametrize(
    "text",
    [
        "I'll wait an hour and see if it sorts itself out",
        "I'll leave it till tomorrow and check if it's back",
        "I'll give it a day and see if support fixes it",
        "let's wait a bit and see if it fixes itself",
        "going to give it ten minutes and see if it comes back",
        "gonna wait and see if it clears",
    ],
)
def test_waiting_to_see_if_it_mends_is_abandon_in_words(text: str) -> None:
    later = "can you write me a cover letter?"
    assert reaction("The video keeps buffering.", text, later) == [("abandon", "e2")]


@pytest.mark.parametrize(
    "text", ["If it fails again I'll give up", "I'll give up if it fails again"]
)
def test_a_reaction_under_a_real_condition_is_still_supposed(text: str) -> None:
    later = "can you write me a cover letter?"
    assert reaction("The video keeps buffering.", text, later) == [("switch", "e3")]


def test_see_if_still_reports_no_breakage_in_its_own_clause() -> None:
    assert reported("I'll open it on my phone and see if it crashes") == []
