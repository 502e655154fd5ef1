"""persona6.style.v24: asking for simple explanations said as a complaint about the last answer,
a wish or a need: too much jargon, too technical for the speaker, over their head, lost by it,
its words not understood, wanting it simpler, asking to simplify. Not jargon talked about, a
loss, a thing above the head or a sum to simplify."""

from __future__ import annotations

import pytest

from persona6.extract import style as style_module
from persona6.extract.text import load_lexicon
from tests.extract.test_style import bot, said, style


def test_the_producer_is_v24() -> None:
    assert style_module.NAME == "persona6.style.v27"
    assert load_lexicon("style")["version"] == 22


def after_an_answer(text: str) -> dict:
    return style(
        [said(1, "how does a canister filter work?"), bot(2, "It pumps water."), said(3, text)]
    )


@pytest.mark.parametrize(
    "text",
    [
        "too much jargon, I didn't follow any of that",
        "you lost me at the second paragraph",
        "thats way too technical for me",
        "it'd be nice if you explained it in plain english",
        "i need it simpler, im new to knitting",
        "way over my head, can u simplify",
        "I don't understand all these technical words",
        "honestly that whole answer went right over my head",
        "a bit too complicated for me tbh, im just starting with aquariums",
        "i dont get all the acronyms in your reply",
    ],
)
def test_a_complaint_wish_or_need_asks_for_simple_explanations(text: str) -> None:
    assert "asks_for_simple_explanations" in after_an_answer(text), text


@pytest.mark.parametrize(
    "text",
    [
        "the jargon in chess books is fun to learn",
        "my accountant lost me a fortune last year",
        "the route lost me an hour",
        "its over my head literally, the shelf is too high",
        "the plane flew over my head so low",
        "simplify the fraction 12/18 for me",
        "this climbing guide is full of jargon but I love it",
        "you lost me the match with that blunder lol",
    ],
)
def test_the_same_words_of_another_sense_ask_nothing(text: str) -> None:
    assert "asks_for_simple_explanations" not in after_an_answer(text), text
