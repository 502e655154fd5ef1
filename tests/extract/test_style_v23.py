"""persona6.style.v23: a question about the person asked, their life, doings or tastes
("Did you have any pets growing up?", "What made you name her Tilly?"), with no word of the
asker and no request for help, is answered by telling about oneself: the answer helps no one.
A question for help ("Can you help me with the router?", "what would you recommend for a
beginner?", "how do you reset it?", "where's the config file?") is still helped."""

from __future__ import annotations

import pytest

from persona6.extract import style as style_module
from persona6.extract.text import load_lexicon
from tests.extract.test_style import said, style


def test_the_producer_is_v23() -> None:
    assert style_module.NAME == "persona6.style.v27"
    assert load_lexicon("style")["version"] == 22


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Did you have any pets growing up?", "Yes, two cats and a very old tortoise called Fred."),
        ("What made you name her Tilly?", "She was born on a rainy day, so it just fit her."),
        (
            "Have you visited any other places?",
            "Only Lisbon so far, but Porto is next on the list.",
        ),
        ("what inspired you to paint it", "The sunset over the allotment last autumn, it stuck."),
        ("Wow, great view! Have you climbed there before?", "Twice, the second time in the rain."),
        ("do u still play chess online?", "yeah most nights, mostly blitz games with friends"),
        ("How long have you been knitting?", "About ten years now, my gran taught me."),
        ("Is that your new bike?", "It is, a steel frame tourer I picked up second hand."),
        ("What's your favourite board game?", "Probably Carcassonne, we play it every Sunday."),
    ],
)
def test_an_answer_to_a_question_about_oneself_helps_no_one(question: str, answer: str) -> None:
    session = [said(1, question, "u-ana"), said(2, answer, "u-ben")]
    assert "helps_others" not in style(session, "u-ben")


@pytest.mark.parametrize(
    "question",
    [
        "Can you help me with the router settings?",
        "what would you recommend for a beginner climber?",
        "How do you reset the aquarium filter?",
        "where's the config file for the tax export?",
        "Do you know where the spare chess clock is?",
        "any tips for blocking a knitted shawl?",
        "Which tyres should I get for winter riding?",
    ],
)
def test_an_answer_to_a_question_for_help_still_helps(question: str) -> None:
    session = [
        said(1, question, "u-ana"),
        said(2, "Sure, the one in the blue box works best, start from there.", "u-ben"),
    ]
    assert style(session, "u-ben")["helps_others"].value == "answers others"
