"""Deterministic stitching: links that need no probability.

1. ``identify`` events (written by ingest, method ``identify``);
2. an event that carries both a ``user_id`` and an ``anonymous_id`` (method ``user_id``);
3. an identifier attribute (``identifier_attrs``: a hashed e-mail, a customer number) whose
   value an anonymous actor shares with exactly one known person (method ``attribute``); a value
   shared with several known persons links nobody and is reported as a conflict.

Each link records the event that proves it. A link that was revoked (``persona6 unlink``) is
never made again by stitching: its id is derived from what it links and how, and a stored id
is left as it is. An anonymous actor already linked to another person is reported, not moved.
"""

from __future__ import annotations

import json
from collections import defaultdict

from persona6.identity.linking import _now, link_id, reconsolidate, record
from persona6.identity.records import StitchReport
from persona6.identity.settings import IdentitySettings
from persona6.store.base import IdentityLink, Store


def stitch(store: Store, tenant: str, settings: IdentitySettings) -> StitchReport:
    """Make every deterministic link the log proves; re-consolidate the persons touched."""
    existing = store.identity_links(tenant, include_revoked=True)
    stored_ids = {k.link_id for k in existing}
    active = {k.anonymous_id: k.user_id for k in existing if k.revoked_at is None}
    known = store.known_user_ids(tenant)
    proposals: list[IdentityLink] = []
    conflicts: list[str] = []
    for event_id, anonymous_id, user_id, kind in store.events_with_both_ids(tenant):
        if kind == "identify":
            continue  # ingest wrote it (and a revoked one stays revoked)
        proposals.append(
            IdentityLink(
                link_id=link_id(tenant, anonymous_id, user_id, "user_id"),
                anonymous_id=anonymous_id,
                user_id=user_id,
                method="user_id",
                evidence_event_id=event_id,
                created_at=_now(),
                probability=1.0,
                details={"rule": "an event carries both ids"},
            )
        )
    for name in settings.identifier_attrs:
        holders: dict[str, dict[str, str]] = defaultdict(dict)  # value -> actor -> event
        for event_id, actor, attrs_json in store.events_with_attr(tenant, name):
            value = json.loads(attrs_json).get(name)
            if actor is None or value is None or isinstance(value, dict | list):
                continue
            holders[str(value)].setdefault(actor, event_id)
        for _, actors in sorted(holders.items()):
            persons = sorted(a for a in actors if a in known)
            anonymous = sorted(a for a in actors if a not in known)
            if not anonymous or not persons:
                continue
            if len(persons) > 1:
                conflicts.append(
                    f"attrs {name!r}: one value is held by {len(persons)} known persons "
                    f"({', '.join(persons[:5])}); {len(anonymous)} anonymous actors left unlinked"
                )
                continue
            for actor in anonymous:
                proposals.append(
                    IdentityLink(
                        link_id=link_id(tenant, actor, persons[0], "attribute"),
                        anonymous_id=actor,
                        user_id=persons[0],
                        method="attribute",
                        evidence_event_id=actors[actor],
                        created_at=_now(),
                        probability=1.0,
                        details={
                            "rule": f"attrs {name!r} equal",
                            "attr": name,
                            "person_event_id": actors[persons[0]],
                        },
                    )
                )
    made: list[IdentityLink] = []
    for link in proposals:
        if link.link_id in stored_ids or link.anonymous_id in known:
            continue
        current = active.get(link.anonymous_id)
        if current == link.user_id:
            continue
        if current is not None:
            conflicts.append(
                f"{link.anonymous_id!r} is linked to {current!r}, but {link.method} evidence "
                f"(event {link.evidence_event_id}) says {link.user_id!r}; left as it is. "
                f"To move it: persona6 unlink {link.anonymous_id}, then persona6 stitch"
            )
            continue
        active[link.anonymous_id] = link.user_id
        stored_ids.add(link.link_id)
        made.append(link)
    if made:
        with store.transaction():
            for link in made:
                store.add_identity_link(tenant, link)
            reconsolidate(store, tenant, [x for k in made for x in (k.anonymous_id, k.user_id)])
    return StitchReport(linked=[record(k) for k in made], conflicts=conflicts)
