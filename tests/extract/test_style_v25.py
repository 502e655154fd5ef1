"""persona6.style.v25: a length of answer asked for is the style ``format`` valued "short
answers" or "detailed answers" (``length_requests``), in any of the ways English asks it: kept
short or brief, a most of lines, tl;dr, the last answer too long, just the thing without the
explanation, being concise; going into detail, being thorough, not holding back, long answers
not minded. Not the speaker's own brevity, a thing kept short, another thing too long, a task's
word limit, nor a thing said to be detailed. ``verbosity`` stays what it measures: how long
the person's own messages are."""

from __future__ import annotations

import pytest

from persona6.extract import style as style_module
from persona6.extract.text import load_lexicon
from tests.extract.test_style import bot, said, style


def test_the_producer_is_v26() -> None:
    assert style_module.NAME == "persona6.style.v27"
    assert load_lexicon("style")["version"] == 22


def after_an_answer(text: str) -> dict:
    return style([said(1, "how do i prune a pear tree?"), bot(2, "Cut in winter."), said(3, text)])


def asked_format(text: str) -> str | None:
    signal = after_an_answer(text).get("format")
    return None if signal is None else signal.value


@pytest.mark.parametrize(
    "text",
    [
        "keep it short pls",
        "Max 3 lines.",
        "tl;dr please",
        "that was way too long",
        "could you keep replies shorter?",
        "please more short answer",
        "just the commands, no explanation",
        "Be concise when you answer about my tax return.",
        "no essays please, just tell me which chess opening",
        "one or two sentences max",
        "ur answers r too long",
        "i dont need the backstory, just the number",
        "cut to the chase, which tyre pressure?",
        "i prefer short answers",
    ],
)
def test_a_request_for_short_answers(text: str) -> None:
    assert asked_format(text) == "short answers", text


@pytest.mark.parametrize(
    "text",
    [
        "go into as much detail as you like",
        "feel free to be thorough",
        "dont hold back on the details, i want to understand my knitting machine",
        "Long answers are fine, I like the full reasoning.",
        "I don't mind long answers",
        "the longer the better, tell me everything about pruning roses",
        "can you be more detailed",
        "write as much as you need",
    ],
)
def test_a_request_for_detailed_answers(text: str) -> None:
    assert asked_format(text) == "detailed answers", text


@pytest.mark.parametrize(
    "text",
    [
        "I'll keep it short: the cat is sick.",
        "keep the grass short in summer",
        "i like to keep short hair",
        "the film was way too long",
        "My son's explanation was way too long.",
        "Write an essay of no more than 500 words about Brexit.",
        "the meeting went into a lot of detail",
        "The report is thorough and detailed.",
        "The wedding speech should be short and sweet.",
        "please describe in detail how the castle was built",
        "Write a detailed description of a medieval castle.",
    ],
)
def test_the_same_words_of_another_kind_ask_no_length(text: str) -> None:
    assert asked_format(text) is None, text


def test_a_terse_writer_asking_for_detail_is_not_read_as_wanting_short_answers() -> None:
    found = after_an_answer("more detail please")
    assert found["verbosity"].value == "terse"
    assert found["format"].value == "detailed answers"


@pytest.mark.parametrize(
    "text",
    [
        "can we map out the steps before you do anything?",
        "should we plan this first?",
        "maybe we should plan the route first?",
        "do you want to sketch out a plan first?",
        "lets plan it out first",
        "maybe we should make a checklist first?",
    ],
)
def test_a_plan_asked_for_as_a_question_or_suggestion(text: str) -> None:
    assert "plans_before_acting" in after_an_answer(text), text


@pytest.mark.parametrize(
    "text",
    [
        "we should make dinner first",
        "can we go through the photos first?",
        "should we plant the tomatoes first?",
        "should we call mum first?",
    ],
)
def test_another_act_first_is_no_plan(text: str) -> None:
    assert "plans_before_acting" not in after_an_answer(text), text


@pytest.mark.parametrize(
    "text",
    [
        "explain it like im a total newbie",
        "explain it to a novice",
        "explain as if to someone new to chess",
        "talk to me like a newbie please",
        "im new to this, explain slowly",
        "Could you explain this to a beginner?",
    ],
)
def test_a_beginner_named_asks_for_simple_explanations(text: str) -> None:
    assert "asks_for_simple_explanations" in after_an_answer(text), text


@pytest.mark.parametrize(
    "text",
    [
        "my brother is a beginner at climbing",
        "The book explains it for beginners.",
        "my daughter is new to chess, she loves it",
        "I want to explain it to my boss",
    ],
)
def test_a_beginner_talked_about_asks_nothing(text: str) -> None:
    assert "asks_for_simple_explanations" not in after_an_answer(text), text


@pytest.mark.parametrize(
    ("text", "tone"),
    [
        ("can you be less formal", "casual tone"),
        ("no need to be so stiff", "casual tone"),
        ("talk to me like a mate", "casual tone"),
        ("drop the formalities pls", "casual tone"),
        ("you dont have to be so formal with me", "casual tone"),
        ("keep it professional please", "formal tone"),
        ("Please reply in a more professional manner.", "formal tone"),
    ],
)
def test_a_tone_asked_for_in_other_words(text: str, tone: str) -> None:
    assert asked_format(text) == tone, text


@pytest.mark.parametrize(
    "text",
    [
        "he talks to me like a mate",
        "the dinner was very formal",
        "she was so stiff after the climb",
        "Formal dress is required at the gala.",
    ],
)
def test_a_manner_talked_about_asks_no_tone(text: str) -> None:
    assert asked_format(text) is None, text
