"""The store interface every backend implements, and the row shape events travel in.

SQLite (``sqlite.py``) is the embedded default; a PostgreSQL backend implements the same
interface for multi-process deployments. Nothing here is specific to one database: backends
share the SQL in ``sql.py`` and differ only in a small dialect.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass

from persona6.types import ActorSummary, SessionSummary, Signal, StoredEvent, StoreStats, Trait

#: Column order of an ``EventRow``; ``seq`` is assigned by the database.
EVENT_COLUMNS = (
    "tenant",
    "event_id",
    "ts",
    "session_id",
    "user_id",
    "anonymous_id",
    "actor",
    "type",
    "role",
    "name",
    "text",
    "attrs",
    "source",
    "ingested_at",
)

#: One event ready to insert, in ``EVENT_COLUMNS`` order; ``attrs`` is JSON text.
EventRow = tuple[
    str,
    str,
    str,
    str,
    str | None,
    str | None,
    str | None,
    str,
    str | None,
    str | None,
    str | None,
    str,
    str | None,
    str,
]

#: (tenant, link_id, anonymous_id, user_id, method, evidence_event_id, created_at).
IdentityLinkRow = tuple[str, str, str, str, str, str | None, str]


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events to read. Every field narrows; times are stored-form UTC text."""

    tenant: str
    user_id: str | None = None
    anonymous_id: str | None = None
    actor: str | None = None  # user_id or anonymous_id
    session_id: str | None = None
    type: str | None = None
    since: str | None = None  # inclusive
    until: str | None = None  # exclusive
    after_seq: int | None = None
    limit: int | None = None


class Store(ABC):
    """Where the event log and everything derived from it lives."""

    @abstractmethod
    def migrate(self) -> int:
        """Apply every migration not yet applied; return the schema version now in force."""

    @abstractmethod
    def schema_version(self) -> int:
        """The highest migration applied (0 for an empty database)."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """A unit of work: everything inside commits together or not at all."""

    @abstractmethod
    def insert_events(self, rows: Sequence[EventRow]) -> int:
        """Insert rows whose (tenant, event_id) is not stored yet; return how many were new.

        Call inside ``transaction()``; rows already stored are left exactly as they are.
        """

    @abstractmethod
    def insert_identity_links(self, rows: Sequence[IdentityLinkRow]) -> None:
        """Record links between an anonymous actor and a person; a link_id already stored is
        left as it is."""

    @abstractmethod
    def iter_events(self, query: EventQuery) -> Iterator[StoredEvent]:
        """Events matching ``query`` in time order (ties in ingest order)."""

    @abstractmethod
    def event(self, tenant: str, event_id: str) -> StoredEvent | None:
        """One event by id, or None."""

    @abstractmethod
    def sessions(
        self, tenant: str, actor: str | None = None, limit: int | None = None
    ) -> list[SessionSummary]:
        """Sessions of a tenant (or of one actor), most recent first."""

    @abstractmethod
    def actors(
        self, tenant: str, limit: int | None = None, names: Sequence[str] | None = None
    ) -> list[ActorSummary]:
        """Everyone who acted (or only ``names``), known persons first, then by most sessions."""

    @abstractmethod
    def stats(self, tenant: str) -> StoreStats:
        """Counts of what the store holds for ``tenant``."""

    # -- the persona graph (derived; rebuildable from events) -----------------------------

    @abstractmethod
    def max_seq(self, tenant: str) -> int:
        """The ingest position of the newest event of ``tenant`` (0 when there is none)."""

    @abstractmethod
    def built_seq(self, tenant: str) -> int:
        """The ingest position the graph was last built up to (0 before the first build)."""

    @abstractmethod
    def set_built_seq(self, tenant: str, seq: int) -> None:
        """Record that the graph reflects every event up to ``seq``."""

    @abstractmethod
    def sessions_since(self, tenant: str, after_seq: int) -> list[str]:
        """Sessions with an event ingested after ``after_seq``, in order of first such event."""

    @abstractmethod
    def identity_map(self, tenant: str) -> dict[str, str]:
        """anonymous_id -> user_id for every active identity link."""

    @abstractmethod
    def replace_session_signals(
        self, tenant: str, session_id: str, signals: Sequence[Signal]
    ) -> None:
        """Make ``signals`` the only stored signals of the session."""

    @abstractmethod
    def session_signal_actors(self, tenant: str, session_id: str) -> set[str]:
        """Actors that stored signals of the session are about."""

    @abstractmethod
    def signals_of(self, tenant: str, actors: Iterable[str]) -> list[Signal]:
        """Every stored signal about any of ``actors``, in time order."""

    @abstractmethod
    def replace_traits(self, tenant: str, person_id: str, traits: Sequence[Trait]) -> None:
        """Make ``traits`` the only stored traits of the person."""

    @abstractmethod
    def traits_of(self, tenant: str, person_id: str) -> list[Trait]:
        """The person's traits, by kind, then confidence (highest first)."""

    @abstractmethod
    def trait(self, tenant: str, trait_id: str) -> Trait | None:
        """One trait by id, or None."""

    @abstractmethod
    def persons(self, tenant: str) -> list[tuple[str, int, str | None]]:
        """(person_id, traits, last_seen) of everyone with traits, most traits first."""

    @abstractmethod
    def delete_events(self, tenant: str, event_ids: Sequence[str]) -> list[str]:
        """Delete events (and identity links they state); return the sessions they were in."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
