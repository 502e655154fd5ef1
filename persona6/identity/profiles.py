"""Keeping identity units and person profiles up to date with the log, incrementally.

Units (features.py) are stored per (session, actor) and depend only on that session's events
and signals, like signals do; a known person's profile is the sum of the units of every actor
that is that person (the user_id and the anonymous actors linked to it). ``refresh`` recomputes
the units of the sessions with events ingested since the last refresh and the profiles of the
persons whose units or links changed, so it costs what changed, not what is stored.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from persona6.identity.features import Profile, UnitContext, session_units, sum_profiles
from persona6.identity.settings import IdentitySettings, settings_for
from persona6.store.base import EventQuery, IdentityUnitRow, Store


def unit_context(settings: IdentitySettings) -> UnitContext:
    return UnitContext(
        identifier_attrs=frozenset(settings.identifier_attrs),
        ignored_attrs=frozenset(settings.ignored_context_attrs),
        max_value_chars=settings.max_context_value_chars,
    )


#: Sessions whose units one transaction re-makes (``refresh``).
SLICE = 200


def refresh(store: Store, tenant: str, settings: IdentitySettings, *, full: bool = False) -> None:
    """Bring units and profiles up to date with the built graph (everything, with ``full``).
    Each rewrite of profiles raises the tenant's profile counter, which is how indexes learn of
    it (``Linker._catch_up``).

    Each slice of ``SLICE`` sessions is re-made in a transaction of its own, so that SQLite's
    one write lock is held a slice at a time, not for a tenant's whole first refresh (minutes on
    a large tenant, while every other write waits and fails after its busy timeout); links are
    followed, profiles rebuilt and ``units_seq`` moved in a last one. A refresh cut short (an
    error, a crash) leaves ``units_seq`` where it was (0 for ``full``), so the next one re-makes
    the same sessions again: a session's units are replaced whole, never added twice, and the
    persons of the units it finds there are rebuilt then; a person whose units a slice took
    away is rebuilt in that slice. At the end ``units_seq`` moves only from where this refresh
    found it, and never back: a concurrent refresh that got further, or a ``full`` one begun
    since, stands."""
    context = unit_context(settings)
    with store.transaction():
        since = 0 if full else store.identity_units_seq(tenant)
        if full:
            store.set_identity_units_seq(tenant, 0)  # cut short, the next refresh redoes all
        target = store.built_seq(tenant)
        sessions = store.sessions_since(tenant, since)
    dirty: set[str] = set()
    for start in range(0, len(sessions), SLICE):
        with store.transaction():
            identity = store.identity_map(tenant)
            known = store.known_user_ids(tenant)
            made, had = _refresh_sessions(
                store, tenant, sessions[start : start + SLICE], identity, known, context
            )
            rebuild_profiles(store, tenant, had - made, known)
            dirty |= made | had
    with store.transaction():
        identity = store.identity_map(tenant)
        known = store.known_user_ids(tenant)
        if full:
            present = set(store.sessions_since(tenant, 0))
            stale = {u.session_id for u in store.identity_units(tenant)} - present
            for session_id in sorted(stale):
                dirty |= {u.person_id for u in store.identity_units(tenant, session_id=session_id)}
                store.replace_identity_units(tenant, session_id, [])
        dirty |= _follow_links(store, tenant, identity)
        rebuild_profiles(store, tenant, dirty, known)
        now = store.identity_units_seq(tenant)
        if now >= since:
            store.set_identity_units_seq(tenant, max(now, target))


def _follow_links(store: Store, tenant: str, identity: dict[str, str]) -> set[str]:
    """Links made or revoked since the units were made: move each actor's units to their
    person now; return the persons on both sides."""
    dirty: set[str] = set()
    for actor, person, _ in store.identity_unit_people(tenant):
        now = identity.get(actor, actor)
        if now != person:
            store.set_identity_unit_person(tenant, actor, now)
            dirty |= {person, now}
    return dirty


def _refresh_sessions(
    store: Store,
    tenant: str,
    sessions: list[str],
    identity: dict[str, str],
    known: set[str],
    context: UnitContext,
) -> tuple[set[str], set[str]]:
    """Re-make the units of ``sessions``; return the persons of the units made and those of
    the units they replace."""
    made: set[str] = set()
    had: set[str] = set()
    events_by_session = {
        s: list(store.iter_events(EventQuery(tenant=tenant, session_id=s))) for s in sessions
    }
    actors = {e.actor for events in events_by_session.values() for e in events if e.actor}
    signals_by_session: dict[str, list] = defaultdict(list)
    for signal in store.signals_in_sessions(tenant, sessions, actors):
        signals_by_session[signal.session_id].append(signal)
    for session_id in sessions:
        had |= {u.person_id for u in store.identity_units(tenant, session_id=session_id)}
        units = session_units(
            events_by_session[session_id], signals_by_session[session_id], context, identity
        )
        rows = []
        for actor, unit in units.items():
            person = identity.get(actor, actor)
            made.add(person)
            rows.append(
                IdentityUnitRow(
                    session_id=session_id,
                    actor=actor,
                    person_id=person,
                    known=actor in known,
                    first_ts=unit.first_ts or "",
                    last_ts=unit.last_ts or "",
                    body=json.dumps(unit.to_json(), ensure_ascii=False, separators=(",", ":")),
                )
            )
        store.replace_identity_units(tenant, session_id, rows)
    return made, had


def rebuild_profiles(store: Store, tenant: str, persons: Iterable[str], known: set[str]) -> None:
    """Re-sum the profiles of ``persons`` from their units; only known persons keep one.
    Every profile written gets one new version (``Store.next_identity_profiles_version``)."""
    persons = sorted(set(persons))
    if not persons:
        return
    version = store.next_identity_profiles_version(tenant)
    for person in persons:
        if person not in known:
            store.delete_identity_profile(tenant, person)
            continue
        units = store.identity_units(tenant, persons=[person])
        if not units:
            store.delete_identity_profile(tenant, person)
            continue
        profile = sum_profiles(Profile.from_json(json.loads(u.body)) for u in units)
        store.replace_identity_profile(
            tenant,
            person,
            profile.sessions,
            profile.last_ts,
            json.dumps(profile.to_json(), ensure_ascii=False, separators=(",", ":")),
            version=version,
        )


def actor_profile(store: Store, tenant: str, actor: str) -> Profile | None:
    """The profile of one actor's own units (an anonymous actor's sessions), or None."""
    units = store.identity_units(tenant, actors=[actor])
    if not units:
        return None
    return sum_profiles(Profile.from_json(json.loads(u.body)) for u in units)


def load_profiles(
    store: Store, tenant: str, person_ids: Iterable[str] | None = None
) -> dict[str, Profile]:
    return {
        person: Profile.from_json(json.loads(body))
        for person, body in store.identity_profiles(tenant, person_ids)
    }


def refresh_sessions(store: Store, tenant: str, sessions: Iterable[str]) -> list[str]:
    """Re-make the units of these sessions from what is stored now, and the profiles of the
    persons they touch; for ``forget``, which deletes events without ingesting any, so the
    incremental ``refresh`` (which follows the log forward) would not see it. A session left
    without events loses its units, and the units of an actor whose link went with a forgotten
    event move back to the actor. Returns the known persons whose profiles changed."""
    wanted = sorted(set(sessions))
    if not wanted:
        return []
    settings = settings_for(store, tenant)
    with store.transaction():
        identity = store.identity_map(tenant)
        known = store.known_user_ids(tenant)
        made, had = _refresh_sessions(
            store, tenant, wanted, identity, known, unit_context(settings)
        )
        dirty = made | had
        dirty |= _follow_links(store, tenant, identity)
        rebuild_profiles(store, tenant, dirty, known)
    return sorted(dirty & known)
