"""The person level is as sure as its evidence: episodes of one session are one look at the
person (docs/behavior.md, "How much a person's own episodes count").

A person who hits the same error four times in one session and retries each time has shown
one habit once, not four times. kappa_p is estimated by leaving out the scored episode's whole
session from its person's counts, so repetitions inside a session no longer look like a
consistent person. The synthetic tenants below have known rates: every person reacts the same
way (retry or switch, 1 in 2 per session) and repeats the session's reaction on each error of
that session. The best prediction for anyone is the population's 50/50.
"""

from __future__ import annotations

import math
import random
from datetime import UTC, datetime, timedelta

import pytest

from persona6 import Persona6
from persona6.behavior.predict import config

OTHER = ["ls", "cd src", "vim main.c", "grep TODO *.h", "cat README", "pwd", "df -h", "who"]


def session_events(user: str, session: int, habit: str, errors: int) -> list[dict]:
    """One shell session: ``errors`` failed commands, each followed by the session's habit
    (the same command again: retry; another one: switch)."""
    sid = f"{user}:s{session}"
    start = datetime(2026, 1, 5, 9, tzinfo=UTC) + timedelta(days=session, minutes=len(user))
    commands = ["make"] * (errors + 1) if habit == "retry" else OTHER[: errors + 1]
    events: list[dict] = []
    for k, command in enumerate(commands):
        for kind, name, text in (("action", "command", command), ("outcome", "error", "E1")):
            if kind == "outcome" and k == errors:
                break
            events.append(
                {
                    "event_id": f"{sid}:{len(events)}",
                    "session_id": sid,
                    "user_id": user,
                    "ts": (start + timedelta(seconds=10 * len(events))).isoformat(),
                    "type": kind,
                    "name": name,
                    "text": text,
                }
            )
    return events


def alike_tenant(persons: int, sessions: int, errors: int, seed: int) -> list[dict]:
    """Persons alike: each session retries or switches with probability 1/2, every time."""
    rng = random.Random(seed)
    events: list[dict] = []
    for p in range(persons):
        for s in range(sessions):
            habit = "retry" if rng.random() < 0.5 else "switch"
            events += session_events(f"u{p:02d}", s, habit, errors)
    return events


def expected_log_loss(distribution: dict[str, float]) -> float:
    """Under the known rates, retry and switch 1/2 each."""
    return -0.5 * (math.log(distribution["retry"]) + math.log(distribution["switch"]))


@pytest.fixture(scope="module")
def alike() -> Persona6:
    events = alike_tenant(12, 4, 4, seed=0)
    events += session_events("u99", 0, "retry", 4)  # a newcomer: one session, 4 retries
    p6 = Persona6(db=":memory:")
    p6.record(events)
    p6.build()
    yield p6
    p6.close()


def test_repetitions_inside_a_session_are_not_a_habit(alike):
    kappa = alike.predict("u00", failure="error").basis["person"]["kappa"]
    # persons alike between sessions: their own counts weigh little
    assert kappa["source"] == "estimated" and kappa["value"] > config().kappa_person


def test_calibrated_on_known_rates(alike):
    predictions = [alike.predict(f"u{p:02d}", failure="error") for p in range(12)]
    for prediction in predictions:
        assert prediction.basis["person"]["episodes"] == 16
    # the expected log-loss under the true rates is near the best, ln 2 (leave-one-episode-out
    # fitted kappa_p 4 and gave a person with 16 switches in 4 sessions switch 91%: 0.80)
    losses = [expected_log_loss(p.distribution) for p in predictions]
    assert sum(losses) / len(losses) < math.log(2) + 0.02
    # and the top reaction is about as sure as it can be right (1 in 2)
    tops = [max(p.distribution.values()) for p in predictions]
    assert sum(tops) / len(tops) < 0.6


@pytest.mark.parametrize("errors", [2, 3, 4])
def test_one_session_of_repetitions_stays_near_the_prior(errors):
    events = alike_tenant(12, 4, 3, seed=errors)
    events += session_events("u99", 0, "retry", errors)
    with Persona6(db=":memory:") as p6:
        p6.record(events)
        p6.build()
        prediction = p6.predict("u99", failure="error")
        population = prediction.basis["population"]["reactions"]
    share = population["retry"] / sum(population.values())
    assert prediction.basis["person"]["reactions"] == {"retry": errors}
    assert abs(prediction.distribution["retry"] - share) < 0.1
