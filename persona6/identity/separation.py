"""Telling the closest candidates apart: a classifier fitted, at each link, on their own sessions.

The LLR compares the query with each candidate's profile, the *sum* of their sessions, one
candidate at a time. Two candidates whose profiles are about equally close to the query are
then a toss-up, even when the query resembles one of them in exactly the ways that tell the two
apart across their sessions (a phrase one writer uses every time and the other never), and
the ways they vary from session to session say nothing. A classifier trained on the
candidates' own past sessions sees both. Measured on the development sets (docs/benchmarks.md,
"Identity linking"), re-ranking the three best candidates this way helps on all three.

**The classifier.** Each session is a row: the character 2-4-gram bag of what the actor typed
(the ``chargrams`` block, log counts weighted by the model's idf, as ``model.vectorize`` makes
it), folded from 65,536 buckets into ``FOLD_DIMS`` with a sign per bucket (the hashing trick:
inner products are kept up to noise of about ``1 / sqrt(FOLD_DIMS)``) and scaled to unit
length. For the ``CANDIDATES`` best candidates and their latest ``MOST_SESSIONS`` sessions each,
a one-against-the-rest ridge regression on centred rows with targets +1 / -1 is solved in its
dual form (``n`` sessions: an ``n x n`` system, a few milliseconds), and the query gets a score
``f_c`` per candidate: about +1 where it falls among ``c``'s sessions, -1 where it falls among
the others'. Nothing of it is fitted ahead: it is made for the candidates a link is about.

**Into the LLR.** Candidate ``c`` of the best ``CANDIDATES`` gets ``separation * f_c`` added to
its LLR (reported in the texture family, with its own evidence item), where the weight
``separation`` is fitted by ``backtest linking`` on the tenant's own later sessions, with the
calibration fitted after it on the separated LLRs (backtest.py). 0, as in the shipped model,
leaves linking as it was.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from persona6.identity.features import Profile
from persona6.identity.model import LinkModel, Vectors, vectorize

#: The block the sessions are compared on.
BLOCK = "chargrams"
#: Candidates told apart (the best by LLR).
CANDIDATES = 3
#: Latest sessions of each candidate the classifier learns from.
MOST_SESSIONS = 100
#: Dimensions the hashed buckets are folded into.
FOLD_DIMS = 2048
#: Ridge penalty of the dual solve (rows have unit length).
RIDGE = 0.1
#: A multiplier for the sign hash of a bucket (Knuth's multiplicative hash).
_SIGN_HASH = 2654435761


def row(vectors: Vectors) -> NDArray[np.float32] | None:
    """A session's (or query's) folded, unit-length row; None without the block."""
    found = vectors.sparse.get(BLOCK)
    if found is None or not len(found[0]):
        return None
    indices = found[0].astype(np.int64)
    signs = 1.0 - 2.0 * (((indices * _SIGN_HASH) >> 20) & 1)
    out = np.zeros(FOLD_DIMS, dtype=np.float64)
    np.add.at(out, indices % FOLD_DIMS, signs * found[1])
    norm = float(np.linalg.norm(out))
    return (out / norm).astype(np.float32) if norm > 0 else None


def session_rows(units: Sequence[Profile], model: LinkModel) -> NDArray[np.float32]:
    """Rows of a candidate's latest ``MOST_SESSIONS`` sessions (``units`` oldest first)."""
    return stacked([row(vectorize(u, model)) for u in units[-MOST_SESSIONS:]])


def stacked(rows: Sequence[NDArray[np.float32] | None]) -> NDArray[np.float32]:
    """The latest ``MOST_SESSIONS`` of these rows (oldest first; None: a session without the
    block) as one array, empty with ``FOLD_DIMS`` columns when there is none."""
    kept = [r for r in rows if r is not None][-MOST_SESSIONS:]
    if not kept:
        return np.zeros((0, FOLD_DIMS), dtype=np.float32)
    return np.vstack(kept)


def scores(query: NDArray[np.float32], candidates: Sequence[NDArray[np.float32]]) -> NDArray:
    """``f_c`` for each candidate (rows of its sessions): where the query falls between them.

    Zeros when fewer than two candidates have sessions: there is nothing to tell apart."""
    have = [i for i, rows in enumerate(candidates) if len(rows)]
    if len(have) < 2:
        return np.zeros(len(candidates))
    x = np.vstack([candidates[i] for i in have])
    blocks = [
        [(x_i @ x_j.T) for x_j in (candidates[j] for j in have)]
        for x_i in (candidates[i] for i in have)
    ]
    return from_gram(
        np.block(blocks), [len(candidates[i]) for i in have], x @ query, have, len(candidates)
    )


def from_gram(
    gram: NDArray, sizes: Sequence[int], products: NDArray, have: Sequence[int], count: int
) -> NDArray:
    """``scores`` from the inner products of the sessions (``gram``, candidate by candidate,
    ``sizes`` sessions each) and of the query with them (``products``): the rows are centred
    through the products (``(q - m)·(x_i - m) = q·x_i - mean_j q·x_j - mean_j x_i·x_j +
    mean_jk x_j·x_k``), so a caller may keep each candidate's own block between links."""
    gram = np.asarray(gram, dtype=np.float64)
    products = np.asarray(products, dtype=np.float64)
    means = gram.mean(axis=0)
    total = float(means.mean())
    centred = gram - means[:, None] - means[None, :] + total
    query = products - float(products.mean()) - means + total
    labels = np.repeat(np.arange(len(sizes)), sizes)
    targets = -np.ones((len(labels), len(sizes)))
    targets[np.arange(len(labels)), labels] = 1.0
    offset = targets.mean(axis=0)
    alpha = np.linalg.solve(centred + RIDGE * np.eye(len(labels)), targets - offset)
    found = np.zeros(count)
    found[list(have)] = query @ alpha + offset
    return found


def choose_weight(
    known: Sequence[tuple[NDArray, NDArray, int]],
    weights: Sequence[float],
    scales: Sequence[float],
) -> float:
    """The weight of the moves: ``known`` holds (LLRs, moves, index of the true candidate) per
    outcome, and ``llrs + weight * moves`` ranks them.

    First the weight under which the truth is likeliest (a softmax over each outcome's
    candidates at the best of ``scales``; the smallest wins ties, so moves that do not help
    leave 0). The likelihood favours weights that move little (a confident miss costs more than
    a tie gains), and the separation is there to put the right candidate first: a larger
    weight is taken when it puts significantly more outcomes first than that one, by a sign
    test at two standard errors (outcomes it puts right minus those it puts wrong, against
    twice the square root of their sum), the one with the largest such gain."""
    grid = np.asarray(scales, dtype=np.float64)
    if not len(known):
        return 0.0
    ordered = sorted(float(w) for w in weights)
    right: list[np.ndarray] = []
    losses: list[float] = []
    for weight in ordered:
        loss = np.zeros(len(grid))
        hits = []
        for llrs, moves, truth in known:
            moved = llrs + weight * moves
            hits.append(int(np.argmax(moved)) == truth)
            z = np.outer(grid, moved)
            z -= z.max(axis=1, keepdims=True)
            loss += np.log(np.exp(z).sum(axis=1)) - z[:, truth]
        right.append(np.array(hits))
        losses.append(float(loss.min()))
    lowest = min(losses)
    base = next(i for i in range(len(ordered)) if losses[i] <= lowest + 1e-9)
    best, best_gain = base, 0
    for i in range(base + 1, len(ordered)):
        gained = int(np.sum(right[i] & ~right[base]))
        lost = int(np.sum(~right[i] & right[base]))
        if gained - lost >= 2.0 * math.sqrt(gained + lost) and gained - lost > best_gain:
            best, best_gain = i, gained - lost
    return ordered[best]
