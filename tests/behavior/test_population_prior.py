"""The population prior is as sure as the persons behind it (docs/behavior.md, "The population
prior"): a tenant of a few persons who each keep to their own reaction is a few observations,
however many episodes they had; a tenant of many persons keeps its counts' prior.

Small hand-written tenants: every failure is a ``run export report`` action and an ``error``
outcome in a session of its own, followed by the person's reaction (or nothing: abandon).
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from persona6 import Persona6
from persona6.behavior.predict import (
    REACTIONS,
    Spread,
    clustering,
    config,
    population_prior,
    prior_evidence,
)

REACTING = {
    "retry": [("action", "run", "export report")],
    "switch": [("action", "open", "settings page")],
    "escalate": [("message", None, "Can I talk to a human about this?")],
    "complain": [("message", None, "This is useless.")],
    "feedback": [("action", "thumbs_down", None)],
    "abandon": [],
}

START = datetime(2026, 3, 1, tzinfo=UTC)


def _failure(person: str, day: int, hour: int, reaction: str) -> list[dict]:
    t = START + timedelta(days=day, hours=hour)

    def event(seconds: int, kind: str, name: str | None, text: str | None) -> dict:
        found = {
            "ts": (t + timedelta(seconds=seconds)).isoformat(),
            "session_id": f"{person}-d{day}",
            "user_id": person,
            "type": kind,
        }
        found.update({k: v for k, v in (("name", name), ("text", text)) if v})
        if kind == "message":
            found["role"] = "user"
        return found

    acts = [event(5 + i, *act) for i, act in enumerate(REACTING[reaction])]
    return [
        event(0, "action", "run", "export report"),
        event(1, "outcome", "error", "export failed: timeout"),
        *acts,
    ]


def _built(people: dict[str, list[str]]) -> Persona6:
    events = []
    for hour, (person, reactions) in enumerate(sorted(people.items())):
        for day, reaction in enumerate(reactions):
            events += _failure(person, day, hour, reaction)
        if not reactions:
            events += _failure(person, 0, hour, "retry")[:1]  # a session without a failure
    p6 = Persona6(db=":memory:")
    p6.record(events)
    p6.build()
    return p6


def _spread(people: dict[str, list[str]]) -> tuple[Counter[str], Spread]:
    by_person = {p: Counter(rs) for p, rs in people.items()}
    return sum(by_person.values(), Counter()), Spread.of(by_person)


#: Two persons, each keeping to one reaction: six retries of one, two switches of the other.
TWO = {"u-retries": ["retry"] * 6, "u-switches": ["switch"] * 2}


def test_two_consistent_persons_are_worth_about_two_observations_not_eight_episodes():
    population, spread = _spread(TWO)
    n_eff, alpha = prior_evidence(population, spread)
    assert clustering(population, spread) == pytest.approx(1.0)
    # N^2 / sum N_q^2 = 64 / 40: fewer than the persons (one of them is most of the episodes)
    assert n_eff == pytest.approx(1.6)
    assert alpha >= config().alpha
    p0 = population_prior(population, spread)
    # One person of two retried: no better than even odds for the next person (it was
    # (6 + 1/8) / 9 = 68%, as if eight persons had reacted independently).
    assert p0["retry"] <= 0.55, p0
    assert population_prior(population)["retry"] == pytest.approx(6.125 / 9)
    # Reactions no one showed keep a share a tenant of two persons cannot rule out (was 1.4%).
    for r in set(REACTIONS) - {"retry", "switch"}:
        assert p0[r] >= 0.04, (r, p0)


def test_a_newcomer_in_a_tenant_of_two_consistent_persons_is_not_predicted_as_sure():
    # The newcomer has one session and no failure yet.
    with _built({**TWO, "u-new": []}) as p6:
        found = p6.predict("u-new").distribution
    # The newcomer has no episodes: what they are predicted to do is the two persons' prior.
    assert max(found.values()) <= 0.55, found
    assert min(found.values()) >= 0.03, found


def test_a_large_tenant_of_alike_persons_keeps_its_prior():
    # 40 persons of 4 episodes each, drawn from one distribution (the same reactions, rotated):
    # persons do not differ more than chance, so the counts are worth about as many episodes.
    cycle = ["retry", "retry", "switch", "retry", "abandon", "switch", "complain", "retry"]
    people = {f"u-{i:02d}": [cycle[(i + j * 3) % len(cycle)] for j in range(4)] for i in range(40)}
    population, spread = _spread(people)
    n_eff, _ = prior_evidence(population, spread)
    assert n_eff >= 0.9 * 160
    old = population_prior(population)
    new = population_prior(population, spread)
    for r in REACTIONS:
        assert new[r] == pytest.approx(old[r], abs=0.01), (r, new[r], old[r])


def test_a_large_tenant_of_persons_who_differ_keeps_its_lead():
    # 30 persons, each keeping to one of three reactions (12 / 10 / 8 of them), 5 episodes
    # each: 30 observations, not 150; the order of the reactions and their shares hold.
    kinds = ["retry"] * 12 + ["switch"] * 10 + ["escalate"] * 8
    people = {f"u-{i:02d}": [r] * 5 for i, r in enumerate(kinds)}
    population, spread = _spread(people)
    n_eff, _ = prior_evidence(population, spread)
    assert n_eff == pytest.approx(30, abs=0.5)
    p0 = population_prior(population, spread)
    assert p0["retry"] > p0["switch"] > p0["escalate"] > max(p0[r] for r in ("abandon", "complain"))
    assert p0["retry"] == pytest.approx(12 / 30, abs=0.03)


def test_the_spread_of_episodes_counts_each_persons_episodes_and_agreement():
    population, spread = _spread({"a": ["retry", "retry", "switch"], "b": ["abandon"]})
    assert spread == Spread(2, 10.0, pytest.approx(5 / 3 + 1))
    assert sum(population.values()) == 4
