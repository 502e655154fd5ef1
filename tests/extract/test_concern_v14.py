"""persona6.concern.v14 (first-user reviews 5b and 6b): what a worry is not. A topic named as
what a routine act on a record is about is no concern (``routine_acts``), a risk said absent in
answer to another person who raised it is theirs (``assurances``), and a worry about money takes
in a mere mention of cost in the same message (``subsumes``)."""

from __future__ import annotations

import pytest
from helpers import extracted, stored_event

from persona6.extract import concern
from persona6.extract.text import load_lexicon
from persona6.types import Signal


def say(text: str) -> list[Signal]:
    return extracted(concern.NAME, text)


def keys(text: str) -> set[str]:
    return {signal.key for signal in say(text)}


def values(text: str) -> set[str]:
    return {signal.value for signal in say(text)}


def conversation(*lines: tuple[str | None, str]) -> dict[str | None, set[str]]:
    """Speaker -> the concern keys found on them in one session (None: the product)."""
    events = [
        stored_event(n, "message", text, who, role="assistant" if who is None else "user")
        for n, (who, text) in enumerate(lines)
    ]
    found: dict[str | None, set[str]] = {}
    for signal in concern.ConcernExtractor().extract(events):
        found.setdefault(signal.actor, set()).add(signal.key)
    return found


def test_the_producer_is_v14() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


# --- a routine act on a record names its subject, no concern -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Could you open an incident for the login latency? thanks!",
        # travel bookings
        "Please add the hotel price to the trip itinerary.",
        "Can you put the baggage fees in the summary?",
        # SQL analytics
        "Could you write a query for the average latency per region?",
        "Add a column for the refund amount to the sales table.",
        "Could you log the response time for each checkout request?",
        # shopping
        "Can you open a ticket about the refund for order 4471?",
        # health
        "Please put the side effects in my notes for the appointment.",
        "Could you schedule a meeting about the allergy results?",
        # meant by the speaker
        "I'll file a ticket about the slow search.",
    ],
)
def test_a_topic_a_routine_act_is_about_is_no_concern(text: str) -> None:
    assert say(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # acts that change the thing ask for the concern
        ("please make it faster, it's painfully slow", "mentions speed"),
        ("Can you fix the latency on the login page?", "mentions speed"),
        # a purpose ends the act's object: the speed is wanted
        ("Can you add caching to make the dashboard faster?", "mentions speed"),
        # asking to check is a question
        ("can you check why it's so slow again?", "worried about speed"),
        ("Why is this query so slow?", "worried about speed"),
        # a worry said in the sentence or next to it keeps the act's topic
        ("I'm worried about the latency, can you open an incident?", "worried about speed"),
        (
            "Could you open a ticket about the slow checkout? It's worrying our customers.",
            "mentions speed",
        ),
        # told as done, not asked
        ("I filed a ticket about the latency last week.", "mentions speed"),
        # choosing by price, a feature of the account, a place
        ("Can you book me the cheapest flight to Lisbon?", "mentions cost"),
        ("Can you add 2FA to my account?", "mentions security"),
        ("Is this hotel safe at night?", "worried about safety"),
    ],
)
def test_worries_phrased_as_requests_stay(text: str, value: str) -> None:
    assert value in values(text)


def test_a_cue_judged_in_its_own_words_is_no_mere_topic() -> None:
    assert keys("Can you open a ticket about how painfully slow it is?") == {"speed"}


# --- a risk said absent, answering another person, is theirs -------------------------------


@pytest.mark.parametrize(
    ("asked", "answer", "key"),
    [
        (
            "does 1.8.2 add any telemetry? I don't want anything leaving my server",
            "no telemetry, checked the diff",
            "privacy",
        ),
        # travel bookings
        (
            "does this booking site charge any hidden fees?",
            "no fees, I booked there last month",
            "cost",
        ),
        # SQL analytics
        (
            "does the warehouse connector send personal data to the vendor?",
            "nothing leaves our cluster, it's all aggregated",
            "privacy",
        ),
        # health
        (
            "does the glucose app track my location?",
            "there's no tracking, I read their policy",
            "privacy",
        ),
        # shopping
        (
            "does the shop's app crash a lot at checkout?",
            "no crashes for me, used it for years",
            "reliability",
        ),
    ],
)
def test_an_assurance_answering_another_is_not_the_speakers_concern(
    asked: str, answer: str, key: str
) -> None:
    found = conversation(("ana", asked), ("ben", answer))
    assert key in found["ana"]
    assert key not in found.get("ben", set())


@pytest.mark.parametrize(
    "lines",
    [
        # said unasked
        [("ben", "no telemetry, checked the diff")],
        # the speaker's own words before
        [("ben", "does it phone home?"), ("ben", "no telemetry, checked the diff")],
        # an answer to the product's question is the speaker's choice
        [(None, "Do you want usage analytics turned on?"), ("ben", "no telemetry")],
        # another person raised another concern
        [("ana", "is the pro plan expensive?"), ("ben", "no telemetry in it, checked the diff")],
        # a wish, a question, a worry of the speaker's
        [("ana", "does the glucose app track my location?"), ("ben", "no tracking please")],
        [("ana", "does the glucose app track my location?"), ("ben", "no tracking? weird")],
        [("ana", "does it phone home?"), ("ben", "no telemetry, but I'm worried about the logs")],
    ],
)
def test_an_absence_said_unasked_or_wished_stays(lines: list[tuple[str | None, str]]) -> None:
    key = "privacy"
    assert key in conversation(*lines)["ben"]


def test_a_negation_in_a_cue_is_no_assurance() -> None:
    found = conversation(("ana", "is that area safe at night?"), ("ben", "I don't feel safe there"))
    assert found["ben"] == {"safety"}


# --- a worry about money takes in a mention of cost -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # review 6b, Dana
        "Hi, Dana here. Honestly I get a knot in my stomach every time I open our bank app. "
        "Can you help us set up a budget?",
        # the feeling is about the finances, not the price it names
        "I feel sick every time I check my credit card balance, everything costs so much",
        "I feel sick every time I check my credit card balance. Everything costs so much.",
        # travel bookings
        "I'm stressed about money since the layoff. Can you list hotels within our budget?",
    ],
)
def test_a_mention_of_cost_beside_a_money_worry_is_that_worry(text: str) -> None:
    # one key from concern.v21: money is read under cost's, saying its own label
    assert keys(text) == {"cost"}
    assert values(text) == {"worried about money"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a worry or a complaint about cost of its own stays (one key from concern.v21)
        ("I'm nervous about money. How much does the premium plan cost?", {"cost"}),
        (
            "I get a knot in my stomach every time I open our bank app. The new pricing is "
            "unacceptable.",
            {"cost"},
        ),
        ("We're drowning in debt. Which blender is cheapest?", {"cost"}),
        # a feeling yields to another concern its sentence names, as before
        ("I'm scared my data will leak, the bank app has it", {"privacy"}),
        # no worry about money: the mention of cost stays
        ("Can you help us set up a budget?", {"cost"}),
    ],
)
def test_a_concern_of_its_own_beside_a_money_worry_stays(text: str, expected: set[str]) -> None:
    assert keys(text) == expected


def test_subsumes_names_concerns_of_the_taxonomy() -> None:
    data = load_lexicon("concerns")
    for holder, held in data["subsumes"].items():
        assert holder in data["concerns"], f"subsumes: {holder!r} is no concern"
        assert set(held) <= set(data["concerns"]), f"subsumes: {held!r} holds no concern"
