"""persona6.disclosure.v47 (session 18): a job, a role, a department, a team or an employer
moved to is a change of work."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def signals(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v47() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I moved to a new job in March", "work:moved to a new job"),
        ("moved to a new role at the bank last month", "work:moved to a new role"),
        ("i moved to the data team in january", "work:moved to the data team"),
        (
            "Moved to a different department after the merger",
            "work:moved to a different department",
        ),
        ("moved to a new employer in 2021", "work:moved to a new employer"),
        ("I've just moved to a new role, much less travel", "work:moved to a new role"),
    ],
)
def test_a_move_to_a_job_is_work(text: str, key: str) -> None:
    found = signals(text)
    assert key in found, found
    assert not [k for k in found if k.startswith("home:")], found


@pytest.mark.parametrize(
    "text",
    [
        "My husband moved to a new job in Leeds",
        "Have you moved to a new job yet?",
        "If I move to a new job I'll lose my pension",
        "We moved the ticket to a new team queue",
        "I moved to a new job board for hiring",
        "we moved to a new broadband company",
    ],
)
def test_no_move_of_the_speakers_work_is_read_here(text: str) -> None:
    assert not [k for k in signals(text) if k.startswith("work:moved")]
