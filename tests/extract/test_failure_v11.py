"""persona6.failure.v11: an outcome in a degraded or unwanted state the person did not ask for
is a failure (delivery_delayed, coupon_expired, item_out_of_stock, invoice_overdue,
budget_exceeded: a limit named before "exceeded"), so what the person did about it is an
episode; and "don't waste my time" is a complaint.

The sessions are the sixth review's (an e-commerce support assistant), in small: Marisol asks
for a person after each delayed delivery, Trevor gives up on his."""

from __future__ import annotations

import pytest
from helpers import bot, did, said, stored_event

from persona6.extract.failure import FailureExtractor, Reaction, is_failure_name, reaction_labels
from persona6.types import StoredEvent


def got(n: int, name: str, text: str | None = None, actor: str = "u1") -> StoredEvent:
    return stored_event(n, "outcome", text, actor, name=name)


def episodes(session: list[StoredEvent]) -> list[tuple[str, str]]:
    return [(s.key, s.value) for s in FailureExtractor().extract(session)]


def test_the_producer_is_v11() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


@pytest.mark.parametrize(
    "name",
    [
        "delivery_delayed",
        "ShipmentDelayed",
        "shipment_postponed",
        "coupon_expired",
        "session_expired",
        "item_out_of_stock",
        "sold_out",
        "item_backordered",
        "invoice_overdue",
        "payment_past_due",
        "email_bounced",
        "parcel_undeliverable",
        "insufficient_funds",
        "budget_exceeded",
        "quota_exceeded",
        "rate_limit_exceeded",
        "deadline_exceeded",
        "account_over_limit",
    ],
)
def test_an_outcome_in_a_degraded_or_unwanted_state_is_a_failure(name: str) -> None:
    assert is_failure_name(name)


@pytest.mark.parametrize(
    "name",
    [
        # what the person asked for or wanted, and states that ended or are features
        "delivered",
        "order_placed",
        "order_cancelled",
        "refund_approved",
        "coupon_applied",
        "import_succeeded",
        "address_changed",
        "savings_goal_exceeded",  # exceeding a goal is the aim
        "delivery_delayed_resolved",
        "delayed_send_scheduled",
        "subscription_renewed",
        "stock_checked",
    ],
)
def test_an_ordinary_or_wanted_outcome_stays_none(name: str) -> None:
    assert not is_failure_name(name)


def delayed(*after: StoredEvent, actor: str = "u1") -> list[StoredEvent]:
    return [
        did(1, "track_order", "#A-771", actor=actor),
        got(2, "delivery_delayed", "Carrier reports a delay of 3 days", actor=actor),
        *after,
    ]


def test_asking_for_a_person_after_a_delayed_delivery_escalates() -> None:
    session = delayed(
        said(3, "Oh no, a wedding cake order on Saturday. Can I speak to a real person please?"),
        bot(4, "Hi, this is Priya from the support team, I'm taking over."),
        said(5, "Thank you Priya, much appreciated."),
    )
    assert episodes(session) == [("delivery_delayed", "escalate")]  # was no episode


def test_giving_up_on_a_delayed_delivery_in_anger_complains() -> None:
    session = delayed(
        said(3, "useless. just cancel it"),
        did(4, "cancel_order", "#A-771"),
        got(5, "order_cancelled"),
    )
    assert episodes(session) == [("delivery_delayed", "complain")]  # was no episode


def test_a_cancelled_order_the_person_asked_for_is_no_failure() -> None:
    session = [
        did(1, "cancel_order", "#A-773"),
        got(2, "order_cancelled"),
        said(3, "thanks"),
    ]
    assert episodes(session) == []


def test_a_delay_nobody_reacts_to_is_left_unresolved() -> None:
    assert episodes(delayed()) == [("delivery_delayed", "abandon")]


def test_a_wasted_time_is_a_complaint() -> None:
    assert Reaction.COMPLAIN in reaction_labels(said(1, "dont waste my time"))
    assert Reaction.COMPLAIN in reaction_labels(said(1, "you're wasting my time"))
    session = delayed(said(3, "3 DAYS?? I NEEDED IT TOMORROW"), said(4, "dont waste my time"))
    assert episodes(session) == [("delivery_delayed", "complain")]  # was switch


def test_not_wanting_to_waste_anothers_time_is_no_complaint() -> None:
    polite = said(1, "I don't want to waste your time, but could you check my order?")
    assert Reaction.COMPLAIN not in reaction_labels(polite)
