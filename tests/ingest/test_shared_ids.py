"""An id used both as a user_id and as an anonymous actor's only id is one actor (docs/events.md):
ingest stores the events as given and warns, whichever comes first, naming the first such id."""

from __future__ import annotations

import logging

from click.testing import CliRunner

from persona6 import Persona6
from persona6.cli import main
from persona6.ingest.pipeline import ingest, ingest_events
from persona6.store import SQLiteStore


def message(n: int, session: str, **actor: str) -> dict[str, object]:
    return {
        "event_id": f"e-{n}",
        "ts": f"2026-01-0{n + 1}T10:00:00Z",
        "session_id": session,
        "type": "message",
        "text": f"message {n}",
        **actor,
    }


def test_an_anonymous_id_that_is_a_user_id_is_stored_and_warned_about(write_lines):
    path = write_lines(
        [message(0, "s-1", user_id="u-x"), message(1, "s-2", anonymous_id="u-x")], "log.jsonl"
    )
    store = SQLiteStore(":memory:")
    report = ingest(store, path)
    assert (report.stored, report.shared_ids) == (2, 1)
    assert report.first_shared_id == (
        f"{path}:2: 'u-x' is both a user_id and the anonymous_id of events without one, so "
        "those events are that person's (no identify event, no link to undo)"
    )
    assert store.identity_links("default") == []


def test_a_person_who_first_appears_after_anonymous_events_of_their_id_is_warned_about(
    write_lines,
):
    store = SQLiteStore(":memory:")
    first = ingest(store, write_lines([message(0, "s-1", anonymous_id="u-y")], "a.jsonl"))
    assert first.shared_ids == 0
    later = ingest(store, write_lines([message(1, "s-2", user_id="u-y")], "b.jsonl"), batch_size=1)
    assert later.shared_ids == 1
    assert later.first_shared_id is not None and "b.jsonl:1: 'u-y'" in later.first_shared_id


def test_ordinary_anonymous_actors_and_identify_events_raise_no_warning(write_lines):
    records = [
        message(0, "s-1", user_id="u-1"),
        message(1, "s-2", anonymous_id="anon-1"),
        {**message(2, "s-2"), "type": "identify", "anonymous_id": "anon-1", "user_id": "u-1"},
        message(3, "s-3", anonymous_id="anon-1", user_id="u-1"),
        message(4, "s-4", user_id="u-1"),
    ]
    store = SQLiteStore(":memory:")
    assert ingest(store, write_lines(records), batch_size=2).shared_ids == 0
    assert ingest(store, write_lines(records)).shared_ids == 0  # again: all duplicates


def test_the_cli_warns_on_stderr(write_lines, tmp_path):
    path = write_lines([message(0, "s-1", user_id="u-x"), message(1, "s-2", anonymous_id="u-x")])
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", str(tmp_path / "p6.db")])
    assert result.exit_code == 0
    assert "warning: 1 id used both as a user_id and as an anonymous_id. First: " in result.stderr
    assert "Give the anonymous actor an id of its own" in result.stderr


def test_events_given_as_objects_log_the_warning(caplog):
    p6 = Persona6(db=":memory:")
    with caplog.at_level(logging.WARNING, logger="persona6.ingest"):
        ingest_events(p6.store, [message(0, "s-1", user_id="u-x")])
        ingest_events(p6.store, [message(1, "s-2", anonymous_id="u-x")])
    assert "1 id(s) used both as a user_id and as an anonymous_id; first: api[0]: 'u-x'" in (
        caplog.text
    )


def test_stored_actors_tells_persons_from_anonymous_actors(store):
    ingest_events(
        store,
        [
            message(0, "s-1", user_id="u-1"),
            message(1, "s-1", anonymous_id="anon-1"),
            message(2, "s-2", anonymous_id="anon-2", user_id="u-2"),
        ],
    )
    names = ["u-1", "anon-1", "u-2", "anon-2", "nobody"]
    assert store.stored_actors("default", names, known=True) == {"u-1", "u-2"}
    assert store.stored_actors("default", names, known=False) == {"anon-1"}
    many = [f"x-{i}" for i in range(450)] + ["u-1"]
    assert store.stored_actors("default", many, known=True) == {"u-1"}
