"""``link --all`` with automatic merges on says which decisions it merged: the table gave
"merged 7 (auto-merge at 0.98)" and twelve rows, leaving the reader to compare each
probability with the bar (0.988 merged, 0.961 not) to know which actors now count for whom
(a UX review of session 19, on the demo). Without merges the table is as before."""

from __future__ import annotations

import pytest

from persona6.engine import Persona6
from persona6.identity.records import Candidate, LinkAllReport, LinkRecord, LinkResult


def _result(actor: str, person: str, p: float) -> LinkResult:
    return LinkResult(
        anonymous_id=actor,
        decision=person if p >= 0.5 else None,
        candidates=[Candidate(person_id=person, probability=p, contributions={})],
        new_person_probability=1 - p,
    )


def _report(auto: float | None) -> LinkAllReport:
    results = [_result("anon-1", "u-ana", 0.988), _result("anon-2", "u-bo", 0.961)]
    merged = [
        LinkRecord(
            link_id="ln_aaa",
            anonymous_id="anon-1",
            person_id="u-ana",
            method="auto",
            created_at="2026-03-01T00:00:00Z",
            probability=0.988,
        )
    ]
    return LinkAllReport(
        stitched=0, results=results, merged=merged if auto else [], auto_merge_above=auto
    )


def _rows(output: str) -> dict[str, list[str]]:
    return {
        cells[0]: cells[1:]
        for line in output.splitlines()
        if "│" in line
        for cells in [[c.strip() for c in line.split("│")]]
    }


@pytest.mark.parametrize(("auto", "merged"), [(0.98, {"anon-1": "ln_aaa", "anon-2": "no"})])
def test_each_row_says_whether_it_was_merged(run, monkeypatch, auto, merged):
    monkeypatch.setattr(Persona6, "link_all", lambda self, **kw: _report(auto))
    result = run("link", "--all", "--auto-merge", str(auto))
    assert result.exit_code == 0, result.output
    assert "merged" in result.stdout.splitlines()[0]
    rows = _rows(result.stdout)
    assert {actor: cells[-1] for actor, cells in rows.items()} == merged


def test_without_merges_there_is_no_merged_column(run, monkeypatch):
    monkeypatch.setattr(Persona6, "link_all", lambda self, **kw: _report(None))
    result = run("link", "--all")
    assert result.exit_code == 0, result.output
    assert "merged" not in result.stdout.splitlines()[0]
    assert _rows(result.stdout)["anon-1"][-1] == "0.012"
