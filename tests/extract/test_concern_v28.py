"""persona6.concern.v28: a word of a concern's topic that names a kind of thing, or a person's
life, is the subject of the talk, no worry. A topic adjective before a head of its compounds of
another sense names a kind ("a private lesson", "slow fermentation", "the faster route", "a
crash course", "a budget meeting"); a budget stated as an amount is a plan; "secure" is
fastening or winning a thing; slowing down, downtime, working with people, recovering from an
illness and exploiting workers are of a person's life. Said of a thing that runs, costs or
fails the speaker the word stays a worry."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import concern
from persona6.extract.text import load_lexicon
from persona6.types import SignalKind


def worries(text: str) -> set[str]:
    return {s.key for s in extracted(concern.NAME, text) if s.kind is SignalKind.CONCERN}


def test_the_producer_is_v28() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


@pytest.mark.parametrize(
    "text",
    [
        "the faster route to the crag is via the forest road, it takes 20 minutes",
        "My budget for the wedding flowers is 2k, what can I get for that?",
        "make sure you secure the load with two ratchet straps on the roof rack",
        "I booked a private lesson with the chess coach for Thursday",
        "we got a private room at the restaurant for grandmas 80th",
        "she goes to a private school in the next town",
        "we took a crash course in knitting at the library",
        "bought a crash pad for bouldering yesterday",
        "I like slow fermentation for my sourdough, 18 hours in the fridge",
        "he is a private investigator in the novel im reading",
        "Let's set a budget meeting with the caterer for Monday",
        "I kept a budget spreadsheet for the allotment this year",
        "the slow lane on the motorway was empty so we cruised",
        "our private chef for the wedding is amazing",
        "gardening reminds me to slow down and enjoy the little things",
        "after the race i need to slow down a bit, my body is tired",
        "im taking it slow with the knitting this winter, one row a night",
        "what do you do in your downtime? i mostly play board games",
        "do you get any downtime between the chess rounds?",
        "I work with my sister at the bike shop on weekends",
        "the kids at the climbing wall are so much fun to work with",
        "how long is the recovery time after a knee surgery for cycling?",
        "Im still recovering from the flu so no climbing this week",
        "what should I eat for muscle recovery after a long ride?",
        "I don't buy from brands that exploit workers in their factories",
        "that movie took me right back in time to the 90s",
    ],
)
def test_a_topic_word_of_another_sense_raises_nothing(text: str) -> None:
    assert worries(text) == set(), (text, worries(text))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("my budget is really tight this month, I cant spend over 50 on the gift", "cost"),
        ("the new tax software is so slow, it takes 3 minutes to open each form", "speed"),
        ("I need a faster way to export the scans, this is painfully slow", "speed"),
        ("is my tax return upload secure? I'm worried about hackers", "security"),
        ("I want to keep my medical history private, who can see it in the app?", "privacy"),
        ("I don't want my location shared, keep it private please", "privacy"),
        ("is the aquarium heater safe for the kids to touch?", "safety"),
        ("my laptop slows down every time I open the tax form", "speed"),
        (
            "the server had three hours of downtime last night and I'm worried it will happen"
            " again",
            "reliability",
        ),
        ("does the app work with my garmin watch?", "compatibility"),
        ("can i recover my deleted knitting patterns? I lost them all", "data_loss"),
        ("I'm worried hackers could exploit the bug in our booking system", "security"),
    ],
)
def test_the_same_words_of_a_thing_that_fails_stay_worries(text: str, key: str) -> None:
    assert key in worries(text), (text, worries(text))
