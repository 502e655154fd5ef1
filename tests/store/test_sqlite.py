"""The SQLite store: WAL, and clear errors for files that cannot be databases."""

from __future__ import annotations

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
