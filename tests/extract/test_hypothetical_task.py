"""task.v14: a case imagined or unreal said as a statement is no task done (the shared guard
``text.supposed``); asked, wanted or under a plain condition it is one."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract.task import NAME as TASK


def tasks(text: str) -> set[str]:
    return {s.key for s in extracted(TASK, text) if not s.key.startswith("sequence:")}


@pytest.mark.parametrize(
    "text",
    [
        "if i won the lottery , i would buy all the pizza in the world .",
        "i would buy horses if i won .",
    ],
)
def test_a_daydream_is_no_task(text: str) -> None:
    assert "purchasing_billing" not in tasks(text), text


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to buy a new laptop if possible.",
        "If I buy the annual plan, do I get a refund later?",
        "Suppose I buy the annual plan, can I get a refund?",
    ],
)
def test_a_purchase_asked_or_wanted_stays_a_task(text: str) -> None:
    assert "purchasing_billing" in tasks(text), text
