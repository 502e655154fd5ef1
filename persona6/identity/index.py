"""Candidate generation: an approximate nearest-neighbour index over person signatures.

A person's **signature** is a fixed random projection (Gaussian, seeded, ``dims`` wide) of the
concatenation of their unit-length block vectors (the blocks compared by cosine). A query is
projected the same way with each block scaled by the model's weight, so the inner product of
the two projections estimates ``sum_b w_b * cos_b``, the cosine part of the model's LLR
(Johnson-Lindenstrauss). The index (usearch, HNSW, inner product) proposes the top candidates;
``linking`` re-scores each of them exactly with every block.

The index keeps each person's comparable vectors too, so exact re-scoring needs no database
read. ``upsert`` and ``remove`` update it one person at a time (a person whose profile changed
is removed and added again), so it follows the store incrementally.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

import numpy as np
from numpy.typing import NDArray
from usearch.index import Index

from persona6.identity.features import BAG_DIMS, BAGS, BLOCKS, COMPARISON, DENSE_DIMS
from persona6.identity.model import LinkModel, Vectors

#: Width of a signature. Wider keeps the projection's noise down, so the true person stays
#: among the candidates more often (0.60 at 256, 0.88 at 1024 with 10k synthetic persons:
#: docs/benchmarks.md, "Identity linking"); search time hardly changes, memory is 4 KiB a person.
SIGNATURE_DIMS = 1024
_COSINE_BLOCKS = tuple(b for b in BLOCKS if COMPARISON[b] in ("sqrt", "log"))
#: Widest block projected as it is; a wider bag (the 65,536 character n-gram buckets) is
#: folded to this many (bucket mod PROJECTED_ROWS) first: a sparse random projection before
#: the Gaussian one, and a matrix of 32 MiB rather than 256.
PROJECTED_ROWS = 8192


def _rows(block: str) -> int:
    return min(PROJECTED_ROWS, BAG_DIMS[block]) if block in BAGS else DENSE_DIMS[block]


@cache
def _projection(dims: int) -> dict[str, NDArray[np.float32]]:
    """Block -> its rows of the projection matrix; seeded, so every process agrees."""
    rng = np.random.default_rng(20260105)
    return {
        block: (rng.standard_normal((_rows(block), dims)) / np.sqrt(dims)).astype(np.float32)
        for block in _COSINE_BLOCKS
    }


def signature(
    vectors: Vectors, weights: dict[str, float] | None = None, dims: int = SIGNATURE_DIMS
) -> NDArray[np.float32]:
    """The projected signature; with ``weights``, each block scaled by its weight (a query)."""
    rows = _projection(dims)
    out = np.zeros(dims, dtype=np.float32)
    for block in _COSINE_BLOCKS:
        scale = 1.0 if weights is None else weights.get(block, 0.0)
        if scale <= 0:
            continue
        if block in vectors.sparse:
            indices, values = vectors.sparse[block]
            out += scale * (values @ rows[block][indices % len(rows[block])])
        elif block in vectors.dense:
            out += scale * (vectors.dense[block].astype(np.float32) @ rows[block])
    return out


class PersonIndex:
    """Known persons' signatures in a usearch HNSW index, with their comparable vectors."""

    def __init__(self, model: LinkModel, dims: int = SIGNATURE_DIMS):
        self.model = model
        self.dims = dims
        self._index = Index(
            ndim=dims,
            metric="ip",
            dtype="f32",
            connectivity=16,
            expansion_add=128,
            expansion_search=128,
        )
        self._keys: dict[str, int] = {}
        self._persons: dict[int, str] = {}
        self._vectors: dict[str, Vectors] = {}
        self._next = 1

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, person_id: str) -> bool:
        return person_id in self._keys

    def persons(self) -> list[str]:
        return sorted(self._keys)

    def vectors(self, person_id: str) -> Vectors:
        return self._vectors[person_id]

    def upsert(self, items: Iterable[tuple[str, Vectors]]) -> None:
        """Add persons, replacing any already indexed under the same id."""
        keys: list[int] = []
        signatures: list[NDArray[np.float32]] = []
        for person_id, vectors in items:
            self.remove([person_id])
            key = self._next
            self._next += 1
            self._keys[person_id] = key
            self._persons[key] = person_id
            self._vectors[person_id] = vectors
            keys.append(key)
            signatures.append(signature(vectors, dims=self.dims))
        if keys:
            self._index.add(np.asarray(keys, dtype=np.uint64), np.vstack(signatures))

    def remove(self, person_ids: Sequence[str]) -> None:
        for person_id in person_ids:
            key = self._keys.pop(person_id, None)
            if key is not None:
                self._index.remove(key)
                del self._persons[key]
                del self._vectors[person_id]

    def search(self, query: Vectors, count: int) -> list[str]:
        """The ``count`` persons whose signatures score highest against the weighted query."""
        if not self._keys:
            return []
        probe = signature(query, self.model.weights, self.dims)
        if not probe.any():  # nothing comparable by cosine: every person is as good
            return self.persons()[:count]
        found = self._index.search(probe, min(count, len(self._keys)))
        return [self._persons[int(k)] for k in found.keys if int(k) in self._persons]
