"""Shared part of the extractor benchmarks on single sentences (personaext.py,
prefeval_preferences.py): one sentence as one user message, read by some extractors."""

from __future__ import annotations

from collections.abc import Iterable

from persona6.extract import EXTRACTORS
from persona6.types import EventType, Role, Signal, StoredEvent


def signals_of(text: str, event_id: str, extractors: Iterable[str]) -> list[Signal]:
    """What the named extractors read in ``text`` said by one user, alone in its session."""
    event = StoredEvent(
        event_id=event_id,
        ts="2026-01-01T00:00:00.000000Z",
        session_id=f"session-{event_id}",
        user_id="speaker",
        tenant="default",
        type=EventType.MESSAGE,
        role=Role.USER,
        text=text,
    )
    return [signal for name in extractors for signal in EXTRACTORS[name].extract([event])]
