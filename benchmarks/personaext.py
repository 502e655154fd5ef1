"""Recall of the preference and disclosure extractors on PersonaExt (PAED, ACL 2023).

Each PersonaExt line labels one utterance with a persona triplet (head, relation, tail). An
utterance counts as found when the labelled ``tail`` phrase lies inside the evidence quote of an
extracted preference or disclosure whose polarity fits the relation:

- relations containing "dislike" need a preference against (polarity < 0) or a negated
  disclosure ("I don't eat meat");
- negated facts (have_no*, do_not_*, want_no) need a disclosure, of either polarity: the label
  names the relation, the sentence carries the negation;
- every other relation needs a preference for (polarity > 0) or a disclosure of any polarity.

The data is lower-cased and tokenised ("i do not like it ."); the extractors see it as is.

    python benchmarks/personaext.py ../shared/datasets/personaext/personaext.jsonl [--misses N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from _messages import signals_of

from persona6.extract import disclosure, preference
from persona6.types import Signal, SignalKind

MEASURED = (preference.NAME, disclosure.NAME)


def found(relation: str, tail: str, signals: list[Signal]) -> bool:
    pattern = re.compile(r"(?<!\w)" + re.escape(tail.lower()) + r"(?!\w)")
    negative_fact = relation.startswith(("have_no", "do_not", "want_no"))
    for signal in signals:
        if signal.kind is SignalKind.PREFERENCE:
            if negative_fact:
                continue
            fits = signal.polarity < 0 if "dislike" in relation else signal.polarity > 0
        elif signal.kind is SignalKind.DISCLOSURE:
            fits = signal.polarity < 0 if "dislike" in relation else True
        else:
            continue
        if fits and any(pattern.search(e.quote.lower()) for e in signal.evidence):
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path, help="path to personaext.jsonl")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses")
    args = parser.parse_args(argv)
    totals: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    misses: list[str] = []
    started = time.perf_counter()
    with args.dataset.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            record = json.loads(line)
            relation = record["relation"]
            totals[relation] += 1
            signals = signals_of(record["utterance"], f"personaext-{number}", MEASURED)
            if found(relation, record["tail"], signals):
                hits[relation] += 1
            elif len(misses) < args.misses:
                misses.append(f"{relation} | {record['tail']} | {record['utterance']}")
    elapsed = time.perf_counter() - started
    total, hit = sum(totals.values()), sum(hits.values())
    print(f"utterances {total}  found {hit}  score {hit / total:.3f}  ({elapsed:.1f}s)")
    print(f"{'relation':28} {'n':>5} {'recall':>7}")
    for relation, count in totals.most_common():
        print(f"{relation:28} {count:5d} {hits[relation] / count:7.3f}")
    for miss in misses:
        print("MISS", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
