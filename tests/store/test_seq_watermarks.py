"""An event's ``seq`` is never given twice, so the watermarks kept as seqs (the build's
``built_seq``, identity units' ``units_seq``) never pass over an event recorded after a forget.

SQLite's ``INTEGER PRIMARY KEY`` gives the next row MAX(seq) + 1: once ``forget`` deletes the
newest event, the next event recorded took its seq again, at or below the watermark, and no
incremental build ever read it. Migration 0011 makes the column AUTOINCREMENT (PostgreSQL's
identity sequence never reuses a value)."""

from __future__ import annotations

import pytest
from helpers import message

from persona6 import Persona6
from persona6.identity import profiles
from persona6.identity.settings import settings_for
from persona6.store import open_store, sql

#: The last schema version before events' seq was made never to be given twice.
BEFORE = 10


def test_an_event_recorded_after_the_newest_is_forgotten_is_built_incrementally(db_url):
    p6 = Persona6(db_url, tenant="t")
    p6.record([message(1, event_id="e-1"), message(2, event_id="e-2")])
    p6.build()
    p6.forget(event="e-2")
    p6.record([message(3, event_id="e-3", session_id="s-2")])
    assert p6.store.max_seq("t") > 2  # 2 was the forgotten event's
    assert p6.pending_events() == 1
    report = p6.build()
    assert (report.sessions, report.events) == (1, 1)
    assert p6.pending_events() == 0
    p6.store.close()


def test_identity_units_read_an_event_recorded_after_the_newest_is_forgotten(db_url):
    p6 = Persona6(db_url, tenant="t")
    p6.record([message(1, event_id="e-1"), message(2, event_id="e-2")])
    p6.build()
    profiles.refresh(p6.store, "t", settings_for(p6.store, "t"))
    p6.forget(event="e-2")
    p6.record([message(3, event_id="e-3", session_id="s-2", user_id="u-2")])
    p6.build()
    profiles.refresh(p6.store, "t", settings_for(p6.store, "t"))
    assert {u.session_id for u in p6.store.identity_units("t")} == {"s-1", "s-2"}
    p6.store.close()


def _old_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stores opened until ``undo()`` migrate no further than version BEFORE."""
    shipped = sql.migrations
    monkeypatch.setattr(
        sql, "migrations", lambda *a, **k: [m for m in shipped(*a, **k) if m[0] <= BEFORE]
    )


def test_an_old_schema_database_is_upgraded_in_place_keeping_every_event(db_url, monkeypatch):
    _old_schema(monkeypatch)
    other = Persona6(db_url, tenant="u")
    other.record([message(9, event_id="u-9")])  # seq is numbered across tenants
    old = Persona6(db_url, tenant="t")
    assert old.store.schema_version() == BEFORE
    old.record([message(n, event_id=f"e-{n}") for n in range(1, 5)])
    old.record([message(1, event_id="o-1")], source="other")
    old.build()
    old.forget(event="e-4")
    old.forget(event="o-1")  # the two newest of t: MAX(seq) is now below the watermark
    before = sorted(
        tuple(row)
        for row in old.store.conn.execute(
            "SELECT seq, tenant, event_id, ts, session_id, text, ingested_at FROM events"
        ).fetchall()
    )
    built = old.store.built_seq("t")
    assert old.store.max_seq("t") < built
    assert old.store.conn.execute("SELECT MAX(seq) FROM events").fetchone()[0] < built
    old.store.close()
    other.store.close()
    monkeypatch.undo()

    p6 = Persona6(db_url, tenant="t")
    assert p6.store.schema_version() == sql.migrations()[-1][0]
    after = sorted(
        tuple(row)
        for row in p6.store.conn.execute(
            "SELECT seq, tenant, event_id, ts, session_id, text, ingested_at FROM events"
        ).fetchall()
    )
    assert after == before  # seqs and all
    assert p6.pending_events() == 0
    p6.record([message(5, event_id="e-5", session_id="s-2")])
    assert p6.store.max_seq("t") > built
    assert p6.pending_events() == 1
    assert (p6.build().events, p6.pending_events()) == (1, 0)
    p6.store.close()


def test_an_upgraded_database_has_the_schema_of_a_new_one(tmp_path, monkeypatch):
    """SQLite: the events table rebuilt by the migration has the columns, key, constraints and
    indexes of one made new (the indexes the rebuild dropped with the old table are back)."""

    def schema(path) -> list[tuple]:
        store = open_store(str(path))
        rows = store.conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master "
            "WHERE tbl_name <> 'schema_migrations' ORDER BY type, name"
        ).fetchall()
        store.close()
        return [tuple(row) for row in rows]

    _old_schema(monkeypatch)
    open_store(str(tmp_path / "old.db")).close()
    monkeypatch.undo()
    assert schema(tmp_path / "old.db") == schema(tmp_path / "new.db")


def test_a_migration_missing_for_a_backend_names_the_files_and_the_fix():
    """A migration shipped for one backend only stops the store with both file names it looked
    for and how to repair the install (a damaged install, not the user's data)."""
    from persona6.errors import StoreError

    with pytest.raises(StoreError) as caught:
        sql.migrations("mysql")
    message = str(caught.value)
    assert "migration 0011_seq_never_reused has no file for mysql" in message
    assert (
        "(0011_seq_never_reused.mysql.sql) and no portable one (0011_seq_never_reused.sql)"
    ) in message
    assert "reinstall persona6 (pip uninstall persona6, then install it again)" in message
