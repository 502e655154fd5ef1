"""The SQL every backend shares, written once against a DB-API connection and a small dialect.

Queries are portable SQL with ``?`` placeholders; a dialect whose driver wants ``%s`` rewrites
them. Migrations are numbered ``.sql`` files in ``migrations/``, applied in order and recorded in
``schema_migrations``; ``{{seq_pk}}`` is their only per-dialect token, and their column types are
SQLite's names (TEXT, INTEGER, REAL), which a dialect may map to its own (``Dialect.types``).
A migration that cannot be portable has one file per backend (``NNNN_name.sqlite.sql``,
``NNNN_name.postgresql.sql``; see ``migrations()``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from persona6.errors import StoreError
from persona6.store.base import (
    CONTENT_COLUMNS,
    EVENT_COLUMNS,
    EventQuery,
    EventRow,
    IdentityLinkRow,
    Store,
)
from persona6.store.sql_behavior import BehaviorSQL
from persona6.store.sql_graph import GraphSQL
from persona6.store.sql_identity import IdentitySQL
from persona6.store.sql_keys import KeysSQL
from persona6.store.sql_lists import in_lists
from persona6.types import (
    ActorSummary,
    EventType,
    Role,
    SessionSummary,
    StoredEvent,
    StoreStats,
)


@dataclass(frozen=True, slots=True)
class Dialect:
    name: str
    placeholder: str  # "?" or "%s"
    seq_pk: str  # column type of an auto-assigned integer primary key
    #: (type in migrations, this backend's type): what the same column must be here to hold
    #: and compare values exactly as SQLite does.
    types: tuple[tuple[str, str], ...] = ()

    def ddl(self, sql: str) -> str:
        """A migration statement for this backend: the token filled, the column types mapped."""
        sql = sql.replace("{{seq_pk}}", self.seq_pk)
        for portable, own in self.types:
            # Upper case only: column names (``text``) are lower case in migrations.
            sql = re.sub(rf"\b{portable}\b", own, sql)
        return sql


def migrations(dialect: str = "sqlite") -> list[tuple[int, str, str]]:
    """(version, name, sql) of every shipped migration, in order, as the backend named
    ``dialect`` applies it (versions and names are the same on every backend).

    A migration is one portable file, ``NNNN_name.sql``, or, where the backends must differ,
    one file per backend, ``NNNN_name.<dialect>.sql`` (sqlite, postgresql; a file of comments
    alone applies nothing), recorded as ``NNNN_name`` either way."""
    found: dict[tuple[int, str], dict[str | None, str]] = {}
    for entry in resources.files("persona6.store.migrations").iterdir():
        if entry.name.endswith(".sql"):
            stem = entry.name.removesuffix(".sql")
            name, _, own = stem.partition(".")
            version = int(name.split("_", 1)[0])
            found.setdefault((version, name), {})[own or None] = entry.read_text("utf-8")
    shipped = []
    for (version, name), texts in sorted(found.items()):
        sql = texts.get(dialect, texts.get(None))
        if sql is None:
            raise StoreError(
                f"migration {name} has no file for {dialect} ({name}.{dialect}.sql) and no "
                f"portable one ({name}.sql). The installed package is incomplete: "
                "reinstall persona6 (pip uninstall persona6, then install it again)"
            )
        shipped.append((version, name, sql))
    return shipped


_READ_COLUMNS = (
    "event_id, ts, session_id, user_id, anonymous_id, tenant, type, role, name, text, attrs, source"
)


def _actor_match(count: int = 1) -> str:
    """Events whose user_id or anonymous_id is one of ``count`` names, in a form the indexes
    serve: ``actor`` is COALESCE(user_id, anonymous_id), and the partial index events_by_alias
    holds the few events that carry both ids. Parameters: tenant, names, tenant, names.

    A union of two index searches, because planners turn the equivalent OR into a scan.
    """
    marks = ", ".join("?" * count)
    return (
        f"seq IN (SELECT seq FROM events WHERE tenant = ? AND actor IN ({marks}) "
        f"UNION SELECT seq FROM events WHERE tenant = ? AND anonymous_id IN ({marks}) "
        "AND user_id IS NOT NULL)"
    )


class SQLStore(GraphSQL, BehaviorSQL, IdentitySQL, KeysSQL, Store):
    """A store over one DB-API connection; subclasses open it and pick the dialect."""

    dialect: Dialect

    def __init__(self, connection: Any, dialect: Dialect):
        self.conn = connection
        self.dialect = dialect
        self._depth = 0

    # -- plumbing -----------------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        if self.dialect.placeholder == "?":
            return sql
        # A driver that takes %s reads every other % as the start of a placeholder.
        return sql.replace("%", "%%").replace("?", self.dialect.placeholder)

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cur = self.conn.cursor()
        cur.execute(self._sql(sql), params)
        return cur

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> Any:
        cur = self.conn.cursor()
        cur.executemany(self._sql(sql), rows)
        return cur

    @contextmanager
    def transaction(self) -> Iterator[None]:
        # Nested use joins the outer unit of work, so callers can compose freely.
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._begin()  # first: a BEGIN that fails leaves no unit of work open
        self._depth = 1
        try:
            yield
            self.conn.commit()
        except BaseException as exc:
            self.conn.rollback()
            worded = self._write_error(exc)
            if worded is not None:
                raise worded from exc
            raise
        finally:
            self._depth = 0

    def _begin(self) -> None:
        """Start a transaction explicitly (drivers differ in when they do so implicitly)."""

    def _write_error(self, exc: BaseException) -> Exception | None:
        """The ``StoreError`` a driver's failure to write means, when a user can act on it
        (a read-only database); None to let it through as it is."""
        return None

    def lock_graph(self, tenant: str) -> None:
        """SQLite: nothing to do, a write transaction (BEGIN IMMEDIATE) is exclusive already;
        server backends override it."""

    def _lock_schema(self) -> None:
        """Inside migrate()'s transaction: keep other connections from migrating at the same
        time (SQLite's write lock already does; a server database needs a lock of its own)."""

    # -- schema -------------------------------------------------------------------------

    def migrate(self) -> int:
        with self.transaction():
            self._lock_schema()
            self._execute(
                self.dialect.ddl(
                    "CREATE TABLE IF NOT EXISTS schema_migrations ("
                    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
                )
            )
            applied = {row[0] for row in self._execute("SELECT version FROM schema_migrations")}
            shipped = migrations(self.dialect.name)
            newest = shipped[-1][0] if shipped else 0
            if applied and max(applied) > newest:
                raise StoreError(
                    f"the database has schema version {max(applied)}, newer than this "
                    f"persona6 knows ({newest}). Upgrade persona6: pip install -U persona6"
                )
            for version, name, sql in shipped:
                if version in applied:
                    continue
                for statement in _statements(sql):
                    self._execute(self.dialect.ddl(statement))
                self._execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, _now()),
                )
        return self.schema_version()

    def schema_version(self) -> int:
        try:
            row = self._execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        except Exception:  # the table does not exist yet: an empty database
            self.conn.rollback()
            return 0
        return int(row[0] or 0)

    # -- writes -------------------------------------------------------------------------

    def insert_events(self, rows: Sequence[EventRow]) -> int:
        if not rows:
            return 0
        marks = ", ".join("?" * len(EVENT_COLUMNS))
        cur = self._executemany(
            f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({marks}) "
            "ON CONFLICT (tenant, event_id) DO NOTHING",
            rows,
        )
        # Both sqlite3 and psycopg (3.1+) sum rowcount over the rows of executemany, and a row
        # skipped by DO NOTHING counts 0: this is the number of new events.
        return int(cur.rowcount)

    def insert_identity_links(self, rows: Sequence[IdentityLinkRow]) -> None:
        if not rows:
            return
        for tenant in sorted({row[0] for row in rows}):
            self._bump_graph(tenant)  # who is who changes the graph's persons
        self._executemany(
            "INSERT INTO identity_links (tenant, link_id, anonymous_id, user_id, method, "
            "evidence_event_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (tenant, link_id) DO NOTHING",
            rows,
        )

    # -- reads --------------------------------------------------------------------------

    def iter_events(self, query: EventQuery) -> Iterator[StoredEvent]:
        where: list[str] = []
        params: list[Any] = []
        for named in (query.anonymous_id, query.actor):
            if named is not None:
                where.append(_actor_match())  # scoped to the tenant inside
                params += [query.tenant, named, query.tenant, named]
        if not where:
            where.append("tenant = ?")
            params.append(query.tenant)
        for column, value in (
            ("user_id", query.user_id),
            ("anonymous_id", query.anonymous_id),
            ("session_id", query.session_id),
            ("type", query.type),
        ):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        if query.user_id is not None:
            where.append("actor = ?")  # lets the actor index serve a user_id filter
            params.append(query.user_id)
        if query.since is not None:
            where.append("ts >= ?")
            params.append(query.since)
        if query.until is not None:
            where.append("ts < ?")
            params.append(query.until)
        if query.after_seq is not None:
            where.append("seq > ?")
            params.append(query.after_seq)
        sql = f"SELECT {_READ_COLUMNS} FROM events WHERE {' AND '.join(where)} ORDER BY ts, seq"
        if query.limit is not None:
            sql += " LIMIT ?"
            params.append(query.limit)
        for row in self._stream(sql, params):
            yield _stored_event(row)

    def _stream(self, sql: str, params: Sequence[Any]) -> Iterator[Sequence[Any]]:
        """The rows of a read that may be long, a batch at a time (SQLite's cursor steps
        through the result; a backend whose cursor holds the whole result overrides this)."""
        cur = self._execute(sql, params)
        while batch := cur.fetchmany(1000):
            yield from batch

    def event(self, tenant: str, event_id: str) -> StoredEvent | None:
        row = self._execute(
            f"SELECT {_READ_COLUMNS} FROM events WHERE tenant = ? AND event_id = ?",
            [tenant, event_id],
        ).fetchone()
        return _stored_event(row) if row else None

    def events_by_id(self, tenant: str, event_ids: Sequence[str]) -> dict[str, StoredEvent]:
        found: dict[str, StoredEvent] = {}
        for chunk, marks in in_lists(list(dict.fromkeys(event_ids))):
            rows = self._execute(
                f"SELECT {_READ_COLUMNS} FROM events WHERE tenant = ? AND event_id IN ({marks})",
                [tenant, *chunk],
            ).fetchall()
            for row in rows:
                stored = _stored_event(row)
                found[stored.event_id] = stored
        return found

    def event_contents(self, tenant: str, event_ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        found: dict[str, tuple[Any, ...]] = {}
        for chunk, marks in in_lists(list(dict.fromkeys(event_ids))):
            rows = self._execute(
                f"SELECT event_id, {', '.join(CONTENT_COLUMNS)} FROM events "
                f"WHERE tenant = ? AND event_id IN ({marks})",
                [tenant, *chunk],
            ).fetchall()
            found.update((row[0], tuple(row[1:])) for row in rows)
        return found

    def sessions(
        self, tenant: str, actor: str | None = None, limit: int | None = None
    ) -> list[SessionSummary]:
        params: list[Any] = [tenant]
        scope = ""
        if actor is not None:
            scope = f" AND session_id IN (SELECT session_id FROM events WHERE {_actor_match()})"
            params += [tenant, actor, tenant, actor]
        sql = (
            "SELECT session_id, COUNT(*), "
            "SUM(CASE WHEN type = 'message' THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN type = 'action' THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN type = 'outcome' THEN 1 ELSE 0 END), "
            "MIN(ts), MAX(ts) FROM events WHERE tenant = ?"
            f"{scope} GROUP BY session_id ORDER BY MAX(ts) DESC, session_id"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        summaries = [
            SessionSummary(
                session_id=row[0],
                events=row[1],
                messages=row[2],
                actions=row[3],
                outcomes=row[4],
                actors=[],
                first_ts=row[5],
                last_ts=row[6],
            )
            for row in self._execute(sql, params).fetchall()
        ]
        if summaries:
            actors = self._session_actors(tenant, [s.session_id for s in summaries])
            for summary in summaries:
                summary.actors.extend(actors.get(summary.session_id, []))
        return summaries

    def _session_actors(self, tenant: str, session_ids: list[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for chunk, marks in in_lists(session_ids):
            rows = self._execute(
                "SELECT DISTINCT session_id, actor FROM events "
                f"WHERE tenant = ? AND session_id IN ({marks}) "
                "AND actor IS NOT NULL AND type <> 'identify' "
                "ORDER BY 1, 2",
                [tenant, *chunk],
            ).fetchall()
            for session_id, actor in rows:
                found.setdefault(session_id, []).append(actor)
        return found

    def actors(
        self, tenant: str, limit: int | None = None, names: Sequence[str] | None = None
    ) -> list[ActorSummary]:
        params: list[Any] = [tenant, tenant]
        only = ""
        if names is not None:
            if not names:
                return []
            only = f"  AND e.{_actor_match(len(names))}"
            params += [tenant, *names, tenant, *names]
        sql = (
            "SELECT actor, known, COUNT(DISTINCT session_id), "
            "SUM(CASE WHEN type = 'message' THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN type = 'action' THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN type = 'outcome' THEN 1 ELSE 0 END), MIN(ts), MAX(ts), "
            "MAX(linked_to) FROM ("
            "  SELECT e.actor, "
            "  CASE WHEN e.user_id IS NULL THEN 0 ELSE 1 END AS known, "
            "  e.session_id, e.type, e.ts, l.user_id AS linked_to FROM events e "
            "  LEFT JOIN identity_links l ON l.tenant = ? AND e.user_id IS NULL "
            "  AND l.anonymous_id = e.anonymous_id AND l.revoked_at IS NULL "
            "  WHERE e.tenant = ? AND e.type <> 'identify' "
            "  AND e.actor IS NOT NULL"
            f"{only}) a GROUP BY actor, known "
            "ORDER BY known DESC, COUNT(DISTINCT session_id) DESC, actor"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [
            ActorSummary(
                actor=row[0],
                known=bool(row[1]),
                sessions=row[2],
                messages=row[3],
                actions=row[4],
                outcomes=row[5],
                first_ts=row[6],
                last_ts=row[7],
                linked_to=row[8],
            )
            for row in self._execute(sql, params).fetchall()
        ]

    def stats(self, tenant: str) -> StoreStats:
        one = self._execute(
            "SELECT COUNT(*), COUNT(DISTINCT session_id), COUNT(DISTINCT user_id), "
            "COUNT(DISTINCT anonymous_id), MIN(ts), MAX(ts) FROM events WHERE tenant = ?",
            [tenant],
        ).fetchone()
        by_type = dict(
            self._execute(
                "SELECT type, COUNT(*) FROM events WHERE tenant = ? GROUP BY type ORDER BY type",
                [tenant],
            ).fetchall()
        )
        links = self._execute(
            "SELECT COUNT(*) FROM identity_links WHERE tenant = ? AND revoked_at IS NULL",
            [tenant],
        ).fetchone()[0]
        return StoreStats(
            tenant=tenant,
            events=one[0],
            sessions=one[1],
            persons=one[2],
            anonymous_actors=one[3],
            identify_links=links,
            by_type=by_type,
            first_ts=one[4],
            last_ts=one[5],
            schema_version=self.schema_version(),
        )

    def close(self) -> None:
        self.conn.close()


#: A stored event's fields, its type and role by their stored names: what ``_stored_event``
#: sets without validating.
_EVENT_FIELDS = frozenset(StoredEvent.model_fields)
_EVENT_TYPES = {kind.value: kind for kind in EventType}
_ROLES: dict[str | None, Role | None] = {None: None, **{role.value: role for role in Role}}
_UNKNOWN: Any = object()  # a role no ``Role`` has
_new_object = object.__new__
_set_attribute = object.__setattr__


def _stored_event(row: Sequence[Any]) -> StoredEvent:
    """The event of a row, as ``StoredEvent(...)`` validates it: the same fields, type and role
    as their enums, every field set. Built directly when the row holds a known type and role
    (the columns are text, checked when the event was recorded): validating was about half of
    reading a session back, which a full build does for every event."""
    kind, role = _EVENT_TYPES.get(row[6]), _ROLES.get(row[7], _UNKNOWN)
    if kind is None or role is _UNKNOWN:
        return _validated_event(row)
    event = _new_object(StoredEvent)
    _set_attribute(
        event,
        "__dict__",
        {
            "event_id": row[0],
            "ts": row[1],
            "session_id": row[2],
            "user_id": row[3],
            "anonymous_id": row[4],
            "tenant": row[5],
            "type": kind,
            "role": role,
            "name": row[8],
            "text": row[9],
            "attrs": {} if row[10] == "{}" else json.loads(row[10]),
            "source": row[11],
        },
    )
    _set_attribute(event, "__pydantic_fields_set__", set(_EVENT_FIELDS))
    _set_attribute(event, "__pydantic_extra__", None)
    _set_attribute(event, "__pydantic_private__", None)
    return event


def _validated_event(row: Sequence[Any]) -> StoredEvent:
    return StoredEvent(
        event_id=row[0],
        ts=row[1],
        session_id=row[2],
        user_id=row[3],
        anonymous_id=row[4],
        tenant=row[5],
        type=row[6],
        role=row[7],
        name=row[8],
        text=row[9],
        attrs={} if row[10] == "{}" else json.loads(row[10]),  # most events have none
        source=row[11],
    )


def _statements(sql: str) -> list[str]:
    """Split a migration into statements; migrations keep ';' out of literals and comments."""
    lines = [line for line in sql.splitlines() if not line.lstrip().startswith("--")]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
