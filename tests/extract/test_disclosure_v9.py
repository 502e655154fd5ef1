"""persona6.disclosure.v9: relative-clause objects, "not yet", "my <noun>" (2026-11-26)."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import EXTRACTORS, disclosure

EXTRACTOR = EXTRACTORS[disclosure.NAME]


def signals(text: str) -> dict[str, float]:
    return {s.key: s.polarity for s in extracted(EXTRACTOR.name, text, "u1")}


def of(text: str, category: str) -> dict[str, float]:
    return {k: v for k, v in signals(text).items() if k.startswith(f"{category}:")}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The concert we went to was loud", "activities:went to the concert"),
        ("It was a gig I went to last month.", "activities:went to a gig"),
        ("The soup I cooked last night was a hit.", "activities:cooked the soup"),
        ("The pool I swim in is closing.", "habits:swim in the pool"),
    ],
)
def test_the_object_of_a_relative_clause_is_the_noun_before_it(text: str, key: str) -> None:
    done = of(text, "activities") | of(text, "habits")
    assert done == {key: 1.0}


def test_a_relative_clause_with_its_own_object_keeps_it() -> None:
    assert "activities:went to rome" in signals("The year I went to Rome was wild.")


def test_a_relative_clause_on_a_step_of_the_task_is_no_activity() -> None:
    assert of("I fixed the typo I spotted", "activities") == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I haven't done archery yet", "plans:do archery"),
        ("I still haven't played the new Mario game yet!", "plans:play the new mario game"),
    ],
)
def test_not_yet_is_a_weak_plan_not_a_denial(text: str, key: str) -> None:
    found = signals(text)
    assert found.get(key) == 1.0
    assert all(v > 0 for v in found.values())
    (signal,) = [s for s in extracted(EXTRACTOR.name, text, "u1") if s.key == key]
    assert signal.weight == pytest.approx(0.3)


@pytest.mark.parametrize(
    "text", ["I haven't tried it yet.", "I haven't heard back yet.", "I haven't decided yet."]
)
def test_not_yet_without_an_object_says_nothing(text: str) -> None:
    assert signals(text) == {}


def test_a_denial_without_yet_stays_a_denial() -> None:
    assert signals("I don't do archery.") == {"habits:do archery": -1.0}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("my workshop is finally set up", "personal:workshop"),
        ("I'm so proud of my first half marathon", "personal:first half marathon"),
        ("I just signed up for a class at my pottery studio!", "personal:pottery studio"),
        ("Painting my studio's walls took all week", "personal:studio"),
        ("I keep the receipts in my sketchbook every week", "personal:sketchbook"),
    ],
)
def test_any_my_noun_is_a_weak_personal_thing(text: str, key: str) -> None:
    assert key in of(text, "personal")


@pytest.mark.parametrize(
    "text",
    [
        "In my opinion the second draft reads better.",
        "My bad, wrong link.",
        "Sorry, my question was unclear.",
        "my account got locked again",
        "Can you rename my file?",
        "Oh my god, that is wild",
        "Thanks for having my back",
        # v10: a frame of what is said
        "In my experience the export is slow.",
        "From my perspective the second option is cheaper.",
        "In my case the sync never finishes.",
    ],
)
def test_my_noun_that_names_no_thing_of_a_life_is_none(text: str) -> None:
    assert of(text, "personal") == {}


def test_my_noun_phrase_ends_before_a_verb_or_a_time() -> None:
    assert of("my garage band plays tonight", "personal") == {"personal:garage band": 1.0}
    assert of("I got this from my hike last week", "personal") == {"personal:hike": 1.0}


def test_a_known_noun_before_a_possessive_keeps_its_category() -> None:
    assert "family:son" in signals("I'm saving for my son's tuition")
    assert of("I'm saving for my son's tuition", "personal") == {}


def test_a_body_part_after_my_is_no_personal_thing() -> None:
    assert of("I've been on my feet all day", "personal") == {}


def test_my_noun_parted_with_is_had_no_longer() -> None:
    assert of("I lost my sketchbook on the bus.", "personal") == {"personal:sketchbook": -1.0}


def test_a_move_of_home_is_read_for_the_decision_extractor() -> None:
    text = "I moved to Harrogate in May."
    verb = next(t for t in disclosure.tx.tokens(text) if t.word == "moved")
    assert disclosure.moves_home(text, disclosure.tx.tokens(text)[0], verb)
    text = "We moved to Basecamp for our tasks."
    verb = next(t for t in disclosure.tx.tokens(text) if t.word == "moved")
    assert not disclosure.moves_home(text, disclosure.tx.tokens(text)[0], verb)
