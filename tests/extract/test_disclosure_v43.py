"""persona6.disclosure.v43 (session 18): a value stops where a run-on clause begins: "so" before
a gerund subject, a subject pronoun or "it" before a finite verb, "which means", "and then"."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def signals(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v43_or_later() -> None:
    assert int(disclosure.NAME.rsplit(".v", 1)[1]) >= 43


@pytest.mark.parametrize(
    ("text", "key", "left"),
    [
        (
            "Ive got arthritis in both thumbs so centring anything over about 2 kilos is agony",
            "health:arthritis in both thumbs",
            "centring",
        ),
        ("i have a bad back so lifting compost bags is a nightmare", "health:bad back", "lifting"),
        ("I have diabetes so checking my sugar is a daily thing", "health:diabetes", "checking"),
        ("i have a 60l tank it is planted", "possessions:60l tank", "planted"),
        ("i have asthma btw", "health:asthma", "btw"),  # chat filler, as in other values
        (
            "every time I sync the logbook it takes a good five minutes",
            "habits:sync the logbook",
            "takes",
        ),
        (
            "I've got a dodgy knee which makes the descents painful",
            "possessions:dodgy knee",
            "which",
        ),
    ],
)
def test_the_value_stops_at_the_run_on_clause(text: str, key: str, left: str) -> None:
    found = signals(text)
    assert key in found, found
    assert not [k for k, v in found.items() if left in k or left in v], found


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I have two cats and a dog", "pets:two cats and a dog"),
        ("I go climbing every saturday", "habits:go climbing every saturday"),
        ("I have diabetes and I check my sugar before rides", "health:diabetes"),
    ],
)
def test_a_value_without_a_run_on_clause_is_unchanged(text: str, key: str) -> None:
    assert key in signals(text)


def test_so_after_a_copula_is_no_run_on() -> None:
    found = signals("my job is so exhausting")
    assert not [k for k in found if k.startswith("possessions:")], found
    # the value runs on past "so": a copula's degree word opens no new clause
    assert found.get("work:job is so exhausting") == "their job is so exhausting", found
