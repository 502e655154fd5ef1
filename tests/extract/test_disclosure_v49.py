"""persona6.disclosure.v49 (session 18): a job parted with at a named employer is work there
no longer."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def signals(text: str) -> dict[str, tuple[str, float]]:
    return {s.key: (s.value, s.polarity) for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v49() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Since I lost my job at Door Dash, things have been tough.", "work:work at door dash"),
        ("i left my job at Tesco in may", "work:work at tesco"),
        ("I quit my job at the bank last year", "work:work at the bank"),
        ("quit my position with the council in 2020", "work:work at the council"),
        ("got laid off from my job at Boeing last week", "work:work at boeing"),
        ("I resigned from my role at the museum after ten years", "work:work at the museum"),
    ],
)
def test_a_job_left_at_an_employer_is_work_no_longer(text: str, key: str) -> None:
    found = signals(text)
    assert key in found, found
    assert found[key][1] < 0
    assert found[key][0].startswith("no longer works at")


@pytest.mark.parametrize(
    "text",
    [
        "I'll quit my job at the bank",
        "I might leave my job at Tesco",
        "my brother lost his job at Ford",
        "If I left my job at the bank I'd be broke",
        "I love my job at the library",
        "did you quit your job at Amazon?",
        "I left my keys at work",
    ],
)
def test_no_job_left_of_the_speakers_is_read_here(text: str) -> None:
    assert not [k for k, v in signals(text).items() if v[0].startswith("no longer works")]
