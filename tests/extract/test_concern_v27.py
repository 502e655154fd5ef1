"""persona6.concern.v27: a word of a concern's topic in neutral text is none. A question of
general knowledge (a comparison of kinds, "in general", "or is that a myth", with no word of the
speaker, the person addressed or a thing at hand) asks a fact, no worry; a verb that changes a
topic asks for the change only as a verb, not as its noun in a pasted spec sheet ("max depth
of cut 80mm") nor as a participle before a noun ("reduced price"). Neighbours that name the
speaker or a thing at hand stay worries."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import concern
from persona6.extract.text import load_lexicon
from persona6.types import SignalKind


def worries(text: str) -> set[str]:
    return {s.key for s in extracted(concern.NAME, text) if s.kind is SignalKind.CONCERN}


def test_the_producer_is_v27() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


@pytest.mark.parametrize(
    "text",
    [
        "Is nitrox actually safer than air or is that a myth?",
        "How reliable are the 1939 Register transcriptions generally?",
        "are carbon frames more reliable than steel in general?",
        "Is it true that LED grow lights are cheaper to run?",
        "is a cordless drill generally slower than a corded one",
        "How safe are via ferratas on average?",
        "are tubeless tyres less reliable than tubes or is that just hype",
        "Are online chess sites more secure than they used to be?",
        "Is canister filtration faster than sponge filtration for a 60 litre tank?",
        "Spec: Blade 254mm, no-load speed 4800rpm, max depth of cut 80mm.",
        "the yarn weight is DK, needle size 4mm, 100% merino, reduced price this week",
    ],
)
def test_neutral_words_of_a_topic_raise_nothing(text: str) -> None:
    assert worries(text) == set(), (text, worries(text))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Is this climbing rope safer than the old one I have?", "safety"),
        ("Are my photos safer on a NAS than in the cloud?", "security"),
        ("is your pro plan cheaper than the family plan for us?", "cost"),
        ("how reliable is this app when I'm offline?", "reliability"),
        ("my router is way slower than it used to be", "speed"),
        ("is it safe for my kids to be around the pond pump?", "safety"),
        ("can you cut the price for me? it's a bit much", "cost"),
        ("Could you lower the price?", "cost"),
        ("why is the tax portal so slow today?", "speed"),
    ],
)
def test_a_question_of_the_speaker_or_a_thing_at_hand_stays(text: str, key: str) -> None:
    assert key in worries(text), (text, worries(text))
