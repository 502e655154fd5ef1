"""Extraction speed of the style, texture, task, decision and failure extractors, per event.

    python benchmarks/extract_speed.py [--people 300] [--repeat 3]

Sessions are read back from a store as ``build`` reads them: the demo log
(``synth.generate(seed=7)``) and ``synth.iter_events(seed=0, people=N)``. Each extractor runs
alone over every session (its per-event preparation not shared), then all five per session as
``extract_session`` runs them. Times are CPU seconds (``time.process_time``), the best of
``--repeat`` runs, divided by all events (messages, actions, outcomes). The goal: the five
together at most 20 us per event.

Not a test: timings belong here, never in the test suite.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable, Sequence

from persona6 import Persona6, synth
from persona6.extract import EXTRACTORS, common, prep
from persona6.store.base import EventQuery
from persona6.types import StoredEvent

NAMES = ("style", "texture", "task", "decision", "failure")


def sessions_of(events: list[dict]) -> list[list[StoredEvent]]:
    p6 = Persona6(db=":memory:")
    p6.record(events)
    return [
        sorted(p6.store.iter_events(EventQuery(tenant=p6.tenant, session_id=sid)), key=_ts)
        for sid in p6.store.sessions_since(p6.tenant, 0)
    ]


def _ts(event: StoredEvent) -> str:
    return event.ts


def best_of(repeat: int, run: Callable[[], None]) -> float:
    best = float("inf")
    for _ in range(repeat):
        # Cold per-event caches: a run must not reuse what an earlier run prepared.
        prep._CACHE.clear()
        common._BUILT.clear()
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def measure(label: str, sessions: Sequence[list[StoredEvent]], repeat: int) -> None:
    events = sum(map(len, sessions))
    # The sessions stay loaded for the whole run: keep the collector's passes off them, as a
    # build that reads one session at a time would.
    gc.collect()
    gc.freeze()
    by_name = {name.split(".")[1]: extractor for name, extractor in EXTRACTORS.items()}
    extractors = [by_name[name] for name in NAMES]
    for extractor in extractors:  # load lexicons and compile cue lists outside the timing
        list(extractor.extract(sessions[0]))
    cells = []
    for extractor in extractors:

        def alone(extractor=extractor) -> None:  # type: ignore[no-untyped-def]
            for session in sessions:
                for _ in extractor.extract(session):
                    pass

        cells.append(best_of(repeat, alone))

    def together() -> None:
        for session in sessions:
            for extractor in extractors:
                for _ in extractor.extract(session):
                    pass

    shared = best_of(repeat, together)
    per_event = " | ".join(f"{seconds / events * 1e6:.1f}" for seconds in cells)
    print(
        f"| {label}, {events:,} events | {per_event} | {sum(cells) / events * 1e6:.1f} | "
        f"{shared / events * 1e6:.1f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| log | " + " | ".join(NAMES) + " | sum | five per session |")
    print("| --- " * (len(NAMES) + 3) + "|")
    measure("demo (seed 7)", sessions_of(synth.generate(seed=7).events), args.repeat)
    generated = list(synth.iter_events(seed=0, people=args.people))
    measure(f"iter_events ({args.people} people)", sessions_of(generated), args.repeat)


if __name__ == "__main__":
    main()
