"""Reaction prediction: the JSON shape, shrinkage, --event from prior history only, errors."""

from __future__ import annotations

import pytest
from helpers import built_demo, polite_openai_chats

from persona6 import Persona6
from persona6.behavior.episodes import failure_at
from persona6.errors import InvalidOption, NotFound


@pytest.fixture(scope="module")
def demo():
    yield from built_demo(3, 8)


def _failure_ids(truth, archetype):
    person = next(p for p in truth["people"] if p["archetype"] == archetype)
    return person["person_id"], [e["failure_event_id"] for e in person["failure_episodes"]]


def test_prediction_json_has_exactly_the_documented_keys(demo):
    p6, truth = demo
    pid = truth["people"][0]["person_id"]
    shown = p6.predict(pid).model_dump(mode="json")
    assert set(shown) == {"person_id", "distribution", "expected_latency_s", "basis", "evidence"}
    assert abs(sum(shown["distribution"].values()) - 1) < 1e-4
    assert set(shown["basis"]) == {"person", "archetype", "population", "context"}
    assert all(e["evidence"] for e in shown["evidence"])


def test_an_operator_is_predicted_to_retry_most(demo):
    p6, truth = demo
    pid, _ = _failure_ids(truth, "operator")
    distribution = p6.predict(pid).distribution
    assert max(distribution, key=distribution.get) == "retry"


def test_a_person_without_episodes_gets_a_sensible_distribution(demo):
    p6, truth = demo
    pid = truth["people"][0]["person_id"]
    first = p6.predict(pid, event=_first_failure(truth, pid))
    assert first.basis["person"]["episodes"] == 0
    assert abs(sum(first.distribution.values()) - 1) < 1e-4
    assert min(first.distribution.values()) > 0


def _first_failure(truth, pid):
    person = next(p for p in truth["people"] if p["person_id"] == pid)
    return person["failure_episodes"][0]["failure_event_id"]


def test_event_prediction_rests_only_on_earlier_episodes(demo):
    p6, truth = demo
    pid, failures = _failure_ids(truth, "newcomer")
    target = failures[-1]
    at = p6.store.event(p6.tenant, target).ts
    prediction = p6.predict(pid, event=target)
    assert prediction.basis["context"]["event_id"] == target
    assert prediction.evidence and all(e.ts < at for e in prediction.evidence)
    assert target not in {e.failure_event_id for e in prediction.evidence}


def _events(later: bool) -> list[dict]:
    """u-1 fails twice, then a bare failure at 10:10; ``later`` adds everything after it."""
    day = "2026-03-01T"
    found = []
    for n, reaction in enumerate(["again", "other"]):
        s = f"s-{n}"
        found += [
            {
                "ts": f"{day}0{n}:00:00Z",
                "session_id": s,
                "user_id": "u-1",
                "type": "action",
                "name": "run",
                "text": "run job",
            },
            {
                "ts": f"{day}0{n}:00:01Z",
                "session_id": s,
                "user_id": "u-1",
                "type": "outcome",
                "name": "error",
                "text": "boom",
            },
            {
                "ts": f"{day}0{n}:00:05Z",
                "session_id": s,
                "user_id": "u-1",
                "type": "action",
                "name": "run",
                "text": "run job" if reaction == "again" else "open settings",
            },
        ]
    found += [
        {
            "event_id": "target-run",
            "ts": f"{day}10:10:00Z",
            "session_id": "s-t",
            "user_id": "u-1",
            "type": "action",
            "name": "run",
        },
        {
            "event_id": "target",
            "ts": f"{day}10:10:01Z",
            "session_id": "s-t",
            "user_id": "u-1",
            "type": "outcome",
            "name": "error",
        },
    ]
    if later:
        found += [
            {
                "ts": f"{day}10:10:09Z",
                "session_id": "s-t",
                "user_id": "u-1",
                "type": "action",
                "name": "retry",
            },
            {
                "ts": f"{day}11:00:00Z",
                "session_id": "s-9",
                "user_id": "u-1",
                "type": "action",
                "name": "run",
                "text": "run job",
            },
            {
                "ts": f"{day}11:00:01Z",
                "session_id": "s-9",
                "user_id": "u-1",
                "type": "outcome",
                "name": "error",
                "text": "boom",
            },
            {
                "ts": f"{day}11:00:02Z",
                "session_id": "s-9",
                "user_id": "u-1",
                "type": "action",
                "name": "run",
                "text": "run job",
            },
        ]
    return found


def test_event_prediction_is_the_same_whatever_happened_after_it():
    found = []
    for later in (False, True):
        with Persona6(db=":memory:") as p6:
            p6.record(_events(later))
            p6.build()
            found.append(p6.predict("u-1", event="target").model_dump())
    assert found[0] == found[1]
    assert found[0]["basis"]["person"]["episodes"] == 2


def test_failure_name_adds_its_context(demo):
    p6, truth = demo
    pid = truth["people"][1]["person_id"]
    prediction = p6.predict(pid, failure="timeout")
    assert prediction.basis["context"]["features"]["failure:timeout"] > 0


def test_unknown_person_is_not_found_with_the_fix(demo):
    p6, _ = demo
    with pytest.raises(NotFound) as caught:
        p6.predict("nobody")
    assert str(caught.value) == (
        "person 'nobody' is not known in tenant 'default'. List people with: persona6 persons"
    )


def test_unknown_event_is_not_found_with_the_fix(demo):
    p6, truth = demo
    pid = truth["people"][0]["person_id"]
    with pytest.raises(NotFound) as caught:
        p6.predict(pid, event="evt-missing")
    assert str(caught.value) == (
        "event 'evt-missing' is not stored in tenant 'default'. List the person's failures "
        f"with: persona6 events --actor {pid} --type outcome"
    )


def test_an_event_that_is_not_a_failure_is_refused(demo):
    p6, truth = demo
    person = truth["people"][0]
    message = next(e for e in p6.events(actor=person["person_id"], type="message"))
    with pytest.raises(InvalidOption) as caught:
        p6.predict(person["person_id"], event=message.event_id)
    assert str(caught.value).startswith(
        f"event {message.event_id!r} is a message, not a failure. Pass the id of a failure"
    )


def test_a_failure_of_someone_else_is_refused(demo):
    p6, truth = demo
    first, second = truth["people"][1], truth["people"][2]
    failure = first["failure_episodes"][0]["failure_event_id"]
    with pytest.raises(InvalidOption) as caught:
        p6.predict(second["person_id"], event=failure)
    assert str(caught.value) == (
        f"event {failure!r} is a failure of {first['person_id']!r}, not of "
        f"{second['person_id']!r}. Run: persona6 predict {first['person_id']} --event {failure}"
    )


def test_failure_and_event_together_are_refused(demo):
    p6, truth = demo
    pid = truth["people"][0]["person_id"]
    with pytest.raises(InvalidOption) as caught:
        p6.predict(pid, failure="error", event="x")
    assert str(caught.value) == (
        "predict: give --failure or --event, not both. --event already says what failed"
    )
    assert caught.value.render("mcp", {"event": "event_id"}) == (
        "predict: give failure or event_id, not both. event_id already says what failed"
    )


def test_backtest_reports_the_model_and_both_baselines(demo):
    p6, _ = demo
    report = p6.backtest_reactions()
    assert report.episodes > 0 and report.history_episodes > 0
    assert report.model.log_loss > 0 and report.population_prior.log_loss > 0
    assert 0 <= report.calibration_error <= 1
    assert sum(b.episodes for b in report.calibration) == report.episodes


def test_backtest_split_must_be_a_share(demo):
    p6, _ = demo
    with pytest.raises(InvalidOption) as caught:
        p6.backtest_reactions(split=1.5)
    assert str(caught.value) == (
        "--split 1.5 must be between 0 and 1 (the share of each person's episodes used as "
        "history only), e.g. 0.6"
    )


def test_failures_at_invented_times_have_no_latency_and_no_recent_context(tmp_path):
    # OpenAI chats without message times: the assistant's apology and the person's answer are
    # one second apart only because the ingest kept them in order that way.
    with Persona6(db=":memory:") as p6:
        p6.ingest(polite_openai_chats(tmp_path / "chats.jsonl", timed=False), format="openai")
        p6.build()
        history = p6._behavior().history()
        assert len(history.episodes) == 5
        for episode in history.episodes:
            assert episode.latency is None
            assert not [f for f in episode.features if f.startswith("recent:")]
            stored = p6.store.event(p6.tenant, episode.failure_event_id)
            assert failure_at(p6.store, history, stored).features == episode.features
        assert p6.predict("u-polite").expected_latency_s is None
