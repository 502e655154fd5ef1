"""``backtest linking`` says why a row reads NO beside a top-1 of 100%: top-1 ranks the best
candidate whatever its probability, ``right`` is link's decision at the threshold. On a
hand-written log of three people, bob's held-out session had bob first at 0.439, under 0.5:
top-1 100.0% of 2 and a row "bob  new  0.439 (bob)  NO", with nothing saying how both hold
(a UX review of session 19)."""

from __future__ import annotations

import pytest

from persona6.engine import Persona6
from persona6.identity.records import BacktestQuery, BacktestReport


def _row(session: str, truth: str | None, best: str, probability: float, threshold=0.5):
    decision = best if probability >= threshold else None
    return BacktestQuery(
        session_id=session,
        person=truth or "alice",
        truth=truth,
        decision=decision,
        best=best,
        probability=probability,
        new_person_probability=1 - probability,
        right=decision == truth,
    )


def _report(rows: list[BacktestQuery]) -> BacktestReport:
    return BacktestReport(
        persons=3,
        queries=sum(1 for r in rows if r.truth),
        new_queries=sum(1 for r in rows if not r.truth),
        top1=1.0,
        top3=1.0,
        new_person_precision=0.5,
        new_person_recall=1.0,
        ece=0.266,
        threshold=0.5,
        model={},
        saved=False,
        rows=rows,
    )


@pytest.mark.parametrize(
    ("rows", "said"),
    [
        (
            [_row("b-3", "bob", "bob", 0.439), _row("c-3", "chen", "chen", 0.869)],
            "1 of 2 held-out sessions had the right person first but under it, and came out "
            "new (b-3: bob at 0.439)",
        ),
        (
            [_row("b-3", "bob", "bob", 0.439), _row("c-3", "chen", "chen", 0.31)],
            "2 of 2 held-out sessions had the right person first but under it, and came out "
            "new (b-3: bob at 0.439, c-3: chen at 0.310)",
        ),
    ],
)
def test_a_right_person_under_the_threshold_is_explained(run, monkeypatch, rows, said):
    monkeypatch.setattr(Persona6, "backtest_linking", lambda self, save=False: _report(rows))
    result = run("backtest", "linking")
    assert result.exit_code == 0, result.output
    shown = " ".join(result.stdout.split())
    assert "right is link's decision at the threshold 0.5" in shown
    assert said in shown


@pytest.mark.parametrize(
    "rows",
    [
        [_row("b-3", "bob", "bob", 0.9), _row("c-3", "chen", "chen", 0.869)],
        # a wrong person first, or a person held out entirely: top-1 and right agree
        [_row("b-3", "bob", "chen", 0.439), _row("a-3", None, "bob", 0.08)],
    ],
)
def test_no_such_line_when_top1_and_right_agree(run, monkeypatch, rows):
    monkeypatch.setattr(Persona6, "backtest_linking", lambda self, save=False: _report(rows))
    result = run("backtest", "linking")
    assert result.exit_code == 0, result.output
    assert "whatever its probability" not in result.stdout
