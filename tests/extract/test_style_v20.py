"""persona6.style.v20 (end-to-end probe 12 st02): the grounds of what was just said asked for in
the other words of English, with or without apostrophes or in chat spelling, is
``asks_for_sources``; pushback put in them is ``challenges_answers``. A question of the person's
own doings, thanks and a request for an edit are neither."""

from __future__ import annotations

import pytest

from persona6.extract import style as style_module
from persona6.extract.text import load_lexicon
from tests.extract.test_style import bot, said, style


def test_the_producer_is_v20() -> None:
    assert style_module.NAME == "persona6.style.v27"
    assert load_lexicon("style")["version"] == 22


def after_answer(answer: str, text: str) -> set[str]:
    return set(style([said(1, "help please"), bot(2, answer), said(3, text)]))


@pytest.mark.parametrize(
    ("answer", "text"),
    [
        ("The average rent in Leeds is 1,100 pounds a month.", "what are you basing that on"),
        ("The warranty covers water damage.", "whats that based on"),
        ("Dogs should not eat grapes in any amount.", "where r u getting this from"),
        ("Sourdough has a lower glycemic index.", "Any studies on that?"),
        ("Your visa allows 90 days.", "is that official or just your guess"),
        ("The train pass is cheaper after 9am.", "who says so"),
        ("Cold showers boost immunity.", "what makes you say that?"),
        ("The form is due on the 5th.", "based on what?"),
    ],
)
def test_the_grounds_asked_for_are_a_source_request(answer: str, text: str) -> None:
    assert "asks_for_sources" in after_answer(answer, text)


@pytest.mark.parametrize(
    ("answer", "text"),
    [
        ("The museum opens at 8.", "hmm no, it opens at 10 on sundays"),
        ("You can claim the full cost of the car.", "I really dont think thats correct"),
        ("The battery lasts 12 hours.", "thats not what the box says"),
        (
            "Tomatoes are best stored in the fridge.",
            "really? everything I've read says the opposite",
        ),
        ("The speed limit there is 70.", "you sure about that? the signs say 50"),
        ("The loan is interest free.", "that doesnt add up"),
        ("Eating carrots improves night vision.", "that's a myth"),
        ("You can deduct the whole car.", "but surely only the work miles count?"),
    ],
)
def test_pushback_in_other_words_challenges(answer: str, text: str) -> None:
    assert "challenges_answers" in after_answer(answer, text)


@pytest.mark.parametrize(
    ("answer", "text"),
    [
        ("Here's a pasta recipe.", "are you sure you can make it tonight"),
        ("Here's a plan for the week.", "thats right, thanks"),
        ("The shop is on Main Street.", "where did you get that cake you mentioned, looks great"),
        ("Here is the summary.", "can you make it shorter"),
        ("The capital of Peru is Lima.", "how do you say that in spanish"),
        ("Your order ships Monday.", "sure, sounds good"),
        ("Here are the steps.", "I will surely try this tonight"),
    ],
)
def test_questions_of_other_things_are_neither(answer: str, text: str) -> None:
    found = after_answer(answer, text)
    assert not {"asks_for_sources", "challenges_answers"} & found


@pytest.mark.parametrize(
    "text",
    ["please explain more easy, my english is not so good", "explain me like for beginner"],
)
def test_a_learner_asking_to_be_told_simply(text: str) -> None:
    assert "asks_for_simple_explanations" in after_answer("Here is the answer.", text)


@pytest.mark.parametrize(
    "text", ["give me simple recipe for dinner", "explain the easy way to do it"]
)
def test_a_simple_thing_asked_for_is_no_simple_explanation(text: str) -> None:
    assert "asks_for_simple_explanations" not in after_answer("Here is the answer.", text)


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("please you make a list for me", "command"),
        ("i want you make the list", "command"),
        ("i need that you check my email", "command"),
        ("i want you happy", None),
        ("please, you said it was fine", None),
    ],
)
def test_a_learner_request_is_a_command(text: str, mode: str | None) -> None:
    assert style_module.message_mode(text) == mode
