"""preference.v35 (review 8 P3): a side of a choice may open on a number with its unit ("90-day
supply", "2 litres"), and the other side may be its bare number, of the same unit: "90-day
supply, not 30." asks for `90-day supply` against `30-day supply` (was nothing). A bare number
with no number and unit on the other side stays nothing ("Tea, not 2.")."""

from __future__ import annotations

import pytest
from helpers import bot, extracted, said

from persona6.extract import EXTRACTORS, preference


def values(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v35() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        ("90-day supply, not 30.", "90-day supply", "30-day supply"),
        ("90-day, not 30", "90-day", "30-day"),
        ("2 litres, not 3.", "2 litres", "3 litres"),
        ("90-day supply rather than 30-day, please.", "90-day supply", "30-day"),
        ("The 12-month plan, not the 1-month plan.", "12-month plan", "1-month plan"),
    ],
)
def test_a_number_with_its_unit_is_a_side_of_a_choice(text: str, chosen: str, other: str) -> None:
    found = values(text)
    assert found[chosen].startswith("asks for ")
    assert found[other].startswith("against ")


def test_the_bare_number_after_a_statement_is_still_a_choice() -> None:
    found = EXTRACTORS[preference.NAME].extract(
        [
            bot(
                1, "Sure. Many caregivers prefer 30-day fills so they can adjust doses more easily."
            ),
            said(2, "90-day supply, not 30."),
        ]
    )
    assert {s.key: s.polarity for s in found} == {"90-day supply": 1.0, "30-day supply": -1.0}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tea, not 2.", {}),  # a bare number of no unit
        ("90-day supply, not 30?", {}),  # a question
        ("Metric units, not cups.", {"metric units": 1.0, "cups": -1.0}),
        ("Two scoops, not three.", {"two scoops": 1.0, "three": -1.0}),
        ("I want 5, not 3.", {"5": 1.0, "3": -1.0}),
    ],
)
def test_neighbours_stay(text: str, expected: dict[str, float]) -> None:
    assert {s.key: s.polarity for s in extracted(preference.NAME, text, "u1")} == expected
