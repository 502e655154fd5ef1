"""persona6.concern.v22 (end-to-end review 9, #6): domain worries read as concerns. A price the
speaker pays asked or feared to rise is cost; treating people alike is fairness; a worry about a
thing no concern names is an open topic (a signal of the ``topic`` kind, keyed by the thing
feared, which the graph keeps once it recurs in two sessions); and the speaker's own working day
running late or own slow pace is no worry about a product. Each rule is checked on sentences of
other domains than the review's, and on neighbours that must stay unchanged."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import concern
from persona6.extract.text import load_lexicon
from persona6.types import Signal, SignalKind


def say(text: str) -> list[Signal]:
    return extracted(concern.NAME, text)


def keys(text: str) -> set[str]:
    return {s.key for s in say(text) if s.kind is SignalKind.CONCERN}


def topics(text: str) -> dict[str, str]:
    return {s.key: s.value for s in say(text) if s.kind is SignalKind.TOPIC}


def test_the_producer_is_v22() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


# --- a price one pays asked or feared to rise --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Will adding my son as a driver raise our insurance?",
        "Is the rent going to increase when we renew the lease?",
        "I worry the tuition will double next year.",
        "Does a late payment affect my mortgage rate?",
        "Will a second claim make my excess go up?",
        "I'm nervous my council tax is going to be way higher after the extension.",
    ],
)
def test_a_price_asked_or_feared_to_rise_is_cost(text: str) -> None:
    assert keys(text) == {"cost"}


@pytest.mark.parametrize(
    "text",
    [
        "The rent goes up in May.",
        "Will my heart rate go up on the treadmill?",
        "Does caffeine affect my heart rate?",
        "The gym's fees rise in January.",
        "Will the water level rise after the storm?",
    ],
)
def test_news_of_a_price_or_a_rate_of_the_body_is_no_cost_worry(text: str) -> None:
    assert "cost" not in keys(text)


# --- fairness ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The bonus rule has to be the same for everyone on the team.",
        "Is it fair to give the night shift the holiday off and not the day shift?",
        "I'm careful not to play favourites with my students.",
        "Make sure the rota treats everyone the same, I need it fair to everyone.",
    ],
)
def test_treating_people_alike_is_fairness(text: str) -> None:
    assert "fairness" in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "The wifi password is the same for everyone.",
        "To be fair, the second draft is much better.",
        "In all fairness, it worked the first time.",
        "Is it fair to say the sequel is better?",
        "Tickets are the same for all ages.",
    ],
)
def test_sameness_said_plainly_and_idioms_are_no_fairness(text: str) -> None:
    assert "fairness" not in keys(text)


def test_a_fee_judged_unfair_stays_a_complaint_about_cost() -> None:
    assert keys("This cancellation fee is unfair.") == {"cost"}


# --- an open topic -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I'm worried the tarp won't hold.", "tarp"),  # the review's own sentence, as anchor
        ("I'm nervous the kitchen ceiling might come down before the roofer gets here.", "ceiling"),
        ("My biggest worry is that the landlord keeps the whole deposit.", "landlord"),
        ("We're scared the vineyard will get frost again this week.", "vineyard"),
        ("The hives are still weak after winter. That's my main worry right now.", "hives"),
        ("I need at least 70 on the bar exam to keep my job offer.", "offer"),
        ("We need to hit 90% on the inspection to keep the licence.", "licence"),
    ],
)
def test_a_worry_no_concern_names_is_an_open_topic(text: str, key: str) -> None:
    found = topics(text)
    assert key in found
    assert found[key].startswith(("worried that", "at stake:"))


@pytest.mark.parametrize(
    "text",
    [
        "I'm worried I did something wrong on the form.",  # no named subject
        "I'm scared it won't work.",
        "She's worried the tarp won't hold.",  # another's worry
        "Suppose I'm worried the roof leaks, what then?",  # a case imagined
        'The note said "I\'m worried the dog will bark".',  # quoted
        "I need to keep my receipts for the claim.",  # a duty, no threshold
        "The tarp held fine last night.",
    ],
)
def test_no_open_topic_without_a_named_worry_of_the_speakers(text: str) -> None:
    assert topics(text) == {}


def test_a_worry_a_concern_names_is_that_concern_and_no_open_topic() -> None:
    assert topics("I'm worried the app is too slow.") == {}
    assert keys("I'm worried the app is too slow.") == {"speed"}


# --- the speaker's own working day and pace ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "work ran late again tonight, so no gym",
        "our meetings keep running late",
        "the meeting ran late again, can we move our call?",
        "I type slower than my colleagues, sorry.",
        "we walk slow with the baby these days",
        "I just read really slow in English.",
    ],
)
def test_the_speakers_own_day_or_pace_is_no_concern(text: str) -> None:
    assert keys(text) & {"reliability", "speed"} == set()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("the bus ran late again", "reliability"),
        ("the bus from the station ran late again", "reliability"),
        ("My gym class got cancelled again, third week in a row.", "reliability"),
        ("I have slow internet and it worries me", "speed"),
        ("We run slow queries all day and it worries me.", "speed"),
    ],
)
def test_a_service_or_a_things_slowness_stays(text: str, key: str) -> None:
    assert key in keys(text)
