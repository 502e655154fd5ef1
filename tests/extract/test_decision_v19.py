"""persona6.decision.v19: the decisions of action events, by the verb and a word of an option.
"change" or "convert" says a decision only with a word of an option in the name
(``option_actions``: "Plan Changed", "subscription_changed", "change_plan", "Trial Converted";
"change_password", "Settings Changed", "file_converted" stay none); a verb of refusing with a
word of payment, access or proof is the product's verdict on what the person tried, no decision
of theirs (``verdicts``: "Card Declined", "payment_declined", "Coupon Denied", "Login Denied",
"Access Denied"); "Offer Declined" stays rejected."""

from __future__ import annotations

import pytest
from helpers import did

from persona6.extract import decision
from persona6.extract.decision import DecisionExtractor


def test_the_producer_is_v19() -> None:
    assert decision.NAME == "persona6.decision.v21"


def _action(name: str, text: str | None = None) -> set[tuple[str, str]]:
    signals = DecisionExtractor().extract([did(1, name, text)])
    return {(str(s.value), s.key) for s in signals}


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("Plan Changed", "basic -> pro", ("switched", "plan_changed: basic to pro")),
        (
            "subscription_changed",
            "monthly -> annual",
            ("switched", "subscription_changed: monthly to annual"),
        ),
        ("change_plan", "team", ("switched", "change_plan: team")),
        ("Trial Converted", "pro", ("chose", "trial_converted: pro")),
        ("Offer Declined", "counter offer", ("rejected", "offer_declined: counter offer")),
    ],
)
def test_an_action_of_changing_an_option_is_a_decision(
    name: str, text: str, expected: tuple[str, str]
) -> None:
    assert _action(name, text) == {expected}


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Card Declined", "visa 4242"),
        ("payment_declined", None),
        ("Transaction Declined", None),
        ("Coupon Denied", "SAVE10"),
        ("Login Denied", None),
        ("Access Denied", "admin panel"),
        ("change_password", None),
        ("Settings Changed", "dark mode"),
        ("file_converted", "report.pdf"),
    ],
)
def test_a_verdict_or_a_routine_change_is_no_decision(name: str, text: str | None) -> None:
    assert _action(name, text) == set()
