"""persona6.disclosure.v16: what another extractor claims from the same words is not also a
fact of the speaker's life. A decision the decision extractor reads is no activity ("We went
with the 10kW system"), a clause after a worry frame states the worry ("I'm concerned we paid
too much"), an act that is no pastime bare, in a clause of time, says when ("... easier to
reflect when I write"), and a noun of another sense before a noun is no job or possession ("my
practice reminders")."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure
from persona6.extract.concern import NAME as CONCERN
from persona6.extract.decision import NAME as DECISION


def keys(text: str) -> set[str]:
    return {c.key for c in disclosure.disclosure_claims(text)}


def of(text: str, category: str) -> set[str]:
    return {k for k in keys(text) if k.startswith(f"{category}:")}


def test_the_producer_is_current() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("We went with the 10kW system. Now I need to pay the deposit.", "10kw system"),
        ("We switched from Trello to Linear.", "trello->linear"),
        ("I cancelled my gym membership.", "gym membership"),
        ("Went with the fondant in the end.", "fondant"),
        ("I picked this color because it's bright and bold.", "color"),
    ],
)
def test_a_decision_is_no_activity(text: str, decision: str) -> None:
    assert of(text, "activities") == set(), keys(text)
    assert decision in {s.key for s in extracted(DECISION, text)}


def test_a_decision_keeps_the_things_it_names() -> None:
    assert "personal:gym membership" in keys("I cancelled my gym membership.")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("We went to Rome last summer.", "activities:went to rome"),
        ("I chose the red one and we went to the beach.", "activities:went to the beach"),
        ("We rejected the first offer and went to the beach.", "activities:went to the beach"),
        (
            "Last week I dropped off that stuff I baked at the homeless shelter.",
            "activities:baked that stuff",
        ),
        ("I joined a pottery class last week.", "activities:joined a pottery class"),
        # a verb with its particle chooses nothing, whatever the decision extractor reads
        ("I dropped out of college last year.", "activities:dropped out of college"),
        ("I dropped off the cake at her house.", "activities:dropped off the cake at her house"),
    ],
)
def test_an_act_beside_or_inside_a_decision_stays(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm concerned we paid too much for what we're saving.",
        "I fear we bought the wrong panels.",
        "I'm worried that we bought a new car.",
        "I'm scared we'll lose the house.",
    ],
)
def test_a_clause_after_a_worry_frame_states_the_worry(text: str) -> None:
    found = {k for k in keys(text) if k.split(":")[0] in ("activities", "possessions", "plans")}
    assert found == set(), found


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I'm worried that I'll lose my job.", "work:job"),
        ("I'm worried my dog is sick.", "pets:dog"),
        ("I'm not worried that we bought a new car.", "possessions:new car"),
        ("I was worried at first, we bought a new car anyway.", "possessions:new car"),
        ("We bought a new car.", "possessions:new car"),
        # a worry of the listener's, not the speaker's
        (
            "why be scared i am planning on taking more dance lessons",
            "plans:take more dance lessons",
        ),
    ],
)
def test_what_is_had_or_said_beside_a_worry_stays(text: str, key: str) -> None:
    assert key in keys(text)


def test_a_worry_frame_leaves_the_concern_its_own() -> None:
    text = "I'm concerned we paid too much for what we're saving."
    assert [s.key for s in extracted(CONCERN, text)] == ["cost"]


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for yesterday's lesson. I would prefer written exercises over speaking "
        "exercises, as I find it easier to reflect carefully when I write.",
        "I make mistakes when I write.",
        "I get tired when I practice.",
    ],
)
def test_a_bare_act_in_a_clause_of_time_is_no_habit(text: str) -> None:
    assert of(text, "habits") == set(), keys(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("She's always with me while I write.", "habits:write"),
        ("I always take my dog when I hike.", "habits:hike"),
        ("I write every morning.", "habits:write"),
        ("I listen to podcasts when I run.", "habits:run"),
        ("I feel calmer when I paint.", "habits:paint"),
        ("I make mistakes when I write poems.", "habits:write poems"),
    ],
)
def test_a_pastime_a_frequency_or_an_object_stays(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "Please send my practice reminders in the evening from now on.",
        "Can you move my practice sessions to Friday?",
        "I exported my watch history yesterday.",
    ],
)
def test_a_noun_of_another_sense_before_a_noun_is_no_fact(text: str) -> None:
    assert {k for k in keys(text) if k.split(":")[0] in ("work", "possessions")} == set()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("My practice is busy this week.", "work:practice"),
        ("I run my own practice.", "work:practice"),
        ("My watch broke yesterday.", "possessions:watch"),
        ("I left my car keys at home.", "possessions:car"),
    ],
)
def test_the_noun_as_the_head_of_its_phrase_stays(text: str, key: str) -> None:
    assert any(k.startswith(key) for k in keys(text)), keys(text)
