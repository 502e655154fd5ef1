"""The linking model: per-block similarities -> per-family log-likelihood ratios -> calibrated
probabilities over the candidates and "a new person".

For an anonymous actor ``q`` and a known person ``p``, each block ``b`` (features.py) that both
have gives a similarity ``s_b`` in [0, 1]. The model reads them as

    LLR(q, p) = c + sum_b w_b * (s_b - m_b)

the log-likelihood ratio of "q is p" against "q is someone else": ``m_b`` is the mean
similarity of block ``b`` between different people, so evidence as similar as a stranger's adds
nothing, and a block one side lacks adds nothing either. ``w_b >= 0`` and ``c`` come from a
class-balanced L2 logistic regression on pairs of the tenant's own data (``fit_weights``: each
held-out session against its person's other sessions, and against other people), which makes
``c + w.x`` the log-likelihood ratio. The per-family contribution reported with each candidate
is the sum of ``w_b * (s_b - m_b)`` over the family's blocks.

The posterior over the known persons ``K`` (``N`` of them) and "new" is Bayes' rule with a
temperature ``T`` that undoes the optimism of adding correlated blocks as if independent:

    P(p)   ∝ (1 - prior_new) / N * exp(LLR(q, p) / T)
    P(new) ∝ prior_new

``T`` (and how it follows the query's evidence size) and a shift of ``c`` are fitted
(``fit_sized_calibration``) by minimising the negative log-likelihood of the backtest's
outcomes: the scale on known persons' sessions, the shift on those and on new persons' (held
out, or a session with its own person taken out of the candidates), so the probabilities are
calibrated on the tenant's own people; ``prior_new`` is a setting. Without a fitted model the
shipped defaults apply (``default_model``), fitted the same way on the synthetic generator's
people, with the constant moved as far as the tenant's own known persons require
(``backtest.shipped_shift``, ``plausible_shift``).
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

from persona6.identity.features import (
    BAG_DIMS,
    BAGS,
    BLOCK_FAMILY,
    BLOCKS,
    CHARGRAM_BITS,
    COMPARISON,
    DENSE_DIMS,
    FAMILIES,
    Profile,
)

Vector = NDArray[np.float64]


@lru_cache(maxsize=1 << 18)
def bucket(block: str, label: str) -> int:
    if block == "chargrams":
        return int(label)  # already hashed (features.chargram_buckets)
    # crc32, not hash(): Python salts str hashes per process, and vectors must be reproducible.
    return zlib.crc32(label.encode("utf-8")) % BAG_DIMS[block]


def _compact(values: Sequence[float]) -> dict[str, Any] | list[float]:
    """An idf list as stored: the most common value once and the others by bucket (the
    character n-gram block has 65,536 buckets, most of them unseen in a small tenant)."""
    if len(values) < 4096:
        return list(values)
    common = max(values)  # never seen: the largest idf
    others = {str(i): v for i, v in enumerate(values) if v != common}
    if len(others) > len(values) // 3:  # most buckets seen: the plain list is smaller
        return list(values)
    return {"size": len(values), "default": common, "values": others}


def _expand(block: str, stored: Any) -> list[float]:
    if isinstance(stored, list):
        values = [float(v) for v in stored]
    else:
        values = [float(stored["default"])] * int(stored["size"])
        for i, v in stored["values"].items():
            values[int(i)] = float(v)
    if len(values) != BAG_DIMS[block]:  # a model of another bucket layout: no idf for it
        return []
    return values


#: Stands for the idf in the text ``LinkModel.model_id`` digests, until its serialization is set in.
_IDF_MARK = "\x00persona6 idf\x00"
#: idf object id -> (the idf, its serialization, a digest of that): kept for the models in use.
_IDF_JSON: dict[int, tuple[dict[str, list[float]], str, str]] = {}


def _idf_serialized(idf: dict[str, list[float]]) -> tuple[str, str]:
    """(``json.dumps`` of the idf as ``to_json`` stores it (sorted keys), a digest of it), once
    per idf object: a tenant's shifted model (``linking.shifted``) shares its base's idf, and
    serializing 65,536 buckets again cost each shift measured about 10 ms."""
    kept = _IDF_JSON.get(id(idf))
    if kept is not None and kept[0] is idf:
        return kept[1], kept[2]
    text = json.dumps({k: _compact(v) for k, v in idf.items()}, sort_keys=True)
    key = hashlib.blake2b(text.encode(), digest_size=8).hexdigest()
    if len(_IDF_JSON) >= 8:  # a handful of models live at once (shipped, fitted, tests)
        _IDF_JSON.pop(next(iter(_IDF_JSON)))
    _IDF_JSON[id(idf)] = (idf, text, key)
    return text, key


def idf_key(idf: dict[str, list[float]]) -> str:
    """A digest of the idf as stored: what vectors depend on in a model (``vectorize`` reads
    only the idf), so what a saved index and kept session rows are made for
    (``snapshot.vectors_key``). The stored form is exact (``_compact``): equal idfs, equal
    keys, and no two idfs share one but by a collision of 64 bits."""
    return _idf_serialized(idf)[1]


@dataclass(frozen=True)
class LinkModel:
    """Fitted parameters; ``to_json``/``from_json`` store it in ``identity_models``.

    The calibration is ``scale(size) = exp(size_slope * (size - size_ref)) / temperature``:
    how much an LLR means depends on how much evidence the query carries (``Vectors.size``,
    the log of what it typed and did), because block similarities of a few words are noisier
    than those of a page. ``size_slope = 0`` is a plain temperature.
    """

    weights: dict[str, float]  # block -> w_b >= 0
    stranger: dict[str, float]  # block -> m_b
    constant: float  # c
    temperature: float = 1.0
    prior_new: float = 0.2
    idf: dict[str, list[float]] = field(default_factory=dict)  # bag -> idf per bucket
    fitted_on: dict[str, Any] = field(default_factory=dict)  # what data, when, how many pairs
    size_slope: float = 0.0
    size_ref: float = 0.0
    #: Weight of the separation of the closest candidates (separation.py); 0: none.
    separation: float = 0.0

    @cached_property
    def model_id(self) -> str:
        """A digest of ``to_json`` (sorted keys). The idf's part is serialized once per idf
        object (``_idf_serialized``) and set into the rest. The text digested is the same as
        ``json.dumps(self.to_json(), sort_keys=True)``."""
        head = {**self.to_json(idf=False), "idf": _IDF_MARK}
        text = json.dumps(head, sort_keys=True)
        mark = json.dumps(_IDF_MARK)
        if text.count(mark) == 1:
            text = text.replace(mark, _idf_serialized(self.idf)[0])
        else:  # the mark said elsewhere too (in fitted_on, say): the whole, as it was
            text = json.dumps(self.to_json(), sort_keys=True)
        return "lm_" + hashlib.blake2b(text.encode(), digest_size=6).hexdigest()

    @cached_property
    def idf_arrays(self) -> dict[str, Vector]:
        return {k: np.asarray(v, dtype=np.float64) for k, v in self.idf.items()}

    def scale(self, size: float | None = None) -> float:
        """What an LLR is multiplied by before the softmax, for a query of this size."""
        if size is None or not self.size_slope:
            return 1.0 / self.temperature
        # Within a factor of e^1.5 of a typical query's: sizes far outside those fitted on
        # are not extrapolated.
        exponent = max(-1.5, min(1.5, self.size_slope * (size - self.size_ref)))
        return math.exp(exponent) / self.temperature

    def to_json(self, *, idf: bool = True) -> dict[str, Any]:
        """As stored; without the idf (``idf=False``) for ``model_id``, which sets it in."""
        extra = {"separation": self.separation} if self.separation else {}
        return {
            **extra,
            "weights": self.weights,
            "stranger": self.stranger,
            "constant": self.constant,
            "temperature": self.temperature,
            "prior_new": self.prior_new,
            "size_slope": self.size_slope,
            "size_ref": self.size_ref,
            **({"idf": {k: _compact(v) for k, v in self.idf.items()}} if idf else {}),
            "fitted_on": self.fitted_on,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LinkModel:
        return cls(
            weights={k: float(v) for k, v in data["weights"].items()},
            stranger={k: float(v) for k, v in data["stranger"].items()},
            constant=float(data["constant"]),
            temperature=float(data.get("temperature", 1.0)),
            prior_new=float(data.get("prior_new", 0.2)),
            idf={k: _expand(k, v) for k, v in data.get("idf", {}).items()},
            fitted_on=dict(data.get("fitted_on", {})),
            size_slope=float(data.get("size_slope", 0.0)),
            size_ref=float(data.get("size_ref", 0.0)),
            separation=float(data.get("separation", 0.0)),
        )

    def with_calibration(
        self,
        temperature: float,
        prior_new: float,
        *,
        shift: float = 0.0,
        size_slope: float | None = None,
        size_ref: float | None = None,
    ) -> LinkModel:
        slope = self.size_slope if size_slope is None else size_slope
        ref = self.size_ref if size_ref is None else size_ref
        return replace(
            self,
            constant=round(self.constant + shift, 5),
            temperature=temperature,
            prior_new=prior_new,
            fitted_on={
                **self.fitted_on,
                "temperature": temperature,
                "prior_new": prior_new,
                "size_slope": slope,
            },
            size_slope=slope,
            size_ref=ref,
        )

    # -- scoring --------------------------------------------------------------------------

    def llr(self, sims: Mapping[str, float]) -> tuple[float, dict[str, float]]:
        """(total LLR, per-family contributions) from the blocks both sides have."""
        families = dict.fromkeys(FAMILIES, 0.0)
        for block, value in sims.items():
            families[BLOCK_FAMILY[block]] += self.weights.get(block, 0.0) * (
                value - self.stranger.get(block, 0.0)
            )
        return self.constant + sum(families.values()), families


@dataclass(slots=True)
class Vectors:
    """A profile made ready for comparison: per block a unit vector (bags: sparse, as sorted
    bucket indices and values) or a mean (surface, rhythm)."""

    dense: dict[str, Vector]
    sparse: dict[str, tuple[NDArray[np.int32], NDArray[np.float32]]]
    size: float = 0.0  # log(1 + everything counted in the bags): how much evidence

    def has(self, block: str) -> bool:
        return block in self.dense or block in self.sparse

    def blocks(self) -> list[str]:
        return [b for b in BLOCKS if self.has(b)]


def vectorize(profile: Profile, model: LinkModel | None = None) -> Vectors:
    """The comparable form of a profile; bags are hashed and weighted by the model's idf.

    A bag's vector is the log of its counts, except in the content family (words, what the
    actor says of themselves, claims), where it is the log of the count *per session*: what
    someone talks about in a typical session, so a word said in every one of 30 sessions stands
    well above one said once, where the log of the sums would bring them within a factor of
    five. (Measured: LoCoMo top-1 0.915 -> 0.943; on command and character bags the per-session
    form loses, Greenberg 0.922 -> 0.826, so they keep the log of the sums.) A single
    session's vector is the same either way."""
    dense: dict[str, Vector] = {}
    sparse: dict[str, tuple[NDArray[np.int32], NDArray[np.float32]]] = {}
    idf = model.idf_arrays if model is not None else {}
    sessions = float(max(profile.sessions, 1))
    for block in BLOCKS:
        how = COMPARISON[block]
        if block in BAGS:
            bag = profile.bags.get(block)
            if not bag or (block == "chargrams" and profile.chargram_bits != CHARGRAM_BITS):
                continue
            counts = np.fromiter(bag.values(), dtype=np.float64, count=len(bag))
            if block == "chargrams":  # labels are bucket numbers already
                raw = np.array(list(bag), dtype=np.str_).astype(np.int64)
            else:
                raw = np.fromiter((bucket(block, x) for x in bag), dtype=np.int64, count=len(bag))
            positive = counts > 0
            if not positive.any():
                continue
            raw, counts = raw[positive], counts[positive]
            found, inverse = np.unique(raw, return_inverse=True)
            indices = found.astype(np.int32)
            scaled = counts / sessions if BLOCK_FAMILY[block] == "content" else counts
            values = np.bincount(inverse, weights=np.log1p(scaled), minlength=len(found))
            if len(idf.get(block, ())):
                values *= idf[block][indices]
            norm = float(np.linalg.norm(values))
            if norm > 0:
                sparse[block] = (indices, (values / norm).astype(np.float32))
            continue
        weight = profile.weights.get(block, 0.0)
        if weight <= 0 or block not in profile.dense:
            continue
        mean = np.asarray(profile.dense[block], dtype=np.float64) / weight
        if how == "sqrt":
            vector = np.sqrt(np.clip(mean, 0.0, None))
            norm = float(np.linalg.norm(vector))
            if norm > 0:
                dense[block] = vector / norm
        else:
            dense[block] = mean
    return Vectors(dense, sparse, evidence_size(profile))


def evidence_size(profile: Profile) -> float:
    """log(1 + everything the bags counted): characters' n-grams, words, commands, steps..."""
    return math.log1p(sum(sum(bag.values()) for bag in profile.bags.values()))


def sparse_dot(
    a: tuple[NDArray[np.int32], NDArray[np.float32]],
    b: tuple[NDArray[np.int32], NDArray[np.float32]],
) -> float:
    if len(a[0]) > len(b[0]):
        a, b = b, a
    if not len(a[0]) or not len(b[0]):
        return 0.0
    at = np.minimum(np.searchsorted(b[0], a[0]), len(b[0]) - 1)
    hit = b[0][at] == a[0]
    return float(np.dot(a[1][hit].astype(np.float64), b[1][at[hit]]))


def similarities(query: Vectors, candidate: Vectors) -> dict[str, float]:
    """Block -> similarity in [0, 1], for the blocks both have."""
    sims: dict[str, float] = {}
    for block, q in query.sparse.items():
        p = candidate.sparse.get(block)
        if p is not None:
            sims[block] = min(1.0, max(0.0, sparse_dot(q, p)))
    for block, qd in query.dense.items():
        pd = candidate.dense.get(block)
        if pd is not None:
            sims[block] = block_similarity(block, qd, pd)
    return sims


def block_similarity(block: str, q: Vector, p: Vector) -> float:
    return float(block_similarities(block, q, p))


def block_similarities(block: str, q: Vector, p: NDArray[np.floating]) -> NDArray[np.floating]:
    """The similarity of ``q`` to ``p``, or to each row of ``p`` (a matrix of candidates)."""
    how = COMPARISON[block]
    if how in ("sqrt", "log"):
        return np.clip(p @ q, 0.0, 1.0)
    if how == "canberra":
        scale = np.abs(q) + np.abs(p)
        terms = np.divide(np.abs(q - p), scale, out=np.zeros_like(scale), where=scale > 0)
        return 1.0 - terms.mean(axis=-1)
    return 1.0 / (1.0 + np.abs(q - p).mean(axis=-1))  # closeness of means


# -- posterior ----------------------------------------------------------------------------


def posterior(
    llrs: Sequence[float],
    known: int,
    model: LinkModel,
    rest: float | None = None,
    size: float | None = None,
    kinds: Sequence[float] | None = None,
    contexts: Sequence[float] | None = None,
) -> tuple[list[float], float]:
    """(probability of each candidate, probability of a new person).

    ``known`` is how many persons could have been candidates; those not scored are assumed no
    more likely than ``rest`` (default: the lowest LLR scored), so their share of the mass is
    counted but not shown. ``size`` is the query's ``Vectors.size`` (see ``LinkModel.scale``).

    ``kinds``, each candidate's behaviour and context contribution, bounds what those two
    families can say against a new person (``kind_bounded``): the probability of a new person
    is the one the bounded LLRs give, and the known persons share the rest as the full LLRs
    say, so which known person is the likeliest does not change. ``contexts``, the context
    part of each kind, lifts a candidate on its own at most to even odds with a new person.
    """
    probs, new, _ = bounded_posterior(llrs, known, model, rest, size, kinds, contexts)
    return probs, new


def bounded_posterior(
    llrs: Sequence[float],
    known: int,
    model: LinkModel,
    rest: float | None = None,
    size: float | None = None,
    kinds: Sequence[float] | None = None,
    contexts: Sequence[float] | None = None,
) -> tuple[list[float], float, list[float]]:
    """``posterior``, and the bounded LLRs it gave the new person's probability from (the LLRs
    as they are without ``kinds``): a link's explanation says how far a candidate was held
    back (``linking.kind_evidence``) from the very ones its probability came from."""
    probs, new = _posterior(llrs, known, model, rest, size)
    if kinds is None or not len(llrs):
        return probs, new, list(llrs)
    bounded = kind_bounded(llrs, kinds, model.constant, known)
    if contexts is not None:
        parity = even_odds(bounded, known, model, rest, size)
        bounded = kind_bounded(llrs, kinds, model.constant, known, contexts=contexts, parity=parity)
    _, held = _posterior(bounded, known, model, rest, size)
    if held <= new:
        return probs, new, bounded
    share = (1.0 - held) / max(1e-12, 1.0 - new)
    return [p * share for p in probs], held, bounded


def even_odds(
    llrs: Sequence[float],
    known: int,
    model: LinkModel,
    rest: float | None = None,
    size: float | None = None,
) -> list[float]:
    """For each candidate, the LLR at which it is as likely as a new person less the other
    known persons (at ``llrs``, those not scored at ``rest``, as ``_posterior`` counts them):
    there a new person is as likely as all known persons together, and no candidate reaches
    probability 0.5. Where the others take more than half of a new person's odds, half of
    them is left (the candidate then shares the known persons' part with them)."""
    prior_known = max(1e-12, 1.0 - model.prior_new) / max(known, 1)
    scale = model.scale(size)
    top = max(llrs) * scale
    masses = [math.exp(v * scale - top) for v in llrs]
    unseen = max(known - len(llrs), 0)
    floor = min(llrs) if rest is None else rest
    total = sum(masses) + unseen * math.exp(floor * scale - top)
    # a new person's odds against one known person, in the units of ``masses``
    new = max(model.prior_new, 1e-12) / prior_known * math.exp(-top)
    return [(math.log(max(new - (total - m), new / 2)) + top) / scale for m in masses]


def kind_bounded(
    llrs: Sequence[float],
    kinds: Sequence[float],
    constant: float,
    known: int,
    *,
    contexts: Sequence[float] | None = None,
    parity: Sequence[float] | None = None,
) -> list[float]:
    """The LLRs with what behaviour and context say bounded by how common the query's kind of
    customer is among the tenant's known persons.

    Behaviour and context (device, time zone, time of day, the product's own flows) say what
    kind of customer someone is, and every customer of that kind shares them. With texture and
    content at a typical stranger's level, a candidate's LLR is ``constant + kind``; it is
    bounded by ``log((known + 2) / (alike + 2))``, ``alike`` the other candidates whose
    ``kind`` is at least the candidate's. The known persons show that kind in ``alike + 1`` of
    ``known``, so the chance that someone else is of it is at least ``(alike + 2) / (known +
    2)`` (Laplace's rule of succession): the tenant's persons cannot show it rarer. Texture and
    content (and the people met in the session) are added as they are. On a tenant of 5
    persons, where one shops on Android in the US-Eastern evening with a coupon, a stranger
    doing the same can be her at most 3.5 times as likely as anyone else (it was about 900
    times: the shipped weights were fitted on synthetic people whose device and hours told
    them apart); on a tenant of 10,000 the bound is 5,000, and how the kind spreads over many
    candidates decides.

    ``contexts`` (the context part of each ``kind``: device, OS, locale, client) with
    ``parity`` (``even_odds``, per candidate): a context value one known person has is no
    evidence that the actor is a known person at all, since new people have it too, at a rate
    the tenant's known persons cannot show (they are not the people who may come: an iPhone is
    one in six of a course's six students, and about half of the phones of its next ones). So
    context on its own lifts a candidate at most to even odds of the known persons with a new
    person (to no decision at the threshold of 0.5): ``constant + kind`` is bounded by
    ``max(constant + kind - context, parity)`` too, what the rest of the kind says or even
    odds, whichever is higher (first-user review 9: a newcomer on iOS came out as the
    tenant's one iOS user at 0.647, from context +5.37). It tells known persons apart as before.
    """
    ordered = sorted(kinds)
    bounded = []
    shares = contexts if contexts is not None and parity is not None else [0.0] * len(kinds)
    evens = parity if parity is not None else [0.0] * len(kinds)
    for llr, kind, context, even in zip(llrs, kinds, shares, evens, strict=True):
        alike = len(ordered) - bisect.bisect_left(ordered, kind) - 1
        bound = math.log((max(known, 1) + 2) / (alike + 2))
        if context > 0:
            bound = min(bound, max(constant + kind - context, even))
        bounded.append(llr - max(0.0, constant + kind - bound))
    return bounded


def _posterior(
    llrs: Sequence[float],
    known: int,
    model: LinkModel,
    rest: float | None = None,
    size: float | None = None,
) -> tuple[list[float], float]:
    prior_known = max(1e-12, 1.0 - model.prior_new) / max(known, 1)
    scale = model.scale(size)
    scores = np.asarray(llrs, dtype=np.float64) * scale
    logs = list(scores + math.log(prior_known))
    unseen = max(known - len(llrs), 0)
    if unseen and len(llrs):
        floor = (min(llrs) if rest is None else rest) * scale
        logs.append(floor + math.log(prior_known * unseen))
    logs.append(math.log(max(model.prior_new, 1e-12)))
    values = np.asarray(logs)
    top = values.max()
    probs = np.exp(values - top)
    probs /= probs.sum()
    return [float(p) for p in probs[: len(llrs)]], float(probs[-1])


# -- fitting ------------------------------------------------------------------------------


def fit_weights(
    features: Vector, labels: Vector, l2: float = 1.0, iterations: int = 50
) -> tuple[Vector, float]:
    """Class-balanced L2 logistic regression with non-negative weights (IRLS).

    ``features`` is (pairs, blocks) of ``s_b - m_b`` (0 where a side lacks the block). Returns
    (weights, intercept). A block whose weight comes out negative is dropped and the rest refit:
    a block cannot make two people less likely to be one by being more alike.
    """
    n, d = features.shape
    positives = max(float(labels.sum()), 1.0)
    negatives = max(float(n - labels.sum()), 1.0)
    sample = np.where(labels > 0, n / (2 * positives), n / (2 * negatives))
    active = np.ones(d, dtype=bool)
    weights = np.zeros(d)
    intercept = 0.0
    for _ in range(d + 1):
        x = np.hstack([np.ones((n, 1)), features[:, active]])
        beta = np.zeros(x.shape[1])
        penalty = np.full(x.shape[1], l2)
        penalty[0] = 0.0
        for _ in range(iterations):
            z = np.clip(x @ beta, -30, 30)
            p = 1.0 / (1.0 + np.exp(-z))
            gradient = x.T @ (sample * (p - labels)) + penalty * beta
            hessian = (x * (sample * p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
            step = np.linalg.solve(hessian, gradient)
            beta -= step
            if float(np.abs(step).max()) < 1e-7:
                break
        weights = np.zeros(d)
        weights[active] = beta[1:]
        intercept = float(beta[0])
        if (weights >= 0).all():
            break
        active &= weights > 0
    return np.clip(weights, 0.0, None), intercept


def fit_ranking(groups: Sequence[tuple[Vector, int]], l2: float = 1e-4, steps: int = 600) -> Vector:
    """Non-negative block weights of a conditional logit: for each training session, the
    softmax over its candidates (rows of ``features``: ``s_b - m_b``) should pick the true one
    (``index``). This is the objective linking is judged by (the right person first, with a
    probability to match), unlike a per-pair fit that treats every stranger alike. Projected
    Adam; the objective is convex, so the start does not matter."""
    d = groups[0][0].shape[1]
    width = max(len(f) for f, _ in groups)
    stacked = np.zeros((len(groups), width, d))
    valid = np.zeros((len(groups), width), dtype=bool)
    truth = np.zeros((len(groups), d))
    for g, (features, index) in enumerate(groups):
        stacked[g, : len(features)] = features
        valid[g, : len(features)] = True
        truth[g] = features[index]
    w = np.full(d, 0.5)
    m = np.zeros(d)
    v = np.zeros(d)
    for step in range(1, steps + 1):
        z = np.where(valid, stacked @ w, -np.inf)
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        expected = np.einsum("gc,gcd->gd", p, stacked)
        gradient = 2 * l2 * w + (expected - truth).mean(axis=0)
        m = 0.9 * m + 0.1 * gradient
        v = 0.999 * v + 0.001 * gradient**2
        w -= 0.1 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
        w = np.clip(w, 0.0, None)
    return w


def fit_calibration(
    outcomes: Sequence[tuple[Sequence[float], int | None, int]],
    prior_model: LinkModel,
    new_share: float | None = None,
) -> tuple[float, float]:
    """The temperature (and constant shift) minimising the outcomes' negative log-likelihood.

    Each outcome is (candidate LLRs, index of the true person among them or None for a new
    person, how many persons were known). ``prior_new`` stays as the model has it: it is the
    product's base rate of new people, a setting, not something a backtest can see. Outcomes
    of new people are weighted so that they make up ``new_share`` (default ``prior_new``) of
    the total, whatever share of the backtest they were. Returns (temperature, shift): the
    shift is added to the model's constant (it sets how strange a stranger must look), and is
    only fitted when new people are among the outcomes. A grid search: two parameters, a
    smooth objective, no local minimum to fall into.
    """
    if not outcomes:
        return prior_model.temperature, 0.0
    width = max(len(o[0]) for o in outcomes) + 1
    llrs = np.full((len(outcomes), width), -np.inf)
    known = np.zeros(len(outcomes))
    truth = np.zeros(len(outcomes), dtype=np.int64)
    is_new = np.zeros(len(outcomes), dtype=bool)
    for i, (values, index, count) in enumerate(outcomes):
        llrs[i, : len(values)] = values
        known[i] = max(count, 1)
        if index is None:
            is_new[i] = True
        else:
            truth[i] = index if index < len(values) else -1
    share = prior_model.prior_new if new_share is None else new_share
    weights = np.ones(len(outcomes))
    if is_new.any() and (~is_new).any():
        weights[is_new] = share / (1 - share) * (~is_new).sum() / is_new.sum()
    prior_known = np.log(max(1e-12, 1.0 - prior_model.prior_new)) - np.log(known)
    log_new = math.log(max(prior_model.prior_new, 1e-12))
    best, best_loss = (prior_model.temperature, 0.0), math.inf
    shifts = np.linspace(-15.0, 15.0, 61) if is_new.any() else np.zeros(1)
    for temperature, shift in ((t, s) for t in np.geomspace(0.1, 30.0, 120) for s in shifts):
        logits = (llrs + shift) / temperature + prior_known[:, None]
        full = np.concatenate([logits, np.full((len(outcomes), 1), log_new)], axis=1)
        top = full.max(axis=1, keepdims=True)
        norm = top[:, 0] + np.log(np.exp(full - top).sum(axis=1))
        picked = np.where(
            is_new,
            log_new,
            np.where(truth >= 0, logits[np.arange(len(outcomes)), np.maximum(truth, 0)], -30.0),
        )
        loss = float((weights * (norm - picked)).sum())
        if loss < best_loss:
            best_loss, best = loss, (float(temperature), float(shift))
    return best


#: How strongly the calibration's scale is held to the LLRs as fitted, in outcomes.
SCALE_PRIOR_OUTCOMES = 2.0


@dataclass(frozen=True, slots=True)
class Calibration:
    temperature: float
    shift: float  # added to the model's constant
    size_slope: float
    size_ref: float


def fit_sized_calibration(
    outcomes: Sequence[tuple[Sequence[float], int | None, int, float]],
    prior_model: LinkModel,
    new_share: float | None = None,
    steps: int = 1500,
) -> Calibration:
    """Temperature, shift and how the scale follows the query's evidence size.

    Outcomes are (candidate LLRs, index of the truth or None for new, persons known, query
    ``Vectors.size``). ``logit = exp(a + b * (size - ref)) * (LLR + shift) + log prior``, in
    two steps, because the two questions rest on very different numbers of outcomes:

    1. the scale (``a``, ``b``): which known person, from the outcomes of known persons
       alone, as a softmax over their candidates (the prior of "new" plays no part). A grid
       gives the plain temperature, gradient descent on the negative log-likelihood refines
       it with ``b`` (lightly penalised, so it stays 0 when size tells nothing). ``ref`` is
       the median size, so ``a`` is the log scale of a typical query.
    2. the shift: known or new, on every outcome with the scale held (a grid). Fitted
       jointly, the few held-out persons of a backtest would flatten every probability to
       make strangers look new.
    """
    known_outcomes = [o for o in outcomes if o[1] is not None]
    # Which known person is a question among the candidates alone: no "new" in its softmax.
    closed = replace(prior_model, prior_new=1e-12)
    temperature, _ = fit_calibration([o[:3] for o in known_outcomes], closed)
    sizes = np.array([float(o[3]) for o in outcomes]) if outcomes else np.zeros(0)
    ref = float(np.median(sizes)) if len(sizes) else 0.0
    slope = 0.0
    if known_outcomes:
        sized = len(known_outcomes) >= 20 and float(sizes.std()) >= 1e-6
        temperature, slope = _fit_scale(outcomes, temperature, ref, steps, sized)
    shift = _fit_shift(outcomes, prior_model, temperature, slope, ref, new_share)
    return Calibration(round(temperature, 5), round(shift, 5), round(slope, 5), round(ref, 4))


def _outcome_arrays(
    outcomes: Sequence[tuple[Sequence[float], int | None, int, float]],
) -> tuple[Vector, NDArray[np.bool_], Vector, NDArray[np.bool_], Vector]:
    """(LLRs padded, which are real, one-hot truth with "new" last, which are new, known)."""
    n = len(outcomes)
    width = max(len(o[0]) for o in outcomes)
    llrs = np.zeros((n, width))
    valid = np.zeros((n, width), dtype=bool)
    target = np.zeros((n, width + 1))
    is_new = np.zeros(n, dtype=bool)
    known = np.zeros(n)
    for i, (values, index, count, _) in enumerate(outcomes):
        llrs[i, : len(values)] = values
        valid[i, : len(values)] = True
        known[i] = max(count, 1)
        if index is None:
            is_new[i] = True
            target[i, width] = 1.0
        elif index < len(values):
            target[i, index] = 1.0
    return llrs, valid, target, is_new, known


#: The grid of constant shifts the calibration chooses from.
SHIFT_GRID = np.linspace(-15.0, 15.0, 301)


def _fit_shift(
    outcomes: Sequence[tuple[Sequence[float], int | None, int, float]],
    prior_model: LinkModel,
    temperature: float,
    slope: float,
    ref: float,
    new_share: float | None,
) -> float:
    """The constant's shift minimising the weighted negative log-likelihood of every outcome
    (new persons making up ``new_share``) at a fixed scale; 0 without new persons."""
    if not outcomes or all(o[1] is not None for o in outcomes):
        return 0.0
    losses = shift_losses(outcomes, prior_model, temperature, slope, ref, new_share)
    return float(SHIFT_GRID[int(np.argmin(losses))])


def shift_losses(
    outcomes: Sequence[tuple[Sequence[float], int | None, int, float]],
    prior_model: LinkModel,
    temperature: float,
    slope: float,
    ref: float,
    new_share: float | None = None,
) -> Vector:
    """The weighted negative log-likelihood of the outcomes (known and new persons, the new
    ones making up ``new_share``, default ``prior_model.prior_new``) at each shift of
    ``SHIFT_GRID`` added to their LLRs, the scale held."""
    llrs, valid, target, is_new, known = _outcome_arrays(outcomes)
    sizes = np.array([float(o[3]) for o in outcomes])
    share = prior_model.prior_new if new_share is None else new_share
    weights = np.where(target.sum(axis=1) > 0, 1.0, 0.0)
    if (~is_new).any() and is_new.any():
        weights[is_new] = share / (1 - share) * (~is_new).sum() / is_new.sum()
    scale = np.exp(np.clip(slope * (sizes - ref), -1.5, 1.5)) / temperature
    prior_known = np.log(max(1e-12, 1.0 - prior_model.prior_new)) - np.log(known)
    log_new = math.log(max(prior_model.prior_new, 1e-12))
    losses = np.empty(len(SHIFT_GRID))
    for i, shift in enumerate(SHIFT_GRID):
        logits = np.where(valid, scale[:, None] * (llrs + shift) + prior_known[:, None], -np.inf)
        full = np.concatenate([logits, np.full((len(outcomes), 1), log_new)], axis=1)
        top = full.max(axis=1, keepdims=True)
        logp = full - top - np.log(np.exp(full - top).sum(axis=1, keepdims=True))
        losses[i] = -float((weights * (target * np.where(target > 0, logp, 0.0)).sum(axis=1)).sum())
    return losses


#: Half the 95% quantile of chi-square with one degree of freedom: the shifts whose negative
#: log-likelihood is within this of the best one form an approximate 95% likelihood interval.
PLAUSIBLE_LOSS = 1.92


def plausible_shift(
    outcomes: Sequence[tuple[Sequence[float], int | None, int, float]], model: LinkModel
) -> tuple[float, float]:
    """(the shift of ``model``'s constant nearest 0 that the outcomes leave plausible, the
    best-fitting shift), at the model's own scale.

    The shift is 0 when it lies in the approximate 95% likelihood interval of the fitted one
    (its loss within ``PLAUSIBLE_LOSS`` of the best), else the end of that interval nearest 0:
    a constant fitted elsewhere moves only as far as these outcomes require, so a handful of
    sessions cannot move it further than they show, and outcomes that agree with it leave it
    as it is. Both are 0 without known and new outcomes to weigh.
    """
    if not any(o[1] is None for o in outcomes) or all(o[1] is None for o in outcomes):
        return 0.0, 0.0
    losses = shift_losses(outcomes, model, model.temperature, model.size_slope, model.size_ref)
    best = int(np.argmin(losses))
    inside = np.flatnonzero(losses <= losses[best] + PLAUSIBLE_LOSS)
    nearest = inside[int(np.argmin(np.abs(SHIFT_GRID[inside])))]
    moved = (
        0.0 if SHIFT_GRID[inside].min() <= 0.0 <= SHIFT_GRID[inside].max() else SHIFT_GRID[nearest]
    )
    return float(moved), float(SHIFT_GRID[best])


def _fit_scale(
    outcomes: Sequence[tuple[Sequence[float], int | None, int, float]],
    temperature: float,
    ref: float,
    steps: int,
    sized: bool,
) -> tuple[float, float]:
    """(temperature, size slope) by gradient descent on the known persons' outcomes, each a
    softmax over its candidates alone (the slope stays 0 unless ``sized``). The log scale is
    held towards 0 (the LLRs as fitted) by ``SCALE_PRIOR_OUTCOMES`` outcomes' worth: a few
    sessions that all came out right would otherwise drive the scale without bound (the
    likelihood of separable outcomes grows with it), and every probability to 1."""
    outcomes = [o for o in outcomes if o[1] is not None]
    sizes = np.array([float(o[3]) for o in outcomes])
    llrs, valid, target, _, _ = _outcome_arrays(outcomes)
    width = llrs.shape[1]
    target = target[:, :width]
    weights = np.where(target.sum(axis=1) > 0, 1.0, 0.0)
    weights /= max(weights.sum(), 1e-12)
    z = sizes - ref
    theta = np.array([-math.log(temperature), 0.0])
    penalty = 1e-3
    hold = SCALE_PRIOR_OUTCOMES / max(float((target.sum(axis=1) > 0).sum()), 1.0)
    m = np.zeros(2)
    v = np.zeros(2)
    for step in range(1, steps + 1):
        a, b = theta
        scale = np.exp(np.clip(a + b * z, -10, 10))
        logits = np.where(valid, scale[:, None] * llrs, -np.inf)
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        g = weights[:, None] * (probs - target)  # d loss / d logit
        d_scale = (g * np.where(valid, llrs, 0.0)).sum(axis=1) * scale
        gradient = np.array(
            [
                d_scale.sum() + 2 * hold * a,
                (d_scale * z).sum() + 2 * penalty * b if sized else 0.0,
            ]
        )
        m = 0.9 * m + 0.1 * gradient
        v = 0.999 * v + 0.001 * gradient**2
        theta -= 0.02 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return math.exp(-float(theta[0])), float(theta[1])


def idf_from(profiles: Sequence[Profile]) -> dict[str, list[float]]:
    """Smoothed inverse document frequency of each hashed bucket over ``profiles`` (the
    backtest passes history sessions: a word every session has says nothing of who)."""
    idf: dict[str, list[float]] = {}
    total = len(profiles)
    for block in BAGS:
        df = np.zeros(BAG_DIMS[block])
        for profile in profiles:
            buckets = {
                bucket(block, label) for label, n in profile.bags.get(block, {}).items() if n
            }
            for b in buckets:
                df[b] += 1
        idf[block] = [round(float(v), 4) for v in np.log((1 + total) / (1 + df)) + 1.0]
    return idf


def dense_layout() -> dict[str, int]:
    """Block -> width of its vector (bags hashed)."""
    return {b: BAG_DIMS[b] if b in BAGS else DENSE_DIMS[b] for b in BLOCKS}
