"""Recurring paths: a person's recurring action sequences as the paths they walk.

The task extractor emits every distinct bigram and trigram of a person's actions and outcomes
per session, and the graph makes a trait of each that recurs (``sequence:<a>><b>[><c>]``,
"recurring steps: a → b"). One habitual path of five steps is then seven traits that say one
thing. What is shown is folded (``sequence_paths``), from the stored traits alone:

- **chain**: two trigrams that overlap by two steps (``a>b>c``, ``b>c>d``) are one path
  ``a>b>c>d`` when both rest on exactly the sessions of their overlap ``b>c`` (equal session
  counts: a session of a trigram is a session of each of its bigrams) and ``b>c`` occurs once
  in each of them (its mean measure is 1). Then both trigrams hold that one ``b>c`` in each
  session, so ``a>b>c>d`` is in each of them, in a row: the path is as true as its parts.
  Chains go on while the condition holds (``a>b>c>d>e``...). The path is a new trait (producer
  ``PRODUCER``): the sessions and span of its parts, the lowest confidence of them, their
  evidence.
- **fold**: a sequence contained, in a row, in a longer one (a path or a sequence) is not
  shown when that one rests on at least ``fold_share`` (data/graph.yaml
  ``sequence_paths``) of its sessions: every session of the longer one is one of its own, so it
  says nothing the longer one does not, but for a few sessions. A step shared by two paths
  ("start_lesson → submit_quiz" before a quiz in some sessions, an upload in the others) rests
  on more sessions than either and stays.

The stored graph keeps every recurring sequence as its own trait (its confidence, evidence and
exact incremental fold, ``why`` of its id); the fold is a pure function of a person's traits,
applied when they are read (``show``, ``why``, continuity), so it is the same after an
incremental build as after a full one, and after a forget as after a build without what was
forgotten.
"""

from __future__ import annotations

from functools import cache

from persona6.graph.consolidate import _days, _trait_id, config, statement
from persona6.types import Evidence, SignalKind, Trait

__all__ = ["PRODUCER", "fold", "fold_share", "sequence_paths", "steps_of"]

PRODUCER = "persona6.sequence_paths.v1"

_PREFIX = "sequence:"


@cache
def fold_share() -> float:
    """The share of a sequence's sessions a longer one containing it must rest on to fold it."""
    share = config().fold_share
    if not 0.0 < share <= 1.0:
        raise ValueError(
            f"data/graph.yaml sequence_paths.fold_share is {share}: give a share of sessions "
            "above 0 and at most 1 (0.8: a longer sequence in 4 of 5 sessions folds it)"
        )
    return share


def steps_of(key: str) -> tuple[str, ...] | None:
    """The steps of a sequence key (``sequence:a>b>c``), or None for another key."""
    if not key.startswith(_PREFIX):
        return None
    return tuple(key.removeprefix(_PREFIX).split(">"))


def _parts(steps: tuple[str, ...]) -> set[tuple[str, ...]]:
    """Every shorter sequence of two steps or more in ``steps``, in a row."""
    return {steps[i : i + n] for n in range(2, len(steps)) for i in range(len(steps) - n + 1)}


def _is_sequence(trait: Trait) -> bool:
    return (
        trait.kind is SignalKind.TASK and trait.key.startswith(_PREFIX) and trait.valid_to is None
    )


#: Steps -> (sessions, mean occurrences per session) of one recurring sequence.
Stats = dict[tuple[str, ...], tuple[int, float]]


def sequence_paths(traits: list[Trait]) -> list[Trait]:
    """One person's traits as shown: their sequence traits chained into paths and folded into
    the longer ones that contain them (module doc); the other traits as they are, in the order
    ``finish`` gives (kind, confidence, key, start)."""
    sequences = {steps: t for t in traits if _is_sequence(t) and (steps := steps_of(t.key))}
    if len(sequences) < 2:
        return traits
    paths, hidden = fold(
        {steps: (t.sessions, t.measure or 0.0) for steps, t in sequences.items()}, fold_share()
    )
    kept = [t for t in traits if not (_is_sequence(t) and steps_of(t.key) in hidden)]
    kept += [_path(steps, [sequences[p] for p in parts]) for steps, parts in paths.items()]
    return sorted(kept, key=lambda t: (t.kind.value, -t.confidence, t.key, t.valid_from))


def fold(stats: Stats, share: float) -> tuple[dict[tuple[str, ...], list[tuple[str, ...]]], set]:
    """The paths to show, each with the trigrams it is chained from, and the sequences not
    shown: those trigrams and every sequence folded into a longer one (module doc)."""
    paths, hidden = _chains(stats)
    candidates = {s: stat for s, stat in stats.items() if s not in hidden}
    candidates.update((steps, stats[parts[0]]) for steps, parts in paths.items())
    for longer, (sessions, _) in candidates.items():
        for part in _parts(longer):
            inner = candidates.get(part)
            if inner is not None and sessions >= share * inner[0]:
                hidden.add(part)
    return {s: parts for s, parts in paths.items() if s not in hidden}, hidden


def _chains(stats: Stats) -> tuple[dict[tuple[str, ...], list[tuple[str, ...]]], set]:
    """The paths chained from trigrams (module doc), and the trigrams they are made of."""
    trigrams = [s for s in stats if len(s) == 3]
    starting: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for trigram in trigrams:  # a chain's next trigram, by its first two steps
        starting.setdefault(trigram[:2], []).append(trigram)

    def follows(first: tuple[str, ...]) -> tuple[str, ...] | None:
        overlap = stats.get(first[1:])
        n = stats[first][0]
        if overlap is None or overlap != (n, 1.0):
            return None  # not in exactly the same sessions, or not once in each
        # The one trigram after the overlap in each of its sessions, if it is in all of them.
        return next(
            (s for s in starting.get(first[1:], []) if s != first and stats[s][0] == n), None
        )

    after = {s: nxt for s in trigrams if (nxt := follows(s)) is not None}
    inside = set(after.values())
    paths: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    used: set[tuple[str, ...]] = set()
    for head in trigrams:
        if head in inside or head not in after:
            continue  # inside a chain, or no chain
        parts = [head]
        while parts[-1] in after and after[parts[-1]] not in parts:
            parts.append(after[parts[-1]])
        paths[head + tuple(part[-1] for part in parts[1:])] = parts
        used.update(parts)
    return paths, used


def _path(steps: tuple[str, ...], parts: list[Trait]) -> Trait:
    """The trait of a path chained from ``parts`` (trigrams resting on the same sessions)."""
    first = min(parts, key=lambda t: t.first_seen)
    first_seen = first.first_seen
    last_seen = max(t.last_seen for t in parts)
    key = _PREFIX + ">".join(steps)
    evidence: dict[tuple[str, int, int], Evidence] = {}
    where: dict[str, str] = {}
    for part in parts:
        for item in part.evidence:
            evidence.setdefault((item.event_id, item.start, item.end), item)
        where.update(part.evidence_sessions)
    items = list(evidence.values())[: config().max_evidence]
    return first.model_copy(
        update={
            "id": _trait_id(first.person_id, SignalKind.TASK, key, first_seen),
            "key": key,
            "value": f"{len(steps)}-step",
            "statement": statement(SignalKind.TASK, key, f"{len(steps)}-step", ""),
            "measure": 1.0,
            "confidence": min(t.confidence for t in parts),
            "signals": max(t.signals for t in parts),
            "first_seen": first_seen,
            "last_seen": last_seen,
            "span_days": round(_days(first_seen, last_seen), 3),
            "valid_from": first_seen,
            "producers": sorted({p for t in parts for p in t.producers} | {PRODUCER}),
            "evidence": items,
            "evidence_sessions": {
                i.event_id: where[i.event_id] for i in items if i.event_id in where
            },
        }
    )
