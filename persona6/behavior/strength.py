"""kappa_p per tenant: how much a person's own counts count, estimated from the tenant's episodes.

The person level of the prediction (behavior/predict.py) is pp'(r) = (n_p'(r) + kappa_p pA(r))
/ (N_p' + kappa_p) over the person's episodes of other kinds of failure, and pk(r) = (n_pk(r) +
kappa_p pi(r)) / (N_pk + kappa_p) over their episodes of the kind that failed, pi being pp'
tilted by the other persons' episodes of that kind. A fixed kappa_p cannot suit every tenant:
where people are consistent (each always reacts their own way) their own few episodes should
weigh much; where they all react alike, little. So kappa_p is chosen, empirical Bayes, as the
value that predicted the tenant's own episodes best: on a grid (``person_fit`` in
``data/behavior.yaml``: 2 to 1024, a factor √2 apart, which is also the clamp), the one
maximising

    sum over episodes e of persons with two or more episodes  ln P_-e(r_e | kappa_p)

where P_-e is the whole prediction for e (person, kind, archetype mixture, context lifts, as
``distribution`` computes it) with e left out of the person's counts and of its context
features' counts (the kind's lift leaves out all of the person's episodes of it, as the
prediction does). Leave-one-out rather than next-episode because it uses every episode of every
person once, whatever their order, from the counts alone; a person with one episode says
nothing about kappa_p (with no other episode of theirs, it cancels) and is left out. The
archetype mixture and the context lifts do not depend on kappa_p, so they are computed once and
the grid costs a few numpy passes over the episodes. Ties go to the smallest kappa_p; and
when the packaged default is still plausible (within 1.92 of the best log-likelihood), it is
kept: episodes that cannot tell values apart do not move it to the end of a flat curve
(``_plausible``).

It is fitted for the prediction it serves. A stored failure (``--event``, the backtest) is
predicted from its whole context, whose error text and failed act often single out a person's
own episodes as well as their counts do (their card, their bank's error); a prediction from what
failed only (``--failure``, or nothing named: the brief) has only their counts to carry that,
and gets its own fit (``failure_only``: the lifts of what failed only), made from all episodes.

Episodes of one session are not independent looks at a person: a user who hits the same
error four times in one session and retries each time has shown one reaction once, repeated.
Left out one episode at a time, the other three of its session would predict it, and a tenant
of such repetitions would call for a tiny kappa_p (the clamp, 2: the Greenberg traces' small
tenants did). So the scored episode takes with it, out of its person's counts, as much of the
rest of its session as episodes of one session repeat each other: rho_s, the intra-class
correlation of sessions nested in persons (``session_clustering``; 0: leave one episode out,
as before; 1: leave its whole session out). Count sessions, not repetitions: a person says
something about kappa_p when their episodes are worth two independent ones, N_p / (1 + (m_p -
1) rho_s) >= 2 (m_p = sum over their sessions of N_v^2 / N_p), as the population prior
counts persons (``predict.prior_evidence``).

With fewer than ``min_persons`` persons having two or more episodes, or fewer than
``min_episodes`` of their episodes, the data cannot say, and the packaged kappa_p (``strength:
person``) is used; the prediction's ``basis.person.kappa`` reports which, and on how much.

At a past moment (``predict --event``, the backtest) kappa_p comes from the episodes known
before it only: from the last **checkpoint** strictly before it. With k episodes known at the
cut-off t, the checkpoint is the largest s <= k - 1 of the fixed sequence 0, 1, 2, ...,
s + max(1, s // refresh), ... and its estimate is made at the moment the s-th known episode
became known (< t), from everything known before that moment; so nothing at or after t is
read, and each checkpoint is estimated once per graph version (``StrengthLine``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import numpy as np

from persona6.behavior.episodes import Episode
from persona6.behavior.predict import (
    GAIN_FLOOR,
    KIND,
    REACTIONS,
    PersonStrength,
    Pools,
    archetype_mixture,
    config,
    family,
    population_prior,
)
from persona6.behavior.timeline import ArchetypePools, Timeline

_INDEX = {r: i for i, r in enumerate(REACTIONS)}
#: Episodes scored at once (their episodes x grid x reactions array is about 5 MB).
BLOCK = 4096
#: Log-likelihood below the best that a value of kappa_p may be and stay plausible: half the
#: 95% quantile of chi-squared with one degree of freedom (as the linking shift, model.py).
PLAUSIBLE = 1.92


def fit_strength(
    reactions: np.ndarray,
    persons: np.ndarray,
    features: np.ndarray,
    used: np.ndarray,
    kinds: np.ndarray,
    mixtures: np.ndarray,
    p0: np.ndarray,
    known_before: str | None = None,
    *,
    failure_only: bool = False,
    sessions: np.ndarray | None = None,
) -> PersonStrength:
    """kappa_p from the known episodes (see the module docstring).

    ``reactions``, ``persons``: per episode, the index of its reaction (in REACTIONS) and of
    its person (a row of ``mixtures``); ``features``: per episode, its context feature ids,
    padded with ``len(used)``; ``used``: per feature id, whether its family is used (gain above
    zero); ``kinds``: per feature id, whether it says what failed (the ``KIND`` family);
    ``mixtures``: per person, pA (only the rows of persons with two or more episodes are
    read); ``p0``: the population prior; ``sessions``: per episode, the index of its session
    (None: each episode its own session). An episode is scored with itself and rho_s of the
    rest of its session left out of its person's counts (``session_clustering``), and only
    persons whose episodes are worth two independent ones say anything about kappa_p."""
    cfg = config()
    fit = cfg.person_fit
    width = len(REACTIONS)
    if sessions is None:
        sessions = np.arange(len(reactions), dtype=np.int64)
    own = np.zeros((len(mixtures), width))
    np.add.at(own, (persons, reactions), 1.0)
    # the person's sessions with episodes: a session's episodes are one look at the person
    span = int(sessions.max(initial=0)) + 1
    visits, visit_of = np.unique(persons * span + sessions, return_inverse=True)
    person_of_visit = visits // span
    visit = np.zeros((len(visits), width))
    np.add.at(visit, (visit_of, reactions), 1.0)
    rho = session_clustering(own, visit, person_of_visit)
    # each person's episodes worth as independent ones: N_p / (1 + (m_p - 1) rho), m_p =
    # sum_v N_v^2 / N_p over their sessions v
    sizes = own.sum(axis=1)
    squares = np.bincount(person_of_visit, visit.sum(axis=1) ** 2, minlength=len(mixtures))
    worth = sizes / (1.0 + (squares / np.maximum(sizes, 1.0) - 1.0) * rho)
    several = worth >= 2.0 - 1e-9
    n_persons, n_episodes = int(several.sum()), int(sizes[several].sum())
    if n_persons < fit.min_persons or n_episodes < fit.min_episodes:
        return PersonStrength.default(n_persons, n_episodes, known_before, failure_only)
    rows = np.flatnonzero(several[persons])
    y = reactions[rows]
    onehot = np.zeros((len(rows), width))
    onehot[np.arange(len(rows)), y] = 1.0
    pad = len(used)
    reaction_of = np.broadcast_to(reactions[:, None], features.shape)
    counts = np.zeros((pad + 1, width))
    np.add.at(counts, (features, reaction_of), 1.0)
    totals = counts.sum(axis=1)
    # Each person's episodes of each kind of failure: the scored episode's kind is lifted by the
    # other persons' episodes of it (the person's own count in pk), its other features by every
    # episode but itself, as ``distribution`` does.
    is_kind = np.append(kinds, False)[features]
    has_kind, column = is_kind.any(axis=1), is_kind.argmax(axis=1)
    kind_of = np.where(has_kind, features[np.arange(len(features)), column], pad)
    pairs, pair_of = np.unique(persons * (pad + 1) + kind_of, return_inverse=True)
    mine = np.zeros((len(pairs), width))
    np.add.at(mine, (pair_of, reactions), 1.0)
    same = np.where(has_kind[rows, None], mine[pair_of[rows]], 0.0)
    # Left out of the person's counts: the scored episode and, as far as episodes of one
    # session repeat each other (rho), the rest of its session: of all kinds and of its kind.
    looks, look_of = np.unique(visit_of * (pad + 1) + kind_of, return_inverse=True)
    visit_kind = np.zeros((len(looks), width))
    np.add.at(visit_kind, (look_of, reactions), 1.0)
    left_all = onehot + rho * (visit[visit_of[rows]] - onehot)
    left_kind = np.where(
        has_kind[rows, None], onehot + rho * (visit_kind[look_of[rows]] - onehot), 0.0
    )
    usable = np.append(used, False)  # the padding id is never used
    lift = np.zeros((len(rows), width))  # the context but what failed: tilts the result
    kind_lift = np.zeros((len(rows), width))  # what failed: tilts the prior
    kc = cfg.kappa_context
    for j, column_ids in enumerate(features[rows].T):
        kept = np.flatnonzero(usable[column_ids])
        if not len(kept):
            continue
        f = column_ids[kept]
        kind = is_kind[rows[kept], j]
        left = np.where(kind[:, None], same[kept], onehot[kept])
        q = (counts[f] - left + kc * p0) / (totals[f] - left.sum(axis=1) + kc)[:, None]
        step = cfg.temper * np.log(q / p0)
        lift[kept[~kind]] += step[~kind]
        kind_lift[kept[kind]] += step[kind]
    kind_lift = np.exp(kind_lift - kind_lift.max(axis=1, keepdims=True))
    other = own[persons[rows]] - same - (left_all - left_kind)
    same -= left_kind  # the scored episode's session left out of its kind
    prior = mixtures[persons[rows]]
    grid = fit.grid()
    ll = np.zeros(len(grid))
    for start in range(0, len(rows), BLOCK):  # episodes x grid x reactions, a block at a time
        part = slice(start, start + BLOCK)
        g = grid[None, :, None]
        # pp' (other kinds under the mixture) tilted by the others' episodes of this kind, then
        # pk (the person's own of this kind on top), then the rest of the context
        base = (other[part, None, :] + g * prior[part, None, :]) * kind_lift[part, None, :]
        base /= base.sum(axis=2, keepdims=True)
        logits = np.log(same[part, None, :] + g * base) + lift[part, None, :]
        top = logits.max(axis=2, keepdims=True)
        norm = top[:, :, 0] + np.log(np.exp(logits - top).sum(axis=2))
        chosen = np.take_along_axis(logits, y[part, None, None], axis=2)[:, :, 0]
        ll += (chosen - norm).sum(axis=0)
    return _plausible(grid, ll, n_persons, n_episodes, known_before, failure_only)


def session_clustering(own: np.ndarray, visit: np.ndarray, person_of_visit: np.ndarray) -> float:
    """rho_s, how much episodes of one session repeat each other beyond the person's habit:
    the intra-class correlation of sessions nested in persons (one-way ANOVA on the reaction
    indicators, as ``predict.clustering`` does for persons),

        MSB = (A_v - A_p) / (V - P),  MSW = (N - A_v) / (N - V),
        n0 = (N - sum_p sum_(v in p) N_v^2 / N_p) / (V - P),
        rho_s = (MSB - MSW) / (MSB + (n0 - 1) MSW), clipped to [0, 1]

    over the P persons' V sessions with episodes (``own``: per person, ``visit``: per session,
    the reaction counts; A = sum sum_r n(r)^2 / N over persons or sessions). 0 where the
    episodes cannot say (no person with two sessions, or no session with two episodes): each
    episode counts once, as before."""
    n = float(own.sum())
    sizes, visit_sizes = own.sum(axis=1), visit.sum(axis=1)
    persons, visits = int((sizes > 0).sum()), len(visit_sizes)
    if visits - persons < 1 or n - visits < 1:
        return 0.0
    a_p = float(((own**2).sum(axis=1)[sizes > 0] / sizes[sizes > 0]).sum())
    a_v = float(((visit**2).sum(axis=1) / visit_sizes).sum())
    between = max(0.0, a_v - a_p) / (visits - persons)
    within = max(0.0, n - a_v) / (n - visits)
    squares = np.bincount(person_of_visit, visit_sizes**2, minlength=len(sizes))
    size = (n - float((squares[sizes > 0] / sizes[sizes > 0]).sum())) / (visits - persons)
    total = between + (size - 1.0) * within
    if total <= 0.0:
        return 0.0
    return min(1.0, max(0.0, (between - within) / total))


def _plausible(
    grid: np.ndarray,
    ll: np.ndarray,
    n_persons: int,
    n_episodes: int,
    known_before: str | None,
    failure_only: bool = False,
) -> PersonStrength:
    """The kappa_p the episodes call for: the best of the grid (the first of equal maxima, the
    smallest), unless the packaged default is still plausible, within ``PLAUSIBLE`` of the
    best log-likelihood (an approximate 95% likelihood interval): then the default. Episodes
    that cannot tell values apart keep the default instead of the end of a flat curve (four
    people's eleven episodes gave the clamp, 1024, within 0.01 of 45 and 1.9 of 20: an
    integrator's review, 2026-11-27)."""
    default = config().kappa_person
    plausible = grid[ll >= ll.max() - PLAUSIBLE]
    if plausible.min() <= default <= plausible.max():
        return PersonStrength.default(n_persons, n_episodes, known_before, failure_only)
    best = float(grid[int(np.argmax(ll))])
    return PersonStrength(best, True, n_persons, n_episodes, known_before, failure_only)


def _feature_matrix(rows: Sequence[Sequence[int]], pad: int) -> np.ndarray:
    width = max((len(r) for r in rows), default=0)
    matrix = np.full((len(rows), max(1, width)), pad, dtype=np.int64)
    for i, ids in enumerate(rows):
        matrix[i, : len(ids)] = ids
    return matrix


def strength_of(
    pools_: Pools,
    episodes: Sequence[Episode],
    known_before: str | None = None,
    *,
    failure_only: bool = False,
) -> PersonStrength:
    """kappa_p from ``episodes`` and the ``pools`` of exactly those episodes (the reference:
    ``StrengthLine`` gives the same from the prefix indexes; a test checks it).
    ``failure_only``: for the prediction that knows what failed and nothing else of the
    context (``predict --failure``, or no failure named), not the failure's whole context."""
    p0 = population_prior(pools_.population, pools_.spread)
    ids = {f: i for i, f in enumerate(pools_.features)}
    used = np.array([pools_.families.get(family(f), 0.0) > GAIN_FLOOR for f in ids], dtype=bool)
    kinds = np.array([family(f) == KIND for f in ids], dtype=bool)
    if failure_only:
        used &= kinds
    people = {p: i for i, p in enumerate(pools_.by_person)}
    mixtures = np.tile([p0[r] for r in REACTIONS], (len(people), 1))
    for person_id, i in people.items():
        if sum(pools_.by_person[person_id].values()) >= 2:
            weights = pools_.memberships.get(person_id, {})
            mixture, _ = archetype_mixture(
                pools_.by_person[person_id],
                weights,
                weights,
                pools_.archetype,
                pools_.archetype_n,
                p0,
            )
            mixtures[i] = [mixture[r] for r in REACTIONS]
    return fit_strength(
        np.array([_INDEX[e.reaction] for e in episodes], dtype=np.int64),
        np.array([people[e.person_id] for e in episodes], dtype=np.int64),
        _feature_matrix([[ids[f] for f in e.features] for e in episodes], len(ids)),
        used,
        kinds,
        mixtures,
        np.array([p0[r] for r in REACTIONS]),
        known_before,
        failure_only=failure_only,
        sessions=_sessions(episodes),
    )


def _sessions(episodes: Sequence[Episode]) -> np.ndarray:
    """Per episode, the index of its session (in order of first appearance)."""
    ids: dict[str, int] = {}
    return np.array([ids.setdefault(e.session_id, len(ids)) for e in episodes], dtype=np.int64)


def checkpoints(n: int, refresh: int) -> list[int]:
    """The checkpoint counts below ``n``: 0, 1, 2, ..., s + max(1, s // refresh), ..."""
    found, s = [], 0
    while s < n:
        found.append(s)
        s += max(1, s // refresh)
    return found


class StrengthLine:
    """kappa_p at any cut-off for one taxonomy, from the prefix indexes (module docstring)."""

    def __init__(self, timeline: Timeline, archetypes: ArchetypePools):
        self.t = timeline
        self.archetypes = archetypes
        episodes = timeline.episodes
        self.people = {p: i for i, p in enumerate(timeline.lines)}
        ids: dict[str, int] = {}
        rows = [[ids.setdefault(f, len(ids)) for f in e.features] for e in episodes]
        names: dict[str, int] = {}
        self.family_of = np.array(
            [names.setdefault(family(f), len(names)) for f in ids], dtype=np.int64
        )
        self.families = list(names)  # family id -> name
        self.kinds = np.array([family(f) == KIND for f in ids], dtype=bool)
        self.reactions = np.array([_INDEX[e.reaction] for e in episodes], dtype=np.int64)
        self.persons = np.array([self.people[e.person_id] for e in episodes], dtype=np.int64)
        self.sessions = _sessions(episodes)
        self.features = _feature_matrix(rows, len(ids))
        self.marks = checkpoints(len(episodes), config().person_fit.refresh)
        self.cache: dict[str | None, PersonStrength] = {}

    def at(self, cutoff: str | None) -> PersonStrength:
        """kappa_p for a prediction at ``cutoff`` (None: now, from every episode)."""
        t = self.t
        if cutoff is None:
            moment = None
        else:
            k = t.known(cutoff)
            if k == 0:
                return PersonStrength.default(known_before=cutoff)
            moment = t.times[self.marks[bisect_right(self.marks, k - 1) - 1]]
        found = self.cache.get(moment)
        if found is None:
            found = self.cache[moment] = self._estimate(moment)
        return found

    def _estimate(self, moment: str | None) -> PersonStrength:
        t = self.t
        k = t.known(moment)
        population, spread = t.population(k), t.spread(k)
        p0 = population_prior(population, spread)
        archetype, sizes, _ = self.archetypes.at(moment, k)
        persons = self.persons[:k]
        mixtures = np.tile([p0[r] for r in REACTIONS], (len(self.people), 1))
        known = np.bincount(persons, minlength=len(self.people))
        for person_id, i in self.people.items():
            if known[i] < 2:
                continue
            counts, _, _ = t.lines[person_id].at(k)
            weights = self.archetypes.membership(person_id, moment)
            mixture, _ = archetype_mixture(counts, weights, weights, archetype, sizes, p0)
            mixtures[i] = [mixture[r] for r in REACTIONS]
        gains = t.gains.at(k, population, spread)
        helped = np.array([gains.get(n, 0.0) > GAIN_FLOOR for n in self.families], dtype=bool)
        used = helped[self.family_of]
        return fit_strength(
            self.reactions[:k],
            persons,
            self.features[:k],
            used,
            self.kinds,
            mixtures,
            np.array([p0[r] for r in REACTIONS]),
            moment,
            sessions=self.sessions[:k],
        )
