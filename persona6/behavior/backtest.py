"""Backtesting reaction predictions on the tenant's own data.

Per person, a time split: the first ``split`` share of their failure episodes is history only;
each later episode is predicted from the episodes known before its failure (everyone's, never
anything after it) and its own context. The same episodes are scored in the same run by two
baselines: the **population prior** (p0 of docs/behavior.md at that moment) and the **person's
frequency** (their own counts under the population prior, no archetypes, no context; with the
packaged kappa_p, so the baseline does not move with the model's estimate of it). The model's
kappa_p at each episode is estimated from episodes known before it (behavior/strength.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from pydantic import BaseModel, Field

from persona6.behavior.episodes import Episode, TenantHistory
from persona6.behavior.predict import REACTIONS, Pools, config, distribution

#: Probabilities are clipped to this before taking logs, so one surprise cannot be infinite.
EPSILON = 1e-6
BINS = 10


class Score(BaseModel):
    log_loss: float = Field(description="Mean -ln P(actual reaction).")
    accuracy: float = Field(description="Share where the most probable reaction happened.")
    brier: float = Field(description="Mean squared error over all reactions.")


class CalibrationBin(BaseModel):
    low: float
    high: float
    episodes: int
    confidence: float = Field(description="Mean probability of the predicted reaction.")
    accuracy: float = Field(description="Share where it happened.")


class BacktestReport(BaseModel):
    """``persona6 backtest reactions --json``."""

    persons: int = Field(description="Persons with at least one predicted episode.")
    episodes: int = Field(description="Episodes predicted (after each person's split).")
    history_episodes: int = Field(description="Episodes used as history only.")
    split: float
    model: Score
    population_prior: Score
    person_frequency: Score
    log_loss_reduction: float = Field(
        description="1 - model log-loss / population prior log-loss (higher is better)."
    )
    calibration_error: float = Field(description="Expected calibration error of the model.")
    calibration: list[CalibrationBin]


def _score(rows: list[tuple[dict[str, float], str]]) -> Score:
    if not rows:
        return Score(log_loss=0.0, accuracy=0.0, brier=0.0)
    loss = acc = brier = 0.0
    for dist, actual in rows:
        loss -= math.log(max(EPSILON, dist.get(actual, 0.0)))
        acc += max(dist, key=lambda r: dist[r]) == actual
        brier += sum((dist.get(r, 0.0) - (r == actual)) ** 2 for r in REACTIONS)
    n = len(rows)
    return Score(log_loss=round(loss / n, 4), accuracy=round(acc / n, 4), brier=round(brier / n, 4))


def _calibration(rows: list[tuple[dict[str, float], str]]) -> tuple[float, list[CalibrationBin]]:
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(BINS)]
    for dist, actual in rows:
        top = max(dist, key=lambda r: dist[r])
        p = dist[top]
        bins[min(BINS - 1, int(p * BINS))].append((p, top == actual))
    error, found = 0.0, []
    for i, items in enumerate(bins):
        if not items:
            continue
        confidence = sum(p for p, _ in items) / len(items)
        accuracy = sum(hit for _, hit in items) / len(items)
        error += len(items) / max(1, len(rows)) * abs(confidence - accuracy)
        found.append(
            CalibrationBin(
                low=i / BINS,
                high=(i + 1) / BINS,
                episodes=len(items),
                confidence=round(confidence, 4),
                accuracy=round(accuracy, 4),
            )
        )
    return round(error, 4), found


def held_out(history: TenantHistory, split: float) -> tuple[list[Episode], int]:
    """Each person's episodes after their first ``split`` share, and how many came before."""
    tested: list[Episode] = []
    held = 0
    for person in history.persons.values():
        cut = math.ceil(len(person.episodes) * split)
        held += cut
        tested += person.episodes[cut:]
    tested.sort(key=lambda e: (e.failure_ts, e.failure_event_id))
    return tested, held


#: person_id, cutoff, features -> the pools known before cutoff and the person's memberships
#: (``BehaviorState.pools_at``).
PoolsAt = Callable[[str, str, Sequence[str]], tuple[Pools, dict[str, float]]]


def backtest(history: TenantHistory, pools_at: PoolsAt, split: float = 0.6) -> BacktestReport:
    tested, held = held_out(history, split)
    cfg = config()
    model_rows, prior_rows, freq_rows = [], [], []
    for episode in tested:
        at, membership = pools_at(episode.person_id, episode.failure_ts, episode.features)
        dist, _ = distribution(at, episode.person_id, membership, episode.features)
        model_rows.append((dist, episode.reaction))
        big_n = sum(at.population.values())
        prior = {
            r: (at.population[r] + cfg.alpha / len(REACTIONS)) / (big_n + cfg.alpha)
            for r in REACTIONS
        }
        prior_rows.append((prior, episode.reaction))
        own: dict[str, int] = at.by_person.get(episode.person_id, {})
        own_n = sum(own.values())
        freq = {
            r: (own.get(r, 0) + cfg.kappa_person * prior[r]) / (own_n + cfg.kappa_person)
            for r in REACTIONS
        }
        freq_rows.append((freq, episode.reaction))
    model, prior_score = _score(model_rows), _score(prior_rows)
    error, bins = _calibration(model_rows)
    reduction = 1 - model.log_loss / prior_score.log_loss if prior_score.log_loss else 0.0
    return BacktestReport(
        persons=len({e.person_id for e in tested}),
        episodes=len(tested),
        history_episodes=held,
        split=split,
        model=model,
        population_prior=prior_score,
        person_frequency=_score(freq_rows),
        log_loss_reduction=round(reduction, 4),
        calibration_error=error,
        calibration=bins,
    )
