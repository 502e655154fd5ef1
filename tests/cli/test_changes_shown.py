"""A change of mind is visible where a user looks: ``show`` names what the current trait
replaced (hidden without --all, and says how many are hidden), ``why`` says what a trait
replaced and what replaced it."""

from __future__ import annotations

import json

import pytest
from helpers import message


@pytest.fixture
def changed_mind(run, write_lines):
    events = [
        dict(message(0), session_id="s-1", text="I prefer text messages for updates."),
        dict(
            message(1),
            ts="2026-03-20T10:00:00Z",
            session_id="s-2",
            text="I've changed my mind: I prefer email for updates now, not text messages.",
        ),
    ]
    assert run("ingest", str(write_lines(events))).exit_code == 0
    assert run("build").exit_code == 0
    traits = json.loads(run("show", "u-1", "--json").output)["traits"]
    [new] = [t for t in traits if t["supersedes"]]
    [old] = [t for t in traits if t["id"] == new["supersedes"]]
    return old, new


def test_show_names_what_a_trait_replaced_and_what_it_hides(run, changed_mind):
    old, _ = changed_mind
    output = run("show", "u-1").output
    assert f"changed from: {old['statement']} (until 2026-03-20 · {old['id']})" in output
    assert "superseded trait not shown (true once, replaced later); show them with --all" in (
        " ".join(output.split())
    )
    with_all = run("show", "u-1", "--all").output
    assert f"{old['statement']} [superseded]" in with_all
    assert "not shown" not in with_all


def test_why_says_what_a_trait_replaced_and_what_replaced_it(run, changed_mind):
    old, new = changed_mind
    newer = " ".join(run("why", "u-1", new["id"]).output.split())
    assert f"replaces: {old['statement']} (until 2026-03-20T10:00:00" in newer
    assert f"persona6 why u-1 {old['id']})" in newer
    older = " ".join(run("why", "u-1", old["id"]).output.split())
    assert f"replaced by: {new['statement']} (since 2026-03-20T10:00:00" in older
    assert f"persona6 why u-1 {new['id']})" in older
