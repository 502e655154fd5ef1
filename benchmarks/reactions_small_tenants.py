"""Reaction prediction on small tenants, held out: a few persons, a few episodes each.

    python benchmarks/reactions_small_tenants.py demo --persons 4 --tenants 12
    python benchmarks/reactions_small_tenants.py greenberg --persons 3 --tenants 20 \
        --path ../shared/datasets/greenberg/greenberg.jsonl

A tenant is ``--persons`` people of the demo generator (one seed per tenant, seeds 0, 1, ...)
or users of the Greenberg traces (combinations of that many of the 7 users, in a fixed
shuffled order, each user starting ``7 k`` sessions in for the k-th tenant, modulo half their
history). Each person's first ``--known`` failure episodes (their sessions up to the one
holding it) are the history; their next ``--predicted`` episodes (in later sessions) are
predicted with ``predict(person, failure=name)``, what ``predict --failure`` knows, from a
build of the histories only, and scored on the labels of a full build. Reported: log-loss,
the population prior's (the known episodes' counts under alpha 1, as the other benchmarks'),
accuracy and the calibration of the top reaction (ECE over 10 bins of its probability, with
the mean top probability).
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
from collections import defaultdict
from collections.abc import Iterator

from behavior_demo import calibration
from reactions_greenberg import events_of

from persona6 import Persona6, synth
from persona6.types import SignalKind

#: What a persona's episodes are: (failure event id, session id), in session order.
Episodes = list[tuple[str, str]]


def labels(events: list[dict]) -> dict[str, tuple[str, str]]:
    """failure event id -> (failure name, reaction), from a full build."""
    with Persona6(db=":memory:") as p6:
        p6.record(events)
        p6.build()
        found = p6.store.signals_of_kinds(p6.tenant, [SignalKind.FAILURE.value])
        return {
            s.context.get("failure_event_id"): (s.context.get("failure_name", s.key), s.value)
            for s in found
        }


def demo_tenants(persons: int, tenants: int) -> Iterator[tuple[list[dict], dict]]:
    for seed in range(tenants):
        log = synth.generate(seed=seed, people=persons)
        per = {}
        for p in log.truth["people"]:
            order = [s["session_id"] for s in p["sessions"]]
            eps = sorted(p["failure_episodes"], key=lambda e: order.index(e["session_id"]))
            per[p["person_id"]] = (order, [(e["failure_event_id"], e["session_id"]) for e in eps])
        yield log.events, per


def greenberg_tenants(
    path: str, persons: int, tenants: int, found: dict[str, tuple[str, str]]
) -> Iterator[tuple[list[dict], dict]]:
    events = events_of(path)
    users = sorted({e["user_id"] for e in events})
    sessions: dict[str, list[str]] = defaultdict(list)
    fails: dict[str, Episodes] = defaultdict(list)
    for e in events:
        u = e["user_id"]
        if not sessions[u] or sessions[u][-1] != e["session_id"]:
            sessions[u].append(e["session_id"])
        if e["event_id"] in found:
            fails[u].append((e["event_id"], e["session_id"]))
    combos = list(itertools.combinations(users, persons))
    random.Random(persons).shuffle(combos)
    for k, combo in enumerate(combos[:tenants]):
        per = {}
        for u in combo:
            start = (k * 7) % max(1, len(sessions[u]) // 2)
            order = sessions[u][start:]
            kept = set(order)
            per[u] = (order, [f for f in fails[u] if f[1] in kept])
        yield [e for e in events if e["user_id"] in combo], per


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", choices=["demo", "greenberg"])
    parser.add_argument("--persons", type=int, default=4)
    parser.add_argument("--tenants", type=int, default=12)
    parser.add_argument("--known", type=int, default=3)
    parser.add_argument("--predicted", type=int, default=3)
    parser.add_argument("--path", default="../shared/datasets/greenberg/greenberg.jsonl")
    args = parser.parse_args()
    if args.source == "demo":
        tenants = ((events, per, None) for events, per in demo_tenants(args.persons, args.tenants))
    else:
        every = labels(events_of(args.path))
        tenants = (
            (events, per, every)
            for events, per in greenberg_tenants(args.path, args.persons, args.tenants, every)
        )
    model: list[float] = []
    prior: list[float] = []
    tops: list[tuple[float, bool]] = []
    for events, per, found in tenants:
        found = found if found is not None else labels(events)
        keep: set[str] = set()
        tests: dict[str, Episodes] = {}
        for pid, (order, eps) in per.items():
            eps = [e for e in eps if e[0] in found]
            if len(eps) <= args.known:
                keep |= set(order)  # too few episodes: all of their sessions are history
                continue
            history = set(order[: order.index(eps[args.known - 1][1]) + 1])
            keep |= history
            tests[pid] = [e for e in eps[args.known :] if e[1] not in history][: args.predicted]
        known = [e for e in events if e.get("session_id") in keep or not e.get("session_id")]
        with Persona6(db=":memory:") as p6:
            p6.record(known)
            p6.build()
            for pid, test in tests.items():
                for failure_id, _ in test:
                    name, actual = found[failure_id]
                    prediction = p6.predict(pid, failure=name)
                    d = prediction.distribution
                    model.append(-math.log(max(1e-6, d[actual])))
                    pop = prediction.basis["population"]
                    p0 = (pop["reactions"].get(actual, 0) + 1 / 8) / (pop["episodes"] + 1)
                    prior.append(-math.log(p0))
                    top = max(d, key=d.get)
                    tops.append((d[top], top == actual))
    n = len(model)
    print(
        f"{args.source}, {args.tenants} tenants of {args.persons} persons, "
        f"{args.known} episodes known, {n} predicted"
    )
    print(f"log-loss, persona6 (--failure): {sum(model) / n:.4f}")
    print(f"log-loss, population prior    : {sum(prior) / n:.4f}")
    print(f"calibration, persona6: {calibration(tops)}")


if __name__ == "__main__":
    main()
