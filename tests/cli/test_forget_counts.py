"""``forget --person`` deletes more events than ``persons`` counts for the person: a session in
which nobody else acted goes whole, assistant replies included. The message says which are
theirs and what the rest are, so the two numbers agree (first-user review 7, R9)."""

from __future__ import annotations

import json


def _event(n: int, session: str, **fields: object) -> dict[str, object]:
    return dict(event_id=f"e-{n}", ts=f"2026-03-01T10:{n:02d}:00Z", session_id=session, **fields)


def _said(n: int, session: str, actor: str, text: str) -> dict[str, object]:
    return _event(n, session, user_id=actor, type="message", text=text)


def _reply(n: int, session: str) -> dict[str, object]:
    return _event(n, session, type="message", role="assistant", text="Here you are.")


EVENTS = [
    # two sessions of u-1's own, with the assistant's replies
    _said(1, "s-1", "u-1", "Show me the revenue by region."),
    _reply(2, "s-1"),
    _event(3, "s-1", user_id="u-1", type="action", name="run_query", text="revenue by region"),
    _said(4, "s-2", "u-1", "Now by month, please."),
    _reply(5, "s-2"),
    _reply(6, "s-2"),
    # a session shared with u-2: only u-1's own events go, the reply stays
    _said(7, "s-3", "u-1", "Can we look at churn together?"),
    _said(8, "s-3", "u-2", "Sure, by cohort."),
    _reply(9, "s-3"),
    # an anonymous visit that u-1 identified themselves in
    _event(10, "s-4", anonymous_id="anon-1", type="message", text="Is there a dark mode?"),
    _event(11, "s-4", anonymous_id="anon-1", user_id="u-1", type="identify"),
    _reply(12, "s-4"),
]


def test_forget_person_says_which_events_were_theirs_and_what_else_went(run, write_lines):
    assert run("ingest", str(write_lines(EVENTS))).exit_code == 0
    assert run("build").exit_code == 0
    [person] = [p for p in json.loads(run("persons", "--json").output) if p["person_id"] == "u-1"]
    assert person["events"] == 5  # their messages and actions, anon-1's included
    result = run("forget", "--person", "u-1")
    assert result.exit_code == 0
    assert " ".join(result.output.split()).startswith(
        "forgot 10 events: 5 of theirs, and 4 assistant replies and 1 identify event in the "
        "sessions only they took part in; recomputed "
    )
    left = {e["event_id"] for e in map(json.loads, run("events", "--json").output.splitlines())}
    assert left == {"e-8", "e-9"}


def test_forget_person_without_sessions_of_their_own_says_only_theirs(run, write_lines):
    events = [_said(7, "s-3", "u-1", "Can we look at churn?"), _said(8, "s-3", "u-2", "Sure.")]
    assert run("ingest", str(write_lines(events))).exit_code == 0
    assert run("build").exit_code == 0
    output = " ".join(run("forget", "--person", "u-1").output.split())
    assert output.startswith("forgot 1 event: 1 of theirs; recomputed ")


def test_forget_session_and_json_are_unchanged(run, write_lines):
    assert run("ingest", str(write_lines(EVENTS))).exit_code == 0
    assert run("build").exit_code == 0
    output = " ".join(run("forget", "--session", "s-2").output.split())
    assert output.startswith("forgot 3 events; recomputed ")
    report = json.loads(run("forget", "--person", "u-1", "--json").output)
    assert report["events"] == 7
