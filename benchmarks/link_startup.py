"""Linking start-up: indexing every known person, against restoring a saved index.

    python benchmarks/link_startup.py [--persons 10000] [--changed 0.01]

A process links only once its index holds every known person (``Linker.sync``). Without a
saved index it reads, parses and vectorizes every profile and inserts each into the HNSW graph
and the posting lists; with one (persona6/identity/snapshot.py) it restores the file and
re-indexes only the persons whose profiles changed since.

The persons: the demo (``synth.generate(seed=0)``) is ingested and built, and ``--persons``
profiles are made from its identity units, each the sum of three units drawn at random (so
profiles are as large as real ones and all different), written to the store as a build would.

Printed, in one run on the same store:

1. baseline: a ``Linker`` without a saved index (every person indexed);
2. the same with an index directory: every person indexed, then the snapshot written;
3. a new ``Linker`` restoring the snapshot, nothing changed;
4. the same after ``--changed`` of the profiles were rewritten (new versions).

For each: wall and CPU seconds, and for 3 and 4 whether the candidates of 20 queries equal
the baseline's (same persons, same LLRs). Not a test: timings belong here.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from persona6 import Persona6, synth
from persona6.identity import Linker
from persona6.identity.features import Profile, sum_profiles
from persona6.identity.model import vectorize
from persona6.identity.scoring import rank


def make_store(folder: Path, persons: int, seed: int) -> tuple[Path, list[Profile]]:
    db = folder / "startup.db"
    with Persona6(db=db) as p6:
        p6.record(synth.generate(seed=0).events)
        p6.build()
        p6._linker().sync()  # units and profiles of the demo's people
        store, tenant = p6.store, p6.tenant
        units = [Profile.from_json(json.loads(u.body)) for u in store.identity_units(tenant)]
        rng = random.Random(seed)
        with store.transaction():
            known = store.known_user_ids(tenant)
            for person in known:  # only the made-up persons: the counts are exact
                store.delete_identity_profile(tenant, person)
            version = store.next_identity_profiles_version(tenant)
            for i in range(persons):
                profile = sum_profiles(rng.sample(units, 3))
                store.replace_identity_profile(
                    tenant,
                    f"person-{i:06d}",
                    profile.sessions,
                    profile.last_ts,
                    json.dumps(profile.to_json(), separators=(",", ":")),
                    version=version,
                )
        queries = [u for u in rng.sample(units, 20)]
    return db, queries


def rewrite(db: Path, share: float, seed: int) -> int:
    with Persona6(db=db) as p6:
        store, tenant = p6.store, p6.tenant
        rows = list(store.identity_profiles(tenant))
        chosen = random.Random(seed + 1).sample(rows, max(1, int(share * len(rows))))
        with store.transaction():
            version = store.next_identity_profiles_version(tenant)
            for person, body in chosen:
                profile = Profile.from_json(json.loads(body))
                profile.sessions += 1  # a changed profile: another session counted
                store.replace_identity_profile(
                    tenant,
                    person,
                    profile.sessions,
                    profile.last_ts,
                    json.dumps(profile.to_json(), separators=(",", ":")),
                    version=version,
                )
    return len(chosen)


def timed_sync(db: Path, index_dir: Path | None) -> tuple[Linker, float, float]:
    p6 = Persona6(db=db)
    linker = Linker(p6.store, p6.tenant, index_dir=index_dir)
    wall, cpu = time.perf_counter(), time.process_time()
    linker.sync()
    linker.flush()  # a snapshot written in the background counts
    return linker, time.perf_counter() - wall, time.process_time() - cpu


def answers(linker: Linker, queries: list[Profile]) -> list[list[tuple[str, float]]]:
    assert linker.model is not None and linker.index is not None
    found = []
    for query in queries:
        scored = rank(linker.index, vectorize(query, linker.model), linker.model, 64)
        found.append([(s.person_id, round(s.llr, 9)) for s in scored])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--persons", type=int, default=10_000)
    parser.add_argument("--changed", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        db, queries = make_store(root, args.persons, args.seed)
        index_dir = root / "index"
        rows = []
        baseline, wall, cpu = timed_sync(db, None)
        expected = answers(baseline, queries)
        rows.append(("1. no saved index (baseline)", wall, cpu, ""))
        _, wall, cpu = timed_sync(db, index_dir)
        size = sum(f.stat().st_size for f in index_dir.iterdir()) / 2**20
        rows.append(("2. index every person, save", wall, cpu, f"snapshot {size:,.0f} MiB"))
        restored, wall, cpu = timed_sync(db, index_dir)
        same = answers(restored, queries) == expected
        rows.append(("3. restore, nothing changed", wall, cpu, f"same candidates: {same}"))
        changed = rewrite(db, args.changed, args.seed)
        restored, wall, cpu = timed_sync(db, index_dir)
        fresh, _, _ = timed_sync(db, None)
        same = answers(restored, queries) == answers(fresh, queries)
        rows.append(
            (f"4. restore, {changed} rewritten", wall, cpu, f"same as a fresh index: {same}")
        )
    print(f"\nLinking start-up, {args.persons:,} persons")
    print(f"  python benchmarks/link_startup.py --persons {args.persons} --changed {args.changed}")
    print(f"  {'':34} {'wall s':>8} {'CPU s':>8}")
    for name, wall, cpu, note in rows:
        print(f"  {name:34} {wall:8.2f} {cpu:8.2f}  {note}")


if __name__ == "__main__":
    main()
