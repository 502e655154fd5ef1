"""persona6.task.v1: what kinds of task a person does, and the action sequences they repeat.

Two families of TASK signals per (session, actor):

- key = a task kind of ``data/tasks.yaml`` (debugging, deployment, configuration, ...), when the
  actor's own messages match one of its cues, or the actor's actions carry one of its action
  words in their name ("Deploy Started") or, for command-line actions, one of its command heads
  (``kubectl``). ``measure`` = events that matched; evidence = the matching sentence of each
  message and the text of each matching action (at most ``MAX_EVIDENCE``).
- key = ``sequence:<a>><b>`` and ``sequence:<a>><b>><c>``: every distinct bigram and trigram of
  the actor's own action and outcome tokens in the session, in time order (a token is the event
  name in snake case, or for a command action the command head: ``git``, ``ls``); ``measure`` =
  occurrences in the session. The graph stage finds those that recur across sessions.

Evidence is the actor's own text only: their messages, and the text of their own actions and
outcomes (an outcome carries its actor). An action or outcome without text has no span to cite:
a signal resting only on such events is emitted with empty evidence and the events it rests on
in ``context["event_ids"]``, so that product event streams (names, no text) are not ignored.

The small helpers the sibling extractors share (``name_words``, ``names_match``,
``command_head``, ``whole_span``, ``sentence_at``, ``signal_for``) live here too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from persona6.extract.base import is_person_message, make_evidence, registered
from persona6.extract.text import load_lexicon
from persona6.types import Evidence, Signal, SignalKind, StoredEvent

NAME = "persona6.task.v1"

#: Most spans one signal cites; ``context["event_ids"]`` lists at most ``MAX_EVENT_IDS``.
MAX_EVIDENCE = 5
MAX_EVENT_IDS = 20
#: Longest reach of a cited sentence beyond its cue, in characters, either side.
SENTENCE_REACH = 300

_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


@dataclass(frozen=True, slots=True)
class TaskKind:
    name: str
    cues: tuple[re.Pattern[str], ...]
    actions: frozenset[str]
    commands: frozenset[str]


@cache
def taxonomy() -> tuple[TaskKind, ...]:
    kinds = load_lexicon("tasks")["tasks"]
    return tuple(
        TaskKind(
            name=str(name),
            cues=tuple(re.compile(p, re.IGNORECASE) for p in spec.get("cues", [])),
            actions=frozenset(str(a).lower() for a in spec.get("actions", [])),
            commands=frozenset(str(c) for c in spec.get("commands", [])),
        )
        for name, spec in kinds.items()
    )


@cache
def _command_names() -> frozenset[str]:
    return frozenset(str(n) for n in load_lexicon("tasks")["command_actions"])


@cache
def _command_prefixes() -> frozenset[str]:
    return frozenset(str(n) for n in load_lexicon("tasks")["command_prefixes"])


def name_words(name: str | None) -> tuple[str, ...]:
    """Lower-case words of an event name: "PaymentDeclined" and "payment_declined" -> both."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name or "")
    return tuple(w for w in re.split(r"[^A-Za-z0-9]+", spaced.lower()) if w)


def names_match(name: str | None, entries: frozenset[str]) -> bool:
    """True when an entry ("thumbs_down") is a run of the name's words (message_thumbs_down)."""
    joined = "_" + "_".join(name_words(name)) + "_"
    return any(f"_{entry}_" in joined for entry in entries)


def is_command(event: StoredEvent) -> bool:
    """An action whose text is a command line (named command, shell, ...)."""
    return event.type == "action" and "_".join(name_words(event.name)) in _command_names()


def command_head(text: str) -> str:
    """The program a command line runs: "sudo /usr/bin/git push" -> git; "" for none."""
    for part in text.split():
        if part in _command_prefixes() or re.match(r"^[A-Za-z_]\w*=", part):
            continue
        return part.rsplit("/", 1)[-1] or part
    return ""


def sequence_token(event: StoredEvent) -> str:
    """An action or outcome as a token of a sequence (never contains ">")."""
    if is_command(event) and command_head(event.text or ""):
        return command_head(event.text or "").replace(">", "_")
    return "_".join(name_words(event.name)) or event.type.value


def whole_span(event: StoredEvent) -> Evidence | None:
    """Evidence for the event's whole text, surrounding whitespace left out; None if blank."""
    text = event.text or ""
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    return make_evidence(event, start, end) if end > start else None


def sentence_at(event: StoredEvent, start: int, end: int) -> Evidence:
    """Evidence for the sentence (or line) of ``event.text`` around ``start:end``, reaching at
    most ``SENTENCE_REACH`` characters either side of it (text without punctuation)."""
    text = event.text or ""
    floor = max(0, start - SENTENCE_REACH)
    ends = [text.rfind(mark, floor, start) for mark in (". ", "! ", "? ", "\n")]
    begin = max(ends)
    begin = floor if begin < 0 else begin + 1
    # From the match's last character: a cue that ends in "!" or "?" ends its sentence there.
    ceiling = min(len(text), end + SENTENCE_REACH)
    stop = _SENTENCE_END.search(text, max(start, end - 1), ceiling)
    finish = stop.end() if stop else ceiling
    while begin < finish and text[begin].isspace():
        begin += 1
    while finish > begin and text[finish - 1].isspace():
        finish -= 1
    return make_evidence(event, begin, finish)


def signal_for(
    actor: str,
    key: str,
    events: Sequence[StoredEvent],
    evidence: Sequence[Evidence],
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
    unique = list(dict.fromkeys(evidence))[:MAX_EVIDENCE]
    ids = list(dict.fromkeys(e.event_id for e in events))
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
        ts=max(e.ts for e in events),
        producer=producer,
        evidence=tuple(unique),
    )


def _task_matches(event: StoredEvent, kind: TaskKind) -> list[Evidence] | None:
    """The spans by which ``event`` shows ``kind`` ([] for a textless match), or None."""
    if is_person_message(event):
        text = event.text or ""
        spans = [sentence_at(event, *m.span()) for cue in kind.cues for m in cue.finditer(text)]
        return sorted(set(spans), key=lambda e: e.start) or None
    if event.type != "action":
        return None
    by_name = names_match(event.name, kind.actions)
    by_command = is_command(event) and command_head(event.text or "") in kind.commands
    if not (by_name or by_command):
        return None
    span = whole_span(event)
    return [span] if span else []


@registered
class TaskExtractor:
    name = NAME

    def extract(self, session: Sequence[StoredEvent]) -> Iterator[Signal]:
        actors = dict.fromkeys(e.actor for e in session if e.actor and e.type != "identify")
        for actor in actors:
            own = [e for e in session if e.actor == actor and e.type != "identify"]
            yield from self._kinds(actor, own)
            yield from self._sequences(actor, [e for e in own if e.type in ("action", "outcome")])

    def _kinds(self, actor: str, own: Sequence[StoredEvent]) -> Iterator[Signal]:
        for kind in taxonomy():
            matched: list[StoredEvent] = []
            evidence: list[Evidence] = []
            for event in own:
                spans = _task_matches(event, kind)
                if spans is not None:
                    matched.append(event)
                    evidence.extend(spans)
            if matched:
                yield signal_for(
                    actor,
                    kind.name,
                    matched,
                    evidence,
                    producer=NAME,
                    kind=SignalKind.TASK,
                    value=kind.name,
                    measure=float(len(matched)),
                )

    def _sequences(self, actor: str, steps: Sequence[StoredEvent]) -> Iterator[Signal]:
        tokens = [sequence_token(e) for e in steps]
        for size in (2, 3):
            counts: Counter[tuple[str, ...]] = Counter()
            first: dict[tuple[str, ...], int] = {}
            for i in range(len(tokens) - size + 1):
                gram = tuple(tokens[i : i + size])
                counts[gram] += 1
                first.setdefault(gram, i)
            for gram, count in counts.items():
                events = steps[first[gram] : first[gram] + size]
                spans = [s for s in (whole_span(e) for e in events) if s is not None]
                yield signal_for(
                    actor,
                    "sequence:" + ">".join(gram),
                    events,
                    spans,
                    producer=NAME,
                    kind=SignalKind.TASK,
                    value=f"{size}-step",
                    measure=float(count),
                )
