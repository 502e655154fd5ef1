"""Continuity of a known person's session: what it confirms, adds and contradicts."""

from __future__ import annotations

import pytest

from persona6 import Persona6


def said(n: int, session: str, text: str, day: int) -> dict[str, object]:
    return {
        "event_id": f"c-{n}",
        "ts": f"2026-03-{day:02d}T10:00:{n:02d}Z",
        "session_id": session,
        "user_id": "u-1",
        "type": "message",
        "text": text,
    }


@pytest.fixture
def p6() -> Persona6:
    engine = Persona6(db=":memory:")
    engine.record(
        [
            said(0, "s-1", "I prefer dark mode.", 1),
            said(1, "s-1", "I work as a nurse.", 1),
            said(2, "s-2", "I work as a nurse, so nights are long.", 2),
            said(3, "s-3", "I work as a nurse.", 3),
            said(4, "s-3", "I hate dark mode.", 3),
            said(5, "s-3", "I have two cats.", 3),
        ]
    )
    engine.build()
    return engine


def test_a_session_confirms_adds_and_contradicts_with_its_quotes(p6):
    report = p6.continuity("s-3")
    (actor,) = report.actors
    assert (actor.actor, actor.person_id, actor.link) == ("u-1", "u-1", "user_id")
    confirms = {i.key: i for i in actor.confirms}
    contradicts = {i.key: i for i in actor.contradicts}
    new = {i.kind for i in actor.new}
    assert any(i.kind == "disclosure" and i.prior_sessions == 2 for i in confirms.values())
    dark = next(i for k, i in contradicts.items() if "dark mode" in k)
    assert dark.prior is not None and dark.evidence[0].event_id == "c-4"
    assert dark.evidence[0].quote in "I hate dark mode."
    assert "disclosure" in new  # the cats were never mentioned before
    for item in actor.confirms + actor.new + actor.contradicts:
        for quote in item.evidence:
            event = p6.store.event(p6.tenant, quote.event_id)
            assert event is not None and event.session_id == "s-3"
            assert (event.text or "")[quote.start : quote.end] == quote.quote
