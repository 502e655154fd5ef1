"""Behaviour and context say what kind of customer someone is (device, time zone, time of day,
the product's own flows), and every customer of that kind shares them: against a new person
they count no more than the tenant's known persons show that kind to be rare
(model.kind_bounded, review 6 W4)."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone

import pytest

from persona6 import Persona6
from persona6.identity import default_model
from persona6.identity.model import bounded_posterior, kind_bounded, posterior

#: Five shoppers, each alone in their kind: their own device, time zone, hour and flow.
SHOPPERS = {
    "u-gia": {
        "client": "android",
        "offset": -5,
        "hour": 21,
        "flow": [("add_to_cart", "wine glasses"), ("apply_coupon", "SAVE15")],
        "pay": "card ending 4411",
        "texts": [
            "omg do u price match?? saw it cheaper at target lol 🙌",
            "any deals on the blender?? full price is a ripoff honestly",
            "thx!! coupon worked 🙌 u guys rock",
            "hiii is the robot vacuum going on sale soon??",
            "lol the code expired, got another one?",
        ],
    },
    "u-ken": {
        "client": "web",
        "offset": 9,
        "hour": 22,
        "flow": [("add_to_cart", "rice cooker")],
        "pay": "guest; card not saved",
        "texts": [
            "Hello. I not want you save my card, please.",
            "How you use my data? You share with advertisement company?",
            "Please delete my browsing history. Privacy is very important for me.",
            "I want change address for my order, please.",
            "Why you need my phone number? I not want give it.",
        ],
    },
    "u-mar": {
        "client": "web",
        "offset": 1,
        "hour": 7,
        "flow": [("add_to_cart", "flour 25kg x10")],
        "pay": "invoice",
        "texts": [
            "Good morning! Reordering flour for the bakery, ten bags as usual.",
            "Could you email me the invoice? Paper ones get lost in the kitchen.",
            "Christmas rush at the bakery, I need eight cases of butter.",
            "Biscuit, my labrador, chewed the last delivery box, so sturdy boxes please.",
            "As always, invoice by email please, not in the box.",
        ],
    },
    "u-tre": {
        "client": "ios",
        "offset": 0,
        "hour": 12,
        "flow": [("add_to_cart", "headphones")],
        "pay": "visa",
        "texts": [
            "need it today",
            "WHY DOES THIS ALWAYS FAIL",
            "dont waste my time",
            "3 DAYS?? I NEEDED IT TOMORROW",
            "just cancel it",
        ],
    },
    "u-oon": {
        "client": "web",
        "offset": -8,
        "hour": 13,
        "flow": [("add_to_cart", "desk lamp")],
        "pay": "paypal",
        "texts": [
            "Hi there, I prefer home delivery for this one, thanks so much.",
            "Could you text me the tracking updates? SMS is easiest for me.",
            "From now on please deliver to my office instead of home.",
            "Please stop sending me SMS notifications, email only from now on.",
            "Office delivery please, not home anymore. Thanks a bunch!",
        ],
    },
}


def _session(who: dict, session: str, day: int, text: str, **actor: str) -> list[dict]:
    """One session of ``who``: a message at their hour (in their own offset), their flow,
    the checkout and the order placed."""
    zone = timezone(timedelta(hours=who["offset"]))
    start = datetime(2026, 3, 2, who["hour"], 5, tzinfo=zone) + timedelta(days=day)
    attrs = {"client": who["client"]}
    steps = [("message", "", text), *(("action", n, t) for n, t in who["flow"])]
    steps += [("action", "checkout", who["pay"]), ("outcome", "order_placed", "")]
    events: list[dict] = []
    for i, (kind, name, body) in enumerate(steps):
        at = start + timedelta(seconds=50 * i)
        event = {
            "event_id": f"{session}-{i}",
            "ts": at.isoformat(),
            "session_id": session,
            "type": kind,
            "attrs": attrs,
            **actor,
        }
        if body:
            event["text"] = body
        if kind == "message":
            event["role"] = "user"
            events.append(event)
            events.append(
                {
                    "event_id": f"{session}-{i}r",
                    "ts": (at + timedelta(seconds=10)).isoformat(),
                    "session_id": session,
                    "type": "message",
                    "role": "assistant",
                    "text": "Sure, let me check that for you.",
                }
            )
            continue
        event["name"] = name
        events.append(event)
    return events


#: A stranger of Gia's kind: Android, US-Eastern evening, the coupon flow, another card and
#: another voice.
STRANGER = {
    **SHOPPERS["u-gia"],
    "flow": [("add_to_cart", "air fryer"), ("apply_coupon", "AIR10")],
    "pay": "card ending 9012",
}
STRANGER_TEXT = "promo code for air fryer pls"
#: Ken on a new device (iOS, where he always used the web), in his own words.
KEN_PHONE = {**SHOPPERS["u-ken"], "client": "ios"}
KEN_TEXT = "Hello. I not want you save my card. How you use my data, you share with advertisement?"


def _events() -> list[dict]:
    events: list[dict] = []
    for person, who in SHOPPERS.items():
        for s, text in enumerate(who["texts"]):
            events += _session(who, f"{person}-{s}", 7 * s, text, user_id=person)
    events += _session(STRANGER, "anon-s1", 50, STRANGER_TEXT, anonymous_id="anon-stranger")
    events += _session(KEN_PHONE, "anon-s2", 51, KEN_TEXT, anonymous_id="anon-ken-phone")
    return events


@pytest.fixture(scope="module")
def links(tmp_path_factory: pytest.TempPathFactory) -> dict:
    path = tmp_path_factory.mktemp("kinds") / "p6.db"
    with Persona6(db=path) as p6:
        p6.record(_events())
        p6.build()
        return {"stranger": p6.link("anon-stranger"), "ken": p6.link("anon-ken-phone")}


def test_a_stranger_of_a_known_persons_kind_is_not_linked_with_confidence(links: dict) -> None:
    result = links["stranger"]
    best = result.candidates[0]
    assert best.person_id == "u-gia"  # the closest, as before: the ranking is unchanged
    assert best.contributions["behaviour"] + best.contributions["context"] > 5.0
    # Before: 0.99 and more. Behaviour and context alone are bounded by the kind's share of
    # the 5 known persons (1 of 5: a stranger is of it at least 2 in 7 times).
    assert best.probability < 0.9
    assert result.new_person_probability > 0.1
    told = [e for e in best.evidence if e.feature == "kind of customer"]
    assert told and told[0].stance == "against" and "1 of 5" in told[0].summary


def test_a_returning_person_on_a_new_device_still_links(links: dict) -> None:
    result = links["ken"]
    assert result.decision == "u-ken"
    assert result.candidates[0].contributions["texture"] > 2.0
    assert result.candidates[0].probability > 0.95


def test_the_bound_keeps_texture_and_content_and_the_order_of_known_persons() -> None:
    model = default_model()
    c = model.constant
    # one candidate of a kind no other known person shares, one of no particular kind
    llrs = [c + 0.5 + 14.0, c + 0.5 + 1.0]
    kinds = [14.0, 1.0]
    bounded = kind_bounded(llrs, kinds, c, known=5)
    assert bounded[0] == pytest.approx(0.5 + math.log(7 / 2))  # texture and content kept
    assert bounded[1] == llrs[1]  # below its bound: as it was
    probs, new = posterior(llrs, 5, model, kinds=kinds)
    old_probs, old_new = posterior(llrs, 5, model)
    assert old_new < 0.01 and new > 0.15
    assert probs[0] / probs[1] == pytest.approx(old_probs[0] / old_probs[1])
    # A link's explanation reads the bounded LLRs the probabilities came from (computed once).
    assert bounded_posterior(llrs, 5, model, kinds=kinds) == (probs, new, bounded)
    assert bounded_posterior(llrs, 5, model) == (old_probs, old_new, llrs)


def test_on_a_large_tenant_a_kind_spread_over_many_persons_is_not_bounded() -> None:
    model = default_model()
    c = model.constant
    kinds = [6.0] * 300 + [0.0] * 200
    llrs = [c + k for k in kinds]
    assert kind_bounded(llrs, kinds, c, known=10_000) == llrs
    assert posterior(llrs, 10_000, model, kinds=kinds) == posterior(llrs, 10_000, model)


def test_alike_candidates_share_a_bound_that_grows_with_the_known_persons() -> None:
    c = -8.0
    # two known persons of the kind among 5, and among 500
    small = kind_bounded([c + 12.0, c + 12.0, c], [12.0, 12.0, 0.0], c, known=5)
    large = kind_bounded([c + 12.0, c + 12.0, c], [12.0, 12.0, 0.0], c, known=500)
    assert small[0] == small[1] == pytest.approx(math.log(7 / 3))
    assert large[0] == pytest.approx(min(4.0, math.log(502 / 3)))
