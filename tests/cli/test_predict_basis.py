"""``predict`` prints what its basis says (docs/behavior.md): the kind of failure named is a
level of its own, whose prior the OTHER persons' episodes of it tilt (``context.tilting``) and
the person's own episodes of it update, against ``kind_prior_weight``; kappa_p is estimated,
or the packaged default tested and kept, or the packaged default for want of episodes, and
only the first two were fitted for anything (first-user review 7, W1 and its printout)."""

from __future__ import annotations

import json

import pytest

from persona6.cli import out
from persona6.cli.behavior import _print_strength

#: Who reacts how after a failed payment; after an unavailable seat, everyone moves on.
REACTIONS = {"u-tom": "escalate", "u-amy": "retry", "u-bo": "retry", "u-cy": "retry"}


def _log(rounds: int) -> list[dict[str, object]]:
    events: list[dict[str, object]] = []

    def add(session: str, person: str, **fields: object) -> None:
        n = len(events)
        ts = f"2026-03-01T{n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}Z"
        events.append(dict(ts=ts, session_id=session, user_id=person, **fields))

    for k in range(rounds):
        for person, reaction in REACTIONS.items():
            paid = f"{person}-pay-{k}"
            add(paid, person, type="action", name="book", text="corporate card")
            add(paid, person, type="outcome", name="payment_failed", text="card declined")
            if reaction == "escalate":
                add(paid, person, type="message", text="I want to talk to a human.")
            else:
                add(paid, person, type="action", name="book", text="corporate card")
            seat = f"{person}-seat-{k}"
            add(seat, person, type="action", name="select_seat", text="aisle")
            add(seat, person, type="outcome", name="seat_unavailable", text="seat taken")
            add(seat, person, type="action", name="search_hotels", text="Lisbon")
    return events


def _predict(run, write_lines, rounds: int) -> tuple[list[str], dict]:
    assert run("ingest", str(write_lines(_log(rounds)))).exit_code == 0
    assert run("build").exit_code == 0
    args = ("predict", "u-tom", "--failure", "payment_failed")
    basis = json.loads(run(*args, "--json").output)["basis"]
    return run(*args).output.splitlines(), basis


def test_the_kind_named_is_tilted_by_the_other_persons_episodes_only(run, write_lines):
    lines, basis = _predict(run, write_lines, 3)
    context, person = basis["context"], basis["person"]
    # the basis counts Tom's own 3 among the feature's 12, and not among the 9 that tilt
    assert context["features"]["failure:payment_failed"] == 12
    assert context["tilting"]["failure:payment_failed"] == 9
    assert person["same_kind"]["episodes"] == 3
    weight = person["kind_prior_weight"]
    assert (
        "after payment_failed: the prior is tilted by 9 episodes of it by other persons; their "
        f"own 3 (escalate 3) weigh against {weight:.3g} episodes of that prior"
    ) in lines
    assert not any("failure:payment_failed" in line for line in lines)  # no "12 past episodes"
    kappa = person["kappa"]
    assert kappa["source"] == "estimated"
    assert lines[1] == (
        f"own reactions to other failures (3 episodes) weigh against "
        f"{person['prior_weight']:.3g} archetype episodes (estimated on {kappa['episodes']} "
        f"episodes of {kappa['persons']} persons of this tenant, for predictions from what "
        "failed only)"
    )


def test_on_a_tenant_too_small_the_kind_prior_is_discounted_and_nothing_was_fitted(
    run, write_lines
):
    lines, basis = _predict(run, write_lines, 1)
    person = basis["person"]
    kappa = person["kappa"]
    assert kappa["source"] == "default" and kappa["episodes"] == 8
    above, weight = person["prior_weight"], person["kind_prior_weight"]
    assert weight < above < kappa["value"]
    assert lines[1] == (
        f"own reactions to other failures (1 episode) weigh against {above:.3g} archetype "
        "episodes (the packaged default: too few episodes to estimate it, 8 episodes of 4 "
        f"persons with two or more each, where it needs 15 episodes of at least 3 persons; "
        f"{kappa['value']:g} discounted to "
        f"{above:.3g}: the others' few episodes behind the prior back it no more than that)"
    )
    assert "fitted" not in lines[1] and "for predictions" not in lines[1]
    assert (
        "after payment_failed: the prior is tilted by 3 episodes of it by other persons; their "
        f"own 1 (escalate 1) weighs against {weight:.3g} episodes of that prior ({above:.3g} "
        f"discounted to {weight:.3g}: the others' 3 episodes of it back the prior no more than "
        "that)"
    ) in lines


def test_predict_without_a_kind_prints_no_kind_line(run, write_lines):
    assert run("ingest", str(write_lines(_log(3)))).exit_code == 0
    assert run("build").exit_code == 0
    text = run("predict", "u-tom").output
    assert "after " not in text.replace("expected reaction after", "")
    assert text.splitlines()[1].startswith("own reactions weigh against ")


def _strength(kappa: dict, weight: float | None = None) -> str:
    with out.capture() as captured:
        _print_strength(kappa, weight)
    return captured.get().strip()


@pytest.mark.parametrize(
    ("kappa", "weight", "line"),
    [
        (
            dict(value=2.0, source="estimated", persons=5, episodes=17, fitted_for="what failed"),
            2.0,
            "own reactions weigh against 2 archetype episodes (estimated on 17 episodes of 5 "
            "persons of this tenant, for predictions from what failed only)",
        ),
        (
            # tested on enough episodes and kept as plausible: not "too few"
            dict(
                value=20.0,
                source="default",
                persons=5,
                episodes=59,
                fitted_for="the failure's context",
            ),
            20.0,
            "own reactions weigh against 20 archetype episodes (the packaged default, 20: "
            "tested on 59 episodes of 5 persons of this tenant, which found no value clearly "
            "better, for predictions from the failure's whole context)",
        ),
        (
            # too few to test: kept, not fitted for anything
            dict(value=20.0, source="default", persons=2, episodes=11, fitted_for="what failed"),
            6.452,
            "own reactions weigh against 6.45 archetype episodes (the packaged default: too few "
            "episodes to estimate it, 11 episodes of 2 persons with two or more each, where it "
            "needs 15 episodes of at least 3 persons; 20 discounted to 6.45: the others' few "
            "episodes behind the prior back it no more than that)",
        ),
    ],
)
def test_the_strength_line_says_what_kappa_p_rests_on(kappa, weight, line):
    assert _strength(kappa, weight) == line
