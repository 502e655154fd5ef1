"""Consolidation: a person's signals, from every session, become traits.

A pure function of the signal set: the same signals give the same traits, whatever order the
sessions were built in, which is what makes an incremental build equal a full one.

Per (kind, key):

- **confidence** = E x (1 - C), where E = 1 - prod_s (1 - r * w_s) over the distinct sessions s
  that support the claim, w_s the strongest signal weight in s (at most 1), r the kind's
  reliability (data/graph.yaml); C is the same product over the sessions that speak against it.
  Repeating a thing inside one session does not raise it; saying it in another session does.
- **polar kinds** (preferences, decisions): each session's net polarity gives it a sign; runs of
  the same sign in time order are read as one claim (one run), a change of mind (two runs: the
  first trait gets ``valid_to``, the second ``supersedes`` it) or a contradiction (more runs: one
  ``contested`` trait whose counter-evidence stays visible). A statement of change ("switched
  to", "changed my mind") also supersedes an earlier preference that it names, that shares its
  head noun, or that is an alternative of the same group (data/alternatives.yaml).
- **valued kinds** (style, failure reactions): each session votes for the value it showed; the
  trait is the most voted value, other values are counter-evidence.
- **set kinds** (disclosures, concerns, topics, tasks): every session that mentions the key
  supports it; task sequences and topics must recur in ``min_sessions`` sessions.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources

import yaml

from persona6.types import Evidence, Signal, SignalKind, StoredSignal, Trait, TraitStatus

#: Consolidation reads signals fresh from extractors (Signal) or back from the store
#: (StoredSignal); both have the fields it uses.
AnySignal = Signal | StoredSignal

PRODUCER = "persona6.graph.v1"

_VALUED = {SignalKind.STYLE, SignalKind.FAILURE}
_WORD = re.compile(r"[a-z0-9+#]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "our",
        "your",
        "their",
        "his",
        "her",
        "its",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "and",
        "or",
        "it",
        "this",
        "that",
        "these",
        "those",
        "i",
        "me",
        "we",
        "you",
        "them",
        "now",
        "over",
        "than",
    ]
)


@dataclass(frozen=True, slots=True)
class GraphConfig:
    reliability: dict[str, float]
    polar_kinds: frozenset[str]
    min_sessions: dict[str, int]
    max_evidence: int
    change_cues: tuple[re.Pattern[str], ...]
    alternatives: dict[str, str]  # member -> group


@cache
def config() -> GraphConfig:
    data = yaml.safe_load(resources.files("persona6.data").joinpath("graph.yaml").read_text())
    groups = yaml.safe_load(
        resources.files("persona6.data").joinpath("alternatives.yaml").read_text()
    )["groups"]
    return GraphConfig(
        reliability={k: float(v) for k, v in data["reliability"].items()},
        polar_kinds=frozenset(data["polar_kinds"]),
        min_sessions={k: int(v) for k, v in data["min_sessions"].items()},
        max_evidence=int(data["max_evidence"]),
        change_cues=tuple(re.compile(p, re.IGNORECASE) for p in data["change_cues"]),
        alternatives={m.lower(): g for g, members in groups.items() for m in members},
    )


@dataclass(slots=True)
class _Session:
    """One session's say on one (kind, key)."""

    session_id: str
    first_ts: str
    last_ts: str
    signals: list[AnySignal]
    _strength: float | None = None
    _net: float | None = None

    @property
    def strength(self) -> float:
        if self._strength is None:  # the signals are complete once a session is read
            self._strength = min(1.0, max(s.weight for s in self.signals))
        return self._strength

    @property
    def net_polarity(self) -> float:
        if self._net is None:
            self._net = sum(s.polarity * max(s.weight, 1e-6) for s in self.signals)
        return self._net


def consolidate(person_id: str, signals: Sequence[AnySignal]) -> list[Trait]:
    """Every trait of one person, from all signals about the actors that are this person."""
    cfg = config()
    groups: dict[tuple[SignalKind, str], list[AnySignal]] = defaultdict(list)
    for signal in signals:
        if signal.kind is SignalKind.TEXTURE:
            continue  # a profile for identity linking, not a claim
        groups[(signal.kind, signal.key)].append(signal)
    traits: list[Trait] = []
    for (kind, key), group in sorted(groups.items()):
        sessions = _by_session(group)
        if kind.value in cfg.polar_kinds:
            traits.extend(_polar(person_id, kind, key, sessions))
        elif kind in _VALUED:
            traits.extend(_valued(person_id, kind, key, sessions))
        else:
            needed = cfg.min_sessions.get(
                "task_sequence" if key.startswith("sequence:") else kind.value, 1
            )
            if len(sessions) >= needed:
                traits.append(_trait(person_id, kind, key, sessions, []))
    _supersede_by_change_statements(traits)
    return sorted(traits, key=lambda t: (t.kind.value, -t.confidence, t.key, t.valid_from))


def _by_session(signals: list[AnySignal]) -> list[_Session]:
    found: dict[str, _Session] = {}
    for signal in signals:
        entry = found.get(signal.session_id)
        if entry is None:
            found[signal.session_id] = _Session(signal.session_id, signal.ts, signal.ts, [signal])
        else:
            entry.signals.append(signal)
            entry.first_ts = min(entry.first_ts, signal.ts)
            entry.last_ts = max(entry.last_ts, signal.ts)
    return sorted(found.values(), key=lambda s: (s.first_ts, s.session_id))


def _polar(person_id: str, kind: SignalKind, key: str, sessions: list[_Session]) -> list[Trait]:
    signed = [s for s in sessions if s.net_polarity != 0]
    if not signed:
        return [_trait(person_id, kind, key, sessions, [])]
    runs: list[list[_Session]] = []
    for session in signed:
        if runs and (runs[-1][0].net_polarity > 0) == (session.net_polarity > 0):
            runs[-1].append(session)
        else:
            runs.append([session])
    if len(runs) == 1:
        return [_trait(person_id, kind, key, runs[0], [])]
    if len(runs) == 2:
        old = _trait(person_id, kind, key, runs[0], [], valid_to=runs[1][0].first_ts)
        new = _trait(person_id, kind, key, runs[1], runs[0], supersedes=old.id)
        return [old, new]
    latest_sign = runs[-1][0].net_polarity > 0
    support = [s for s in signed if (s.net_polarity > 0) == latest_sign]
    against = [s for s in signed if (s.net_polarity > 0) != latest_sign]
    trait = _trait(person_id, kind, key, support, against, valid_from=signed[0].first_ts)
    return [trait.model_copy(update={"status": TraitStatus.CONTESTED})]


def _valued(person_id: str, kind: SignalKind, key: str, sessions: list[_Session]) -> list[Trait]:
    """Style: each session votes once. Failure reactions: each episode votes once, and a
    session supports the winner if any of its episodes showed it."""
    per_episode = kind is SignalKind.FAILURE
    counts: Counter[str] = Counter()
    shown: dict[str, set[str]] = {}
    for session in sessions:
        tally = _tally(session.signals)
        if per_episode:
            counts.update(tally)
            shown[session.session_id] = set(tally)
        else:
            vote = max(sorted(tally), key=lambda v: tally[v])
            counts[vote] += 1
            shown[session.session_id] = {vote}
    latest: dict[str, str] = {}
    for session in sessions:
        for s in session.signals:
            latest[s.value] = max(latest.get(s.value, ""), s.ts)
    winner = max(sorted(counts), key=lambda v: (counts[v], latest[v]))  # ties: the most recent
    support = [s for s in sessions if winner in shown[s.session_id]]
    against = [s for s in sessions if winner not in shown[s.session_id]]
    if per_episode:
        support = [_only(s, winner) for s in support]
    trait = _trait(person_id, kind, key, support, against, valid_from=sessions[0].first_ts)
    unit = "episodes" if per_episode else "sessions"
    total = sum(counts.values())
    detail = ", ".join(f"{v} {n}" for v, n in counts.most_common())
    if len(counts) > 1:
        statement = f"{trait.statement} ({counts[winner]} of {total} {unit}: {detail})"
    elif per_episode:
        statement = f"{trait.statement} ({total} of {total} {unit})"
    else:
        statement = trait.statement  # one value throughout: the session count says it all
    return [trait.model_copy(update={"statement": statement, "value": winner})]


def _tally(signals: list[AnySignal]) -> dict[str, int]:
    """Counter(s.value for s in signals), as a plain dict (most sessions hold one signal)."""
    if len(signals) == 1:
        return {signals[0].value: 1}
    tally: dict[str, int] = {}
    for signal in signals:
        tally[signal.value] = tally.get(signal.value, 0) + 1
    return tally


def _only(session: _Session, value: str) -> _Session:
    kept = [s for s in session.signals if s.value == value]
    return _Session(session.session_id, kept[0].ts, kept[-1].ts, kept)


def _trait(
    person_id: str,
    kind: SignalKind,
    key: str,
    support: list[_Session],
    against: list[_Session],
    *,
    valid_from: str | None = None,
    valid_to: str | None = None,
    supersedes: str | None = None,
) -> Trait:
    cfg = config()
    r = cfg.reliability.get(kind.value, 0.3)
    support_strength = _combined(r, support)
    against_strength = _combined(r, against)
    signals = [s for session in support for s in session.signals]
    latest = max(signals, key=lambda s: (s.ts, s.value))
    first_seen = support[0].first_ts
    last_seen = max(s.last_ts for s in support)
    start = valid_from or first_seen
    measures = [s.measure for s in signals if s.measure is not None]
    polarity = sum(s.polarity for s in signals) / len(signals)
    evidence, where = _evidence(support, cfg.max_evidence)
    counter, counter_where = _evidence(against, cfg.max_evidence)
    majority = _majority_value(signals) if kind in _VALUED else ""
    return Trait(
        id=_trait_id(person_id, kind, key, start),
        person_id=person_id,
        kind=kind,
        key=key,
        value=latest.value if kind not in _VALUED else majority,
        statement=_statement(kind, key, latest, signals, majority),
        polarity=round(polarity, 4),
        measure=round(sum(measures) / len(measures), 4) if measures else None,
        confidence=round(support_strength * (1.0 - against_strength), 4),
        status=TraitStatus.SUPERSEDED if valid_to else TraitStatus.ACTIVE,
        sessions=len(support),
        counter_sessions=len(against),
        signals=len(signals),
        first_seen=first_seen,
        last_seen=last_seen,
        span_days=round(_days(first_seen, last_seen), 3),
        valid_from=start,
        valid_to=valid_to,
        producers=sorted({s.producer for s in signals}),
        evidence=evidence,
        counter_evidence=counter,
        evidence_sessions={**where, **counter_where},
        supersedes=supersedes,
    )


def _combined(reliability: float, sessions: list[_Session]) -> float:
    missing = 1.0
    for session in sessions:
        missing *= 1.0 - reliability * session.strength
    return 1.0 - missing


def _majority_value(signals: list[AnySignal]) -> str:
    tally = _tally(signals)
    return max(sorted(tally), key=lambda v: tally[v])


def _statement(
    kind: SignalKind, key: str, latest: AnySignal, signals: list[AnySignal], majority: str
) -> str:
    """``majority`` is ``_majority_value(signals)`` for the valued kinds (style, failure)."""
    label = key.replace("_", " ")
    if kind is SignalKind.FAILURE:
        reaction = majority
        return f"after {'an' if label[:1] in 'aeiou' else 'a'} {label}: {reaction}"
    if kind is SignalKind.STYLE:
        value = majority
        return label if not value or value.replace(" ", "_") == key else f"{label}: {value}"
    if kind is SignalKind.TASK:
        if key.startswith("sequence:"):
            return "recurring steps: " + key.removeprefix("sequence:").replace(">", " → ")
        return f"works on {label}"
    if kind is SignalKind.DECISION and latest.value and latest.value not in key:
        return f"{latest.value}: {key}"
    return latest.value or f"{kind.value}: {key}"


def _evidence(sessions: list[_Session], limit: int) -> tuple[list[Evidence], dict[str, str]]:
    """The oldest item and the newest ones (``limit`` in all), deduplicated, oldest first.

    Signals are walked newest first and their evidence parsed only until enough is found: a
    person with a thousand sessions has thousands of signals behind a style trait.
    """
    signals = sorted(
        ((s, session.session_id) for session in sessions for s in session.signals),
        key=lambda pair: _order(pair[0]),
    )
    chosen: list[tuple[Evidence, str]] = []
    seen: set[tuple[str, int, int]] = set()

    def take(signal: AnySignal, session_id: str) -> None:
        for item in _cited(signal):
            ident = (item.event_id, item.start, item.end)
            if ident not in seen:
                seen.add(ident)
                chosen.append((item, session_id))

    for signal, session_id in reversed(signals):
        if len(chosen) >= limit - 1:
            break
        take(signal, session_id)
    newest = chosen[: limit - 1]
    oldest: list[tuple[Evidence, str]] = []
    for signal, session_id in signals:  # the first item of the oldest signal with evidence
        items = _cited(signal)
        if items:
            first = items[0]
            if (first.event_id, first.start, first.end) not in {
                (e.event_id, e.start, e.end) for e, _ in newest
            }:
                oldest = [(first, session_id)]
            break
    ordered = oldest + list(reversed(newest))
    return [e for e, _ in ordered], {e.event_id: sid for e, sid in ordered}


#: Parsed evidence and context of stored signals, by their JSON text: builds of the same
#: person (a live service building after every session) read the same signals again. Evidence
#: is frozen and shared; the cache is bounded.
_PARSED: dict[tuple[str, str], tuple[Evidence, ...]] = {}
_PARSED_LIMIT = 1 << 16


def _cited(signal: AnySignal) -> tuple[Evidence, ...]:
    """``signal.evidence or _whole_events(signal)``; a stored signal's parsed once."""
    if not isinstance(signal, StoredSignal):
        return signal.evidence or _whole_events(signal)
    key = (signal.evidence_json, signal.context_json)
    found = _PARSED.get(key)
    if found is None:
        if signal.evidence_json == "[]":
            found = _whole_events(signal)
        else:
            found = tuple(
                Evidence.model_construct(**e) for e in json.loads(signal.evidence_json)
            ) or _whole_events(signal)
        if len(_PARSED) >= _PARSED_LIMIT:
            _PARSED.clear()
        _PARSED[key] = found
    return found


def _order(signal: AnySignal) -> tuple[str, ...]:
    if isinstance(signal, StoredSignal):
        # StoredSignal.order(), with the kind as the string it is (a StrEnum): the same order.
        return (
            signal.ts,
            signal.session_id,
            signal.actor,
            signal.kind,
            signal.key,
            signal.value,
            signal.evidence_json,
        )
    evidence = ",".join(f"{e.event_id}:{e.start}:{e.end}" for e in signal.evidence)
    return (
        signal.ts,
        signal.session_id,
        signal.actor,
        signal.kind.value,
        signal.key,
        signal.value,
        evidence,
    )


def _whole_events(signal: AnySignal) -> tuple[Evidence, ...]:
    """A signal resting on events without text (a named action, a bare outcome) cites each
    event with an empty span: the quote is still exactly text[start:end]."""
    return tuple(
        Evidence(event_id=event_id, start=0, end=0, quote="")
        for event_id in signal.context.get("event_ids", [])
    )


def _trait_id(person_id: str, kind: SignalKind, key: str, valid_from: str) -> str:
    blob = "\x1f".join((person_id, kind.value, key, valid_from)).encode("utf-8")
    return "tr_" + hashlib.blake2b(blob, digest_size=8).hexdigest()


def _days(first: str, last: str) -> float:
    a = datetime.fromisoformat(first.replace("Z", "+00:00"))
    b = datetime.fromisoformat(last.replace("Z", "+00:00"))
    return (b - a).total_seconds() / 86400


# -- changes of mind across keys ----------------------------------------------------------


def _supersede_by_change_statements(traits: list[Trait]) -> None:
    """An active positive preference stated as a change supersedes the one it replaced."""
    cfg = config()
    by_id = {t.id: i for i, t in enumerate(traits)}
    for index, new in enumerate(list(traits)):
        if new.kind.value not in cfg.polar_kinds or new.polarity <= 0 or new.supersedes:
            continue
        statement = next((e for e in new.evidence if _is_change(e.quote, cfg)), None)
        if statement is None:
            continue
        candidates = [
            old
            for old in traits
            if old.kind is new.kind
            and old.key != new.key
            and old.polarity > 0
            and old.valid_to is None
            and old.last_seen < new.valid_from
            and _related(old.key, new.key, statement.quote, cfg)
        ]
        if not candidates:
            continue
        old = max(candidates, key=lambda t: (t.last_seen, t.key))
        traits[by_id[old.id]] = old.model_copy(
            update={
                "valid_to": new.valid_from,
                "status": TraitStatus.SUPERSEDED,
                "counter_evidence": [*old.counter_evidence, statement],
                "evidence_sessions": {
                    **old.evidence_sessions,
                    statement.event_id: new.evidence_sessions.get(statement.event_id, ""),
                },
            }
        )
        traits[index] = new.model_copy(update={"supersedes": old.id})


def _is_change(quote: str, cfg: GraphConfig) -> bool:
    return any(p.search(quote) for p in cfg.change_cues)


def _content_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1}


def _related(old_key: str, new_key: str, statement: str, cfg: GraphConfig) -> bool:
    old_words, new_words = _content_words(old_key), _content_words(new_key)
    if old_words & _content_words(statement) - new_words:
        return True  # the change statement names the old thing
    old_head = old_key.lower().split()[-1].rstrip("s") if old_key.split() else ""
    new_head = new_key.lower().split()[-1].rstrip("s") if new_key.split() else ""
    if old_head and old_head == new_head:
        return True  # dark mode -> light mode
    old_group = _group(old_key, cfg)
    return old_group is not None and old_group == _group(new_key, cfg)


def _group(key: str, cfg: GraphConfig) -> str | None:
    text = key.lower()
    if text in cfg.alternatives:
        return cfg.alternatives[text]
    for member, group in cfg.alternatives.items():
        if re.search(rf"(?<![\w+#]){re.escape(member)}(?![\w+#])", text):
            return group
    return None
