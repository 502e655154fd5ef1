"""The seeded synthetic log generator: valid envelopes, deterministic output, truthful truth."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import subprocess
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from persona6 import synth
from persona6.errors import InvalidOption
from persona6.types import Event


@pytest.fixture(scope="module")
def log() -> synth.SynthLog:
    return synth.generate(seed=11)


def by_id(log: synth.SynthLog) -> dict[str, dict[str, Any]]:
    return {event["event_id"]: event for event in log.events}


def cited_ids(node: object) -> list[str]:
    """Every event id anywhere in the truth: values of keys named *event_id or *event_ids."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("event_id") and isinstance(value, str):
                found.append(value)
            elif key.endswith("event_ids"):
                found.extend(value)
            else:
                found.extend(cited_ids(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(cited_ids(item))
    return found


def digest(log: synth.SynthLog) -> str:
    blob = json.dumps([log.events, log.truth], ensure_ascii=False).encode()
    return hashlib.sha256(blob).hexdigest()


def test_same_seed_writes_byte_identical_files(tmp_path: Path) -> None:
    first = synth.write(synth.generate(seed=5), tmp_path / "a")
    second = synth.write(synth.generate(seed=5), tmp_path / "b")
    assert [p.name for p in first] == ["events.jsonl", "truth.json"]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_output_does_not_depend_on_the_interpreter_hash_seed() -> None:
    code = (
        "import hashlib, json; from persona6 import synth; log = synth.generate(seed=5);"
        "print(hashlib.sha256(json.dumps([log.events, log.truth], ensure_ascii=False)"
        ".encode()).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == digest(synth.generate(seed=5))


def test_different_seeds_give_different_logs() -> None:
    assert digest(synth.generate(seed=1)) != digest(synth.generate(seed=2))


def test_every_event_validates_as_an_event(log: synth.SynthLog) -> None:
    for event in log.events:
        Event.model_validate(event)


def test_events_are_sorted_by_time_and_leave_out_null_keys(log: synth.SynthLog) -> None:
    times = [event["ts"] for event in log.events]
    assert times == sorted(times)
    assert all(t.endswith("Z") for t in times)
    assert not [e for e in log.events if None in e.values() or e.get("attrs") == {}]


def test_event_ids_are_unique(log: synth.SynthLog) -> None:
    assert len(by_id(log)) == len(log.events)


def test_every_event_id_in_the_truth_exists(log: synth.SynthLog) -> None:
    cited = cited_ids(log.truth)
    assert len(cited) > 100
    assert set(cited) <= set(by_id(log))


def test_quoted_statements_occur_in_the_cited_events(log: synth.SynthLog) -> None:
    events = by_id(log)
    quotes = []
    for person in log.truth["people"]:
        change = person["preference_change"]
        quotes += [(change["before_statement"], i) for i in change["before_event_ids"]]
        quotes += [(change["after_statement"], i) for i in change["after_event_ids"]]
        for claim in person["preferences"] + person["disclosures"]:
            assert claim["event_ids"], claim
            quotes += [(claim["statement"], i) for i in claim["event_ids"]]
    quotes += [(d["statement"], d["event_id"]) for d in log.truth["distractors"]]
    missing = [(q, i) for q, i in quotes if q not in events[i]["text"]]
    assert not missing


def test_cited_statements_are_the_persons_own_user_messages(log: synth.SynthLog) -> None:
    events = by_id(log)
    for person in log.truth["people"]:
        own = {person["person_id"], *person["anonymous_ids"]}
        claims = person["preferences"] + person["disclosures"] + person["concerns"]
        for event_id in (i for claim in claims for i in claim["event_ids"]):
            event = events[event_id]
            assert event["role"] == "user"
            assert (event.get("user_id") or event.get("anonymous_id")) in own


def test_assistant_messages_carry_no_actor(log: synth.SynthLog) -> None:
    assistant = [e for e in log.events if e.get("role") == "assistant"]
    assert assistant
    assert not [e for e in assistant if "user_id" in e or "anonymous_id" in e]


def test_default_log_has_three_people_of_each_archetype(log: synth.SynthLog) -> None:
    archetypes = Counter(person["archetype"] for person in log.truth["people"])
    assert archetypes == {"skeptic": 3, "operator": 3, "community_regular": 3, "newcomer": 3}


def test_people_beyond_the_templates_cycle_archetypes_with_their_own_values() -> None:
    people = synth.generate(seed=3, people=16).truth["people"]
    assert Counter(p["archetype"] for p in people) == {
        "skeptic": 4,
        "operator": 4,
        "community_regular": 4,
        "newcomer": 4,
    }
    skeptics = [p for p in people if p["archetype"] == "skeptic"]
    assert len({json.dumps(p["style"]) for p in skeptics}) == 4
    assert len({json.dumps(p["reaction_probs"]) for p in skeptics}) == 4


def test_everyone_has_six_to_ten_sessions_of_their_own(log: synth.SynthLog) -> None:
    for person in log.truth["people"]:
        own = [s for s in person["sessions"] if s["kind"] != "community"]
        assert 6 <= len(own) <= 10


def test_preference_change_states_the_old_form_before_the_new(log: synth.SynthLog) -> None:
    events = by_id(log)
    for person in log.truth["people"]:
        change = person["preference_change"]
        before = [events[i]["ts"] for i in change["before_event_ids"]]
        after = [events[i]["ts"] for i in change["after_event_ids"]]
        assert before and after
        assert max(before) < min(after) == change["changed_at"]


def test_first_session_is_anonymous_and_ends_with_identify(log: synth.SynthLog) -> None:
    for person in log.truth["people"]:
        first = person["sessions"][0]
        assert first["kind"] == "first_anonymous"
        session = [e for e in log.events if e["session_id"] == first["session_id"]]
        assert session[-1]["type"] == "identify"
        assert session[-1]["user_id"] == person["person_id"]
        assert session[-1]["anonymous_id"] == first["actor"] == person["anonymous_ids"][0]
        assert not [e for e in session[:-1] if "user_id" in e]


def test_holdout_session_is_last_anonymous_and_never_identified(log: synth.SynthLog) -> None:
    identified = {e["anonymous_id"] for e in log.events if e["type"] == "identify"}
    for person in log.truth["people"]:
        holdout = person["sessions"][-1]
        assert holdout["kind"] == "holdout"
        assert holdout["actor"] == person["holdout_anonymous_id"] not in identified
        session = [e for e in log.events if e["session_id"] == holdout["session_id"]]
        actors = {e.get("anonymous_id") for e in session if e.get("role") != "assistant"}
        assert actors == {person["holdout_anonymous_id"]}
        assert not [e for e in session if "user_id" in e]


def test_community_thread_joins_three_or_more_people_without_an_assistant(
    log: synth.SynthLog,
) -> None:
    thread = [e for e in log.events if e["session_id"] == log.truth["community_session_id"]]
    speakers = {e["user_id"] for e in thread}
    assert len(speakers) >= 3
    assert speakers == set(log.truth["community_participants"])
    assert all(e["role"] == "user" for e in thread)
    archetypes = {p["person_id"]: p["archetype"] for p in log.truth["people"]}
    assert Counter(archetypes[s] for s in speakers)["community_regular"] == len(speakers) - 1


def test_one_person_log_has_no_community_thread() -> None:
    truth = synth.generate(seed=0, people=1).truth
    assert truth["community_session_id"] is None
    assert truth["community_participants"] == []


def test_reported_speech_is_never_cited_as_the_speakers_own_claim(log: synth.SynthLog) -> None:
    reported = set(log.truth["reported_speech_event_ids"])
    assert len(reported) == len(log.truth["people"])
    claims = [
        [p["preferences"], p["disclosures"], p["concerns"], p["preference_change"]]
        for p in log.truth["people"]
    ]
    assert not reported & set(cited_ids(claims))


def test_concerns_are_voiced_in_several_sessions_in_varied_wording(log: synth.SynthLog) -> None:
    events = by_id(log)
    for person in log.truth["people"]:
        assert 1 <= len(person["concerns"]) <= 3
        for concern in person["concerns"]:
            voiced = [events[i] for i in concern["event_ids"]]
            assert len({e["session_id"] for e in voiced}) >= 3
            assert len({e["text"] for e in voiced}) == len(voiced)


def test_each_reaction_is_the_event_its_kind_describes(log: synth.SynthLog) -> None:
    events = by_id(log)
    expected = {
        "retry": ("action", "retry"),
        "rephrase": ("action", None),
        "switch": ("action", None),
        "escalate": ("message", None),
        "complain": ("message", None),
        "self_fix": ("message", None),
        "feedback": ("action", "thumbs_down"),
    }
    seen = set()
    for person in log.truth["people"]:
        for episode in person["failure_episodes"]:
            failure = events[episode["failure_event_id"]]
            assert failure["type"] == "outcome" and failure["name"] in {"error", "timeout"}
            reaction = episode["reaction"]
            seen.add(reaction)
            if reaction == "abandon":
                assert episode["reaction_event_ids"] == []
                continue
            first = events[episode["reaction_event_ids"][0]]
            kind, name = expected[reaction]
            assert first["type"] == kind and first["session_id"] == failure["session_id"]
            assert name is None or first["name"] == name
            assert first["ts"] > failure["ts"]
    assert seen == set(synth.REACTIONS)


def test_abandoning_ends_the_persons_session(log: synth.SynthLog) -> None:
    events = by_id(log)
    for person in log.truth["people"]:
        for episode in person["failure_episodes"]:
            if episode["reaction"] != "abandon":
                continue
            failure = events[episode["failure_event_id"]]
            later = [
                e
                for e in log.events
                if e["session_id"] == failure["session_id"] and e["ts"] > failure["ts"]
            ]
            assert all(e.get("role") == "assistant" for e in later)


def test_operators_react_faster_than_newcomers(log: synth.SynthLog) -> None:
    def latencies(archetype: str) -> list[float]:
        return sorted(
            e["latency_s"]
            for p in log.truth["people"]
            if p["archetype"] == archetype
            for e in p["failure_episodes"]
            if e["latency_s"] is not None
        )

    operators, newcomers = latencies("operator"), latencies("newcomer")
    assert operators[len(operators) // 2] * 5 < newcomers[len(newcomers) // 2]


def test_client_attrs_appear_only_for_people_whose_client_logs_them(log: synth.SynthLog) -> None:
    for person in log.truth["people"]:
        actors = {person["person_id"], *person["anonymous_ids"]}
        client = person["client"]
        own = [
            e
            for e in log.events
            if e["type"] in {"message", "action"}
            and (e.get("user_id") or e.get("anonymous_id")) in actors
        ]
        devices = {e.get("attrs", {}).get("device") for e in own}
        if client["logs_client"]:
            assert devices <= {client["device"], client["alt_device"]}
            assert client["device"] in devices
        else:
            assert devices == {None}


def test_iter_events_yields_the_events_of_generate() -> None:
    streamed = [json.dumps(e) for e in synth.iter_events(seed=4, people=9)]
    generated = [json.dumps(e) for e in synth.generate(seed=4, people=9).events]
    assert sorted(streamed) == sorted(generated)


def test_iter_events_yields_valid_events() -> None:
    for event in synth.iter_events(seed=9, people=20):
        Event.model_validate(event)


def test_iter_events_yields_people_one_after_another() -> None:
    truth = synth.generate(seed=4, people=9).truth
    owner = {
        s["session_id"]: n
        for n, p in enumerate(truth["people"])
        for s in p["sessions"]
        if s["kind"] != "community"
    }
    order = [
        owner[e["session_id"]]
        for e in synth.iter_events(seed=4, people=9)
        if e["session_id"] != truth["community_session_id"]
    ]
    assert [n for n, _ in itertools.groupby(order)] == list(range(9))


def test_iter_events_starts_without_building_every_person() -> None:
    # A billion people cannot be built up front; a lazy stream still yields its first events.
    first = list(itertools.islice(synth.iter_events(seed=0, people=10**9), 50))
    assert len(first) == 50
    assert len({e.get("user_id") or e.get("anonymous_id") for e in first} - {None}) <= 2


def test_write_saves_one_event_per_line_and_the_truth(tmp_path: Path) -> None:
    log = synth.generate(seed=2, people=4)
    events_path, truth_path = synth.write(log, tmp_path / "new" / "folder")
    lines = events_path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == log.events
    assert json.loads(truth_path.read_text(encoding="utf-8")) == log.truth


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"people": 0}, "synth: people 0 is not a positive integer. Pass e.g. people=12"),
        ({"seed": "7"}, "synth: seed '7' is not an integer. Pass e.g. seed=0"),
        (
            {"start": datetime(2026, 1, 5, 9)},
            "is not a timezone-aware datetime. Pass e.g. datetime(2026, 1, 5, 9, tzinfo=UTC)",
        ),
    ],
)
def test_bad_arguments_are_refused_with_a_hint(arguments: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidOption) as caught:
        synth.generate(**arguments)
    assert message in str(caught.value)
