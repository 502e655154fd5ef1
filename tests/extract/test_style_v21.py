"""persona6.style.v21 (end-to-end probe 13 st04 st06 cn01 cn03): a thing agreed before the
product acts plans before acting; the way from what was given to the answer, asked in the other
words of English, asks for its derivation (``asks_for_sources``), not a way between places; the
answer asked to be checked again is a doubt of it (``challenges_answers``), no request for
sources; a suspicion put as a question asks for no source. Reminders, thanks and the speaker's
own things are none."""

from __future__ import annotations

import pytest

from persona6.extract import style as style_module
from persona6.extract.text import load_lexicon
from tests.extract.test_style import bot, said, style

ANSWER = "Your glaze has a silica to alumina ratio of 8:1, so it will fire glossy. Total: 240."


def test_the_producer_is_v21() -> None:
    assert style_module.NAME == "persona6.style.v27"
    assert load_lexicon("style")["version"] == 22


def after_answer(text: str) -> set[str]:
    return set(style([said(1, "help please"), bot(2, ANSWER), said(3, text)]))


@pytest.mark.parametrize(
    "text",
    [
        "Let's agree the schedule first before you start listing ingredients",
        "lets agree on the route first before you plan the stops",
        "before you start, can we settle on a budget for the wedding flowers?",
        "before u start pls tell me the plan for the garden beds",
        "could we pin down the budget first before u book anything for the wedding",
        "before you touch anything, run the plan by me",
    ],
)
def test_a_thing_agreed_before_the_product_acts_plans(text: str) -> None:
    assert "plans_before_acting" in after_answer(text)


@pytest.mark.parametrize(
    "text",
    [
        "How did you get from the unity formula to those numbers?",
        "how did you get from 240 to 310?",
        "walk me through how you got that",
        "take me through how you worked that out",
        "explain how you got that figure for the paint",
        "can you explain how you came up with that price",
        "show ur working pls",
    ],
)
def test_the_way_to_the_answer_asked_for_is_its_derivation(text: str) -> None:
    found = after_answer(text)
    assert "asks_for_sources" in found, (text, found)
    assert "plans_before_acting" not in found, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "bit worried the dose might harm the brood, can u double check it",
        "could you verify that figure? seems high",
        "pls double check that again",
    ],
)
def test_the_answer_asked_to_be_checked_is_doubted_not_sourced(text: str) -> None:
    found = after_answer(text)
    assert "challenges_answers" in found, (text, found)
    assert "asks_for_sources" not in found, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "How do I know the dive log app isn't flogging my location data?",
        "How can I be sure they won't sell my chess games?",
        "can you confirm my booking for saturday",
        "before you go, thanks for the help!",
        "before you leave, can you send me the invoice",
        "first of all, thanks for the tips on the chess openings",
        "how did you get into climbing?",
        "how did you get to the wedding venue, did you drive?",
        "how did you get from the station to the crag?",
        "let's settle in and watch the match",
        "show your work to the teacher tomorrow, ok?",
    ],
)
def test_neighbours_show_neither(text: str) -> None:
    found = after_answer(text)
    assert not found & {"asks_for_sources", "plans_before_acting", "challenges_answers"}, (
        text,
        found,
    )
