"""persona6.disclosure.v34 (review 9 #1, #12, #13): a way of learning ("I learn from seeing all
steps") is a preference, no education fact, even as the reason of a request; a noun of work in
general or a session right before another noun says what the head is for, no job, office or
session had; a recurring time the speaker rules out or keeps to is a fact of their schedule."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def facts(text: str) -> dict[str, tuple[str, float]]:
    return {s.key: (s.value, s.polarity) for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v34() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


# --- #1: how the speaker learns is a preference, no education fact ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Please give full solution for question 5 after, step by step, I learn from seeing all "
        "steps.",
        "Send me the wiring diagram first, I learn best with visuals.",
        "Walk me through the recipe slowly, I learn by watching.",
        "Show me the whole brake job, I learn through doing it myself.",
        "I learn better with examples.",
    ],
)
def test_a_way_of_learning_is_no_fact(text: str) -> None:
    assert facts(text) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I'm diabetic, no sugar please.", "health:diabetes"),
        ("Please keep answers short, I'm dyslexic.", "health:dyslexia"),
        ("I'm vegetarian, so no meat in the recipe please.", "diet:vegetarian"),
        ("I'm learning Spanish", "education:learning spanish"),
        ("I learn piano on Saturdays", "education:learn piano on saturdays"),
    ],
)
def test_a_reason_that_is_a_state_or_what_is_learned_stays(text: str, key: str) -> None:
    assert key in facts(text)


# --- #13: "my <work noun> <noun>" names the head, no job or office ---------------------------


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("someone took my work laptop off the back seat.", "work:work"),
        ("schedule my office hours before that.", "work:office"),
        ("my job search is going slowly.", "work:job"),
        ("I keep rewriting my career goals list.", "work:career"),
        (
            "all my session notes templates were on that laptop, so I need a replacement.",
            "personal:session",
        ),
    ],
)
def test_a_work_noun_before_a_noun_is_no_thing_had(text: str, gone: str) -> None:
    assert gone not in facts(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("someone smashed my car window last night.", "possessions:car"),
        ("my work is stressful", "work:work is stressful"),
        ("my office is downtown", "work:office is downtown"),
        ("I love my job", "work:job"),
        ("I'll quit my job next year.", "work:job"),
        ("i walk home from my fast food job everyday.", "work:job"),
        ("people who understand my work means a lot", "work:work"),
        ("seeing my work make a difference for the community", "work:work"),
    ],
)
def test_the_noun_itself_is_still_had(text: str, key: str) -> None:
    assert key in facts(text)


# --- #12: a recurring time ruled out or kept to is a fact of the schedule --------------------


@pytest.mark.parametrize(
    ("text", "key", "polarity"),
    [
        ("I cannot come in the evenings, I work at the library until 9.", "schedule:evenings", -1),
        ("I can only do mornings", "schedule:mornings", 1),
        ("I'm not available on weekends", "schedule:weekends", -1),
        ("Sorry, I can't make it on Tuesdays.", "schedule:tuesdays", -1),
        ("I'm only free after work.", "schedule:after work", 1),
    ],
)
def test_a_recurring_time_is_the_schedule(text: str, key: str, polarity: int) -> None:
    found = facts(text)
    assert key in found
    assert found[key][1] == polarity
    assert not any(k.startswith("plans:") for k in found)


def test_the_work_beside_the_evenings_stays() -> None:
    found = facts("I cannot come in the evenings, I work at the library until 9.")
    assert "work:work at the library" in found


@pytest.mark.parametrize(
    "text",
    [
        "I can't come tomorrow",
        "I'm not free this evening",
        "If I can't come in the evenings, I'll call.",
        "Can you only do mornings?",
    ],
)
def test_a_one_off_or_supposed_time_is_no_schedule(text: str) -> None:
    assert not any(k.startswith("schedule:") for k in facts(text))
