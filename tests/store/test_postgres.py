"""The PostgreSQL store: its messages, migrations from several processes at once, its column
types and collation, and connections that never sit in a transaction between calls."""

from __future__ import annotations

import sys
import threading
from contextlib import ExitStack

import pytest
from helpers import message

from persona6.errors import MissingExtra, StoreError
from persona6.ingest.pipeline import ingest_events
from persona6.store import open_store
from persona6.store.sql import migrations


def test_without_psycopg_the_message_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now raises ImportError
    with pytest.raises(MissingExtra) as caught:
        open_store("postgresql://p6:secret@db.example:5432/p6")
    assert str(caught.value) == (
        "postgresql://p6@db.example:5432/p6: opening a PostgreSQL database needs the optional "
        "extra 'postgres'. Install it with: pip install 'persona6[postgres]'"
    )


def test_an_unreachable_server_names_the_url_without_its_password():
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError) as caught:
        open_store("postgres://p6:secret@/p6?host=/nonexistent-p6-socket-dir&password=hunter2")
    text = str(caught.value)
    assert text.startswith(
        "postgres://p6@/p6?host=/nonexistent-p6-socket-dir: cannot connect to PostgreSQL ("
    )
    assert text.endswith(
        "). Check that the server is running and that the URL's host, port, user, password and "
        "database are right (create the database first: createdb NAME), or pass a SQLite file "
        "path for --db"
    )
    assert "secret" not in text
    assert "hunter2" not in text


def test_a_missing_database_is_named_with_how_to_create_it(postgres_url):
    url = postgres_url.replace("/p6t_", "/p6t_missing_")
    with pytest.raises(StoreError) as caught:
        open_store(url)
    assert 'database "p6t_missing_' in str(caught.value)
    assert "create the database first: createdb NAME" in str(caught.value)


def test_processes_starting_together_migrate_once(postgres_url):
    # Each thread opens its own connection, as two service processes would; without the
    # migration lock the second fails creating a table the first is creating.
    start = threading.Barrier(4)
    opened, failed = [], []

    def open_one() -> None:
        start.wait()
        try:
            opened.append(open_store(postgres_url))
        except Exception as exc:  # reported below, with the others
            failed.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failed == []
    rows = opened[0].conn.execute("SELECT version FROM schema_migrations ORDER BY version")
    assert [row[0] for row in rows] == [v for v, _, _ in migrations()]
    for store in opened:
        store.close()


def test_reads_outside_a_transaction_leave_the_connection_idle(postgres_url):
    from psycopg.pq import TransactionStatus

    store = open_store(postgres_url)
    ingest_events(store, [message(0)])
    store.stats("default")
    list(store.actors("default"))
    # An open transaction would keep its snapshot: another process's writes would stay unseen.
    assert store.conn.info.transaction_status == TransactionStatus.IDLE
    with store.transaction():
        assert store.conn.info.transaction_status == TransactionStatus.INTRANS
    assert store.conn.info.transaction_status == TransactionStatus.IDLE
    store.close()


def test_the_first_events_stored_give_the_events_table_statistics(postgres_url):
    # Without them the planner reads every event of a tenant for each IN list of ids (the
    # duplicate check of a re-ingest), until autovacuum analyzes the table.
    store = open_store(postgres_url)

    def analyzed() -> list[tuple[str, str]]:
        return store.conn.execute(
            "SELECT attname, most_common_vals::text FROM pg_stats "
            "WHERE tablename = 'events' AND attname = 'tenant'"
        ).fetchall()

    assert analyzed() == []
    ingest_events(store, [message(n) for n in range(3)])
    assert analyzed() == [("tenant", "{default}")]
    store.close()


def test_a_read_of_events_comes_through_a_server_side_cursor_closed_after(postgres_url):
    from psycopg.pq import TransactionStatus

    from persona6.store import EventQuery

    store = open_store(postgres_url)
    ingest_events(store, [message(n) for n in range(3)])

    def open_cursors() -> int:
        row = store.conn.execute("SELECT count(*) FROM pg_cursors WHERE is_holdable").fetchone()
        return int(row[0])

    reading = store.iter_events(EventQuery(tenant="default"))
    assert next(reading).text == "message number 0"
    # the rest waits on the server, not in this process's memory
    assert open_cursors() == 1
    assert store.conn.info.transaction_status == TransactionStatus.IDLE
    assert [e.text for e in reading] == ["message number 1", "message number 2"]
    assert open_cursors() == 0
    half = store.iter_events(EventQuery(tenant="default"))
    next(half)
    half.close()
    assert open_cursors() == 0
    store.close()


def test_columns_are_doubles_bigints_and_byte_ordered_text(postgres_url):
    store = open_store(postgres_url)
    rows = store.conn.execute(
        "SELECT table_name, column_name, data_type, collation_name "
        "FROM information_schema.columns WHERE table_schema = current_schema()"
    ).fetchall()
    store.close()
    assert {row[2] for row in rows} == {"text", "bigint", "double precision"}
    assert {row[3] for row in rows if row[2] == "text"} == {"C"}
    assert ("events", "seq", "bigint", None) in rows
    assert ("traits", "confidence", "double precision", None) in rows


def test_a_database_with_a_language_collation_orders_as_sqlite_does(new_postgres_database):
    import psycopg

    with ExitStack() as stack:
        try:
            url = stack.enter_context(
                new_postgres_database(
                    "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'"
                )
            )
        except psycopg.Error as exc:
            pytest.skip(f"this server cannot create an ICU database ({exc})")
        store = stack.enter_context(open_store(url))
        names = ["b", "B", "a", "_x", "Z", "a-b", "ab"]
        ingest_events(store, [message(n, user_id=name) for n, name in enumerate(names)])
        # en-US alone would give _x a ab a-b b B Z; persona6 orders by code point everywhere.
        assert [a.actor for a in store.actors("default")] == sorted(names)


def test_a_nul_character_is_refused_with_the_event_and_field(postgres_url):
    store = open_store(postgres_url)
    with pytest.raises(StoreError) as caught:
        ingest_events(store, [message(0, event_id="e-nul", text="a\x00b")])
    assert str(caught.value) == (
        "event 'e-nul': field 'text' holds a NUL character (\\u0000), which PostgreSQL cannot "
        "store in text. Remove it from the input, or use a SQLite database for --db"
    )
    assert store.stats("default").events == 0
    store.close()


def test_a_tenants_events_commit_in_seq_order_across_connections(postgres_url):
    # A build takes the newest committed seq as its watermark: an event of the same tenant
    # with a lower seq committing later would never be built. Ingest of one tenant therefore
    # waits for the other connection's open ingest; another tenant's does not.
    first, second, third = (open_store(postgres_url) for _ in range(3))
    with first.transaction():
        ingest_events(first, [message(0)])
        blocked = threading.Thread(target=ingest_events, args=(second, [message(1)]))
        free = threading.Thread(
            target=ingest_events, args=(third, [message(2)]), kwargs={"tenant": "other"}
        )
        blocked.start()
        free.start()
        free.join(10)
        blocked.join(0.5)
        assert not free.is_alive() and blocked.is_alive()
    blocked.join(10)
    assert not blocked.is_alive()
    seqs = first._execute(
        "SELECT text, seq FROM events WHERE tenant = 'default' ORDER BY seq"
    ).fetchall()
    assert [text for text, _ in seqs] == ["message number 0", "message number 1"]
    for store in (first, second, third):
        store.close()


def test_the_cli_never_prints_the_password_of_a_database_url(postgres_url):
    from click.testing import CliRunner

    from persona6.cli import main

    with_password = postgres_url.replace("postgresql://postgres@", "postgresql://postgres:s3cret@")
    assert "s3cret" in with_password  # the server trusts local users: any password will do
    result = CliRunner().invoke(main, ["init", "--db", with_password])
    assert result.exit_code == 0, result.output
    assert "ready" in result.output and "postgres@" in result.output
    assert "s3cret" not in result.output
