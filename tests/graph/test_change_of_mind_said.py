"""A change of mind of one key said as a change (graph STATE_FORMAT 10): what the person said
before is the old trait's support, not evidence against what they say now. A bare flip of
sign, with no word of change, still keeps the old sessions against the new trait."""

from __future__ import annotations

from persona6.graph.consolidate import consolidate
from persona6.types import Evidence, Signal, SignalKind, TraitStatus


def said(session: str, day: int, polarity: float, quote: str) -> Signal:
    return Signal(
        actor="u-1",
        kind=SignalKind.PREFERENCE,
        key="cups",
        value="likes cups" if polarity > 0 else "dislikes cups",
        polarity=polarity,
        session_id=session,
        ts=f"2026-02-{day:02d}T08:00:00.000000Z",
        producer="test.v1",
        evidence=(Evidence(event_id=f"e-{session}", start=0, end=len(quote), quote=quote),),
    )


BEFORE = [
    said("a-1", 1, -1.0, "I prefer metric measurements over cups"),
    said("a-2", 5, -1.0, "I still prefer metric measurements over cups"),
]


def test_a_change_said_leaves_nothing_against_the_new_trait() -> None:
    now = said("a-3", 9, 1.0, "I've changed my mind, I prefer cups over metric measurements now")
    traits = consolidate("u-1", [*BEFORE, now])
    old, new = sorted((t for t in traits if t.key == "cups"), key=lambda t: t.first_seen)
    assert old.status is TraitStatus.SUPERSEDED and new.supersedes == old.id
    assert new.counter_evidence == [] and new.counter_sessions == 0
    alone = consolidate("u-1", [now])[0]
    assert new.confidence == alone.confidence  # as if said with no past: 0.6, not 0.1


def test_a_bare_flip_keeps_the_old_sessions_against_the_new_trait() -> None:
    now = said("a-3", 9, 1.0, "cups are handier")
    traits = consolidate("u-1", [*BEFORE, now])
    new = max((t for t in traits if t.key == "cups"), key=lambda t: t.first_seen)
    assert new.counter_sessions == 2
    assert new.confidence < consolidate("u-1", [now])[0].confidence
