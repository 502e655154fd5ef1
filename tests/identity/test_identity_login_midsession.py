"""An anonymous actor who logs in halfway through a session (an identify event) is in it with
the user_id it is linked to: one person. Linking reports the link instead of ruling that person
out, units count nobody as their own companion, and continuity compares them as one."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from persona6 import Persona6
from persona6.cli import main
from persona6.identity.features import UnitContext, session_units
from persona6.store import EventQuery

PRIYA = [
    "I need the Q4 revenue numbers as a CSV, not Excel. I prefer CSV over Excel files.",
    "Export the carriers table to csv please, the worker timed out again.",
    "Keep answers short please, I just need the file.",
]
SAM = [
    "Morning all. I prefer short agendas, bullet points only.",
    "Can you book the climbing gym for thursday evening?",
    "Bullet points again please, nothing long.",
]


def events() -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    for person, texts in (("u-priya", PRIYA), ("u-sam", SAM)):
        for day, text in enumerate(texts):
            found.append(
                {
                    "event_id": f"{person}-{day}",
                    "ts": f"2026-01-0{day + 1}T09:00:00Z",
                    "session_id": f"s-{person}-{day}",
                    "user_id": person,
                    "type": "message",
                    "text": text,
                }
            )
    base = {"session_id": "s-login", "type": "message"}
    found += [
        {
            **base,
            "event_id": "l-1",
            "ts": "2026-01-05T09:00:00Z",
            "anonymous_id": "anon-p7",
            "text": "quick one: export the carriers table to csv",
        },
        {
            **base,
            "event_id": "l-2",
            "ts": "2026-01-05T09:01:00Z",
            "type": "identify",
            "anonymous_id": "anon-p7",
            "user_id": "u-priya",
        },
        {
            **base,
            "event_id": "l-3",
            "ts": "2026-01-05T09:02:00Z",
            "user_id": "u-priya",
            "text": "Logged in now. Keep answers short please, I prefer CSV.",
        },
    ]
    return found


@pytest.fixture
def p6(tmp_path) -> Persona6:
    engine = Persona6(db=tmp_path / "p6.db")
    engine.record(events())
    engine.build()
    yield engine
    engine.close()


def test_linking_an_actor_stitched_mid_session_reports_its_link(p6):
    result = p6.link("anon-p7")
    assert result.decision == "u-priya"
    assert result.excluded == {}
    assert result.candidates == []
    assert result.linked is not None
    assert (result.linked.method, result.linked.evidence_event_id) == ("identify", "l-2")
    assert result.note.startswith("already linked to u-priya by identify l-2")
    assert result.sessions == ["s-login"]


def test_link_json_and_table_say_it_is_already_linked(p6, tmp_path):
    db = str(tmp_path / "p6.db")
    p6.close()
    shown = CliRunner().invoke(main, ["link", "anon-p7", "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "already linked to u-priya by identify l-2" in shown.output
    assert "ruled out" not in shown.output
    data = json.loads(CliRunner().invoke(main, ["link", "anon-p7", "--json", "--db", db]).output)
    assert set(data) == {
        "anonymous_id",
        "decision",
        "candidates",
        "new_person_probability",
        "threshold",
        "model_id",
        "linked",
        "note",
    }
    assert (data["decision"], data["linked"]["link_id"]) == ("u-priya", "l-2")


def test_link_all_leaves_the_stitched_actor_alone(p6):
    report = p6.link_all(auto_merge_above=0.01, threshold=0.01)
    assert "anon-p7" not in {r.anonymous_id for r in report.results}
    assert [k.method for k in p6.links("anon-p7")] == ["identify"]


def test_nobody_is_their_own_companion(p6):
    p6.link_all()  # units and profiles made
    units = {u.actor: u for u in p6.store.identity_units(p6.tenant, session_id="s-login")}
    assert set(units) == {"anon-p7", "u-priya"}
    for unit in units.values():
        assert json.loads(unit.body)["companions"] == {}
    session = list(p6.store.iter_events(EventQuery(tenant=p6.tenant, session_id="s-login")))
    context = UnitContext(frozenset(), frozenset(), 64)
    made = session_units(session, [], context, {"anon-p7": "u-priya"})
    assert made["anon-p7"].companions == made["u-priya"].companions == {}
    # Two people in one session are still each other's companions.
    apart = session_units(session, [], context, {})
    assert dict(apart["anon-p7"].companions) == {"u-priya": 1}


def test_continuity_of_the_session_treats_both_actors_as_one_person(p6):
    report = p6.continuity("s-login")
    (entry,) = report.actors
    assert (entry.actor, entry.person_id, entry.link) == ("u-priya", "u-priya", "user_id")
    assert entry.actors == ["anon-p7", "u-priya"]
    assert entry.note.startswith("also acted in this session as anon-p7 (identify l-2)")
    quoted = {q.event_id for item in entry.confirms + entry.new for q in item.evidence}
    assert {"l-1", "l-3"} <= quoted  # claims of both actors, compared as one person's
