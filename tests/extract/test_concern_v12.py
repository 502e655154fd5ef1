"""persona6.concern.v12: tracking is privacy only of people (a parcel's tracking is logistics),
one's own mistake is no correctness concern (``idiom_shapes``), worry felt about one's own
finances is a concern about money (the ``money`` concern and its ``feeling`` sense), and asking
for a better price mentions cost rather than worrying about it (``deals``)."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import concern
from persona6.extract.text import load_lexicon
from persona6.types import Signal


def say(text: str) -> list[Signal]:
    return extracted(concern.NAME, text)


def values(text: str) -> set[str]:
    return {signal.value for signal in say(text)}


def test_the_producer_is_v12() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


@pytest.mark.parametrize(
    "text",
    [
        "Text me the tracking updates please, SMS is easiest.",
        "Can you send me the tracking number?",
        "The tracking link doesn't open.",
        "I want to track my order.",
        "Where can I track my parcel?",
        "I started tracking my spending in a spreadsheet.",
        "Tracking your plans and goals is key.",
        "My fitness tracker died.",
        "My data plan is almost used up.",
    ],
)
def test_tracking_a_parcel_or_a_count_is_no_privacy_concern(text: str) -> None:
    assert "privacy" not in {signal.key for signal in say(text)}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Are you tracking me?", {"worried about privacy"}),
        ("Does the app track my location?", {"worried about privacy"}),
        # an outcome not wanted is a worry (concern.v24, ``aversions``)
        ("I don't want to be tracked.", {"worried about privacy"}),
        ("How do I turn off tracking?", {"worried about privacy"}),
        ("Do you use tracking cookies?", {"worried about privacy"}),
        ("I block ad trackers everywhere.", {"mentions privacy"}),
        ("The tracking on this site is creepy.", {"mentions privacy"}),
        # as before
        ("Do you use our chats to train your models?", {"worried about privacy"}),
    ],
)
def test_tracking_of_people_stays_privacy(text: str, found: set[str]) -> None:
    assert values(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Ah, my mistake.",
        "Ah, my mistake. I fix the postal code myself, it is 153-0061.",
        "I'm not a native English speaker, sorry for mistakes.",
        "Please excuse my English mistakes.",
        "They always support me, even when I make mistakes.",
        "I made a mistake in the form, let me redo it.",
        "Admitting mistakes and using them to get better is super important.",
        "It taught me that owning up to mistakes is important.",
    ],
)
def test_ones_own_mistake_is_no_correctness_concern(text: str) -> None:
    assert "correctness" not in {signal.key for signal in say(text)}


@pytest.mark.parametrize(
    "text",
    [
        "You made a mistake in the total.",
        "There's a mistake in my order.",
        "The report is full of mistakes.",
        "Do you make mistakes with currency conversion?",
    ],
)
def test_a_mistake_of_another_or_a_thing_stays_correctness(text: str) -> None:
    assert "correctness" in {signal.key for signal in say(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Honestly I get a knot in my stomach every time I open our bank app.",
        "I get so nervous looking at the balance.",
        "We spent 340 on takeout last month. That's what worries me.",
        "Oh no. What if we've been overspending and didn't see it?",
        "I keep lying awake worrying about the mortgage.",
        "Money is tight and I'm stressed about it.",
        "I'm anxious about our savings.",
        # money said in an amount
        "Is 1250 a month even realistic? I'm scared we won't make it.",
    ],
)
def test_worry_felt_about_ones_finances_is_a_concern_about_money(text: str) -> None:
    assert "worried about money" in values(text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a feeling with no money around it is no concern
        ("Daily alerts make me panic.", set()),
        ("I'm nervous about the exam tomorrow.", set()),
        ("I was so scared during the storm.", set()),
        ("I'm nervous about spending time with my in-laws.", set()),
        ("I go 3 times a month and I'm nervous every time.", set()),
        # nor a feeling denied
        ("I'm not worried about money.", set()),
        # a feeling is about the concern its sentence names
        ("I'm scared my data will leak, the bank app has it.", {"worried about privacy"}),
        ("I'm worried the price will go up.", {"worried about cost"}),
        # money named with no feeling is no worry
        ("I opened the bank app and checked the balance.", set()),
    ],
)
def test_a_feeling_needs_money_around_it_and_yields_to_a_named_concern(
    text: str, found: set[str]
) -> None:
    assert values(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Do you price match? I saw it $6 cheaper at Target.",
        "if the price drops next week do I get the difference back?",
        "hey, looking at a 2-pack of LED desk lamps - any coupon codes working right now?",
        "Walmart has this for less, can you match their price?",
        "any bundle discount if I get two?",
        "is there a price-match guarantee on clearance stuff",
    ],
)
def test_asking_for_a_better_price_mentions_cost(text: str) -> None:
    [signal] = say(text)
    assert (signal.value, signal.weight) == ("mentions cost", 1.0)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("How much is this going to cost us per month?", "worried about cost"),
        ("Is there a cheaper plan for small teams?", "worried about cost"),
        ("I'm worried the discount won't cover the price increase.", "worried about cost"),
        ("The new pricing is unacceptable.", "complains about cost"),
    ],
)
def test_a_price_worry_that_asks_for_no_saving_stays_a_worry(text: str, value: str) -> None:
    assert values(text) == {value}


@pytest.mark.parametrize("text", ["WHY IS THIS SO SLOW", "Why is the dashboard so slow?"])
def test_a_complaint_about_speed_stays_a_speed_concern(text: str) -> None:
    assert {signal.key for signal in say(text)} == {"speed"}
