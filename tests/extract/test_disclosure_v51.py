"""persona6.disclosure.v51 (session 18, wave 3): "my X" that is a child said by its rank, a
section of the product's account, or an adjective standing for a noun said before."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def signals(text: str) -> dict[str, tuple[str, float]]:
    return {s.key: (s.value, s.polarity) for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v51() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "rank"),
    [
        ("my eldest is learning chess at school", "eldest"),
        ("My Youngest just started cycling without stabilisers", "youngest"),
        ("my oldest one hates knitting", "oldest"),
        ("im pregnant with my third so no climbing for a while", "third"),
        ("my firstborn turns 18 next week", "firstborn"),
        ("my second was born in march", "second"),
    ],
)
def test_an_ordinal_said_bare_is_a_child(text: str, rank: str) -> None:
    got = signals(text)
    assert got.get("family:child") == (f"has {rank} child", 1.0), got
    assert not [k for k in got if k.startswith("personal:")], got


@pytest.mark.parametrize(
    "text",
    [
        "my second was much better than my first",
        "my oldest friend plays bridge",
        "my eldest brother is a mechanic",
    ],
)
def test_an_ordinal_before_a_noun_or_without_a_child_is_no_child(text: str) -> None:
    got = signals(text)
    assert "family:child" not in got, got
    assert "personal:second" not in got and "personal:first" not in got, got


@pytest.mark.parametrize(
    "text",
    [
        "cant see the new seeds in my basket",
        "my dashboard shows the wrong tank temperature",
        "the chart on my profile page is blank",
        "my watchlist has vanished",
        "my shopping cart keeps emptying itself",
        "my notifications are off",
        "my electric one is quieter than the petrol mower",
        "my old ones were falling apart",
    ],
)
def test_an_account_section_or_a_bare_adjective_is_no_thing(text: str) -> None:
    got = signals(text)
    assert not [k for k in got if k.startswith(("personal:", "possessions:"))], got


def test_a_thing_said_with_its_noun_stays() -> None:
    assert "personal:chess set" in signals("my chess set was my grandads")
