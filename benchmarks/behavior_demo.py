"""Behaviour against the demo generator's ground truth.

    python benchmarks/behavior_demo.py [--seeds 0 1 2 3 4] [--people 12]

- archetypes: top-1 accuracy of ``archetypes PERSON`` against the generator's archetype;
- reactions: each person's failures in identified sessions after their first 60% of episodes
  are predicted with ``predict --event`` (history before each only) and scored by log-loss on
  the reaction the generator planted, next to the log-loss of the generator's own
  ``reaction_probs`` for that person (the best any model can do) and of the population prior;
- and, predicting now from everything, the mean KL divergence from each person's true
  ``reaction_probs`` to the predicted distribution;
- calibration: the expected calibration error of the top reaction (10 bins of its probability:
  the mean gap between the probability given and how often it was right), with the mean top
  probability and accuracy;
- labels: how many planted failure episodes ``persona6.failure.v3`` labels with the planted
  reaction (the model learns from these labels, and is scored on the planted ones).
"""

from __future__ import annotations

import argparse
import math

from persona6 import Persona6, synth
from persona6.behavior.predict import REACTIONS, config
from persona6.types import SignalKind


def calibration(tops: list[tuple[float, bool]]) -> str:
    """ECE of the top reaction over 10 equal bins of its probability, and the means."""
    bins: dict[int, list[tuple[float, bool]]] = {}
    for p, right in tops:
        bins.setdefault(min(9, int(p * 10)), []).append((p, right))
    gap = sum(abs(sum(p for p, _ in b) - sum(r for _, r in b)) for b in bins.values())
    n = len(tops)
    return (
        f"ECE {gap / n:.4f}, mean top probability {sum(p for p, _ in tops) / n:.3f}, "
        f"accuracy {sum(r for _, r in tops) / n:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2, 3, 4])
    parser.add_argument("--people", type=int, default=12)
    args = parser.parse_args()
    cfg = config()
    right = total = 0
    losses: dict[str, list[float]] = {"persona6": [], "true probabilities": [], "prior": []}
    kls = []
    labelled = planted = 0
    tops: list[tuple[float, bool]] = []  # (probability of the top reaction, it was right)
    for seed in args.seeds:
        log = synth.generate(seed=seed, people=args.people)
        p6 = Persona6(db=":memory:")
        p6.record(log.events)
        p6.build()
        signals = p6.store.signals_of_kinds(p6.tenant, [SignalKind.FAILURE.value])
        label = {s.context.get("failure_event_id"): s.value for s in signals}
        for person in log.truth["people"]:
            for episode in person["failure_episodes"]:
                planted += 1
                labelled += label.get(episode["failure_event_id"]) == episode["reaction"]
        for person in log.truth["people"]:
            pid = person["person_id"]
            top = p6.archetypes(pid).archetypes[0].archetype
            right += top == person["archetype"]
            total += 1
            true = person["reaction_probs"]
            now = p6.predict(pid).distribution
            kls.append(sum(p * math.log(p / max(1e-9, now[r])) for r, p in true.items() if p))
            identified = {s["session_id"] for s in person["sessions"] if s["kind"] == "identified"}
            episodes = [e for e in person["failure_episodes"] if e["session_id"] in identified]
            for episode in episodes[math.ceil(len(episodes) * 0.6) :]:
                prediction = p6.predict(pid, event=episode["failure_event_id"])
                actual = episode["reaction"]
                pop = prediction.basis["population"]
                prior = (pop["reactions"].get(actual, 0) + cfg.alpha / len(REACTIONS)) / (
                    pop["episodes"] + cfg.alpha
                )
                losses["persona6"].append(-math.log(max(1e-6, prediction.distribution[actual])))
                top = max(prediction.distribution, key=prediction.distribution.get)
                tops.append((prediction.distribution[top], top == actual))
                losses["true probabilities"].append(-math.log(max(1e-6, true[actual])))
                losses["prior"].append(-math.log(max(1e-6, prior)))
        p6.close()
    print(f"archetype top-1 accuracy: {right / total:.3f} ({right}/{total}, seeds {args.seeds})")
    n = len(losses["persona6"])
    for name, values in losses.items():
        print(f"reaction log-loss, {name:18s}: {sum(values) / n:.4f} over {n} later failures")
    print(f"calibration, persona6: {calibration(tops)}")
    print(f"mean KL(true reaction_probs || predicted now): {sum(kls) / len(kls):.4f}")
    print(f"planted failures labelled with the planted reaction: {labelled}/{planted}")


if __name__ == "__main__":
    main()
