"""Reaction prediction on real command-line traces: the Greenberg UNIX dataset.

    python benchmarks/reactions_greenberg.py ../shared/datasets/greenberg/greenberg.jsonl

Each command becomes an ``action`` named ``command`` (its text the command line); a command the
shell flagged becomes an ``outcome`` named ``error`` right after it (its text the error code).
Commands have no times of their own, so the i-th command of a session is placed i x 10 s after
the session's start. ``persona6.failure.v3`` labels each error's reaction (retry, rephrase,
switch, abandon). The first 60% of each user's sessions are history only; every error in a
later session is predicted with ``predict --event`` (episodes known before it, the failure's
own context) and scored against the label. The population prior and the person's frequency
are scored on the same errors in the same run, from the counts the prediction reports.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta

from behavior_demo import calibration

from persona6 import Persona6
from persona6.behavior.predict import REACTIONS, config
from persona6.types import SignalKind


def events_of(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    counters: dict[tuple[str, int], int] = defaultdict(int)
    events = []
    for row in rows:
        key = (row["user"], row["session"])
        start = datetime.strptime(row["session_start"], "%a %b %d %H:%M:%S %Y").replace(tzinfo=UTC)
        i = counters[key]
        counters[key] += 1
        session = f"{row['user']}:{row['session']}"
        at = start + timedelta(seconds=10 * i)
        common = {"session_id": session, "user_id": row["user"]}
        events.append(
            {
                **common,
                "event_id": f"{session}:{i}",
                "ts": at.isoformat(),
                "type": "action",
                "name": "command",
                "text": row["cmd"],
            }
        )
        if row["error"] is not None:
            events.append(
                {
                    **common,
                    "event_id": f"{session}:{i}:error",
                    "ts": (at + timedelta(seconds=1)).isoformat(),
                    "type": "outcome",
                    "name": "error",
                    "text": row["error"],
                }
            )
    return events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--history", type=float, default=0.6)
    args = parser.parse_args()
    events = events_of(args.path)
    p6 = Persona6(db=":memory:")
    started = time.perf_counter()
    p6.record(events)
    p6.build()
    print(f"ingested and built {len(events)} events in {time.perf_counter() - started:.1f}s")
    sessions: dict[str, list[str]] = defaultdict(list)
    for e in events:
        if not sessions[e["user_id"]] or sessions[e["user_id"]][-1] != e["session_id"]:
            sessions[e["user_id"]].append(e["session_id"])
    later = {s for user, ss in sessions.items() for s in ss[math.ceil(len(ss) * args.history) :]}
    signals = p6.store.signals_of_kinds(p6.tenant, [SignalKind.FAILURE.value])
    label = {s.context["failure_event_id"]: (s.actor, s.value) for s in signals}
    cfg = config()
    rows = {"persona6": [], "population prior": [], "person frequency": []}
    timings = []
    for failure_id, (user, actual) in sorted(label.items()):
        if failure_id.rsplit(":", 2)[0] not in later:
            continue
        t = time.perf_counter()
        prediction = p6.predict(user, event=failure_id)
        timings.append(time.perf_counter() - t)
        pop = prediction.basis["population"]
        n = pop["episodes"]
        prior = {
            r: (pop["reactions"].get(r, 0) + cfg.alpha / len(REACTIONS)) / (n + cfg.alpha)
            for r in REACTIONS
        }
        own = prediction.basis["person"]
        freq = {
            r: (own["reactions"].get(r, 0) + cfg.kappa_person * prior[r])
            / (own["episodes"] + cfg.kappa_person)
            for r in REACTIONS
        }
        for name, dist in (
            ("persona6", prediction.distribution),
            ("population prior", prior),
            ("person frequency", freq),
        ):
            rows[name].append((dist, actual))
    print(f"{len(rows['persona6'])} later failures predicted with --event")
    base = None
    for name, items in rows.items():
        loss = -sum(math.log(max(1e-6, d.get(a, 0.0))) for d, a in items) / len(items)
        acc = sum(max(d, key=d.get) == a for d, a in items) / len(items)
        base = loss if base is None and name == "population prior" else base
        print(f"{name:17s} log-loss {loss:.4f}  accuracy {acc:.3f}")
    model = -sum(math.log(max(1e-6, d.get(a, 0.0))) for d, a in rows["persona6"])
    prior_loss = -sum(math.log(max(1e-6, d.get(a, 0.0))) for d, a in rows["population prior"])
    print(f"log-loss reduction vs the population prior: {1 - model / prior_loss:.1%}")
    for name, items in rows.items():
        tops = [(max(d.values()), max(d, key=d.get) == a) for d, a in items]
        print(f"calibration, {name}: {calibration(tops)}")
    timings.sort()
    print(
        f"predict --event: median {timings[len(timings) // 2] * 1000:.1f} ms, "
        f"p99 {timings[int(len(timings) * 0.99)] * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
