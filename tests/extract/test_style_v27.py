"""persona6.style.v27: a style request counts only where it is asked of the answer
(``request_guards``): not refused ("Please don't use a table"), not the speaker's own summing-up,
not another's order reported or advice for another audience, not with a thing other than the
answer as its object ("boil it down to a syrup"); read by frames that ask of a thing learnt, not
of any past ("pretend I never used excel", not "imagine I never met her"); and a second format
joined by "and" to a request is read too ("use a numbered list and a casual tone")."""

from __future__ import annotations

import pytest

from persona6.extract import style as style_module
from persona6.extract.style import StyleExtractor
from persona6.extract.text import load_lexicon
from tests.extract.test_style import said

_MEASURED = {"verbosity", "mode", "pace", "time_of_day", "session_length", "warmth"}


def observed(text: str) -> set[str]:
    """The format values and the other observed keys of one message."""
    found = StyleExtractor().extract([said(1, text)])
    return {s.value if s.key == "format" else s.key for s in found if s.key not in _MEASURED}


def test_the_producer_is_v27() -> None:
    assert style_module.NAME == "persona6.style.v27"
    assert load_lexicon("style")["version"] == 22


@pytest.mark.parametrize(
    "text",
    [
        # refused, not asked
        "Please don't use a table, just plain text.",
        "please don't use bullet points, prose reads better to me",
        "Don't make it snappier, it's fine as is.",
        "dont make it shorter, I like the detail",
        # another's order reported, advice for another audience
        "My boss told me to keep it short in the meeting, so I did.",
        "mum always says dont dumb it down for the little ones",
        "Never skip the steps when you bleed the brakes, the mechanic said.",
        "You don't have to sound like a lawyer, the judge said to me.",
        "Our quiz sheet says answer in one word for each question.",
        "don't keep it brief when you toast the bride",
        # the speaker's own summing-up
        "So to put it in a nutshell, we're moving to Lisbon in May.",
        "Let me sum it up in one sentence: I'm broke.",
        # a thing other than the answer as the object
        "Boil it down to a syrup, then add the lemon zest.",
        "Simmer the stock for an hour. Boil it down by half.",
        "Go as deep as you like with the shovel, there are no cables.",
        "Never gloss over the details in a contract, that's how you get burned.",
        "Two lines is plenty for the birthday card, she won't read more.",
        "A short version is good enough for the newsletter, the full article goes on the blog.",
        "i'll go with the table by the fireplace",
        "The school must maintain a formal register of attendance.",
        "should I prune the apple tree or just cut it down?",
        "Dig as deep as you want, the pipes are lower than you think.",
        "We love the nitty gritty of engine rebuilds on that channel.",
        # a past supposed, not a skill never learnt
        "Imagine I never met her, would I still live in Leeds?",
        "Assume I never moved the money, would the bank charge me?",
        "Pretend I've never been to Japan, what should I see first?",
        # a taste, not a request to explain simply
        "I'm not a morning person so I keep breakfast simple.",
        # a thing's place, not a claim's source
        "Tell me where you saw it, I've lost my keys again.",
        # a plan before an act that is no work on the thing
        "We should plan the wedding before telling anyone.",
        "should I sketch the portrait before inking it?",
    ],
)
def test_a_request_not_asked_of_the_answer_is_none(text: str) -> None:
    assert observed(text) == set(), text


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("use a numbered list and a casual tone", {"numbered list", "casual tone"}),
        ("keep it short and in bullet points", {"short answers", "bullet points"}),
        ("give me a numbered list and keep it brief", {"numbered list", "short answers"}),
        ("table please and make it formal", {"table", "formal tone"}),
        ("Reply in a table and keep it under 5 lines", {"table", "short answers"}),
        ("Write it in a table and also make it short", {"table", "short answers"}),
        ("i dont need you to keep it short, go as deep as u like", {"detailed answers"}),
        ("don't tl;dr me, I want everything", set()),
        ("Just give me the one-line answer.", {"short answers"}),
        ("cant u be chattier", {"casual tone"}),
        ("honestly one line is fine, i just need the command", {"short answers"}),
    ],
)
def test_formats_joined_and_refused(text: str, asked: set[str]) -> None:
    assert observed(text) == asked, text


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # the neighbours stay
        ("trim that down to the key points", "short answers"),
        ("go as deep as you like on the tax side", "detailed answers"),
        (
            "pretend i never used excel before, how do pivot tables work",
            "asks_for_simple_explanations",
        ),
        ("Assume I've never cooked rice before. What ratio?", "asks_for_simple_explanations"),
        (
            "I'm not a tech person, could you explain what a VPN does?",
            "asks_for_simple_explanations",
        ),
        ("Can you show me the plan before booking the flights?", "plans_before_acting"),
        ("can you show me where you read that about the visa rules", "asks_for_sources"),
        ("no need to oversimplify, I'm a nurse", "detailed answers"),
        ("Stop being so formal lol", "casual tone"),
        ("A table would be great for the budget", "table"),
    ],
)
def test_a_request_of_the_answer_stays(text: str, key: str) -> None:
    assert key in observed(text), text


def test_a_format_joined_alone_is_no_request() -> None:
    """The neighbour of the conjoined frame: "and a table" with no other format asked."""
    assert observed("I bought a chair and a table") == set()
