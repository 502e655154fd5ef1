"""persona6.concern.v11: a concern needs a worry about the topic, not the topic named: a loss of
data in any words (``shapes``), a money word naming the data's subject (``data_subjects``), a
request put as a question (``requests``), the lesser side of a ranking (``lesser_sides``); fear
in other words; data leaving one's own machine and software phoning home as privacy."""

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


def values(text: str) -> set[str]:
    return {signal.value for signal in say(text)}


def test_the_producer_is_v11() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the worry is losing the data; "invoice" names what the data is about
        ("I'm not willing to risk losing invoice data on this.", {"worried about data loss"}),
        ("I'm worried about the billing database.", set()),
        ("The pricing table has a typo.", set()),
        # as before: money named as money, or a task's object
        ("The invoice is too high.", {"mentions cost"}),
        ("I'm worried about the billing.", {"worried about cost"}),
        ("Where do I find my invoices?", set()),
    ],
)
def test_a_money_word_before_a_noun_of_data_names_its_subject(text: str, found: set[str]) -> None:
    assert values(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I'm really scared of losing client photos", {"worried about data loss"}),
        ("I'm terrified of losing the photos.", {"worried about data loss"}),
        ("I'm afraid of losing years of recordings.", {"worried about data loss"}),
        ("I'm nervous we'll lose the customer records.", {"worried about data loss"}),
        (
            "My laptop crashed and I lost all my work.",
            {"mentions reliability", "mentions data loss"},
        ),
        # a loss of anything else
        ("I lost my job last year.", set()),
        ("I lost interest in taking photos.", set()),
        ("I lost track of my files.", set()),
        ("I'm scared of losing my job.", set()),
    ],
)
def test_fear_of_losing_data_is_a_data_loss_concern(text: str, found: set[str]) -> None:
    assert values(text) == found


@pytest.mark.parametrize(
    "text",
    ["My biggest fear is a data breach.", "I'm petrified of getting hacked.", "I dread a breach."],
)
def test_fear_in_other_words_is_a_worry(text: str) -> None:
    assert values(text) == {"worried about security"}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a request names a topic: at most a mention (v14: the subject of a routine act on a
        # record, "Could you open an incident for the login latency?", is none)
        ("Could you look into the login latency?", {"mentions speed"}),
        ("Could you open an incident for the login latency?", set()),
        ("Can you make it faster?", {"mentions speed"}),
        ("Could you lower the price?", {"mentions cost"}),
        # a cue that counts only when asked is named in a request, no more
        (
            "Can you suggest some safe and reliable SUVs?",
            {"mentions safety", "mentions reliability"},
        ),
        # a clause inside a question asks with it
        ("What laptop would you suggest that isn't too slow?", {"worried about speed"}),
        # a request that asks to check, confirm or show still asks
        ("Can you check whether my account is safe?", {"worried about security"}),
        ("Could you confirm how much you charge?", {"worried about cost"}),
        ("Can you see my messages?", {"worried about privacy"}),
        # a worry marker in a request stays a worry
        ("Can you make sure the passwords are encrypted?", {"worried about security"}),
        # as before: a question
        ("Is the login latency going to improve?", {"worried about speed"}),
        ("How much does it cost?", {"worried about cost"}),
    ],
)
def test_a_request_put_as_a_question_is_no_worry(text: str, found: set[str]) -> None:
    assert values(text) == found


def test_a_request_weighs_as_a_mention() -> None:
    (signal,) = say("Could you look into the login latency?")
    assert signal.weight == concern.BASE_WEIGHT


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("privacy matters to me more than speed", {"privacy"}),
        ("I value uptime over speed.", {"reliability"}),
        ("Reliability is more important than cost.", {"reliability"}),
        ("Speed is less important than privacy.", {"privacy"}),
        ("I care about security more than the price.", {"security"}),
        # no ranking of values: amounts compared, an evil avoided, a worry about going over
        ("It's important that we don't spend more than the budget.", {"cost"}),
        ("It's important we don't go over budget.", {"cost"}),
        ("I'd rather pay more than risk downtime.", {"reliability"}),
        ("I care more than anything about privacy.", {"privacy"}),
        ("The new version is slower than the old one.", {"speed"}),
    ],
)
def test_the_lesser_side_of_a_ranking_is_no_concern(text: str, found: set[str]) -> None:
    assert keys(text) == found


def test_what_matters_to_the_speaker_weighs_as_a_worry() -> None:
    assert values("privacy matters to me more than speed") == {"worried about privacy"}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Privacy doesn't matter to me.", set()),
        ("The price is not an issue for us.", set()),
        ("Speed isn't a concern, privacy is.", {"privacy"}),
        # as before: a dismissal before the cue, and a question
        ("I don't care about the price.", set()),
        ("Isn't the price a problem?", {"cost"}),
    ],
)
def test_a_dismissal_after_the_cue_waves_it_away(text: str, found: set[str]) -> None:
    assert keys(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "I don't want any face data leaving my server",
        "My photos never leave our network.",
        "Nothing leaves the device, right?",
        "does PhotoNest phone home?",
        "I don't want it phoning home.",
        "Can I turn off the telemetry?",
        "Does the app send usage data?",
    ],
)
def test_data_leaving_ones_control_or_software_phoning_home_is_privacy(text: str) -> None:
    assert "privacy" in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "I left my phone at home.",
        "I'm leaving my laptop at the office, so no photos today.",
        "I need to phone home tonight.",
        "We phoned home after the game.",
        "I'll phone home later.",
    ],
)
def test_a_person_leaving_a_place_or_calling_home_is_no_privacy(text: str) -> None:
    assert "privacy" not in keys(text)


def test_every_shape_names_a_concern_and_a_word_it_holds() -> None:
    data = load_lexicon("concerns")
    for shape in data["shapes"]:
        assert shape["concern"] in data["concerns"]
        assert shape["words"] and all(str(w) == str(w).lower() for w in shape["words"])
    assert set(data["data_subjects"]["concerns"]) <= set(data["concerns"])
