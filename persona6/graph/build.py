"""Building the graph: extract signals from changed sessions, re-consolidate affected persons.

Incremental by construction. A session's signals depend only on that session's events, and a
person's traits only on the signals of the actors that are that person, so rebuilding exactly
the sessions with new events and exactly the persons they touch gives the same graph as a
build from scratch (tests/graph/test_build.py checks this as a property).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from pydantic import BaseModel, Field

from persona6.extract import extract_session
from persona6.graph.consolidate import config, consolidate
from persona6.store.base import EventQuery, Store
from persona6.types import EventType, Signal, SignalKind, StoredEvent


class BuildReport(BaseModel):
    """What one build did."""

    tenant: str
    full: bool = Field(description="True when everything was rebuilt from the events.")
    sessions: int = Field(description="Sessions whose signals were (re)extracted.")
    events: int = Field(description="Events read from those sessions.")
    signals: int = Field(description="Signals extracted from them.")
    persons: int = Field(description="Persons whose traits were recomputed.")
    traits: int = Field(description="Traits recomputed for those persons.")
    seconds: float


def build(store: Store, tenant: str, *, full: bool = False) -> BuildReport:
    """Bring the tenant's graph up to date with its events (everything, with ``full``).

    Two phases, so that a live service keeps recording events during a build: extraction (most
    of the work) reads each changed session outside any write transaction; then one
    transaction, holding the tenant's graph lock, stores the signals and recomputes persons.
    The watermark is read first: events recorded meanwhile are past it, and the next build
    takes their sessions again.
    """
    started = time.perf_counter()
    since = 0 if full else store.built_seq(tenant)
    target = store.max_seq(tenant)
    sessions = store.sessions_since(tenant, since)
    if full:
        sessions = _all_sessions(store, tenant, sessions)
    extracted = [extract_stored_session(store, tenant, session_id) for session_id in sessions]
    events = sum(len(session.events) for session in extracted)
    signals = sum(len(session.signals) for session in extracted)
    with store.transaction():
        store.lock_graph(tenant)
        touched: dict[str, Scope] = {}
        for session in extracted:
            merge_scopes(touched, store_session(store, tenant, _current(store, tenant, session)))
        if full:
            touched = dict.fromkeys(touched)  # everything, for everyone
        persons, traits = refresh_persons(store, tenant, touched)
        store.set_built_seq(tenant, max(target, store.built_seq(tenant)))
    return BuildReport(
        tenant=tenant,
        full=full,
        sessions=len(sessions),
        events=events,
        signals=signals,
        persons=persons,
        traits=traits,
        seconds=round(time.perf_counter() - started, 3),
    )


def _all_sessions(store: Store, tenant: str, changed: list[str]) -> list[str]:
    """Every session with events, plus any that only has stale signals left."""
    everything = store.sessions_since(tenant, 0)
    known = set(everything)
    return everything + [s for s in changed if s not in known]


#: Which of an actor's traits need recomputing: these (kind, key) pairs, or all (None).
Scope = set[tuple[str, str]] | None


#: What a session held when it was read: (seq, event_id, ingested_at) of each event.
Seen = tuple[tuple[int, str, str], ...]


@dataclass(frozen=True, slots=True)
class ExtractedSession:
    """A session's events as read, and the signals extracted from them."""

    session_id: str
    events: list[StoredEvent]
    signals: list[Signal]
    #: The session's (seq, event_id, ingested_at) list, read just before its events.
    seen: Seen


def extract_stored_session(store: Store, tenant: str, session_id: str) -> ExtractedSession:
    """Read one session and extract its signals (no writes)."""
    seen = store.session_event_seqs(tenant, session_id)  # before the events: see _current
    events = list(store.iter_events(EventQuery(tenant=tenant, session_id=session_id)))
    return ExtractedSession(session_id, events, extract_session(events), seen)


def _current(store: Store, tenant: str, session: ExtractedSession) -> ExtractedSession:
    """The session as it is now: re-extracted if its events changed since it was read (events
    recorded meanwhile, or another process's forget), so older signals never overwrite what
    a concurrent build stored from newer events.

    The session is unchanged when its (seq, event_id, ingested_at) list read now equals the
    one read before its events and names the events read:
    any event recorded or deleted since the first list changes the list (a recorded event has
    a new seq or ingest time, even under an id forgotten before), and one recorded and
    forgotten again between the two reads shows among the events read. Otherwise the session
    is read and extracted again.
    """
    if (
        sorted(e.event_id for e in session.events) == sorted(i for _, i, _ in session.seen)
        and store.session_event_seqs(tenant, session.session_id) == session.seen
    ):
        return session
    return extract_stored_session(store, tenant, session.session_id)


def refresh_session(
    store: Store, tenant: str, session_id: str
) -> tuple[int, int, dict[str, Scope]]:
    """Re-extract one session; return (events, signals, what each touched actor needs)."""
    session = extract_stored_session(store, tenant, session_id)
    return len(session.events), len(session.signals), store_session(store, tenant, session)


def store_session(store: Store, tenant: str, session: ExtractedSession) -> dict[str, Scope]:
    """Store a session's signals in place of its old ones; return what each touched actor
    needs recomputed.

    An actor needs the (kind, key) pairs it had or now has signals for in this session; an
    actor named by an identify event needs everything, because its person changed.
    """
    session_id, events, signals = session.session_id, session.events, session.signals
    touched: dict[str, Scope] = {}
    before = store.signal_keys(tenant, session_id=session_id)
    after = {(s.actor, s.kind.value, s.key) for s in signals}
    for actor, kind, key in sorted(before | after):
        scope = touched.setdefault(actor, set())
        if kind != SignalKind.TEXTURE.value and scope is not None:
            scope.add((kind, key))
    for event in events:
        for actor in (event.user_id, event.anonymous_id):
            if actor is not None:
                if event.type == EventType.IDENTIFY:
                    touched[actor] = None
                else:
                    touched.setdefault(actor, set())
    store.replace_session_signals(tenant, session_id, signals)
    return touched


def merge_scopes(into: dict[str, Scope], more: dict[str, Scope]) -> None:
    for actor, scope in more.items():
        _widen(into, actor, scope)


def _widen(scopes: dict[str, Scope], name: str, scope: Scope) -> None:
    if name in scopes and scopes[name] is None:
        return
    if scope is None:
        scopes[name] = None
    else:
        current = scopes.setdefault(name, set())
        assert current is not None
        current |= scope


def refresh_persons(store: Store, tenant: str, touched: dict[str, Scope]) -> tuple[int, int]:
    """Recompute what the touched actors' persons need; return (persons, traits recomputed).

    Only the touched (kind, key) pairs are recomputed, except that preferences and decisions
    are recomputed together (a change of mind in one can supersede another) and a person whose
    identity changed is recomputed whole. Both give what a full recompute would.
    """
    cfg = config()
    identity = store.identity_map(tenant)
    scopes: dict[str, Scope] = {}
    for actor, scope in touched.items():
        person = identity.get(actor, actor)
        _widen(scopes, person, scope)
        if person != actor:
            _widen(scopes, actor, None)  # a linked actor no longer has traits of its own
    aliases: dict[str, set[str]] = {}
    for anonymous_id, user_id in identity.items():
        aliases.setdefault(user_id, set()).add(anonymous_id)
    total = 0
    for person in sorted(scopes):
        scope = scopes[person]
        if person in identity:
            store.replace_traits(tenant, person, [])
            continue
        members = {person} | aliases.get(person, set())
        if scope is None:
            traits = consolidate(person, store.stored_signals_of(tenant, members))
            store.replace_traits(tenant, person, traits)
        elif scope:
            if any(kind in cfg.polar_kinds for kind, _ in scope):
                scope |= {
                    (kind, key)
                    for _, kind, key in store.signal_keys(
                        tenant, actors=members, kinds=sorted(cfg.polar_kinds)
                    )
                }
            traits = consolidate(person, store.stored_signals_of(tenant, members, keys=scope))
            store.replace_traits(tenant, person, traits, keys=scope)
        else:
            continue
        total += len(traits)
    return len(scopes), total
