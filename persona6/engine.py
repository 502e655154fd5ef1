"""The facade: one object that a program, the CLI and (later) the HTTP API all call.

It orchestrates the stages and holds no logic of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from persona6.config import settings
from persona6.errors import InvalidOption
from persona6.ingest import pipeline
from persona6.store import EventQuery, Store, open_store
from persona6.types import (
    ActorSummary,
    Event,
    EventType,
    IngestReport,
    SessionSummary,
    StoredEvent,
    StoreStats,
    format_ts,
    parse_ts,
)


class Persona6:
    """Persona6 over one store, acting for one tenant.

    >>> with Persona6(db=":memory:") as p6:
    ...     p6.ingest("events.jsonl")  # doctest: +SKIP
    """

    def __init__(
        self, db: str | Path | None = None, *, tenant: str | None = None, store: Store | None = None
    ):
        config = settings(str(db) if db is not None else None, tenant)
        self.db = config.db
        self.tenant = config.tenant
        self.store = store if store is not None else open_store(config.db)

    # -- the event log --------------------------------------------------------------------

    def ingest(
        self,
        path: str | Path,
        *,
        format: str | None = None,
        on_error: pipeline.OnError = "fail",
        report_path: str | Path | None = None,
        column_map: dict[str, str] | None = None,
        progress: Callable[[int, int | None, int | None], None] | None = None,
        tenant: str | None = None,
    ) -> IngestReport:
        """Store the events of a file (``-`` for standard input); see ``persona6.ingest``.

        ``tenant`` defaults to this object's tenant; every event is written to it.
        """
        return pipeline.ingest(
            self.store,
            path,
            format=format,
            tenant=tenant or self.tenant,
            on_error=on_error,
            report_path=report_path,
            column_map=column_map,
            progress=progress,
        )

    def record(self, events: list[dict[str, Any]] | list[Event]) -> int:
        """Store events given as objects, all or none; return how many were new."""
        return pipeline.ingest_events(self.store, events, tenant=self.tenant)

    def actors(self, *, limit: int | None = None) -> list[ActorSummary]:
        """Everyone who acted in this tenant: known persons first, then anonymous actors."""
        return self.store.actors(self.tenant, limit=limit)

    def stats(self) -> StoreStats:
        return self.store.stats(self.tenant)

    def sessions(
        self, *, actor: str | None = None, limit: int | None = None
    ) -> list[SessionSummary]:
        return self.store.sessions(self.tenant, actor=actor, limit=limit)

    def events(
        self,
        *,
        user_id: str | None = None,
        anonymous_id: str | None = None,
        actor: str | None = None,
        session_id: str | None = None,
        type: str | None = None,
        since: str | datetime | None = None,
        until: str | datetime | None = None,
        limit: int | None = None,
    ) -> Iterator[StoredEvent]:
        """Stored events in time order, narrowed by every filter given."""
        if type is not None and type not in {t.value for t in EventType}:
            raise InvalidOption(
                f"--type {type!r} is not an event type. "
                f"Use one of: {', '.join(t.value for t in EventType)}"
            )
        if limit is not None and limit < 1:
            raise InvalidOption(f"--limit {limit} must be at least 1")
        return self.store.iter_events(
            EventQuery(
                tenant=self.tenant,
                user_id=user_id,
                anonymous_id=anonymous_id,
                actor=actor,
                session_id=session_id,
                type=type,
                since=_bound("--since", since),
                until=_bound("--until", until),
                limit=limit,
            )
        )

    # -- lifecycle ------------------------------------------------------------------------

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Persona6:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _bound(option: str, value: str | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise InvalidOption(f"{option}: give a timezone-aware time")
        return format_ts(value)
    from persona6.types import FieldProblem

    try:
        return format_ts(parse_ts(value))
    except FieldProblem as exc:
        raise InvalidOption(f"{option} {value!r} {exc.problem}. {exc.hint}") from None
