"""The brief on PrefEval's persona-driven items: does it cite the turn that reveals the
preference, under a 200-token budget?

    python benchmarks/context_prefeval.py ../shared/datasets/prefeval

Each item of ``implicit_preference/persona-driven/*.json`` is one person: the conversation's
user and assistant turns are ingested as one session (user turn k is event ``<person>:u<k>``);
then ``context PERSON --task QUESTION --budget 200``. The dataset does not say which turn
reveals the preference, so the benchmark labels it: the user turn sharing the most content words
(stop words dropped, word forms normalised) with the item's ``preference`` text. Items whose
best turn shares fewer than two words, or ties with another turn, are reported as unclear and
scored on every tied turn (any of them cited counts). The score is the share of people whose
brief text cites the labelled turn's event id. A line may cite the turn without stating the
preference (a style line, a conflict, a directive quoting the longest message), so the share
cited by a line that states a content claim (preference, concern, fact, decision) is printed
beside it: that is the figure to read as "the brief carries the preference".
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from persona6 import Persona6
from persona6.context.relevance import words

#: Brief items that state a claim about the person's content (docs/context.md, item kinds).
CONTENT_ITEMS = frozenset({"preference", "concern", "fact", "decision"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", help="the prefeval folder")
    parser.add_argument("--budget", type=int, default=200)
    args = parser.parse_args()
    folder = Path(args.root) / "implicit_preference" / "persona-driven"
    items = []
    for path in sorted(folder.glob("*.json")):
        for i, item in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            items.append((f"{path.stem}-{i}", item))
    p6 = Persona6(db=":memory:")
    events = []
    truth = {}
    for person, item in items:
        turns = [item["conversation"][k] for k in sorted(item["conversation"], key=int)]
        wanted = set(words(item["preference"]))
        overlaps = []
        for k, turn in enumerate(turns):
            minute = 2 * k
            events.append(
                {
                    "event_id": f"{person}:u{k}",
                    "ts": f"2026-03-01T10:{minute:02d}:00Z",
                    "session_id": person,
                    "user_id": person,
                    "type": "message",
                    "text": turn["user"],
                }
            )
            events.append(
                {
                    "event_id": f"{person}:a{k}",
                    "ts": f"2026-03-01T10:{minute + 1:02d}:00Z",
                    "session_id": person,
                    "type": "message",
                    "role": "assistant",
                    "text": turn["assistant"],
                }
            )
            overlaps.append(len(wanted & set(words(turn["user"]))))
        best = max(overlaps)
        tied = [f"{person}:u{k}" for k, n in enumerate(overlaps) if n == best]
        truth[person] = (tied, best >= 2 and len(tied) == 1, item["question"])
    started = time.perf_counter()
    p6.record(events)
    p6.build()
    print(
        f"{len(items)} people, {len(events)} events ingested and built in "
        f"{time.perf_counter() - started:.1f}s"
    )
    cited_text = cited_items = cited_content = clear = clear_hits = 0
    tokens = []
    for person, (tied, is_clear, question) in truth.items():
        brief = p6.context(person, task=question, budget=args.budget)
        tokens.append(brief.tokens)
        in_text = any(t in brief.text for t in tied)
        in_items = any(t in i.evidence for i in brief.items for t in tied)
        by_content = any(
            t in i.evidence for i in brief.items if i.kind in CONTENT_ITEMS for t in tied
        )
        cited_text += in_text
        cited_items += in_items
        cited_content += by_content
        clear += is_clear
        clear_hits += is_clear and in_text
    n = len(truth)
    print(f"labelled turn cited in the brief's text: {cited_text / n:.3f} ({cited_text}/{n})")
    print(f"labelled turn in the items' evidence:    {cited_items / n:.3f}")
    print(
        f"cited by a content line (preference, concern, fact, decision): "
        f"{cited_content / n:.3f} ({cited_content}/{n})"
    )
    print(f"clearly labelled people: {clear}; cited for them: {clear_hits / max(1, clear):.3f}")
    print(f"tokens: max {max(tokens)}, mean {sum(tokens) / n:.0f} (budget {args.budget})")


if __name__ == "__main__":
    main()
