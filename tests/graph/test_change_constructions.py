"""A change of mind said in any of the constructions the preference extractor reads (v41,
preferences.yaml general_readings) ends an earlier preference under another key, as "switched
to" does (graph.yaml ``change_cues``, by the same word classes): "went from X to Y", "swapped /
traded / exchanged X for Y", "replaced X with Y", "gave up X for Y", "ditched X", "X is out, Y
is in", "stopped V-ing X", "cut down to N".

End to end: the earlier preference is extracted from session 1, the change sentence from
session 2, and consolidation ends the old trait (valid_to, superseded) while the new one
starts. Neighbours that are no change leave it: another's change, an exchange with a person,
a "dropped" phone, a battery replaced, "went up to", an album that is out.
"""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference
from persona6.graph.consolidate import _is_change, config, consolidate
from persona6.types import Signal, Trait, TraitStatus


def _said(text: str, session: str, day: int) -> list[Signal]:
    return [
        s.model_copy(update={"session_id": session, "ts": f"2026-01-{day:02d}T10:00:00.000000Z"})
        for s in extracted(preference.NAME, text, "u1")
    ]


def _traits(first: str, then: str) -> tuple[list[Trait], set[str]]:
    earlier, later = _said(first, "s1", 1), _said(then, "s2", 9)
    assert earlier, f"session 1 states no preference: {first!r}"
    return consolidate("u1", [*earlier, *later]), {s.key for s in later}


@pytest.mark.parametrize(
    ("first", "then", "old"),
    [
        (
            "I really like dark roast coffee.",
            "I swapped coffee for green tea.",
            "dark roast coffee",
        ),
        (
            "I love using Sketch for wireframes.",
            "I've replaced Sketch with Figma.",
            "using sketch for wireframes",
        ),
        (
            "I prefer running on the treadmill.",
            "I gave up the treadmill for trail runs.",
            "running on the treadmill",
        ),
        (
            "I like paper notebooks for planning.",
            "I went from paper notebooks to Notion.",
            "paper notebooks for planning",
        ),
        ("I enjoy spicy ramen for lunch.", "Ramen is out, salads are in.", "spicy ramen for lunch"),
        (
            "I love energy drinks before the gym.",
            "I ditched energy drinks.",
            "energy drinks before the gym",
        ),
        ("I love Spotify Premium.", "I traded Spotify for Apple Music.", "spotify premium"),
        ("I like watching Netflix at night.", "I dropped Netflix for books.", "watching netflix"),
        ("I prefer Windows laptops.", "i jumped from windows to mac", "windows laptops"),
        ("I love sugar in my tea.", "I cut out sugar completely.", "sugar in my tea"),
        ("I like Chrome for browsing.", "chrome is out, firefox is in", "chrome for browsing"),
        ("I love soda with dinner.", "I've given up soda.", "soda with dinner"),
        (
            "I like lattes with whole milk.",
            "I exchanged whole milk for oat milk.",
            "lattes with whole milk",
        ),
        ("I like my 5 coffees a day.", "I cut down to 2 coffees a day.", "5 coffees a day"),
        (
            "I love ordering Uber Eats.",
            "I dumped Uber Eats for cooking at home.",
            "ordering uber eats",
        ),
    ],
)
def test_a_change_in_a_general_construction_ends_the_earlier_preference(
    first: str, then: str, old: str
) -> None:
    traits, later = _traits(first, then)
    by_key = {t.key: t for t in traits}
    ended = by_key[old]
    assert ended.status is TraitStatus.SUPERSEDED and ended.valid_to is not None
    started = [by_key[k] for k in later if by_key[k].polarity != 0]
    assert started and all(t.valid_to is None for t in started)
    assert ended.valid_to == started[0].valid_from


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("I like the window seat.", "I swapped seats with my friend, I like the aisle."),
        ("I love Android phones.", "My sister switched from Android to iPhone, she loves it."),
        ("I like coffee.", "I dropped my phone, but I love tea."),
        ("I like Slack.", "I love Teams."),
        ("I like dark mode.", "I replaced the battery and I like light mode."),
    ],
)
def test_neighbours_end_nothing(first: str, then: str) -> None:
    traits, later = _traits(first, then)
    assert all(t.valid_to is None for t in traits if t.key not in later)


@pytest.mark.parametrize(
    "quote",
    [
        "I never stopped loving jazz",
        "we went up to the roof",
        "The new album is out and I love it",
        "I dropped my phone",
        "I don't want any more than two",
    ],
)
def test_these_are_no_statements_of_change(quote: str) -> None:
    assert not _is_change(quote, config())


@pytest.mark.parametrize(
    "quote",
    [
        "We moved from Excel to YNAB for budgets.",
        "I stopped drinking soda",
        "scaled back to three sessions a week",
        "I don't take sugar any more",
        "we ditched Slack",
    ],
)
def test_these_are_statements_of_change(quote: str) -> None:
    assert _is_change(quote, config())
