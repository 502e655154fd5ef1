"""persona6.concern.v19 (review 8 C1-C4, probe 9): a topic named is no worry (``topic_cues``: it
counts asked, worried about, judged or asked to be changed); a price waved away is no cost
(``disregards``); a trouble said absent is no worry (``calm_negations``); not affording a mistake
is no price (``idiom_shapes``); another person's worry and advice reported are not the speaker's
(``attribution``); and concerns said in more words (worth, simple enough to use, without dropping
out, an address showing up, losing another mix, going offline, watching the pennies)."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import concern
from persona6.extract.text import load_lexicon
from persona6.types import Signal


def say(text: str) -> list[Signal]:
    return extracted(concern.NAME, text)


def keys(text: str) -> set[str]:
    return {signal.key for signal in say(text)}


def test_the_producer_is_v19() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


# --- a topic named is no worry (C3) -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I've had enough, cancelling my subscription.",
        "Please show your working for how you got that refund amount.",
        "I'm allergic to penicillin btw",
        "Can you escalate this to your support team?",
        "According to the forum, beginners should never use lead-free solder.",
        "It's a beginner yoga class, focusing on fundamentals like poses and breathing.",
        "I have a shiny striped helmet for safety.",
        "I am home recovering from knee surgery.",
        "In my downtime, I still love to get lost in good books.",
        "I like to work with my hands.",
        "i got locked in a bank vault",
        "my wife just became legally deaf.",
        "I work in customer service.",
        "Checkout throws an error when I try to pay the vet bill.",
        "I had to find a gym that fits the bill, and staying fit is essential.",
        "It's hard, but I won't let it slow me down.",
        "That slow cooker meal looks yum!",
    ],
)
def test_a_topic_named_is_no_concern(text: str) -> None:
    assert keys(text) == set()


def test_a_record_moved_is_no_record_shown() -> None:
    # the cheaper copays are the speaker's criterion (cost); the prescriptions are no privacy
    text = (
        "I'm moving my prescriptions to the mail-order pharmacy. 90-day fills and cheaper copays,"
        " done with the local one."
    )
    assert "privacy" not in keys(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # asked about
        ("How much is the subscription per month?", "cost"),
        ("Do you offer refunds?", "cost"),
        ("Is there a backup if I delete a report by accident?", "data_loss"),
        ("Do exports work with other tools or only yours?", "compatibility"),
        ("Is there a status page I can watch?", "reliability"),
        ("I'm worried because my daughter is allergic to peanuts.", "safety"),
        # worried about, judged, complained of
        ("The subscription is way too expensive.", "cost"),
        ("The subscription went up again.", "cost"),
        ("Customer service is useless.", "support"),
        ("My son is allergic to nuts, I'm worried about the sauce.", "safety"),
        ("Safety is my top priority.", "safety"),
        ("Avoid downtime at all costs.", "reliability"),
        # asked to be changed
        ("Could you lower the price?", "cost"),
        # words that grade by the concern and its own words stay a mention
        ("Not expensive, please.", "cost"),
        ("Privacy is a big deal for me.", "privacy"),
        ("Please the mental health part keep private, not share with other department.", "privacy"),
        ("Generic aspart is fine, I'd rather not pay brand prices for the same molecule.", "cost"),
        ("The copay has gone up again, I'm on a fixed pension", "cost"),
        ("I need to be there on time for the meeting.", "time"),
        ("The invoice is wrong.", "cost"),
        ("The app is so slow it slows me down.", "speed"),
    ],
)
def test_a_topic_asked_worried_about_or_judged_stays(text: str, key: str) -> None:
    assert key in keys(text)


# --- a price waved away (C1), a trouble said absent (C2), not affording a mistake ---------------


@pytest.mark.parametrize(
    "text",
    [
        "My wife has COPD, so the house can't get above 80 in the afternoon, whatever it costs.",
        "No matter the cost, I want the best installer.",
        "Get it fixed today, no matter how much it costs.",
        "Cost is no object, we just need it working.",
        "I don't care what it costs, book the earliest slot.",
        "Regardless of the price, we'll take the bigger unit.",
        "I would like an appointment, nothing urgent I don't think, but I'd rather be safe.",
        "It's not expensive at all.",
        "The app isn't slow.",
    ],
)
def test_a_price_waved_away_or_a_trouble_said_absent_is_no_concern(text: str) -> None:
    assert keys(text) == set()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I'm worried about what it will cost.", {"cost"}),
        ("Whatever the weather, the price is too high.", {"cost"}),
        ("This is urgent, I need it by tonight.", {"time"}),
        ("Is it not too expensive?", {"cost"}),
        ("The app is not reliable.", {"reliability"}),
        (
            "Is this tax calculator actually accurate? I can't afford a mistake with HMRC.",
            {"correctness"},
        ),
        ("We can't afford another outage like last week's.", {"reliability"}),
        ("I can't afford the premium plan.", {"cost"}),
    ],
)
def test_neighbours_of_a_waived_or_absent_trouble_keep_their_concern(
    text: str, found: set[str]
) -> None:
    assert keys(text) == found


# --- another person's worry -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My accountant is worried about the audit risk on my home office claim.",
        "According to the forum, you should worry about the audit risk.",
        "She's afraid of a data breach.",
        "My wife worries about security.",
        "Sarah is worried about the price.",
        "It makes my husband nervous about the cost.",
    ],
)
def test_another_persons_worry_is_not_the_speakers(text: str) -> None:
    assert keys(text) == set()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("My accountant and I are both worried about the audit risk.", "compliance"),
        ("We are worried about security.", "security"),
        ("That worries me: the security of my account.", "security"),
        ("Honestly worried about the cost.", "cost"),
        ("My main worry is the price.", "cost"),
        ("The app makes me nervous about security.", "security"),
    ],
)
def test_the_speakers_own_or_shared_worry_stays(text: str, key: str) -> None:
    assert key in keys(text)


# --- concerns in more words (C4, probe 9) -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I'm worried the repair quote is way more than the car is worth.", "cost"),
        ("Honestly it costs more than it's worth.", "cost"),
        ("I really have to watch the pennies", "cost"),
        ("Our June bill came to $412, which seems absurd", "cost"),
        ("It was costing us a fortune", "cost"),
        ("Will this be simple enough for my mum to use on her own?", "ease_of_use"),
        ("Is it easy enough for a beginner to set up?", "ease_of_use"),
        ("I need the ESP32 to stay connected for weeks without dropping out.", "reliability"),
        ("why does the sensor go offline so often? need things that just work", "reliability"),
        ("I don't want my home address showing up on the volunteer roster.", "privacy"),
        (
            "My project files keep vanishing when the DAW crashes, I can't lose another mix.",
            "data_loss",
        ),
        (
            "He must have licence and good reviews. Last year one guy without licence made a mess.",
            "quality",
        ),
        ("Please don't share my diagnosis with the marketing team.", "privacy"),
    ],
)
def test_concerns_in_more_words(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "It's simple to use.",
        "I ran ten miles without stopping.",
        "What location suits a hive?",
        "I lost another game last night.",
        "can you give me a ride? i am deaf so i have no license.",
    ],
)
def test_neighbours_of_the_new_shapes_are_no_concern(text: str) -> None:
    assert keys(text) == set()
