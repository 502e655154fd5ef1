"""Extraction speed of every extractor, per event.

    python benchmarks/extract_speed.py [--people 300] [--repeat 3]

Sessions are read back from a store as ``build`` reads them: the demo log
(``synth.generate(seed=7)``) and ``synth.iter_events(seed=0, people=N)``. Each extractor runs
alone over every session (its per-text preparation not shared), then all eight per session as
``extract_session`` runs them. Every run starts with cold per-text caches (prepared texts,
built evidence, remembered claims, sentences and words), so a text repeated within the log is
read once per run, as in one build. The cyclic garbage collector is paused during each run, as
a build pauses it (``graph.build.collector_paused``). Times are CPU seconds
(``time.process_time``), the best of ``--repeat`` runs, divided by all events (messages,
actions, outcomes). Issue #3 asks for a whole build at 20,000 events/s, 50 us per event: the
extractors must take well under that.

Not a test: timings belong here, never in the test suite.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable, Sequence

from persona6 import Persona6, synth
from persona6.extract import EXTRACTORS, common, concern, disclosure, preference, prep, text
from persona6.store.base import EventQuery
from persona6.types import StoredEvent

NAMES = ("style", "texture", "task", "decision", "failure", "preference", "disclosure", "concern")


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
        # Cold per-text caches: a run must not reuse what an earlier run prepared.
        prep._CACHE.clear()
        common._BUILT.clear()
        for module in (preference, disclosure, concern):
            module._remembered.cache_clear()
        for cached in (text._word_table, text._sentences, text._clauses, text._is_question):
            cached.cache_clear()
        preference._prepared.cache_clear()
        # As a build runs them (graph.build.collector_paused), written out here so that this
        # script also measures trees from before builds paused the collector.
        gc.disable()
        try:
            started = time.process_time()
            run()
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


def measure(label: str, sessions: Sequence[list[StoredEvent]], repeat: int) -> None:
    events = sum(map(len, sessions))
    gc.collect()
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
    print("| log | " + " | ".join(NAMES) + " | sum | all per session |")
    print("| --- " * (len(NAMES) + 3) + "|")
    measure("demo (seed 7)", sessions_of(synth.generate(seed=7).events), args.repeat)
    generated = list(synth.iter_events(seed=0, people=args.people))
    measure(f"iter_events ({args.people} people)", sessions_of(generated), args.repeat)


if __name__ == "__main__":
    main()
