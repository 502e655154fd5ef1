"""The SQLite store: WAL, and clear errors for files that cannot be databases."""

from __future__ import annotations

from pathlib import Path

import pytest

from persona6.errors import StoreError
from persona6.store import SQLiteStore, open_store


def test_file_database_uses_wal(tmp_path):
    store = SQLiteStore(tmp_path / "p6.db")
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_a_sqlite_url_opens_the_file(tmp_path):
    path = tmp_path / "p6.db"
    store = open_store(f"sqlite:///{path}")
    assert isinstance(store, SQLiteStore)
    assert store.path == str(path)
    store.close()


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


def test_a_writer_locked_out_too_long_gets_a_store_error_saying_what_to_do(tmp_path, monkeypatch):
    import persona6.store.sqlite as sqlite_module

    path = tmp_path / "p6.db"
    holder, waiter = SQLiteStore(path), SQLiteStore(path)
    waiter.conn.execute("PRAGMA busy_timeout = 50")  # no need to wait 10 s in a test
    monkeypatch.setattr(sqlite_module, "BUSY_TIMEOUT_MS", 50)
    with holder.transaction(), pytest.raises(StoreError) as caught, waiter.transaction():
        pass
    assert str(caught.value) == (
        f"{path}: another connection kept the database locked for writing for 0 s. Try again; "
        "for many concurrent writers, use a PostgreSQL database (--db postgresql://...)"
    )
    with waiter.transaction():  # the failed BEGIN left nothing behind: this one writes
        waiter.set_built_seq("default", 7)
    assert holder.built_seq("default") == 7
    holder.close()
    waiter.close()


def read_only(store: SQLiteStore, monkeypatch, *, unwritable) -> None:
    """Make SQLite refuse writes as for a read-only file (query_only gives the same error)
    and ``os.access`` deny ``unwritable``: the tests run as root, who may write anything."""
    import os

    import persona6.store.sqlite

    store.conn.execute("PRAGMA query_only = ON")
    real_access = os.access
    monkeypatch.setattr(
        persona6.store.sqlite.os,
        "access",
        lambda path, mode: Path(path) != unwritable and real_access(path, mode),
    )


def test_writing_a_read_only_database_file_says_how_to_make_it_writable(tmp_path, monkeypatch):
    from helpers import message

    from persona6.ingest.pipeline import ingest_events

    path = tmp_path / "p6.db"
    store = SQLiteStore(path)
    read_only(store, monkeypatch, unwritable=path)
    with pytest.raises(StoreError) as caught:
        ingest_events(store, [message(0)])
    assert str(caught.value) == (
        f"{path}: the database file is read-only, so nothing can be written to it. Make it "
        f"writable (chmod u+w {path}), or copy it to a file you can write to and pass that "
        "to --db"
    )
    assert caught.value.exit_code == 5
    store.close()


def test_a_database_in_a_read_only_folder_says_the_folder_is_not_writable(tmp_path, monkeypatch):
    from helpers import message

    from persona6.ingest.pipeline import ingest_events

    path = tmp_path / "p6.db"
    store = SQLiteStore(path)
    read_only(store, monkeypatch, unwritable=tmp_path)
    with pytest.raises(StoreError) as caught:
        ingest_events(store, [message(0)])
    assert str(caught.value) == (
        f"{path}: the folder {tmp_path} is not writable, and SQLite keeps its -wal and -shm "
        "files beside the database. Make the folder writable, or move the database to a "
        "folder you can write to and pass that to --db"
    )
    store.close()


def test_a_folder_given_as_the_database_is_named(tmp_path):
    with pytest.raises(StoreError) as caught:
        SQLiteStore(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path} is a folder, not a database file. Pass a file path, e.g. --db "
        f"{tmp_path / 'persona6.db'}"
    )
