"""Archetypes: a declarative taxonomy (``data/archetypes.yaml``) and soft membership scores.

Each archetype is a list of weighted **cues**, each read from what the graph holds about a
person and scored in [0, 1] (docs/behavior.md gives every formula):

- ``style: KEY`` (optionally ``value: VALUE``): the share of the person's sessions whose STYLE
  signal of that key shows it, times ``1 - (1 - r)^k`` (k those sessions, r ``reliability``), so
  one session is weak evidence and many are strong;
- ``reaction: LABEL``: episodes with that reaction / (episodes + 2);
- ``fast_reaction_s: S``: reactions within S seconds / (timed reactions + 2): an episode whose
  latency is unknown (an invented time, ``StoredEvent.ts_invented``) is not counted;
- ``sessions: {from: A, to: B}``: a ramp over the number of sessions (A > B for "few");
  ``sessions: few``: (1 - r)^n over n sessions, what the saturation of ``style`` and ``says``
  cues has not reached yet, so a short history counts only while behaviour cannot show;
- ``action_share: {from: A, to: B}``: a ramp over actions / (actions + messages);
- ``says: [regex, ...]``: the share of sessions where one of the person's own messages matches,
  with the same saturation as ``style``.

``score`` = sum(weight x strength) / sum(weight) over the archetype's cues; ``membership`` =
softmax(score / temperature) over the archetypes, so memberships sum to 1 and a person with no
history gets the same membership in each but for cues of the history's length (``sessions``).
Every cue lists the events (and, for the current graph, the traits) it rests on.

Users add or change archetypes without code: a YAML file passed with ``--archetypes`` is merged
over the packaged one (an archetype of the same name replaces it; ``replace: true`` at the top
drops the packaged ones).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from persona6.behavior.episodes import PersonHistory, known_before
from persona6.config import read_yaml_file
from persona6.errors import InvalidInput
from persona6.extract.text import packaged_yaml

PRODUCER = "persona6.archetypes.v5"
#: Memberships remembered per person, by the view of a cut-off (MembershipLine.at).
MEMO_SIZE = 4096
CUE_KINDS = ("style", "reaction", "fast_reaction_s", "sessions", "action_share", "says")
#: ``sessions: few``: the share of behaviour not yet seen, (1 - reliability)^sessions.
FEW = "few"
MAX_CUE_EVIDENCE = 5


@dataclass(frozen=True, slots=True)
class Cue:
    name: str
    kind: str
    weight: float
    key: str = ""
    value: str | None = None
    low: float = 0.0
    high: float = 1.0
    patterns: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True, slots=True)
class Archetype:
    name: str
    description: str
    cues: tuple[Cue, ...]
    directives: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Taxonomy:
    source: str
    temperature: float
    reliability: float
    archetypes: tuple[Archetype, ...]


class CueScore(BaseModel):
    """One cue of an archetype, how strongly the person shows it, and what it rests on."""

    cue: str = Field(description="The cue's name in the taxonomy.")
    strength: float = Field(ge=0.0, le=1.0, description="How strongly the person shows it.")
    weight: float = Field(description="The cue's weight in its archetype.")
    detail: str = Field(default="", description="The measurement behind the strength.")
    traits: list[str] = Field(default_factory=list, description="Trait ids it rests on.")
    evidence: list[str] = Field(default_factory=list, description="Event ids it rests on.")


class ArchetypeScore(BaseModel):
    """A person's soft membership in one archetype."""

    archetype: str
    description: str = ""
    membership: float = Field(ge=0.0, le=1.0, description="Softmax share over the archetypes.")
    score: float = Field(ge=0.0, le=1.0, description="Weighted mean cue strength.")
    cues: list[CueScore]


class PersonArchetypes(BaseModel):
    """``persona6 archetypes PERSON --json``."""

    person_id: str
    taxonomy: str = Field(description="The taxonomy file(s) used.")
    archetypes: list[ArchetypeScore] = Field(description="Highest membership first.")


# -- the taxonomy file ------------------------------------------------------------------


def _problem(where: str, field: str, problem: str, hint: str) -> InvalidInput:
    return InvalidInput(where, f"field {field!r} {problem}", hint)


def _number(where: str, field: str, value: Any, *, positive: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _problem(where, field, f"is {value!r}, not a number", "Write a number, e.g. 1.0")
    if not math.isfinite(value):  # YAML's .nan and .inf are floats, but no weight or bound
        raise _problem(
            where, field, f"is {value!r}, not a finite number", "Write a number, e.g. 1.0"
        )
    if positive and value <= 0:
        raise _problem(where, field, f"is {value!r}, not above 0", "Write a positive number")
    return float(value)


def _ramp(where: str, field: str, value: Any) -> tuple[float, float]:
    if not isinstance(value, Mapping) or set(value) != {"from", "to"}:
        raise _problem(where, field, f"is {value!r}, not a ramp", "Write it as {from: 2, to: 10}")
    low = _number(where, f"{field}.from", value["from"])
    high = _number(where, f"{field}.to", value["to"])
    if low == high:
        raise _problem(where, field, "has from == to", "Give two different bounds")
    return low, high


def _cue(where: str, field: str, raw: Any) -> Cue:
    if not isinstance(raw, Mapping):
        raise _problem(where, field, f"is {raw!r}, not a mapping", "Write a cue as a mapping")
    kinds = [k for k in CUE_KINDS if k in raw]
    if len(kinds) != 1:
        raise _problem(
            where,
            field,
            f"names {len(kinds)} cue kinds ({', '.join(kinds) or 'none'})",
            f"Give exactly one of: {', '.join(CUE_KINDS)}",
        )
    kind = kinds[0]
    unknown = set(raw) - {kind, "name", "weight", "value"}
    if unknown:
        raise _problem(
            where,
            f"{field}.{sorted(unknown)[0]}",
            "is not a cue field",
            f"A cue has name, weight, value and one of: {', '.join(CUE_KINDS)}",
        )
    weight = _number(where, f"{field}.weight", raw.get("weight", 1.0), positive=True)
    name = str(raw.get("name") or f"{kind} {raw[kind]}")
    value = raw[kind]
    if kind in ("style", "reaction"):
        if not isinstance(value, str) or not value:
            raise _problem(
                where, f"{field}.{kind}", f"is {value!r}, not a name", "Write e.g. style: warmth"
            )
        shown = raw.get("value")
        return Cue(name, kind, weight, key=value, value=None if shown is None else str(shown))
    if kind == "fast_reaction_s":
        seconds = _number(where, f"{field}.{kind}", value, positive=True)
        return Cue(name, kind, weight, high=seconds)
    if kind == "sessions" and value == FEW:
        return Cue(name, kind, weight, key=FEW)
    if kind == "sessions" and isinstance(value, str):
        raise _problem(
            where,
            f"{field}.{kind}",
            f"is {value!r}, not a ramp or {FEW}",
            f"Write it as {{from: 2, to: 10}}, or {FEW}",
        )
    if kind in ("sessions", "action_share"):
        low, high = _ramp(where, f"{field}.{kind}", value)
        return Cue(name, kind, weight, low=low, high=high)
    if not isinstance(value, list) or not value:
        raise _problem(
            where,
            f"{field}.says",
            f"is {value!r}, not a list of regular expressions",
            "Write e.g. says: ['\\bhow do i\\b']",
        )
    patterns = []
    for i, pattern in enumerate(value):
        try:
            patterns.append(re.compile(str(pattern), re.IGNORECASE))
        except re.error as exc:
            raise _problem(
                where,
                f"{field}.says[{i}]",
                f"is not a valid regular expression ({exc})",
                "Fix the pattern (Python re syntax)",
            ) from None
    return Cue(name, kind, weight, patterns=tuple(patterns))


def _archetypes(where: str, data: Any) -> dict[str, Archetype]:
    if not isinstance(data, Mapping):
        raise _problem(
            where, "archetypes", "is missing or not a mapping", "Write archetypes: {name: {...}}"
        )
    found = {}
    for name, body in data.items():
        field = f"archetypes.{name}"
        if not isinstance(body, Mapping):
            raise _problem(where, field, "is not a mapping", "Give description, cues, directives")
        cues = body.get("cues")
        if not isinstance(cues, list) or not cues:
            raise _problem(where, f"{field}.cues", "is missing or empty", "List at least one cue")
        directives = body.get("directives", [])
        if not isinstance(directives, list) or not all(isinstance(d, str) for d in directives):
            raise _problem(
                where, f"{field}.directives", "is not a list of strings", "List sentences"
            )
        found[str(name)] = Archetype(
            str(name),
            str(body.get("description", "")),
            tuple(_cue(where, f"{field}.cues[{i}]", c) for i, c in enumerate(cues)),
            tuple(directives),
        )
    return found


def _read(path: Path, where: str) -> Mapping[str, Any]:
    data = read_yaml_file(path, "Check the path of the archetype file")
    if not isinstance(data, Mapping):
        raise InvalidInput(where, "is not a YAML mapping", "Start it with archetypes:")
    return data


@cache
def packaged() -> Taxonomy:
    data = packaged_yaml("archetypes.yaml")
    where = "persona6/data/archetypes.yaml"
    return Taxonomy(
        where,
        _number(where, "temperature", data["temperature"], positive=True),
        _number(where, "reliability", data["reliability"], positive=True),
        tuple(_archetypes(where, data["archetypes"]).values()),
    )


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """The packaged taxonomy, with the archetypes of ``path`` merged over it."""
    base = packaged()
    if path is None:
        return base
    where = str(path)
    data = _read(Path(path), where)
    unknown = set(data) - {"version", "temperature", "reliability", "replace", "archetypes"}
    if unknown:
        raise _problem(
            where,
            sorted(unknown)[0],
            "is not a taxonomy field",
            "Use version, temperature, reliability, replace and archetypes",
        )
    own = _archetypes(where, data.get("archetypes"))
    merged = {} if data.get("replace") is True else {a.name: a for a in base.archetypes}
    merged.update(own)
    temperature = base.temperature
    if "temperature" in data:
        temperature = _number(where, "temperature", data["temperature"], positive=True)
    reliability = base.reliability
    if "reliability" in data:
        reliability = _number(where, "reliability", data["reliability"], positive=True)
    source = where if data.get("replace") is True else f"{base.source} + {where}"
    return Taxonomy(source, temperature, min(reliability, 1.0), tuple(merged.values()))


# -- scoring ----------------------------------------------------------------------------


def _ramp_value(x: float, low: float, high: float) -> float:
    return min(1.0, max(0.0, (x - low) / (high - low)))


def _saturated(share: float, support: float, reliability: float) -> float:
    return share * (1.0 - (1.0 - reliability) ** support)


def _sessions_strength(cue: Cue, sessions: int, reliability: float) -> float:
    """A ``sessions`` cue: its ramp, or for ``few`` what a behaviour cue shown in every one of
    the sessions still lacks of saturation (``_saturated``): a short history says "new" only
    as long as the person's behaviour cannot yet say what they are."""
    if cue.key == FEW:
        return (1.0 - reliability) ** sessions
    return _ramp_value(sessions, cue.low, cue.high)


def _tail(ids: Sequence[str]) -> list[str]:
    unique = list(dict.fromkeys(ids))
    return unique[-MAX_CUE_EVIDENCE:]


@dataclass(slots=True)
class _View:
    """What a person had shown before a cutoff, gathered once for every cue."""

    history: PersonHistory
    acts: list[Any]
    styles: list[Any]
    episodes: list[Any]
    sessions: set[str]
    firsts: dict[str, str]  # session -> its first act's event id

    @classmethod
    def of(cls, history: PersonHistory, cutoff: str | None) -> _View:
        def upto(items: list[Any]) -> list[Any]:
            if cutoff is None:
                return items
            return items[: bisect.bisect_left([i.ts for i in items], cutoff)]

        acts = upto(history.acts)
        firsts: dict[str, str] = {}
        for a in acts:
            firsts.setdefault(a.session_id, a.event_id)
        return cls(
            history,
            acts,
            upto(history.styles),
            known_before(history.episodes, cutoff),
            set(firsts),
            firsts,
        )


def score_cue(cue: Cue, view: _View, r: float) -> CueScore:
    """How strongly the person showed ``cue`` in ``view``."""
    acts, sessions = view.acts, view.sessions
    strength, detail, evidence = 0.0, "", []
    if cue.kind == "style":
        active = {s.session_id for s in view.styles} | sessions
        shown: dict[str, float] = {}
        for s in view.styles:
            if s.key == cue.key and (cue.value is None or s.value == cue.value):
                shown[s.session_id] = max(shown.get(s.session_id, 0.0), min(1.0, s.weight))
                evidence += list(s.evidence_ids[:1])
        if active:
            strength = _saturated(len(shown) / len(active), sum(shown.values()), r)
        detail = f"{len(shown)} of {len(active)} sessions"
    elif cue.kind in ("reaction", "fast_reaction_s"):
        episodes = view.episodes
        if cue.kind == "reaction":
            hits = [e for e in episodes if e.reaction == cue.key]
            strength = len(hits) / (len(episodes) + 2)
            detail = f"{len(hits)} of {len(episodes)} failure episodes"
        else:
            timed = [e for e in episodes if e.latency is not None]
            hits = [e for e in timed if (e.latency or 0.0) <= cue.high]
            strength = len(hits) / (len(timed) + 2)
            detail = f"{len(hits)} of {len(timed)} reactions within {cue.high:g} s"
        evidence = [e.failure_event_id for e in hits]
    elif cue.kind == "sessions":
        strength = _sessions_strength(cue, len(sessions), r)
        detail = f"{len(sessions)} sessions"
        evidence = list(view.firsts.values())
    elif cue.kind == "action_share":
        actions = [a for a in acts if a.type == "action"]
        if acts:
            share = len(actions) / len(acts)
            strength = _ramp_value(share, cue.low, cue.high)
            detail = f"{len(actions)} actions of {len(acts)} acts ({share:.0%})"
        evidence = [a.event_id for a in actions[-MAX_CUE_EVIDENCE:]]
    else:  # says
        talked = {a.session_id for a in acts if a.type == "message"}
        matched: dict[str, str] = {}
        for a in acts:
            if a.type == "message" and _says(view.history, cue, a):
                matched.setdefault(a.session_id, a.event_id)
                evidence.append(a.event_id)
        if talked:
            strength = _saturated(len(matched) / len(talked), len(matched), r)
        detail = f"{len(matched)} of {len(talked)} sessions with messages"
    return CueScore(
        cue=cue.name,
        strength=round(min(1.0, max(0.0, strength)), 4),
        weight=cue.weight,
        detail=detail,
        evidence=_tail(evidence) if strength > 0 else [],
    )


def _says(history: PersonHistory, cue: Cue, act: Any) -> bool:
    """Whether a message matches a ``says`` cue, remembered: cutoffs re-read the same acts."""
    memo = history.memo
    key = (id(cue.patterns), act.event_id)
    found = memo.get(key)
    if found is None:
        found = memo[key] = bool(act.text) and any(p.search(act.text) for p in cue.patterns)
    return found


def memberships(
    taxonomy: Taxonomy, history: PersonHistory, cutoff: str | None = None
) -> list[ArchetypeScore]:
    """Soft membership of one person in every archetype, highest first."""
    scored = []
    view = _View.of(history, cutoff)
    for archetype in taxonomy.archetypes:
        cues = [score_cue(c, view, taxonomy.reliability) for c in archetype.cues]
        total = sum(c.weight for c in cues)
        score = sum(c.weight * c.strength for c in cues) / total if total else 0.0
        scored.append((archetype, cues, score))
    top = max((s for _, _, s in scored), default=0.0)
    weights = [math.exp((s - top) / taxonomy.temperature) for _, _, s in scored]
    norm = sum(weights) or 1.0
    found = [
        ArchetypeScore(
            archetype=a.name,
            description=a.description,
            membership=round(w / norm, 4),
            score=round(s, 4),
            cues=cues,
        )
        for (a, cues, s), w in zip(scored, weights, strict=True)
    ]
    return sorted(found, key=lambda x: (-x.membership, x.archetype))


def membership_map(
    taxonomy: Taxonomy, history: PersonHistory, cutoff: str | None = None
) -> dict[str, float]:
    return {a.archetype: a.membership for a in memberships(taxonomy, history, cutoff)}


# -- memberships at any cut-off, fast ------------------------------------------------------


def _distinct_running(keys: Sequence[str | None]) -> list[int]:
    """Running count of distinct non-None keys: entry i counts the first i items."""
    seen: set[str] = set()
    found = [0]
    for key in keys:
        if key is not None:
            seen.add(key)
        found.append(len(seen))
    return found


def _running(flags: Sequence[bool]) -> list[int]:
    found = [0]
    for flag in flags:
        found.append(found[-1] + flag)
    return found


class MembershipLine:
    """One person's memberships as of any cut-off, equal to ``membership_map(taxonomy,
    history, cutoff)`` (a test checks it on random cut-offs), from counts computed once.

    ``_View`` keeps the acts and styles before the cut-off and the episodes known before it;
    every cue reads only counts of those (sessions, sessions showing a cue, actions, episodes
    with a reaction, ...), so each count is a running count over the time-sorted items and the
    view at a cut-off is three bisections."""

    def __init__(self, taxonomy: Taxonomy, history: PersonHistory):
        self.taxonomy = taxonomy
        acts, styles = history.acts, history.styles
        self.act_ts = [a.ts for a in acts]
        self.style_ts = [s.ts for s in styles]
        episodes = sorted(history.episodes, key=lambda e: max(e.resolved_at, e.failure_ts))
        self.known_ts = [max(e.resolved_at, e.failure_ts) for e in episodes]
        # A session is active before t when one of its acts or styles is before t.
        first: dict[str, str] = {}
        for session_id, ts in [
            *((a.session_id, a.ts) for a in acts),
            *((s.session_id, s.ts) for s in styles),
        ]:
            if session_id not in first or ts < first[session_id]:
                first[session_id] = ts
        self.active_ts = sorted(first.values())
        self.sessions = _distinct_running([a.session_id for a in acts])
        self.actions = _running([a.type == "action" for a in acts])
        self.talked = _distinct_running(
            [a.session_id if a.type == "message" else None for a in acts]
        )
        self.memo: dict[tuple[int, int, int, int], dict[str, float]] = {}
        self.cues: list[list[tuple[Cue, Any]]] = []
        for archetype in taxonomy.archetypes:
            self.cues.append(
                [(cue, self._counts(cue, history, episodes)) for cue in archetype.cues]
            )

    def _counts(self, cue: Cue, history: PersonHistory, episodes: list[Any]) -> Any:
        if cue.kind == "style":
            # (style index, sessions showing it, their summed weight) after each matching style
            steps: list[tuple[int, int, float]] = []
            shown: dict[str, float] = {}
            total = 0.0
            for j, s in enumerate(history.styles):
                if s.key == cue.key and (cue.value is None or s.value == cue.value):
                    old = shown.get(s.session_id)
                    new = min(1.0, s.weight) if old is None else max(old, min(1.0, s.weight))
                    shown[s.session_id] = new
                    total = sum(shown.values()) if old is not None and new != old else total
                    total = total + new if old is None else total
                    steps.append((j, len(shown), total))
            return steps
        if cue.kind == "reaction":
            return _running([e.reaction == cue.key for e in episodes])
        if cue.kind == "fast_reaction_s":
            timed = [e.latency is not None for e in episodes]
            fast = [e.latency is not None and (e.latency or 0.0) <= cue.high for e in episodes]
            return _running(timed), _running(fast)
        if cue.kind == "says":
            return _distinct_running(
                [
                    a.session_id if a.type == "message" and _says(history, cue, a) else None
                    for a in history.acts
                ]
            )
        return None

    def _strength(self, cue: Cue, counts: Any, ia: int, js: int, ie: int, active: int) -> float:
        r = self.taxonomy.reliability
        if cue.kind == "style":
            at = bisect.bisect_left(counts, js, key=lambda step: step[0])
            if not active:
                return 0.0
            shown, weight = (counts[at - 1][1], counts[at - 1][2]) if at else (0, 0.0)
            return _saturated(shown / active, weight, r)
        if cue.kind == "reaction":
            return counts[ie] / (ie + 2)
        if cue.kind == "fast_reaction_s":
            timed, fast = counts
            return fast[ie] / (timed[ie] + 2)
        if cue.kind == "sessions":
            return _sessions_strength(cue, self.sessions[ia], r)
        if cue.kind == "action_share":
            return _ramp_value(self.actions[ia] / ia, cue.low, cue.high) if ia else 0.0
        talked = self.talked[ia]
        return _saturated(counts[ia] / talked, counts[ia], r) if talked else 0.0

    def at(self, cutoff: str | None) -> dict[str, float]:
        """Memberships before ``cutoff`` (None: everything), highest first."""
        if cutoff is None:
            ia, js, ie = len(self.act_ts), len(self.style_ts), len(self.known_ts)
            n = len(self.active_ts)
        else:
            ia = bisect.bisect_left(self.act_ts, cutoff)
            js = bisect.bisect_left(self.style_ts, cutoff)
            ie = bisect.bisect_left(self.known_ts, cutoff)
            n = bisect.bisect_left(self.active_ts, cutoff)
        # Cut-offs with the same view (no act, style or episode of the person between them)
        # have the same memberships: most cut-offs fall between a person's events.
        view = (ia, js, ie, n)
        found = self.memo.get(view)
        if found is None:
            if len(self.memo) >= MEMO_SIZE:
                self.memo.clear()
            found = self.memo[view] = self._memberships(ia, js, ie, n)
        return found

    def _memberships(self, ia: int, js: int, ie: int, n: int) -> dict[str, float]:
        scored = []
        for archetype, cues in zip(self.taxonomy.archetypes, self.cues, strict=True):
            strengths = [
                (cue.weight, round(min(1.0, max(0.0, self._strength(cue, c, ia, js, ie, n))), 4))
                for cue, c in cues
            ]
            # The same sums, in the same order, as ``memberships``.
            total = sum(w for w, _ in strengths)
            score = sum(w * x for w, x in strengths) / total if total else 0.0
            scored.append((archetype.name, score))
        top = max((s for _, s in scored), default=0.0)
        weights = [math.exp((s - top) / self.taxonomy.temperature) for _, s in scored]
        norm = sum(weights) or 1.0
        found = [(name, round(w / norm, 4)) for (name, _), w in zip(scored, weights, strict=True)]
        found.sort(key=lambda x: (-x[1], x[0]))
        return dict(found)
