"""persona6.concern.v23 (end-to-end probe 11): a worry read in any words of its class. A person's
data reaching those it is not meant for, or who near them can see it, is privacy; what they
keep in an app disappearing is data loss, and its happening again reliability beside it; an
institution's sanction risked is compliance; a doubt that a tool's output is right is
correctness. And a topic word without the worry is none: "security" of a guard or a job, a GPS
track recorded, a deadline asked as a fact. Each rule is checked on sentences of other domains
than the probe's, and on neighbours that must stay unchanged."""

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


def test_the_producer_is_v23() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


@pytest.mark.parametrize(
    "text",
    [
        # data reaching those who sell to, spam or watch people, whatever is passed
        "does the app share our customer list with advertisers??",
        "i really dont want our donor list getting passed to some marketing company",
        "I'd hate for it to end up with spammers.",
        # ... or anyone, with a record of the speaker's named
        "Please don't pass my email address on to anybody.",
        "i dont like the idea of my kids photos being sold to anyone",
        # who near the speaker can see it
        "Can other parents in the class see my son's medical notes if I upload them here?",
        "Will my employer be able to see what I ask you?",
        "Will the other volunteers be able to read the notes I write about each family?",
        # putting a record of people into the product, asked
        "Is it ok to upload the members' phone numbers here, or will they get spammed?",
        "Is it wise to paste my payslips in here?",
        # institutions and business partners
        "Does the clinic get to see the symptoms I log in here?",
        "please make sure none of our subscribers' emails get shared with partners",
    ],
)
def test_data_reaching_others_is_privacy(text: str) -> None:
    assert keys(text) == {"privacy"}


@pytest.mark.parametrize(
    "text",
    [
        "We shared the recipe with the whole family at Christmas.",
        "I went to a talk by two marketers about branding.",
        "My partner shares the cooking with me on weekends.",
        "Is it safe to put the lasagne in the oven overnight?",
        "Can other runners see the route on the map?",
        "Will the app be able to read my PDF?",
    ],
)
def test_sharing_without_a_record_or_an_outsider_is_no_privacy(text: str) -> None:
    assert "privacy" not in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "My whole recipe collection vanished when I logged in on the new phone.",
        "half my photos disappeared after the migration, are they gone for good?",
        "Please tell me the chapter I wrote last night isn't gone.",
        "If I switch phones will my saved routes disappear?",
        "The sync wiped out three weeks of my training notes.",
        "the app crashed and now all my workout history is gone",
        "my entire sketchbook folder got wiped when the tablet updated",
    ],
)
def test_what_one_keeps_disappearing_is_data_loss(text: str) -> None:
    assert "data_loss" in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "I lost my wallet on the train yesterday.",
        "I deleted the old drafts myself to tidy up.",
        "We wiped down all the kitchen surfaces before the inspection.",
        "My rash has completely disappeared.",
        "I finally deleted my old account",
    ],
)
def test_things_of_no_data_and_ones_own_tidying_are_no_data_loss(text: str) -> None:
    assert "data_loss" not in keys(text)


def test_data_lost_again_is_data_loss_and_reliability() -> None:
    text = "the editor lost all my playlists after the update, i need to know it wont happen again"
    assert keys(text) == {"data_loss", "reliability"}


@pytest.mark.parametrize(
    "text",
    [
        "Could handing in AI-written answers get me expelled?",
        "Could I get into trouble with the university for using this on coursework?",
        "I'm terrified of being accused of plagiarism again",
        "Will Turnitin pick up that this paragraph was reworded by a tool?",
        "Am I breaking copyright by posting these song lyrics on our club website?",
        "I can't risk a disciplinary hearing over a plagiarised essay.",
        "Is it illegal to sublet my room?",
    ],
)
def test_an_institutions_sanction_risked_is_compliance(text: str) -> None:
    assert keys(text) == {"compliance"}


@pytest.mark.parametrize(
    "text",
    [
        "My sister was expelled from school when she was fifteen.",
        "We watched a documentary about copyright law.",
    ],
)
def test_a_sanction_or_a_law_said_plainly_is_no_compliance(text: str) -> None:
    assert "compliance" not in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "How reliable are these calorie counts honestly?",
        "Are the pollen forecasts in the app reliable or just guesses?",
        "Can I actually trust the translation, or will it mangle the meaning?",
        "Honestly I don't trust these step counts",
        "the journey times it gives are never right",
        "The last estimate was way off.",
        "the ETA was 40 minutes off yesterday, how good is it normally?",
        "how trustworthy are these flood forecasts?",
        "I'm not sure the calorie estimate is even close",
    ],
)
def test_a_doubt_of_a_tools_output_is_correctness(text: str) -> None:
    assert "correctness" in keys(text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("How reliable are the trains on this line?", {"reliability"}),
        ("We live miles out of town.", set()),
        ("The wedding is still way off.", set()),
        ("I'm not sure the restaurant is even close to the station", set()),
    ],
)
def test_reliability_of_a_service_and_distance_stay(text: str, found: set[str]) -> None:
    assert keys(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Our security guard retires next month.",
        "The security at the concert was really friendly.",
        "It got me out of my secure 9-5 as a banker.",
        "GPS track stopped recording halfway through the passage yesterday.",
        "When is the deadline for filing a self-assessment tax return?",
        "What's the deadline for entering the photo competition?",
    ],
)
def test_a_topic_word_without_the_worry_is_no_concern(text: str) -> None:
    assert keys(text) == set()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Is it secure?", {"security"}),
        ("security matters to me", {"security"}),
        ("Our security team wants SSO", {"security"}),
        ("Please help me secure my account", {"security"}),
        ("does the app track my gps location?", {"privacy"}),
        ("I have a deadline on Friday and I'm stressed.", {"time"}),
    ],
)
def test_the_worry_about_the_same_topics_stays(text: str, found: set[str]) -> None:
    assert keys(text) == found
