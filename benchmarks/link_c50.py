"""Identity linking on Reuters C50 (CCAT50): which journalist wrote a test article.

    python benchmarks/link_c50.py ../shared/datasets/c50/c50.jsonl [--authors 50]

Each training article is a history session of its author (user_id = the author); each test
article is an anonymous actor with an opaque id in its own session. The articles carry no
time, but their RCV1 item ids (``doc_id``, e.g. ``421829newsML``) were given in publication
order, so each article gets a neutral time in that order: the same weekday and hour, a week
apart (an hour that followed the file's order would hand the time-of-day block each author's
position in the file: a rule of this file, not a trait of a writer). The order matters to the
calibration, which holds out each person's latest sessions (the test articles are mostly
later than the training ones, as in RCV1). Persona6 and the two
baselines (benchmarks/_linking.py) run on the same split. Goal: top-1 >= 0.85, ECE <= 0.05
(published character n-gram systems reach 0.74-0.81).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _linking import (
    Split,
    delta_baseline,
    report,
    require_bench,
    run_persona6,
    svm_reference,
    tfidf_baseline,
)

START = datetime(2020, 1, 1, 9, 0, tzinfo=UTC)


def opaque(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=6).hexdigest()


def item_number(row: dict) -> tuple[int, str]:
    """The RCV1 item id of an article (``421829newsML`` -> 421829): ids follow publication."""
    digits = row["doc_id"].removesuffix("newsML")
    return (int(digits) if digits.isdigit() else 0, row["doc_id"])


def build_split(rows: list[dict], authors: int) -> Split:
    chosen = sorted({r["author"] for r in rows})[:authors]
    known: list[dict] = []
    anonymous: list[dict] = []
    truth: dict[str, str] = {}
    history: dict[str, list[str]] = {}
    queries: dict[str, str] = {}
    mine = sorted((r for r in rows if r["author"] in chosen), key=item_number)
    for index, row in enumerate(mine):
        ts = (START + timedelta(weeks=index)).isoformat()
        if row["split"] == "train":
            known.append(
                {
                    "event_id": f"c50:{row['doc_id']}",
                    "ts": ts,
                    "session_id": f"train:{row['doc_id']}",
                    "user_id": row["author"],
                    "type": "message",
                    "text": row["text"],
                }
            )
            history.setdefault(row["author"], []).append(row["text"])
        else:
            actor = "anon-" + opaque(row["doc_id"], row["author"])
            anonymous.append(
                {
                    "event_id": f"c50:test:{row['doc_id']}",
                    "ts": ts,
                    "session_id": "s-" + opaque(row["doc_id"]),
                    "anonymous_id": actor,
                    "type": "message",
                    "text": row["text"],
                }
            )
            truth[actor] = row["author"]
            queries[actor] = row["text"]
    return Split(known, anonymous, truth, history, queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path, help="c50.jsonl")
    parser.add_argument("--authors", type=int, default=50, help="Use the first N authors.")
    args = parser.parse_args()
    require_bench()
    with args.path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    split = build_split(rows, args.authors)
    ours, _ = run_persona6(split)
    rows_out = [ours, tfidf_baseline(split), delta_baseline(split), svm_reference(split)]
    command = f"python benchmarks/link_c50.py {args.path} --authors {args.authors}"
    report("C50", command, split, rows_out)


if __name__ == "__main__":
    main()
