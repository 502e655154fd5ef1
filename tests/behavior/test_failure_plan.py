"""The brief's failure plan leads with what a person's own episodes show, and marks a lead that
comes from the population's episodes as the population's, never as the person's habit.

A small tenant: every failure is a ``run export report`` action and an ``error`` outcome in a
session of its own, then the person's reaction. Too few episodes to estimate kappa_p, so the
packaged 20 pseudo-episodes of the population stand against each person's own two.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from persona6 import Persona6

REACTING = {
    "retry": [("action", "run", "export report")],
    "feedback": [("action", "thumbs_down", None)],
}
PEOPLE = {
    "u-reporter": ["feedback", "feedback"],
    "u-a": ["retry", "retry"],
    "u-b": ["retry", "retry"],
    "u-c": ["retry", "retry"],
}
START = datetime(2026, 3, 1, tzinfo=UTC)


def _event(person: str, day: int, at: datetime, kind: str, name: str | None, text: str | None):
    found = {"ts": at.isoformat(), "session_id": f"{person}-d{day}", "user_id": person}
    return found | {"type": kind} | {k: v for k, v in (("name", name), ("text", text)) if v}


def _events() -> list[dict]:
    found = []
    for hour, (person, reactions) in enumerate(sorted(PEOPLE.items())):
        for day, reaction in enumerate(reactions):
            t = START + timedelta(days=day, hours=hour)
            found += [
                _event(person, day, t, "action", "run", "export report"),
                _event(person, day, t + timedelta(seconds=1), "outcome", "error", "failed"),
                *(
                    _event(person, day, t + timedelta(seconds=5 + i), *act)
                    for i, act in enumerate(REACTING[reaction])
                ),
            ]
    return found


def _plans() -> dict[str, tuple[str, dict]]:
    with Persona6(db=":memory:") as p6:
        p6.record(_events())
        p6.build()
        found = {}
        for person in PEOPLE:
            brief = p6.context(person, budget=400)
            plan = next(i.statement for i in brief.items if i.kind == "failure_plan")
            found[person] = (plan, p6.predict(person).model_dump())
        return found


def test_their_own_habit_leads_and_the_populations_lead_is_named_as_such() -> None:
    plans = _plans()
    plan, prediction = plans["u-reporter"]
    # The numbers are the model's: with two episodes of theirs the population's retry leads.
    assert next(iter(prediction["distribution"])) == "retry"
    # The brief leads with what they did, with its advice (brief.v8), not with "Likely retry".
    assert plan.startswith(
        "Their own 2 past failures: feedback 2 of 2: they report it or ask for its cause:"
    )
    assert "they retry at once" not in plan and "make it safe to retry" not in plan
    assert "The model's lead, retry " in plan
    assert "rests mostly on the population's failures (they never showed it)" in plan


def test_a_lead_the_person_showed_as_their_habit_is_stated_as_theirs() -> None:
    plan, _ = _plans()["u-a"]
    assert "(2 past failures: retry 2): they retry at once" in plan
