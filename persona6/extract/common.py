"""Helpers shared by the style, texture, task, decision, failure and concern extractors.

Event names as words (``name_words``, ``names_match``), command lines (``is_command``,
``command_head``), the spans a signal cites (``whole_span``, ``sentence_at``) and the signal
itself (``signal_for``), which actors of a session are one person (``session_aliases``), and
where a cue's sense is read (``with_neighbours``).

A span is carried as a ``Cite`` (event, start, end) until a signal keeps it: an ``Evidence`` is
a validated pydantic model, slow to build and to hash, so only the at most ``MAX_EVIDENCE``
spans a signal cites become one. Names and command lines come from small vocabularies (event
names, commands people retype), so their readings are memoised.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from persona6.extract.base import make_evidence
from persona6.extract.text import Span, load_lexicon
from persona6.types import Evidence, Signal, SignalKind, StoredEvent

#: Most spans one signal cites; ``context["event_ids"]`` lists at most ``MAX_EVENT_IDS``.
MAX_EVIDENCE = 5
MAX_EVENT_IDS = 20
#: Longest reach of a cited sentence beyond its cue, in characters, either side.
SENTENCE_REACH = 300

_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SEPARATORS = re.compile(r"[^A-Za-z0-9]+")
_ASSIGNMENT = re.compile(r"^[A-Za-z_]\w*=")


class Cite(NamedTuple):
    """``event.text[start:end]``, to be cited."""

    event: StoredEvent
    start: int
    end: int


def session_aliases(session: Sequence[StoredEvent]) -> dict[str, str]:
    """Anonymous id -> the user id it is, by the session's own proof: an ``identify`` event or
    any event that carries both ids (identity stitching's first two rules). Priya asks as
    anon-pp01, logs in and writes on as u-priya: one person, not two in conversation."""
    found: dict[str, str] = {}
    for event in session:
        if event.user_id is not None and event.anonymous_id is not None:
            found.setdefault(event.anonymous_id, event.user_id)
    return found


def with_neighbours(sentences: Sequence[Span], index: int) -> Span:
    """Sentence ``index`` of ``sentences`` with the sentences either side of it: where the
    words that give a cue its sense are looked for (``senses`` of the concern and task
    extractors: "How much is it? It looks expensive.")."""
    sentence = sentences[index]
    after = sentences[index + 1] if index + 1 < len(sentences) else sentence
    return Span(sentences[index - 1].start if index else sentence.start, after.end)


@lru_cache(maxsize=8192)
def name_words(name: str | None) -> tuple[str, ...]:
    """Lower-case words of an event name: "PaymentDeclined" and "payment_declined" -> both."""
    spaced = _CAMEL.sub(" ", name or "")
    return tuple(w for w in _SEPARATORS.split(spaced.lower()) if w)


@lru_cache(maxsize=8192)
def names_match(name: str | None, entries: frozenset[str]) -> bool:
    """True when an entry ("thumbs_down") is a run of the name's words (message_thumbs_down)."""
    joined = "_" + "_".join(name_words(name)) + "_"
    return any(f"_{entry}_" in joined for entry in entries)


@cache
def _command_names() -> frozenset[str]:
    return frozenset(str(n) for n in load_lexicon("tasks")["command_actions"])


@cache
def _command_prefixes() -> frozenset[str]:
    return frozenset(str(n) for n in load_lexicon("tasks")["command_prefixes"])


@lru_cache(maxsize=8192)
def is_command_name(name: str | None) -> bool:
    """An action name whose text is a command line ("command", "Shell Command", ...)."""
    return "_".join(name_words(name)) in _command_names()


def is_command(event: StoredEvent) -> bool:
    """An action whose text is a command line (named command, shell, ...)."""
    return event.type == "action" and is_command_name(event.name)


@lru_cache(maxsize=8192)
def command_head(text: str) -> str:
    """The program a command line runs: "sudo /usr/bin/git push" -> git; "" for none."""
    prefixes = _command_prefixes()
    for part in text.split():
        if part in prefixes or _ASSIGNMENT.match(part):
            continue
        return part.rsplit("/", 1)[-1] or part
    return ""


def whole_cite(event: StoredEvent) -> Cite | None:
    """The event's whole text, surrounding whitespace left out; None if blank."""
    text = event.text or ""
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    return Cite(event, start, end) if end > start else None


def whole_span(event: StoredEvent) -> Evidence | None:
    """Evidence for the event's whole text, surrounding whitespace left out; None if blank."""
    cite = whole_cite(event)
    return make_evidence(*cite) if cite is not None else None


def sentence_cite(event: StoredEvent, start: int, end: int) -> Cite:
    """The sentence (or line) of ``event.text`` around ``start:end``, reaching at most
    ``SENTENCE_REACH`` characters either side of it (text without punctuation)."""
    text = event.text or ""
    floor = max(0, start - SENTENCE_REACH)
    begin = max(text.rfind(mark, floor, start) for mark in (". ", "! ", "? ", "\n"))
    begin = floor if begin < 0 else begin + 1
    # From the match's last character: a cue that ends in "!" or "?" ends its sentence there.
    ceiling = min(len(text), end + SENTENCE_REACH)
    stop = _SENTENCE_END.search(text, max(start, end - 1), ceiling)
    finish = stop.end() if stop else ceiling
    while begin < finish and text[begin].isspace():
        begin += 1
    while finish > begin and text[finish - 1].isspace():
        finish -= 1
    if not (0 <= begin < finish <= len(text)):  # what make_evidence would refuse, raised now
        raise ValueError(f"span {begin}:{finish} does not fit event {event.event_id}")
    return Cite(event, begin, finish)


def sentence_at(event: StoredEvent, start: int, end: int) -> Evidence:
    """Evidence for ``sentence_cite``."""
    return make_evidence(*sentence_cite(event, start, end))


# Evidence already built, by (event id, start, end), with the text it quotes: the same span is
# cited by many signals of a session (an action by every sequence it is part of). Bounded.
_BUILT: dict[tuple[str, int, int], tuple[str, Evidence]] = {}


def _evidence(event: StoredEvent, start: int, end: int) -> Evidence:
    text = event.text or ""
    key = (event.event_id, start, end)
    found = _BUILT.get(key)
    if found is not None and (found[0] is text or found[0] == text):
        return found[1]
    if len(_BUILT) >= 1 << 14:
        _BUILT.clear()
    evidence = make_evidence(event, start, end)
    _BUILT[key] = (text, evidence)
    return evidence


def evidence_of(cites: Sequence[Cite]) -> tuple[Evidence, ...]:
    """The first ``MAX_EVIDENCE`` distinct spans of ``cites``, in order, as evidence."""
    seen: set[tuple[str, int, int]] = set()
    kept: list[Evidence] = []
    for event, start, end in cites:
        key = (event.event_id, start, end)
        if key not in seen:
            seen.add(key)
            kept.append(_evidence(event, start, end))
            if len(kept) == MAX_EVIDENCE:
                break
    return tuple(kept)


def signal_for(
    actor: str,
    key: str,
    events: Sequence[StoredEvent],
    evidence: Sequence[Cite],
    *,
    producer: str,
    kind: SignalKind,
    value: str = "",
    measure: float | None = None,
    polarity: float = 0.0,
    weight: float = 1.0,
    vector: tuple[float, ...] | None = None,
    context: dict[str, object] | None = None,
) -> Signal:
    """A signal about ``actor`` resting on ``events``; ts is the newest event it rests on."""
    ids = list(dict.fromkeys([e.event_id for e in events]))
    return Signal(
        actor=actor,
        kind=kind,
        key=key,
        value=value,
        polarity=polarity,
        weight=weight,
        measure=measure,
        vector=vector,
        context={"event_ids": ids[:MAX_EVENT_IDS], **(context or {})},
        session_id=events[0].session_id,
        ts=max([e.ts for e in events]),
        producer=producer,
        evidence=evidence_of(evidence),
    )
