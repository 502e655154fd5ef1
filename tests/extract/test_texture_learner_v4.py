"""data/texture_statements.yaml v4 (review 8 S2): more of a learner's grammar shows
`learner_english`: a question after "how much" not inverted ("How much it will cost?"), he, she
or it with a bare verb after a word opening a clause ("before he come", "what it mean?"), "is"
without a subject before more adjectives ("Is true?", "Is covered by insurance?"), and "want"
before a bare verb of asking a service ("I want escalate this"). Bartek and Lin of review 8,
who write so, now show it; a native writer's English stays unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from persona6.graph.texture import _learner_spans
from tests.graph.test_texture_statements import _traits

NEUTRAL = [
    "Please check the invoice from last week.",
    "The weather in the mountains was lovely.",
    "Can you send the summary to my email?",
]


def _with(sentence: str) -> list[list[str]]:
    """Two sessions, each with the sentence among neutral messages."""
    return [[sentence, *NEUTRAL], [sentence.replace("Lyon", "Graz"), *NEUTRAL]]


@pytest.mark.parametrize(
    "sentence",
    [
        "How much it will cost to repair in Lyon?",
        "How many days it will take to Lyon?",
        "I need to know the price before he come to Lyon.",
        "The thermostat in Lyon show this, what it mean?",
        "My classmate in Lyon said the clinic sells data. Is true?",
        "Is covered by insurance in Lyon?",
        "Third time no show in Lyon. I want escalate this to your support.",
        "Please, I want compare the prices in Lyon first.",
    ],
)
def test_each_new_kind_of_learner_grammar_shows(sentence: str) -> None:
    assert "learner_english" in _traits(_with(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "How much it costs depends on the Lyon office.",  # a clause, no question
        "How much will it cost to repair in Lyon?",
        "I need to know the price before he comes to Lyon.",
        "What does it mean for the Lyon trip?",
        "When it cost five euros in Lyon, we bought two.",  # a bare past
        "When he put it back in Lyon, it worked.",
        "If it be so, we stay in Lyon.",  # a subjunctive
        "Is it true that Lyon is lovely?",
        "The rumour about Lyon, is it true?",
        "Is right there next to the Lyon station, the blue door.",  # "right there": a place
        "I need repair quotes for the Lyon flat.",  # "repair" is a noun too: not listed
        "Let it go, Lyon was a long time ago.",
    ],
)
def test_a_native_writers_english_shows_none(sentence: str) -> None:
    assert "learner_english" not in _traits(_with(sentence))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "How much it will cost? Please give me two or three price offers, I compare.",
            "How much it will cost?",
        ),
        ("Is expensive? I need to know price before he come.", "before he come"),
        ("The thermostat show this, what it mean?", "what it mean"),
        (
            "Third time no show. I want escalate this to your support, real person please.",
            "I want escalate",
        ),
        ("My classmate said this clinic sells patient data to companies. Is true?", "Is true"),
    ],
)
def test_review8_learners_sentences_show_a_learners_grammar(text: str, span: str) -> None:
    assert span in _learner_spans(text)


def test_locomo_speakers_show_no_more_learner_grammar() -> None:
    """LoCoMo's native speakers write no message the cues read as a learner's (as in v3)."""
    path = Path("/work/shared/datasets/locomo/locomo.json")
    if not path.exists():
        pytest.skip("LoCoMo is not on this machine")
    texts = [
        turn.get("text", "")
        for conv in json.loads(path.read_text())
        for key, turns in conv["conversation"].items()
        if key.startswith("session_") and isinstance(turns, list)
        for turn in turns
    ]
    assert not [t for t in texts if _learner_spans(t)]
