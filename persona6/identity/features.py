"""What identity linking compares: per (session, actor) units, summed into profiles.

A **unit** is everything one actor did in one session, reduced to additive parts: sums of the
language-texture and action profiles of ``persona6.texture.v1`` (weighted by the words or
actions they rest on), bags of labelled counts (content words, claims, command tokens, steps,
style values, context attributes), and a few measured quantities. A **profile** is the sum of
units, so a person's profile minus one of their sessions is exact (the backtest relies on it)
and an incremental update is a subtraction and an addition.

Each bag label keeps a few pointers into the events it came from, so an explanation can quote
both sides. Blocks, and the evidence family each belongs to:

========== ========= ======================================================================
block      family    what it holds
========== ========= ======================================================================
fw         texture   function-word rates (texture signal, key ``profile``)
char       texture   character 2-4-gram shares (texture signal)
surface    texture   punctuation and surface rates: casing, emoji, lengths (texture signal)
chargrams  texture   character 2-4-grams of all the actor typed (messages and commands), hashed
words      content   content words and word pairs of the actor's own messages
self       content   content words of the clauses where the actor speaks of themselves ("I",
                     "my", "me"): what they do and have, not what their partner does
claims     content   preferences, disclosures, concerns, topics, decisions and tasks stated
actions    behaviour the action profile of command texts (texture signal, key ``actions``)
commands   behaviour tokens of the actor's action texts (command lines, queries)
steps      behaviour action and outcome names, and the step sequences they repeat
sequences  behaviour what follows what: the first token of one action text and of the next,
                     and which action an outcome (an error, a failure) followed
styles     behaviour operating style values and reactions to failures
hours      behaviour local hour of day and weekday of the session (first recorded time)
rhythm     behaviour events, session length, pace, action share, failure share (only a
                     session whose times are all recorded, not ``ts_invented``)
attrs      context   weak context attributes: device, locale, client, ...
========== ========= ======================================================================

Beside the blocks, ``newcomer``: the sessions in which the actor says they are new here
(newcomer.py), a likelihood ratio of its own against every candidate (content family); and
``identifiers``: the identifiers the actor states of themselves (an e-mail
address, a phone number, a card's last digits, an account number: identifiers.py), per type
the sessions that state one and per value, hashed, the sessions that state it. They are no
block: ``identifiers.llr`` turns them into a likelihood ratio of its own (content family).
"""

from __future__ import annotations

import math
import re
import statistics
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any

from persona6.extract.base import is_person_message
from persona6.extract.style import local_time
from persona6.extract.text import load_lexicon, quoted_spans
from persona6.extract.texture import ACTION_LAYOUT, TEXTURE_BLOCKS, TEXTURE_LAYOUT, function_words
from persona6.identity import identifiers as stated_ids
from persona6.identity import newcomer
from persona6.types import Signal, SignalKind, StoredEvent, parse_ts

PRODUCER = "persona6.identity.v1"

FAMILIES = ("texture", "content", "behaviour", "context")

#: Character 2-4-grams of everything the actor typed, hashed into 2**CHARGRAM_BITS buckets;
#: the bucket number is the label (``chargram_buckets``).
CHARGRAM_BITS = 16
#: The layout of units stored before the width went from 2**13 to 2**16 (re-made on sync).
LEGACY_CHARGRAM_BITS = 13


#: block -> family (the order is the order of the model's weights).
BLOCK_FAMILY: dict[str, str] = {
    "fw": "texture",
    "char": "texture",
    "surface": "texture",
    "chargrams": "texture",
    "words": "content",
    "claims": "content",
    "self": "content",
    "actions": "behaviour",
    "commands": "behaviour",
    "steps": "behaviour",
    "sequences": "behaviour",
    "styles": "behaviour",
    "hours": "behaviour",
    "rhythm": "behaviour",
    "attrs": "context",
}
BLOCKS = tuple(BLOCK_FAMILY)
#: Dense blocks (fixed layouts) and their sizes; the others are bags of labels.
DENSE_DIMS: dict[str, int] = {
    "fw": TEXTURE_BLOCKS["function_words"].stop - TEXTURE_BLOCKS["function_words"].start,
    "char": TEXTURE_BLOCKS["char_ngrams"].stop - TEXTURE_BLOCKS["char_ngrams"].start,
    "surface": len(TEXTURE_LAYOUT) - TEXTURE_BLOCKS["char_ngrams"].stop,
    "actions": len(ACTION_LAYOUT),
    "hours": 24 + 7,
    "rhythm": 5,
}
BAGS = (
    "chargrams",
    "words",
    "claims",
    "self",
    "commands",
    "steps",
    "sequences",
    "styles",
    "attrs",
)
#: Hashed width of each bag when it becomes a vector.
BAG_DIMS: dict[str, int] = {
    "chargrams": 1 << CHARGRAM_BITS,
    "words": 4096,
    "claims": 512,
    "commands": 2048,
    "steps": 512,
    "styles": 256,
    "attrs": 256,
    "self": 4096,
    "sequences": 2048,
}
#: How each block's vectors are compared: cosine of sqrt shares (Bhattacharyya), cosine of
#: log counts, mean Canberra similarity, or closeness of means.
COMPARISON: dict[str, str] = {
    "fw": "sqrt",
    "char": "sqrt",
    "surface": "canberra",
    "chargrams": "log",
    "words": "log",
    "claims": "log",
    "actions": "sqrt",
    "commands": "log",
    "steps": "log",
    "styles": "log",
    "hours": "sqrt",
    "rhythm": "closeness",
    "attrs": "log",
    "self": "log",
    "sequences": "log",
}

#: Most pointers kept per label (and labels per unit with pointers) for explanations.
MAX_POINTERS = 2
MAX_POINTED_WORDS = 60
_WORD = re.compile(r"[^\W\d_]{3,}(?:['’][^\W\d_]+)?")
#: A clause: what lies between sentence and clause punctuation.
_CLAUSE = re.compile(r"[^.!?;:,\n]+")
#: First-person singular words: a clause with one of them is about the speaker.
_FIRST_PERSON = re.compile(r"\b(?:i|my|me|mine|myself|i'm|i've|i'd|i'll|im|ive)\b", re.IGNORECASE)
_CLAIM_KINDS = {
    SignalKind.PREFERENCE,
    SignalKind.DISCLOSURE,
    SignalKind.CONCERN,
    SignalKind.TOPIC,
    SignalKind.DECISION,
    SignalKind.TASK,
}


@cache
def stop_words() -> frozenset[str]:
    """Function words and chat fillers: never content."""
    extra = load_lexicon("identity").get("extra_stop_words", [])
    return frozenset(function_words()) | frozenset(str(w) for w in extra)


#: A pointer into an event: (event_id, start, end, quote) with quote == text[start:end].
Pointer = tuple[str, int, int, str]


@dataclass(slots=True)
class Profile:
    """Additive evidence about one actor in one session (a unit) or summed over many."""

    dense: dict[str, list[float]] = field(default_factory=dict)  # block -> sum of v * weight
    weights: dict[str, float] = field(default_factory=dict)  # block -> sum of weights
    bags: dict[str, Counter[str]] = field(default_factory=dict)  # block -> label -> count
    #: label -> sessions it occurred in (for "in 5 of 6 sessions").
    label_sessions: dict[str, Counter[str]] = field(default_factory=dict)
    pointers: dict[str, dict[str, list[Pointer]]] = field(default_factory=dict)
    companions: Counter[str] = field(default_factory=Counter)  # co-actor -> sessions together
    sessions: int = 0
    session_ids: list[str] = field(default_factory=list)
    first_ts: str | None = None
    last_ts: str | None = None
    #: How the chargram labels were hashed; a stale layout is dropped and re-made.
    chargram_bits: int = CHARGRAM_BITS
    #: Stated identifiers (identifiers.py): ``<type>`` and ``<type>:<hash>`` -> sessions.
    identifiers: Counter[str] = field(default_factory=Counter)
    #: The ``identifiers.yaml`` version the identifiers were read under (0: not read; the
    #: lowest of the units summed); units of an older one are re-made.
    identifier_version: int = field(default_factory=lambda: stated_ids.rules().version)
    #: Sessions in which the actor says they are new here (newcomer.py).
    newcomer: int = 0

    def add(self, other: Profile, sign: int = 1) -> None:
        """Add (or with ``sign=-1`` take away) another profile, in place."""
        for block, values in other.dense.items():
            mine = self.dense.setdefault(block, [0.0] * len(values))
            for i, v in enumerate(values):
                mine[i] += sign * v
            self.weights[block] = self.weights.get(block, 0.0) + sign * other.weights[block]
            if self.weights[block] <= 1e-9:
                del self.weights[block], self.dense[block]
        for block, bag in other.bags.items():
            _add_counts(self.bags.setdefault(block, Counter()), bag, sign)
            _add_counts(
                self.label_sessions.setdefault(block, Counter()),
                other.label_sessions.get(block, {}),
                sign,
            )
        if sign > 0:
            for block, labels in other.pointers.items():
                mine_pointers = self.pointers.setdefault(block, {})
                for label, items in labels.items():
                    kept = mine_pointers.setdefault(label, [])
                    kept.extend(items)
                    del kept[: max(0, len(kept) - 3)]  # the newest few
            self.session_ids.extend(other.session_ids)
            self.first_ts = min(filter(None, (self.first_ts, other.first_ts)), default=None)
            self.last_ts = max(filter(None, (self.last_ts, other.last_ts)), default=None)
        else:
            gone = set(other.session_ids)
            self.session_ids = [s for s in self.session_ids if s not in gone]
        if other.bags.get("chargrams"):
            self.chargram_bits = min(self.chargram_bits, other.chargram_bits)
        _add_counts(self.identifiers, other.identifiers, sign)
        self.newcomer = max(0, self.newcomer + sign * other.newcomer)
        if sign > 0:
            self.identifier_version = min(self.identifier_version, other.identifier_version)
        self.companions.update({k: sign * v for k, v in other.companions.items()})
        self.companions = +self.companions
        self.sessions += sign * other.sessions

    def copy(self) -> Profile:
        return Profile(
            dense={k: list(v) for k, v in self.dense.items()},
            weights=dict(self.weights),
            bags={k: Counter(v) for k, v in self.bags.items()},
            label_sessions={k: Counter(v) for k, v in self.label_sessions.items()},
            pointers={b: {k: list(v) for k, v in ls.items()} for b, ls in self.pointers.items()},
            companions=Counter(self.companions),
            sessions=self.sessions,
            session_ids=list(self.session_ids),
            first_ts=self.first_ts,
            last_ts=self.last_ts,
            chargram_bits=self.chargram_bits,
            identifiers=Counter(self.identifiers),
            identifier_version=self.identifier_version,
            newcomer=self.newcomer,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "dense": {k: [round(x, 6) for x in v] for k, v in self.dense.items()},
            "weights": self.weights,
            "bags": {k: dict(v) for k, v in self.bags.items()},
            "label_sessions": {k: dict(v) for k, v in self.label_sessions.items()},
            "pointers": {
                b: {label: [list(p) for p in ps] for label, ps in labels.items()}
                for b, labels in self.pointers.items()
            },
            "companions": dict(self.companions),
            "sessions": self.sessions,
            "session_ids": self.session_ids,
            "first_ts": self.first_ts,
            "last_ts": self.last_ts,
            "chargram_bits": self.chargram_bits,
            "identifiers": dict(self.identifiers),
            "identifier_version": self.identifier_version,
            "newcomer": self.newcomer,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Profile:
        return cls(
            dense={k: list(v) for k, v in data["dense"].items()},
            weights=dict(data["weights"]),
            bags={k: Counter(v) for k, v in data["bags"].items()},
            label_sessions={k: Counter(v) for k, v in data["label_sessions"].items()},
            pointers={
                b: {label: [tuple(p) for p in ps] for label, ps in labels.items()}  # type: ignore[misc]
                for b, labels in data["pointers"].items()
            },
            companions=Counter(data.get("companions", {})),
            sessions=int(data["sessions"]),
            session_ids=list(data.get("session_ids", [])),
            first_ts=data.get("first_ts"),
            last_ts=data.get("last_ts"),
            chargram_bits=int(data.get("chargram_bits", LEGACY_CHARGRAM_BITS)),
            identifiers=Counter(data.get("identifiers", {})),
            identifier_version=int(data.get("identifier_version", 0)),
            newcomer=int(data.get("newcomer", 0)),
        )


def _add_counts(mine: Counter[str], other: Mapping[str, int], sign: int) -> None:
    """``mine += sign * other`` in place, dropping labels that fall to zero (what ``+Counter``
    does, without copying the whole bag: a long-form author's has tens of thousands)."""
    for label, count in other.items():
        now = mine.get(label, 0) + sign * count
        if now > 0:
            mine[label] = now
        else:
            mine.pop(label, None)


def sum_profiles(profiles: Iterable[Profile]) -> Profile:
    total = Profile()
    for profile in profiles:
        total.add(profile)
    return total


@dataclass(frozen=True, slots=True)
class UnitContext:
    """What the unit builder needs to know beyond the session: which attrs to read."""

    identifier_attrs: frozenset[str]
    ignored_attrs: frozenset[str]
    max_value_chars: int


def session_units(
    events: Sequence[StoredEvent],
    signals: Sequence[Signal],
    context: UnitContext,
    resolve: dict[str, str] | None = None,
) -> dict[str, Profile]:
    """One unit per actor of one session: actor -> profile of what they did in it.

    ``resolve`` maps an anonymous actor to its person (for companions: who else was there;
    an actor's own person is nobody else, such as the user_id an anonymous actor logs in as
    halfway through the session).
    """
    resolve = resolve or {}
    ordered = sorted(events, key=lambda e: e.ts)
    actors = dict.fromkeys(e.actor for e in ordered if e.actor and e.type != "identify")
    by_actor: dict[str, list[Signal]] = defaultdict(list)
    for signal in signals:
        by_actor[signal.actor].append(signal)
    units: dict[str, Profile] = {}
    for actor in actors:
        own = [e for e in ordered if e.actor == actor and e.type != "identify"]
        if not own:
            continue
        others = {resolve.get(a, a) for a in actors if a != actor} - {resolve.get(actor, actor)}
        units[actor] = _unit(actor, own, by_actor.get(actor, []), others, context)
    return units


def _unit(
    actor: str,
    own: Sequence[StoredEvent],
    signals: Sequence[Signal],
    others: set[str],
    context: UnitContext,
) -> Profile:
    session_id = own[0].session_id
    unit = Profile(sessions=1, session_ids=[session_id], first_ts=own[0].ts, last_ts=own[-1].ts)
    unit.companions.update(sorted(others))  # a set: sorted, so the JSON is the same each run
    pointers: dict[str, dict[str, list[Pointer]]] = defaultdict(dict)
    bags: dict[str, Counter[str]] = {b: Counter() for b in BAGS}

    def point(block: str, label: str, item: Pointer) -> None:
        kept = pointers[block].setdefault(label, [])
        if len(kept) < MAX_POINTERS:
            kept.append(item)

    # Language texture and action profiles: the extractor's vectors, weighted by what they rest on.
    for signal in signals:
        if signal.kind is not SignalKind.TEXTURE or signal.vector is None:
            continue
        weight = float(signal.measure or 1.0)
        if signal.key == "profile":
            for block, part in (
                ("fw", TEXTURE_BLOCKS["function_words"]),
                ("char", TEXTURE_BLOCKS["char_ngrams"]),
                ("surface", slice(TEXTURE_BLOCKS["char_ngrams"].stop, len(TEXTURE_LAYOUT))),
            ):
                unit.dense[block] = [x * weight for x in signal.vector[part]]
                unit.weights[block] = weight
            for item in signal.evidence[:MAX_POINTERS]:
                point("texture", "messages", (item.event_id, item.start, item.end, item.quote))
        elif signal.key == "actions" and len(signal.vector) == DENSE_DIMS["actions"]:
            unit.dense["actions"] = [x * weight for x in signal.vector]
            unit.weights["actions"] = weight
    # Content words of the actor's own messages, and tokens of their action texts.
    stop = stop_words()
    last_head: str | None = None  # first token of the latest action text
    for event in own:
        text = event.text or ""
        _read_identifiers(event, text, unit, pointers)
        if is_person_message(event):
            _read_newcomer(event, text, unit, point)
            previous = ""
            for match in _WORD.finditer(text):
                word = match.group().lower().replace("’", "'")
                if word in stop:
                    previous = ""
                    continue
                bags["words"][word] += 1
                if len(pointers["words"]) < MAX_POINTED_WORDS or word in pointers["words"]:
                    point(
                        "words",
                        word,
                        (event.event_id, match.start(), match.end(), text[slice(*match.span())]),
                    )
                if previous:
                    bags["words"][f"{previous} {word}"] += 1
                previous = word
            for clause in _CLAUSE.finditer(text):
                if not _FIRST_PERSON.search(clause.group().replace("’", "'")):
                    continue
                for match in _WORD.finditer(clause.group()):
                    word = match.group().lower().replace("’", "'")
                    if word not in stop:
                        bags["self"][word] += 1
        elif event.type == "action" and text.strip():
            position = 0
            for token in text.split():
                start = text.index(token, position)
                position = start + len(token)
                bags["commands"][token] += 1
                point("commands", token, (event.event_id, start, position, token))
        if event.type == "action" and text.strip():
            head = text.split()[0]
            if last_head is not None:
                bags["sequences"][f"{last_head} → {head}"] += 1
            last_head = head
        elif event.type == "outcome" and event.name:
            bags["sequences"][f"{last_head or 'start'} → {event.name}"] += 1
        if event.type in ("action", "outcome") and event.name:
            bags["steps"][f"{event.type} {event.name}"] += 1
        for key, value in sorted(event.attrs.items()):
            if key in context.identifier_attrs or key in context.ignored_attrs:
                continue
            if isinstance(value, bool) or not isinstance(value, str | int):
                continue
            shown = str(value)
            if 0 < len(shown) <= context.max_value_chars:
                bags["attrs"][f"{key}={shown}"] += 1
    typed = [e.text for e in own if e.text and (is_person_message(e) or e.type == "action")]
    if typed:
        bags["chargrams"].update(str(b) for b in chargram_buckets(typed))
    # Claims, styles, step sequences and failure reactions from the other extractors' signals.
    failures = 0
    for signal in signals:
        if signal.kind is SignalKind.DISCLOSURE:
            _read_facts(signal, unit, pointers)
        label = _label(signal)
        if label is None:
            continue
        block, text = label
        if signal.kind is SignalKind.FAILURE:
            failures += 1
        bags[block][text] += 1
        for item in signal.evidence[:MAX_POINTERS]:
            point(block, text, (item.event_id, item.start, item.end, item.quote))
    # When and how fast, from recorded times only: a time the ingest made up (an OpenAI
    # export without message times, ``StoredEvent.ts_invented``) says nothing of either.
    timed = [e for e in own if not e.ts_invented]
    if timed:
        hour, _ = local_time(timed[0])
        hours = [0.0] * DENSE_DIMS["hours"]
        for offset in (-2, -1, 0, 1, 2):  # a circular smoothing: 9:55 is close to 10:05
            hours[int(hour + offset) % 24] += math.exp(-(offset**2) / 2.0)
        hours[24 + parse_ts(timed[0].ts).weekday()] += 1.0
        unit.dense["hours"], unit.weights["hours"] = hours, 1.0
    if len(timed) == len(own):
        times = [parse_ts(e.ts) for e in own]
        gaps = [(b - a).total_seconds() for a, b in pairwise(times)]
        actions = sum(e.type == "action" for e in own)
        unit.dense["rhythm"] = [
            math.log1p(len(own)),
            math.log1p((times[-1] - times[0]).total_seconds()),
            math.log1p(statistics.median(gaps)) if gaps else 0.0,
            actions / len(own),
            failures / len(own),
        ]
        unit.weights["rhythm"] = 1.0
    unit.bags = {b: bag for b, bag in bags.items() if bag}
    # Which sessions a label occurred in explains matches; chargram buckets explain nothing.
    unit.label_sessions = {
        b: Counter(dict.fromkeys(bag, 1)) for b, bag in unit.bags.items() if b != "chargrams"
    }
    unit.pointers = {b: dict(labels) for b, labels in pointers.items() if labels}
    return unit


def _read_identifiers(
    event: StoredEvent, text: str, unit: Profile, pointers: dict[str, dict[str, list[Pointer]]]
) -> None:
    """The identifiers the actor states in their own message (outside quoted and pasted
    material) or their own action's text; each type and value once per session. A pointer
    keeps where a value was said, not the value (read from the event to explain)."""
    person = is_person_message(event)
    if not text or not (person or event.type == "action"):
        return
    found = stated_ids.stated(text)
    if found and person:  # quoted and pasted material found only when there is something
        found = stated_ids.outside(found, [(s.start, s.end) for s in quoted_spans(text)])
    for item in found:
        name = stated_ids.label(item.kind, item.value)
        unit.identifiers[item.kind] = 1
        unit.identifiers[name] = 1
        kept = pointers["identifiers"].setdefault(name, [])
        if len(kept) < MAX_POINTERS:
            kept.append((event.event_id, item.start, item.end, ""))


def _read_facts(
    signal: Signal, unit: Profile, pointers: dict[str, dict[str, list[Pointer]]]
) -> None:
    """The exclusive facts (identifiers.yaml ``facts``: where they live, their age, how many
    children) one of the actor's own disclosures states, kept as stated identifiers are:
    the kind and the value hashed, with where the value was said."""
    for item in signal.evidence[:1]:
        for kind, value, start, end in stated_ids.stated_fact(signal.value, item.quote):
            name = stated_ids.label(kind, value)
            unit.identifiers[kind] = 1
            unit.identifiers[name] = 1
            kept = pointers["identifiers"].setdefault(name, [])
            if len(kept) < MAX_POINTERS and end > start:
                kept.append((item.event_id, item.start + start, item.start + end, ""))


def _read_newcomer(
    event: StoredEvent, text: str, unit: Profile, point: Callable[[str, str, Pointer], None]
) -> None:
    """Whether the actor's own message says they are new here (newcomer.py), outside quoted
    and pasted material; the session counts once."""
    if not text or newcomer.said(text) is None:  # quoted material found only when said
        return
    found = newcomer.said(text, [(s.start, s.end) for s in quoted_spans(text)])
    if found is not None:
        unit.newcomer = 1
        point("newcomer", "said", (event.event_id, *found, text[slice(*found)]))


def chargram_buckets(texts: Sequence[str]) -> list[int]:
    """Hashed character 2-4-grams of the lower-cased texts (spaces squeezed, one at each end)."""
    found: list[int] = []
    size = 1 << CHARGRAM_BITS
    for text in texts:
        flat = " " + " ".join(text.lower().split()) + " "
        for n in (2, 3, 4):
            found.extend(
                zlib.crc32(flat[i : i + n].encode("utf-8")) % size for i in range(len(flat) - n + 1)
            )
    return found


def _label(signal: Signal) -> tuple[str, str] | None:
    """The bag and label a non-texture signal counts under, or None."""
    kind, key = signal.kind, signal.key
    if kind is SignalKind.TEXTURE:
        return None
    if kind is SignalKind.TASK and key.startswith("sequence:"):
        return "steps", key
    if kind in _CLAIM_KINDS:
        if kind in (SignalKind.PREFERENCE, SignalKind.DECISION):
            sign = "+" if signal.polarity > 0 else "-" if signal.polarity < 0 else ""
            return "claims", f"{kind.value}{sign}: {key}"
        return "claims", f"{kind.value}: {key}"
    if kind is SignalKind.FAILURE:
        return "styles", f"after {key.replace('_', ' ')}: {signal.value}"
    if kind is SignalKind.STYLE:
        value = signal.value if signal.value and signal.value.replace(" ", "_") != key else ""
        return "styles", f"{key.replace('_', ' ')}: {value}" if value else key.replace("_", " ")
    return None
