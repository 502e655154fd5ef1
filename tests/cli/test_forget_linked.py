"""``forget --person`` says on the command line, one line each after the count, what became of
every anonymous actor linked to the person (the report's ``linked``, end-to-end review 8, I2);
``--include-linked`` forgets the actors ``link`` only attributes to them too."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from persona6 import Persona6, synth
from persona6.cli import main
from persona6.errors import InvalidOption
from persona6.store import EventQuery


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str, str]:
    """A built store of synthetic people, one of them, the anonymous actor an identify event
    links to them and their held-out anonymous session, which ``link`` attributes to them."""
    log = synth.generate(seed=4, people=8)
    path = tmp_path_factory.mktemp("forget_linked") / "p6.db"
    with Persona6(db=path) as p6:
        p6.record(log.events)
        p6.build()
        for truth in log.truth["people"]:
            person, held_out = truth["person_id"], truth["holdout_anonymous_id"]
            identified = sorted(
                link.anonymous_id
                for link in p6.store.identity_links(p6.tenant, user_id=person)
                if link.method == "identify"
            )
            if identified and p6.link(held_out).decision == person:
                return path, person, identified[0], held_out
    raise AssertionError("no person with an identify link and an attributed held-out session")


@pytest.fixture
def db(world: tuple[Path, str, str, str], tmp_path: Path) -> Path:
    copy = tmp_path / "copy.db"
    copy.write_bytes(world[0].read_bytes())
    return copy


def _run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)


def _events_of(db: Path, actor: str) -> int:
    with Persona6(db=db) as p6:
        return len(list(p6.store.iter_events(EventQuery(tenant=p6.tenant, actor=actor))))


def test_forget_person_prints_what_became_of_each_linked_actor(world, db):
    _, person, identified, held_out = world
    kept = _events_of(db, held_out)
    result = _run(db, "forget", "--person", person)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("forgot ")
    notes = {line.split(": ", 1)[0].strip(): line for line in lines[1:]}
    assert set(notes) == {identified, held_out}
    assert all(line.startswith("  ") for line in lines[1:])
    assert notes[identified] == (
        f"  {identified}: linked to {person} (identify): its events were {person}'s and are "
        "forgotten, and the link is deleted"
    )
    attributed = notes[held_out]
    assert f"not linked, but `link` attributes it to {person} at probability " in attributed
    assert attributed.endswith(f"To forget them too: persona6 forget --person {held_out}")
    assert _events_of(db, held_out) == kept > 0
    # The command the note suggests is one the command line runs.
    again = _run(db, "forget", "--person", held_out)
    assert again.exit_code == 0, again.output
    assert again.output.startswith("forgot ")
    assert _events_of(db, held_out) == 0


def test_include_linked_forgets_the_attributed_actor_and_counts_its_events(world, db):
    _, person, identified, held_out = world
    result = _run(db, "forget", "--person", person, "--include-linked")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    said = " more: those of the 1 actor `link` attributes to them (their events, and the "
    assert said in lines[0]
    notes = {line.split(": ", 1)[0].strip(): line for line in lines[1:]}
    assert f"attributes it to {person} at probability " in notes[held_out]
    assert notes[held_out].endswith(": forgotten with them, as asked")
    assert _events_of(db, held_out) == 0
    assert _events_of(db, identified) == 0


def test_the_counts_with_include_linked_add_up_to_what_was_forgotten(world, db):
    _, person, _, held_out = world
    kept = _events_of(db, held_out)
    plain = db.with_name("plain.db")
    plain.write_bytes(db.read_bytes())
    alone = json.loads(_run(plain, "forget", "--person", person, "--json").stdout)["events"]
    line = _run(db, "forget", "--person", person, "--include-linked").output.splitlines()[0]
    events = int(line.split()[1])
    extra = int(re.search(r", and (\d+) more: those of the 1 actor `link` attributes", line)[1])
    assert events == alone + extra and extra >= kept > 0


def test_include_linked_in_json_marks_the_actor_forgotten(world, db):
    _, person, _, held_out = world
    report = json.loads(_run(db, "forget", "--person", person, "--include-linked", "--json").stdout)
    linked = {a["actor"]: a for a in report["linked"]}
    assert linked[held_out]["link"] == "attributed"
    assert linked[held_out]["forgotten"] is True


def test_the_json_note_names_the_command_that_forgets_the_actor_too(world, db):
    # The command line's wording of the step ``forget_person`` (persona6/errors.py); the
    # HTTP API names its endpoint instead (tests/server/test_forget_notes.py).
    _, person, _, held_out = world
    report = json.loads(_run(db, "forget", "--person", person, "--json").stdout)
    note = {a["actor"]: a["note"] for a in report["linked"]}[held_out]
    assert note.endswith(f"To forget them too: persona6 forget --person {held_out}")
    assert "DELETE /v1/" not in note


def test_include_linked_is_only_for_a_person(db):
    with Persona6(db=db) as p6:
        session = next(iter(p6.store.sessions(p6.tenant))).session_id
    result = CliRunner().invoke(
        main, ["--db", str(db), "forget", "--session", session, "--include-linked"]
    )
    assert result.exit_code == 2
    assert "--include-linked forgets, with a person, " in result.output
    assert "give it with --person only" in result.output
    with Persona6(db=db) as p6:
        assert session in {s.session_id for s in p6.store.sessions(p6.tenant)}  # still there
        with pytest.raises(InvalidOption, match="give it with --person only"):
            p6.forget(session=session, include_linked=True)


def test_the_engine_passes_include_linked_through(world, db):
    _, person, _, held_out = world
    with Persona6(db=db) as p6:
        report = p6.forget(person=person, include_linked=True)
    assert {a.actor: a.forgotten for a in report.linked}[held_out] is True
    assert _events_of(db, held_out) == 0
