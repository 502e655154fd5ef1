"""preference.v53: a request or a want tied to one occasion is of that occasion, no standing
want, wherever its scope stands in the sentence (preferences.yaml ``occasion_scopes`` over
``occasions`` and ``days``): "For Saturday's party can you make the cake gluten-free?", "For
the wedding on the 12th, please avoid lilies", "For tomorrow's ride, I want a flatter route",
"This weekend I'd like a vegetarian menu", "... for Saturday".

Unchanged: a standing marker ("I always want window seats", "from now on I want quiet hotels
for every trip"), a request with no occasion ("Please use metric units"), a taste
("I prefer vegetarian food, for Saturday's party too").
"""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def claims(text: str) -> list[tuple[str, float]]:
    return [(s.key, s.polarity) for s in extracted(preference.NAME, text, "u1")]


def test_the_producer_is_v53() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    "text",
    [
        "For the wedding on the 12th, please avoid lilies in the bouquets",
        "For tomorrow's ride, I want a flatter route",
        "No onions in Friday's order please",
        "for our trip next month I want quiet hotels",
        "This weekend I'd like a vegetarian menu",
        "I want extra icing on the cake for Saturday",
        "I'd like a quiet room for Friday that faces the garden",
        "for my sister's birthday on the 3rd I want a chocolate cake",
    ],
)
def test_a_request_for_one_occasion_is_no_standing_want(text: str) -> None:
    assert claims(text) == []


@pytest.mark.parametrize(
    ("text", "key", "polarity"),
    [
        ("I always want window seats", "window seats", 1.0),
        ("from now on I want quiet hotels for every trip", "quiet hotels", 1.0),
        ("Please use metric units", "metric units", 1.0),
        ("I prefer vegetarian food, for Saturday's party too", "vegetarian food", 1.0),
        ("Sunday, please.", "sunday", 1.0),
    ],
)
def test_standing_wants_and_tastes_stay(text: str, key: str, polarity: float) -> None:
    assert (key, polarity) in claims(text)
