"""Candidate generation: which known persons are worth scoring exactly against a query.

The model's LLR is, block by block, ``w_b * (sim_b - m_b)``, and for the blocks compared by
cosine ``sim_b`` is an inner product of unit vectors. Two structures together find the persons
with the highest such sum without scoring everyone:

- **Postings** (the bags: character n-grams, words, commands, claims, ...): an inverted list
  per bucket of the persons that have it, each with its value, best first. A query adds up
  ``w_b * q_f * p_f`` over the lists of its own buckets: the exact sparse part of the sum for
  everyone at once, at the cost of the lists' lengths. A list keeps at most ``cap`` persons
  (the ones with the highest values); for a persons not kept a bucket counts as the lowest
  kept value (an upper bound of what it gave), so a common bucket cannot hide anyone and costs
  a bounded read. Lists are kept in segments: an update adds a small segment, and segments of
  similar size are merged (a binary-counter policy: O(log n) segments, each entry re-sorted
  O(log n) times), dropping removed persons on the way.
- **A usearch HNSW index** (inner product) over the small dense blocks compared by cosine
  (function words, character shares, actions, hours), concatenated as they are: their weighted
  part of the sum.

``search`` takes the best of each, adds the other part and the strangers' term (``w_b * m_b``
for each block a person has) to every proposed person, and returns the best by that total;
``linking`` re-scores them exactly with every block. The index keeps each person's comparable
vectors too, so exact re-scoring needs no database read. ``upsert`` and ``remove`` update it one
person at a time (a person whose profile changed is removed and added again), so it follows the
store incrementally. ``state`` gives everything it holds as named arrays and ``restore`` makes
the same index from them (snapshot.py saves them to a file).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from usearch.index import Index

from persona6.identity.features import BAG_DIMS, BAGS, BLOCKS, COMPARISON, DENSE_DIMS
from persona6.identity.model import LinkModel, Vectors

#: Dense blocks indexed by HNSW: those compared by cosine, concatenated unprojected.
DENSE_BLOCKS = tuple(b for b in BLOCKS if b in DENSE_DIMS and COMPARISON[b] == "sqrt")
SIGNATURE_DIMS = sum(DENSE_DIMS[b] for b in DENSE_BLOCKS)
#: Bags in the postings: those compared by cosine (of log counts).
SPARSE_BLOCKS = tuple(b for b in BAGS if COMPARISON[b] == "log")
_OFFSETS = {
    block: sum(BAG_DIMS[b] for b in SPARSE_BLOCKS[:i]) for i, block in enumerate(SPARSE_BLOCKS)
}
FEATURES = sum(BAG_DIMS[b] for b in SPARSE_BLOCKS)
_COSINE = (*DENSE_BLOCKS, *SPARSE_BLOCKS)
#: Most persons a posting list keeps (per segment). Bounds both the read of a common bucket and
#: the memory (at most FEATURES * POSTING_CAP entries of 8 bytes per segment). See
#: docs/benchmarks.md, "Latency at scale", for how recall and latency move with it.
POSTING_CAP = 512
#: Scalar type of the HNSW vectors. Half precision builds the graph faster than single and
#: searches faster, with the same neighbours; the signatures kept for the totals stay single
#: precision (docs/benchmarks.md, "Latency at scale"). int8 loses neighbours.
DENSE_DTYPE = "f16"
#: Persons taken from the postings before the totals are compared (at least ``count``; the
#: dense index proposes ``count``).
POOL = 256


def dense_signature(vectors: Vectors, weights: dict[str, float] | None = None) -> NDArray:
    """The dense cosine blocks side by side; with ``weights``, each scaled by its weight."""
    out = np.zeros(SIGNATURE_DIMS, dtype=np.float32)
    at = 0
    for block in DENSE_BLOCKS:
        width = DENSE_DIMS[block]
        scale = 1.0 if weights is None else weights.get(block, 0.0)
        if block in vectors.dense and scale > 0:
            out[at : at + width] = scale * vectors.dense[block]
        at += width
    return out


def sparse_features(
    vectors: Vectors, weights: dict[str, float] | None = None
) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
    """The bags as one sparse vector over every indexed bucket (block offsets added)."""
    features: list[NDArray] = []
    values: list[NDArray] = []
    for block in SPARSE_BLOCKS:
        found = vectors.sparse.get(block)
        scale = 1.0 if weights is None else weights.get(block, 0.0)
        if found is None or not len(found[0]) or scale <= 0:
            continue
        features.append(found[0].astype(np.int64) + _OFFSETS[block])
        values.append(found[1].astype(np.float32) * np.float32(scale))
    if not features:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    return np.concatenate(features), np.concatenate(values)


@dataclass(slots=True)
class _Segment:
    """Posting lists of some persons: feature ``f``'s entries are ``[starts[f], starts[f+1])``,
    best value first; ``floors[f]`` is the lowest value kept when the list was cut, else 0."""

    starts: NDArray[np.int64]
    keys: NDArray[np.int32]
    values: NDArray[np.float32]
    floors: NDArray[np.float32]

    @classmethod
    def build(
        cls,
        features: NDArray[np.int64],
        keys: NDArray[np.integer],
        values: NDArray[np.float32],
        cap: int,
        floors: NDArray[np.float32] | None = None,
    ) -> _Segment:
        # One int64 per entry: the feature, then the value's float bits reversed (for values
        # >= 0 the bits grow with the value), so that one sort orders lists by feature and each
        # list best first. Merged segments are two sorted runs: a stable sort (timsort) merges
        # them in linear time.
        bits = np.maximum(values, 0).astype(np.float32).view(np.uint32).astype(np.int64)
        order = np.argsort((features << 32) | (0xFFFFFFFF - bits), kind="stable")
        features, keys, values = features[order], keys[order], values[order]
        starts = np.zeros(FEATURES + 1, dtype=np.int64)
        np.cumsum(np.bincount(features, minlength=FEATURES), out=starts[1:])
        rank = np.arange(len(features)) - starts[features]
        cut = np.zeros(FEATURES, dtype=np.float32) if floors is None else floors.copy()
        over = features[rank == cap]  # the lists that are cut: floor = their last kept value
        cut[over] = np.maximum(cut[over], values[starts[over] + cap - 1])
        kept = rank < cap
        features, keys, values = features[kept], keys[kept].astype(np.int32), values[kept]
        starts[1:] = np.cumsum(np.bincount(features, minlength=FEATURES))
        return cls(starts, keys, values, cut)

    def entries(self) -> int:
        return len(self.keys)

    def triples(self) -> tuple[NDArray[np.int64], NDArray[np.int32], NDArray[np.float32]]:
        features = np.repeat(np.arange(FEATURES, dtype=np.int64), np.diff(self.starts))
        return features, self.keys, self.values

    def gather(
        self,
        features: NDArray[np.int64],
        weights: NDArray[np.float32],
        floors: NDArray[np.float32],
    ) -> tuple[NDArray[np.int32], NDArray[np.float32]]:
        """(keys, ``weights_f * (value - floors_f)`` where positive): one query's read."""
        begin = self.starts[features]
        lengths = self.starts[features + 1] - begin
        total = int(lengths.sum())
        if not total:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
        at = np.repeat(begin - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
        excess = np.maximum(self.values[at] - np.repeat(floors, lengths), 0)
        return self.keys[at], excess * np.repeat(weights, lengths)


#: A segment's arrays, in the order ``_Segment`` takes them.
_SEGMENT_ARRAYS = ("starts", "keys", "values", "floors")


class Postings:
    """Impact-ordered inverted lists over the bags, in segments merged as they grow."""

    def __init__(self, cap: int = POSTING_CAP):
        self.cap = cap
        self.segments: list[_Segment] = []
        #: key -> its segment's position in ``segments`` (-1: removed or never added).
        self.segment_of = np.full(0, -1, dtype=np.int32)

    def add(self, items: Sequence[tuple[int, tuple[NDArray, NDArray]]]) -> None:
        """Add persons as one new segment: ``(key, (features, values))`` each."""
        if not items:
            return
        size = max(key for key, _ in items) + 1
        if size > len(self.segment_of):
            self.segment_of = _grown(self.segment_of, max(size, 2 * len(self.segment_of)), -1)
        features = np.concatenate([f for _, (f, _) in items]).astype(np.int64)
        values = np.concatenate([v for _, (_, v) in items]).astype(np.float32)
        keys = np.repeat(
            np.asarray([key for key, _ in items], dtype=np.int64),
            [len(f) for _, (f, _) in items],
        )
        self.segments.append(_Segment.build(features, keys, values, self.cap))
        self.segment_of[[key for key, _ in items]] = len(self.segments) - 1
        while len(self.segments) > 1 and (
            self.segments[-2].entries() <= 2 * self.segments[-1].entries()
        ):
            self._merge_last_two()

    def _merge_last_two(self) -> None:
        second = self.segments.pop()
        first = self.segments.pop()
        parts = [first.triples(), second.triples()]
        features = np.concatenate([p[0] for p in parts])
        keys = np.concatenate([p[1] for p in parts])
        values = np.concatenate([p[2] for p in parts])
        live = self.segment_of[keys] >= 0
        floors = np.maximum(first.floors, second.floors)
        merged = _Segment.build(features[live], keys[live], values[live], self.cap, floors)
        self.segments.append(merged)
        moved = np.isin(self.segment_of, (len(self.segments) - 1, len(self.segments)))
        self.segment_of[moved] = len(self.segments) - 1

    def remove(self, keys: Sequence[int]) -> None:
        """Forget persons; their entries are dropped when their segment is next merged."""
        known = [k for k in keys if k < len(self.segment_of)]
        self.segment_of[known] = -1

    def scores(
        self, features: NDArray[np.int64], weights: NDArray[np.float32]
    ) -> NDArray[np.float64]:
        """Key -> an upper bound of ``sum_f weights_f * value_f`` (exact if no list was cut).

        A bucket's floor ``F_f`` is the highest of its segments' floors: no person left out of
        its lists has more. Each person counts ``weights_f * max(value - F_f, 0)`` for the
        lists it is in, plus ``sum_f weights_f * F_f``, the same for everyone. So persons of
        every segment are measured alike (a segment's own, lower floor would favour them), and
        a common bucket, cut at a high floor, counts only for how far a person stands above it.
        """
        size = len(self.segment_of)
        floors = np.zeros(len(features), dtype=np.float32)
        for segment in self.segments:
            np.maximum(floors, segment.floors[features], out=floors)
        found_keys: list[NDArray] = []
        found_values: list[NDArray] = []
        for segment in self.segments:
            keys, values = segment.gather(features, weights, floors)
            found_keys.append(keys)
            found_values.append(values)
        totals = np.full(size, float(weights @ floors))
        if found_keys:
            totals += np.bincount(
                np.concatenate(found_keys), weights=np.concatenate(found_values), minlength=size
            )
        totals[self.segment_of < 0] = -np.inf  # removed, or never added
        return totals


def _grown(rows: NDArray, size: int, fill: float = 0) -> NDArray:
    """``rows`` with room for ``size`` rows, the new ones ``fill``."""
    out = np.full((size, *rows.shape[1:]), fill, dtype=rows.dtype)
    out[: len(rows)] = rows
    return out


class PersonIndex:
    """Known persons' postings and dense signatures, with their comparable vectors."""

    def __init__(self, model: LinkModel, cap: int = POSTING_CAP):
        self.model = model
        self._dense = Index(
            ndim=SIGNATURE_DIMS,
            metric="ip",
            dtype=DENSE_DTYPE,
            connectivity=16,
            expansion_add=128,
            expansion_search=64,
        )
        self._postings = Postings(cap)
        self._keys: dict[str, int] = {}
        self._persons: dict[int, str] = {}
        self._vectors: dict[str, Vectors] = {}
        #: key -> which of the cosine blocks the person has (for the strangers' term).
        self._present = np.zeros((0, len(_COSINE)), dtype=bool)
        #: key -> dense signature (usearch keeps them too, but reads them back one by one).
        self._signatures = np.zeros((0, SIGNATURE_DIMS), dtype=np.float32)
        self._next = 0

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
        postings: list[tuple[int, tuple[NDArray, NDArray]]] = []
        kept: list[tuple[str, Vectors]] = []
        for person_id, vectors in items:
            self.remove([person_id])
            key = self._next
            self._next += 1
            self._keys[person_id] = key
            self._persons[key] = person_id
            self._vectors[person_id] = vectors
            keys.append(key)
            kept.append((person_id, vectors))
            signatures.append(dense_signature(vectors))
            postings.append((key, sparse_features(vectors)))
        if keys:
            if self._next > len(self._present):
                size = max(self._next, 2 * len(self._present))
                self._present = _grown(self._present, size)
                self._signatures = _grown(self._signatures, size)
            for key, (_, vectors) in zip(keys, kept, strict=True):
                self._present[key] = [vectors.has(b) for b in _COSINE]
            self._signatures[keys] = signatures
            self._dense.add(np.asarray(keys, dtype=np.uint64), np.vstack(signatures))
            self._postings.add(postings)

    # -- saving and restoring (persona6/identity/snapshot.py writes the arrays to a file) --

    def state(self) -> dict[str, NDArray]:
        """Everything the index holds, as named arrays: ``restore`` makes the same index."""
        persons = sorted(self._keys)
        out: dict[str, NDArray] = {
            "person_ids": np.asarray(persons, dtype=np.str_),
            "person_keys": np.asarray([self._keys[p] for p in persons], dtype=np.int64),
            "next": np.asarray([self._next], dtype=np.int64),
            # Copies of what updates change in place (segments are replaced, never changed).
            "present": self._present[: self._next].copy(),
            "signatures": self._signatures[: self._next].copy(),
            "hnsw": np.frombuffer(bytes(self._dense.save()), dtype=np.uint8),
            "cap": np.asarray([self._postings.cap], dtype=np.int64),
            "segment_of": self._postings.segment_of.copy(),
            "segments": np.asarray([len(self._postings.segments)], dtype=np.int64),
        }
        for i, segment in enumerate(self._postings.segments):
            for name in _SEGMENT_ARRAYS:
                out[f"segment{i}_{name}"] = getattr(segment, name)
        out.update(_vectors_state([self._vectors[p] for p in persons]))
        return out

    @classmethod
    def restore(cls, model: LinkModel, state: Mapping[str, NDArray]) -> PersonIndex:
        """The index ``state`` describes, searching with ``model`` (whose weights it was built
        for: bags are indexed unweighted, so only the vectors' idf must match)."""
        index = cls(model, cap=int(state["cap"][0]))
        persons = [str(p) for p in state["person_ids"]]
        keys = [int(k) for k in state["person_keys"]]
        index._keys = dict(zip(persons, keys, strict=True))
        index._persons = dict(zip(keys, persons, strict=True))
        index._next = int(state["next"][0])
        index._present = np.array(state["present"], dtype=bool)
        index._signatures = np.array(state["signatures"], dtype=np.float32)
        dense = Index.restore(state["hnsw"].tobytes())
        if dense is None:
            raise ValueError("the HNSW part is not a usearch index")
        index._dense = dense
        postings = index._postings
        postings.segment_of = np.array(state["segment_of"], dtype=np.int32)
        postings.segments = [
            _Segment(*(np.array(state[f"segment{i}_{name}"]) for name in _SEGMENT_ARRAYS))
            for i in range(int(state["segments"][0]))
        ]
        index._vectors = dict(zip(persons, _vectors_from(state, len(persons)), strict=True))
        return index

    def remove(self, person_ids: Sequence[str]) -> None:
        gone: list[int] = []
        for person_id in person_ids:
            key = self._keys.pop(person_id, None)
            if key is not None:
                self._dense.remove(key)
                del self._persons[key]
                del self._vectors[person_id]
                gone.append(key)
        self._postings.remove(gone)

    def search(self, query: Vectors, count: int) -> list[str]:
        """The ``count`` persons whose cosine blocks add up highest against the query."""
        if not self._keys:
            return []
        weights = self.model.weights
        probe = dense_signature(query, weights)
        features, values = sparse_features(query, weights)
        if not probe.any() and not len(features):  # nothing comparable by cosine
            return self.persons()[:count]
        pool = max(POOL, count)
        sparse = self._postings.scores(features, values)
        proposed: set[int] = set()
        if len(features):
            alive = sparse[: self._next]
            top = min(pool, len(alive))
            proposed.update(np.argpartition(-alive, top - 1)[:top].tolist())
        if probe.any():
            found = self._dense.search(probe, min(count, len(self._keys)))
            proposed.update(found.keys.tolist())
        keys = [k for k in proposed if k in self._persons]
        if not keys:
            return []
        totals = sparse[keys] + self._signatures[keys] @ probe
        # What a stranger would score on the blocks both have: sum_b w_b * m_b.
        strangers = np.asarray(
            [
                self.model.weights.get(b, 0.0) * self.model.stranger.get(b, 0.0) * query.has(b)
                for b in _COSINE
            ]
        )
        totals -= self._present[keys] @ strangers
        order = np.argsort(-totals, kind="stable")[:count]
        return [self._persons[keys[i]] for i in order]


def _vectors_state(vectors: Sequence[Vectors]) -> dict[str, NDArray]:
    """Persons' comparable vectors as flat arrays: per block, who has it (``owners``, positions
    in ``vectors``) and their values, bags as lengths and concatenated entries."""
    out: dict[str, NDArray] = {"sizes": np.asarray([v.size for v in vectors], dtype=np.float64)}
    for block in BLOCKS:
        if block in BAGS:
            owners = [i for i, v in enumerate(vectors) if block in v.sparse]
            parts = [vectors[i].sparse[block] for i in owners]
            out[f"bag_{block}_owners"] = np.asarray(owners, dtype=np.int64)
            out[f"bag_{block}_lengths"] = np.asarray([len(p[0]) for p in parts], dtype=np.int64)
            out[f"bag_{block}_indices"] = np.concatenate(
                [p[0] for p in parts] or [np.zeros(0, np.int32)]
            ).astype(np.int32)
            out[f"bag_{block}_values"] = np.concatenate(
                [p[1] for p in parts] or [np.zeros(0, np.float32)]
            ).astype(np.float32)
        else:
            owners = [i for i, v in enumerate(vectors) if block in v.dense]
            out[f"dense_{block}_owners"] = np.asarray(owners, dtype=np.int64)
            out[f"dense_{block}_rows"] = (
                np.vstack([vectors[i].dense[block] for i in owners])
                if owners
                else np.zeros((0, DENSE_DIMS[block]))
            )
    return out


def _vectors_from(state: Mapping[str, NDArray], count: int) -> list[Vectors]:
    """The inverse of ``_vectors_state`` (bags as int32 indices and float32 values, dense
    blocks as float64, as ``vectorize`` makes them)."""
    vectors = [Vectors({}, {}, float(size)) for size in state["sizes"][:count]]
    for block in BLOCKS:
        if block in BAGS:
            owners = state[f"bag_{block}_owners"]
            ends = np.cumsum(state[f"bag_{block}_lengths"])
            indices, values = state[f"bag_{block}_indices"], state[f"bag_{block}_values"]
            for owner, end, length in zip(owners, ends, state[f"bag_{block}_lengths"], strict=True):
                start = int(end - length)
                # Views into one array per block: no copy per person.
                vectors[int(owner)].sparse[block] = (indices[start:end], values[start:end])
        else:
            rows = state[f"dense_{block}_rows"]
            for owner, row in zip(state[f"dense_{block}_owners"], rows, strict=True):
                vectors[int(owner)].dense[block] = row
    return vectors
