"""``link``'s line on how far its probabilities hold reads the saved backtest's calibration
error against ``ece_bound``, the ECE a calibrated model exceeds one time in 20 at the same
confidences on as many sessions: a small backtest is not called miscalibrated on noise, and a
large one is when its error is more than chance. A backtest saved without the bound is read
against the fixed 0.1 as before."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from persona6.store import open_store

START = datetime(2026, 3, 1, tzinfo=UTC)
RUN = "persona6 --tenant default backtest linking --save"


def _linkable(run, write_lines) -> None:
    """Three known persons of three sessions each and one anonymous actor to link."""
    events = []
    for n, person in enumerate(("u-1", "u-2", "u-3")):
        for day in range(3):
            t = START + timedelta(days=day, hours=n)
            events.append(
                {
                    "ts": t.isoformat(),
                    "session_id": f"{person}-{day}",
                    "user_id": person,
                    "type": "message",
                    "text": f"I prefer tea {n}.",
                }
            )
    events.append(
        {
            "ts": (START + timedelta(days=9)).isoformat(),
            "session_id": "anon-s",
            "anonymous_id": "anon-1",
            "type": "message",
            "text": "I prefer tea 1.",
        }
    )
    assert run("ingest", str(write_lines(events))).exit_code == 0
    assert run("build").exit_code == 0


def _save_backtest(tmp_path, figures: dict) -> None:
    from persona6.identity.linking import default_model

    body = default_model().to_json()
    body["fitted_on"] = {**body["fitted_on"], "tenant": "default", "backtest": figures}
    with open_store(str(tmp_path / "persona6.db")) as store, store.transaction():
        store.save_identity_model("default", "lm_test", body)


def _said(run, write_lines, tmp_path, figures: dict) -> str:
    _linkable(run, write_lines)
    _save_backtest(tmp_path, figures)
    result = run("link", "--all")
    assert result.exit_code == 0
    return " ".join(result.stderr.split())


def test_a_large_backtest_over_its_bound_is_flagged_though_under_0_1(run, write_lines, tmp_path):
    said = _said(
        run, write_lines, tmp_path, {"top1": 0.95, "ece": 0.08, "ece_bound": 0.03, "queries": 1000}
    )
    assert (
        "how far to trust these probabilities: this tenant's backtest gave top-1 95% of 1000 "
        "held-out sessions (93%-96%) and calibration error 0.080 (over the 0.030 a calibrated "
        "model reaches by chance on 1000 sessions; the probabilities are off): read a "
        "probability as a ranking, not as its value; its reliability bins "
        f"({RUN} --json: reliability) show how far, before any --auto-merge"
    ) in said


def test_a_large_backtest_within_its_bound_says_nothing(run, write_lines, tmp_path):
    said = _said(
        run, write_lines, tmp_path, {"top1": 0.95, "ece": 0.05, "ece_bound": 0.063, "queries": 106}
    )
    assert "how far to trust" not in said


def test_a_large_error_within_a_small_backtests_bound_is_not_called_off(run, write_lines, tmp_path):
    said = _said(
        run, write_lines, tmp_path, {"top1": 1.0, "ece": 0.15, "ece_bound": 0.19, "queries": 10}
    )
    # Flagged for its size alone: the error is within what 10 sessions show by chance.
    assert (
        "top-1 100% of 10 held-out sessions (72%-100%) and calibration error 0.150 (within the "
        "0.190 a calibrated model reaches by chance on 10 sessions): read a probability as a "
        f"ranking, not as its value; rerun {RUN} as more people come back"
    ) in said
    assert "are off" not in said


def test_a_backtest_saved_without_the_bound_is_read_against_0_1(run, write_lines, tmp_path):
    said = _said(run, write_lines, tmp_path, {"top1": 0.95, "ece": 0.08, "queries": 1000})
    assert "how far to trust" not in said
