"""Forgetting: delete events and recompute every trait that rested on them.

A trait left without evidence disappears, because traits are recomputed from the signals of
the remaining events (tests/graph/test_build.py checks it as a property). Identity units and
profiles are re-made for the sessions touched, and identity links stop quoting what is
forgotten (identity/forgetting.py): no stored row cites a forgotten event afterwards
(tests/graph/test_forget_leaves_no_trace.py).
"""

from __future__ import annotations

from collections.abc import Collection

from pydantic import BaseModel, Field

from persona6.errors import NotFound
from persona6.graph.build import Scope, merge_scopes, refresh_persons, refresh_session
from persona6.identity.forgetting import LinkedActor, forget_in_links, linked_actors
from persona6.identity.profiles import refresh_sessions as refresh_identity_sessions
from persona6.store.base import EventQuery, Store


class ForgetReport(BaseModel):
    """What one forget deleted and recomputed."""

    tenant: str
    events: int = Field(description="Events deleted.")
    sessions: int = Field(description="Sessions whose signals were recomputed.")
    persons: int = Field(description="Persons whose traits were recomputed.")
    linked: list[LinkedActor] = Field(
        default_factory=list,
        description="Forgetting a person: each anonymous actor linked to them (by a link, an "
        "undone link, or `link`'s attribution) and what happened to it.",
    )


def forget_events(
    store: Store, tenant: str, event_ids: list[str], *, persons: Collection[str] = ()
) -> ForgetReport:
    """Delete these events and recompute what rested on them; identity links stop citing
    them, and those naming ``persons`` (forgotten whole, with their actors) go."""
    with store.transaction():
        store.lock_graph(tenant)
        # Everyone the deleted events were about is recomputed whole: an identify event may go.
        touched: dict[str, Scope] = dict.fromkeys(_actors_of(store, tenant, event_ids))
        # So is everyone on either side of a link that goes (its proof is forgotten).
        touched.update(dict.fromkeys(forget_in_links(store, tenant, event_ids, persons)))
        sessions = store.delete_events(tenant, event_ids)
        for session_id in sessions:
            merge_scopes(touched, refresh_session(store, tenant, session_id)[2])
        recomputed, _ = refresh_persons(store, tenant, touched)
        refresh_identity_sessions(store, tenant, sessions)
    return ForgetReport(
        tenant=tenant, events=len(event_ids), sessions=len(sessions), persons=recomputed
    )


def forget_event(store: Store, tenant: str, event_id: str) -> ForgetReport:
    if not _exists(store, tenant, event_id):
        raise NotFound(
            "event {event!r} is not stored for tenant {tenant!r}. "
            "List event ids with: {>list_event_ids}",
            event=event_id,
            tenant=tenant,
        )
    return forget_events(store, tenant, [event_id])


def forget_session(store: Store, tenant: str, session_id: str) -> ForgetReport:
    ids = [e.event_id for e in store.iter_events(EventQuery(tenant=tenant, session_id=session_id))]
    if not ids:
        raise NotFound(
            "session {session!r} has no events for tenant {tenant!r}. "
            "List sessions with: {>list_sessions}",
            session=session_id,
            tenant=tenant,
        )
    return forget_events(store, tenant, ids)


def forget_person(
    store: Store, tenant: str, person_id: str, *, include_linked: bool = False
) -> ForgetReport:
    """Delete the person's own events (and those of anonymous actors linked to them); a session
    in which nobody else acted is deleted whole, assistant replies included. Every identity
    link naming the person or those actors goes too, revoked ones included. An anonymous
    actor no link resolves, whom ``link`` attributes to the person, is kept unless
    ``include_linked``; the report's ``linked`` says what became of each
    (identity/forgetting.py)."""
    identity = store.identity_map(tenant)
    members = {person_id} | {a for a, u in identity.items() if u == person_id}
    attributed = _attributed(store, tenant, person_id, identity)
    linked = linked_actors(store, tenant, person_id, attributed, include_linked=include_linked)
    members |= {a.actor for a in linked if a.forgotten}
    own: list[str] = []
    sessions: set[str] = set()
    for actor in sorted(members):
        for event in store.iter_events(EventQuery(tenant=tenant, actor=actor)):
            own.append(event.event_id)
            sessions.add(event.session_id)
    if not own:
        raise NotFound(
            "person {person!r} has no events for tenant {tenant!r}. "
            "List people with: {>list_actors}",
            person=person_id,
            tenant=tenant,
        )
    for session_id in sorted(sessions):
        session = list(store.iter_events(EventQuery(tenant=tenant, session_id=session_id)))
        others = {e.actor for e in session if e.actor is not None} - members
        if not others:
            own.extend(e.event_id for e in session)
    report = forget_events(store, tenant, sorted(set(own)), persons=members)
    return report.model_copy(update={"linked": linked})


def _attributed(
    store: Store, tenant: str, person_id: str, identity: dict[str, str]
) -> list[tuple[str, float]]:
    """The anonymous actors no link resolves (``identity``: the tenant's ``identity_map``)
    whom ``link`` attributes to a known person; none for an anonymous actor forgotten as a
    person, or a tenant with no such actor."""
    from persona6.identity.linking import Linker  # linking imports the graph

    if person_id not in store.known_user_ids(tenant):
        return []
    if not any(not a.known and a.actor not in identity for a in store.actors(tenant)):
        return []
    return Linker(store, tenant).attributed_to(person_id)


def _exists(store: Store, tenant: str, event_id: str) -> bool:
    return store.event(tenant, event_id) is not None


def _actors_of(store: Store, tenant: str, event_ids: list[str]) -> set[str]:
    actors: set[str] = set()
    for event_id in event_ids:
        event = store.event(tenant, event_id)
        if event is not None:
            actors |= {a for a in (event.user_id, event.anonymous_id) if a is not None}
    return actors
