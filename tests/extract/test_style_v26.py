"""persona6.style.v26: each format asked is a signal of its own (``format``, value the format),
citing only the requests for it: two formats asked in one message ("bullet points please, and
keep it short") or in one session are two signals, where v22-v25 kept the one asked most and
lost the other."""

from __future__ import annotations

import pytest

from persona6.extract import style as style_module
from tests.extract.test_style import formats, said


def test_the_producer_is_v26() -> None:
    assert style_module.NAME == "persona6.style.v26"


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
