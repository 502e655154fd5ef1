"""persona6.preference.v15: requests of the moment and missed instructions from a first-user review.

"I would like to <act> <a thing of the moment>" asks for the task at hand; a "always have" tag
is no part of an object; "I don't need X" about a part of an answer asks against it; an
instruction after "pls" or after "and" in its clause counts.
Each rule is probed beside the neighbouring sentence it must leave alone.
"""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import EXTRACTORS, preference
from persona6.types import Signal

EXTRACTOR = EXTRACTORS[preference.NAME]


def signals(text: str) -> list[Signal]:
    return extracted(EXTRACTOR.name, text, "u1")


def keyed(text: str) -> dict[str, float]:
    return {s.key: s.polarity for s in signals(text)}


@pytest.mark.parametrize(
    "text",
    [
        "I would like to feed them some fondant. How much would you suggest?",
        "Good morning again. I would like to plan my winter varroa treatment.",
        "I'd like to pick up my kids at four",
        "I'd like to read the report before lunch",
    ],
)
def test_an_act_on_a_thing_of_the_moment_is_no_preference(text: str) -> None:
    assert keyed(text) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I would like answers in bullet points", "answers in bullet points"),
        ("I'd like shorter replies", "shorter replies"),
        ("I would like to have a dog someday", "have a dog"),
        ("I would like to visit Japan", "visit japan"),
        ("I like to plan my week on Sundays", "plan my week"),  # a habit, no "would"
    ],
)
def test_a_way_of_answering_or_a_kind_of_thing_stays(text: str, key: str) -> None:
    assert keyed(text) == {key: 1.0}


@pytest.mark.parametrize(
    "text",
    [
        "I love flatbed work always have",
        "I need a load going east, flatbed, I love flatbed work always have",
        "I love flatbed work, always did",
        "I love flatbed work since forever",
    ],
)
def test_a_tag_of_how_long_is_no_part_of_the_object(text: str) -> None:
    [signal] = signals(text)
    assert (signal.key, signal.value) == ("flatbed work", "loves flatbed work")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I don't need the weather section. Remove it.", "weather section"),
        ("dont need the weather stuff btw, i got the bom app", "weather stuff"),
        ("we don't need the summaries", "summaries"),
        ("I no longer need the traffic updates", "traffic updates"),
    ],
)
def test_a_part_of_the_answer_not_needed_is_asked_against(text: str, key: str) -> None:
    [signal] = signals(text)
    assert (signal.key, signal.value, signal.polarity) == (key, f"asks for no {key}", -1.0)


@pytest.mark.parametrize(
    "text",
    [
        "I don't need help",
        "I don't need the car",
        "I don't need that part",
        "I don't need a car part",
    ],
)
def test_other_things_not_needed_are_no_preference(text: str) -> None:
    assert keyed(text) == {}


def test_an_instruction_after_pls_counts_inside_a_message() -> None:
    text = "ok i'll keep it private then. also pls use simpler words, i'm still learning 🙏"
    assert keyed(text) == {"simpler words": 1.0}
    assert keyed("plz no emojis") == {"emojis": -1.0}
    assert keyed("pls use python") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Yes please. And please keep your explanations short and without the technical "
            "jargon, I get a bit lost with all the abbreviations.",
            {"short": 1.0, "technical jargon": -1.0},
        ),
        ("keep it short and no emojis", {"short": 1.0, "emojis": -1.0}),
        ("no emojis and keep it short", {"emojis": -1.0, "short": 1.0}),
        ("keep it short and I will read it", {"short": 1.0}),
        ("no emojis and my dog loves it", {"emojis": -1.0}),
    ],
)
def test_an_instruction_after_and_counts(text: str, expected: dict[str, float]) -> None:
    assert keyed(text) == expected
