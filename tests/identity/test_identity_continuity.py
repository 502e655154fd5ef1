"""Continuity of a known person's session: what it confirms, adds and contradicts."""

from __future__ import annotations

import pytest

from persona6 import Persona6


def said(n: int, session: str, text: str, day: int) -> dict[str, object]:
    return {
        "event_id": f"c-{n}",
        "ts": f"2026-03-{day:02d}T10:00:{n:02d}Z",
        "session_id": session,
        "user_id": "u-1",
        "type": "message",
        "text": text,
    }


@pytest.fixture
def p6() -> Persona6:
    engine = Persona6(db=":memory:")
    engine.record(
        [
            said(0, "s-1", "I prefer dark mode.", 1),
            said(1, "s-1", "I work as a nurse.", 1),
            said(2, "s-2", "I work as a nurse, so nights are long.", 2),
            said(3, "s-3", "I work as a nurse.", 3),
            said(4, "s-3", "I hate dark mode.", 3),
            said(5, "s-3", "I have two cats.", 3),
        ]
    )
    engine.build()
    return engine


def test_a_session_confirms_adds_and_contradicts_with_its_quotes(p6):
    report = p6.continuity("s-3")
    (actor,) = report.actors
    assert (actor.actor, actor.person_id, actor.link) == ("u-1", "u-1", "user_id")
    confirms = {i.key: i for i in actor.confirms}
    contradicts = {i.key: i for i in actor.contradicts}
    new = {i.kind for i in actor.new}
    assert any(i.kind == "disclosure" and i.prior_sessions == 2 for i in confirms.values())
    dark = next(i for k, i in contradicts.items() if "dark mode" in k)
    assert dark.prior is not None and dark.evidence[0].event_id == "c-4"
    assert dark.evidence[0].quote in "I hate dark mode."
    assert "disclosure" in new  # the cats were never mentioned before
    for item in actor.confirms + actor.new + actor.contradicts:
        for quote in item.evidence:
            event = p6.store.event(p6.tenant, quote.event_id)
            assert event is not None and event.session_id == "s-3"
            assert (event.text or "")[quote.start : quote.end] == quote.quote


def test_a_session_says_its_claims_as_the_graph_says_them():
    """The statements of a session's items read as the persona's traits do: a task is "works
    on ...", a switch "switched to ...", not the bare key."""
    engine = Persona6(db=":memory:")
    engine.record(
        [
            said(0, "s-1", "How do I connect my Google Sheet?", 1),
            said(1, "s-1", "I've switched to spreadsheets now.", 1),
            said(2, "s-2", "How do I connect my Google Sheet?", 2),
            said(3, "s-2", "I've switched to spreadsheets now.", 2),
        ]
    )
    engine.build()
    (actor,) = engine.continuity("s-2").actors
    graph = {(t.kind.value, t.key): t.statement for t in engine.store.traits_of("default", "u-1")}
    said_here = {(i.kind, i.key): i.statement for i in actor.confirms + actor.new}
    assert said_here[("decision", "->spreadsheets")] == "switched to spreadsheets"
    tasks = [k for k in said_here if k[0] == "task" and not k[1].startswith("sequence:")]
    assert tasks and all(said_here[k] == graph[k] for k in tasks)
    assert all(said_here[k].startswith("works on ") for k in tasks)


def test_the_command_names_how_the_actor_is_known_and_says_each_claim_once(tmp_path):
    from click.testing import CliRunner

    from persona6.cli import main

    db = tmp_path / "p6.db"
    with Persona6(db=db) as engine:
        engine.record(
            [
                said(0, "s-1", "I prefer bullet points over long paragraphs.", 1),
                said(1, "s-2", "I prefer bullet points over long paragraphs.", 2),
            ]
        )
        engine.build()
        keys = [i.key for i in engine.continuity("s-2").actors[0].confirms]
    assert {"bullet points", "long paragraphs"} <= set(keys)  # a trait each side of "over"
    result = CliRunner().invoke(main, ["continuity", "s-2", "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("u-1 known by its user_id")
    said_once = [line for line in lines if "prefers bullet points over long paragraphs  (" in line]
    assert said_once == [
        "    prefers bullet points over long paragraphs  (before: prefers bullet points over "
        "long paragraphs; 1 session)"
    ]


def test_a_change_of_mind_to_another_key_is_a_contradiction():
    """The graph reads "I prefer light mode now" as replacing "I love the dark theme" (two
    keys); continuity says so too, rather than calling light mode new."""
    engine = Persona6(db=":memory:")
    engine.record(
        [
            said(0, "s-1", "I absolutely love the dark theme.", 1),
            said(1, "s-2", "Honestly dark mode looked gloomy. I prefer light mode now!", 9),
        ]
    )
    engine.build()
    graph = engine.store.traits_of("default", "u-1")
    replaced = next(t for t in graph if t.key == "dark theme")
    assert replaced.valid_to is not None  # the graph's own reading, which continuity follows
    (actor,) = engine.continuity("s-2").actors
    light = next(i for i in actor.contradicts if i.key == "light mode")
    assert (light.prior, light.trait_id) == (replaced.statement, replaced.id)
    assert "light mode" not in {i.key for i in actor.new}


def test_a_value_tied_with_the_prevailing_one_is_no_contradiction():
    """Two sessions in the morning and two in the afternoon: a fifth in the morning does not
    contradict "afternoon", whichever of the two the trait names; the night would."""
    engine = Persona6(db=":memory:")
    hours = [("s-1", 9), ("s-2", 15), ("s-3", 9), ("s-4", 15), ("s-5", 9), ("s-6", 23)]
    engine.record(
        [
            {
                "event_id": f"t-{n}",
                "ts": f"2026-03-{n + 1:02d}T{hour:02d}:00:00Z",
                "session_id": session,
                "user_id": "u-1",
                "type": "message",
                "text": "Show the report",
            }
            for n, (session, hour) in enumerate(hours)
        ]
    )
    engine.build()

    def stance(session: str) -> str:
        (actor,) = engine.continuity(session).actors
        for name in ("confirms", "contradicts", "new"):
            if any(i.key == "time_of_day" for i in getattr(actor, name)):
                return name
        return "absent"

    assert stance("s-5") == "confirms"
    assert stance("s-6") == "contradicts"


def test_a_first_session_is_compared_with_nothing_that_came_after_it(p6):
    """s-1 is the person's first session: its claims are new, whatever later sessions say."""
    (actor,) = p6.continuity("s-1").actors
    assert actor.confirms == [] and actor.contradicts == []
    assert {i.key for i in actor.new} >= {"dark mode"}
