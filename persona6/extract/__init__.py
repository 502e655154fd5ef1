"""Signal extractors: one module per extractor, each registering itself in ``base.EXTRACTORS``.

``extract_session`` runs every registered extractor over the events of one session. The rule
extractors read each text as ``spelling.reading`` gives it (apostrophes as "'", and put back into
contractions chat writes without one: "I’ve", "ive" read as "I've"); their evidence spans are
mapped back to, and quoted from, the person's original text. An extractor that measures how a
person types (``reads_typography = True``: texture) reads the original events.
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
from persona6.extract.spelling import Inserted, original_span, reading
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


def _plain(
    events: list[StoredEvent],
) -> tuple[list[StoredEvent], dict[str, tuple[str, Inserted]]]:
    """The events as the rule extractors read them (``spelling.reading``), and for each event
    changed its original text and where apostrophes were put back; the same list when none is."""
    originals: dict[str, tuple[str, Inserted]] = {}
    plain: list[StoredEvent] | None = None
    for index, event in enumerate(events):
        text = event.text
        if not text:
            continue
        read, inserted = reading(text)
        if read == text:
            continue
        if plain is None:
            plain = list(events)
        plain[index] = event.model_copy(update={"text": read})
        originals[event.event_id] = (text, inserted)
    return (plain if plain is not None else events), originals


def _requoted(signal: Signal, originals: dict[str, tuple[str, Inserted]]) -> Signal:
    """``signal`` with every span of a changed event mapped back to, and quoted from, the
    person's original text."""
    if not any(e.event_id in originals for e in signal.evidence):
        return signal
    evidence: list[Evidence] = []
    for e in signal.evidence:
        if e.event_id in originals:
            text, inserted = originals[e.event_id]
            start, end = original_span(e.start, e.end, inserted, len(text))
            e = Evidence(event_id=e.event_id, start=start, end=end, quote=text[start:end])
        evidence.append(e)
    return signal.model_copy(update={"evidence": tuple(evidence)})


def extract_session(events: Sequence[StoredEvent]) -> list[Signal]:
    """Every signal the registered extractors find in one session's events, in time order."""
    ordered = sorted(events, key=lambda event: event.ts)
    plain, originals = _plain(ordered)
    found: list[Signal] = []
    for extractor in EXTRACTORS.values():
        if not originals or getattr(extractor, "reads_typography", False):
            found.extend(extractor.extract(ordered))
        else:
            found.extend(_requoted(signal, originals) for signal in extractor.extract(plain))
    return found
