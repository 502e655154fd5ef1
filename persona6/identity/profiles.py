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


def refresh(store: Store, tenant: str, settings: IdentitySettings, *, full: bool = False) -> None:
    """Bring units and profiles up to date with the built graph (everything, with ``full``).
    Each rewrite of profiles raises the tenant's profile counter, which is how indexes learn of
    it (``Linker._catch_up``)."""
    with store.transaction():
        since = 0 if full else store.identity_units_seq(tenant)
        target = store.built_seq(tenant)
        sessions = store.sessions_since(tenant, since)
        identity = store.identity_map(tenant)
        known = store.known_user_ids(tenant)
        dirty: set[str] = set()
        context = unit_context(settings)
        if full:
            stale = {u.session_id for u in store.identity_units(tenant)} - set(sessions)
            for session_id in sorted(stale):
                dirty |= {u.person_id for u in store.identity_units(tenant, session_id=session_id)}
                store.replace_identity_units(tenant, session_id, [])
        for start in range(0, len(sessions), 200):
            chunk = sessions[start : start + 200]
            dirty |= _refresh_sessions(store, tenant, chunk, identity, known, context)
        dirty |= _follow_links(store, tenant, identity)
        rebuild_profiles(store, tenant, dirty, known)
        store.set_identity_units_seq(tenant, target)


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
) -> set[str]:
    dirty: set[str] = set()
    events_by_session = {
        s: list(store.iter_events(EventQuery(tenant=tenant, session_id=s))) for s in sessions
    }
    actors = {e.actor for events in events_by_session.values() for e in events if e.actor}
    wanted = set(sessions)
    signals_by_session: dict[str, list] = defaultdict(list)
    for signal in store.signals_of(tenant, actors):
        if signal.session_id in wanted:
            signals_by_session[signal.session_id].append(signal)
    for session_id in sessions:
        dirty |= {u.person_id for u in store.identity_units(tenant, session_id=session_id)}
        units = session_units(
            events_by_session[session_id], signals_by_session[session_id], context, identity
        )
        rows = []
        for actor, unit in units.items():
            person = identity.get(actor, actor)
            dirty.add(person)
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
    return dirty


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
        dirty = _refresh_sessions(store, tenant, wanted, identity, known, unit_context(settings))
        dirty |= _follow_links(store, tenant, identity)
        rebuild_profiles(store, tenant, dirty, known)
    return sorted(dirty & known)
