"""The prefix indexes behind ``predict --event`` give what recomputing from scratch gives.

The reference is the plain definition (behavior/timeline.py): the episodes known before the
cut-off, pooled with memberships computed from each person's history before it. The cached
path must equal it at any cut-off, not only at failure times, so hypothesis draws cut-offs:
event times, times between them, times before and after everything.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import Counter
from datetime import timedelta

import pytest
from helpers import built_demo
from hypothesis import given, settings
from hypothesis import strategies as st

from persona6.behavior.archetypes import membership_map
from persona6.behavior.episodes import failure_at, known_before
from persona6.behavior.predict import (
    PersonStrength,
    config,
    distribution,
    evidence_for,
    expected_latency,
    pools,
)
from persona6.behavior.strength import checkpoints, strength_of
from persona6.behavior.timeline import known_at
from persona6.graph.consolidate import said_act
from persona6.types import format_ts, parse_ts


@pytest.fixture(scope="module")
def demo():
    yield from built_demo(3, 8)


@pytest.fixture(scope="module")
def world(demo):
    """The state, its taxonomy, the people, event times and every failure context."""
    p6, _ = demo
    state = p6._behavior()
    history = state.history()
    times = sorted({e.ts for e in p6.events()})
    contexts = sorted({e.features for e in history.episodes})
    return state, state.taxonomy(None), sorted(history.persons), times, contexts


def _close(a, b, where="") -> None:
    """Equal; floats within 1e-9 (sums of floats may be added in another order)."""
    if isinstance(a, float) or isinstance(b, float):
        assert math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9), (where, a, b)
    elif isinstance(a, dict):
        assert list(a) == list(b), (where, a, b)
        for key in a:
            _close(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, list | tuple):
        assert len(a) == len(b), (where, a, b)
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _close(x, y, f"{where}[{i}]")
    else:
        assert a == b, (where, a, b)


def _reference(state, taxonomy, person_id, cutoff, features):
    history = state.history()
    known = known_before(history.episodes, cutoff)
    at = pools(known, lambda p: membership_map(taxonomy, history.person(p), cutoff))
    at.strength = _strength_reference(state, taxonomy, cutoff)
    membership = membership_map(taxonomy, history.person(person_id), cutoff)
    return at, membership


def _strength_reference(state, taxonomy, cutoff):
    """kappa_p estimated on everything known before the last checkpoint before ``cutoff``: the
    moment the s-th known episode became known, s the largest checkpoint below the number of
    episodes known at ``cutoff`` (behavior/strength.py)."""
    history = state.history()
    moment = None
    if cutoff is not None:
        times = sorted(known_at(e) for e in history.episodes)
        k = bisect_left(times, cutoff)
        if k == 0:
            return PersonStrength.default(known_before=cutoff)
        marks = checkpoints(len(times), config().person_fit.refresh)
        moment = times[max(s for s in marks if s < k)]
        assert moment < cutoff
    known = known_before(history.episodes, moment)
    at = pools(known, lambda p: membership_map(taxonomy, history.person(p), moment))
    return strength_of(at, known, moment)


def _evidence_reference(history, person_id, cutoff, features, limit=10):
    wanted = set(features)
    past = known_before(history.person(person_id).episodes, cutoff)
    if wanted:
        key = lambda e: (sum(f in wanted for f in e.features), e.failure_ts)  # noqa: E731
        ranked = heapq.nlargest(limit, past, key=key)
    else:
        ranked = past[-limit:][::-1]
    return [e.failure_event_id for e in ranked]


@st.composite
def cutoffs(draw, times):
    base = parse_ts(draw(st.sampled_from(times)))
    shift = draw(st.sampled_from([0, 0, 0, 1e-6, -1e-6, 0.5, -30, 3600, -86400 * 30]))
    return format_ts(base + timedelta(seconds=shift))


@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_a_prediction_through_the_indexes_equals_recomputing_it(world, data) -> None:
    state, taxonomy, persons, times, contexts = world
    person_id = data.draw(st.sampled_from(persons))
    cutoff = data.draw(cutoffs(times))
    features = data.draw(st.sampled_from([(), *contexts]))
    fast, membership = state.pools_at(taxonomy, person_id, cutoff, features)
    slow, expected = _reference(state, taxonomy, person_id, cutoff, features)
    _close(membership, expected, "membership")
    dist, basis = distribution(fast, person_id, membership, features)
    want, want_basis = distribution(slow, person_id, expected, features)
    _close(dist, want, "distribution")
    # The pooled episode counts are shown rounded to 3 decimals: a sum in another order may
    # round the other way.
    pooled = basis["archetype"].pop("episodes")
    want_pooled = want_basis["archetype"].pop("episodes")
    assert pooled == pytest.approx(want_pooled, abs=1.5e-3)
    _close(basis, want_basis, "basis")
    got_latency = expected_latency(fast, person_id, membership)
    want_latency = expected_latency(slow, person_id, expected)
    assert (got_latency is None) == (want_latency is None)
    if got_latency is not None:
        _close(got_latency, want_latency, "latency")
    history = state.history()
    cited = [e.failure_event_id for e in evidence_for(history, person_id, cutoff, features)]
    assert cited == _evidence_reference(history, person_id, cutoff, features)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_memberships_at_a_cutoff_equal_the_full_scoring(world, data) -> None:
    state, taxonomy, persons, times, _ = world
    person_id = data.draw(st.sampled_from(persons))
    cutoff = data.draw(st.one_of(st.none(), cutoffs(times)))
    history = state.history()
    assert state.membership_at(taxonomy, person_id, cutoff) == membership_map(
        taxonomy, history.person(person_id), cutoff
    )


def test_kappa_now_through_the_indexes_equals_the_one_predict_uses(world) -> None:
    state, taxonomy, _, _, _ = world
    _, now = state._current(taxonomy)
    fast, _ = state.pools_at(taxonomy, "nobody", None, ())
    # Enough persons and episodes to estimate (the default may still be kept as plausible).
    assert now.strength is not None and now.strength.persons >= 3
    assert fast.strength == now.strength == _strength_reference(state, taxonomy, None)


def test_family_gains_at_every_prefix_equal_the_leave_one_out_reference(world) -> None:
    state, _, _, _, _ = world
    timeline = state.timeline()
    for k in range(0, len(timeline.episodes) + 1, 7):
        known = timeline.episodes[:k]
        reference = pools(known, lambda p: {}).families
        _close(
            timeline.gains.at(k, timeline.population(k), timeline.spread(k)),
            reference,
            f"gains at {k}",
        )


def test_a_stored_episodes_context_is_what_failure_at_reads(demo) -> None:
    p6, _ = demo
    state = p6._behavior()
    history = state.history()
    assert history.episodes
    for episode in history.episodes:
        stored = p6.store.event(p6.tenant, episode.failure_event_id)
        found = failure_at(p6.store, history, stored)
        assert found is not None
        assert (found.person_id, found.actor, found.failure_name, found.features) == (
            episode.person_id,
            episode.actor,
            episode.failure_name,
            episode.features,
        )


def test_predict_event_equals_the_reference_for_every_failure(demo) -> None:
    p6, _ = demo
    state = p6._behavior()
    history = state.history()
    taxonomy = state.taxonomy(None)
    for episode in history.episodes[::2]:
        pid = episode.person_id
        got = p6.predict(pid, event=episode.failure_event_id).model_dump()
        stored = p6.store.event(p6.tenant, episode.failure_event_id)
        found = failure_at(p6.store, history, stored)
        slow, membership = _reference(state, taxonomy, pid, stored.ts, found.features)
        dist, basis = distribution(slow, pid, membership, found.features)
        assert got["distribution"] == pytest.approx(dist, abs=2e-6)
        # what their reactions were (``acts``): from the episodes known before, by said_act
        acts = got["basis"]["person"].pop("acts")
        for level in ("person", "population"):
            assert got["basis"][level] == basis[level]
        past = known_before(history.person(pid).episodes, stored.ts)
        reference = {
            r: said_act(r, dict(Counter(e.act for e in past if e.reaction == r)))
            for r in {e.reaction for e in past}
        }
        assert acts == {r: a for r, a in sorted(reference.items()) if a}
        assert got["basis"]["archetype"]["membership"] == basis["archetype"]["membership"]
        assert got["basis"]["context"]["features"] == basis["context"]["features"]
        assert got["basis"]["context"]["ignored"] == basis["context"]["ignored"]
        cited = [e["failure_event_id"] for e in got["evidence"]]
        assert cited == _evidence_reference(history, pid, stored.ts, found.features)


def _run(session: str, at: str, outcome: str, then: str | None, tag: str = "") -> list[dict]:
    """u-1 runs a job at ``at`` (HH:MM), the outcome follows, then ``then`` (an action)."""
    day = "2026-03-01T"
    found = [
        {"event_id": f"{tag}{session}-run", "ts": f"{day}{at}:00Z", "session_id": session,
         "user_id": "u-1", "type": "action", "name": "run", "text": "run job"},
        {"event_id": f"{tag}{session}-out", "ts": f"{day}{at}:01Z", "session_id": session,
         "user_id": "u-1", "type": "outcome", "name": outcome, "text": "boom"},
    ]  # fmt: skip
    if then is not None:
        found.append(
            {"ts": f"{day}{at}:05Z", "session_id": session, "user_id": "u-1",
             "type": "action", "name": "run", "text": then}
        )  # fmt: skip
    return found


def test_the_indexes_follow_the_graph_version_and_never_read_later_events() -> None:
    """Built and predicted (the indexes are cached); then more is ingested and built: the
    failure's prediction is unchanged (nothing after it counts), and what is new is seen."""
    from persona6 import Persona6

    early = _run("s-0", "01:00", "error", "run job") + _run("s-1", "02:00", "error", "open it")
    target = _run("s-t", "10:10", "error", None)
    later = _run("s-t2", "11:00", "error", "run job") + _run("s-t3", "12:00", "error", "x")
    with Persona6(db=":memory:") as p6:
        p6.record(early + target)
        p6.build()
        before = p6.predict("u-1", event="s-t-out").model_dump()
        known = p6.predict("u-1").basis["population"]["episodes"]
        p6.record(later)
        p6.build()
        assert p6.predict("u-1", event="s-t-out").model_dump() == before
        assert before["basis"]["person"]["episodes"] == 2
        assert p6.predict("u-1").basis["population"]["episodes"] == known + 2
