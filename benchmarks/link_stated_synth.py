"""`backtest linking` on synthetic people who state card endings: how the backtest's figures
read stated identifiers (docs/identity.md, "Should the fit see stated identifiers?").

The synthetic generator's people (persona6.synth) get a checkout action "card ending NNNN" at
the end of a share of their sessions: one card each, a fifth of them a second one (used 30% of
the time), and the first two persons share one (a household). The store is stitched and
`backtest linking` run (nothing saved); printed are its figures, over all held-out sessions
and over those that state a card and those that do not.

    python benchmarks/link_stated_synth.py --people 30 --share 0.4 --seed 7
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import datetime, timedelta

from persona6 import Persona6, synth
from persona6.identity.records import BacktestQuery


def with_cards(events: list[dict], truth: dict, share: float, seed: int) -> tuple[list, set]:
    """The events with card endings stated in a ``share`` of the sessions, and those sessions."""
    rng = random.Random(seed)
    person_of: dict[str, str] = {}
    for person in truth["people"]:
        person_of[person["person_id"]] = person["person_id"]
        for actor in person["anonymous_ids"]:
            person_of[actor] = person["person_id"]
    persons = sorted(p["person_id"] for p in truth["people"])
    cards = {p: [f"{rng.randrange(10000):04d}"] for p in persons}
    for person in persons:
        if rng.random() < 0.2:
            cards[person].append(f"{rng.randrange(10000):04d}")
    cards[persons[1]][0] = cards[persons[0]][0]  # a household
    last: dict[str, dict] = {}  # session -> the person's latest event in it
    for event in events:
        actor = event.get("user_id") or event.get("anonymous_id")
        if event.get("role", "user") == "user" and actor in person_of:
            kept = last.get(event["session_id"])
            if kept is None or event["ts"] >= kept["ts"]:
                last[event["session_id"]] = event
    added: list[dict] = []
    stating: set[str] = set()
    for session, event in sorted(last.items()):
        if rng.random() >= share:
            continue
        mine = cards[person_of[event.get("user_id") or event.get("anonymous_id")]]
        card = mine[0] if len(mine) == 1 or rng.random() < 0.7 else mine[1]
        at = datetime.fromisoformat(event["ts"].replace("Z", "+00:00")) + timedelta(seconds=1)
        checkout = {
            "event_id": f"card-{session}",
            "ts": at.isoformat(),
            "session_id": session,
            "type": "action",
            "name": "checkout",
            "text": f"card ending {card}",
            **{k: event[k] for k in ("user_id", "anonymous_id", "attrs") if event.get(k)},
        }
        added.append(checkout)
        stating.add(session)
    return events + added, stating


def ece(rows: list[BacktestQuery]) -> float:
    """Expected calibration error (10 bins) of the top label among the candidates and new."""
    bins: dict[int, list[tuple[float, bool]]] = {}
    for row in rows:
        if row.best is not None and row.probability >= row.new_person_probability:
            confidence, right = row.probability, row.truth is not None and row.best == row.truth
        else:
            confidence, right = row.new_person_probability, row.truth is None
        bins.setdefault(min(int(confidence * 10), 9), []).append((confidence, right))
    return sum(
        len(v) / len(rows) * abs(sum(c for c, _ in v) / len(v) - sum(r for _, r in v) / len(v))
        for v in bins.values()
    )


def part(rows: list[BacktestQuery]) -> dict[str, object]:
    known = [r for r in rows if r.truth is not None]
    return {
        "sessions": len(rows),
        "known": len(known),
        "decided_right": sum(r.right for r in rows),
        "top1": round(sum(r.best == r.truth for r in known) / len(known), 4) if known else None,
        "ece": round(ece(rows), 4) if rows else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=30)
    parser.add_argument("--share", type=float, default=0.4, help="sessions that state a card")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    log = synth.generate(seed=args.seed, people=args.people)
    events, stating = with_cards(log.events, log.truth, args.share, args.seed)
    with Persona6(db=":memory:") as p6:
        p6.record(events)
        p6.build()
        p6.link_all()  # stitching: the logged-in sessions become the known persons'
        report = p6.backtest_linking()
    figures = {
        "top1": report.top1,
        "ece": report.ece,
        "queries": report.queries,
        "new_queries": report.new_queries,
        "new_precision": report.new_person_precision,
        "new_recall": report.new_person_recall,
        "temperature": report.model["temperature"],
        "size_slope": report.model["size_slope"],
        "constant": report.model["constant"],
        "stating": part([r for r in report.rows if r.session_id in stating]),
        "silent": part([r for r in report.rows if r.session_id not in stating]),
    }
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
