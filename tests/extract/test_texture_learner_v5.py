"""data/texture_statements.yaml v6 (texture_traits.v5, review 9 #11): more of a learner's grammar
shows `learner_english`: a singular subject with its verb left bare at a clause's start
(`singular_subject`: "how the calculation go"), a role said of oneself without its article
(`role_without_article`: "I am international student") and "to" left out before a verb that is
a noun too, with an object after it (`bare_after_want_object`: "I want check the source").
A native writer's English, terse, casual or formal, shows none of them."""

from __future__ import annotations

import pytest

from persona6.graph.texture import _learner_spans
from tests.extract.test_texture_learner_v4 import _with
from tests.graph.test_texture_statements import _traits

LEARNER = {
    "singular_subject": [
        ("I want to understand why the formula give a negative number.", "the formula give"),
        ("When the package come to Lyon, please call me.", "the package come"),
        ("My daughter is sick in Lyon, the doctor tell me she must rest.", "the doctor tell"),
        ("If the bank send me a letter about Lyon, I will tell you.", "the bank send"),
    ],
    "role_without_article": [
        ("I am software engineer from Lyon and I need a room.", "I am software engineer"),
        ("I'm new customer in Lyon, so please explain the fees.", "I'm new customer"),
        ("I am also nurse at the Lyon city hospital.", "I am also nurse"),
    ],
    "bare_after_want_object": [
        ("I want change my delivery address to Lyon.", "I want change"),
        ("We need book the room in Lyon for Friday.", "We need book"),
        ("I want read the contract for Lyon before I sign.", "I want read"),
    ],
}


@pytest.mark.parametrize(
    ("sentence", "span"), [case for cases in LEARNER.values() for case in cases]
)
def test_each_new_kind_of_learner_grammar_shows(sentence: str, span: str) -> None:
    assert any(span in found for found in _learner_spans(sentence))
    assert "learner_english" in _traits(_with(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        # singular_subject: no clause start, a plural or collective subject, a compound noun,
        # an auxiliary, a past, a name, an adjective standing for people
        "I saw the bus go by in Lyon this morning.",
        "Let the package come to the Lyon office.",
        "Because the team go out on Fridays in Lyon, I stay late.",
        "When the kids go to bed in Lyon, I read.",
        "The hotel stay in Lyon was fine, the site visit was better.",
        "Where the hell do you keep the Lyon forms?",
        "My husband and son go to the gym in Lyon.",
        "My brother put a trout under the seat of my car in Lyon.",
        "The old go out, the new come in, said the Lyon vendor.",
        "It is essential that the payment go through in Lyon today.",
        "I would like to know how the calculation works for Lyon.",
        # role_without_article: an article, "head of", a compound, a label
        "I'm a software engineer from Lyon.",
        "I'm head of sales at the Lyon office.",
        "I'm student loan free since Lyon.",
        "I'm user 42 on the Lyon forum.",
        # bare_after_want_object: a noun, a run-on, a time, "to"
        "I want travel insurance for the Lyon trip.",
        "I need help my laptop died in Lyon.",
        "We need change for the parking meter in Lyon.",
        "I need work this summer in Lyon.",
        "I want to check the source for Lyon myself.",
        # terse and casual chat
        "gonna check the Lyon source later, wanna see how the numbers work",
        "Sounds good, see u in Lyon tmrw",
        "idk how the Lyon app works tbh",
        "ok the new one looks better lol, Lyon it is",
    ],
)
def test_a_native_writers_english_shows_none(sentence: str) -> None:
    assert not _learner_spans(sentence)
    assert "learner_english" not in _traits(_with(sentence))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Hello, for problem 3 of practice set, please show me the full worked solution, "
            "every step, because I want to see how the calculation go.",
            "how the calculation go",
        ),
        (
            "Also which slide of lecture 4 is this formula from? I want check the source myself.",
            "I want check",
        ),
        (
            "I am international student from Kuching, Malaysia, so sometimes the English words "
            "in the question confuse me.",
            "I am international student",
        ),
        (
            "I want to try by myself first, the full answer make me lazy.",
            "the full answer make",
        ),
    ],
)
def test_review9_meis_sentences_show_a_learners_grammar(text: str, span: str) -> None:
    assert any(span in found for found in _learner_spans(text))


def test_a_course_parts_number_is_a_label() -> None:
    """ "Quiz 5 start" names quiz 5: no count noun left singular (`number_labels`, v6)."""
    assert not _learner_spans("Quiz 5 start, the timer is running now.")
