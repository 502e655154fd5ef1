"""Identity linking on LoCoMo: who is speaking in a later session, names masked.

    python benchmarks/link_locomo.py ../shared/datasets/locomo/locomo.json

Every speaker's name, and every nickname (a capitalised word that begins a speaker's name, three
letters or more: "Mel" for Melanie), is masked as "NAME" in all text. The first 60% of each
conversation's sessions are known history (user_id ``<conversation>:<speaker>``). Each later
(session, speaker) is an anonymous actor with an opaque id, in an opaque session, at a neutral
timestamp (2000-01-01T12:00Z plus 30 seconds a turn). The candidates are all speakers of all
loaded conversations. Persona6 and the two baselines (benchmarks/_linking.py) run on the same
split. Goal: top-1 >= 0.95, ECE <= 0.05.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
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

KNOWN_SHARE = 0.6
NEUTRAL = datetime(2000, 1, 1, 12, 0, tzinfo=UTC)


def session_time(text: str) -> datetime:
    return datetime.strptime(text.strip(), "%I:%M %p on %d %B, %Y").replace(tzinfo=UTC)


def opaque(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=6).hexdigest()


def name_mask(samples: list[dict]) -> re.Pattern[str]:
    names = {s["conversation"][k] for s in samples for k in ("speaker_a", "speaker_b")}
    words = set()
    for sample in samples:
        for key, turns in sample["conversation"].items():
            if key.startswith("session_") and isinstance(turns, list):
                for turn in turns:
                    words.update(re.findall(r"\b[A-Z][a-z]{2,}\b", turn["text"]))
    nicknames = {w for w in words for n in names if n.startswith(w) and len(w) >= 3}
    alternation = "|".join(sorted(names | nicknames, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b")


def build_split(samples: list[dict]) -> Split:
    mask = name_mask(samples)
    known: list[dict] = []
    anonymous: list[dict] = []
    truth: dict[str, str] = {}
    history: dict[str, list[str]] = {}
    queries: dict[str, str] = {}
    for sample in samples:
        conv = sample["sample_id"]
        conversation = sample["conversation"]
        count = 1
        while f"session_{count + 1}" in conversation:
            count += 1
        cut = round(KNOWN_SHARE * count)
        for index in range(1, count + 1):
            turns = conversation.get(f"session_{index}") or []
            is_known = index <= cut
            start = (
                session_time(conversation[f"session_{index}_date_time"]) if is_known else NEUTRAL
            )
            session_id = f"{conv}:s{index}" if is_known else "s-" + opaque(conv, str(index))
            texts: dict[str, list[str]] = {}
            for turn_index, turn in enumerate(turns):
                person = f"{conv}:{turn['speaker']}"
                text = turn["text"]
                if turn.get("blip_caption"):
                    text = f"{text} [shares a photo: {turn['blip_caption']}]"
                text = mask.sub("NAME", text)
                texts.setdefault(person, []).append(text)
                event = {
                    "event_id": f"{conv}:{turn['dia_id']}",
                    "ts": (start + timedelta(seconds=30 * turn_index)).isoformat(),
                    "session_id": session_id,
                    "type": "message",
                    "text": text,
                }
                if is_known:
                    event["user_id"] = person
                    known.append(event)
                else:
                    actor = "anon-" + opaque(conv, str(index), turn["speaker"])
                    event["anonymous_id"] = actor
                    truth[actor] = person
                    anonymous.append(event)
            for person, parts in texts.items():
                if is_known:
                    history.setdefault(person, []).append("\n".join(parts))
                else:
                    queries["anon-" + opaque(conv, str(index), person.split(":", 1)[1])] = (
                        "\n".join(parts)
                    )
    return Split(known, anonymous, truth, history, queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path, help="locomo.json")
    parser.add_argument(
        "--shipped",
        action="store_true",
        help="Persona6 alone, with the shipped model as a tenant gets it before its own fit.",
    )
    args = parser.parse_args()
    require_bench()
    samples = json.loads(args.path.read_text(encoding="utf-8"))
    split = build_split(samples)
    if args.shipped:
        ours, _ = run_persona6(split, fit=False)
        command = f"python benchmarks/link_locomo.py {args.path} --shipped"
        report("LoCoMo, shipped model", command, split, [ours])
        return
    ours, _ = run_persona6(split)
    rows = [ours, tfidf_baseline(split), delta_baseline(split), svm_reference(split)]
    report("LoCoMo", f"python benchmarks/link_locomo.py {args.path}", split, rows)


if __name__ == "__main__":
    main()
