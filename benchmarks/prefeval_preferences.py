"""Stated preferences in PrefEval (ICLR 2025): does the graph read each one?

    python benchmarks/prefeval_preferences.py ../shared/datasets/prefeval [--misses N]

Each item of ``explicit_preference/*.json`` opens with one sentence in which a synthetic user
states a preference ("I have a strong aversion to horror movies", "I only use vegan beauty
products", "I'm allergic to peanuts"). Each sentence is one user message, given to the
preference and disclosure extractors alone. Reported, per topic and overall:

- the share of sentences from which a preference is extracted;
- the share from which a preference or a self-disclosure is (an allergy or a diet is stated as
  a fact about the person, and the graph keeps it as one);
- the polarity of the preferences found (most of PrefEval's sentences are aversions).

The data set does not label the object or the polarity of a sentence, so this measures whether
a stated preference is read at all, not whether its object is cut exactly; the misses it prints
are how to read the rest. PrefEval's sentences were written by a language model in a few
recurring phrasings; the extractors were not fitted to them (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from _messages import signals_of

from persona6.extract import disclosure, preference
from persona6.types import SignalKind

MEASURED = (preference.NAME, disclosure.NAME)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="the prefeval folder")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses")
    args = parser.parse_args(argv)
    files = sorted((args.root / "explicit_preference").glob("*.json"))
    if not files:
        parser.error(f"no explicit_preference/*.json under {args.root}: pass the prefeval folder")
    totals: Counter[str] = Counter()
    preferred: Counter[str] = Counter()
    either: Counter[str] = Counter()
    polarity: Counter[str] = Counter()
    misses: list[str] = []
    started = time.perf_counter()
    for path in files:
        for number, item in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            signals = signals_of(item["preference"], f"{path.stem}-{number}", MEASURED)
            kinds = {s.kind for s in signals}
            totals[path.stem] += 1
            if SignalKind.PREFERENCE in kinds:
                preferred[path.stem] += 1
                sign = {s.polarity > 0 for s in signals if s.kind is SignalKind.PREFERENCE}
                polarity["for" if sign == {True} else "against" if sign == {False} else "both"] += 1
            if kinds & {SignalKind.PREFERENCE, SignalKind.DISCLOSURE}:
                either[path.stem] += 1
            elif len(misses) < args.misses:
                misses.append(f"{path.stem} | {item['preference']}")
    elapsed = time.perf_counter() - started
    total = sum(totals.values())
    print("| topic | sentences | a preference | a preference or a disclosure |")
    print("| --- | --- | --- | --- |")
    for topic, count in sorted(totals.items()):
        print(
            f"| {topic} | {count} | {preferred[topic] / count:.3f} | {either[topic] / count:.3f} |"
        )
    print(
        f"| **all** | {total} | **{sum(preferred.values()) / total:.3f}** "
        f"| **{sum(either.values()) / total:.3f}** |"
    )
    print(f"\npreferences found: {dict(polarity)} ({elapsed:.1f}s)")
    for miss in misses:
        print("MISS", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
