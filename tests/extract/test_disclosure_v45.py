"""persona6.disclosure.v45 (session 18): a past form with a time of the present period is done,
no plan; a job, a role, a team, an office or a school moved to is no home."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def signals(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v45() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("this summer we finally moved to Tasmania", "home:tasmania"),
        ("this summer I moved to Leeds", "home:leeds"),
        ("this year we adopted a greyhound", "pets:greyhound"),
    ],
)
def test_a_past_act_this_period_is_done(text: str, key: str) -> None:
    found = signals(text)
    assert key in found, found
    assert not [k for k in found if k.startswith("plans:")], found


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I'll move to Leeds this summer", "plans:move to leeds"),
        ("we are moving to Leeds this summer", "plans:moving to leeds"),
    ],
)
def test_a_plan_this_period_stays_a_plan(text: str, key: str) -> None:
    assert key in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        "I moved to a new job in March",
        "I moved to a new role in the council",
        "we moved to a new office downtown",
        "she said I moved to a bigger team at work",
    ],
)
def test_a_move_of_work_is_no_home(text: str) -> None:
    assert not [k for k in signals(text) if k.startswith("home:")]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("we moved to a new flat last year", "home:new flat"),
        ("I moved to a bigger city", "home:bigger city"),
    ],
)
def test_a_move_of_home_stays(text: str, key: str) -> None:
    assert key in signals(text)
