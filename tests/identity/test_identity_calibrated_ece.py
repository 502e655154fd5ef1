"""The ECE a perfectly calibrated model shows by chance (backtest.calibrated_ece), reported
beside the backtest's own ECE: on a few held-out sessions an ECE of 0.1 is no evidence."""

from __future__ import annotations

import random

from persona6.identity.backtest import (
    Linked,
    Query,
    calibrated_ece,
    calibration_error,
    summarize,
)
from persona6.identity.features import Profile


def test_certain_confidences_leave_nothing_to_chance():
    assert calibrated_ece([1.0] * 8) == (0.0, 0.0)
    assert calibrated_ece([]) == (0.0, 0.0)


def test_ten_sessions_at_one_half_are_off_by_a_tenth_by_chance():
    # One bin: the ECE is |right / 10 - 0.5|. Binomial(10, 0.5): 0 at 24.6%, 0.1 (4 or 6
    # right) at 41.0%, 0.2 at 23.4%, 0.3 at 8.8%, 0.4 and more at 2.1%: median 0.1, and the
    # ECE is 0.3 or more 11% of the time, 0.4 or more 2%, so the 95th percentile is 0.3.
    expected, bound = calibrated_ece([0.5] * 10)
    assert round(expected, 6) == 0.1
    assert round(bound, 6) == 0.3


def test_more_sessions_make_chance_smaller_and_the_bound_sits_above_the_median():
    rng = random.Random(3)
    few = [rng.uniform(0.4, 1.0) for _ in range(20)]
    many = [rng.uniform(0.4, 1.0) for _ in range(2000)]
    few_median, few_bound = calibrated_ece(few)
    many_median, many_bound = calibrated_ece(many)
    assert few_median < few_bound
    assert many_median < many_bound
    assert many_bound < few_median


def test_outcomes_drawn_from_their_confidences_stay_under_the_bound_nearly_always():
    rng = random.Random(11)
    confidences = [rng.uniform(0.3, 1.0) for _ in range(100)]
    _, bound = calibrated_ece(confidences)
    above = 0
    for _ in range(200):
        correct = [rng.random() < c for c in confidences]
        above += calibration_error(confidences, correct)[0] > bound
    assert above <= 25  # about 10 of 200 by construction


def test_the_same_confidences_give_the_same_figures_every_time():
    confidences = [0.55, 0.62, 0.91, 0.97, 0.99, 0.73, 0.88]
    assert calibrated_ece(confidences) == calibrated_ece(list(confidences))


def _linked(person: str, best: str, p: float, new: float, known: bool = True) -> Linked:
    query = Query(person, f"s-{person}", Profile(), known)
    return Linked(query, [best, "u-other"], [p, 1.0 - p - new], new, [{}, {}])


def test_the_backtest_report_carries_the_chance_ece_beside_its_own():
    linked = [
        _linked("u-a", "u-a", 0.9, 0.02),
        _linked("u-b", "u-b", 0.7, 0.1),
        _linked("u-c", "u-x", 0.6, 0.1),
        _linked("u-d", "u-d", 0.1, 0.85, known=False),
    ]
    report = summarize(linked, threshold=0.5)
    expected, bound = calibrated_ece([0.9, 0.7, 0.6, 0.85])
    assert report.ece_if_calibrated == round(expected, 4)
    assert report.ece_bound == round(bound, 4)
    assert 0.0 < report.ece_if_calibrated < report.ece_bound
