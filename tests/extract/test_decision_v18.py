"""persona6.decision.v18: the grammar of switching and choosing, by word classes. A thing given
up for another (``exchange_verbs`` with ``exchange_links``: "I swapped X for Y", "traded X in for
Y", "ditched X for Y", "gave up X for Y") is a switch X->Y, as is a change of state named by its
verb ("upgraded to", "converted to", "switched back to", "I've gone back to", "went from X to
Y"); "plumped for" chooses; "passed on", "binned", "scrapped", "said no to" reject; "accepted",
"took the offer" accept. Neither side a person, a time, a purpose or money (``not_things``);
someone else's, a plan and a question stay none. A switch stated so ends the earlier
preference it relates to ("I converted to a standing desk" ends "loves my sitting desk")."""

from __future__ import annotations

import pytest
from helpers import extracted, said_traits

from persona6.extract import decision


def _decisions(text: str) -> set[tuple[str, str]]:
    return {(s.value, s.key) for s in extracted(decision.NAME, text)}


def test_the_producer_is_v18() -> None:
    assert decision.NAME == "persona6.decision.v21"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I traded the moka pot in for an aeropress", "moka pot->aeropress"),
        ("I have swapped out the halogen bulbs for LEDs", "halogen bulbs->leds"),
        ("Swapped the chalk bag for liquid chalk", "chalk bag->liquid chalk"),
        ("ditched the spreadsheet for a proper budgeting app", "spreadsheet->proper budgeting app"),
        ("I gave up nylon knitting needles for bamboo ones", "nylon knitting needles->bamboo ones"),
        ("we've scrapped the lawn in favour of clover", "lawn->clover"),
        ("weve exchanged the canister filter for a sump", "canister filter->sump"),
        ("I converted to a standing desk last year", "->standing desk"),
        ("we downgraded to the basic broadband plan", "->basic broadband plan"),
        ("I switched back to my old carbon bike", "->old carbon bike"),
        (
            "I've gone back to paper notebooks for my chess openings",
            "->paper notebooks for my chess openings",
        ),
        ("weve gone over to organic feed for the hens", "->organic feed for the hens"),
        ("went from paper tax returns to filing online", "paper tax returns->filing online"),
        ("we went from Evernote to Notion", "evernote->notion"),
    ],
)
def test_a_thing_given_up_for_another_is_a_switch(text: str, key: str) -> None:
    assert ("switched", key) in _decisions(text)


@pytest.mark.parametrize(
    ("text", "kind", "key"),
    [
        ("plumped for the green wool in the end", "chose", "green wool"),
        ("we plumped for a barn venue", "chose", "barn venue"),
        ("I passed on the season ticket this year", "rejected", "season ticket"),
        ("binned the old fertiliser", "rejected", "old fertiliser"),
        ("we scrapped the extension plans", "rejected", "extension plans"),
        ("I said no to the fancy wedding photographer", "rejected", "fancy wedding photographer"),
        ("I accepted the quote for the roof", "accepted", "quote for the roof"),
        ("I took the offer from the garage", "accepted", "offer from the garage"),
        ("we've agreed to the settlement", "accepted", "settlement"),
    ],
)
def test_choosing_rejecting_and_accepting_by_word_class(text: str, kind: str, key: str) -> None:
    assert (kind, key) in _decisions(text)


@pytest.mark.parametrize(
    "text",
    [
        # someone else's, a plan, a question, a condition
        "my wife swapped her road bike for a gravel bike",
        "I might switch to a sump filter",
        "thinking of moving to tubeless tyres",
        "should I switch to bamboo needles?",
        "if I swap the tyres for slicks will it be faster",
        "I'm considering trading my car in for an electric one",
        # a side that is no thing: a time, a person, money, a routine
        "I gave up chocolate for Lent",
        "dumped my boyfriend for his best mate lol",
        "I traded my old bike in for cash",
        "I said no to my boss",
        "I've gone back to work after the baby",
        # a hand-on, a visit, a trip, an act
        "I passed on the message to my sister",
        "we went over to my mums for tea",
        "we went from Rome to Florence by train",
        "I took the kids to school",
    ],
)
def test_no_decision_of_the_speaker(text: str) -> None:
    assert not {d for d in _decisions(text) if d[0] != "decided to"}


def test_a_switch_agreed_to_stays_a_switch() -> None:
    assert _decisions("we've agreed to switch from Jira to Linear") == {
        ("decided to switch", "jira->linear")
    }


def test_a_thing_rejected_by_its_time_stays() -> None:
    assert ("rejected", "morning run") in _decisions("I decided against the morning run")


def _ended(first: str, then: str) -> set[str]:
    traits = said_traits(
        [("s1", "2026-03-02T09:00:00Z", first), ("s2", "2026-03-09T09:00:00Z", then)]
    )
    return {t.key for t in traits if t.valid_to is not None}


def test_a_switch_stated_ends_the_earlier_preference() -> None:
    assert "sitting desk" in _ended(
        "I really love my sitting desk.", "I converted to a standing desk last month."
    )
    assert "moka pot" in _ended(
        "I love my moka pot, best coffee ever.", "I traded the moka pot in for an aeropress."
    )
