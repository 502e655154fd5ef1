"""Predicting a person's reaction to a failure: hierarchical shrinkage, then the failure's context.

For the reactions r (the eight labels of docs/behavior.md), from the episodes known before the
moment of prediction (all of them without ``--event``):

    population  p0(r)   = (n(r) N_eff / N + alpha / R) / (N_eff + alpha)
                          (N_eff: the episodes' worth as independent ones, from how much
                          the persons differ; alpha by empirical Bayes: ``prior_evidence``)
    archetype   pa(r)   = (sum_q m_qa n_q(r) + kappa_a p0(r)) / (sum_q m_qa N_q + kappa_a)
                          (q: every other person, m_qa their membership in archetype a)
    mixture     pA(r)   = sum_a m_pa pa(r)
    person      pp'(r)  = (n_p'(r) + kappa_p pA(r)) / (N_p' + kappa_p)
                          (their episodes of other kinds of failure than k, what failed;
                          kappa_p estimated per tenant, for the prediction it serves:
                          behavior/strength.py; on a tenant too small to, the packaged one
                          weighs as much as the others' episodes behind pA back it:
                          ``prior_weight``)
    kind prior  pi(r)   ∝ pp'(r) * lk(r) ^ tau
                lk(r)   = ((n_k(r) - n_pk(r) + kappa_c p0(r)) / (n_k - N_pk + kappa_c)) / p0(r)
                          (how failures of kind k went for the other persons)
    this kind   pk(r)   = (n_pk(r) + kappa_k pi(r)) / (N_pk + kappa_k)
                          (their own episodes of kind k on top of that prior; kappa_k =
                          kappa_p, on a tenant too small to test it discounted once more by
                          the others' episodes behind lk; with no kind asked, pk = pp)
    context     lf(r)   = ((n_f(r) + kappa_c p0(r)) / (n_f + kappa_c)) / p0(r)   per other feature f
    prediction  P(r)   ∝ pk(r) * prod_f lf(r) ^ tau

so a person with two episodes leans on their archetypes and the population, and one with many on
their own counts, those after the same kind of failure first (Ingrid escalates after every
timeout and gives feedback after every failed quiz: a timeout predicts escalate). What the
others did after this kind of failure shapes the prior the person's own episodes of it update
(Tom asked for a person after all 3 failed payments, Amara retried all 3 of hers: Tom is
predicted to escalate); the rest of the failure's context (its error, the act that failed,
where in the session, recent failures) tilts the result by how such failures went for
everyone. The strengths and tau are data (``data/behavior.yaml``), but for kappa_p, which is
estimated from the tenant's own episodes when they are enough to say (``PersonStrength``) and
is otherwise the packaged value. The expected latency is shrunk the same way (person ->
archetype -> population means over reactions that happened).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import numpy as np
from pydantic import BaseModel, Field

from persona6.behavior.episodes import Episode, TenantHistory
from persona6.extract.failure import Reaction
from persona6.extract.text import packaged_yaml
from persona6.graph.consolidate import said_act

PRODUCER = "persona6.reactions.v1"
REACTIONS: tuple[str, ...] = tuple(r.value for r in Reaction)
#: A context family is used when its leave-one-out gain is above this: zero, but for rounding
#: (a family whose every feature was seen once has a gain of exactly zero, which sums of
#: logarithms computed in another order give as +-1e-16).
GAIN_FLOOR = 1e-9


@dataclass(frozen=True, slots=True)
class PersonFit:
    """How kappa_p is estimated per tenant (``data/behavior.yaml`` ``person_fit``)."""

    min_persons: int  # persons with at least two known episodes, at least...
    min_episodes: int  # ...and as many of their episodes; fewer: the packaged kappa_p
    low: float  # the clamp: kappa_p is chosen on a grid from low to high
    high: float
    steps_per_doubling: int  # grid points per doubling of kappa_p
    refresh: int  # at a past moment: re-estimated when the known episodes grow by 1/refresh

    def grid(self) -> np.ndarray:
        doublings = math.log2(self.high / self.low)
        steps = max(1, round(doublings * self.steps_per_doubling))
        return self.low * np.exp2(np.linspace(0.0, doublings, steps + 1))


@dataclass(frozen=True, slots=True)
class ModelConfig:
    alpha: float
    kappa_archetype: float
    kappa_person: float
    kappa_context: float
    kappa_latency: float
    temper: float
    max_evidence: int
    person_fit: PersonFit
    population_fit: PersonFit


@cache
def config() -> ModelConfig:
    data = packaged_yaml("behavior.yaml")
    strength = data["strength"]
    fit = data["person_fit"]
    low, high = (float(x) for x in fit["kappa_range"])
    return ModelConfig(
        float(strength["population"]),
        float(strength["archetype"]),
        float(strength["person"]),
        float(strength["context"]),
        float(strength["latency"]),
        float(data["context_temper"]),
        int(data["max_evidence"]),
        PersonFit(
            int(fit["min_persons"]),
            int(fit["min_episodes"]),
            low,
            high,
            int(fit["steps_per_doubling"]),
            int(fit["refresh"]),
        ),
        _population_fit(data["population_fit"]),
    )


def _population_fit(fit: dict[str, Any]) -> PersonFit:
    """alpha's grid (``population_fit``), as kappa_p's: only its range and steps are read."""
    low, high = (float(x) for x in fit["alpha_range"])
    return PersonFit(0, 0, low, high, int(fit["steps_per_doubling"]), 0)


@dataclass(frozen=True, slots=True)
class PersonStrength:
    """kappa_p, the pseudo-episodes of a person's archetype mixture their own counts stand
    against, and what it rests on: ``estimated`` from the tenant's episodes known before
    ``known_before`` (None: all of them; behavior/strength.py), or the packaged default when
    the ``persons`` with at least two episodes, and their ``episodes``, are too few to say."""

    kappa: float
    estimated: bool
    persons: int
    episodes: int
    known_before: str | None = None
    #: fitted for the prediction from what failed only (``--failure``, or nothing named), not
    #: from the failure's whole context (``--event``, the backtest)
    failure_only: bool = False

    @classmethod
    def default(
        cls,
        persons: int = 0,
        episodes: int = 0,
        known_before: str | None = None,
        failure_only: bool = False,
    ) -> PersonStrength:
        """The packaged kappa_p (``strength: person``), with what was too few to estimate it."""
        return cls(config().kappa_person, False, persons, episodes, known_before, failure_only)

    def too_few(self) -> bool:
        """The packaged default for want of episodes to estimate or test it (not because the
        tenant's episodes found it plausible)."""
        fit = config().person_fit
        return not self.estimated and (
            self.persons < fit.min_persons or self.episodes < fit.min_episodes
        )

    def basis(self) -> dict[str, Any]:
        return {
            "value": round(self.kappa, 3),
            "source": "estimated" if self.estimated else "default",
            "persons": self.persons,
            "episodes": self.episodes,
            "known_before": self.known_before,
            "fitted_for": "what failed" if self.failure_only else "the failure's context",
        }


class EpisodeRef(BaseModel):
    """A past failure episode a prediction rests on."""

    failure_event_id: str
    session_id: str
    ts: str = Field(description="When the failure happened.")
    failure: str = Field(description="What failed (the failure name).")
    reaction: str
    latency_s: float | None = None
    act: str = Field(
        "",
        description="The act the reaction was, as the person's failure trait says it "
        "('rollback', 'revert change'); empty when it says no more than the reaction.",
    )
    evidence: list[str] = Field(description="Event ids: the failure and the reaction.")


class Prediction(BaseModel):
    """``persona6 predict --json``: the probability of each reaction, and what it rests on."""

    person_id: str
    distribution: dict[str, float] = Field(description="reaction -> probability (sums to 1).")
    expected_latency_s: float | None = Field(
        description="Expected seconds until the person reacts (None: nothing to go on)."
    )
    basis: dict[str, Any] = Field(
        description="Episode counts per level (person, archetype, population, context)."
    )
    evidence: list[EpisodeRef] = Field(description="The person's past episodes it rests on.")


@dataclass(frozen=True, slots=True)
class Spread:
    """How the known episodes fall to persons, all the population prior needs of it: the
    persons with an episode, sum_q N_q^2 and sum_q sum_r n_q(r)^2 / N_q (their agreement
    with themselves), over persons q with N_q episodes, n_q(r) of them with reaction r."""

    persons: int = 0
    squares: float = 0.0
    agreement: float = 0.0

    @classmethod
    def of(cls, by_person: dict[str, Counter[str]]) -> Spread:
        sizes = {p: sum(c.values()) for p, c in by_person.items()}
        return cls(
            sum(1 for n in sizes.values() if n),
            float(sum(n * n for n in sizes.values())),
            sum(
                sum(v * v for v in c.values()) / sizes[p] for p, c in by_person.items() if sizes[p]
            ),
        )


@dataclass(slots=True)
class Pools:
    """Counts of the episodes known at one moment, per level. ``pools`` fills every person
    and feature; ``timeline.pools_at`` only the person and the features a prediction reads."""

    population: Counter[str]
    by_person: dict[str, Counter[str]]
    latency: dict[str, tuple[float, int]]  # person -> (sum, n)
    archetype: dict[str, Counter[str]]  # weighted counts
    archetype_n: dict[str, float]
    archetype_latency: dict[str, tuple[float, float]]
    features: dict[str, Counter[str]]
    memberships: dict[str, dict[str, float]]
    families: dict[str, float]  # feature family -> mean leave-one-out log-lift (see gains)
    latency_total: tuple[float, int] = (0.0, 0)  # every known episode's: (sum, timed)
    strength: PersonStrength | None = None  # kappa_p; None: the packaged default
    #: kappa_p fitted for a prediction from what failed only (None: ``strength``)
    strength_failure: PersonStrength | None = None
    #: (person, failure feature) -> their reactions after that kind of failure (``KIND``)
    by_person_kind: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    #: how the known episodes fall to persons (the population prior's evidence)
    spread: Spread | None = None


def pools(episodes: Sequence[Episode], memberships: Callable[[str], dict[str, float]]) -> Pools:
    """Aggregate ``episodes`` per person, archetype, population and context feature."""
    population: Counter[str] = Counter()
    by_person: dict[str, Counter[str]] = {}
    latency: dict[str, tuple[float, int]] = {}
    features: dict[str, Counter[str]] = {}
    by_kind: dict[tuple[str, str], Counter[str]] = {}
    for e in episodes:
        population[e.reaction] += 1
        by_person.setdefault(e.person_id, Counter())[e.reaction] += 1
        if e.latency is not None:
            total, n = latency.get(e.person_id, (0.0, 0))
            latency[e.person_id] = (total + e.latency, n + 1)
        for f in e.features:
            features.setdefault(f, Counter())[e.reaction] += 1
            if family(f) == KIND:
                by_kind.setdefault((e.person_id, f), Counter())[e.reaction] += 1
    weights = {p: memberships(p) for p in by_person}
    archetype: dict[str, Counter[str]] = {}
    archetype_n: dict[str, float] = {}
    archetype_latency: dict[str, tuple[float, float]] = {}
    for person, counts in by_person.items():
        total_latency, timed = latency.get(person, (0.0, 0))
        for name, m in weights[person].items():
            pool = archetype.setdefault(name, Counter())
            for r, n in counts.items():
                pool[r] += m * n
            archetype_n[name] = archetype_n.get(name, 0.0) + m * sum(counts.values())
            s, k = archetype_latency.get(name, (0.0, 0.0))
            archetype_latency[name] = (s + m * total_latency, k + m * timed)
    spread = Spread.of(by_person)
    return Pools(
        population,
        by_person,
        latency,
        archetype,
        archetype_n,
        archetype_latency,
        features,
        weights,
        family_gains(episodes, population, features, spread),
        (sum(s for s, _ in latency.values()), sum(n for _, n in latency.values())),
        by_person_kind=by_kind,
        spread=spread,
    )


#: The context family that says what kind of failure it was: a person's own episodes of the
#: kind asked about count before their others (``distribution``).
KIND = "failure"


def family(feature: str) -> str:
    return feature.split(":", 1)[0]


def prior_weight(kappa: float, behind: float) -> float:
    """The weight of a person's prior when it is the packaged kappa_p, ``kappa``, around an
    archetype mixture that itself rests on ``behind`` episodes (the other persons', plus
    alpha), on a tenant whose episodes are too few to estimate kappa_p or test the default
    (``person_fit``): the concentration of the Dirichlet with the same variance as a person's
    reaction probabilities drawn around a mixture so uncertain,

        kappa_eff + 1 = (behind + 1)(kappa + 1) / (behind + kappa + 1)

    (theta ~ Dir(kappa mu), mu ~ Dir(behind mu0): Var theta = mu0 (1 - mu0) (behind + kappa +
    1) / ((behind + 1)(kappa + 1))). Many episodes behind it: kappa itself (1,000 behind, 20
    gives 19.6); the 7 others' episodes of a small tenant: 5.5, so a person's own 2 of 2 lead
    (W11: Ingrid's self_fix after both sync failures was third behind the two other persons'
    habits, escalate and retry). Where the tenant's episodes were enough to test kappa_p, it
    is used as it is, estimated or found plausible: chosen for how well it predicted the
    tenant's own episodes, this uncertainty included."""
    return (behind + 1.0) * (kappa + 1.0) / (behind + kappa + 1.0) - 1.0


def person_level(
    own: Counter[str],
    same_kind: Counter[str],
    kappa: float,
    mixture: dict[str, float],
    tilt: dict[str, float] | None = None,
    kind_kappa: float | None = None,
) -> dict[str, float]:
    """pk: the person's episodes of other kinds under the archetype mixture (pp'), tilted by
    how failures like this one went for the others (``tilt``: the product of the context's
    lifts, one per reaction; None: no tilt), then their own episodes of this kind on top of
    that prior, which weighs ``kind_kappa`` (None: ``kappa``). ``same_kind`` empty and no tilt
    give pp itself."""
    other = {r: own[r] - same_kind[r] for r in REACTIONS}
    other_n = sum(other.values())
    prior = {r: (other[r] + kappa * mixture[r]) / (other_n + kappa) for r in REACTIONS}
    if tilt is not None:
        prior = _normalise({r: prior[r] * tilt[r] for r in REACTIONS})
    kind_n = sum(same_kind.values())
    weight = kappa if kind_kappa is None else kind_kappa
    return {r: (same_kind[r] + weight * prior[r]) / (kind_n + weight) for r in REACTIONS}


def family_gains(
    episodes: Sequence[Episode],
    population: Counter[str],
    features: dict[str, Counter[str]],
    spread: Spread | None = None,
) -> dict[str, float]:
    """Per feature family (failure, error, act, ...), how much its lift helped predict the past:
    the mean over episodes of ln(lift of the actual reaction), each episode left out of the
    counts it is scored by. Noise scores below zero; a family is used only above zero."""
    cfg = config()
    big_n = sum(population.values())
    if big_n < 2:
        return {}
    prior = population_prior(population, spread)
    totals: dict[str, float] = {}
    counts: Counter[str] = Counter()
    sizes = {f: sum(c.values()) for f, c in features.items()}
    for e in episodes:
        p0 = prior[e.reaction]
        for f in e.features:
            n_f = sizes[f] - 1
            q = (features[f][e.reaction] - 1 + cfg.kappa_context * p0) / (n_f + cfg.kappa_context)
            name = family(f)
            totals[name] = totals.get(name, 0.0) + math.log(q / p0)
            counts[name] += 1
    return {name: totals[name] / counts[name] for name in totals}


def _normalise(values: dict[str, float]) -> dict[str, float]:
    total = sum(values.values())
    return {r: v / total for r, v in values.items()}


def clustering(population: Counter[str], spread: Spread) -> float:
    """rho, the share of the reactions' variance that lies between persons (the intra-class
    correlation of one-way ANOVA on the reaction indicators; 1 / (s + 1) for persons' reaction
    probabilities drawn from a Dirichlet of concentration s around the population's). Clipped
    to [0, 1]; where the episodes cannot say (fewer than 2 persons, or none with two episodes)
    the packaged kappa_p's, 1 / (kappa_p + 1): how much persons differ, as assumed elsewhere."""
    n = sum(population.values())
    persons = spread.persons
    if persons < 2 or n <= persons:
        return 1.0 / (config().kappa_person + 1.0)
    pooled = sum(c * c for c in population.values()) / n
    between = max(0.0, spread.agreement - pooled) / (persons - 1)
    within = max(0.0, n - spread.agreement) / (n - persons)
    size = (n - spread.squares / n) / (persons - 1)
    total = between + (size - 1.0) * within
    if total <= 0.0:
        return 0.0  # every episode the same reaction: nothing differs between persons
    return min(1.0, max(0.0, (between - within) / total))


def prior_evidence(population: Counter[str], spread: Spread | None) -> tuple[float, float]:
    """(N_eff, alpha): how many independent episodes the population's counts are worth, and
    the strength of the uniform prior under them.

    One person's episodes are not independent draws of the population's reactions: with
    rho (``clustering``) their design effect is 1 + (m - 1) rho, m = sum_q N_q^2 / N, so the
    counts are worth N_eff = N / (1 + (m - 1) rho): few persons, few effective episodes
    whatever their number (at most persons / rho). alpha is then the empirical-Bayes
    strength of the uniform prior: the value of the grid (``population_fit``) that maximises
    the evidence of the effective counts c(r) = n(r) N_eff / N under a symmetric Dirichlet,

        ln G(alpha) - ln G(N_eff + alpha) + sum_r [ln G(c(r) + alpha / R) - ln G(alpha / R)]

    (G the gamma function; ties to the smaller). Counts spread over many reactions in few
    effective episodes call for a broad prior; many that agree, for the packaged one (the
    grid's lower end)."""
    cfg = config()
    n = sum(population.values())
    if spread is None or n == 0:
        return float(n), cfg.alpha
    rho = clustering(population, spread)
    n_eff = n / (1.0 + (spread.squares / n - 1.0) * rho)
    # rounded: the prefix indexes sum the same floats in another order (timeline.py)
    return n_eff, _alpha(tuple(round(population.get(r, 0) * n_eff / n, 9) for r in REACTIONS))


@lru_cache(maxsize=4096)
def _alpha(counts: tuple[float, ...]) -> float:
    grid = config().population_fit.grid()
    total, size = sum(counts), len(counts)
    best, found = -math.inf, float(grid[0])
    for a in grid:
        a = float(a)
        ll = math.lgamma(a) - math.lgamma(total + a)
        ll += sum(math.lgamma(c + a / size) - math.lgamma(a / size) for c in counts)
        if ll > best + 1e-12:
            best, found = ll, a
    return found


def population_prior(population: Counter[str], spread: Spread | None = None) -> dict[str, float]:
    """p0: the population's reaction counts under a uniform prior, p0(r) = (c(r) + alpha / R)
    / (N_eff + alpha), as much as the persons behind them are evidence (``prior_evidence``);
    with no ``spread``, the counts as they are under the packaged alpha."""
    n_eff, alpha = prior_evidence(population, spread)
    big_n = sum(population.values())
    scale = n_eff / big_n if big_n else 1.0
    return {
        r: (population[r] * scale + alpha / len(REACTIONS)) / (n_eff + alpha) for r in REACTIONS
    }


def archetype_mixture(
    own: Counter[str],
    own_weights: dict[str, float],
    membership: dict[str, float],
    archetype: dict[str, Counter[str]],
    archetype_n: dict[str, float],
    p0: dict[str, float],
) -> tuple[dict[str, float], dict[str, float]]:
    """pA, the person's archetype mixture, and each archetype's pooled episodes without them:
    ``own`` their counts, which entered the pools with ``own_weights`` (their memberships
    there), and ``membership`` the memberships the mixture weighs the archetypes by."""
    cfg = config()
    own_n = sum(own.values())
    mixture = dict.fromkeys(REACTIONS, 0.0)
    pooled: dict[str, float] = {}
    for name, m in membership.items():
        # Leave the person out of their own archetype pools: their counts enter once, below.
        left = own_weights.get(name, 0.0)
        pool = archetype.get(name, Counter())
        n_a = archetype_n.get(name, 0.0) - left * own_n
        pooled[name] = round(max(0.0, n_a), 3)
        for r in REACTIONS:
            count = max(0.0, pool[r] - left * own[r])
            pa = (count + cfg.kappa_archetype * p0[r]) / (max(0.0, n_a) + cfg.kappa_archetype)
            mixture[r] += m * pa
    if not membership:
        mixture = dict(p0)
    return _normalise(mixture), pooled


def distribution(
    pools_: Pools, person_id: str, membership: dict[str, float], features: Iterable[str]
) -> tuple[dict[str, float], dict[str, Any]]:
    """The predicted distribution and the counts each level contributed."""
    cfg = config()
    big_n = sum(pools_.population.values())
    p0 = population_prior(pools_.population, pools_.spread)
    own = pools_.by_person.get(person_id, Counter())
    own_n = sum(own.values())
    own_weights = pools_.memberships.get(person_id, {})
    mixture, pooled = archetype_mixture(
        own, own_weights, membership, pools_.archetype, pools_.archetype_n, p0
    )
    features = tuple(features)
    strength = pools_.strength or PersonStrength.default()
    if pools_.strength_failure is not None and all(family(f) == KIND for f in features):
        # Fitted for this prediction: without the rest of the context, whose features single
        # out a person's own episodes too (their card, their error text), their counts must
        # carry what those did.
        strength = pools_.strength_failure
    kappa = strength.kappa
    if strength.too_few():
        # The packaged kappa_p, set where the prior is known from hundreds of episodes, on a
        # tenant too small to test it: the prior is only as sure as the others' episodes.
        kappa = prior_weight(kappa, big_n - own_n + cfg.alpha)
    kinds = [f for f in features if family(f) == KIND]
    # One failure, one kind.
    same_kind = pools_.by_person_kind.get((person_id, kinds[0]), Counter()) if kinds else Counter()
    kind_logits = dict.fromkeys(REACTIONS, 0.0)  # what failed: tilts the prior
    logits = dict.fromkeys(REACTIONS, 0.0)  # the rest of the context: tilts the result
    used: dict[str, int] = {}
    theirs: dict[str, int] = {}
    ignored: list[str] = []
    for f in features:
        counts = pools_.features.get(f)
        used[f] = n_f = sum(counts.values()) if counts else 0
        if not counts or pools_.families.get(family(f), 0.0) <= GAIN_FLOOR:
            ignored.append(f)  # unseen, or a kind of context that did not help on past episodes
            continue
        own_f, target = Counter(), logits
        if family(f) == KIND:
            # The others' episodes of this kind: the person's own are counted once, above the
            # prior they tilt (pk).
            own_f, target = same_kind, kind_logits
        theirs[f] = n_o = n_f - sum(own_f.values())
        for r in REACTIONS:
            q = (counts[r] - own_f[r] + cfg.kappa_context * p0[r]) / (n_o + cfg.kappa_context)
            target[r] += cfg.temper * math.log(q / p0[r])
    top = max(kind_logits.values())
    tilt = {r: math.exp(v - top) for r, v in kind_logits.items()}
    kind_kappa = kappa
    if strength.too_few() and kinds and kinds[0] in theirs:
        # The prior for this kind of failure is the mixture tilted by the others' episodes
        # of it, no surer than they are (with kappa_c): the same discount, one level down.
        kind_kappa = prior_weight(kappa, theirs[kinds[0]] + cfg.kappa_context)
    person = person_level(own, same_kind, kappa, mixture, tilt, kind_kappa)
    for r in REACTIONS:
        logits[r] += math.log(person[r])
    top = max(logits.values())
    final = _normalise({r: math.exp(v - top) for r, v in logits.items()})
    basis = {
        "person": {
            "episodes": own_n,
            "reactions": dict(sorted(own.items())),
            "kappa": strength.basis(),
            # what the prior weighs at the person level: kappa_p; on a tenant too small to test
            # the packaged one, as much as the others' episodes behind the prior back it
            "prior_weight": round(kappa, 3),
            # and at the kind level: on such a tenant, discounted again by the others'
            # episodes of this kind that tilt it
            "kind_prior_weight": round(kind_kappa, 3),
            "same_kind": {
                "failure": kinds[0].split(":", 1)[1] if kinds else None,
                "episodes": sum(same_kind.values()),
                "reactions": dict(sorted(same_kind.items())),
            },
        },
        "archetype": {
            "membership": {k: round(v, 4) for k, v in membership.items()},
            "episodes": pooled,
        },
        "population": {"episodes": big_n, "reactions": dict(sorted(pools_.population.items()))},
        # features: the past episodes with each; tilting: those its lift is made of (for what
        # failed, the other persons' only: the person's own of that kind are counted in pk)
        "context": {"features": used, "tilting": theirs, "ignored": ignored},
    }
    return final, basis


def expected_latency(pools_: Pools, person_id: str, membership: dict[str, float]) -> float | None:
    cfg = config()
    total, n = pools_.latency_total
    if n == 0:
        return None
    mu0 = total / n
    own_sum, own_n = pools_.latency.get(person_id, (0.0, 0))
    own_weights = pools_.memberships.get(person_id, {})
    mixture = 0.0
    for name, m in membership.items():
        left = own_weights.get(name, 0.0)
        s, k = pools_.archetype_latency.get(name, (0.0, 0.0))
        s, k = max(0.0, s - left * own_sum), max(0.0, k - left * own_n)
        mixture += m * (s + cfg.kappa_latency * mu0) / (k + cfg.kappa_latency)
    if not membership:
        mixture = mu0
    return (own_sum + cfg.kappa_latency * mixture) / (own_n + cfg.kappa_latency)


@dataclass(frozen=True, slots=True)
class _EvidenceIndex:
    """A person's episodes (in failure-time order) as ``evidence_for`` reads them."""

    failure_ts: list[str]
    known_times: list[str]  # the distinct moments episodes became known, ascending
    known_rank: np.ndarray  # per episode, its moment's index in known_times
    ts_rank: np.ndarray  # dense rank of the failure time (equal times, equal rank)
    features: np.ndarray  # episodes x most features: feature ids, the last id pads
    ids: dict[str, int]


def _evidence_index(history: TenantHistory, person_id: str) -> _EvidenceIndex:
    person = history.person(person_id)
    found = person.memo.get("evidence")
    if found is None:
        episodes = person.episodes
        ids: dict[str, int] = {}
        for e in episodes:
            for f in e.features:
                ids.setdefault(f, len(ids))
        width = max((len(e.features) for e in episodes), default=0)
        rows = np.full((len(episodes), max(1, width)), len(ids), dtype=np.int64)
        for i, e in enumerate(episodes):
            rows[i, : len(e.features)] = [ids[f] for f in e.features]
        times = [e.failure_ts for e in episodes]
        known = [max(e.resolved_at, e.failure_ts) for e in episodes]
        known_times = sorted(set(known))
        at = {t: n for n, t in enumerate(known_times)}
        ranks = {t: n for n, t in enumerate(sorted(set(times)))}
        found = person.memo["evidence"] = _EvidenceIndex(
            times,
            known_times,
            np.array([at[t] for t in known], dtype=np.int64),
            np.array([ranks[t] for t in times], dtype=np.int64),
            rows,
            ids,
        )
    return found


def habit(counts: dict[str, int]) -> str | None:
    """A person's habit among their reaction ``counts``: their most frequent reaction, seen at
    least twice and more often than any other; None without one (the brief's and
    ``predict``'s "their own" line)."""
    mine = sorted(counts.items(), key=lambda rc: (-rc[1], rc[0]))
    if mine and mine[0][1] >= 2 and (len(mine) == 1 or mine[1][1] < mine[0][1]):
        return mine[0][0]
    return None


def _known(history: TenantHistory, person_id: str, cutoff: str | None) -> np.ndarray:
    """The positions of the person's episodes known before ``cutoff`` (None: all)."""
    index = _evidence_index(history, person_id)
    if cutoff is None:
        return np.arange(len(index.failure_ts))
    # failed before the cut-off, and the reaction known before it too
    end = bisect_left(index.failure_ts, cutoff)
    return np.flatnonzero(index.known_rank[:end] < bisect_left(index.known_times, cutoff))


def acts_said(history: TenantHistory, person_id: str, cutoff: str | None) -> dict[str, str]:
    """Per reaction, the act the person's known episodes of it were, as their failure trait
    says it (the graph's ``said_act``: "switch (rollback firmware, ...)"); reactions whose
    acts say no more than the reaction are left out."""
    episodes = history.person(person_id).episodes
    acts: dict[str, Counter[str]] = {}
    for i in _known(history, person_id, cutoff):
        e = episodes[int(i)]
        acts.setdefault(e.reaction, Counter())[e.act] += 1
    said = {r: said_act(r, dict(counts)) for r, counts in acts.items()}
    return {r: act for r, act in sorted(said.items()) if act}


def evidence_for(
    history: TenantHistory, person_id: str, cutoff: str | None, features: Sequence[str]
) -> list[EpisodeRef]:
    """The person's past episodes (known before ``cutoff``), those sharing most of the
    failure's context first, then the newest: the first ``max_evidence`` of the known episodes
    sorted by (shared features, failure time), descending and stable, as ``heapq.nlargest``
    would give them (a test checks it), counted and ranked by numpy."""
    episodes = history.person(person_id).episodes
    index = _evidence_index(history, person_id)
    limit = config().max_evidence
    past = _known(history, person_id, cutoff)
    if not features or not len(past):
        chosen = [int(i) for i in past[-limit:][::-1]]  # newest first (episodes in time order)
    else:
        wanted = np.zeros(len(index.ids) + 1, dtype=bool)
        wanted[[index.ids[f] for f in features if f in index.ids]] = True
        shared = wanted[index.features[past]].sum(axis=1)
        # Descending (shared, failure time), then ascending position (a stable reverse sort),
        # as one integer key: the top ``limit`` are partitioned out, then sorted.
        size = len(episodes) + 1
        key = (shared * size + index.ts_rank[past]) * size + (size - 1 - past)
        top = np.argpartition(-key, limit - 1)[:limit] if len(key) > limit else np.arange(len(key))
        chosen = [int(past[j]) for j in top[np.argsort(-key[top])]]
    return [
        EpisodeRef(
            failure_event_id=e.failure_event_id,
            session_id=e.session_id,
            ts=e.failure_ts,
            failure=e.failure_name,
            reaction=e.reaction,
            latency_s=None if e.latency is None else round(e.latency, 3),
            act=said_act(e.reaction, {e.act: 1}),
            evidence=list(e.evidence_ids),
        )
        for e in (episodes[i] for i in chosen)
    ]


def predict(
    history: TenantHistory,
    pools_: Pools,
    person_id: str,
    membership: dict[str, float],
    *,
    features: Sequence[str] = (),
    cutoff: str | None = None,
    extra_basis: dict[str, Any] | None = None,
) -> Prediction:
    dist, basis = distribution(pools_, person_id, membership, features)
    # what their reactions were, where the act says more than the reaction (as in ``show``)
    basis["person"]["acts"] = acts_said(history, person_id, cutoff)
    latency = expected_latency(pools_, person_id, membership)
    if extra_basis:
        basis["context"].update(extra_basis)
    return Prediction(
        person_id=person_id,
        distribution={r: round(p, 6) for r, p in sorted(dist.items(), key=lambda x: -x[1])},
        expected_latency_s=None if latency is None else round(latency, 3),
        basis=basis,
        evidence=evidence_for(history, person_id, cutoff, features),
    )
