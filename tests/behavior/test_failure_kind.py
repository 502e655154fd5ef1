"""A person's own episodes after the same kind of failure count before their others
(behavior/predict.py, ``person_level``): someone who retries every timeout and gives up on
every declined payment is predicted to retry a timeout and to give up on a declined payment."""

from __future__ import annotations

from collections import Counter

import pytest

from persona6 import Persona6
from persona6.behavior.predict import REACTIONS, person_level


def _episode(n: int, kind: str) -> list[dict]:
    ts = f"2026-03-{n + 1:02d}T10:00:0"
    act = {"timeout": "run", "payment_failed": "pay"}[kind]
    events = [
        {"ts": f"{ts}0Z", "type": "action", "name": act, "text": f"{act} job"},
        {"ts": f"{ts}1Z", "type": "outcome", "name": kind, "text": "it failed"},
    ]
    if kind == "timeout":  # the same act again at once: retry
        events.append({"ts": f"{ts}5Z", "type": "action", "name": act, "text": f"{act} job"})
    else:  # giving up in words: abandon
        events.append({"ts": f"{ts}5Z", "type": "message", "text": "forget it, not today"})
    return [{**e, "session_id": f"s-{n}", "user_id": "u-1"} for e in events]


@pytest.fixture(scope="module")
def p6():
    engine = Persona6(db=":memory:")
    kinds = ["timeout", "payment_failed"] * 4
    engine.record([e for n, kind in enumerate(kinds) for e in _episode(n, kind)])
    engine.build()
    yield engine
    engine.close()


def test_the_kind_of_failure_decides_the_persons_own_lead(p6):
    timeout = p6.predict("u-1", failure="timeout")
    payment = p6.predict("u-1", failure="payment_failed")
    assert timeout.basis["person"]["reactions"] == {"abandon": 4, "retry": 4}
    assert timeout.distribution["retry"] > timeout.distribution["abandon"]
    assert payment.distribution["abandon"] > payment.distribution["retry"]
    kind = timeout.basis["person"]["same_kind"]
    assert kind == {"failure": "timeout", "episodes": 4, "reactions": {"retry": 4}}


def test_without_a_kind_the_person_level_is_as_before(p6):
    plain = p6.predict("u-1")
    assert plain.basis["person"]["same_kind"] == {
        "failure": None,
        "episodes": 0,
        "reactions": {},
    }
    assert plain.distribution["retry"] == pytest.approx(plain.distribution["abandon"], abs=1e-6)


def test_one_kind_only_is_the_plain_person_level():
    own = Counter({"retry": 3, "abandon": 1})
    mixture = dict.fromkeys(REACTIONS, 1 / len(REACTIONS))
    plain = person_level(own, Counter(), 20.0, mixture)
    assert person_level(own, own, 20.0, mixture) == pytest.approx(plain)
    expected = {r: (own[r] + 20.0 * mixture[r]) / (4 + 20.0) for r in REACTIONS}
    assert plain == pytest.approx(expected)
