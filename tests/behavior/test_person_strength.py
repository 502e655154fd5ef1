"""kappa_p per tenant: a consistent person's own reaction leads; the estimate follows the data.

Small hand-written tenants: every failure is a ``run export report`` action and an ``error``
outcome in a session of its own, followed by the person's reaction (or nothing: abandon).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

import numpy as np

from persona6 import Persona6
from persona6.behavior.predict import config
from persona6.behavior.strength import _plausible, checkpoints

#: What the person does after the failure, as (type, name, text) acts.
REACTING = {
    "retry": [("action", "run", "export report")],
    "rephrase": [("action", "run", "export report --format csv")],
    "switch": [("action", "open", "settings page")],
    "escalate": [("message", None, "Can I talk to a human about this?")],
    "complain": [("message", None, "This is useless.")],
    "feedback": [("action", "thumbs_down", None)],
    "abandon": [],
}

#: One person who gives a thumbs-down after every failure, and three who vary.
CONSISTENT = {
    "u-consistent": ["feedback"] * 3,
    "u-a": ["retry", "retry", "switch", "retry", "rephrase", "retry"],
    "u-b": ["rephrase", "switch", "rephrase", "complain", "rephrase", "switch"],
    "u-c": ["escalate", "abandon", "escalate", "switch", "escalate", "complain"],
}

START = datetime(2026, 3, 1, tzinfo=UTC)


def _failure(person: str, day: int, hour: int, reaction: str, failure_id: str | None = None):
    t = START + timedelta(days=day, hours=hour)
    session = f"{person}-d{day}"

    def event(seconds: int, kind: str, name: str | None, text: str | None) -> dict:
        found = {
            "ts": (t + timedelta(seconds=seconds)).isoformat(),
            "session_id": session,
            "user_id": person,
            "type": kind,
        }
        found.update({k: v for k, v in (("name", name), ("text", text)) if v})
        if kind == "message":
            found["role"] = "user"
        return found

    failure = event(1, "outcome", "error", "export failed: timeout")
    if failure_id:
        failure["event_id"] = failure_id
    acts = [event(5 + i, *act) for i, act in enumerate(REACTING[reaction])]
    return [event(0, "action", "run", "export report"), failure, *acts]


def _tenant(people: dict[str, list[str]]) -> list[dict]:
    found = []
    for hour, (person, reactions) in enumerate(sorted(people.items())):
        for day, reaction in enumerate(reactions):
            found += _failure(person, day, hour, reaction)
    return found


def _built(events: list[dict]) -> Persona6:
    p6 = Persona6(db=":memory:")
    p6.record(events)
    p6.build()
    return p6


def test_a_consistent_persons_own_reaction_is_the_clear_top_prediction():
    with _built(_tenant(CONSISTENT)) as p6:
        prediction = p6.predict("u-consistent")
    ranked = list(prediction.distribution)
    assert ranked[0] == "feedback"
    assert prediction.distribution["feedback"] > 0.5
    assert prediction.distribution["feedback"] > 3 * prediction.distribution[ranked[1]]
    kappa = prediction.basis["person"]["kappa"]
    assert kappa["source"] == "estimated"
    assert kappa["value"] < config().kappa_person
    assert (kappa["persons"], kappa["episodes"]) == (4, 21)


def test_each_varied_persons_most_frequent_reaction_leads_too():
    with _built(_tenant(CONSISTENT)) as p6:
        tops = {p: next(iter(p6.predict(p).distribution)) for p in ("u-a", "u-b", "u-c")}
    assert tops == {"u-a": "retry", "u-b": "rephrase", "u-c": "escalate"}


def test_at_a_later_failure_the_estimate_rests_on_earlier_episodes_only():
    """A fourth failure of the consistent person, after everyone else's: predicted from what
    was known before it, then the same once its reaction and later failures exist."""
    base = _tenant(CONSISTENT) + _failure("u-consistent", 9, 0, "abandon", "target")
    later = (
        _tenant(CONSISTENT)
        + _failure("u-consistent", 9, 0, "retry", "target")
        + _failure("u-a", 10, 0, "feedback")
        + _failure("u-b", 10, 1, "feedback")
    )
    found = []
    for events in (base, later):
        with _built(events) as p6:
            at = p6.store.event(p6.tenant, "target").ts
            found.append(p6.predict("u-consistent", event="target").model_dump())
    assert found[0] == found[1]
    prediction = found[0]
    assert max(prediction["distribution"], key=prediction["distribution"].get) == "feedback"
    kappa = prediction["basis"]["person"]["kappa"]
    assert kappa["source"] == "estimated" and kappa["known_before"] < at


def test_persons_who_all_react_alike_get_a_large_kappa():
    alike = ["retry", "switch", "rephrase", "retry", "switch", "rephrase"]
    people = {f"u-{n}": alike[n:] + alike[:n] for n in range(4)}
    with _built(_tenant(people)) as p6:
        kappa = p6.predict("u-0").basis["person"]["kappa"]
    assert kappa["source"] == "estimated"
    assert kappa["value"] > config().kappa_person


def test_too_few_persons_to_say_fall_back_to_the_default():
    people = {p: CONSISTENT[p] for p in ("u-consistent", "u-a")}
    with _built(_tenant(people)) as p6:
        kappa = p6.predict("u-consistent").basis["person"]["kappa"]
    assert kappa == {
        "value": config().kappa_person,
        "source": "default",
        "persons": 2,
        "episodes": 9,
        "known_before": None,
        "fitted_for": "what failed",
    }


def test_checkpoints_are_one_per_episode_then_an_eighth_apart():
    marks = checkpoints(200, 8)
    assert marks[:10] == list(range(10))
    assert all(b - a == max(1, a // 8) for a, b in pairwise(marks))
    assert marks[-1] < 200 <= marks[-1] + max(1, marks[-1] // 8)


def test_episodes_that_cannot_tell_values_apart_keep_the_default():
    """A flat likelihood (the review's four developers: 1024 within 0.01 of 45 and 1.9 of the
    default) keeps the packaged kappa_p instead of the end of the curve; a clear one moves it."""
    grid = config().person_fit.grid()
    flat = -np.linspace(1.5, 0.0, len(grid))  # rises by 1.5 over the grid: the default plausible
    kept = _plausible(grid, flat, 4, 11, None)
    assert (kept.kappa, kept.estimated) == (config().kappa_person, False)
    steep = -np.linspace(0.0, 20.0, len(grid))  # the smallest value far ahead
    moved = _plausible(grid, steep, 4, 21, None)
    assert (moved.kappa, moved.estimated) == (float(grid[0]), True)
