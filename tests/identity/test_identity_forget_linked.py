"""Forgetting a person says what became of every anonymous actor linked to them (end-to-end
review 8, I2): an actor a link resolves to them is forgotten with them, one that ``link`` only
attributes to them is kept (its events are not theirs unless merged) and named, with how to
forget it too (persona6/identity/forgetting.py, ``linked_actors``)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from persona6 import Persona6
from persona6.cli import main
from persona6.graph import forget_person
from persona6.store import EventQuery


def _held_out(p6: Persona6, truth: dict) -> tuple[str, str]:
    """A person and their held-out anonymous session that ``link`` attributes to them."""
    for person in truth["people"]:
        actor = person["holdout_anonymous_id"]
        if p6.link(actor).decision == person["person_id"]:
            return person["person_id"], actor
    raise AssertionError("no held-out session is linked to its person")


def _events_of(p6: Persona6, actor: str) -> int:
    return len(list(p6.store.iter_events(EventQuery(tenant=p6.tenant, actor=actor))))


def test_forget_names_the_attributed_actor_and_keeps_its_events(p6, world):
    person, actor = _held_out(p6, world[1])
    before = _events_of(p6, actor)
    report = p6.forget(person=person)
    found = {a.actor: a for a in report.linked}
    assert found[actor].link == "attributed"
    assert found[actor].forgotten is False
    assert found[actor].probability is not None and found[actor].probability >= 0.5
    assert f"attributes it to {person} at probability" in found[actor].note
    assert f"persona6 forget --person {actor}" in found[actor].note
    assert _events_of(p6, actor) == before  # not theirs unless merged
    # The actor an identify event linked to them was theirs: forgotten, link gone.
    merged = [a for a in report.linked if a.link == "identify"]
    assert merged and all(a.forgotten for a in merged)
    assert all(_events_of(p6, a.actor) == 0 for a in merged)
    assert not p6.store.identity_links(p6.tenant, user_id=person, include_revoked=True)


def test_forget_with_include_linked_forgets_the_attributed_actor_too(p6, world):
    person, actor = _held_out(p6, world[1])
    with p6.store.erasing():
        report = forget_person(p6.store, p6.tenant, person, include_linked=True)
    found = {a.actor: a for a in report.linked}
    assert found[actor].forgotten is True
    assert "forgotten with them" in found[actor].note
    assert _events_of(p6, actor) == 0


def test_forget_cli_json_says_what_happened_to_each_linked_actor(world, tmp_path: Path):
    copy = tmp_path / "cli.db"
    copy.write_bytes(world[0].read_bytes())
    with Persona6(db=copy) as p6:
        person, actor = _held_out(p6, world[1])
    result = CliRunner().invoke(
        main, ["--db", str(copy), "forget", "--person", person, "--json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    linked = {a["actor"]: a for a in json.loads(result.stdout)["linked"]}
    assert linked[actor]["link"] == "attributed"
    assert "its events are kept" in linked[actor]["note"]


def test_forgetting_an_anonymous_actor_as_a_person_lists_no_attribution(p6, world):
    _, actor = _held_out(p6, world[1])
    report = p6.forget(person=actor)
    assert report.linked == []
    assert _events_of(p6, actor) == 0
