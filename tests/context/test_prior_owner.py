"""Whose failures the prior a person's own episodes stand against is made of, said in the
model's own terms (persona6/behavior/predict.py: the archetype mixture pA = sum_a m_a pa, each
pa its other members' pooled episodes over kappa_a pseudo-episodes of the population's), by
``predict``'s habit line and the brief's failure plan alike (a docs review: the skeptic of the
demo's seed 7, whose complain 27% lead came from the skeptic archetype, was said to rest on
the population's episodes, complain 13 of 179, 7%)."""

from __future__ import annotations

from persona6.behavior.predict import config
from persona6.cli.behavior import _print_habit
from persona6.context.brief import prior_owner

#: The basis of ``persona6 predict u-c3eb045f86`` on ``persona6 demo`` (seed 7).
SKEPTIC = {
    "person": {
        "episodes": 11,
        "reactions": {"escalate": 1, "feedback": 6, "rephrase": 1, "self_fix": 3},
        "prior_weight": 90.51,
        "kind_prior_weight": 90.51,
        "same_kind": {"failure": None, "episodes": 0, "reactions": {}},
    },
    "archetype": {
        "membership": {
            "skeptic": 0.9837,
            "newcomer": 0.0117,
            "community_regular": 0.0026,
            "moderator": 0.001,
            "operator": 0.001,
        },
        "episodes": {
            "skeptic": 20.881,
            "newcomer": 13.897,
            "community_regular": 19.873,
            "moderator": 1.067,
            "operator": 123.282,
        },
    },
    "population": {
        "episodes": 190,
        "reactions": {
            "abandon": 9,
            "complain": 13,
            "escalate": 13,
            "feedback": 15,
            "rephrase": 42,
            "retry": 64,
            "self_fix": 16,
            "switch": 18,
        },
    },
}


def _with_archetype(membership: dict[str, float], episodes: dict[str, float]) -> dict:
    return {**SKEPTIC, "archetype": {"membership": membership, "episodes": episodes}}


def test_an_archetype_with_many_pooled_episodes_owns_the_prior():
    # skeptic carries 0.9837 * 20.881 / (20.881 + 4) = 0.826 of the prior, the population the rest
    assert config().kappa_archetype == 4.0
    assert round(0.9837 * 20.881 / (20.881 + 4.0), 3) == 0.826
    assert prior_owner(SKEPTIC) == ("the skeptic archetype's", [("skeptic", 0.9837, 20.881)])


def test_the_population_owns_the_prior_when_the_archetype_pools_are_thin():
    # 0.9 * 2 / (2 + 4) = 0.3: kappa_a's pseudo-episodes of the population's weigh more
    thin = _with_archetype({"skeptic": 0.9, "operator": 0.1}, {"skeptic": 2.0, "operator": 3.0})
    assert prior_owner(thin) == ("the population's", [])
    # no archetypes at all: pA is the population's p0
    assert prior_owner(_with_archetype({}, {}))[0] == "the population's"
    assert prior_owner({"person": {}, "population": {"episodes": 3}})[0] == "the population's"


def test_two_archetypes_that_share_the_prior_are_both_named_strongest_first():
    # 0.6 * 40 / 44 = 0.545 and 0.4 * 20 / 24 = 0.333; together 0.879
    mixed = _with_archetype(
        {"newcomer": 0.4, "operator": 0.6}, {"newcomer": 20.0, "operator": 40.0}
    )
    assert prior_owner(mixed) == (
        "the operator and newcomer archetypes'",
        [("operator", 0.6, 40.0), ("newcomer", 0.4, 20.0)],
    )


def test_predict_says_the_skeptic_archetype_not_the_population_leads(capsys):
    _print_habit(SKEPTIC, ("complain", 0.2702))
    line = " ".join(capsys.readouterr().out.split())
    assert line.startswith(
        "their own habit is feedback (6 of their 11), not the lead: complain 27.0% leads on the "
        "prior, made mostly of the skeptic archetype's episodes (membership skeptic 0.98, its "
        "other members' 20.9 episodes, each against 4 pseudo-episodes of the population's; the "
        "other persons' complain 13 of 179 in all), which weighs 90.5 episodes against their 11"
    )
    assert "made of the other persons' episodes" not in line


def test_predict_says_the_population_when_it_owns_the_prior(capsys):
    thin = _with_archetype({"skeptic": 0.9}, {"skeptic": 2.0})
    _print_habit(thin, ("complain", 0.2702))
    line = " ".join(capsys.readouterr().out.split())
    assert (
        "complain 27.0% leads on the prior, made mostly of the population's episodes (the other "
        "persons' complain 13 of 179), which weighs 90.5 episodes against their 11"
    ) in line


def test_the_demo_skeptic_brief_and_prediction_name_the_skeptic_archetype(tmp_path):
    from persona6 import Persona6, synth

    log = synth.generate(seed=7, people=12)  # persona6 demo's defaults
    events, _ = synth.write(log, tmp_path)
    with Persona6(db=tmp_path / "p6.db") as p6:
        p6.ingest(events)
        p6.build()
        prediction = p6.predict("u-c3eb045f86")
        text = p6.context("u-c3eb045f86", task="fix the export").text
    assert next(iter(prediction.distribution)) == "complain"
    assert prediction.basis["person"]["reactions"]["feedback"] == 6
    assert prior_owner(prediction.basis)[0] == "the skeptic archetype's"
    # Unfolding pA from P = (n + kappa_p pA) / (N + kappa_p) (no context asked): the prior
    # gives complain about 30%, where the other persons' own counts give 13 of 179 (7%).
    kappa, own = prediction.basis["person"]["prior_weight"], 11
    p_a = prediction.distribution["complain"] * (own + kappa) / kappa
    assert 0.29 < p_a < 0.31 and 13 / 179 < 0.08
    assert "The model's lead, complain 27%" in text
    assert "rests mostly on the skeptic archetype's failures (they never showed it)" in text
    assert "population's failures" not in text
