"""persona6.concern.v21 (end-to-end probe 10): a worry said in more shapes, and words of a topic
that are none. An outcome not wanted right before a cue is feared (``feared_outcomes``), not a
person's company (``not_before``); whether a thing is right is asked in any words between; a
regulator named by its initials owns its rules; a thing that takes ages to load is slow; one's
own mistakes with a word between ask to be taught; a sentence correcting what was said states
facts (``corrections``); money is read under cost's key, saying its own label. Each rule is
checked on sentences of other domains than the probe's, and on neighbours that must stay."""

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


def test_the_producer_is_v21() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


# --- an outcome not wanted is feared ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # probe 10 cn04 (start: lock-in; concern.v20: nothing)
        "Will this app still let me export my ledger if I cancel? "
        "I don't want to be stuck with it.",
        "I'd hate to end up tied to one seed supplier for the whole allotment.",
        "We don't want to get stuck with this booking platform if the fees go up.",
        "The last thing I want is to be stuck with a CRM nobody else can read.",
        "I really don't wanna be tied to your app forever.",
    ],
)
def test_an_outcome_not_wanted_is_a_worry(text: str) -> None:
    assert "worried about lock-in" in values(text)


@pytest.mark.parametrize(
    "text",
    [
        # a person's company, however feared
        "I don't want to be stuck with my in-laws all weekend.",
        "I'd hate to be tied to my boss's schedule again.",
        "We don't want to end up stuck with her for the whole trip.",
        # the topic named plainly, as in concern.v19
        "I got stuck with the night shift.",
        "The kids are tied to their tablets.",
        # no cue right after the outcome
        "I don't want to be a beginner forever.",
    ],
)
def test_a_persons_company_or_a_topic_named_is_no_lock_in(text: str) -> None:
    assert "lock_in" not in keys(text)


# --- whether a thing is right, in any words between ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Is this torque spec definitely right? I really don't want to crack my seatpost.",
        "Are these conversion figures correct?",
        "Is the dosage on this label accurate?",
        "Was my VAT return for March really right?",
        "is the tide table for saturday correct or not?",
    ],
)
def test_whether_a_thing_is_right_asks_for_correctness(text: str) -> None:
    assert "correctness" in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "Is this the right size for a toddler?",
        "Is this saddle right for a beginner?",
        "Is the bakery right next to the station?",
        "Was I right?",
        "The chart on the wall is right.",
    ],
)
def test_a_fit_a_place_or_a_person_asks_nothing_of_correctness(text: str) -> None:
    assert "correctness" not in keys(text)


# --- a regulator named by its initials, and above board ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Does the carer agency meet the CQC standards? I need to be sure it's all above board.",
        "Our kitchen has to follow FSA guidelines on allergens.",
        "Are the ramps up to code? Do they comply with the ADA requirements?",
        "The FCA rules require two signatures on every transfer.",
        "Is this landlord's deposit scheme above board?",
    ],
)
def test_a_regulators_rules_and_above_board_are_compliance(text: str) -> None:
    assert "compliance" in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "Please follow the API guidelines in the docs.",
        "Does it meet the new standards of the club?",
        "Everything was above board at the meeting.",
        "The NBA season starts in October.",
    ],
)
def test_no_regulator_or_a_plain_statement_is_no_compliance(text: str) -> None:
    assert "compliance" not in keys(text)


# --- a thing that takes ages to load -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the job portal takes ages to load every single page, so frustrating",
        "The banking app took an eternity to sync this morning.",
        "Photos take forever to upload from the camera.",
        "Every report takes literally ages to export.",
    ],
)
def test_a_thing_that_takes_ages_is_slow(text: str) -> None:
    assert "speed" in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "It took me ages to finish the book.",
        "Sourdough takes ages to prove.",
        "It took years to build the cathedral.",
        "It takes ages to get to the coast from here.",
    ],
)
def test_a_persons_time_or_a_craft_is_no_speed(text: str) -> None:
    assert "speed" not in keys(text)


# --- one's own mistakes with a word between ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "From now on please correct my Spanish mistakes directly, don't just ignore them.",
        "Point out my grammar errors as we go.",
        "Flag any of my spelling mistakes in the cover letter.",
        "I keep repeating my old chord mistakes.",
    ],
)
def test_ones_own_mistakes_ask_to_be_taught_no_correctness(text: str) -> None:
    assert "correctness" not in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "Your answer had two factual mistakes.",
        "There's a mistake in my invoice total.",
        "The summary has mistakes in every paragraph.",
    ],
)
def test_a_mistake_of_an_answer_or_a_thing_stays(text: str) -> None:
    assert "correctness" in keys(text)


# --- a correction states facts ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "No, it's the other way round - a faster shutter lets in less light.",
        "Actually, the cheaper lens is the sharper one.",
        "Wrong way round: slower film is less sensitive to light.",
        "No, an unstable isotope is the one that decays.",
    ],
)
def test_a_correction_states_facts_no_worry(text: str) -> None:
    assert keys(text) == set()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("No, it's still slow.", "speed"),  # a trouble that persists
        ("Nope, it crashed again.", "reliability"),
        ("No, the cheapest one please.", "cost"),  # a wish
        ("No, that's way too expensive for us.", "cost"),  # a complaint
        ("Actually, I'm worried the sync is too slow.", "speed"),  # a worry
        ("No worries, but is it secure?", "security"),  # no correction
    ],
)
def test_a_persisting_trouble_a_wish_or_a_worry_stays(text: str, key: str) -> None:
    assert key in keys(text)


# --- money under cost's key ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Money is tight this month.", "mentions money"),
        ("We're behind on the rent and I'm scared.", "worried about money"),
        ("Is there a cheaper plan for students?", "worried about cost"),
        ("The new pricing is unacceptable.", "complains about cost"),
        # the strain holds the prices named beside it
        ("We're drowning in debt and everything is so expensive.", "mentions money"),
    ],
)
def test_money_and_cost_are_one_key_each_saying_its_label(text: str, value: str) -> None:
    assert keys(text) == {"cost"}
    assert values(text) == {value}


def test_a_message_says_what_its_strongest_sentence_says() -> None:
    # was "mentions money" at a worry's weight (the first sentence's value)
    (signal,) = say("Money is tight. Is there a cheaper plan?")
    assert signal.value == "worried about cost"
    assert signal.weight == 1.5
    assert len(signal.evidence) == 2


def test_no_concern_key_is_money_any_more() -> None:
    data = load_lexicon("concerns")
    assert data["concerns"]["money"]["key"] == "cost"
    assert concern.taxonomy().kinds.keys() == {
        str(entry.get("key", name)) for name, entry in data["concerns"].items()
    }
    assert "money" not in concern.taxonomy().kinds
