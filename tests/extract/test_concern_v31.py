"""persona6.concern.v31: a concern said without a worry word. A word of a concern's field (money,
a fee, "quid"; a duration waited; a thing one keeps) with a stance beside it in its clause (a
negative appraisal, a limit, a wait for nothing, a loss, a risk asked) is that concern, and a
question that probes a risk in the words of the risk (who reads, where it ends up, will it
still work, logging in as me) is one; a field word or a stance alone, a kind of thing and a
question of general knowledge are none."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import concern
from persona6.extract.text import load_lexicon
from persona6.types import SignalKind


def _concerns(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(concern.NAME, text) if s.kind is SignalKind.CONCERN}


def test_the_producer_is_v31() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a money word and a negative appraisal or a limit beside it
        ("the subscription is eating into my grocery money every month", "cost"),
        ("honestly i cant justify forty quid a month for a recipe app", "cost"),
        ("We're a small nonprofit, every dollar counts.", "cost"),
        ("my pocket money won't stretch to another expansion pack", "cost"),
        ("I'm a student, the pro tier is way out of my league", "cost"),
        ("the monthly fee keeps me up at night", "cost"),
        ("that's steep for something I'd use twice a year", "cost"),
        ("that's a lot for a hobby", "cost"),
        # a wait and nothing come of it
        ("three days and nothing", "speed"),
        ("three weeks waiting for refund, nothing come", "speed"),
        ("waited twenty minutes for the export, still spinning", "speed"),
        # a thing one keeps lost, or what becomes of it asked
        ("I lost a whole season of training logs once, never again", "data_loss"),
        ("what happens to my recipes if I cancel?", "data_loss"),
        ("the sync swallowed three weeks of edits", "data_loss"),
        # a risk asked or feared in the words of the risk
        ("who exactly reads the symptoms I type in here?", "privacy"),
        ("is my location shared with the other players?", "privacy"),
        ("where do my baby photos end up once I upload them?", "privacy"),
        ("my neighbours could see my garden plan if it's public, no thanks", "privacy"),
        ("I don't want my boss seeing my therapy journal entries", "privacy"),
        ("anyone with the link can open my files??", "privacy"),
        ("does this thing track where i go", "privacy"),
        ("what stops a stranger from logging in as me?", "security"),
        ("I need the alarm to go off every single time, no excuses", "reliability"),
        ("I need this to work on the day", "reliability"),
        ("will it still work when I'm offline on the trail?", "reliability"),
        ("will it still be around in two years?", "reliability"),
        ("the timer on the oven app stopped randomly mid bake, ruined the bread", "reliability"),
        ("I don't want my pictures trapped in one company's format", "lock_in"),
        ("once I'm in I can never leave, right?", "lock_in"),
        ("my grandad can't work out the menus at all", "ease_of_use"),
        ("my mum would never figure this out", "ease_of_use"),
        ("it took me an hour to figure out how to add a friend", "ease_of_use"),
        ("too many settings, I just want to press play", "ease_of_use"),
        ("12 euros a month for storage? my wallet is crying", "cost"),
        ("does the coach get to read my food diary too?", "privacy"),
        ("if I stop paying, am I locked out of my own notes?", "lock_in"),
        ("my dad would never manage all these menus", "ease_of_use"),
    ],
)
def test_a_concern_said_without_a_worry_word(text: str, key: str) -> None:
    assert key in _concerns(text)


@pytest.mark.parametrize(
    "text",
    [
        # a field word alone, or a stance of no field
        "I paid for dinner last night",
        "I saved a lot of money this year",
        "there's a lot of money in real estate",
        "my pension starts next spring",
        "my savings are a lot bigger this year",
        "three days and nothing went wrong",
        "that hill is steep near the top",
        "we waited three hours for the bus and then it came",
        # a thing lost or gone of no record, or gone somewhere
        "I lost my keys again this morning",
        "I lost interest in the project after a month",
        "I've gone to work early all week",
        "the old recipes are long gone from my memory",
        "I deleted my notes after the exam",
        # a risk's words of another sense
        "who reads the bedtime story tonight, you or me?",
        "where do my kids go to summer camp this year?",
        "I track what I eat in a notebook",
        "my boss could see I was tired",
        "will my mum be able to find my house?",
        "my legs are dying after that hike",
        "anyone with a ticket can come in",
        "I stopped randomly at a cafe on the way",
        "I need to work on the day of the wedding",
        "will it still be sunny in the afternoon?",
        "I can't leave the house until the plumber comes",
        "I can't work out today, my knee hurts",
        "my mum finally figured out how to video call us",
        # a kind of thing, and general knowledge
        "I had a budget meeting at nine",
        "how does end-to-end encryption work?",
        "what does GDPR stand for?",
    ],
)
def test_a_field_word_or_a_stance_alone_is_none(text: str) -> None:
    assert _concerns(text) == {}


def test_a_load_is_no_price() -> None:
    # "a lot for a beginner" is a price only with no infinitive after it
    assert "cost" not in _concerns("that's a lot for a beginner to take in")
    assert "cost" in _concerns("that's a lot for a beginner set")


def test_a_stance_beside_the_field_word_is_a_worry() -> None:
    assert _concerns("the monthly fee keeps me up at night")["cost"] == "worried about cost"
    assert _concerns("three days and nothing")["speed"] == "worried about speed"


def test_a_loss_of_a_thing_kept_is_a_worry() -> None:
    # a cue said plainly was a mention; the loss beside a thing one keeps is a bad past
    found = _concerns("the new version overwrote half my drafts")
    assert found["data_loss"] == "worried about data loss"


@pytest.mark.parametrize(
    "text",
    [
        'she said "the subscription is eating into my money"',
        "My sister said the fee is way out of her league",
        "Suppose the sync ate my edits, could I get them back?",
    ],
)
def test_quoted_reported_or_imagined_is_none(text: str) -> None:
    found = _concerns(text)
    assert "cost" not in found
    assert "data_loss" not in found


def test_a_stance_field_names_a_known_stance() -> None:
    data = load_lexicon("concerns")["stance_fields"]
    stances = set(data["stances"])
    for entry in data["concerns"]:
        assert set(entry["stances"]) <= stances
        assert entry["concern"] in load_lexicon("concerns")["concerns"]
