"""A person's own consistent reactions lead in a small tenant (behavior/predict.py,
``prior_weight``): the packaged kappa_p weighs no more than the others' episodes behind the
prior. The sixth review's budgeting tenant, in small: after every sync failure Dana asks for a
person, Ravi retries and Ingrid fixes it herself (2 of 2); Ingrid was predicted to escalate."""

from __future__ import annotations

import pytest

from persona6 import Persona6
from persona6.behavior.predict import config, prior_weight

#: What the person does after the failure, as (type, name, text) acts.
REACTING = {
    "escalate": [("message", None, "Can I talk to a human about this?")],
    "retry": [("action", "sync_accounts", "bank")],
    "self_fix": [("message", None, "I reconnected the bank myself, it's syncing again.")],
}

PEOPLE = {"u-dana": ["escalate"] * 3, "u-ravi": ["retry"] * 3, "u-ingrid": ["self_fix"] * 2}


def _events(people: dict[str, list[str]]) -> list[dict]:
    found = []
    for hour, (person, reactions) in enumerate(sorted(people.items())):
        for day, reaction in enumerate(reactions):
            ts = f"2026-03-{day + 1:02d}T{hour + 8:02d}:00:"
            acts = [
                ("action", "sync_accounts", "bank"),
                ("outcome", "sync_failed", "timeout"),
                *REACTING[reaction],
            ]
            for n, (kind, name, text) in enumerate(acts):
                event = {"ts": f"{ts}{n * 5:02d}Z", "session_id": f"{person}-{day}"}
                event.update(user_id=person, type=kind, text=text)
                if name:
                    event["name"] = name
                if kind == "message":
                    event["role"] = "user"
                found.append(event)
    return found


@pytest.fixture(scope="module")
def p6():
    engine = Persona6(db=":memory:")
    engine.record(_events(PEOPLE))
    engine.build()
    yield engine
    engine.close()


@pytest.mark.parametrize(
    ("person", "own"), [("u-ingrid", "self_fix"), ("u-dana", "escalate"), ("u-ravi", "retry")]
)
def test_a_unanimous_own_history_leads_in_a_small_tenant(p6, person: str, own: str) -> None:
    prediction = p6.predict(person, failure="sync_failed")
    assert prediction.basis["person"]["reactions"] == {own: len(PEOPLE[person])}
    assert next(iter(prediction.distribution)) == own  # was retry for Ingrid, Dana


def test_the_packaged_kappa_weighs_what_the_others_episodes_back(p6) -> None:
    person = p6.predict("u-ingrid", failure="sync_failed").basis["person"]
    kappa = person["kappa"]
    assert (kappa["source"], kappa["value"]) == ("default", config().kappa_person)
    behind = 6 + config().alpha  # Dana's and Ravi's episodes, and the uniform prior's
    assert person["prior_weight"] == pytest.approx(prior_weight(kappa["value"], behind), abs=1e-3)
    assert person["prior_weight"] < 6


def test_with_many_episodes_behind_it_the_prior_weighs_about_kappa() -> None:
    assert prior_weight(20.0, 1000.0) == pytest.approx(19.6, abs=0.05)
    assert prior_weight(20.0, 1e9) == pytest.approx(20.0)
    assert 0.0 < prior_weight(20.0, 1.0) < 1.0
    # never more than kappa, growing with what is behind it
    weights = [prior_weight(20.0, b) for b in (1, 5, 20, 100, 1000)]
    assert weights == sorted(weights) and weights[-1] < 20.0
