"""Building the graph: extract signals from changed sessions, re-consolidate affected persons.

Incremental by construction. A session's signals depend only on that session's events, and a
person's traits only on the signals of the actors that are that person, so rebuilding exactly
the sessions with new events and exactly the persons they touch gives the same graph as a
build from scratch (tests/graph/test_build.py checks this as a property).
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from pydantic import BaseModel, Field

from persona6.extract import extract_session
from persona6.graph.consolidate import consolidate
from persona6.store.base import EventQuery, Store


class BuildReport(BaseModel):
    """What one build did."""

    tenant: str
    full: bool = Field(description="True when everything was rebuilt from the events.")
    sessions: int = Field(description="Sessions whose signals were (re)extracted.")
    events: int = Field(description="Events read from those sessions.")
    signals: int = Field(description="Signals extracted from them.")
    persons: int = Field(description="Persons whose traits were recomputed.")
    traits: int = Field(description="Traits those persons now have.")
    seconds: float


def build(store: Store, tenant: str, *, full: bool = False) -> BuildReport:
    """Bring the tenant's graph up to date with its events (everything, with ``full``)."""
    started = time.perf_counter()
    with store.transaction():
        since = 0 if full else store.built_seq(tenant)
        target = store.max_seq(tenant)
        sessions = store.sessions_since(tenant, since)
        if full:
            sessions = _all_sessions(store, tenant, sessions)
        events = signals = 0
        touched: set[str] = set()
        for session_id in sessions:
            n_events, n_signals, actors = refresh_session(store, tenant, session_id)
            events += n_events
            signals += n_signals
            touched |= actors
        persons, traits = refresh_persons(store, tenant, touched)
        store.set_built_seq(tenant, target)
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


def refresh_session(store: Store, tenant: str, session_id: str) -> tuple[int, int, set[str]]:
    """Re-extract one session; return (events, signals, actors whose persons need a rebuild)."""
    events = list(store.iter_events(EventQuery(tenant=tenant, session_id=session_id)))
    signals = extract_session(events)
    actors = store.session_signal_actors(tenant, session_id)
    actors |= {s.actor for s in signals}
    for event in events:
        if event.user_id is not None:
            actors.add(event.user_id)
        if event.anonymous_id is not None:
            actors.add(event.anonymous_id)
    store.replace_session_signals(tenant, session_id, signals)
    return len(events), len(signals), actors


def refresh_persons(store: Store, tenant: str, actors: Iterable[str]) -> tuple[int, int]:
    """Recompute the traits of every person the actors are (or were); return (persons, traits)."""
    identity = store.identity_map(tenant)
    persons: set[str] = set()
    for actor in actors:
        persons.add(identity.get(actor, actor))
        persons.add(actor)  # an actor now linked to a person no longer has traits of its own
    aliases: dict[str, set[str]] = {}
    for anonymous_id, user_id in identity.items():
        aliases.setdefault(user_id, set()).add(anonymous_id)
    total = 0
    for person in sorted(persons):
        if person in identity:
            store.replace_traits(tenant, person, [])
            continue
        members = {person} | aliases.get(person, set())
        traits = consolidate(person, store.signals_of(tenant, members))
        store.replace_traits(tenant, person, traits)
        total += len(traits)
    return len(persons), total
