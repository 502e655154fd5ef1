"""Signal extractors: one module per extractor, each registering itself in ``base.EXTRACTORS``.

``extract_session`` runs every registered extractor over the events of one session. The rule
extractors read each text with its typographic apostrophes as "'" (english.yaml
``typographic_apostrophes``: "I’ve" reads as "I've"), one character for one, so offsets are the
original's; the quotes of their evidence are cut from the original text again. An extractor that
measures how a person types (``reads_typography = True``: texture) reads the original events.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

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
from persona6.extract.text import load_lexicon
from persona6.types import Evidence, Signal, StoredEvent

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


@cache
def _apostrophes() -> dict[int, str]:
    """Each typographic apostrophe of english.yaml as the ASCII one (a ``str.translate`` table)."""
    found = load_lexicon("english")["typographic_apostrophes"]
    if not isinstance(found, list) or not all(isinstance(c, str) and len(c) == 1 for c in found):
        raise ValueError(
            "persona6/data/english.yaml: typographic_apostrophes must be a list of single "
            f'characters (each read as "\'"), got {found!r}; fix the list'
        )
    return {ord(c): "'" for c in found}


def _plain(events: list[StoredEvent]) -> tuple[list[StoredEvent], dict[str, str]]:
    """The events with their texts' typographic apostrophes as "'", and the original text of
    each event changed (by event id); the same list when no text has one."""
    table = _apostrophes()
    originals: dict[str, str] = {}
    plain: list[StoredEvent] | None = None
    for index, event in enumerate(events):
        text = event.text
        if not text or text.isascii():
            continue
        read = text.translate(table)
        if read == text:
            continue
        if plain is None:
            plain = list(events)
        plain[index] = event.model_copy(update={"text": read})
        originals[event.event_id] = text
    return (plain if plain is not None else events), originals


def _requoted(signal: Signal, originals: dict[str, str]) -> Signal:
    """``signal`` with every quote of a changed event cut from its original text."""
    if not any(e.event_id in originals for e in signal.evidence):
        return signal
    evidence = tuple(
        e
        if e.event_id not in originals
        else Evidence(
            event_id=e.event_id,
            start=e.start,
            end=e.end,
            quote=originals[e.event_id][e.start : e.end],
        )
        for e in signal.evidence
    )
    return signal.model_copy(update={"evidence": evidence})


def extract_session(events: Sequence[StoredEvent]) -> list[Signal]:
    """Every signal the registered extractors find in one session's events, in time order."""
    ordered = sorted(events, key=lambda event: event.ts)
    plain, originals = _plain(ordered)
    if not originals:
        return [
            signal for extractor in EXTRACTORS.values() for signal in extractor.extract(ordered)
        ]
    found: list[Signal] = []
    for extractor in EXTRACTORS.values():
        if getattr(extractor, "reads_typography", False):
            found.extend(extractor.extract(ordered))
        else:
            found.extend(_requoted(signal, originals) for signal in extractor.extract(plain))
    return found
