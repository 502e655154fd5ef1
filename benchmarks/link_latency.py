"""Link latency at 1k, 10k and 100k persons: the index with exact re-scoring against an exact scan.

    python benchmarks/link_latency.py [--sizes 1000,10000,100000] [--queries 300]

Synthetic persons, made directly as comparable vectors (no text, so that 100,000 of them take
seconds to make): each person has a Zipf-distributed personal vocabulary over 50,000 words and
200 topic-specific ones, 8,192 character n-gram buckets, claims from 2,000, and function-word
and character-share profiles drawn around the population's. A query is a fresh "session" of one
person: 60 words, 400 n-grams and 2 claims drawn from that person's own distributions.

"build" is the time to index the persons (drawing them is not counted). For each size the
same queries run through ``scoring.rank`` (posting lists and usearch HNSW propose candidates,
64 of them re-scored exactly; what ``persona6 link`` does) and through ``scoring.exact_scan``
(every person scored exactly). Printed: p50 and p99 latency of each (one process, the index threads
as usearch sets them), and candidate recall: how often the true person is among the index's
candidates, against how often it is among the exact scan's top 64. Goal: p99 <= 20 ms at
100k persons, recall ratio >= 0.99.
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np

from persona6.identity.features import BAG_DIMS, DENSE_DIMS
from persona6.identity.index import POSTING_CAP, PersonIndex
from persona6.identity.linking import default_model
from persona6.identity.model import LinkModel, Vectors
from persona6.identity.scoring import exact_scan, rank

VOCABULARY = 50_000
CANDIDATES = 64


def _sparse(indices: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(indices)
    indices, counts = indices[order], counts[order].astype(np.float64)
    unique, starts = np.unique(indices, return_index=True)
    sums = np.add.reduceat(counts, starts)
    values = np.log1p(sums)
    values /= np.linalg.norm(values)
    return unique.astype(np.int32), values.astype(np.float32)


class Population:
    """Each person's generating distributions, seeded."""

    def __init__(self, size: int, seed: int = 0):
        self.rng = np.random.default_rng(seed)
        ranks = np.arange(1, VOCABULARY + 1)
        self.common = 1.0 / ranks
        self.common /= self.common.sum()
        self.fw_base = self.rng.dirichlet(np.full(DENSE_DIMS["fw"], 2.0))
        self.char_base = self.rng.dirichlet(np.full(DENSE_DIMS["char"], 5.0))
        self.size = size
        self.topics = self.rng.integers(0, VOCABULARY, (size, 200))
        self.grams = self.rng.integers(0, BAG_DIMS["chargrams"], (size, 600))
        self.claims = self.rng.integers(0, 2_000, (size, 6))
        self.fw = np.vstack([self.rng.dirichlet(self.fw_base * 300) for _ in range(size)])
        self.char = np.vstack([self.rng.dirichlet(self.char_base * 600) for _ in range(size)])

    def draw(self, person: int, words: int, grams: int, claims: int, sharp: float) -> Vectors:
        rng = self.rng
        own = rng.random(words) < 0.4
        drawn = np.where(
            own,
            self.topics[person, rng.integers(0, 200, words)],
            rng.choice(VOCABULARY, words, p=self.common),
        )
        word_idx = drawn % BAG_DIMS["words"]
        gram_own = rng.random(grams) < 0.5
        gram_idx = np.where(
            gram_own,
            self.grams[person, rng.integers(0, 600, grams)],
            rng.integers(0, BAG_DIMS["chargrams"], grams),
        )
        claim_idx = self.claims[person, rng.integers(0, 6, claims)] % BAG_DIMS["claims"]
        fw = np.sqrt(rng.dirichlet(self.fw[person] * sharp))
        char = np.sqrt(rng.dirichlet(self.char[person] * sharp * 2))
        return Vectors(
            dense={"fw": fw / np.linalg.norm(fw), "char": char / np.linalg.norm(char)},
            sparse={
                "words": _sparse(word_idx, np.ones(words)),
                "chargrams": _sparse(gram_idx, np.ones(grams)),
                "claims": _sparse(claim_idx, np.ones(claims)),
            },
        )


def model_for_benchmark() -> LinkModel:
    return default_model()


def measure(
    size: int, queries: int, exact_queries: int, seed: int, cap: int = POSTING_CAP
) -> dict[str, float]:
    population = Population(size, seed)
    model = model_for_benchmark()
    index = PersonIndex(model, cap=cap)
    people = [(f"p{person}", population.draw(person, 400, 3000, 12, 400)) for person in range(size)]
    started = time.perf_counter()  # the index alone: drawing the persons is the benchmark's
    for start in range(0, size, 5000):
        index.upsert(people[start : start + 5000])
    built = time.perf_counter() - started
    del people
    asked = population.rng.choice(size, queries, replace=size < queries)
    probes = [(f"p{p}", population.draw(int(p), 60, 400, 2, 150)) for p in asked]
    for _, query in probes[:5]:  # warm up caches and the projection
        rank(index, query, model, CANDIDATES)
    ann_times, ann_hits = [], 0
    for truth, query in probes:
        t0 = time.perf_counter()
        found = rank(index, query, model, CANDIDATES)
        ann_times.append(time.perf_counter() - t0)
        ann_hits += truth in {s.person_id for s in found}
    exact_times, exact_hits, ann_hits_same = [], 0, 0
    for truth, query in probes[:exact_queries]:
        t0 = time.perf_counter()
        found = exact_scan(index, query, model)
        exact_times.append(time.perf_counter() - t0)
        exact_hits += truth in {s.person_id for s in found[:CANDIDATES]}
        ann_hits_same += truth in {s.person_id for s in rank(index, query, model, CANDIDATES)}
    return {
        "persons": size,
        "build_s": built,
        "ann_p50_ms": 1000 * float(np.percentile(ann_times, 50)),
        "ann_p99_ms": 1000 * float(np.percentile(ann_times, 99)),
        "exact_p50_ms": 1000 * float(np.percentile(exact_times, 50)),
        "exact_p99_ms": 1000 * float(np.percentile(exact_times, 99)),
        "ann_recall": ann_hits / len(probes),
        "exact_recall": exact_hits / max(len(exact_times), 1),
        "recall_ratio": ann_hits_same / max(exact_hits, 1),
        "exact_queries": len(exact_times),
        "queries": len(probes),
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--cap", type=int, default=POSTING_CAP, help="Most persons a posting list keeps."
    )
    args = parser.parse_args()
    print(
        f"{'persons':>8} {'build s':>8} {'index p50':>10} {'index p99':>10} {'exact p50':>10} "
        f"{'exact p99':>10} {'recall':>7} {'exact':>7} {'ratio':>6}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        exact_queries = max(10, min(args.queries, 3_000_000 // size))
        r = measure(size, args.queries, exact_queries, args.seed, args.cap)
        print(
            f"{r['persons']:>8} {r['build_s']:>8.1f} {r['ann_p50_ms']:>8.2f}ms "
            f"{r['ann_p99_ms']:>8.2f}ms {r['exact_p50_ms']:>8.1f}ms {r['exact_p99_ms']:>8.1f}ms "
            f"{r['ann_recall']:>7.3f} {r['exact_recall']:>7.3f} {r['recall_ratio']:>6.3f}"
            f"  ({r['queries']} queries, {r['exact_queries']} exact, "
            f"peak RSS {r['peak_mib']:,.0f} MiB)",
            flush=True,
        )


if __name__ == "__main__":
    main()
