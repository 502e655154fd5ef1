"""persona6.style.v26: each format asked is a signal of its own (``format``, value the format),
citing only the requests for it: two formats asked in one message ("bullet points please, and
keep it short") or in one session are two signals, where v22-v25 kept the one asked most and
lost the other."""

from __future__ import annotations

import pytest

from persona6.extract import style as style_module
from persona6.extract.text import load_lexicon
from tests.extract.test_style import formats, said


def test_the_producer_is_v26() -> None:
    assert style_module.NAME == "persona6.style.v27"
    assert load_lexicon("style")["version"] == 22


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("bullet points please, and keep it short", {"bullet points", "short answers"}),
        ("A table would be great for the budget, and please use headings.", {"table", "headings"}),
        ("keep it professional and use bullet points", {"formal tone", "bullet points"}),
        ("numbered list pls. tl;dr please", {"numbered list", "short answers"}),
    ],
)
def test_two_formats_in_one_message_are_two_signals(text: str, asked: set[str]) -> None:
    found = formats([said(1, text)])
    assert set(found) == asked, text
    quotes = {value: [e.quote for e in s.evidence] for value, s in found.items()}
    # each cites the sentence of its own request, within the message
    assert all(q and all(x in text for x in q) for q in quotes.values()), quotes


def test_two_formats_in_one_session_each_cite_their_own_message() -> None:
    found = formats(
        [
            said(1, "Put the seed varieties in a table please."),
            said(2, "what about tomatoes?"),
            said(3, "keep it short pls"),
        ]
    )
    assert {v: s.context["event_ids"] for v, s in found.items()} == {
        "table": ["e1"],
        "short answers": ["e3"],
    }
    assert found["table"].measure == found["short answers"].measure == 1.0


def test_one_format_asked_twice_is_one_signal() -> None:
    """The neighbour: one format asked in two messages is one signal, measure 2."""
    found = formats([said(1, "bullets please"), said(2, "bullet points pls")])
    assert list(found) == ["bullet points"]
    assert found["bullet points"].measure == 2.0


# -- style requests said in other words, read by frames (a request verb, an imperative or a
# wish, with a word of the answer's shape) --------------------------------------------------


def observed(text: str) -> set[str]:
    """The format values and the other observed keys of one message."""
    from persona6.extract.style import StyleExtractor

    measured = {"verbosity", "mode", "pace", "time_of_day", "session_length", "warmth"}
    found = StyleExtractor().extract([said(1, text)])
    return {s.value if s.key == "format" else s.key for s in found if s.key not in measured}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("tl;dr me on the new tax rules", "short answers"),
        ("one line is fine", "short answers"),
        ("Quick answer is fine, I don't need the history.", "short answers"),
        ("give it to me in a sentence or two", "short answers"),
        ("no need for a long answer, yes or no will do", "short answers"),
        ("can you make it snappier? that was a lot to read", "short answers"),
        ("Could you trim that down? I only need the key numbers.", "short answers"),
        ("go as deep as you like on the chord theory", "detailed answers"),
        ("don't dumb it down, I'm a nurse", "detailed answers"),
        ("I want the nitty gritty on how index funds rebalance", "detailed answers"),
        ("no need to simplify, I've been coding for 15 years", "detailed answers"),
        ("give me the long version, I've got time", "detailed answers"),
        ("happy to read a wall of text if it's thorough", "detailed answers"),
        ("you can get technical with me, i work in a lab", "detailed answers"),
        ("Please don't skip any steps or details, it's my first time.", "detailed answers"),
        ("shouldn't we outline the chapters before writing?", "plans_before_acting"),
        ("before we dive in, mind walking me through the approach?", "plans_before_acting"),
        ("show me your plan before changing any of the config", "plans_before_acting"),
        ("pretend I've never touched a spreadsheet", "asks_for_simple_explanations"),
        ("talk me through it as if I've never gardened", "asks_for_simple_explanations"),
        ("keep it beginner-friendly please", "asks_for_simple_explanations"),
        (
            "im not a music person at all, explain it for a normal human",
            "asks_for_simple_explanations",
        ),
        ("can you show me where you read that about the visa rules", "asks_for_sources"),
        ("Which website says that the ferry runs on Sundays?", "asks_for_sources"),
        ("relax, you don't have to sound like a bank", "casual tone"),
        ("can you be chattier?", "casual tone"),
        ("a bit more polished please, this is for my boss", "formal tone"),
        ("Please maintain a formal register in your replies.", "formal tone"),
    ],
)
def test_a_style_request_in_other_words(text: str, key: str) -> None:
    assert key in observed(text), text


@pytest.mark.parametrize(
    "text",
    [
        "the gist of the movie was that the dog survives",
        "one line of code fixed it",
        "the tl;dr of the meeting: we ship Friday",
        "he went as deep as he could into the cave",
        "my sister wants the long version of the story, she loves drama",
        "the nitty gritty of tax law bores me",
        "I'm new to the neighbourhood, any good bakeries?",
        "I've never owned a car, is insurance expensive?",
        "can we go to the market before doing anything else?",
        "no need to be formal at the wedding, the invite says casual",
        "where's the charger from? it's not ours",
        "she talks to me like a friend, which is nice",
    ],
)
def test_no_style_request_in_a_thing_of_the_same_words(text: str) -> None:
    assert not observed(text), text


def test_simplification_refused_asks_for_detail_not_simplicity() -> None:
    assert observed("don't dumb it down for me") == {"detailed answers"}
    assert observed("no need to keep it short, I have all afternoon") == {"detailed answers"}


def test_two_formats_in_other_words_in_one_message() -> None:
    assert observed("numbered steps and short sentences please") == {
        "numbered list",
        "short answers",
    }
    assert observed("a table would help, and please use headings") == {"table", "headings"}
