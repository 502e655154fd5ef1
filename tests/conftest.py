"""Shared fixtures: a store and a database URL per available backend, and a writer of small
input files.

PostgreSQL joins the backends when ``PERSONA6_TEST_POSTGRES_URL`` names a server (a URL whose
user may create databases, such as ``postgresql://postgres@/postgres?host=/tmp/p6pg``; .ci/run
starts one and sets it). Each PostgreSQL test gets a fresh, empty database of its own, dropped
afterwards. Without the variable those tests are skipped, and the run says so at the end.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest

from persona6.store import SQLiteStore, Store, open_store

POSTGRES_URL_VARIABLE = "PERSONA6_TEST_POSTGRES_URL"
POSTGRES_SKIP_REASON = f"PostgreSQL tests need {POSTGRES_URL_VARIABLE}"


def postgres_server_url() -> str:
    """The URL of the test server, or a skip of the calling test when none is configured."""
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url:
        pytest.skip(POSTGRES_SKIP_REASON)
    return url


def database_url(server_url: str, name: str) -> str:
    """``server_url`` pointed at the database ``name`` (path and any dbname parameter)."""
    parts = urlsplit(server_url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "dbname"]
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", urlencode(query, safe="/"), ""))


@contextmanager
def fresh_postgres_database(options: str = "") -> Iterator[str]:
    """The URL of a new empty database on the test server, dropped on exit (connections and
    all). ``options`` are extra CREATE DATABASE options."""
    import psycopg

    server = postgres_server_url()
    name = f"p6t_{secrets.token_hex(6)}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name} {options}")
    try:
        yield database_url(server, name)
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh empty PostgreSQL database (skipped when no test server is configured)."""
    with fresh_postgres_database() as url:
        yield url


@pytest.fixture
def new_postgres_database() -> Callable[..., AbstractContextManager[str]]:
    """``fresh_postgres_database``, for tests that pass CREATE DATABASE options (skipped when
    no test server is configured)."""
    postgres_server_url()
    return fresh_postgres_database


@pytest.fixture(params=["sqlite-memory", "sqlite-file", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A migrated, empty store of every backend this machine has."""
    if request.param == "postgresql":
        with fresh_postgres_database() as url:
            backend = open_store(url)
            yield backend
            backend.close()
        return
    backend = SQLiteStore(":memory:" if request.param == "sqlite-memory" else tmp_path / "p6.db")
    yield backend
    backend.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a new, empty database is, as ``open_store`` and ``Persona6(db=...)`` take it: a
    SQLite file path, or the URL of a fresh PostgreSQL database. Several connections and
    processes may open it at once (hence no ``:memory:``)."""
    if request.param == "postgresql":
        with fresh_postgres_database() as url:
            yield url
        return
    yield str(tmp_path / "p6.db")


@pytest.fixture
def write_lines(tmp_path: Path) -> Callable[..., Path]:
    """Write records (dicts become JSON, str and bytes are written as they are) one per line."""

    def write(records: list[object], name: str = "events.jsonl") -> Path:
        path = tmp_path / name
        with path.open("wb") as handle:
            for record in records:
                if isinstance(record, bytes):
                    handle.write(record)
                elif isinstance(record, str):
                    handle.write(record.encode("utf-8"))
                else:
                    handle.write(json.dumps(record).encode("utf-8"))
                handle.write(b"\n")
        return path

    return write


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say once, at the end, that PostgreSQL was not tested (and how to test it)."""
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if POSTGRES_SKIP_REASON in str(getattr(report, "longrepr", ""))
    ]
    if skipped:
        terminalreporter.write_line(
            f"PostgreSQL: {len(skipped)} tests skipped — set {POSTGRES_URL_VARIABLE} "
            "to run them (.ci/run does)",
            yellow=True,
        )
