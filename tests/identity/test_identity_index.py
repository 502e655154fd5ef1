"""Candidate generation (index.py) and batch scoring (scoring.similarities_many), checked
against the plain computations they stand for, on random persons."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from persona6.identity.features import COMPARISON, DENSE_DIMS
from persona6.identity.index import (
    DENSE_BLOCKS,
    SPARSE_BLOCKS,
    PersonIndex,
    Postings,
    sparse_features,
)
from persona6.identity.model import LinkModel, Vectors, similarities
from persona6.identity.scoring import similarities_many

MODEL = LinkModel(
    weights={"chargrams": 3.0, "words": 1.5, "commands": 2.0, "fw": 2.0, "hours": 1.0},
    stranger={"chargrams": 0.2, "words": 0.1, "commands": 0.3, "fw": 0.5, "hours": 0.4},
    constant=0.0,
)


def _unit(rng: np.random.Generator, size: int) -> np.ndarray:
    v = rng.random(size)
    return v / np.linalg.norm(v)


def random_vectors(rng: np.random.Generator, width: int = 40) -> Vectors:
    """A person with a random subset of blocks; small bag widths so that persons overlap."""
    sparse = {}
    for block in ("chargrams", "words", "commands"):
        if rng.random() < 0.8:
            indices = np.unique(rng.integers(0, width, rng.integers(1, 12))).astype(np.int32)
            sparse[block] = (indices, _unit(rng, len(indices)).astype(np.float32))
    dense = {}
    for block in ("fw", "hours", "surface", "rhythm"):
        if rng.random() < 0.7:
            dense[block] = _unit(rng, DENSE_DIMS[block])
    return Vectors(dense=dense, sparse=sparse)


def proxy(query: Vectors, person: Vectors, model: LinkModel) -> float:
    """What the index ranks by: ``sum_b w_b (cos_b - m_b)`` over the cosine blocks both have."""
    sims = similarities(query, person)
    return sum(
        model.weights.get(b, 0.0) * (sims[b] - model.stranger.get(b, 0.0))
        for b in (*DENSE_BLOCKS, *SPARSE_BLOCKS)
        if b in sims
    )


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), persons=st.integers(1, 40), cap=st.sampled_from([1, 3, 50]))
def test_postings_bound_the_weighted_sum_and_are_exact_for_listed_persons(seed, persons, cap):
    rng = np.random.default_rng(seed)
    postings = Postings(cap)
    people = {key: sparse_features(random_vectors(rng)) for key in range(persons)}
    keys = list(people)
    # added in batches of random sizes, so that segments are made and merged
    while keys:
        take = int(rng.integers(1, len(keys) + 1))
        postings.add([(k, people[k]) for k in keys[:take]])
        keys = keys[take:]
    removed = set(rng.choice(persons, persons // 3, replace=False).tolist())
    postings.remove(sorted(removed))
    postings.add([])  # nothing: no change
    query_features, query_values = sparse_features(random_vectors(rng), MODEL.weights)
    scores = postings.scores(query_features, query_values)
    for key, (features, values) in people.items():
        if key in removed:
            assert scores[key] == -np.inf
            continue
        spread = dict(zip(features.tolist(), values.tolist(), strict=True))
        exact = sum(
            q * spread.get(f, 0.0) for f, q in zip(query_features, query_values, strict=True)
        )
        assert scores[key] >= exact - 1e-5
        if cap >= persons:  # no list was cut: exact
            assert scores[key] == pytest.approx(exact, abs=1e-5)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), persons=st.integers(1, 60), count=st.integers(1, 10))
def test_search_returns_the_best_persons_by_the_weighted_cosine_sum(seed, persons, count):
    # With fewer persons than the postings' pool and no list cut, the index sees everyone.
    rng = np.random.default_rng(seed)
    people = {f"p{i}": random_vectors(rng) for i in range(persons)}
    index = PersonIndex(MODEL)
    names = list(people)
    half = len(names) // 2
    index.upsert((p, people[p]) for p in names[:half])
    index.upsert((p, people[p]) for p in names[half:])
    # a changed person is re-indexed, a removed one is gone
    people[names[0]] = random_vectors(rng)
    index.upsert([(names[0], people[names[0]])])
    if persons > 1:
        index.remove([names[-1]])
        del people[names[-1]]
    query = random_vectors(rng)
    query.sparse.setdefault("words", (np.array([1], np.int32), np.array([1.0], np.float32)))
    found = index.search(query, count)
    expected = sorted((proxy(query, v, MODEL) for v in people.values()), reverse=True)
    assert len(found) == min(count, len(people))
    got = [proxy(query, people[p], MODEL) for p in found]
    assert got == pytest.approx(expected[: len(found)], abs=1e-4)


def test_search_finds_a_person_by_rare_buckets_when_common_lists_are_cut():
    # 300 persons share common buckets 0-19 (their lists cut at 8), each has two of its own.
    rng = np.random.default_rng(7)
    model = LinkModel(weights={"chargrams": 1.0}, stranger={}, constant=0.0)
    people = {}
    for i in range(300):
        indices = np.concatenate([np.arange(20), [1000 + 2 * i, 1001 + 2 * i]]).astype(np.int32)
        values = rng.random(len(indices)).astype(np.float32)
        values[-2:] *= 0.2  # the rare buckets weigh little in the person's own vector
        people[f"p{i}"] = Vectors(
            dense={}, sparse={"chargrams": (indices, values / np.linalg.norm(values))}
        )
    index = PersonIndex(model, cap=8)
    index.upsert(people.items())
    query = Vectors(
        dense={},
        sparse={
            "chargrams": (np.array([3, 11, 1250, 1251], np.int32), np.full(4, 0.5, np.float32))
        },
    )
    assert "p125" in index.search(query, 5)


def test_an_empty_index_and_a_query_with_nothing_comparable():
    index = PersonIndex(MODEL)
    assert index.search(random_vectors(np.random.default_rng(1)), 3) == []
    index.upsert([("a", random_vectors(np.random.default_rng(2)))])
    nothing = Vectors(dense={"surface": np.ones(DENSE_DIMS["surface"])}, sparse={})
    assert index.search(nothing, 3) == ["a"]


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), persons=st.integers(0, 12))
def test_batch_similarities_equal_the_pairwise_ones(seed, persons):
    rng = np.random.default_rng(seed)
    query = random_vectors(rng)
    candidates = [random_vectors(rng) for _ in range(persons)]
    if persons:  # an empty bag on one side
        candidates[0].sparse["words"] = (np.zeros(0, np.int32), np.zeros(0, np.float32))
    batch = similarities_many(query, candidates)
    for candidate, sims in zip(candidates, batch, strict=True):
        pairwise = similarities(query, candidate)
        assert sims.keys() == pairwise.keys()
        for block, value in pairwise.items():
            assert sims[block] == pytest.approx(value, abs=1e-6), (block, COMPARISON[block])


def test_a_person_in_a_small_new_segment_is_measured_like_those_in_a_big_cut_one():
    # 400 persons in one segment whose common lists are cut at 8; the person sought arrives
    # later, alone in a segment of its own where nothing is cut. A floor per segment would
    # lift everyone of the big segment above it.
    rng = np.random.default_rng(3)
    model = LinkModel(weights={"chargrams": 1.0}, stranger={}, constant=0.0)

    def person(own: list[int]) -> Vectors:
        indices = np.asarray(sorted([*range(40), *own]), dtype=np.int32)
        values = rng.uniform(0.5, 1.0, len(indices)).astype(np.float32)
        values[np.isin(indices, own)] = 0.3
        return Vectors(dense={}, sparse={"chargrams": (indices, values / np.linalg.norm(values))})

    index = PersonIndex(model, cap=8)
    index.upsert((f"p{i}", person([1000 + i])) for i in range(400))
    index.upsert([("sought", person([5000, 5001]))])
    query = Vectors(
        dense={},
        sparse={
            "chargrams": (
                np.asarray([*range(40), 5000, 5001], np.int32),
                np.full(42, 1 / np.sqrt(42), np.float32),
            )
        },
    )
    assert index.search(query, 3)[0] == "sought"


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), persons=st.integers(0, 40))
def test_a_restored_index_holds_and_finds_what_the_saved_one_did(seed, persons):
    rng = np.random.default_rng(seed)
    index = PersonIndex(MODEL, cap=3)
    people = {f"p{i}": random_vectors(rng) for i in range(persons)}
    names = list(people)
    while names:  # in batches, so that there are segments, some merged
        take = int(rng.integers(1, len(names) + 1))
        index.upsert([(n, people[n]) for n in names[:take]])
        names = names[take:]
    gone = [f"p{i}" for i in range(0, persons, 3)]
    index.remove(gone)
    restored = PersonIndex.restore(MODEL, index.state())
    assert restored.persons() == index.persons()
    for person in index.persons():
        mine, theirs = index.vectors(person), restored.vectors(person)
        assert mine.size == theirs.size
        assert mine.dense.keys() == theirs.dense.keys()
        assert mine.sparse.keys() == theirs.sparse.keys()
        for block, vector in mine.dense.items():
            np.testing.assert_array_equal(vector, theirs.dense[block])
        for block, (indices, values) in mine.sparse.items():
            np.testing.assert_array_equal(indices, theirs.sparse[block][0])
            np.testing.assert_array_equal(values, theirs.sparse[block][1])
    for _ in range(5):
        query = random_vectors(rng)
        assert restored.search(query, 10) == index.search(query, 10)
    # It goes on being updated like the one it was saved from.
    later = {f"q{i}": random_vectors(rng) for i in range(5)}
    for target in (index, restored):
        target.upsert(later.items())
        target.remove(["q0", *gone[:1]])
    query = random_vectors(rng)
    assert restored.persons() == index.persons()
    assert restored.search(query, 10) == index.search(query, 10)
