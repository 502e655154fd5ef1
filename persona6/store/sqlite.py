"""The embedded default: SQLite in WAL mode, one file (or ``:memory:`` for tests)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from persona6.errors import StoreError
from persona6.store.sql import Dialect, SQLStore

#: How long a write waits for another connection's write transaction to end.
BUSY_TIMEOUT_MS = 10_000

#: seq_pk as migration 0001 made events.seq; 0011 made it AUTOINCREMENT, which never gives a
#: seq twice (a reused one fell behind the build watermark after a forget).
SQLITE = Dialect(name="sqlite", placeholder="?", seq_pk="INTEGER PRIMARY KEY")


class SQLiteStore(SQLStore):
    """A store in one SQLite file; ``":memory:"`` gives a private in-memory database."""

    def __init__(self, path: str | Path = ":memory:", *, migrate: bool = True):
        self.path = str(path)
        if self.path != ":memory:":
            if Path(self.path).expanduser().is_dir():
                raise StoreError(
                    "{path} is a folder, not a database file. Pass a file path, e.g. {--db} "
                    "{suggested}",
                    path=self.path,
                    suggested=str(Path(self.path) / "persona6.db"),
                )
            parent = Path(self.path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(
                    "{path}: the folder {parent} does not exist. "
                    "Create it first, or pass another {--db} path",
                    path=self.path,
                    parent=parent,
                )
        try:
            # isolation_level=None: no implicit transactions; transaction() issues BEGIN itself.
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if self.path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            # 64 MiB of page cache: index inserts of hashed ids stay in memory much longer.
            conn.execute("PRAGMA cache_size = -65536")
            # Checkpoint the WAL every 64 MiB instead of every 4 MiB: each checkpoint syncs and
            # copies pages, and ingest commits a batch of 10,000 events at a time (about 1.5x
            # faster ingest; docs/benchmarks.md). The WAL file stays bounded by this size.
            conn.execute("PRAGMA wal_autocheckpoint = 16384")
        except sqlite3.DatabaseError as exc:
            raise self._write_error(exc) or StoreError(
                f"{self.path}: cannot be opened as a SQLite database ({exc}). "
                "Pass the path of a persona6 database, or a new file name to create one"
            ) from exc
        super().__init__(conn, SQLITE)
        if migrate:
            try:
                self.migrate()
            except StoreError:
                conn.close()
                raise
            except sqlite3.DatabaseError as exc:
                conn.close()
                raise self._write_error(exc) or StoreError(
                    f"{self.path}: cannot be used as a persona6 database ({exc}). "
                    "Pass the path of a persona6 database, or a new file name to create one"
                ) from exc

    @contextmanager
    def erasing(self) -> Iterator[None]:
        """``secure_delete`` for the deletes inside (freed pages are overwritten with zeros,
        whatever this SQLite build's default), then a TRUNCATE checkpoint: the WAL, which
        still holds the deleted rows' pages, is copied into the file and emptied."""
        if self.path == ":memory:":
            yield
            return
        (before,) = self.conn.execute("PRAGMA secure_delete").fetchone()
        self.conn.execute("PRAGMA secure_delete = ON")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA secure_delete = {int(before)}")
        # Busy (another connection reading an older snapshot): the next checkpoint does it.
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()

    def _begin(self) -> None:
        # IMMEDIATE: take the write lock when the unit of work starts, waiting up to the busy
        # timeout. A deferred BEGIN that reads first and writes later fails at once (no wait)
        # when another connection wrote in between, as the service's connections do.
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                worded = self._write_error(exc)
                if worded is not None:
                    raise worded from exc
                raise
            raise StoreError(
                "{path}: another connection kept the database locked for writing for "
                "{seconds} s. Try again; for many concurrent writers, use a "
                "PostgreSQL database ({--db} postgresql://...)",
                path=self.path,
                seconds=BUSY_TIMEOUT_MS // 1000,
            ) from exc

    def _write_error(self, exc: BaseException) -> StoreError | None:
        """A read-only database file, or a read-only folder (SQLite writes its -wal and -shm
        files beside the database), said as such with the fix."""
        if not isinstance(exc, sqlite3.OperationalError) or self.path == ":memory:":
            return None
        readonly = "readonly" in str(exc)
        if not readonly and "unable to open" not in str(exc):
            return None
        file = Path(self.path).expanduser().absolute()
        if readonly and file.exists() and not os.access(file, os.W_OK):
            return StoreError(
                "{path}: the database file is read-only, so nothing can be written to it. "
                "Make it writable (chmod u+w {path}), or copy it to a file you can write to "
                "and pass that to {--db}",
                path=self.path,
            )
        if not os.access(file.parent, os.W_OK | os.X_OK):
            return StoreError(
                "{path}: the folder {folder} is not writable, and SQLite keeps its -wal and "
                "-shm files beside the database. Make the folder writable, or move the "
                "database to a folder you can write to and pass that to {--db}",
                path=self.path,
                folder=str(file.parent),
            )
        if not readonly:
            return None
        return StoreError(
            "{path}: the database cannot be written ({reason}). Check the permissions of the "
            "file, of its -wal and -shm files and of its folder",
            path=self.path,
            reason=str(exc),
        )
