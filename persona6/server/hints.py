"""What both servers add to the library's answers for the party they serve: who an anonymous
actor probably is, in the brief (HTTP ``GET /v1/persons/{id}/context`` and MCP
``get_user_context``), and a link's note with its next step in the surface's terms.

One implementation, two wordings: the HTTP API serves the product's backend, which can merge
(``POST /v1/links``); the MCP server serves an agent, which cannot merge and must not treat
the actor as the person before the product does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

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


def probable_person(p6: Persona6, actor: str) -> LinkResult | None:
    """For an anonymous actor no link ties to anyone, what linking says when it names a known
    person; None otherwise (a known person, an actor linked already, a new person, an actor
    linking cannot weigh yet)."""
    stored = p6.store.actors(p6.tenant, names=[actor])
    if not stored or stored[0].known or stored[0].linked_to is not None:
        return None
    try:
        if p6.links(actor):
            return None
        result = p6.link(actor)
    except Persona6Error:
        return None
    return result if result.decision is not None and result.linked is None else None


def context_with_hint(
    p6: Persona6, actor: str, surface: Served, *, task: str | None, budget: int
) -> Brief:
    """``p6.context(actor)``; for an anonymous actor whom linking finds to be a known person
    (``probable_person``), with a first section ``## Probably a known person`` saying who and
    what to do, paid for out of the budget (``context.notes.with_note``; none when the budget
    holds no wording of it beside the smallest brief). Nothing is merged."""
    link = probable_person(p6, actor)
    if link is None:
        return p6.context(actor, task=task, budget=budget)
    return _with_hint(
        lambda who, left: p6.context(who, task=task, budget=left), actor, budget, link, surface
    )


def _with_hint(
    brief: Callable[[str, int], Brief], actor: str, budget: int, link: LinkResult, surface: Served
) -> Brief:
    person = link.decision
    best = next(c for c in link.candidates if c.person_id == person)
    said = f"Probably {person} (p {best.probability:.4g}, not linked)"
    cited = list(dict.fromkeys(q.event_id for e in best.evidence for q in e.anonymous))[:2]
    lines = [
        line.format(said=said, actor=actor, person=person) for line in _PROBABLE_LINES[surface]
    ]
    return with_note(brief, actor, budget, PROBABLE_HEADING, lines, cited)


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
    "PROBABLE_HEADING",
    "Served",
    "context_with_hint",
    "link_note",
    "probable_person",
    "unseen_failure_note",
]
