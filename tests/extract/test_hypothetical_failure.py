"""failure.v14: a breakage supposed is no report (the shared guard ``text.supposed``): in a
condition, a case imagined or one that was not. A habit under a condition is one, and so is a
breakage said beside a condition, wished away or hedged."""

from __future__ import annotations

import pytest
from helpers import said

from persona6.extract.failure import NAME, find_failures


def reported(text: str) -> bool:
    return [f.name for f in find_failures([said(1, text)])] == ["user_reported"]


def test_version() -> None:
    assert NAME == "persona6.failure.v38"


@pytest.mark.parametrize(
    "text",
    [
        "Suppose I crashed a rental car, what happens?",
        "Imagine the app crashes during the exam.",
        "Had the sync failed, I would have lost my work.",
        "Let's say the export breaks halfway, do I lose my edits?",
    ],
)
def test_a_breakage_supposed_is_no_failure(text: str) -> None:
    assert not reported(text), text


@pytest.mark.parametrize(
    "text",
    [
        # a habit under a condition is met, not supposed
        "If I open it on Wi-Fi, the app always crashes.",
        # neighbours that stay reports
        "The sync failed again.",
        "The app keeps crashing, what if I reinstall?",
        "I wish it would stop crashing.",
        "maybe the sync is broken",
    ],
)
def test_a_breakage_said_so_is_a_failure(text: str) -> None:
    assert reported(text), text


@pytest.mark.parametrize(
    "text",
    [
        "If the sync fails again, what happens?",
        "In case the upload fails I'll retry.",
        "What if it crashes?",
        "Will I lose my edits if the sync fails halfway?",
    ],
)
def test_a_breakage_under_a_condition_stays_no_failure(text: str) -> None:
    assert not reported(text), text
