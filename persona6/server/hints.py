"""What both servers add to the library's answers for the party they serve: who an anonymous
actor probably is, in the brief (HTTP ``GET /v1/persons/{id}/context`` and MCP
``get_user_context``), and a link's note with its next step in the surface's terms.

One implementation, two wordings: the HTTP API serves the product's backend, which can merge
(``POST /v1/links``); the MCP server serves an agent, which cannot merge and must not treat
the actor as the person before the product does.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any, Literal

from persona6.behavior import Prediction
from persona6.context import Brief
from persona6.context.notes import with_note
from persona6.engine import Persona6
from persona6.errors import Persona6Error, render_message
from persona6.identity import LinkResult

#: The surfaces these hints are worded for (the command line has its own: ``persona6 link``).
Served = Literal["http", "mcp"]

#: The heading of the line, first in the brief, on who an anonymous actor probably is.
PROBABLE_HEADING = "Probably a known person"

#: The line's wordings per surface, the longest first (``with_note`` takes the first that
#: leaves the smallest brief its budget). ``{said}`` is "Probably PERSON (p P, not linked)".
_PROBABLE_LINES: dict[Served, tuple[str, ...]] = {
    "http": (
        '{said}: POST /v1/link says why; to merge: POST /v1/links {{"anonymous_id": '
        '"{actor}", "person_id": "{person}"}}.',
        "{said}: POST /v1/link says why.",
        "{said}.",
    ),
    "mcp": (
        "{said}: link_session says why. This brief is their own history only: merging them "
        "into {person} is the product's decision, not a tool here.",
        "{said}: link_session says why.",
        "{said}.",
    ),
}

#: The most anonymous actors a tenant's ``ProbableCache`` keeps (the least recently asked go
#: first): a few hundred bytes each.
PROBABLE_CACHED = 1_000


@dataclass(frozen=True)
class Probable:
    """Who linking says an anonymous actor probably is: what the brief's line shows."""

    person: str
    probability: float
    #: The first two of the actor's events that the person's evidence cites.
    cited: tuple[str, ...]


class ProbableCache:
    """``probable_person``'s answers for one tenant, per anonymous actor, so that every brief of
    an actor does not run a whole link (HTTP: shared by the tenant's pooled engines; MCP: the
    server's engine). Thread-safe.

    An answer is kept while the tenant's linking reads the same data: the store's graph
    version (``Store.graph_version``: every build, link, unlink and forget moves it, in any
    process) and the tenant's identity settings and saved linking model. Recording events
    moves none of them, and need not: linking reads the built graph only, and what an event
    can change at once (the actor becoming a known person's id) is checked on every call. When
    the version moves, every answer kept is dropped, so nothing of a forgotten person stays."""

    def __init__(
        self,
        limit: int = PROBABLE_CACHED,
        lend: Callable[[Persona6], AbstractContextManager[None]] | None = None,
    ):
        self.limit = limit
        #: What a link runs inside (the HTTP pool lends the engine the tenant's linker).
        self._lend = lend
        self._guard = threading.Lock()
        self._version: Any = None
        self._found: OrderedDict[str, Probable | None] = OrderedDict()

    def get(self, p6: Persona6, actor: str, make: Callable[[], Probable | None]) -> Probable | None:
        """The answer kept for ``actor`` at the tenant's current version, else ``make()``'s
        (then kept). The version is read before ``make`` runs: a write meanwhile leaves the
        answer under the older version, which the next call sees moved."""
        version = p6.store.linking_version(p6.tenant)  # graph, settings, models: one read
        with self._guard:
            if version != self._version:
                self._found.clear()
                self._version = version
            elif actor in self._found:
                self._found.move_to_end(actor)
                return self._found[actor]
        with nullcontext() if self._lend is None else self._lend(p6):
            found = make()
        with self._guard:
            if version == self._version:
                self._found[actor] = found
                while len(self._found) > self.limit:
                    self._found.popitem(last=False)
        return found


def probable_person(
    p6: Persona6, actor: str, cache: ProbableCache | None = None
) -> Probable | None:
    """For an anonymous actor no link ties to anyone, whom linking names as a known person;
    None otherwise (a known person, an actor linked already, a new person, an actor linking
    cannot weigh yet). With ``cache``, the link runs once per actor and tenant version."""
    stored = p6.store.actors(p6.tenant, names=[actor])
    if not stored or stored[0].known or stored[0].linked_to is not None:
        return None
    if cache is None:
        return _probable(p6, actor)
    return cache.get(p6, actor, lambda: _probable(p6, actor))


def _probable(p6: Persona6, actor: str) -> Probable | None:
    try:
        if p6.links(actor):
            return None
        result = p6.link(actor)
    except Persona6Error:
        return None
    person = result.decision
    if person is None or result.linked is not None:
        return None
    best = next(c for c in result.candidates if c.person_id == person)
    cited = list(dict.fromkeys(q.event_id for e in best.evidence for q in e.anonymous))[:2]
    return Probable(person, best.probability, tuple(cited))


def context_with_hint(
    p6: Persona6,
    actor: str,
    surface: Served,
    *,
    task: str | None,
    budget: int,
    cache: ProbableCache | None = None,
) -> Brief:
    """``p6.context(actor)``; for an anonymous actor whom linking finds to be a known person
    (``probable_person``, through ``cache`` when given), with a first section
    ``## Probably a known person`` saying who and what to do, paid for out of the budget
    (``context.notes.with_note``; none when the budget holds no wording of it beside the
    smallest brief). Nothing is merged."""
    probable = probable_person(p6, actor, cache)
    if probable is None:
        return p6.context(actor, task=task, budget=budget)
    return _with_hint(
        lambda who, left: p6.context(who, task=task, budget=left), actor, budget, probable, surface
    )


def _with_hint(
    brief: Callable[[str, int], Brief],
    actor: str,
    budget: int,
    probable: Probable,
    surface: Served,
) -> Brief:
    person = probable.person
    said = f"Probably {person} (p {probable.probability:.4g}, not linked)"
    lines = [
        line.format(said=said, actor=actor, person=person) for line in _PROBABLE_LINES[surface]
    ]
    return with_note(brief, actor, budget, PROBABLE_HEADING, lines, list(probable.cited))


def link_note(result: LinkResult, surface: Served) -> str:
    """The library's note on a link result with its next step in ``surface``'s terms: the
    library words it for the command line ("undo the link first: persona6 unlink ACTOR")."""
    note = result.note
    values = {"actor": result.anonymous_id}
    command = render_message("{>unlink}", values, "cli")
    if note.endswith(command):
        note = note[: -len(command)] + render_message("{>unlink}", values, surface)
    return note


#: Where each surface lists the failure names a tenant's log holds.
_OUTCOMES: dict[Served, str] = {
    "http": "GET /v1/events?type=outcome",
    "mcp": "as the product records them, such as error or timeout",
}


def unseen_failure_note(prediction: Prediction, surface: Served) -> str | None:
    """For a prediction asked with a failure name (not a stored event) that no episode of the
    tenant's log holds (a misspelt ``time out`` for ``timeout``, ``123``), a note saying so:
    the library then predicts as for any failure, and only ``basis`` shows it; None
    otherwise."""
    context = prediction.basis.get("context") or {}
    failure = context.get("failure")
    if not failure or (context.get("features") or {}).get(f"failure:{failure}") != 0:
        return None
    return (
        f"no failure {failure!r} is in this tenant's log, so what failed tilts nothing: the "
        "distribution is that of any failure. Check the name against the outcome names "
        f"recorded ({_OUTCOMES[surface]})"
    )


__all__ = [
    "PROBABLE_CACHED",
    "PROBABLE_HEADING",
    "Probable",
    "ProbableCache",
    "Served",
    "context_with_hint",
    "link_note",
    "probable_person",
    "unseen_failure_note",
]
