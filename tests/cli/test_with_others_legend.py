"""A statement said with "we" carries "(with others)"; ``show`` and ``why`` say what that means
where one is shown, and nowhere else."""

from __future__ import annotations

import json

from helpers import message


def _ingest(run, write_lines, text: str) -> None:
    assert run("ingest", str(write_lines([dict(message(0), text=text)]))).exit_code == 0
    assert run("build").exit_code == 0


LEGEND = "(with others): said with 'we' or 'our': a fact of a household, team or group"


def test_show_and_why_explain_with_others(run, write_lines):
    _ingest(run, write_lines, "We have three dogs and two cats.")
    output = " ".join(run("show", "u-1").output.split())
    assert "(with others)" in output and LEGEND in output
    traits = json.loads(run("show", "u-1", "--json").output)["traits"]
    [shared] = [t for t in traits if t["statement"].startswith("(with others)")][:1]
    said = " ".join(run("why", "u-1", shared["id"]).output.split())
    assert LEGEND in said


def test_no_legend_without_such_a_statement(run, write_lines):
    _ingest(run, write_lines, "I have three dogs and two cats.")
    assert "(with others)" not in run("show", "u-1").output
