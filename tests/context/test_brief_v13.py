"""brief.v13 (docs/context.md, review 8b N1/N2): a single weak observation bears on the task only
when nothing held firmly does; the person's own health facts (``health:``: a condition, a
symptom, a medication taken) bear on a task of medical care or the pharmacy; two traits worded
alike are said once."""

from __future__ import annotations

import pytest

from persona6 import Persona6
from persona6.context.brief import PRODUCER, _constraint
from persona6.types import Evidence, SignalKind, Trait
from tests.context.test_brief_v10 import _bears, _brief, _events, _said


def test_the_producer_is_v13():
    assert PRODUCER.startswith("persona6.brief.v1") and PRODUCER >= "persona6.brief.v13"


# -- N2: a single weak observation ---------------------------------------------------------------

_BREAKER = "The inverter dropped off again. I went out and power-cycled it at the breaker myself."
_COPD = "My wife has COPD, so the house can't get above 80 in the afternoon."
_PANELS = "We have 9 kW of panels on the roof and two cars."


@pytest.mark.parametrize("budget", [150, 400])
def test_a_one_off_act_does_not_bear_beside_a_firm_trait(budget):
    """ "went out and power-cycled it at the breaker" (one session, conf 0.20) shares the
    inverter and the breaker with the task, the lung condition none of its words; the condition
    is held firmly and bears on the schedule: the act is known only, after what is known more
    firmly."""
    text = _brief(
        _said(_BREAKER, _COPD, _PANELS),
        "Set up the cooling schedule and reset the inverter at the breaker",
        budget,
    ).text
    bears = _bears(text)
    assert "copd" in bears.lower(), text
    assert "power-cycled" not in bears, text
    if "power-cycled" in text:
        also = text.partition("## Also known\n")[2].partition("## ")[0]
        assert also.index("panels") < also.index("power-cycled"), text


def test_a_one_off_act_bears_when_nothing_firm_does():
    """The neighbour: with nothing stronger that bears on the task, the weak act still does."""
    text = _brief(_said(_BREAKER, _PANELS), "Reset the inverter at the breaker", 400).text
    assert "power-cycled it at the breaker (fact, conf 0.20)" in _bears(text), text


_WEAK_ASK = (SignalKind.PREFERENCE, "push sms", "asks for push, not sms", 1.0, 0.19, "on")
_FIRM_PUSH = (SignalKind.PREFERENCE, "push", "prefers push notifications", 1.0, 0.6, "good")


def test_a_request_said_in_passing_does_not_bear_beside_a_firm_trait():
    """Keiko's "asks for push, not text messages" at 0.19 beside a firmer push preference:
    a request said so is a weak observation too."""
    text = _with_trait(_MARGARET, [_WEAK_ASK, _FIRM_PUSH], "Notify her that the plug is offline")
    bears = _bears(text.text)
    assert "prefers push notifications (" in bears, text.text
    assert "asks for push, not sms" not in bears, text.text


def test_a_request_said_in_passing_bears_alone():
    """The neighbour: nothing firmer bears on the notice ("is not good with computers" does)."""
    quiet = _said("I'm on the allotment most days.", "I have two grandchildren in Ohio.")
    text = _with_trait(quiet, [_WEAK_ASK], "Notify her that the plug is offline").text
    assert "asks for push, not sms (preference, conf 0.19)" in _bears(text), text


# -- N1: health facts bear on medical care --------------------------------------------------------


def _with_trait(sessions, trait_args, task: str, budget: int = 400, user: str = "u-1"):
    """The brief after ``sessions``, with a hand-made trait (kind, key, statement, polarity,
    confidence, quote of the first message) added to the person's traits."""
    with Persona6(db=":memory:") as p6:
        events = _events(sessions, user)
        p6.record(events)
        p6.build()
        traits = p6.store.traits_of(p6.tenant, user)
        for n, (kind, key, statement, polarity, confidence, quote) in enumerate(trait_args):
            first = events[0]
            start = first["text"].index(quote)
            traits.append(
                Trait(
                    id=f"tr_hand{n}",
                    person_id=user,
                    kind=kind,
                    key=key,
                    statement=statement,
                    polarity=polarity,
                    confidence=confidence,
                    sessions=1,
                    signals=1,
                    first_seen=first["ts"],
                    last_seen=first["ts"],
                    span_days=0.0,
                    valid_from=first["ts"],
                    producers=["hand"],
                    evidence=[
                        Evidence(event_id="e0", start=start, end=start + len(quote), quote=quote)
                    ],
                )
            )
        p6.store.replace_traits(p6.tenant, user, traits)
        return p6.context(user, task=task, budget=budget)


_MARGARET = _said(
    "I'm on warfarin, and I am not good with computers.",
    "I have two grandchildren in Ohio.",
    "I prefer phone calls to the portal inbox.",
    "My garden is my joy.",
)
_WARFARIN = (SignalKind.DISCLOSURE, "health:warfarin", "takes warfarin", 1.0, 0.65, "warfarin")


@pytest.mark.parametrize(
    "task",
    [
        "Her portal login failed again; help her book an INR check",
        "Book a blood test at the clinic",
        "Renew the prescription with the pharmacy",
    ],
)
def test_a_medication_taken_bears_on_medical_care(task):
    """ "takes warfarin" shares no word with "book an INR check": the drug the person takes is
    what their medical care must reckon with (``constraints``: health by the key)."""
    text = _with_trait(_MARGARET, [_WARFARIN], task).text
    assert "takes warfarin (fact" in _bears(text), text


def test_a_medication_taken_does_not_bear_on_a_gift():
    text = _with_trait(_MARGARET, [_WARFARIN], "Recommend a birthday gift for the grandchildren")
    assert "warfarin" not in _bears(text.text), text.text


def test_another_fact_does_not_bear_on_medical_care():
    """The neighbour: a fact of another key, with the same words as the task's none."""
    hobby = (SignalKind.DISCLOSURE, "hobbies:garden", "loves their garden", 1.0, 0.65, "warfarin")
    text = _with_trait(_MARGARET, [hobby], "help her book an INR check").text
    assert "loves their garden" not in _bears(text), text


def test_health_facts_are_named_by_their_key():
    terms, bears_on = _constraint("takes warfarin", "health:warfarin")
    assert terms == {"health:health:warfarin"} and "care" in bears_on
    assert _constraint("takes warfarin") == (frozenset(), frozenset())
    assert _constraint("grows tomatoes", "hobbies:tomatoes") == (frozenset(), frozenset())


_PENICILLIN = (
    SignalKind.DISCLOSURE,
    "health:penicillin allergy",
    "is allergic to penicillin",
    1.0,
    0.65,
    "on",
)


@pytest.mark.parametrize(
    "task", ["Refill her mother's warfarin", "Renew the prescription for my son"]
)
def test_their_own_health_does_not_bear_on_another_persons_care(task):
    """A caregiver's own penicillin allergy is not her mother's: a task that says whose care
    it is ("her mother's", "for my son") is not constrained by the person's health."""
    text = _with_trait(_MARGARET, [_PENICILLIN], task).text
    assert "penicillin" not in _bears(text), text


def test_their_own_health_bears_on_their_own_refill():
    """The neighbour: their own refill."""
    text = _with_trait(_MARGARET, [_PENICILLIN], "Refill her warfarin").text
    assert "is allergic to penicillin (fact" in _bears(text), text


def test_a_health_key_does_not_split_a_diet_condition_on_a_flight():
    """ "has celiac" beside "has celiac disease": on a flight only their diet terms count, so
    the weaker one names nothing the stronger does not and ranks as any trait (brief.v10),
    after a preference that shares the flight with the task, though their health keys
    differ."""
    celiac = (SignalKind.DISCLOSURE, "health:celiac disease", "has celiac disease", 1.0, 0.9, "on")
    # Its own words (brief.v15: said by the very words of "has celiac disease", it would be
    # folded into that line, tests/context/test_brief_v15.py).
    weaker = (SignalKind.DISCLOSURE, "health:celiac", "has celiac", 1.0, 0.65, "good")
    aisle = (SignalKind.PREFERENCE, "aisle seats", "prefers aisle seats on flights", 1.0, 0.6, "on")
    brief = _with_trait(_MARGARET, [celiac, weaker, aisle], "book flights to Tokyo", budget=400)
    bears = _bears(brief.text)
    assert bears.startswith("- has celiac disease"), brief.text
    assert bears.index("aisle seats") < bears.index("- has celiac (fact"), brief.text


# -- two traits worded alike ----------------------------------------------------------------------


def test_two_preferences_worded_alike_are_said_once():
    """ "prefers morning" and "prefers mornings" (two keys) are one line, citing both."""
    morning = (SignalKind.PREFERENCE, "morning", "prefers morning", 1.0, 0.48, "good")
    mornings = (SignalKind.PREFERENCE, "mornings", "prefers mornings", 1.0, 0.48, "computers")
    brief = _with_trait(_MARGARET, [morning, mornings], "book an appointment")
    said = [i for i in brief.items if i.statement.startswith("prefers morning")]
    assert len(said) == 1, brief.text
    assert said[0].evidence == ["e0"], said  # both rest on e0 here: cited once


@pytest.mark.parametrize(
    "other",
    [
        (SignalKind.PREFERENCE, "morning visits", "prefers morning visits", 1.0, 0.48, "computers"),
        (SignalKind.PREFERENCE, "not morning", "does not prefer morning", -1.0, 0.48, "computers"),
    ],
)
def test_other_wordings_stay_two_lines(other):
    morning = (SignalKind.PREFERENCE, "morning", "prefers morning", 1.0, 0.48, "good")
    brief = _with_trait(_MARGARET, [morning, other], "book an appointment")
    statements = [i.statement for i in brief.items]
    assert any(s.startswith("prefers morning (") for s in statements), brief.text
    assert any(s.startswith(f"{other[2]} (") for s in statements), brief.text
