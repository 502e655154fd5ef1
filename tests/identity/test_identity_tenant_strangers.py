"""The shipped linking model on a tenant without a fit of its own measures how alike the
tenant's own strangers are (backtest.tenant_strangers): what every customer shares (a timezone,
the product's web app) is no evidence that a newcomer is one of them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from persona6 import Persona6
from persona6.identity import default_model
from persona6.identity.backtest import STRANGER_PRIOR, tenant_strangers

SHARED = {"utc_offset": "-05:00", "app": "web", "device": "desktop"}
VOICES = {
    "u-ana": [
        "Could you check the invoice totals for March? The VAT line looks off to me.",
        "Please reconcile the ledger with the bank export before Friday.",
        "The quarterly VAT return needs the corrected invoice numbers.",
        "Can you list the unpaid invoices older than sixty days?",
    ],
    "u-bo": [
        "yo the build broke again lol, pipeline red on main",
        "can u bump the node version in the ci config pls",
        "deploy to staging failed, logs say npm ci timed out",
        "lol ok the flaky test is back, rerun it",
    ],
    "u-cy": [
        "My roses have black spots on the leaves; what should I spray?",
        "When is the right time to prune the apple tree in my garden?",
        "The tomatoes in the greenhouse are splitting after the rain.",
        "How deep should I plant tulip bulbs in clay soil?",
    ],
}
STRANGER = [
    "Hello. I would like to book a table for six on Saturday evening.",
    "Also, do you have a vegetarian tasting menu for the group?",
]


def _events() -> list[dict]:
    start = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
    events: list[dict] = []
    for p, (person, texts) in enumerate(VOICES.items()):
        for s, text in enumerate(texts):
            ts = start + timedelta(days=7 * s + p, hours=p)
            session = f"{person}-s{s}"
            events.append(_message(f"{session}-m", ts, session, text, user_id=person))
            events.append(_reply(f"{session}-r", ts + timedelta(seconds=20), session))
    ts = start + timedelta(days=40)
    for i, text in enumerate(STRANGER):
        at = ts + timedelta(seconds=60 * i)
        events.append(_message(f"anon-m{i}", at, "anon-s", text, anonymous_id="anon-zz"))
        events.append(_reply(f"anon-r{i}", at + timedelta(seconds=20), "anon-s"))
    return events


def _message(event_id: str, ts: datetime, session: str, text: str, **who: str) -> dict:
    return {
        "event_id": event_id,
        "ts": ts.isoformat(),
        "session_id": session,
        "type": "message",
        "role": "user",
        "text": text,
        "attrs": SHARED,
        **who,
    }


def _reply(event_id: str, ts: datetime, session: str) -> dict:
    return {
        "event_id": event_id,
        "ts": ts.isoformat(),
        "session_id": session,
        "type": "message",
        "role": "assistant",
        "text": "Sure, here is what I found.",
    }


@pytest.fixture(scope="module")
def linked() -> object:
    with Persona6(db=":memory:") as p6:
        p6.record(_events())
        p6.build()
        yield p6.link("anon-zz")


def test_what_every_customer_shares_is_no_evidence_for_any_of_them(linked) -> None:
    for candidate in linked.candidates:
        # The shipped model's strangers (synthetic people) share almost no attributes: with
        # them, these three gave context about +2 each; measured here, about +0.5 (what one
        # shipped comparison beside twelve of the tenant's still leaves: STRANGER_PRIOR).
        assert candidate.contributions["context"] < 0.75, candidate


def test_the_explanation_says_where_strangers_were_measured(linked) -> None:
    [start] = [e for e in linked.candidates[0].evidence if e.family == "baseline"]
    assert "how alike strangers are measured on" in start.summary
    assert "comparisons of different persons here" in start.summary


def test_a_blocks_tenant_mean_is_drawn_towards_the_shipped_one() -> None:
    model = default_model()
    block = next(b for b in model.stranger if model.stranger[b] < 0.5)
    shipped = model.stranger[block]
    [mean] = tenant_strangers(model, [{block: 1.0}] * 5).values()
    assert mean == pytest.approx((5 * 1.0 + STRANGER_PRIOR * shipped) / (5 + STRANGER_PRIOR))
    assert tenant_strangers(model, []) == {}
    # Many comparisons: the tenant's own mean.
    [mean] = tenant_strangers(model, [{block: 0.9}] * 10_000).values()
    assert mean == pytest.approx(0.9, abs=1e-3)
