"""persona6.concern.v8: cues read in their sense (``senses``), the more specific of two
overlapping cues, physical safety apart from security, and getting paid apart from cost."""

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


def test_the_producer_is_v8() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a quantity
        ("I would like to feed them some fondant. How much would you suggest?", set()),
        ("How much should I water the tomatoes?", set()),
        ("How much flour do I need for two loaves?", set()),
        ("How much longer will it take?", set()),
        # a price: a word of money in the sentence or next to it
        ("How much do you charge for a cleaning?", {"cost"}),
        ("How much would I pay for ten seats?", {"cost"}),
        ("How much is it in dollars?", {"cost"}),
        ("How much is it? $40 seems a lot.", {"cost"}),
        ("How much would it cost?", {"cost"}),
        # no question, no price asked
        ("I love how much you do for us, and we paid nothing", set()),
    ],
)
def test_how_much_asks_for_a_price_only_of_money(text: str, found: set[str]) -> None:
    assert keys(text) == found


def test_a_cue_inflected_into_another_word_is_no_cue() -> None:
    assert keys("We feed the chickens twice a day") == set()
    # asked: a fee named plainly is a topic only from concern.v19
    assert keys("Is there a fee for late returns?") == {"cost"}
    assert keys("The fees went up again") == {"cost"}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "the second one, but is that broker any good? I got burned last year on a slow pay",
            {"getting_paid"},
        ),
        ("That client is a slow payer, I'm worried", {"getting_paid"}),
        ("The broker pays late every time", {"getting_paid"}),
        ("I'm worried about getting paid by this shipper", {"getting_paid"}),
        ("we've had three late payments from them, that's a problem", {"getting_paid"}),
        # the speaker's own pay, and the product's speed
        ("I get paid on Fridays", set()),
        ("The app is slow when I pay my bills", {"speed"}),
        ("Loading is slow", {"speed"}),
    ],
)
def test_a_slow_payer_is_about_getting_paid_not_speed(text: str, found: set[str]) -> None:
    assert keys(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Weekly summary of unsafe driving events.", {"safety"}),
        ("The ladder looks unsafe", {"safety"}),
        ("Is it safe to eat raw cookie dough?", {"safety"}),
        ("Is that safe for the dog?", {"safety"}),
        ("Is it safe to drive in snow?", {"safety"}),
        # beside a thing of computers, accounts or payments: security
        ("Is it safe to pay by card here?", {"security"}),
        ("Is it safe to use public wifi for banking?", {"security"}),
        ("Is it unsafe to click that link?", {"security"}),
        ("Please help me secure my account", {"security"}),
        ("Is it safe to store my passwords here?", {"security"}),
    ],
)
def test_physical_safety_is_not_security(text: str, found: set[str]) -> None:
    assert keys(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I always worry about residues getting into the honey", {"safety"}),
        ("I'm nervous about getting stung", {"safety"}),
        ("I worry about walking home alone at night", {"safety"}),
        ("I'm scared of pesticides in my vegetables", {"safety"}),
        ("Is there a safe parking spot near the depot?", {"safety"}),
        ("Is this a safe area to live?", {"safety"}),
        # the same words as events or tastes, no worry
        ("I got stung yesterday lol", set()),
        ("I love driving alone with music on", set()),
        ("Have a safe trip!", set()),
        ("Safe to say it went well", set()),
    ],
)
def test_a_danger_in_a_frame_of_worry_is_safety(text: str, found: set[str]) -> None:
    assert keys(text) == found


def test_a_worry_after_a_question_of_safety_cites_both_sentences() -> None:
    text = (
        "is there safe parking near Phoenix for tomorrow night? "
        "as a woman driving alone I always worry about that"
    )
    [signal] = say(text)
    assert (signal.key, signal.value) == ("safety", "worried about safety")
    assert [e.quote for e in signal.evidence] == [
        "is there safe parking near Phoenix for tomorrow night?",
        "as a woman driving alone I always worry about that",
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "does the app store the gps of my hives anywhere? i'm kinda paranoid about that",
            {"privacy"},
        ),
        ("can i delete my old inspection notes? the ones with the address in them", {"privacy"}),
        ("also no location on the new nuc pls", {"privacy"}),
        ("i really don't like sharing my location with apps", {"privacy"}),
        ("Does your app track my location?", {"privacy"}),
        ("Please don't share my home address with anyone", {"privacy"}),
        ("Can I hide the location of my photos?", {"privacy"}),
        # a place or an address as where a thing is
        ("What's a good location for a beehive?", set()),
        ("The address of the venue is 5 Main St", set()),
        ("My gps says turn left here", set()),
        ("We need to address this bug", set()),
        ("I moved to a new location downtown", set()),
    ],
)
def test_a_place_kept_or_shared_is_privacy(text: str, found: set[str]) -> None:
    assert keys(text) == found


def test_paranoid_is_a_worry() -> None:
    [signal] = say("I'm paranoid about tracking")
    assert signal.value == "worried about privacy"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I'm worried I'll lose my data", {"data_loss"}),  # not privacy's "my data"
        ("Can I export my data if I leave?", {"lock_in"}),
        ("Who can see my data?", {"privacy"}),
    ],
)
def test_the_longer_of_two_overlapping_cues_reads_the_words(text: str, found: set[str]) -> None:
    assert keys(text) == found


def test_every_sense_names_concerns_of_the_taxonomy() -> None:
    data = load_lexicon("concerns")
    names = set(data["concerns"])
    assert {"safety", "getting_paid"} <= names
    for sense in data["senses"]:
        assert sense["concern"] in names and sense["cues"] and sense["context"]
        assert sense.get("otherwise") in names | {None}
