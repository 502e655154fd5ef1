"""What forgetting events (or a person) does to identity links (graph.forget calls it).

A link keeps an explanation: the event that proves it (``evidence_event_id``) and, for a
probabilistic merge, the evidence on both sides, with quotes (``details``). Forgetting must not
leave a forgotten event quoted there, in active links or revoked ones:

- a link naming a forgotten person (either side) is deleted, active or revoked;
- an ``identify`` link whose event is forgotten is deleted, active or revoked (only ingest
  makes one); so is an active ``user_id`` or ``attribute`` link whose proof is forgotten (the
  anonymous actor's event, or the person's event an attribute link compares it with): nothing
  left says so any more, and stitching re-makes it if another event does;
- every other link that cites a forgotten event keeps what it links and loses the citation: an
  evidence item quoting the event is dropped whole (its summary counts the event too), any
  other mention of the event id is set to null, and a proving event that is gone is replaced by
  the first event the remaining evidence quotes on the actor's side, or null. A revoked
  ``user_id`` or ``attribute`` link stays so: it is what keeps stitching from re-making a link
  a person undid. ``details.forgotten_evidence`` counts the evidence items dropped so far.

A merge is not undone because one of the messages it weighed is forgotten: the decision was
taken on the whole of the actor's sessions, and ``persona6 unlink`` undoes it on purpose.

Forgetting a person (``linked_actors``) says what became of every anonymous actor linked to
them. An actor an active link resolves to the person (stitched, merged, linked by hand) is
theirs: its events are forgotten with them and the link goes. A link that was undone goes
(its evidence is the person's), and the actor's events stay: they were never the person's. An
actor no link resolves, but whom ``link`` attributes to the person at or above the threshold,
is not theirs either (an attribution is a probability, and nothing merged it): its events
stay, and the report says so and how to forget it too, unless the caller asked to forget
such actors with the person (``include_linked``).

A note that says how to forget an actor too names a next step (``{>forget_person}``,
persona6/errors.py): ``note`` is written for the command line, and ``for_surface`` rewrites
the notes for the surface that serves the report (the HTTP API names its endpoint).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from pydantic import BaseModel, Field, PrivateAttr

from persona6.errors import Surface, render_message
from persona6.store.base import IdentityLink, Store

#: Links an event proves: forgetting the event takes the link away.
PROVED_BY_AN_EVENT = frozenset({"identify", "user_id", "attribute"})


class LinkedActor(BaseModel):
    """An anonymous actor linked to a forgotten person, and what forgetting did to it."""

    actor: str
    link: str = Field(
        description="How it was linked: the active link's method (identify, user_id, "
        "attribute, auto, manual), 'undone' for a revoked link, 'attributed' for an actor "
        "no link resolves whom `link` attributes to the person."
    )
    probability: float | None = Field(
        default=None, description="The link's or the attribution's probability, if any."
    )
    forgotten: bool = Field(description="Whether the actor's own events were forgotten.")
    note: str = Field(description="What happened to it, in a sentence.")
    # The note's template and values (persona6/errors.py), to write it for another surface.
    _template: str = PrivateAttr(default="")
    _values: dict[str, object] = PrivateAttr(default_factory=dict)

    @classmethod
    def noted(cls, template: str, values: dict[str, object], **fields: Any) -> LinkedActor:
        """One whose ``note`` is ``template`` filled from ``values``, for the command line."""
        made = cls(note=render_message(template, values), **fields)
        made._template, made._values = template, dict(values)
        return made

    def for_surface(self, surface: Surface) -> LinkedActor:
        """This one with its note as ``surface`` names the next step."""
        if not self._template:
            return self
        note = render_message(self._template, self._values, surface)
        return self.model_copy(update={"note": note})


def for_surface(linked: list[LinkedActor], surface: Surface) -> list[LinkedActor]:
    """The notes of a forget report's ``linked`` as ``surface`` names the next step."""
    return [actor.for_surface(surface) for actor in linked]


def linked_actors(
    store: Store,
    tenant: str,
    person: str,
    attributed: list[tuple[str, float]],
    *,
    include_linked: bool = False,
) -> list[LinkedActor]:
    """What forgetting ``person`` does to each anonymous actor linked to them: those an
    active link resolves to them, those whose link to them was undone, and those ``link``
    attributes to them (``attributed``, from ``Linker.attributed_to``), the latter forgotten
    only with ``include_linked``. Read before anything is deleted."""
    found: dict[str, LinkedActor] = {}
    active = store.identity_map(tenant)
    links = store.identity_links(tenant, user_id=person, include_revoked=True)
    for link in links:
        actor = link.anonymous_id
        if actor == person or actor in found:
            continue
        if active.get(actor) == person and link.revoked_at is None:
            how = link.method + (f" at {link.probability:.3f}" if link.probability else "")
            found[actor] = LinkedActor.noted(
                "linked to {person} ({how}): its events were {person}'s and are forgotten, "
                "and the link is deleted",
                {"person": person, "how": how},
                actor=actor,
                link=link.method,
                probability=link.probability,
                forgotten=True,
            )
    for link in links:
        actor = link.anonymous_id
        if actor == person or actor in found or link.revoked_at is None:
            continue
        found[actor] = LinkedActor.noted(
            "its link to {person} was undone: the link is deleted (its evidence is "
            "{person}'s); its own events are kept, they were never {person}'s. To forget them "
            "too: {>forget_person}",
            {"person": person, "actor": actor},
            actor=actor,
            link="undone",
            probability=link.probability,
            forgotten=False,
        )
    for actor, probability in attributed:
        if actor in found:
            continue
        said = "not linked, but `link` attributes it to {person} at probability {probability:.3f}"
        found[actor] = LinkedActor.noted(
            said + ": forgotten with them, as asked"
            if include_linked
            else said + ": its events are kept, as they are not {person}'s unless merged. "
            "To forget them too: {>forget_person}",
            {"person": person, "actor": actor, "probability": probability},
            actor=actor,
            link="attributed",
            probability=probability,
            forgotten=include_linked,
        )
    return [found[a] for a in sorted(found)]


def forget_in_links(
    store: Store, tenant: str, event_ids: Collection[str], persons: Collection[str] = ()
) -> set[str]:
    """Purge the links of these events (and of these forgotten persons and their actors);
    return the actors on both sides of the active links deleted, whose persons change."""
    forgotten = set(event_ids)
    gone_people = set(persons)
    links = {k.link_id: k for k in store.identity_links_citing(tenant, forgotten)}
    for person in sorted(gone_people):
        for found in (
            store.identity_links(tenant, person, include_revoked=True),
            store.identity_links(tenant, user_id=person, include_revoked=True),
        ):
            links.update((k.link_id, k) for k in found)
    deleted: list[IdentityLink] = []
    for link in links.values():
        if {link.anonymous_id, link.user_id} & gone_people or _proof_forgotten(link, forgotten):
            deleted.append(link)
            continue
        details, dropped = scrubbed(link.details, forgotten)
        if dropped:
            details["forgotten_evidence"] = int(link.details.get("forgotten_evidence", 0)) + dropped
        proof = link.evidence_event_id
        if proof in forgotten:
            proof = _first_anonymous_quote(details)
        if proof != link.evidence_event_id or details != link.details:
            store.rewrite_identity_link(tenant, link.link_id, proof, details)
    store.delete_identity_links(tenant, [k.link_id for k in deleted])
    return {actor for k in deleted if k.revoked_at is None for actor in (k.anonymous_id, k.user_id)}


def _proof_forgotten(link: IdentityLink, forgotten: set[str]) -> bool:
    """Whether the link is proved by a forgotten event, and goes with it."""
    if link.method not in PROVED_BY_AN_EVENT or (
        link.revoked_at is not None and link.method != "identify"
    ):
        return False
    return link.evidence_event_id in forgotten or link.details.get("person_event_id") in forgotten


def scrubbed(value: Any, forgotten: Collection[str]) -> tuple[Any, int]:
    """``value`` (JSON data) without what names a forgotten event, and how many list items
    were dropped: an item of a list that names one anywhere inside (a quote; an evidence item
    with such a quote) is dropped, any other string equal to a forgotten id becomes null."""
    if isinstance(value, str):
        return (None if value in forgotten else value), 0
    if isinstance(value, list):
        kept, dropped = [], 0
        for item in value:
            if names_any(item, forgotten):
                dropped += 1
            else:
                kept.append(item)
        return kept, dropped
    if isinstance(value, dict):
        result, dropped = {}, 0
        for key, item in value.items():
            result[key], count = scrubbed(item, forgotten)
            dropped += count
        return result, dropped
    return value, 0


def names_any(value: Any, event_ids: Collection[str]) -> bool:
    """Whether JSON data holds, anywhere, a string equal to one of ``event_ids``."""
    if isinstance(value, str):
        return value in event_ids
    if isinstance(value, list):
        return any(names_any(item, event_ids) for item in value)
    if isinstance(value, dict):
        return any(names_any(item, event_ids) for item in value.values())
    return False


def _first_anonymous_quote(details: dict[str, Any]) -> str | None:
    """The event the first remaining evidence item quotes on the actor's side (what an
    automatic merge records as its proving event), or None."""
    for item in details.get("evidence", []):
        for quote in item.get("anonymous", []) if isinstance(item, dict) else []:
            if isinstance(quote, dict) and quote.get("event_id"):
                return str(quote["event_id"])
    return None
