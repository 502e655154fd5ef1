"""persona6.style.v19 (end-to-end probe 11 st07): a request to be told things simply, in any of
the ways English says it, is the style ``asks_for_simple_explanations``: as to a child or a
beginner, plain words asked for, made simpler, or the speaker saying they are not technical.
A simple thing asked for, material to simplify and plain words said of a thing are none."""

from __future__ import annotations

import pytest

from persona6.extract import style as style_module
from persona6.extract.text import load_lexicon
from tests.extract.test_style import said, style

KEY = "asks_for_simple_explanations"


def test_the_producer_is_v19() -> None:
    assert style_module.NAME == "persona6.style.v27"
    assert load_lexicon("style")["version"] == 22


@pytest.mark.parametrize(
    "text",
    [
        "Can you explain it like I'm a ten year old?",
        "explain like im 5 pls",
        "ELI5: how do vaccines work?",
        "explain this to me like I'm 80 and have never used a computer",
        "Explain it as if I know nothing about cars.",
        "imagine I'm a total beginner and explain compound interest",
        "Put it in plain English, no jargon.",
        "Please use layman's terms, I'm not a lawyer.",
        "Layman's terms please!",
        "what does APR mean, in normal words?",
        "Please explain without all the science-speak.",
        "Can you dumb this down a bit?",
        "I don't understand the technical words, can you say it more simply?",
        "Could you simplify your explanation?",
        "Can you give me the non-technical version?",
        "Less technical please, I'm a chef not an engineer",
        "I'm not very technical, so go easy on the terminology.",
        "honestly im not tech savvy at all, can u keep the steps basic",
        "Explain it to me like I'm your grandma",
        "zero jargon please, im a total novice",
    ],
)
def test_a_request_to_be_told_simply_is_the_style(text: str) -> None:
    found = style([said(1, text)])
    assert KEY in found
    assert found[KEY].value == "asks for simple explanations"


@pytest.mark.parametrize(
    "text",
    [
        "Simplify this fraction: 12/18",
        "The instructions were written in plain English, thankfully.",
        "the guide is in plain English which is nice",
        "I teach plain English writing courses",
        "Is there a simple way to remove rust from a bike chain?",
        "I like simple recipes with few ingredients.",
        "Explain how the tides work.",
        "She's not very technical but she's learning fast.",
        "My son is five and loves dinosaurs.",
        "can you write the letter in plain language for my tenants?",
    ],
)
def test_simple_things_and_plain_words_said_are_none(text: str) -> None:
    assert KEY not in style([said(1, text)])
