"""preference.v54: the evaluative comparative with an adjective's "-er" form (preferences.yaml
``liking_er_comparatives``: comfier, cosier, tastier, nicer ...; ``suitability_er_comparatives``
only "for me / to me": easier, simpler, sturdier, handier ...), as v50's "more satisfying than".

Unchanged (silent): a rating of a thing or a time ("The new road is faster than the old one",
"It was easier than I thought", "Today is colder than yesterday"), a question, someone else's,
a person ("She is nicer than her sister").
"""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def claims(text: str) -> list[tuple[str, float]]:
    return [(s.key, s.polarity) for s in extracted(preference.NAME, text, "u1")]


def test_the_producer_is_v54() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        ("wool socks r way comfier for me than cotton ones", "wool socks", "cotton socks"),
        ("Fleece is so much cosier than down jackets", "fleece", "down jackets"),
        ("paper maps are just easier for me than apps", "paper maps", "apps"),
        ("rim brakes r simpler to me compared to hydraulic ones", "rim brakes", "hydraulic brakes"),
        ("Steel frames feel sturdier to me than carbon", "steel frames", "carbon"),
        ("board games are heaps nicer than video games imo", "board games", "video games"),
    ],
)
def test_an_er_comparative_chooses(text: str, chosen: str, other: str) -> None:
    got = claims(text)
    assert (chosen, 1.0) in got, got
    assert (other, -1.0) in got, got


@pytest.mark.parametrize(
    "text",
    [
        "The new road is faster than the old one",
        "Is steel sturdier than aluminium?",
        "My brother says vinyl sounds warmer than CDs",
        "It was easier than I thought",
        "She is nicer than her sister",
        "Today is colder than yesterday",
        "This version is cheaper than the last one",
    ],
)
def test_neighbours_stay_silent(text: str) -> None:
    assert claims(text) == []
