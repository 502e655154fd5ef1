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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from persona6.identity.index import PersonIndex
from persona6.identity.model import LinkModel, Vectors, similarities

COMPANION_SMOOTHING = 2.0
MIN_CONTEXT_LLR = -20.0


@dataclass(slots=True)
class Scored:
    person_id: str
    llr: float
    contributions: dict[str, float]
    sims: dict[str, float] = field(default_factory=dict)


def score(query: Vectors, person_id: str, candidate: Vectors, model: LinkModel) -> Scored:
    sims = similarities(query, candidate)
    total, families = model.llr(sims)
    return Scored(person_id, total, families, sims)


def score_all(
    query: Vectors, candidates: Iterable[tuple[str, Vectors]], model: LinkModel
) -> list[Scored]:
    found = [score(query, pid, vectors, model) for pid, vectors in candidates]
    return sorted(found, key=lambda s: (-s.llr, s.person_id))


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
        totals: Counter[str] = Counter()
        persons = 0
        for found in companions:
            totals.update(found)
            persons += 1
        return cls(totals, sum(totals.values()), persons)

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
