"""persona6.style.v17 (end-to-end probe 10): a figure of the answer doubted as it seems, hedged
("that seems way too high for 32mm tyres, no?"), challenges the answer; the steps asked for
before the speaker acts ("Outline the whole process for me before I start mashing in") plan
before acting; the reasoning behind what was just said asked for ("explain the reasoning behind
it") asks for its derivation. Each rule is checked on sentences of other domains than the
probe's, and on neighbours that must stay unchanged."""

from __future__ import annotations

import pytest

from persona6.extract import style as style_module
from persona6.extract.text import load_lexicon
from tests.extract.test_style import bot, said, style


def test_the_producer_is_v17() -> None:
    assert style_module.NAME == "persona6.style.v27"
    assert load_lexicon("style")["version"] == 22


def _after_answer(text: str, answer: str = "Set the oven to 250C for the whole bake.") -> dict:
    return style([said(1, "How hot should the oven be?"), bot(2, answer), said(3, text)])


# --- a figure of the answer doubted as it seems ---------------------------------------------


@pytest.mark.parametrize(
    ("answer", "doubt"),
    [
        (
            "You should inflate road tyres to 120 psi.",
            "Hmm, that seems way too high for 32mm tyres, no?",
        ),
        (
            "Set the oven to 250C for the whole bake.",
            "That sounds a bit high for a sourdough loaf.",
        ),
        ("Budget 40 hours for the migration.", "this looks too low for a database that size"),
        (
            "Give her 500 mg every four hours.",
            "That seems like a lot... it seems too much for a child?",
        ),
        ("The rent should be about 3,000 a month.", "Hmm, that seems off for a one-bed flat."),
    ],
)
def test_a_hedged_doubt_of_the_answers_figure_challenges_it(answer: str, doubt: str) -> None:
    assert "challenges_answers" in _after_answer(doubt, answer)


@pytest.mark.parametrize(
    "text",
    [
        "That sounds good, thanks.",
        "That seems too good to be true!",
        "This looks high quality, ordering it now.",
        "it looks great, let's go with it",
        "Does that seem high to you?",
    ],
)
def test_agreement_and_other_seemings_challenge_nothing(text: str) -> None:
    assert "challenges_answers" not in _after_answer(text)


def test_a_doubt_with_no_answer_before_it_challenges_nothing() -> None:
    session = [
        said(1, "My neighbour quoted 900 for the fence."),
        said(2, "That seems way too high."),
    ]
    assert "challenges_answers" not in style(session)


# --- the steps asked for before acting -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Outline the whole process for me before I start mashing in.",
        "Walk me through the steps before we sign anything.",
        "Lay out the full procedure first, then I'll begin.",
        "Give me all the steps before I start repotting the orchids.",
        "Can you spell out the exact sequence up front? I don't want to brick the router.",
    ],
)
def test_the_steps_asked_for_before_acting_plan(text: str) -> None:
    assert "plans_before_acting" in style([said(1, text)])


@pytest.mark.parametrize(
    "text",
    [
        "Outline the process for writing a grant application.",
        "Tell me the steps after I finish the course.",
        "List the stages of mitosis.",
        "I started before the steps were posted.",
    ],
)
def test_steps_of_a_thing_to_learn_plan_nothing(text: str) -> None:
    assert "plans_before_acting" not in style([said(1, text)])


# --- the reasoning behind what was just said --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Don't just tell me the pace, explain the reasoning behind it.",
        "Walk me through the logic behind that estimate.",
        "What's the rationale for this dosage?",
        "Ok, explain your reasoning.",
        "Please explain the maths behind your recommendation.",
    ],
)
def test_the_reasoning_behind_the_answer_asks_for_derivation(text: str) -> None:
    found = _after_answer(text, "Run your easy miles at 6:10 per km.")
    assert "asks_for_sources" in found


@pytest.mark.parametrize(
    "text",
    [
        "Explain the reasoning behind the 4% rule.",
        "Explain the logic of recursion to a beginner.",
        "What's the reasoning behind daylight saving time?",
        "Explain the rules of cricket.",
    ],
)
def test_the_reasoning_of_a_topic_is_a_lesson(text: str) -> None:
    found = _after_answer(text, "Run your easy miles at 6:10 per km.")
    assert "asks_for_sources" not in found
