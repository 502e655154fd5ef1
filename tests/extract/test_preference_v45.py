"""preference.v45: a request framed by a scope (``choice_fragments`` ``scope_openers``,
``scope_words``).

An adjunct before the request, ended by a comma or by the asking ("For homework questions,
please only give me hints, not the full solution"), or after it to the end ("hints only please,
no full solution, for the practice problems") says where or when the choice holds: when the
sentence as said reads no choice, it is read again without the scope. A scope of the moment
stays a one-off (v32), and a clause that tells what happened is no request."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def signs(text: str) -> dict[str, float]:
    return {s.key: s.polarity for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v45() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        (
            "For homework questions, please only give me hints, not the full solution.",
            "hints",
            "full solution",
        ),
        (
            "hints only please, no full solution, for the practice problems.",
            "hints",
            "full solution",
        ),
        (
            "Please only give me hints, not the full solution, for the practice problems.",
            "hints",
            "full solution",
        ),
        (
            "When you reply, bullet points over long paragraphs please.",
            "bullet points",
            "long paragraphs",
        ),
        ("During the week, decaf instead of regular, thanks.", "decaf", "regular"),
        ("If you can, metric units, not cups.", "metric units", "cups"),
        ("When booking my flights, aisle seat, not the middle.", "aisle seat", "middle seat"),
        ("Going forward, for the weekly report, charts instead of tables.", "charts", "tables"),
        ("Plain text, not HTML, for the newsletters.", "plain text", "html"),
        ("Short answers, not essays, when I ask quick questions.", "short answers", "essays"),
        ("Window seat, not aisle, on long flights.", "window seat", "aisle seat"),
        ("Email rather than phone calls when I'm at work.", "email", "phone calls"),
        ("At work, text me, not email.", "text messages", "email"),
    ],
)
def test_a_scope_before_or_after_hides_no_request(text: str, chosen: str, other: str) -> None:
    found = signs(text)
    assert found.get(chosen) == 1.0, found
    assert found.get(other) == -1.0, found


@pytest.mark.parametrize(
    "text",
    [
        "Today, tea instead of coffee please.",  # a scope of the moment: one-off (v32)
        "Tonight, pizza, not pasta.",
        "For the practice problems today, hints only please, no full solution.",
        "On this trip, window seat, not aisle, for now.",
        "For homework questions, my teacher gives hints, not the full solution.",
        "On Fridays, the office closes at noon, not five.",
        "When I was a kid, we had a dog, not a cat.",
        "In the end, it was the battery, not the charger.",
        "For the record, my son is fine, not angry.",
        "During the storm, the roof leaked, not the windows.",
        "The meeting moved to Tuesday, not Monday, at the office.",
        "On Mondays, my boss wants reports, not slides.",
    ],
)
def test_no_request_in_the_scope_s_neighbours(text: str) -> None:
    assert signs(text) == {}


def test_a_request_without_scope_reads_as_before() -> None:
    assert signs("Please only give me hints, not the full solution.") == {
        "hints": 1.0,
        "full solution": -1.0,
    }
