"""Scoring an anonymous actor against known persons: exact per-candidate LLRs, candidate
generation through the index, and the weak-context term for the people met in a session.

**Co-presence.** Two actors who act in one session are not the same person: a known person who
acted in one of the actor's sessions is ruled out. An anonymous co-actor is not known, so its
own candidate distribution ``P_B`` (scored without this term) stands in for it; candidate ``i``
then gets the context LLR

    log( (P_B(new) + sum_{j != i} P_B(j) * r_i(j)) / (P_B(new) + sum_j P_B(j)) )

where ``r_i(j) = psi_i(j) / psi_0(j)`` is how much more often ``i`` has been seen with ``j`` than
people are in general (``psi_i(j) = (c_ij + a psi_0(j)) / (n_i + a)``, ``c_ij`` sessions ``i``
shared with ``j``, ``n_i`` sessions of ``i``, ``a = 2``; ``psi_0(j)`` the share of all
companionships that are ``j``'s). ``j = i`` is left out of the sum: if the co-actor is surely
``i``, the actor cannot be. A known co-actor is the same with ``P_B`` all on that person.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from persona6.identity import identifiers as stated_ids
from persona6.identity import newcomer
from persona6.identity.identifiers import Finding
from persona6.identity.index import PersonIndex
from persona6.identity.model import LinkModel, Vectors, block_similarities

COMPANION_SMOOTHING = 2.0
#: Candidates scored together by ``similarities_many`` (an exact scan goes chunk by chunk).
SCORE_CHUNK = 1024
MIN_CONTEXT_LLR = -20.0


@dataclass(slots=True)
class Scored:
    person_id: str
    llr: float
    contributions: dict[str, float]
    sims: dict[str, float] = field(default_factory=dict)
    #: Where the query falls among the closest candidates' sessions (separation.py), if told.
    separation: float | None = None
    #: What behaviour and context say, before the people met in the session
    #: (``model.kind_bounded``).
    kind: float = 0.0
    #: The context part of ``kind`` (device, OS, locale, client), which on its own lifts a
    #: candidate at most to even odds with a new person (``model.kind_bounded``).
    context: float = 0.0
    #: What the identifiers both stated say, type by type (identifiers.py; in ``content``).
    identifiers: list[Finding] = field(default_factory=list)
    #: What the actor's saying they are new here says (newcomer.py; in ``content``), or 0.
    newcomer: float = 0.0


def similarities_many(query: Vectors, candidates: Sequence[Vectors]) -> list[dict[str, float]]:
    """``model.similarities(query, c)`` for every candidate, a block at a time in numpy.

    One pass per block instead of one per (candidate, block): the query's bag is spread over
    a dense array once, and every candidate's entries are looked up in it together; dense
    blocks are one matrix product. Equal to the pairwise form but for float32 rounding of the
    products (about 1e-7).
    """
    sims: list[dict[str, float]] = [{} for _ in candidates]
    for block, (q_index, q_values) in query.sparse.items():
        have = [i for i, c in enumerate(candidates) if block in c.sparse]
        for i in have:
            sims[i][block] = 0.0
        have = [i for i in have if len(candidates[i].sparse[block][0])]
        if not have or not len(q_index):
            continue
        parts = [candidates[i].sparse[block] for i in have]
        indices = np.concatenate([p[0] for p in parts])
        # float32, as the vectors are: the spread array stays in cache, the gather is cheap
        spread = np.zeros(int(max(q_index.max(), indices.max())) + 1, dtype=np.float32)
        spread[q_index] = q_values
        products = spread[indices] * np.concatenate([p[1] for p in parts])
        starts = np.cumsum([0] + [len(p[0]) for p in parts[:-1]])
        dots = np.add.reduceat(products.astype(np.float64), starts)
        for i, value in zip(have, np.clip(dots, 0.0, 1.0).tolist(), strict=True):
            sims[i][block] = value
    for block, q in query.dense.items():
        have = [i for i, c in enumerate(candidates) if block in c.dense]
        if not have:
            continue
        matrix = np.vstack([candidates[i].dense[block] for i in have])
        values = block_similarities(block, q, matrix)
        for i, value in zip(have, values.tolist(), strict=True):
            sims[i][block] = value
    return sims


def score_all(
    query: Vectors, candidates: Iterable[tuple[str, Vectors]], model: LinkModel
) -> list[Scored]:
    found = []
    listed = list(candidates)
    for start in range(0, len(listed), SCORE_CHUNK):  # bounded memory for an exact scan
        chunk = listed[start : start + SCORE_CHUNK]
        for (person_id, _), sims in zip(
            chunk, similarities_many(query, [v for _, v in chunk]), strict=True
        ):
            total, families = model.llr(sims)
            kind = families["behaviour"] + families["context"]
            found.append(
                Scored(person_id, total, families, sims, kind=kind, context=families["context"])
            )
    return sorted(found, key=lambda s: (-s.llr, s.person_id))


def add_identifiers(
    scored: list[Scored],
    stated: Mapping[str, int],
    identifiers: Mapping[str, Mapping[str, int]],
    holders: Mapping[str, int],
    known: int,
) -> None:
    """Add to each candidate, in place, what the identifiers the actor ``stated`` say of them
    (``identifiers.llr``, in the content family and the LLR); the caller sorts again.
    ``identifiers`` is each known person's identifier labels, ``holders`` how many known
    persons stated each of the actor's values, of ``known``. The one step of a link
    (``Linker._scores``) and of the backtest's links (``backtest.evaluate``)."""
    for item in scored:
        value, found = stated_ids.llr(stated, identifiers.get(item.person_id, {}), holders, known)
        if found:
            item.identifiers = found
            item.contributions["content"] += value
            item.llr += value


def add_newcomer(scored: list[Scored], sessions: int) -> None:
    """Subtract, in place, what a newcomer statement says (newcomer.py) from every candidate
    when the actor said one in any of their ``sessions`` that do: ``log(later / first)`` once,
    in the content family (a second session saying it is not independent of the first). The
    order of the candidates does not change."""
    if sessions <= 0:
        return
    value = newcomer.rules().llr
    for item in scored:
        item.newcomer = value
        item.contributions["content"] += value
        item.llr += value


def rank(
    index: PersonIndex,
    query: Vectors,
    model: LinkModel,
    count: int,
    exclude: Iterable[str] = (),
) -> list[Scored]:
    """Candidates from the index, each re-scored exactly; best first."""
    ruled_out = set(exclude)
    proposed = index.search(query, count + len(ruled_out))
    chosen = [p for p in proposed if p not in ruled_out][:count]
    return score_all(query, ((p, index.vectors(p)) for p in chosen), model)


def exact_scan(
    index: PersonIndex, query: Vectors, model: LinkModel, exclude: Iterable[str] = ()
) -> list[Scored]:
    """Every indexed person scored exactly: what ``rank`` approximates."""
    ruled_out = set(exclude)
    return score_all(
        query,
        ((p, index.vectors(p)) for p in index.persons() if p not in ruled_out),
        model,
    )


@dataclass(slots=True)
class CompanionStats:
    """How often each person is someone's companion, over all known persons."""

    totals: Counter[str]
    grand_total: int
    persons: int

    @classmethod
    def from_companions(cls, companions: Iterable[Mapping[str, int]]) -> CompanionStats:
        stats = cls(Counter(), 0, 0)
        for found in companions:
            stats.add(found)
        return stats

    def add(self, companions: Mapping[str, int]) -> None:
        """Count one more person with these companions (in place)."""
        self.totals.update(companions)
        self.grand_total += sum(companions.values())
        self.persons += 1

    def remove(self, companions: Mapping[str, int]) -> None:
        """Take a person counted by ``add`` (or ``from_companions``) back out (in place): the
        same statistics as counting the others from scratch."""
        self.totals.subtract(companions)
        for person in companions:
            if self.totals[person] <= 0:
                del self.totals[person]
        self.grand_total -= sum(companions.values())
        self.persons -= 1

    def base_rate(self, person: str) -> float:
        return (self.totals.get(person, 0) + 1.0) / (self.grand_total + max(self.persons, 1))


def context_llr(
    candidate: str,
    companions: Mapping[str, int],
    sessions: int,
    co_actors: list[tuple[dict[str, float], float]],
    stats: CompanionStats,
) -> float:
    """The co-presence LLR of ``candidate`` given each co-actor's (P_B over persons, P_B(new))."""
    total = 0.0
    for distribution, new in co_actors:
        numerator = new
        denominator = new
        for person, p in distribution.items():
            denominator += p
            if person == candidate:
                continue
            base = stats.base_rate(person)
            psi = (companions.get(person, 0) + COMPANION_SMOOTHING * base) / (
                sessions + COMPANION_SMOOTHING
            )
            numerator += p * psi / base
        if denominator <= 0:
            continue
        ratio = numerator / denominator
        total += max(MIN_CONTEXT_LLR, math.log(ratio)) if ratio > 0 else MIN_CONTEXT_LLR
    return total
