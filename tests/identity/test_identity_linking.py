"""Probabilistic linking on the synthetic generator's people: who each holdout session is,
the exact JSON, evidence on both sides, co-presence, auto-merge and its undo, the backtest."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from persona6 import Persona6, synth
from persona6.cli import main
from persona6.errors import InvalidOption, NotFound

PEOPLE = 8  # as in conftest.py's shared store


def holdouts(truth: dict) -> dict[str, str]:
    return {p["holdout_anonymous_id"]: p["person_id"] for p in truth["people"]}


def test_holdout_sessions_link_to_their_person(p6, world):
    truth = holdouts(world[1])
    results = {actor: p6.link(actor) for actor in truth}
    right = sum(r.candidates[0].person_id == truth[a] for a, r in results.items())
    assert right >= PEOPLE - 1
    for result in results.values():
        total = sum(c.probability for c in result.candidates) + result.new_person_probability
        assert total <= 1.0 + 1e-5  # each probability is rounded to 6 places
        assert [c.probability for c in result.candidates] == sorted(
            (c.probability for c in result.candidates), reverse=True
        )


def test_decision_is_the_best_candidate_or_null_by_the_threshold(p6, world):
    actor = next(iter(holdouts(world[1])))
    result = p6.link(actor, threshold=0.01)
    assert result.decision == result.candidates[0].person_id
    strict = p6.link(actor, threshold=1.0)
    assert strict.decision is None or strict.candidates[0].probability >= 1.0


def test_every_evidence_quote_is_the_exact_text_on_both_sides(p6, world):
    actor = next(iter(holdouts(world[1])))
    result = p6.link(actor)
    quotes = [
        (q, side)
        for c in result.candidates
        for e in c.evidence
        for side, items in (("anonymous", e.anonymous), ("person", e.person))
        for q in items
    ]
    assert quotes
    for quote, side in quotes:
        event = p6.store.event(p6.tenant, quote.event_id)
        assert event is not None
        assert (event.text or "")[quote.start : quote.end] == quote.quote
        if side == "anonymous":
            assert event.anonymous_id == actor


def test_json_is_exactly_the_documented_shape(p6, world):
    actor = next(iter(holdouts(world[1])))
    result = CliRunner().invoke(
        main, ["link", actor, "--json", "--db", str(p6.db)], catch_exceptions=False
    )
    data = json.loads(result.output)
    assert set(data) == {
        "anonymous_id",
        "decision",
        "candidates",
        "new_person_probability",
        "threshold",
        "model_id",
    }
    assert data["anonymous_id"] == actor
    # What the decision rests on besides the candidates, as the table shows it.
    assert 0.0 <= data["new_person_probability"] <= 1.0 and data["threshold"] == 0.5
    assert data["model_id"].startswith("lm_")
    top = data["candidates"][0]["probability"]
    assert data["decision"] == (data["candidates"][0]["person_id"] if top >= 0.5 else None)
    for candidate in data["candidates"]:
        assert set(candidate) == {"person_id", "probability", "contributions", "evidence"}
        assert set(candidate["contributions"]) == {"texture", "content", "behaviour", "context"}


def test_a_person_who_speaks_with_the_actor_is_ruled_out(p6, world):
    truth = holdouts(world[1])
    actor, person = next(iter(truth.items()))
    session = p6.link(actor).sessions[0]
    p6.record(
        [
            {
                "ts": "2026-03-30T10:00:00Z",
                "session_id": session,
                "user_id": person,
                "type": "message",
                "text": "hi there, I am the other one here",
            }
        ]
    )
    p6.build()
    result = p6.link(actor)
    assert person in result.excluded
    assert person not in [c.person_id for c in result.candidates]


def test_linking_an_unknown_actor_says_how_to_find_one(p6):
    with pytest.raises(NotFound) as caught:
        p6.link("anon-nobody")
    assert str(caught.value) == (
        "anonymous actor 'anon-nobody' is not stored in tenant 'default'. "
        "List anonymous actors with: persona6 actors"
    )


def test_linking_a_person_id_is_refused_with_the_right_command(p6, world):
    person = world[1]["people"][0]["person_id"]
    with pytest.raises(InvalidOption) as caught:
        p6.link(person)
    assert f"{person!r} is a known person's user_id, not an anonymous actor" in str(caught.value)
    assert "persona6 continuity SESSION" in str(caught.value)


def test_a_bad_threshold_is_refused(p6, world):
    actor = next(iter(holdouts(world[1])))
    with pytest.raises(InvalidOption) as caught:
        p6.link(actor, threshold=2.0)
    assert str(caught.value) == (
        "--threshold 2.0 is not a probability in (0, 1]. Give a number such as --threshold 0.9"
    )


def test_link_all_merges_nothing_by_default(p6, world):
    report = p6.link_all()
    assert report.merged == [] and report.auto_merge_above is None
    assert {r.anonymous_id for r in report.results} == set(holdouts(world[1]))


def test_auto_merge_off_merges_nothing_whatever_the_tenant_setting(p6, world):
    p6.identity_settings(auto_merge_above=0.5)
    assert p6.link_all(auto_merge_above="off").merged == []
    db = str(p6.db)
    p6.close()
    shown = CliRunner().invoke(
        main, ["link", "--all", "--auto-merge", "off", "--json", "--db", db], catch_exceptions=False
    )
    report = json.loads(shown.output)
    assert report["merged"] == [] and report["auto_merge_above"] is None
    # Without the option the tenant's setting applies.
    with Persona6(db=db) as again:
        assert again.link_all().merged


def test_auto_merge_links_confident_actors_and_unlink_undoes_it(p6, world):
    truth = holdouts(world[1])
    report = p6.link_all(auto_merge_above=0.5)
    assert report.merged
    for merged in report.merged:
        assert merged.method == "auto" and merged.probability >= 0.5
        assert merged.person_id == truth[merged.anonymous_id]
        assert merged.details["contributions"]
    first = report.merged[0]
    assert first.anonymous_id in p6.person(first.person_id).person.aliases
    p6.unlink(first.anonymous_id)
    assert first.anonymous_id not in p6.person(first.person_id).person.aliases
    assert p6.links(first.anonymous_id) == []


def test_backtest_reports_and_saves_a_fitted_model(p6):
    before = p6.link(p6.link_all().results[0].anonymous_id).model_id
    report = p6.backtest_linking(save=True)
    assert report.queries + report.new_queries >= 3
    assert 0.0 <= report.top1 <= report.top3 <= 1.0
    assert 0.0 <= report.ece <= 1.0
    # Later sessions against an earlier history: every person's latest history sessions, so
    # many more than the one held out per person, and the synthetic people stay telling.
    assert report.later_queries > report.queries
    assert report.later_top1 is not None and 0.5 <= report.later_top1 <= 1.0
    assert report.saved
    assert set(report.model["weights"]) >= {"words", "fw", "commands"}
    after = p6.link(p6.link_all().results[0].anonymous_id).model_id
    assert after == report.model["model_id"] != before


def test_continuity_of_an_unknown_session_says_how_to_list_them(p6):
    with pytest.raises(NotFound) as caught:
        p6.continuity("s-nope")
    assert str(caught.value) == (
        "session 's-nope' has no events in tenant 'default'. List sessions with: persona6 sessions"
    )


def test_continuity_of_a_holdout_session_points_to_link(p6, world):
    actor = next(iter(holdouts(world[1])))
    session = p6.link(actor).sessions[0]
    report = p6.continuity(session)
    assert report.actors[0].person_id is None
    assert f"persona6 link {actor}" in report.actors[0].note


def test_forget_takes_a_session_out_of_the_linking_profiles(p6, world):
    from persona6.identity.profiles import load_profiles
    from persona6.store.base import EventQuery

    actor, person = next(iter(holdouts(world[1]).items()))
    p6.link(actor)  # the linker and its index are up and hold the session
    before = load_profiles(p6.store, p6.tenant, [person])[person]
    session = before.session_ids[0]
    gone = {
        e.event_id for e in p6.store.iter_events(EventQuery(tenant=p6.tenant, session_id=session))
    }
    p6.forget(session=session)
    after = load_profiles(p6.store, p6.tenant, [person])[person]
    assert session not in after.session_ids and after.sessions == before.sessions - 1
    assert (
        not {p[0] for labels in after.pointers.values() for ps in labels.values() for p in ps}
        & gone
    )
    result = p6.link(actor)
    quoted = {q.event_id for c in result.candidates for e in c.evidence for q in e.person}
    assert not quoted & gone
    # The same as linking from scratch: units and profiles re-made from what is stored now.
    p6._linker().sync(full=True)
    again = p6.link(actor)
    assert [(c.person_id, c.probability) for c in again.candidates] == [
        (c.person_id, c.probability) for c in result.candidates
    ]


def test_the_demo_links_every_held_out_session_with_the_shipped_model():
    """The README's demo (seed 7, twelve people) decides each held-out session for its person.
    When the extractors change what identity units hold, the shipped model, fitted on the
    generator's people, can drift from them (2026-11-26: 10 of 12, each miss the right person
    below the threshold)."""
    log = synth.generate(seed=7, people=12)
    with Persona6(db=":memory:") as p6:
        p6.record(log.events)
        p6.build()
        decided = {p["holdout_anonymous_id"]: p["person_id"] for p in log.truth["people"]}
        found = {actor: p6.link(actor).decision for actor in decided}
    wrong = {actor: found[actor] for actor in decided if found[actor] != decided[actor]}
    assert len(decided) == 12 and not wrong, (
        f"the shipped linking model leaves {len(wrong)} of 12 demo sessions undecided or "
        f"wrong ({wrong}); refit it on today's extractors: "
        "python benchmarks/identity_default_model.py --write"
    )
