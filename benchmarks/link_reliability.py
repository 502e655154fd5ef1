"""Identity linking, how far its probabilities and its top-1 can be read: reliability bins.

    python benchmarks/link_reliability.py locomo ../shared/datasets/locomo/locomo.json
    python benchmarks/link_reliability.py greenberg ../shared/datasets/greenberg/greenberg.jsonl
    python benchmarks/link_reliability.py c50 ../shared/datasets/c50/c50.jsonl --authors 15

The split is the data set's own benchmark's (link_locomo.py, link_greenberg.py, link_c50.py),
and Persona6 runs on it as there (``backtest linking --save`` on the history, then ``link``
each anonymous actor). Printed, for the closed set (the candidates alone, "new" left out and
the rest renormalised) and with "a new person" at the model's ``prior_new``:

- the reliability bins (10 of equal width): how many actors, their mean confidence, how often
  the top label was right, and the ECE those bins make;
- the ECE a perfectly calibrated model shows at the same confidences on as many actors
  (``backtest.calibrated_ece``: its median and the bound it exceeds one time in 20). An ECE
  under the bound is no evidence of miscalibration on this many actors; one above it is;
- top-1 and mean confidence by the size of the anonymous session (lines of text: turns,
  commands, paragraphs), in quarters of the actors: where the misses are.

No baseline is run; the data set's own benchmark prints them.

With ``--strangers SHARE`` that share of the persons (seeded) is taken out of the history: their
anonymous actors are new people, who must come out as "a new person". The benchmarks' splits
hold none, so their ECE with "new" counts every probability of a new person as an error, which
a model calibrated for a base rate of new people cannot avoid; with strangers at about
``prior_new`` it is measured on the mixture the model is calibrated for.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

import numpy as np
from _linking import Split, require_bench

from persona6 import Persona6
from persona6.identity.backtest import calibrated_ece, calibration_error

DATA_SETS = ("locomo", "greenberg", "c50")


def load_split(name: str, path: Path, authors: int) -> Split:
    if name == "locomo":
        from link_locomo import build_split as locomo_split

        return locomo_split(json.loads(path.read_text(encoding="utf-8")))
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    if name == "greenberg":
        from link_greenberg import build_split as greenberg_split

        return greenberg_split(rows)
    from link_c50 import build_split as c50_split

    return c50_split(rows, authors)


def with_strangers(split: Split, share: float, seed: int = 0) -> Split:
    """``split`` with ``share`` of its persons (at least one when ``share`` > 0) taken out of
    the history: their anonymous actors' truth becomes None, a new person."""
    persons = sorted(split.history_texts)
    count = max(1, round(share * len(persons))) if share > 0 else 0
    gone = set(random.Random(seed).sample(persons, count))
    print(f"  strangers (history taken out): {', '.join(sorted(gone))}", file=sys.stderr)
    return Split(
        [e for e in split.known if e.get("user_id") not in gone],
        split.anonymous,
        {a: (None if p in gone else p) for a, p in split.truth.items()},  # type: ignore[misc]
        {p: t for p, t in split.history_texts.items() if p not in gone},
        split.query_texts,
    )


def linked(split: Split) -> tuple[list[dict], dict]:
    """Each anonymous actor as Persona6 links it: the truth, the best candidate, its
    probability, P(new); and the model it was linked with."""
    found = []
    with tempfile.TemporaryDirectory() as folder, Persona6(db=Path(folder) / "link.db") as p6:
        p6.record(split.known)
        p6.record(split.anonymous)
        p6.build()
        backtest = p6.backtest_linking(save=True)
        for i, (actor, person) in enumerate(sorted(split.truth.items())):
            result = p6.link(actor)
            best = result.candidates[0] if result.candidates else None
            found.append(
                {
                    "actor": actor,
                    "truth": person,
                    "best": best.person_id if best else None,
                    "probability": best.probability if best else 0.0,
                    "new": result.new_person_probability,
                }
            )
            if i % 100 == 0:
                print(f"  linked {i}/{len(split.truth)}", file=sys.stderr)
        return found, backtest.model


def print_bins(title: str, confidences: list[float], correct: list[bool]) -> None:
    ece, table = calibration_error(confidences, correct)
    expected, bound = calibrated_ece(confidences)
    verdict = "no evidence of miscalibration" if ece <= bound else "miscalibrated"
    print(
        f"  {title}: ECE {ece:.3f}; a calibrated model at these confidences: median "
        f"{expected:.3f}, 1 in 20 above {bound:.3f} -> {verdict}"
    )
    print(f"    {'bin':9} {'actors':>6} {'confidence':>10} {'right':>6}")
    for row in table:
        print(
            f"    {row['from']:.1f}-{row['to']:.1f}   {int(row['count']):6d} "
            f"{row['confidence']:10.3f} {row['accuracy']:6.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_set", choices=DATA_SETS, help="which benchmark's split")
    parser.add_argument("path", type=Path, help="the data set's file")
    parser.add_argument("--authors", type=int, default=50, help="c50: use the first N authors.")
    parser.add_argument(
        "--strangers",
        type=float,
        default=0.0,
        help="Share of the persons taken out of the history: their actors are new people.",
    )
    args = parser.parse_args()
    require_bench()
    split = load_split(args.data_set, args.path, args.authors)
    if args.strangers:
        split = with_strangers(split, args.strangers)
    found, model = linked(split)
    rows = [r for r in found if r["truth"] is not None]  # known persons: the closed set
    closed = [r["probability"] / max(1e-12, 1.0 - r["new"]) for r in rows]
    hits = [r["best"] == r["truth"] for r in rows]
    with_new = [max(r["probability"], r["new"]) for r in found]
    right = [
        r["new"] > r["probability"]
        if r["truth"] is None
        else (r["best"] == r["truth"] and r["probability"] >= r["new"])
        for r in found
    ]
    strangers = len(found) - len(rows)
    if strangers:
        new_ones = [r for r in found if r["truth"] is None]
        said_new = sum(r["new"] > r["probability"] for r in new_ones)
        print(
            f"\n{strangers} actors of persons taken out of the history: 'a new person' on top "
            f"for {said_new}; mean P(new) {sum(r['new'] for r in new_ones) / strangers:.3f}, "
            f"over known persons' actors {sum(r['new'] for r in rows) / len(rows):.3f}"
        )
    print(
        f"\n{args.data_set}: {len(rows)} anonymous actors of known persons, top-1 "
        f"{sum(hits) / len(rows):.3f}; "
        f"model T {model['temperature']}, size slope {model.get('size_slope', 0)}, "
        f"separation {model.get('separation', 0)}, prior_new {model['prior_new']}"
    )
    print_bins("closed set", closed, hits)
    print_bins(f'with "a new person" (prior_new {model["prior_new"]})', with_new, right)
    lines = np.array([len(split.query_texts[r["actor"]].splitlines()) for r in rows])
    edges = np.quantile(lines, [0.25, 0.5, 0.75])
    print("  by the session's size (lines), in quarters of the actors:")
    low = 0
    for high in [*edges.tolist(), float(lines.max())]:
        members = [i for i, n in enumerate(lines) if low < n <= high or (low == 0 and n == 0)]
        if members:
            top1 = sum(hits[i] for i in members) / len(members)
            confidence = sum(closed[i] for i in members) / len(members)
            print(
                f"    {int(low) + 1:>4}-{int(high):<5} lines: {len(members):4d} actors, top-1 "
                f"{top1:.3f} ({len(members) - sum(hits[i] for i in members)} missed), "
                f"closed confidence {confidence:.3f}"
            )
        low = high


if __name__ == "__main__":
    main()
