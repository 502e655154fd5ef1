"""persona6.preference.v19: a marker inside an object of its own clause belongs to that clause:
"Could you explain why this generator never finishes?" asks nothing standing (was "asks always
to explain why this generator ...")."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def values(text: str) -> set[str]:
    return {s.value for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v19() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    "text",
    [
        "Hi! Could you explain why this generator in etl/stream.py never finishes?",
        "Can you tell me how it always ends up empty?",
        "Could you explain what never gets cached here?",
    ],
)
def test_a_marker_of_an_embedded_clause_is_no_standing_request(text: str) -> None:
    assert values(text) == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Could you always explain why a test fails before fixing it?",
            "asks always to explain why a test fails before fixing it",
        ),
        ("please always explain what you changed", "asks always to explain what you changed"),
        ("Can you always answer in short sentences?", "asks always to answer in short sentences"),
    ],
)
def test_a_marker_of_the_request_still_makes_it_standing(text: str, value: str) -> None:
    assert value in values(text)
