"""Fit the shipped linking model (persona6/data/identity_model.json) on synthetic people.

    python benchmarks/identity_default_model.py [--people 60] [--seed 1] [--write]

The model a tenant uses before its own ``persona6 backtest linking --save``: the same fit
(persona6/identity/backtest.py) on the seeded generator's people. Prints the backtest figures;
``--write`` replaces the shipped file.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from persona6 import Persona6, synth

TARGET = Path(__file__).resolve().parent.parent / "persona6" / "data" / "identity_model.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    with Persona6(db=":memory:") as p6:
        p6.record(synth.generate(seed=args.seed, people=args.people).events)
        p6.build()
        report = p6.backtest_linking(save=True)
        stored = p6.store.latest_identity_model(p6.tenant)
    assert stored is not None
    stored["fitted_on"] = {
        **stored["fitted_on"],
        "tenant": f"persona6.synth.v1 seed {args.seed}, {args.people} people",
        "source": "benchmarks/identity_default_model.py",
    }
    print(
        f"backtest: top-1 {report.top1:.3f} top-3 {report.top3:.3f} ECE {report.ece:.3f} "
        f"new P/R {report.new_person_precision}/{report.new_person_recall}"
    )
    if args.write:
        TARGET.write_text(json.dumps(stored, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
