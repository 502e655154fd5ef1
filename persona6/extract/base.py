"""The extractor interface and registry.

An extractor reads the events of one session (every event of it, in time order, so it can see
who answered whom) and yields ``Signal``s about the people who acted in it. It must:

- attribute a signal only to the actor of the events it cites (``event.actor``), and never cite
  assistant, system or tool messages as evidence about a person;
- cite exact spans: every ``Evidence.quote == event.text[start:end]`` (``make_evidence`` does it);
- be deterministic and offline, and carry a versioned ``name`` (``persona6.preference.v2``), so
  that re-deriving after a change is a query.

A language-model extractor can register here later; its claims pass the same quote check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

from persona6.types import Evidence, Signal, StoredEvent


class Extractor(Protocol):
    name: str

    def extract(self, session: Sequence[StoredEvent]) -> Iterator[Signal]: ...


#: Versioned name -> extractor instance.
EXTRACTORS: dict[str, Extractor] = {}


def register(extractor: Extractor) -> Extractor:
    if extractor.name in EXTRACTORS:
        raise ValueError(f"extractor {extractor.name!r} is registered twice")
    EXTRACTORS[extractor.name] = extractor
    return extractor


def registered(factory: Callable[[], Extractor]) -> Callable[[], Extractor]:
    """Class decorator: instantiate and register."""
    register(factory())
    return factory


def make_evidence(event: StoredEvent, start: int, end: int) -> Evidence:
    """Evidence for ``event.text[start:end]``; refuses spans that do not fit the text."""
    text = event.text or ""
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"span {start}:{end} does not fit event {event.event_id}")
    return Evidence(event_id=event.event_id, start=start, end=end, quote=text[start:end])


def is_person_message(event: StoredEvent) -> bool:
    """A message a person wrote (role user, with an actor): the only text that speaks of them."""
    # The fields, not the ``actor`` property: every extractor asks this of every event.
    return (
        event.type == "message"
        and (event.role is None or event.role == "user")
        and (event.user_id is not None or event.anonymous_id is not None)
        and bool(event.text)
    )
