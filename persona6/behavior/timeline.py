"""Predictions as of any moment, from prefix indexes built once per graph version.

``predict --event`` predicts a failure from what was known strictly before it: the episodes
resolved before it (everyone's), and archetype memberships computed from each person's history
before it. The definition is the plain one, and stays the reference the tests compare with:

    known = known_before(history.episodes, cutoff)
    pools(known, lambda q: membership_map(taxonomy, history.person(q), cutoff))

which re-reads everyone's history at every cut-off (about 150 ms for a person with 1,000
sessions). This module gets the same numbers in well under a millisecond from indexes over the
time-sorted history, built once per graph version (``BehaviorState`` rebuilds them when
``Store.graph_version`` changes, so nothing stale is ever read):

- the episodes sorted by the moment their reaction became known (``known_at``: the later of
  the failure and its resolution; an episode is known before t exactly when known_at < t), so
  the episodes known before any cut-off are a prefix, found by bisection;
- per reaction, per person and per context feature, the prefix positions of their episodes:
  counts at a cut-off are bisections, never scans;
- the feature families' leave-one-out gains (docs/behavior.md) as histograms of feature counts,
  checkpointed every ``CHECKPOINT`` (16) episodes, or more for very long histories so that there
  are at most 1,024 checkpoints: the gain at a prefix is a checkpoint plus the few episodes after
  it replayed, then one pass over the histograms (see ``_Gains``);
- per person and taxonomy, a ``MembershipLine`` (behavior/archetypes.py): every cue's counts as
  step functions of the cut-off;
- the archetype pools as prefix sums over the persons sorted by the moment their history ends
  (after it, their counts and memberships are final), plus the few persons still active at the
  cut-off, computed from their lines.

Counts are exact; sums of floats may differ from the reference in the last bits (their order
differs), which the equality tests allow for.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from persona6.behavior.episodes import Episode, TenantHistory
from persona6.behavior.predict import (
    KIND,
    REACTIONS,
    PersonStrength,
    Pools,
    Spread,
    config,
    family,
    population_prior,
)

#: Episodes between two checkpoints of the family-gain histograms (a prefix replays fewer),
#: at least; more when there would be over MAX_CHECKPOINTS of them (memory stays bounded).
CHECKPOINT = 16
MAX_CHECKPOINTS = 1024
#: Prefixes whose family gains are remembered.
GAIN_CACHE = 4096


def known_at(episode: Episode) -> str:
    """When the episode's reaction became known: it is known before t iff this is < t."""
    return max(episode.resolved_at, episode.failure_ts)


@dataclass(slots=True)
class _Line:
    """One person's episodes in known order: global prefix positions and running sums."""

    positions: list[int] = field(default_factory=list)  # index in Timeline.episodes
    by_reaction: dict[str, list[int]] = field(default_factory=dict)  # reaction -> positions
    latency: list[tuple[float, int]] = field(default_factory=lambda: [(0.0, 0)])

    def at(self, k: int) -> tuple[Counter[str], float, int]:
        """Reaction counts, latency sum and timed episodes among the first ``k`` of the tenant."""
        j = bisect_left(self.positions, k)
        counts: Counter[str] = Counter()
        if j:
            for r, where in self.by_reaction.items():
                n = bisect_left(where, k)
                if n:
                    counts[r] = n
        total, n = self.latency[j]
        return counts, total, n


class _Gains:
    """The feature families' mean leave-one-out log-lift at any prefix of the known episodes.

    For a family F, with c_f(r) the episodes of feature f with reaction r, n_f = sum_r c_f(r),
    and p0 the population prior at the prefix, the reference ``family_gains`` sums over every
    (episode, feature) pair ln[((c_f(r) - 1 + kappa p0(r)) / (n_f - 1 + kappa)) / p0(r)]. The
    c_f(r) pairs of a (f, r) share one term, so the sum is

        sum_r sum_c H[r][c] c ln(c - 1 + kappa p0(r)) - sum_n G[n] n ln(n - 1 + kappa)
        - sum_r C(r) ln p0(r)

    with H[r][c] the features of F with c_f(r) = c, G[n] those with n_f = n and C(r) the
    pairs with reaction r: integer histograms, updated by each added episode in O(features).
    """

    def __init__(self, timeline: Timeline):
        self.t = timeline
        self.checkpoints: list[tuple[dict, dict, dict]] = []
        self.cache: dict[int, dict[str, float]] = {}
        # Per episode, what adding it changes: its reaction, and per feature the family, the
        # feature's count with that reaction and its size before it.
        self.steps: list[tuple[str, tuple[tuple[str, int, int], ...]]] = []
        seen: dict[str, int] = {}
        seen_r: dict[tuple[str, str], int] = {}
        for e in timeline.episodes:
            changes = []
            for f in e.features:
                changes.append((family(f), seen_r.get((f, e.reaction), 0), seen.get(f, 0)))
                seen[f] = seen.get(f, 0) + 1
                seen_r[(f, e.reaction)] = seen_r.get((f, e.reaction), 0) + 1
            self.steps.append((e.reaction, tuple(changes)))
        self.every = max(CHECKPOINT, -(-len(timeline.episodes) // MAX_CHECKPOINTS))
        state: tuple[dict, dict, dict] = ({}, {}, {})
        for j in range(len(timeline.episodes) + 1):
            if j % self.every == 0:
                self.checkpoints.append(_copy(state))
            if j < len(timeline.episodes):
                self._add(state, j)

    def _add(self, state: tuple[dict, dict, dict], j: int) -> None:
        """Add episode ``j`` (known order) to the histograms of the first ``j`` episodes."""
        h, g, c = state
        r, changes = self.steps[j]
        for name, before_r, before_n in changes:
            cells = h.get((name, r))
            if cells is None:
                cells = h[(name, r)] = {}
            _move(cells, before_r)
            sizes = g.get(name)
            if sizes is None:
                sizes = g[name] = {}
            _move(sizes, before_n)
            pairs = c.get(name)
            if pairs is None:
                pairs = c[name] = {}
            pairs[r] = pairs.get(r, 0) + 1

    def at(self, k: int, population: Counter[str], spread: Spread) -> dict[str, float]:
        found = self.cache.get(k)
        if found is not None:
            return found
        if k < 2:
            return {}
        base = k // self.every
        state = _copy(self.checkpoints[base])
        for j in range(base * self.every, k):
            self._add(state, j)
        h, g, c = state
        cfg = config()
        kappa = cfg.kappa_context
        p0 = population_prior(population, spread)
        found = {}
        log = math.log
        for name, pairs in c.items():
            total = 0.0
            for r, n_r in pairs.items():
                shift = kappa * p0[r] - 1
                for cnt, m in h[(name, r)].items():
                    total += m * cnt * log(cnt + shift)
                total -= n_r * log(p0[r])
            for n, m in g[name].items():
                total -= m * n * log(n - 1 + kappa)
            found[name] = total / sum(pairs.values())
        if len(self.cache) >= GAIN_CACHE:
            self.cache.clear()
        self.cache[k] = found
        return found


def _move(histogram: dict[int, int], before: int) -> None:
    """One item's count goes from ``before`` to ``before + 1``."""
    if before:
        left = histogram[before] - 1
        if left:
            histogram[before] = left
        else:
            del histogram[before]
    histogram[before + 1] = histogram.get(before + 1, 0) + 1


def _copy(state: tuple[dict, dict, dict]) -> tuple[dict, dict, dict]:
    h, g, c = state
    return (
        {k: dict(v) for k, v in h.items()},
        {k: dict(v) for k, v in g.items()},
        {k: dict(v) for k, v in c.items()},
    )


class Timeline:
    """Prefix indexes over one ``TenantHistory`` (see the module docstring)."""

    def __init__(self, history: TenantHistory):
        self.history = history
        self.episodes = sorted(
            history.episodes, key=lambda e: (known_at(e), e.failure_ts, e.failure_event_id)
        )
        self.times = [known_at(e) for e in self.episodes]
        self.by_reaction: dict[str, list[int]] = {}
        self.latency: list[tuple[float, int]] = [(0.0, 0)]
        self.lines: dict[str, _Line] = {}
        # feature -> (positions, reaction -> positions)
        self.features: dict[str, tuple[list[int], dict[str, list[int]]]] = {}
        # (person, feature of the ``KIND`` family) -> reaction -> positions
        self.person_kinds: dict[tuple[str, str], dict[str, list[int]]] = {}
        total, timed = 0.0, 0
        # the population's Spread at every prefix: per person N_q and sum_r n_q(r)^2
        sizes: Counter[str] = Counter()
        own_squares: Counter[str] = Counter()
        own_counts: Counter[tuple[str, str]] = Counter()
        self.spreads: list[tuple[int, float, float]] = [(0, 0.0, 0.0)]
        for j, e in enumerate(self.episodes):
            persons, squares, agreement = self.spreads[-1]
            n_q, c = sizes[e.person_id], own_counts[(e.person_id, e.reaction)]
            if n_q:
                agreement -= own_squares[e.person_id] / n_q
            else:
                persons += 1
            own_squares[e.person_id] += 2 * c + 1
            own_counts[(e.person_id, e.reaction)] = c + 1
            sizes[e.person_id] = n_q + 1
            agreement += own_squares[e.person_id] / (n_q + 1)
            self.spreads.append((persons, squares + 2 * n_q + 1, agreement))
            self.by_reaction.setdefault(e.reaction, []).append(j)
            line = self.lines.get(e.person_id)
            if line is None:
                line = self.lines[e.person_id] = _Line()
            line.positions.append(j)
            line.by_reaction.setdefault(e.reaction, []).append(j)
            own_total, own_n = line.latency[-1]
            if e.latency is not None:
                total, timed = total + e.latency, timed + 1
                own_total, own_n = own_total + e.latency, own_n + 1
            line.latency.append((own_total, own_n))
            self.latency.append((total, timed))
            for f in e.features:
                where = self.features.get(f)
                if where is None:
                    where = self.features[f] = ([], {r: [] for r in REACTIONS})
                where[0].append(j)
                where[1].setdefault(e.reaction, []).append(j)
                if family(f) == KIND:
                    mine = self.person_kinds.get((e.person_id, f))
                    if mine is None:
                        mine = self.person_kinds[(e.person_id, f)] = {r: [] for r in REACTIONS}
                    mine.setdefault(e.reaction, []).append(j)
        self.gains = _Gains(self)
        # Persons by the moment their history ends: after it, counts and memberships are final.
        self.settled: list[tuple[str, str]] = []  # (settled_at, person_id), ascending
        for person_id, line in self.lines.items():
            person = history.person(person_id)
            ends = [self.times[line.positions[-1]]]
            ends += [person.acts[-1].ts] if person.acts else []
            ends += [person.styles[-1].ts] if person.styles else []
            self.settled.append((max(ends), person_id))
        self.settled.sort()
        self.settled_times = [t for t, _ in self.settled]
        self.first_known = {p: self.times[line.positions[0]] for p, line in self.lines.items()}

    def known(self, cutoff: str | None) -> int:
        """How many episodes were known before ``cutoff`` (all for None)."""
        return len(self.times) if cutoff is None else bisect_left(self.times, cutoff)

    def population(self, k: int) -> Counter[str]:
        found: Counter[str] = Counter()
        for r, where in self.by_reaction.items():
            n = bisect_left(where, k)
            if n:
                found[r] = n
        return found

    def spread(self, k: int) -> Spread:
        """How the first ``k`` known episodes fall to persons (``Spread``)."""
        return Spread(*self.spreads[k])

    def feature(self, name: str, k: int) -> Counter[str]:
        found: Counter[str] = Counter()
        where = self.features.get(name)
        if where is None:
            return found
        for r, positions in where[1].items():
            n = bisect_left(positions, k)
            if n:
                found[r] = n
        return found

    def person_feature(self, person_id: str, name: str, k: int) -> Counter[str]:
        """The reactions of ``person_id``'s episodes with feature ``name`` (of the ``KIND``
        family) among the first ``k`` known."""
        found: Counter[str] = Counter()
        for r, positions in self.person_kinds.get((person_id, name), {}).items():
            if n := bisect_left(positions, k):
                found[r] = n
        return found


#: person_id, cutoff -> that person's memberships before cutoff (None: now).
MembershipAt = Callable[[str, str | None], dict[str, float]]


class ArchetypePools:
    """Archetype pools at any cut-off for one taxonomy: prefix sums over the settled persons
    (``Timeline.settled``) with their final memberships, plus the persons still active."""

    def __init__(self, timeline: Timeline, membership: MembershipAt):
        self.t = timeline
        self.membership = membership
        self.names: list[str] = []
        width = len(REACTIONS) + 3  # counts per reaction, episodes, latency sum, timed
        self.sums: list[dict[str, list[float]]] = [{}]
        running: dict[str, list[float]] = {}
        for _, person_id in timeline.settled:
            counts, lat_total, timed = timeline.lines[person_id].at(len(timeline.episodes))
            weights = membership(person_id, None)
            n = sum(counts.values())
            for name, m in weights.items():
                row = running.setdefault(name, [0.0] * width)
                for i, r in enumerate(REACTIONS):
                    row[i] += m * counts.get(r, 0)
                row[-3] += m * n
                row[-2] += m * lat_total
                row[-1] += m * timed
            self.sums.append({name: list(row) for name, row in running.items()})

    def at(
        self, cutoff: str | None, k: int
    ) -> tuple[dict[str, Counter[str]], dict[str, float], dict[str, tuple[float, float]]]:
        t = self.t
        settled = len(t.settled) if cutoff is None else bisect_left(t.settled_times, cutoff)
        rows = {name: list(row) for name, row in self.sums[settled].items()}
        if cutoff is not None:
            for _, person_id in t.settled[settled:]:
                if t.first_known[person_id] >= cutoff:
                    continue  # nothing of theirs known yet
                counts, lat_total, timed = t.lines[person_id].at(k)
                n = sum(counts.values())
                for name, m in self.membership(person_id, cutoff).items():
                    row = rows.setdefault(name, [0.0] * (len(REACTIONS) + 3))
                    for i, r in enumerate(REACTIONS):
                        row[i] += m * counts.get(r, 0)
                    row[-3] += m * n
                    row[-2] += m * lat_total
                    row[-1] += m * timed
        archetype = {
            name: Counter({r: row[i] for i, r in enumerate(REACTIONS)})
            for name, row in rows.items()
        }
        sizes = {name: row[-3] for name, row in rows.items()}
        latency = {name: (row[-2], row[-1]) for name, row in rows.items()}
        return archetype, sizes, latency


def pools_at(
    timeline: Timeline,
    archetypes: ArchetypePools,
    person_id: str,
    cutoff: str | None,
    features: Sequence[str],
    strength: PersonStrength | None = None,
) -> tuple[Pools, dict[str, float]]:
    """The pools of the episodes known before ``cutoff`` as the prediction for ``person_id``
    reads them (their own counts, the archetype pools, the ``features`` asked about), and the
    person's memberships before ``cutoff``. Equal to the reference ``pools`` (module docstring)
    on everything ``distribution`` and ``expected_latency`` read; ``strength`` is kappa_p at
    ``cutoff`` (behavior/strength.py; None: the packaged default)."""
    k = timeline.known(cutoff)
    population = timeline.population(k)
    membership = archetypes.membership(person_id, cutoff)
    archetype, sizes, latency = archetypes.at(cutoff, k)
    by_person: dict[str, Counter[str]] = {}
    own_latency: dict[str, tuple[float, int]] = {}
    memberships: dict[str, dict[str, float]] = {}
    line = timeline.lines.get(person_id)
    if line is not None:
        counts, total, timed = line.at(k)
        if counts:
            by_person[person_id] = counts
            memberships[person_id] = membership
            if timed:
                own_latency[person_id] = (total, timed)
    found = {f: c for f in features if (c := timeline.feature(f, k))}
    by_kind = {
        (person_id, f): c
        for f in features
        if family(f) == KIND and (c := timeline.person_feature(person_id, f, k))
    }
    spread = timeline.spread(k)
    pools = Pools(
        population=population,
        by_person=by_person,
        latency=own_latency,
        archetype=archetype,
        archetype_n=sizes,
        archetype_latency=latency,
        features=found,
        memberships=memberships,
        families=timeline.gains.at(k, population, spread),
        latency_total=timeline.latency[k],
        strength=strength,
        by_person_kind=by_kind,
        spread=spread,
    )
    return pools, membership
