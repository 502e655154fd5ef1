"""brief.v9: a person whose switches after a failure undo what they did (a rollback, a revert:
failure.v10's ``undoes``) gets a plan that says so; one who asks for the cause is told it, not
thanked. Small tenants as in test_brief_v8: a ``deploy`` action, a ``deploy_failed`` outcome,
then the person's next act in a session of its own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from persona6 import Persona6

START = datetime(2026, 3, 1, tzinfo=UTC)


def _event(person: str, session: str, at: datetime, kind: str, name: str | None, text: str | None):
    found = {"ts": at.isoformat(), "session_id": session, "user_id": person, "type": kind}
    return found | {k: v for k, v in (("name", name), ("text", text)) if v}


def _after_failures(person: str, next_act: tuple[str, str, str | None], days: int) -> list[dict]:
    found = []
    for day in range(days):
        t = START + timedelta(days=day)
        session = f"{person}-d{day}"
        found += [
            _event(person, session, t, "action", "deploy", "api v2.1 --env prod"),
            _event(person, session, t + timedelta(seconds=2), "outcome", "deploy_failed", None),
            _event(person, session, t + timedelta(seconds=8), *next_act),
        ]
    return found


def _plan(events: list[dict], person: str) -> str:
    with Persona6(db=":memory:") as p6:
        p6.record(events)
        p6.build()
        brief = p6.context(person, budget=400)
        return next(i.statement for i in brief.items if i.kind == "failure_plan")


def test_switches_that_roll_back_are_said_as_rollbacks() -> None:
    events = _after_failures("u-ops", ("action", "rollback", "api v2.0 --env prod"), 3)
    plan = _plan(events, "u-ops")
    assert "switch 3" in plan
    assert "undo it at once" in plan and "alternative path" not in plan


def test_switches_to_something_else_keep_the_alternative_path() -> None:
    events = _after_failures("u-alt", ("action", "export_csv", "weekly report"), 3)
    plan = _plan(events, "u-alt")
    assert "undo it at once" not in plan


def test_asking_for_the_cause_is_answered_with_the_cause() -> None:
    events = _after_failures(
        "u-why", ("message", None, "What exactly caused that? Show me the log."), 3
    )
    plan = _plan(events, "u-why")
    assert "feedback" in plan
    assert "say what caused it" in plan and "thank them" not in plan


def test_a_lead_they_showed_once_says_what_it_rests_on_apart_from_their_count() -> None:
    events = _after_failures("u-once", ("action", "deploy", "api v2.1 --env prod"), 1)
    plan = _plan(events, "u-once")
    # their one reaction is the model's lead, not a habit yet
    assert "Retry leads, resting on the population's failures" in plan
    assert "they showed it in 1 of their 1" in plan and "(1 of their 1)" not in plan
