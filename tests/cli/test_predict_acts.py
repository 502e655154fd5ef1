"""``predict`` says the act a reaction was where the person's failure trait says it (the
graph's ``said_act``, data/graph.yaml ``failure_acts``): Dmitri's switches after failed deploys
were rollbacks, "switch (rollback)" in ``show``, and now in ``predict`` too; a retry names the
failed attempt again and says nothing more."""

from __future__ import annotations

import json


def _log() -> list[dict[str, object]]:
    events: list[dict[str, object]] = []

    def add(session: str, person: str, **fields: object) -> None:
        n = len(events)
        ts = f"2026-03-01T{n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}Z"
        events.append(dict(ts=ts, session_id=session, user_id=person, **fields))

    for k in range(3):
        for person, after in (("u-dmitri", "rollback"), ("u-ana", "deploy")):
            session = f"{person}-{k}"
            add(session, person, type="action", name="deploy", text="api v2")
            add(session, person, type="outcome", name="deploy_failed", text="health check")
            add(session, person, type="action", name=after, text="api v2")
    return events


def test_predict_says_the_act_a_reaction_was_as_show_does(run, write_lines):
    assert run("ingest", str(write_lines(_log()))).exit_code == 0
    assert run("build").exit_code == 0
    shown = json.loads(run("show", "u-dmitri", "--json").output)["traits"]
    assert any(t["statement"].endswith("switch (rollback, 3 of 3 episodes)") for t in shown)
    args = ("predict", "u-dmitri", "--failure", "deploy_failed")
    found = json.loads(run(*args, "--json").output)
    assert found["basis"]["person"]["acts"] == {"switch": "rollback"}
    assert [e["act"] for e in found["evidence"]] == ["rollback"] * 3
    lines = run(*args).output.splitlines()
    rows = [line for line in lines if "switch (rollback)" in line]
    assert rows[0].startswith("switch (rollback) ")  # the distribution's lead
    assert sum("│ switch (rollback) " in line for line in rows) == 3  # and each episode
    # A retry is the failed act again: nothing more to say.
    ana = json.loads(run("predict", "u-ana", "--failure", "deploy_failed", "--json").output)
    assert ana["basis"]["person"]["acts"] == {}
    assert {e["reaction"]: e["act"] for e in ana["evidence"]} == {"retry": ""}
    assert "(" not in run("predict", "u-ana").output.split("past episodes")[1]
