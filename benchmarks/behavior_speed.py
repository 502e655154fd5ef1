"""Speed of ``context`` and ``predict`` for a person with about 1,000 sessions, warm.

    python benchmarks/behavior_speed.py [--sessions-people 125] [--calls 300]

The demo generator's people 0..N-1 of seed 0 are merged into one person ``u-big`` (every
user_id and anonymous id rewritten), about 8 sessions each; the 12 people of seed 1 stay as
they are, as the population. After one cold call, ``context`` is timed with ten different tasks
in turn and ``predict`` without and with ``--event`` (the person's last ``--calls`` failures,
each once; one cold ``--event`` call first builds the prefix indexes it reads, once per graph
version).
"""

from __future__ import annotations

import argparse
import time

from persona6 import Persona6, synth

TASKS = [
    "export the weekly report as a spreadsheet",
    "deploy the new worker",
    "why did the sync fail yesterday",
    "set up billing for the team",
    "check the churn numbers",
    "share a dashboard with the group",
    "connect my Google Sheet",
    "rotate the API keys",
    "schedule the digest for Friday",
    "fix the failing import",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions-people", type=int, default=125)
    parser.add_argument("--calls", type=int, default=300)
    args = parser.parse_args()
    big = synth.generate(seed=0, people=args.sessions_people)
    events = []
    for event in big.events:
        event = dict(event)
        for field in ("user_id", "anonymous_id"):
            if field in event:
                event[field] = "u-big"
        if event["type"] == "identify":
            continue
        events.append(event)
    events += synth.generate(seed=1, people=12).events
    p6 = Persona6(db=":memory:")
    started = time.perf_counter()
    p6.record(events)
    p6.build()
    sessions = p6.person("u-big").person.sessions
    print(
        f"u-big: {sessions} sessions; {len(events)} events built in "
        f"{time.perf_counter() - started:.0f}s"
    )
    started = time.perf_counter()
    p6.context("u-big", task=TASKS[0])
    print(f"cold context (loads the tenant's behaviour): {time.perf_counter() - started:.2f}s")
    timings = {"context": [], "predict": [], "predict --event": []}
    failures = [e.event_id for e in p6.events(actor="u-big", type="outcome") if e.name != "success"]
    started = time.perf_counter()
    p6.predict("u-big", event=failures[0])
    print(f"cold predict --event (builds the prefix indexes): {time.perf_counter() - started:.2f}s")
    for i in range(args.calls):
        t = time.perf_counter()
        p6.context("u-big", task=TASKS[i % len(TASKS)], budget=400)
        timings["context"].append(time.perf_counter() - t)
        t = time.perf_counter()
        p6.predict("u-big")
        timings["predict"].append(time.perf_counter() - t)
    for event in failures[-args.calls :]:
        t = time.perf_counter()
        p6.predict("u-big", event=event)
        timings["predict --event"].append(time.perf_counter() - t)
    for name, values in timings.items():
        print(
            f"{name:16s} p50 {percentile(values, 0.5):7.2f} ms  "
            f"p99 {percentile(values, 0.99):7.2f} ms  ({len(values)} calls)"
        )


if __name__ == "__main__":
    main()
