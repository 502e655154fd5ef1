"""Graph build speed: a full build, and an incremental build after one new session.

    python benchmarks/build.py [--events 1000000] [--sessions 1000] [--repeat 5]

1. Full build: N synthetic events (``persona6.synth.iter_events``) are ingested, then
   ``build(full=True)`` runs once; prints events per second (goal: >= 20,000 on one core).
   The baseline in the same run is the extraction floor: reading every session's events back
   from the store without extracting anything, which bounds what any build can reach.
2. Incremental build: one person with ``--sessions`` past sessions (the sessions of many
   generated people, all given to one user_id) is built; then one new session is ingested and
   ``build()`` runs; prints the median and worst of ``--repeat`` such builds (goal: < 50 ms).
   The baseline is a full rebuild of the same person.
3. The same person's live session: the first half of a new session is built, then its second
   half arrives and ``build()`` runs (the session is extracted again and replaces the last
   session of the keys it touches); median and worst of ``--repeat``.

Each figure is wall time, with the CPU time of this process (``time.process_time``) after
it: on a machine shared with other work, CPU time is the steadier of the two.

Not a test: timings belong here, never in the test suite.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from itertools import islice

from persona6 import Persona6, synth
from persona6.store.base import EventQuery


def full_build(count: int) -> None:
    p6 = Persona6(db=":memory:")
    events = list(islice(synth.iter_events(seed=0, people=max(12, count // 350)), count))
    p6.record(events)
    started = time.perf_counter()
    sessions = p6.store.sessions_since(p6.tenant, 0)
    for session_id in sessions:
        list(p6.store.iter_events(EventQuery(tenant=p6.tenant, session_id=session_id)))
    floor = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    report = p6.build(full=True)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"| full build, {len(events):,} events | {len(events) / elapsed:,.0f} events/s "
        f"({elapsed:.1f}s; CPU {len(events) / cpu:,.0f} events/s, {cpu:.1f}s; "
        f"{report.signals:,} signals, {report.traits:,} traits) | "
        f"read-back floor {len(events) / floor:,.0f} events/s |"
    )


def one_person(sessions: int) -> tuple[list[dict], list[list[dict]]]:
    """The sessions of generated people, re-assigned to one person, in time order."""
    by_session: dict[str, list[dict]] = defaultdict(list)
    seed = 0
    while len(by_session) < sessions + 10:
        for event in synth.generate(seed=seed, people=4).events:
            if event.get("type") == "identify":
                continue
            event = dict(event)
            if "user_id" in event or "anonymous_id" in event:
                event.pop("anonymous_id", None)
                event["user_id"] = "heavy-user"
            event["session_id"] = f"{seed}:{event['session_id']}"
            event["event_id"] = f"{seed}:{event['event_id']}"
            by_session[event["session_id"]].append(event)
        seed += 1
    ordered = sorted(by_session.values(), key=lambda evs: evs[0]["ts"])
    # Later sessions must come after the history: shift them past its end.
    return [e for s in ordered[:sessions] for e in s], ordered[sessions:]


def incremental(sessions: int, repeat: int) -> None:
    history, fresh = one_person(sessions)
    p6 = Persona6(db=":memory:")
    p6.record(history)
    p6.build()
    last = max(e["ts"] for e in history)
    timings, cpu = [], []
    for index, session in enumerate(fresh[:repeat]):
        shifted = []
        for event in session:
            event = dict(event)
            event["ts"] = f"2099-01-{index + 1:02d}T{event['ts'][11:]}"
            shifted.append(event)
        assert shifted[0]["ts"] > last
        p6.record(shifted)
        started, used = time.perf_counter(), time.process_time()
        p6.build()
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - used)
    grown, grown_cpu = [], []
    for index, session in enumerate(fresh[repeat : 2 * repeat]):
        shifted = [dict(e, ts=f"2099-02-{index + 1:02d}T{e['ts'][11:]}") for e in session]
        p6.record(shifted[: len(shifted) // 2])
        p6.build()
        p6.record(shifted[len(shifted) // 2 :])
        started, used = time.perf_counter(), time.process_time()
        p6.build()
        grown.append(time.perf_counter() - started)
        grown_cpu.append(time.process_time() - used)
    started, used = time.perf_counter(), time.process_time()
    p6.build(full=True)
    full, full_cpu = time.perf_counter() - started, time.process_time() - used
    print(
        f"| incremental build, 1 new session, person with {sessions:,} sessions | "
        f"{_median_worst(timings)} (CPU {_median_worst(cpu)}) "
        f"| full rebuild {full * 1000:,.0f} ms (CPU {full_cpu * 1000:,.0f} ms) |"
    )
    print(
        f"| incremental build, 1 session grown by its second half, same person | "
        f"{_median_worst(grown)} (CPU {_median_worst(grown_cpu)}) | (as above) |"
    )


def _median_worst(seconds: list[float]) -> str:
    return f"median {statistics.median(seconds) * 1000:.0f} ms, worst {max(seconds) * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print("| measure | persona6 | baseline (same run) |")
    print("| --- | --- | --- |")
    full_build(args.events)
    incremental(args.sessions, args.repeat)


if __name__ == "__main__":
    main()
