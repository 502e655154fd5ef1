"""What the others did after a kind of failure shapes the prior; a person's own episodes of
that kind update on top of it (behavior/predict.py, ``person_level``; docs/behavior.md). The
seventh review's travel tenant, in small: Tom asked for a person after all 3 failed payments,
Amara retried hers, Ines gave up on all 3 expired fares, Diego retried his; Tom was predicted
to retry (54%) and Ines to retry (50%), from the others' episodes of the same kind."""

from __future__ import annotations

from collections import Counter

import pytest

from persona6 import Persona6
from persona6.behavior.predict import REACTIONS, config, person_level, prior_weight

#: The act that fails, per kind of failure.
FAILING = {"payment_failed": "book", "fare_expired": "hold_fare", "seat_unavailable": "select_seat"}


def _reacting(reaction: str, act: tuple[str, str | None, str]) -> list[tuple[str, str | None, str]]:
    return {
        "escalate": [("message", None, "Can I talk to a human about this?")],
        "retry": [act],
        "abandon": [("message", None, "forget it, not today")],
    }[reaction]


def _events(people: dict[str, tuple[str, list[str]]]) -> list[dict]:
    """Each person's failures with their own context, as in the review: their own card in the
    failed act, their own bank's error text. Those features single out the person's episodes
    as much as their counts do."""
    found = []
    for hour, (person, (kind, reactions)) in enumerate(sorted(people.items())):
        card = person.removeprefix("u-")
        act = ("action", FAILING[kind], f"{card} card")
        for day, reaction in enumerate(reactions):
            ts = f"2026-03-{day + 1:02d}T{hour + 8:02d}:00:"
            failed = ("outcome", kind, f"declined by the issuer of the {card} card")
            for n, (type_, name, words) in enumerate([act, failed, *_reacting(reaction, act)]):
                event = {"ts": f"{ts}{n * 5:02d}Z", "session_id": f"{person}-{day}"}
                event.update(user_id=person, type=type_, text=words)
                if name:
                    event["name"] = name
                if type_ == "message":
                    event["role"] = "user"
                found.append(event)
    return found


#: Five persons unanimous on their own kind of failure, and one who reacts in several ways:
#: enough episodes (19 of 6 persons) to estimate kappa_p, and with the whole context (each
#: person's own card and error text) a large one is plausible.
TRAVEL = {
    "u-tom": ("payment_failed", ["escalate"] * 3),
    "u-amara": ("payment_failed", ["retry"] * 3),
    "u-ines": ("fare_expired", ["abandon"] * 3),
    "u-diego": ("fare_expired", ["retry"] * 3),
    "u-hyejin": ("seat_unavailable", ["retry"] * 3),
    "u-lena": ("seat_unavailable", ["retry", "abandon", "escalate", "retry"]),
}

#: Too few to estimate kappa_p (9 episodes of 3 persons): the packaged one, discounted.
SMALL = {
    "u-tom": ("payment_failed", ["escalate"] * 3),
    "u-amara": ("payment_failed", ["retry"] * 3),
    "u-diego": ("fare_expired", ["abandon"] * 3),
}


def _engine(people: dict[str, tuple[str, list[str]]]) -> Persona6:
    engine = Persona6(db=":memory:")
    engine.record(_events(people))
    engine.build()
    return engine


@pytest.fixture(scope="module")
def travel():
    engine = _engine(TRAVEL)
    yield engine
    engine.close()


@pytest.fixture(scope="module")
def small():
    engine = _engine(SMALL)
    yield engine
    engine.close()


@pytest.mark.parametrize(
    ("person", "kind", "own"),
    [
        ("u-tom", "payment_failed", "escalate"),  # was retry 54%: Amara's retries
        ("u-ines", "fare_expired", "abandon"),  # was retry 50%: Diego's retries
        ("u-amara", "payment_failed", "retry"),  # the others agree: unchanged
        ("u-diego", "fare_expired", "retry"),
    ],
)
def test_the_persons_own_unanimous_record_of_the_kind_leads(travel, person, kind, own):
    prediction = travel.predict(person, failure=kind)
    assert prediction.basis["person"]["same_kind"]["reactions"] == {own: 3}
    assert next(iter(prediction.distribution)) == own
    assert prediction.distribution[own] > 0.5


def test_the_kind_tilts_by_the_others_episodes_of_it(travel):
    context = travel.predict("u-tom", failure="payment_failed").basis["context"]
    assert context["features"] == {"failure:payment_failed": 6}
    assert context["tilting"] == {"failure:payment_failed": 3}  # Amara's, not Tom's own


def test_kappa_is_fitted_for_the_prediction_from_what_failed(travel):
    person = travel.predict("u-tom", failure="payment_failed").basis["person"]
    kappa = person["kappa"]
    assert kappa["fitted_for"] == "what failed"
    assert kappa["source"] == "estimated" and kappa["value"] < config().kappa_person
    assert person["prior_weight"] == kappa["value"] == person["kind_prior_weight"]
    # With nothing named, the same fit: Tom's habit leads the brief's numbers too.
    plain = travel.predict("u-tom")
    assert plain.basis["person"]["kappa"] == kappa
    assert next(iter(plain.distribution)) == "escalate"


def test_a_stored_failure_uses_the_fit_for_its_whole_context(travel):
    history = travel._behavior().history()
    episode = next(e for e in history.episodes if e.person_id == "u-tom")
    kappa = travel.predict("u-tom", event=episode.failure_event_id).basis["person"]["kappa"]
    assert kappa["fitted_for"] == "the failure's context"


def test_in_a_small_tenant_the_kind_prior_is_no_surer_than_the_others_episodes(small):
    prediction = small.predict("u-tom", failure="payment_failed")
    person = prediction.basis["person"]
    assert person["kappa"]["source"] == "default"
    theirs = prediction.basis["context"]["tilting"]["failure:payment_failed"]
    assert theirs == 3  # Amara's
    expected = prior_weight(person["prior_weight"], theirs + config().kappa_context)
    assert person["kind_prior_weight"] == pytest.approx(expected, abs=1e-3)
    # Tom's own 3 of 3 lead; without the others' episodes of the kind counting his own
    # again, and without this discount, Amara's would weigh 5 pseudo-episodes against them
    assert next(iter(prediction.distribution)) == "escalate"


def test_the_tilt_shapes_the_prior_and_the_own_episodes_update_on_top():
    mixture = dict.fromkeys(REACTIONS, 1 / len(REACTIONS))
    tilt = {r: 10.0 if r == "retry" else 1.0 for r in REACTIONS}
    own = Counter({"escalate": 3})
    got = person_level(own, own, 2.0, mixture, tilt)
    prior = {r: tilt[r] / sum(tilt.values()) for r in REACTIONS}
    assert got == pytest.approx({r: (own[r] + 2.0 * prior[r]) / 5.0 for r in REACTIONS})
    assert max(got, key=got.__getitem__) == "escalate"
    # no episodes of the kind: the tilted prior itself
    assert person_level(Counter(), Counter(), 2.0, mixture, tilt) == pytest.approx(prior)
