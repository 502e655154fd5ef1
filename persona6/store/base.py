"""The store interface every backend implements, and the row shape events travel in.

SQLite (``sqlite.py``) is the embedded default; a PostgreSQL backend implements the same
interface for multi-process deployments. Nothing here is specific to one database: backends
share the SQL in ``sql.py`` and differ only in a small dialect.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any

from persona6.types import (
    ActorSummary,
    SessionSummary,
    Signal,
    StoredEvent,
    StoredSignal,
    StoreStats,
    Trait,
)

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

#: The columns that are an event's content, as ``Store.event_contents`` reads them back: two
#: rows under one id that agree on these, byte for byte, are the same event.
CONTENT_COLUMNS = (
    "ts",
    "session_id",
    "user_id",
    "anonymous_id",
    "type",
    "role",
    "name",
    "text",
    "attrs",
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

    def events_by_id(self, tenant: str, event_ids: Sequence[str]) -> dict[str, StoredEvent]:
        """The stored events among ``event_ids``, by id (ids not stored are left out)."""
        found = {}
        for event_id in dict.fromkeys(event_ids):
            stored = self.event(tenant, event_id)
            if stored is not None:
                found[event_id] = stored
        return found

    @abstractmethod
    def event_contents(self, tenant: str, event_ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        """event_id -> its ``CONTENT_COLUMNS`` exactly as stored (``attrs`` as its JSON text),
        for the stored among ``event_ids``: what ingest compares a duplicate with before it
        reads the stored event as a model."""

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
    def lock_graph(self, tenant: str) -> None:
        """Inside a transaction: keep other connections from writing the tenant's graph until
        it ends (builds and forgets in several processes). SQLite's write transactions are
        exclusive already; a server database takes a lock of its own."""

    @abstractmethod
    def session_event_seqs(self, tenant: str, session_id: str) -> tuple[tuple[int, str, str], ...]:
        """(seq, event_id, ingested_at) of every event of the session, in seq order: how a
        build tells, without reading bodies, whether a session changed since it read it."""

    @abstractmethod
    def event_seqs_by_session(self, tenant: str) -> dict[str, tuple[tuple[int, str, str], ...]]:
        """``session_event_seqs`` of every session of the tenant, read at once."""

    @abstractmethod
    def iter_event_seqs_by_session(
        self, tenant: str
    ) -> Iterator[tuple[str, tuple[tuple[int, str, str], ...]]]:
        """``session_event_seqs`` of every session of the tenant, one session at a time, in
        order of session id: a full build's last check of every session it read, without
        holding the lists of the whole log."""

    @abstractmethod
    def events_after(self, tenant: str, seq: int) -> int:
        """How many events of ``tenant`` were ingested after position ``seq``."""

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
    ) -> list[StoredSignal]:
        """Make ``signals`` the only stored signals of the session; return the stored rows
        of those but texture as ``stored_signals_of`` would read them (bar the float values
        a backend changes on the way: -0.0 and NaN), in the order given."""

    @abstractmethod
    def signal_stage(self) -> AbstractContextManager[SignalStage]:
        """A place in the store for signals extracted ahead of their write, emptied at exit:
        a full build stages each session's signals as it extracts them (outside its write
        transaction) and makes them the sessions' signals in the write
        (``SignalStage.write``), so that it holds in memory what is in flight, not every
        session's signals (docs/architecture.md, "Builds")."""

    @abstractmethod
    def signal_count(self, tenant: str) -> int:
        """How many signals but texture the tenant's sessions hold."""

    @abstractmethod
    def session_signal_actors(self, tenant: str, session_id: str) -> set[str]:
        """Actors that stored signals of the session are about."""

    @abstractmethod
    def signals_of(
        self,
        tenant: str,
        actors: Iterable[str],
        keys: Collection[tuple[str, str]] | None = None,
        exclude_kinds: Collection[str] = (),
    ) -> list[Signal]:
        """Stored signals about any of ``actors`` (only of these (kind, key) pairs, if given;
        none of ``exclude_kinds``), in time order."""

    @abstractmethod
    def signals_in_sessions(
        self, tenant: str, session_ids: Iterable[str], actors: Iterable[str] | None = None
    ) -> list[Signal]:
        """Stored signals of ``session_ids`` (about one of ``actors``, if given), in the
        order of ``signals_of``: those of its signals that are in the sessions, read through
        the session index instead of every signal of the actors."""

    @abstractmethod
    def stored_signals_of(
        self, tenant: str, actors: Iterable[str], keys: Collection[tuple[str, str]] | None = None
    ) -> list[StoredSignal]:
        """What a build needs of the signals about ``actors`` (no texture vectors; evidence as
        JSON), optionally only of these (kind, key) pairs, in ``StoredSignal.order``."""

    @abstractmethod
    def signal_keys(
        self,
        tenant: str,
        *,
        session_id: str | None = None,
        actors: Iterable[str] | None = None,
        kinds: Collection[str] | None = None,
    ) -> set[tuple[str, str, str]]:
        """Distinct (actor, kind, key) of the stored signals that match every filter given."""

    @abstractmethod
    def stored_signals_in_sessions(
        self, tenant: str, actors: Iterable[str] | None, session_ids: Iterable[str]
    ) -> list[StoredSignal]:
        """``stored_signals_of`` the actors (everyone's, with None), only those of these
        sessions (read through the session index: a build reads the few sessions it folds,
        not the actors' history)."""

    @abstractmethod
    def key_states(
        self,
        tenant: str,
        person_id: str,
        *,
        keys: Collection[tuple[str, str]] | None = None,
        kinds: Collection[str] | None = None,
    ) -> list[KeyStateRow]:
        """The person's stored key states of these (kind, key) pairs, or of these kinds."""

    @abstractmethod
    def replace_key_states(
        self,
        tenant: str,
        person_id: str,
        rows: Sequence[KeyStateRow],
        keys: Collection[tuple[str, str]] | None = None,
    ) -> None:
        """Make ``rows`` the person's only key states (only among these (kind, key) pairs,
        if given), like ``replace_traits``."""

    @abstractmethod
    def replace_traits(
        self,
        tenant: str,
        person_id: str,
        traits: Sequence[Trait],
        keys: Collection[tuple[str, str]] | None = None,
    ) -> None:
        """Make ``traits`` the person's only traits (only among these (kind, key) pairs, if
        given; the person's other traits stay as they are)."""

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
        """Delete events; return the sessions they were in. The identity links that cite them
        are not touched: what becomes of a link is forgetting's decision
        (``identity.forgetting.forget_in_links``, called before)."""

    # -- behaviour under failure (persona6/behavior/; derived, nothing stored) --------------

    @abstractmethod
    def signals_of_kinds(self, tenant: str, kinds: Iterable[str]) -> list[Signal]:
        """Every stored signal of the tenant of one of ``kinds``, in time order."""

    @abstractmethod
    def session_spans(self, tenant: str) -> dict[str, tuple[str, str]]:
        """session_id -> (first event time, last event time) of every session of the tenant."""

    @abstractmethod
    def actor_activity(
        self, tenant: str
    ) -> list[tuple[str, str, str, str | None, str, str | None, str]]:
        """(actor, session_id, type, name, ts, text, event_id) of every person message and
        action of the tenant, in time order: what behaviour reads besides signals."""

    @abstractmethod
    def event_times(self, tenant: str, event_ids: Iterable[str]) -> dict[str, str]:
        """event_id -> ts of each of ``event_ids`` that is stored."""

    @abstractmethod
    def graph_version(self, tenant: str) -> tuple[Any, ...]:
        """A value that changes whenever the tenant's graph may have changed (a build, a
        forget): what in-memory caches of derived data are keyed by."""

    @contextmanager
    def erasing(self) -> Iterator[None]:
        """Deletes inside leave nothing of the deleted rows readable on disk once it ends (an
        erasure request: ``forget``). A backend whose deletes already do so does nothing."""
        yield

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- identity linking (persona6/identity/; SQL in sql_identity.py) --------------------

    @abstractmethod
    def identity_units_seq(self, tenant: str) -> int:
        """The ingest position identity units were last brought up to (0 before)."""

    @abstractmethod
    def set_identity_units_seq(self, tenant: str, seq: int) -> None:
        """Record that identity units reflect every event up to ``seq``."""

    @abstractmethod
    def replace_identity_units(
        self, tenant: str, session_id: str, rows: Sequence[IdentityUnitRow]
    ) -> None:
        """Make ``rows`` the only identity units of the session."""

    @abstractmethod
    def identity_units(
        self,
        tenant: str,
        *,
        actors: Iterable[str] | None = None,
        persons: Iterable[str] | None = None,
        session_id: str | None = None,
        latest: int | None = None,
    ) -> list[IdentityUnitRow]:
        """Units of these actors, or of actors resolved to these persons (either), in time
        order; every unit of the tenant when neither is given; only the ``latest`` of them
        (the last in that order) when given."""

    @abstractmethod
    def identity_unit_people(self, tenant: str) -> list[tuple[str, str, bool]]:
        """Distinct (actor, person_id the units were summed into, known) of all units."""

    @abstractmethod
    def set_identity_unit_person(self, tenant: str, actor: str, person_id: str) -> None:
        """Record that the actor's units now belong to ``person_id``."""

    @abstractmethod
    def identity_profiles_version(self, tenant: str) -> int:
        """The tenant's profile counter: it moves whenever any profile is written or deleted
        (0 before the first)."""

    @abstractmethod
    def next_identity_profiles_version(self, tenant: str) -> int:
        """Raise the tenant's profile counter and return it: the ``version`` of the profiles
        written next (a counter that never goes down, so no version is given twice)."""

    @abstractmethod
    def replace_identity_profile(
        self,
        tenant: str,
        person_id: str,
        sessions: int,
        last_ts: str | None,
        body: str,
        *,
        version: int,
    ) -> None:
        """Store a person's profile (JSON text) as of ``version``, from
        ``next_identity_profiles_version``: a linking index re-reads a profile only when its
        version moved, so a write without a new version would go unseen."""

    @abstractmethod
    def delete_identity_profile(self, tenant: str, person_id: str) -> None:
        """Delete a person's profile (none stored: nothing happens)."""

    @abstractmethod
    def identity_profile_versions(self, tenant: str, *, after: int | None = None) -> dict[str, int]:
        """person_id -> version of every stored profile (what a saved index is checked by), or
        of those written with a version above ``after``."""

    @abstractmethod
    def identity_profiles(
        self, tenant: str, person_ids: Iterable[str] | None = None
    ) -> Iterator[tuple[str, str]]:
        """(person_id, profile JSON) of these persons, or of all, by person_id."""

    @abstractmethod
    def identity_profile_count(self, tenant: str) -> int:
        """How many person profiles are stored."""

    @abstractmethod
    def save_identity_model(self, tenant: str, model_id: str, body: dict[str, Any]) -> None:
        """Store a fitted linking model; the newest stored is the one in force."""

    @abstractmethod
    def latest_identity_model(self, tenant: str) -> dict[str, Any] | None:
        """The newest stored linking model, or None."""

    @abstractmethod
    def identity_settings(self, tenant: str) -> dict[str, Any]:
        """The tenant's identity setting overrides (name -> JSON value)."""

    @abstractmethod
    def set_identity_setting(self, tenant: str, name: str, value: Any | None) -> None:
        """Override one setting; ``None`` returns it to its default."""

    @abstractmethod
    def linking_version(self, tenant: str) -> tuple[Any, ...]:
        """A value that changes whenever what linking reads may have changed: the graph
        (``graph_version``), the tenant's identity settings or its saved linking models, in
        any connection or process. What caches of linking's answers are keyed by; settings and
        models leave ``graph_version`` as it is (they change no graph)."""

    @abstractmethod
    def identity_links(
        self,
        tenant: str,
        anonymous_id: str | None = None,
        *,
        include_revoked: bool = False,
        user_id: str | None = None,
    ) -> list[IdentityLink]:
        """Identity links with their details (of one anonymous actor, of one person, or
        all), oldest first."""

    @abstractmethod
    def identity_links_citing(self, tenant: str, event_ids: Collection[str]) -> list[IdentityLink]:
        """Links, active or revoked, whose proving event or details name one of these events
        (a quote's ``event_id``, an attribute link's ``person_event_id``, ...): what
        forgetting the events must purge. Oldest first."""

    @abstractmethod
    def rewrite_identity_link(
        self, tenant: str, link_id: str, evidence_event_id: str | None, details: dict[str, Any]
    ) -> None:
        """Replace what a stored link cites: its proving event and its details (forget)."""

    @abstractmethod
    def delete_identity_links(self, tenant: str, link_ids: Collection[str]) -> None:
        """Delete links and their details, active or revoked (forget)."""

    @abstractmethod
    def add_identity_link(self, tenant: str, link: IdentityLink) -> None:
        """Record a link and its details (a link_id already stored keeps its link row)."""

    @abstractmethod
    def revoke_identity_link(self, tenant: str, link_id: str, at: str, reason: str) -> None:
        """Mark a link revoked at ``at``, with why."""

    @abstractmethod
    def events_with_both_ids(self, tenant: str) -> list[tuple[str, str, str, str]]:
        """(event_id, anonymous_id, user_id, type) of events carrying both ids, in time order."""

    @abstractmethod
    def events_with_attr(self, tenant: str, name: str) -> list[tuple[str, str | None, str]]:
        """(event_id, actor, attrs JSON) of events whose attrs may hold the key ``name``."""

    @abstractmethod
    def known_user_ids(self, tenant: str) -> set[str]:
        """Every user_id that occurs in the tenant's events."""

    @abstractmethod
    def stored_actors(self, tenant: str, names: Collection[str], *, known: bool) -> set[str]:
        """Of ``names``, those that are the actor of a stored event with a user_id (``known``)
        or without one (an anonymous actor's). Each name is settled by the first such event
        found, so a person with many events costs one index probe."""

    # -- API keys of the HTTP service (persona6/server/keys.py) -----------------------------

    @abstractmethod
    def add_api_key(self, key: ApiKeyRow) -> None:
        """Store a new key (its secret's hash only)."""

    @abstractmethod
    def api_key(self, key_id: str) -> ApiKeyRow | None:
        """One key by its public id, revoked or not."""

    @abstractmethod
    def api_keys(self, tenant: str | None = None) -> list[ApiKeyRow]:
        """Every key (of one tenant, if given), oldest first."""

    @abstractmethod
    def revoke_api_key(self, key_id: str, at: str) -> bool:
        """Mark a key revoked; False if no such live key."""


@dataclass(frozen=True, slots=True)
class StagedSignals:
    """Where ``SignalStage.add`` put one session's signals: ``count`` rows from ``first``."""

    first: int
    count: int


class SignalStage(ABC):
    """Signals staged for their write (``Store.signal_stage``): rows written by the store as
    ``replace_session_signals`` writes them, in small transactions of their own that take no
    lock on the graph or the event log, and kept until the stage is closed."""

    @abstractmethod
    def add(self, tenant: str, signals: Sequence[Signal]) -> StagedSignals:
        """Stage the signals of one session (a batch of rows is written at a time)."""

    @abstractmethod
    def flush(self) -> None:
        """Write the rows staged but not written yet (``write`` does it first)."""

    @abstractmethod
    def write(self, tenant: str, session_id: str, staged: StagedSignals) -> None:
        """``replace_session_signals`` of the session with the signals staged by one ``add``:
        the same rows, in the same order, in the caller's transaction."""


def signal_sort_key(signal: StoredSignal) -> tuple[Any, ...]:
    """The order ``stored_signals_of`` gives: ``StoredSignal.order``, then every other field,
    so that equal signals come in one order whichever index (or build) read them."""
    return (
        *signal.order(),
        signal.polarity,
        signal.weight,
        (1, 0.0) if signal.measure is None else (0, signal.measure),
        signal.producer,
        signal.context_json,
    )


@dataclass(frozen=True, slots=True)
class KeyStateRow:
    """What a build keeps of one person's (kind, key): ``state`` is the fold of its sessions
    but ``last_session`` (``KeyState.to_json``), ``traits`` its polar traits before changes
    of mind across keys (JSON), ``version`` what they were computed with."""

    kind: str
    key: str
    version: str
    last_session: str | None
    state: str
    traits: str


@dataclass(frozen=True, slots=True)
class IdentityUnitRow:
    """One stored identity unit: what one actor did in one session (``body`` is JSON)."""

    session_id: str
    actor: str
    person_id: str
    known: bool
    first_ts: str
    last_ts: str
    body: str


@dataclass(frozen=True, slots=True)
class IdentityLink:
    """A link between an anonymous actor and a person, with how and why it was made."""

    link_id: str
    anonymous_id: str
    user_id: str
    method: str  # identify | user_id | attribute | auto | manual
    evidence_event_id: str | None
    created_at: str
    revoked_at: str | None = None
    probability: float | None = None
    details: dict[str, Any] = field(default_factory=dict)
    revoked_reason: str | None = None


@dataclass(frozen=True, slots=True)
class ApiKeyRow:
    """A stored API key: its public id, tenant and the SHA-256 hash of its secret."""

    key_id: str
    tenant: str
    name: str | None
    secret_hash: str
    created_at: str
    revoked_at: str | None = None
