"""Identity linking on the Greenberg UNIX traces: who typed a later session's commands.

    python benchmarks/link_greenberg.py ../shared/datasets/greenberg/greenberg.jsonl

Each command is an ``action`` event named ``command`` whose text is the command line, at the
session's start plus one second a command; a command the shell flagged is followed by an
``outcome`` named ``error``. ``dir`` (which holds account folder names) is left out. The first
70% of each user's sessions are known history; each later session with at least 3 commands is
an anonymous actor with an opaque id in an opaque session. Persona6 and the two baselines
(benchmarks/_linking.py) run on the same split. Goal: top-1 >= 0.97, ECE <= 0.05.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import defaultdict
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

KNOWN_SHARE = 0.7
MIN_COMMANDS = 3


def opaque(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=6).hexdigest()


def build_split(rows: list[dict]) -> Split:
    sessions: dict[str, dict[int, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        sessions[row["user"]][int(row["session"])].append(row)
    known: list[dict] = []
    anonymous: list[dict] = []
    truth: dict[str, str] = {}
    history: dict[str, list[str]] = {}
    queries: dict[str, str] = {}
    for user, by_number in sorted(sessions.items()):
        numbers = sorted(by_number)
        cut = round(KNOWN_SHARE * len(numbers))
        for position, number in enumerate(numbers):
            commands = by_number[number]
            is_known = position < cut
            if not is_known and len(commands) < MIN_COMMANDS:
                continue
            start = datetime.strptime(commands[0]["session_start"], "%a %b %d %H:%M:%S %Y")
            start = start.replace(tzinfo=UTC)
            session_id = f"{user}:{number}" if is_known else "s-" + opaque(user, str(number))
            actor = user if is_known else "anon-" + opaque(user, str(number))
            field = "user_id" if is_known else "anonymous_id"
            out = known if is_known else anonymous
            for index, row in enumerate(commands):
                ts = start + timedelta(seconds=index)
                out.append(
                    {
                        "event_id": f"{session_id}:{index}",
                        "ts": ts.isoformat(),
                        "session_id": session_id,
                        field: actor,
                        "type": "action",
                        "name": "command",
                        "text": row["cmd"],
                    }
                )
                if row.get("error"):
                    out.append(
                        {
                            "event_id": f"{session_id}:{index}:error",
                            "ts": (ts + timedelta(milliseconds=500)).isoformat(),
                            "session_id": session_id,
                            field: actor,
                            "type": "outcome",
                            "name": "error",
                        }
                    )
            text = "\n".join(row["cmd"] for row in commands)
            if is_known:
                history.setdefault(user, []).append(text)
            else:
                truth[actor] = user
                queries[actor] = text
    return Split(known, anonymous, truth, history, queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path, help="greenberg.jsonl")
    parser.add_argument(
        "--shipped",
        action="store_true",
        help="Persona6 alone, with the shipped model as a tenant gets it before its own fit.",
    )
    args = parser.parse_args()
    require_bench()
    with args.path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    split = build_split(rows)
    if args.shipped:
        ours, _ = run_persona6(split, fit=False)
        command = f"python benchmarks/link_greenberg.py {args.path} --shipped"
        report("Greenberg, shipped model", command, split, [ours])
        return
    ours, _ = run_persona6(split)
    rows_out = [ours, tfidf_baseline(split), delta_baseline(split), svm_reference(split)]
    report("Greenberg", f"python benchmarks/link_greenberg.py {args.path}", split, rows_out)


if __name__ == "__main__":
    main()
