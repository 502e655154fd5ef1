"""The persona graph against the demo generator's ground truth.

    python benchmarks/demo_truth.py [--seeds 0 1 2 3 4] [--people 12]

For each seed: generate the demo log, ingest, build, and check what the generator planted:

- preferences: a preference trait of the person cites a planted statement with its polarity;
- the preference change: a superseded trait cites the "before" statement, an active trait cites
  the "after" statement and supersedes it;
- disclosures and concerns: a trait of that kind cites a planted statement (concerns: same key);
- style: the archetype's behaviour shows as a style trait (skeptic: asks for sources and
  challenges answers; operator: terse or commanding; community regular: warm; newcomer: asking);
- failure reactions: the extractor's reaction label for each planted failure episode;
- reported speech: no preference trait cites a distractor (someone else's preference; "my
  boss hates meetings" may still support the disclosure that the speaker has a boss, and a
  style trait may quote it as an example of how the person writes).
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict

from persona6 import Persona6, synth
from persona6.types import SignalKind, TraitStatus

EXPECTED_STYLE = {
    "skeptic": [("asks_for_sources", None), ("challenges_answers", None)],
    "operator": [("verbosity", "terse"), ("mode", "commanding")],
    "community_regular": [("warmth", None)],
    "newcomer": [("mode", "asking")],
}


def _same(a: str, b: str) -> bool:
    return a.replace("_", " ").replace("-", " ") == b.replace("_", " ").replace("-", " ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2, 3, 4])
    parser.add_argument("--people", type=int, default=12)
    args = parser.parse_args()

    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses: dict[str, list[str]] = defaultdict(list)
    reactions: Counter[tuple[str, str]] = Counter()
    for seed in args.seeds:
        log = synth.generate(seed=seed, people=args.people)
        p6 = Persona6(db=":memory:")
        p6.record(log.events)
        p6.build()
        texts = {e["event_id"]: e.get("text", "") for e in log.events}
        cited_anywhere = set()
        for person in log.truth["people"]:
            pid = person["person_id"]
            traits = p6.person(pid).traits
            for t in traits:
                if t.kind is SignalKind.PREFERENCE:
                    cited_anywhere |= {e.event_id for e in t.evidence}

            def cites(kind: SignalKind, ids: list[str], ts=traits, sign: int | None = None):
                return [
                    t
                    for t in ts
                    if t.kind is kind
                    and {e.event_id for e in t.evidence} & set(ids)
                    and (sign is None or (t.polarity > 0) == (sign > 0))
                ]

            for pref in person["preferences"]:
                total["preferences"] += 1
                if cites(SignalKind.PREFERENCE, pref["event_ids"], sign=pref["polarity"]):
                    found["preferences"] += 1
                else:
                    misses["preferences"].append(pref["statement"])
            change = person["preference_change"]
            total["preference change"] += 1
            before = [
                t
                for t in cites(SignalKind.PREFERENCE, change["before_event_ids"])
                if t.status is TraitStatus.SUPERSEDED
            ]
            after = [
                t
                for t in cites(SignalKind.PREFERENCE, change["after_event_ids"])
                if t.valid_to is None and t.supersedes in {b.id for b in before}
            ]
            if before and after:
                found["preference change"] += 1
            else:
                misses["preference change"].append(
                    f"{change['before_statement']!r} -> {change['after_statement']!r}"
                )
            for disclosure in person["disclosures"]:
                total["disclosures"] += 1
                if cites(SignalKind.DISCLOSURE, disclosure["event_ids"]):
                    found["disclosures"] += 1
                else:
                    misses["disclosures"].append(disclosure["statement"])
            for concern in person["concerns"]:
                total["concerns"] += 1
                if any(
                    t.kind is SignalKind.CONCERN and _same(t.key, concern["key"]) for t in traits
                ):
                    found["concerns"] += 1
                else:
                    misses["concerns"].append(f"{pid}: {concern['key']}")
            for key, value in EXPECTED_STYLE[person["archetype"]]:
                total["archetype style"] += 1
                if any(
                    t.kind is SignalKind.STYLE
                    and t.key == key
                    and t.valid_to is None
                    and (value is None or t.value == value)
                    for t in traits
                ):
                    found["archetype style"] += 1
                else:
                    misses["archetype style"].append(f"{person['archetype']}: {key}={value}")
            members = {pid, *person["anonymous_ids"]}
            labels = {
                s.context.get("failure_event_id"): s.value
                for s in p6.store.signals_of(p6.tenant, members)
                if s.kind is SignalKind.FAILURE
            }
            for episode in person["failure_episodes"]:
                reactions[(episode["reaction"], labels.get(episode["failure_event_id"], "-"))] += 1
        for distractor in log.truth.get("distractors", []):
            total["reported speech not attributed"] += 1
            if distractor["event_id"] not in cited_anywhere:
                found["reported speech not attributed"] += 1
            else:
                misses["reported speech not attributed"].append(texts[distractor["event_id"]])

    print(f"seeds {args.seeds}, {args.people} people each\n")
    print("| planted | found | share |")
    print("| --- | --- | --- |")
    for key in total:
        print(f"| {key} | {found[key]} / {total[key]} | {found[key] / total[key]:.2f} |")
    episodes = sum(reactions.values())
    agree = sum(n for (truth, label), n in reactions.items() if truth == label)
    print(
        f"| failure reactions labelled as planted | {agree} / {episodes} | "
        f"{agree / max(episodes, 1):.2f} |"
    )
    print("\nReaction confusion (planted -> labelled, most common):")
    for (truth, label), n in reactions.most_common(12):
        print(f"- {truth} -> {label}: {n}")
    for key, items in misses.items():
        print(f"\nMissed {key} ({len(items)}), e.g.:")
        for item in items[:5]:
            print(f"- {item}")


if __name__ == "__main__":
    main()
