"""A forget report's note on a linked actor names how to forget it too as the surface serving
the report takes it (``{>forget_person}``, persona6/errors.py): the command line's command by
default, the HTTP API's endpoint there; MCP has no forget tool, so its wording says where
forgetting is done (persona6/identity/forgetting.py, ``for_surface``)."""

from __future__ import annotations

from persona6 import Persona6
from persona6.identity.forgetting import for_surface
from persona6.store import EventQuery

TOO = "To forget them too: "


def _held_out(p6: Persona6, truth: dict) -> tuple[str, str]:
    for person in truth["people"]:
        actor = person["holdout_anonymous_id"]
        if p6.link(actor).decision == person["person_id"]:
            return person["person_id"], actor
    raise AssertionError("no held-out session is linked to its person")


def _identified(p6: Persona6, person: str) -> str:
    return sorted(
        k.anonymous_id
        for k in p6.store.identity_links(p6.tenant, user_id=person)
        if k.method == "identify"
    )[0]


def _notes(report, surface: str) -> dict[str, str]:
    return {a.actor: a.note for a in for_surface(report.linked, surface)}


def test_the_attributed_actors_note_names_the_step_per_surface(p6, world):
    person, actor = _held_out(p6, world[1])
    report = p6.forget(person=person)
    said = f"not linked, but `link` attributes it to {person} at probability "
    cli, http, mcp = (_notes(report, s)[actor] for s in ("cli", "http", "mcp"))
    assert cli.startswith(said) and cli.endswith(f"{TOO}persona6 forget --person {actor}")
    assert http.startswith(said) and http.endswith(f"{TOO}DELETE /v1/persons/{actor}")
    assert "persona6 forget" not in http
    assert mcp.startswith(said) and mcp.endswith(
        f"{TOO}the forget tool with person_id {actor!r} (a server started to allow "
        f"forgetting has it; else the HTTP API's DELETE /v1/persons/{actor})"
    )
    assert "persona6 forget" not in mcp and "--" not in mcp
    # The library's own report reads as the command line's, as errors do by default.
    assert {a.actor: a.note for a in report.linked} == _notes(report, "cli")
    assert cli.removesuffix(f"persona6 forget --person {actor}") == http.removesuffix(
        f"DELETE /v1/persons/{actor}"
    )


def test_an_undone_links_note_names_the_step_per_surface(p6, world):
    person, _ = _held_out(p6, world[1])
    actor = _identified(p6, person)
    p6.unlink(actor)
    report = p6.forget(person=person)
    undone = next(a for a in report.linked if a.actor == actor)
    assert undone.link == "undone" and undone.forgotten is False
    assert undone.note.endswith(f"{TOO}persona6 forget --person {actor}")
    assert _notes(report, "http")[actor].endswith(f"{TOO}DELETE /v1/persons/{actor}")
    assert f"its link to {person} was undone" in _notes(report, "mcp")[actor]
    assert list(p6.store.iter_events(EventQuery(tenant=p6.tenant, actor=actor)))


def test_notes_without_a_step_read_the_same_on_every_surface(p6, world):
    person, _ = _held_out(p6, world[1])
    actor = _identified(p6, person)
    report = p6.forget(person=person)
    expected = (
        f"linked to {person} (identify): its events were {person}'s and are forgotten, "
        "and the link is deleted"
    )
    assert {_notes(report, s)[actor] for s in ("cli", "http", "mcp")} == {expected}
