"""persona6.decision.v9: a time phrase ends a decision's object as it ends a fact ("switched from
samsara to motive in january" is samsara->motive, not "motive in january")."""

from __future__ import annotations

import pytest
from helpers import said

from persona6.extract.decision import NAME, DecisionExtractor


def summary(text: str) -> list[tuple[str, str]]:
    return sorted((s.key, s.value) for s in DecisionExtractor().extract([said(1, text)]))


def test_the_producer_is_v9() -> None:
    assert NAME == "persona6.decision.v21"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("switched from samsara to motive in january", [("samsara->motive", "switched")]),
        ("We moved from Jira to Linear a few weeks ago.", [("jira->linear", "switched")]),
        ("I switched to Notion since March", [("->notion", "switched")]),
        ("we went with the 10kW system back in 2023", [("10kw system", "chose")]),
        ("We picked the blue plan back when we started", [("blue plan", "chose")]),
        ("I cancelled the battery add-on in early May.", [("battery add-on", "rejected")]),
        ("I switched to Sheets in 2024", [("->sheets", "switched")]),
    ],
)
def test_a_time_phrase_is_no_part_of_what_was_chosen(text: str, expected: list) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month's name that is the thing chosen is kept: no time phrase without its preposition
        ("We went with the March release.", [("march release", "chose")]),
        ("I picked the 2023 model", [("2023 model", "chose")]),
    ],
)
def test_a_date_inside_the_name_stays(text: str, expected: list) -> None:
    assert summary(text) == expected
