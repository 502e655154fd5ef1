"""Telling the closest candidates apart (identity/separation.py): the classifier, the weight the
backtest fits for it, the model that keeps it, and what a link shows of it."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace

import numpy as np
import pytest

from persona6.identity import separation
from persona6.identity.features import Profile, chargram_buckets
from persona6.identity.linking import default_model
from persona6.identity.model import LinkModel, vectorize


def _rows(rng: np.random.Generator, centre: np.ndarray, count: int, noise: float) -> np.ndarray:
    rows = centre + noise * rng.standard_normal((count, len(centre)))
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_a_session_is_placed_among_the_candidate_whose_sessions_it_resembles():
    """Two writers whose sessions share most of their n-grams (their sums are close) but
    differ in a few that each uses every time: the classifier of their sessions tells a new
    session apart by those few, whatever the shared part does."""
    rng = np.random.default_rng(3)
    dims = separation.FOLD_DIMS
    shared = rng.standard_normal(dims)
    own_a, own_b = np.zeros(dims), np.zeros(dims)
    own_a[:20], own_b[20:40] = 3.0, 3.0
    a = _rows(rng, shared + own_a, 30, 1.0)
    b = _rows(rng, shared + own_b, 30, 1.0)
    query = _rows(rng, shared + own_a, 1, 1.0)[0]
    found = separation.scores(query, [a, b])
    assert found[0] > 0.3 > -0.3 > found[1]
    swapped = separation.scores(query, [b, a])
    assert swapped[1] == pytest.approx(found[0]) and swapped[0] == pytest.approx(found[1])


def test_nothing_to_tell_apart_without_two_candidates_with_sessions():
    rng = np.random.default_rng(1)
    rows = _rows(rng, rng.standard_normal(separation.FOLD_DIMS), 5, 0.5)
    none = np.zeros((0, separation.FOLD_DIMS), dtype=np.float32)
    assert separation.scores(rows[0], [rows, none]).tolist() == [0.0, 0.0]
    assert separation.scores(rows[0], [rows]).tolist() == [0.0]


def _typed(text: str) -> Profile:
    unit = Profile(sessions=1, session_ids=["s"])
    unit.bags["chargrams"] = Counter(str(b) for b in chargram_buckets([text]))
    return unit


def test_a_row_is_unit_length_and_the_same_every_time():
    model = default_model()
    unit = _typed("Thanks, that fixed it. Could you also check the export?")
    first = separation.row(vectorize(unit, model))
    assert first is not None and first.shape == (separation.FOLD_DIMS,)
    assert float(np.linalg.norm(first)) == pytest.approx(1.0, abs=1e-5)
    assert np.array_equal(first, separation.row(vectorize(unit, model)))
    assert separation.row(vectorize(Profile(sessions=1), model)) is None


def test_the_weight_is_zero_when_telling_apart_does_not_help():
    """Moves that point at the truth earn a weight; moves that point away, or at random, do
    not: the backtest then leaves linking as it was."""
    rng = np.random.default_rng(0)
    helpful, harmful, random_ = [], [], []
    for _ in range(200):
        llrs = rng.normal(0.0, 1.0, 3)
        truth = int(rng.integers(3))
        toward = -np.ones(3)
        toward[truth] = 1.0
        helpful.append((llrs, toward, truth))
        harmful.append((llrs, -toward, truth))
        random_.append((llrs, rng.choice([-1.0, 1.0], 3), truth))
    weights = (0.0, 0.5, 1.0, 2.0, 4.0)
    scales = (0.5, 1.0, 2.0)
    assert separation.choose_weight(helpful, weights, scales) > 0
    assert separation.choose_weight(harmful, weights, scales) == 0.0
    assert separation.choose_weight(random_, weights, scales) <= 0.5
    assert separation.choose_weight([], weights, scales) == 0.0


def test_the_model_keeps_its_weight_and_a_model_without_one_is_stored_as_before():
    model = replace(default_model(), separation=0.0)
    assert "separation" not in model.to_json()
    weighted = LinkModel.from_json({**model.to_json(), "separation": 1.5})
    assert weighted.separation == 1.5
    assert LinkModel.from_json(json.loads(json.dumps(weighted.to_json()))) == weighted
    assert weighted.model_id != model.model_id
    calibrated = weighted.with_calibration(0.7, 0.2, shift=0.1)
    assert calibrated.separation == 1.5 and calibrated.temperature == 0.7


def test_a_link_shows_how_the_closest_candidates_were_told_apart(p6, world):
    """With a weight in the tenant's model, the best candidates' LLRs carry the separation in
    their texture contribution, and their evidence says where the session fell among theirs."""
    from persona6.identity.linking import fitted_model

    truth = {p["holdout_anonymous_id"]: p["person_id"] for p in world[1]["people"]}
    actor = sorted(truth)[0]
    base = fitted_model(p6.store, p6.tenant) or default_model()
    # The model as the tenant's own (the shipped one is moved to a tenant: tenant_strangers),
    # so that only the separation's weight differs between the two links.
    p6.store.save_identity_model(p6.tenant, base.model_id, base.to_json())
    before = p6.link(actor)
    weighted = LinkModel.from_json({**base.to_json(), "separation": 2.0})
    p6.store.save_identity_model(p6.tenant, weighted.model_id, weighted.to_json())
    after = p6.link(actor)
    told = [
        e
        for c in after.candidates[: separation.CANDIDATES]
        for e in c.evidence
        if e.feature == "told apart from the closest candidates"
    ]
    assert told, [e.feature for e in after.candidates[0].evidence]
    best = after.candidates[0]
    item = next(e for e in best.evidence if e.feature == "told apart from the closest candidates")
    assert item.family == "texture" and "LLR" in item.summary
    moved = {c.person_id: c.contributions["texture"] for c in after.candidates}
    unmoved = {c.person_id: c.contributions["texture"] for c in before.candidates}
    changed = [p for p in moved if p in unmoved and abs(moved[p] - unmoved[p]) > 1e-6]
    assert 1 <= len(changed) <= separation.CANDIDATES


def test_the_linker_keeps_products_between_links_and_gets_the_same_scores(p6, world):
    """The linker keeps each pair of candidates' inner products between links; what it finds
    is what the classifier finds from the rows themselves, on the first link and the next."""
    base = default_model()
    weighted = LinkModel.from_json({**base.to_json(), "separation": 1.0})
    p6.store.save_identity_model(p6.tenant, weighted.model_id, weighted.to_json())
    truth = {p["holdout_anonymous_id"]: p["person_id"] for p in world[1]["people"]}
    actor = sorted(truth)[1]
    p6.link(actor)
    linker = p6._linker()
    persons = sorted(truth.values())[:3]
    query = np.asarray(linker._rows_of(persons[0])[0])
    direct = separation.scores(query, [linker._rows_of(p) for p in persons])
    for _ in range(2):
        kept = linker._separation_scores(query, persons)
        assert kept == pytest.approx(direct, abs=1e-6)
    assert linker._grams


def test_the_fit_tells_a_later_session_apart_by_what_a_link_then_would_have_seen(p6, monkeypatch):
    """The backtest's classifier for a later history session learns from each candidate's
    sessions that began before it: all of them (not only the history before the fit's cut),
    and none after it nor the session itself."""
    from persona6.identity import backtest

    calls: list[tuple[backtest.Split, list[Profile], str]] = []
    fitting = []
    real_rows, real_separation = backtest._rows, backtest._separation

    def rows(split_, units, model, without):
        if fitting:  # the backtest's own links (``evaluate``) see every history session
            calls.append((split_, units, without))
        return real_rows(split_, units, model, without)

    def separation_(*args):
        fitting.append(True)
        try:
            return real_separation(*args)
        finally:
            fitting.pop()

    monkeypatch.setattr(backtest, "_rows", rows)
    monkeypatch.setattr(backtest, "_separation", separation_)
    p6.backtest_linking()
    later = 0
    for split_, units, without in calls:
        if not units:
            continue
        owner = next(p for p, us in split_.history_units.items() if any(u is units[0] for u in us))
        query = next((q for q in split_.queries if q.session_id == without), None)
        start = (
            query.profile.first_ts
            if query is not None
            else min(u.first_ts for u in split_.by_session[without].values())
        )
        before = [u for u in split_.history_units[owner] if u.first_ts < start]
        assert [id(u) for u in units] == [id(u) for u in before], (owner, without)
        assert all(without not in u.session_ids for u in units)
        later += query is None
    assert later  # later history sessions were told apart, not only the held-out ones
