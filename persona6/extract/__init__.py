"""Signal extractors: one module per extractor, each registering itself in ``base.EXTRACTORS``.

``extract_session`` runs every registered extractor over the events of one session.
"""

from __future__ import annotations

from collections.abc import Sequence

from persona6.extract import (
    concern,
    decision,
    disclosure,
    failure,
    preference,
    style,
    task,
    texture,
)
from persona6.extract.base import EXTRACTORS, Extractor, register
from persona6.types import Signal, StoredEvent

__all__ = [
    "EXTRACTORS",
    "Extractor",
    "concern",
    "decision",
    "disclosure",
    "extract_session",
    "failure",
    "preference",
    "register",
    "style",
    "task",
    "texture",
]


def extract_session(events: Sequence[StoredEvent]) -> list[Signal]:
    """Every signal the registered extractors find in one session's events, in time order."""
    ordered = sorted(events, key=lambda event: event.ts)
    return [signal for extractor in EXTRACTORS.values() for signal in extractor.extract(ordered)]
