"""brief.v8: the failure plan leads with the person's own episodes and gives a directive only on
evidence (their own, or a population large enough to say how people like them react); the user
layer and the assistant layer compose once per dimension, so no directive contradicts the
conflict item that says which wins.

Small tenants: every failure is a ``run export report`` action and an ``error`` outcome in a
session of its own, then the person's reaction (retry: the action again; feedback: a thumbs
down), as in tests/behavior/test_failure_plan.py.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from persona6 import Persona6
from persona6.context.relevance import brief_data

REACTING = {
    "retry": [("action", "run", "export report")],
    "feedback": [("action", "thumbs_down", None)],
}
START = datetime(2026, 3, 1, tzinfo=UTC)


def _event(person: str, session: str, at: datetime, kind: str, name: str | None, text: str | None):
    found = {"ts": at.isoformat(), "session_id": session, "user_id": person, "type": kind}
    return found | {k: v for k, v in (("name", name), ("text", text)) if v}


def _failures(people: dict[str, list[str]]) -> list[dict]:
    found = []
    for hour, (person, reactions) in enumerate(sorted(people.items())):
        for day, reaction in enumerate(reactions):
            t = START + timedelta(days=day, hours=hour)
            session = f"{person}-d{day}"
            found += [
                _event(person, session, t, "action", "run", "export report"),
                _event(person, session, t + timedelta(seconds=1), "outcome", "error", "failed"),
                *(
                    _event(person, session, t + timedelta(seconds=5 + i), *act)
                    for i, act in enumerate(REACTING[reaction])
                ),
            ]
    return found


def _quiet(person: str = "u-quiet") -> list[dict]:
    """A person who only talks: no failure of theirs."""
    t = START + timedelta(days=20)
    return [
        _event(person, "q-1", t, "message", None, "Could you export the weekly report?"),
        _event(person, "q-1", t + timedelta(seconds=30), "action", "run", "export report"),
    ]


def _plan(events: list[dict], person: str) -> str:
    with Persona6(db=":memory:") as p6:
        p6.record(events)
        p6.build()
        brief = p6.context(person, budget=400)
        return next(i.statement for i in brief.items if i.kind == "failure_plan")


def _chat(turns: list[tuple[str, str]]) -> list[dict]:
    events = []
    for n, (session, text) in enumerate(turns):
        t = START + timedelta(days=n // 20, minutes=n % 20)
        events.append(_event("u-1", session, t, "message", None, text))
        events.append(
            {
                "ts": (t + timedelta(seconds=30)).isoformat(),
                "session_id": session,
                "type": "message",
                "role": "assistant",
                "text": "Done.",
            }
        )
    return events


def _brief_text(turns: list[tuple[str, str]]) -> str:
    with Persona6(db=":memory:") as p6:
        p6.record(_chat(turns))
        p6.build()
        return p6.context("u-1", budget=1000).text


# -- the failure plan -----------------------------------------------------------------------


def test_no_failures_of_their_own_in_a_tiny_population_gives_no_directive():
    """Two persons' four retries are no "people like them": no evidence, no advice."""
    people = {"u-a": ["retry", "retry"], "u-b": ["retry", "retry"]}
    plan = _plan(_failures(people) + _quiet(), "u-quiet")
    assert plan.startswith("No failures of theirs yet")
    assert "4 failures from 2 persons are too few" in plan
    need = brief_data()["population_plan"]
    assert f"at least {need['min_episodes']} from {need['min_persons']} persons" in plan
    assert "Likely" not in plan and "they retry at once" not in plan
    assert "make it safe to retry" not in plan


def test_a_population_large_enough_still_speaks_for_people_like_them():
    """Six persons with four retries each (24 failures): the population's lead, as before."""
    people = {f"u-{n}": ["retry"] * 4 for n in range(6)}
    plan = _plan(_failures(people) + _quiet(), "u-quiet")
    assert plan.startswith("Likely retry ")
    assert "(none of theirs yet; from people like them): they retry at once" in plan


def test_no_failures_anywhere_says_there_is_no_evidence():
    plan = _plan(_quiet(), "u-quiet")
    assert plan == "No failures yet, theirs or anyone's here: no evidence of how they react."


def test_one_episode_of_theirs_leads_over_a_population_lead_they_never_showed():
    """One feedback of theirs, retries of everyone else: no habit yet, but the advice is for
    what they did, and the population's retry is named as the model's lead, not as theirs."""
    people = {"u-once": ["feedback"], **{f"u-{n}": ["retry", "retry"] for n in range(3)}}
    plan = _plan(_failures(people), "u-once")
    assert plan.startswith("Their own 1 past failure: feedback 1 (no habit yet; likelier of these")
    assert brief_data()["reaction_plans"]["feedback"] in plan
    assert "The model's lead, retry " in plan and "(they never showed it)" in plan
    assert "make it safe to retry" not in plan


def test_a_habit_that_is_also_the_models_lead_reads_as_before():
    people = {"u-a": ["retry", "retry"], "u-b": ["retry", "retry"], "u-c": ["feedback"]}
    plan = _plan(_failures(people), "u-a")
    assert plan.startswith("Likely retry ")
    assert "(2 past failures: retry 2): they retry at once" in plan


# -- how the layers compose -----------------------------------------------------------------


def test_a_request_of_theirs_wins_over_the_default_where_their_style_is_weak():
    """The request "no explanations pls" is their own word: it wins over the assistant's
    'moderate' even where the terseness read from how they write is below user_wins_at."""
    text = _brief_text([("s1", "restart the api pod"), ("s1", "no explanations pls")])
    assert "asks for no explanations" in text
    # The request's own line says it: the layer-composition line is not said twice (brief.v10).
    assert "verbosity: the user layer wins" not in text
    assert "the assistant default wins ('moderate'" not in text


def test_without_a_request_a_weak_style_still_leaves_the_default_in_force():
    """The neighbour: the same terse message without the request."""
    text = _brief_text([("s1", "restart the api pod"), ("s1", "scale the workers to 3")])
    assert "verbosity: the user layer wins" not in text
    assert "Keep answers short" not in text


def test_instructions_and_planning_are_said_as_one_directive():
    turns = []
    for i in range(5):
        turns += [
            (f"s{i}", "restart the api pod on staging."),
            (f"s{i}", "Before changing anything, let's plan it: first staging, then prod."),
            (f"s{i}", "scale the worker deployment to 3."),
        ]
    text = _brief_text(turns)
    assert "They give instructions but plan before acting: for a change, propose the plan" in text
    assert "do the thing first, then report briefly." not in text
    assert "propose a plan before changing anything." not in text


def _tone(user: str | None, value: str | None) -> dict:
    from persona6.context.brief import _Outcome

    return {"tone": _Outcome("tone", user, "inferred", "friendly", value)}


def test_an_archetype_clause_against_the_winning_default_is_left_out():
    from persona6.context.brief import _composed

    dimensions = brief_data()["dimensions"]
    directive = "Be warm and personal; refer back to what you did together before."
    # The default tone wins over weak warmth: the warm clause goes, the rest stays.
    assert (
        _composed(directive, _tone("warm", "friendly"), dimensions)
        == "Refer back to what you did together before."
    )
    # Their warmth wins, or nothing of theirs says a tone: the directive as it is.
    assert _composed(directive, _tone("warm", "warm"), dimensions) == directive
    # Their own tone is the default's (brief.v10): the archetype's warm clause goes too.
    assert (
        _composed(directive, _tone("friendly", "friendly"), dimensions)
        == "Refer back to what you did together before."
    )
    assert _composed(directive, _tone(None, None), dimensions) == directive
    # A clause that says nothing of the dimension is never touched.
    other = "Credit their contributions to others when relevant."
    assert _composed(other, _tone("warm", "friendly"), dimensions) == other
