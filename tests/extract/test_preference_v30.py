"""preference.v30: an arrow is a route or a step, no ">" of a choice."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def _claims(text: str) -> list[tuple[str, str]]:
    return [(s.key, s.value) for s in extracted(preference.NAME, text, "u1")]


def test_the_producer_is_v30_or_later() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    "text",
    [
        "hola 👋 lisbon -> paris, cheap cheap cheap 😅",
        "berlin -> munich tomorrow morning",
        "v1.2 => v1.3 went fine",
        "staging -> prod after lunch",
    ],
)
def test_an_arrow_chooses_nothing(text: str) -> None:
    assert _claims(text) == []


@pytest.mark.parametrize(
    ("text", "key", "other"),
    [
        ("tea > coffee", "tea", "coffee"),
        ("Cats >> dogs", "cats", "dogs"),
        ("tabs > spaces", "tabs", "spaces"),
    ],
)
def test_a_bare_greater_than_still_chooses(text: str, key: str, other: str) -> None:
    # preference.v41: the side after ">" is against, as after "over"
    assert [k for k, _ in _claims(text)] == [key, other]
