"""The SQLite store: migrations, WAL, queries, and clear errors for unusable databases."""

from __future__ import annotations

import sqlite3

import pytest
from helpers import message

from persona6.errors import StoreError
from persona6.ingest.pipeline import ingest_events
from persona6.store import EventQuery, SQLiteStore, open_store
from persona6.store.sql import migrations


def test_migrations_are_numbered_and_recorded(tmp_path):
    path = tmp_path / "p6.db"
    SQLiteStore(path).close()
    rows = sqlite3.connect(path).execute("SELECT version, name FROM schema_migrations").fetchall()
    assert rows == [(v, n) for v, n, _ in migrations()]
    assert rows[0] == (1, "0001_event_log")


def test_reopening_does_not_reapply_migrations(tmp_path):
    path = tmp_path / "p6.db"
    SQLiteStore(path).close()
    store = SQLiteStore(path)
    assert store.schema_version() == len(migrations())
    store.close()


def test_file_database_uses_wal(tmp_path):
    store = SQLiteStore(tmp_path / "p6.db")
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_a_newer_schema_is_refused_with_upgrade_hint(tmp_path):
    path = tmp_path / "p6.db"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="schema version 999, newer than this persona6 knows"):
        SQLiteStore(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello, these are not pages of a database\n" * 100)
    with pytest.raises(StoreError) as caught:
        SQLiteStore(path)
    assert str(caught.value).startswith(f"{path}: cannot be")
    assert "Pass the path of a persona6 database" in str(caught.value)


def test_a_missing_folder_is_refused(tmp_path):
    path = tmp_path / "no" / "such" / "p6.db"
    with pytest.raises(StoreError, match=r"does not exist\. Create it first"):
        SQLiteStore(path)


def test_postgres_url_says_the_backend_is_not_there_yet():
    with pytest.raises(StoreError, match="PostgreSQL backend is not part of this version"):
        open_store("postgresql://user:secret@db/p6")


def test_transaction_rolls_back_on_error(store):
    with pytest.raises(RuntimeError), store.transaction():
        ingest_events(store, [message(0)])
        raise RuntimeError("boom")
    assert list(store.iter_events(EventQuery(tenant="default"))) == []


def test_event_filters_narrow(store):
    ingest_events(
        store,
        [
            message(0, session_id="a"),
            message(1, session_id="b", user_id=None, anonymous_id="anon"),
            message(2, session_id="b", type="action", name="command"),
        ],
    )

    def ids(**kw):
        return [e.text for e in store.iter_events(EventQuery(tenant="default", **kw))]

    assert ids(session_id="b") == ["message number 1", "message number 2"]
    assert ids(anonymous_id="anon") == ["message number 1"]
    assert ids(actor="u-1") == ["message number 0", "message number 2"]
    assert ids(type="action") == ["message number 2"]
    assert ids(since="2026-03-01T10:00:01.000000Z", until="2026-03-01T10:00:02.000000Z") == [
        "message number 1"
    ]
    assert ids(limit=1) == ["message number 0"]


def test_sessions_list_actors_and_counts(store):
    ingest_events(
        store,
        [
            message(0, session_id="a"),
            message(1, session_id="a", user_id="u-2"),
            {
                "ts": "2026-03-01T10:00:03Z",
                "session_id": "a",
                "type": "message",
                "role": "assistant",
                "text": "hi",
            },
            message(4, session_id="b", type="outcome", name="error"),
        ],
    )
    found = {s.session_id: s for s in store.sessions("default")}
    assert found["a"].actors == ["u-1", "u-2"]
    assert (found["a"].messages, found["b"].outcomes) == (3, 1)
    assert [s.session_id for s in store.sessions("default", actor="u-2")] == ["a"]
    assert [s.session_id for s in store.sessions("default")] == ["b", "a"]


def test_stats_count_by_type_and_actor(store):
    ingest_events(store, [message(0), message(1, user_id=None, anonymous_id="x")])
    stats = store.stats("default")
    assert (stats.events, stats.sessions, stats.persons, stats.anonymous_actors) == (2, 1, 1, 1)
    assert stats.by_type == {"message": 2}
    assert store.stats("other").events == 0
