"""Persona-graph evidence against LoCoMo's annotated observations.

    python benchmarks/locomo_graph.py ../shared/datasets/locomo/locomo.json [--examples 8]

Each LoCoMo conversation is ingested as it is: both speakers are people (user_id
``<conversation>:<speaker>``), one session per LoCoMo session at its date, one message per turn
with the turn's ``dia_id`` in the event id. After ``build``, each speaker's cited evidence is
compared with the ``observation`` annotations (facts about that speaker, each citing a turn):

- evidence recall: share of annotated turns of a speaker that some trait of that speaker cites;
- precision: share of turns cited by a speaker's traits that are annotated for that speaker;
- attribution errors: cited turns spoken by someone else (must be zero).

Goal: recall >= 0.80 at precision >= 0.70, no attribution errors. Prints the figures, per
conversation, and the weakest cases (missed annotated turns, cited unannotated turns).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

from persona6 import Persona6


def session_time(text: str) -> datetime:
    """LoCoMo writes '1:56 pm on 8 May, 2023'."""
    return datetime.strptime(text.strip(), "%I:%M %p on %d %B, %Y").replace(tzinfo=UTC)


def conversation_events(sample: dict) -> tuple[list[dict], dict[str, str]]:
    """Native events for one conversation, and event_id -> speaker person id."""
    conv_id = sample["sample_id"]
    conversation = sample["conversation"]
    events: list[dict] = []
    speaker_of: dict[str, str] = {}
    index = 1
    while f"session_{index}" in conversation:
        start = session_time(conversation[f"session_{index}_date_time"])
        for turn_index, turn in enumerate(conversation[f"session_{index}"]):
            person = f"{conv_id}:{turn['speaker']}"
            event_id = f"{conv_id}:{turn['dia_id']}"
            speaker_of[event_id] = person
            text = turn["text"]
            if turn.get("blip_caption"):
                text = f"{text} [shares a photo: {turn['blip_caption']}]"
            events.append(
                {
                    "event_id": event_id,
                    "ts": (start + timedelta(seconds=30 * turn_index)).isoformat(),
                    "session_id": f"{conv_id}:session_{index}",
                    "user_id": person,
                    "type": "message",
                    "text": text,
                }
            )
        index += 1
    return events, speaker_of


def annotated_turns(sample: dict) -> dict[str, set[str]]:
    conv_id = sample["sample_id"]
    found: dict[str, set[str]] = defaultdict(set)
    for session in sample["observation"].values():
        for speaker, facts in session.items():
            for fact in facts:
                refs = fact[1] if isinstance(fact[1], list) else [fact[1]]
                for ref in refs:
                    for part in str(ref).replace(",", ";").split(";"):
                        if part.strip():
                            found[f"{conv_id}:{speaker}"].add(f"{conv_id}:{part.strip()}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--examples", type=int, default=8)
    parser.add_argument(
        "--kinds",
        nargs="*",
        default=None,
        help="Count only traits of these kinds (default: all), e.g. preference disclosure.",
    )
    args = parser.parse_args()
    samples = json.loads(args.dataset.read_text())

    p6 = Persona6(db=":memory:")
    speaker_of: dict[str, str] = {}
    annotated: dict[str, set[str]] = defaultdict(set)
    texts: dict[str, str] = {}
    for sample in samples:
        events, speakers = conversation_events(sample)
        p6.record(events)
        speaker_of.update(speakers)
        texts.update({e["event_id"]: e["text"] for e in events})
        for person, turns in annotated_turns(sample).items():
            annotated[person] |= turns
    report = p6.build()

    cited: dict[str, set[str]] = defaultdict(set)
    by_kind: dict[str, set[str]] = defaultdict(set)
    for person in sorted(annotated):
        for trait in p6.store.traits_of(p6.tenant, person):
            if args.kinds is not None and trait.kind.value not in args.kinds:
                continue
            for item in trait.evidence:
                cited[person].add(item.event_id)
                by_kind[trait.kind.value].add(item.event_id)

    rows = []
    total_hit = total_annotated = total_cited = total_correct = errors = 0
    for person in sorted(annotated):
        hit = cited[person] & annotated[person]
        wrong_speaker = {e for e in cited[person] if speaker_of.get(e) != person}
        errors += len(wrong_speaker)
        total_hit += len(hit)
        total_annotated += len(annotated[person])
        total_cited += len(cited[person])
        total_correct += len(hit)
        rows.append(
            (person, len(annotated[person]), len(cited[person]), len(hit), len(wrong_speaker))
        )
    recall = total_hit / total_annotated if total_annotated else 0.0
    precision = total_correct / total_cited if total_cited else 0.0

    print(
        f"build: {report.sessions} sessions, {report.events} events, {report.signals} signals, "
        f"{report.traits} traits in {report.seconds:.1f}s"
    )
    print(
        "\n| speaker | annotated turns | cited turns | annotated and cited | attribution errors |"
    )
    print("| --- | --- | --- | --- | --- |")
    for person, n_annotated, n_cited, n_hit, n_err in rows:
        print(f"| {person} | {n_annotated} | {n_cited} | {n_hit} | {n_err} |")
    print(
        f"\n**evidence recall {recall:.3f}, precision {precision:.3f}, "
        f"attribution errors {errors}** (goal: recall >= 0.80 at precision >= 0.70, 0 errors)"
    )
    print(
        "\ncited turns by trait kind: "
        + ", ".join(f"{k} {len(v)}" for k, v in sorted(by_kind.items()))
    )

    rng = random.Random(0)
    missed = sorted(e for p in annotated for e in annotated[p] - cited[p])
    extra = sorted(e for p in cited for e in cited[p] - annotated[p])
    print(f"\nMissed annotated turns ({len(missed)}), examples:")
    for event_id in rng.sample(missed, min(args.examples, len(missed))):
        print(f"- {event_id}: {texts.get(event_id, '')[:160]!r}")
    print(f"\nCited turns not annotated ({len(extra)}), examples:")
    for event_id in rng.sample(extra, min(args.examples, len(extra))):
        print(f"- {event_id}: {texts.get(event_id, '')[:160]!r}")


if __name__ == "__main__":
    main()
