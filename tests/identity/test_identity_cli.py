"""The identity commands: one-line errors with their exit codes, settings, JSON shapes."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from persona6.cli import main
from persona6.cli.identity import wilson_interval


@pytest.fixture
def run(tmp_path, monkeypatch, write_lines):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PERSONA6_DB", raising=False)
    monkeypatch.delenv("PERSONA6_TENANT", raising=False)
    runner = CliRunner()
    events = [
        {
            "ts": "2026-03-01T10:00:00Z",
            "session_id": "s-1",
            "user_id": "u-1",
            "type": "message",
            "text": "I prefer tea.",
            "attrs": {"email_sha256": "x1"},
        },
        {
            "ts": "2026-03-02T10:00:00Z",
            "session_id": "s-2",
            "anonymous_id": "anon-1",
            "type": "message",
            "text": "I prefer tea, always.",
            "attrs": {"email_sha256": "x1"},
        },
    ]
    runner.invoke(main, ["ingest", str(write_lines(events))], catch_exceptions=False)
    runner.invoke(main, ["build"], catch_exceptions=False)

    def invoke(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)

    return invoke


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["link"], 2, "give the anonymous actor to link, or --all"),
        (["link", "anon-1", "--all"], 2, "give either ANONYMOUS_ID or --all, not both"),
        (["link", "anon-1", "--auto-merge", "0.9"], 2, "--auto-merge only applies with --all"),
        (["link", "--all", "--auto-merge", "high"], 2, "--auto-merge 'high' is not a number"),
        (["link", "anon-1", "--threshold", "0"], 2, "--threshold 0.0 is not a probability"),
        (["link", "u-1"], 2, "'u-1' is a known person's user_id, not an anonymous actor"),
        (["link", "anon-2"], 4, "anonymous actor 'anon-2' is not stored in tenant 'default'"),
        (["unlink", "anon-1"], 4, "'anon-1' has no active link in tenant 'default'"),
        (["continuity", "s-9"], 4, "session 's-9' has no events in tenant 'default'"),
        (["identity-settings", "--threshold", "2"], 2, "--threshold 2.0 is not a probability"),
        (["identity-settings", "--reset", "colour"], 2, "identity setting 'colour' is not known"),
        (["stitch", "--identifier-attrs", ","], 2, "--identifier-attrs ',' names no attribute"),
        (["backtest", "linking"], 2, "the backtest needs 3 or more"),
    ],
)
def test_bad_input_is_one_line_with_its_exit_code(run, args, code, message):
    result = run(*args)
    assert result.exit_code == code
    assert message in result.output
    assert result.output.startswith("persona6: error: ")
    assert "Traceback" not in result.output


def test_stitch_then_unlink_round_trip_as_json(run):
    linked = json.loads(run("stitch", "--json").output)["linked"]
    assert [(k["anonymous_id"], k["person_id"], k["method"]) for k in linked] == [
        ("anon-1", "u-1", "attribute")
    ]
    undone = json.loads(run("unlink", "anon-1", "--reason", "test", "--json").output)
    assert undone["revoked"][0]["revoked_reason"] == "test"
    history = json.loads(run("links", "anon-1", "--all", "--json").output)
    assert history[0]["revoked_at"] is not None


def test_settings_are_stored_per_tenant_and_reset(run):
    shown = json.loads(run("identity-settings", "--threshold", "0.7", "--json").output)
    assert shown["new_person_threshold"] == 0.7
    assert json.loads(run("identity-settings", "--json").output)["new_person_threshold"] == 0.7
    reset = json.loads(run("identity-settings", "--reset", "new-person-threshold", "--json").output)
    assert reset["new_person_threshold"] == 0.5
    off = json.loads(run("identity-settings", "--auto-merge", "off", "--json").output)
    assert off["auto_merge_above"] is None


def test_link_saves_its_index_beside_the_database_for_the_next_command(run, tmp_path, monkeypatch):
    monkeypatch.delenv("PERSONA6_INDEX_DIR", raising=False)
    first = run("link", "anon-1", "--json")
    assert first.exit_code == 0
    saved = sorted((tmp_path / "persona6.db.index").iterdir())
    # The index, and the shipped model's shift measured on the tenant beside it.
    assert [p.name.split(".", 1)[1] for p in saved] == ["npz", "shift.json"]
    again = run("link", "anon-1", "--json")  # restored from the files
    assert json.loads(again.stdout)["candidates"] == json.loads(first.stdout)["candidates"]
    monkeypatch.setenv("PERSONA6_INDEX_DIR", "off")
    for path in saved:
        path.unlink()
    run("link", "anon-1", "--json")
    assert not any(path.exists() for path in saved)


def test_backtest_prints_the_next_and_the_later_sessions(p6):
    db = str(p6.db)
    p6.close()
    result = CliRunner().invoke(main, ["backtest", "linking", "--db", db], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert re.search(
        r"\d+ held-out sessions of 8 known persons, and \d+ sessions? of persons held out "
        r"entirely \(they must come out new\)",
        result.output,
    ), result.output
    # Fewer than 30 held-out sessions: the top-1 comes with its 95% interval.
    assert re.search(
        r"few sessions to measure on: top-1 \d+\.\d% of \d+ is anywhere from \d+% to "
        r"\d+% \(95% interval\)",
        result.output,
    ), result.output
    assert "later sessions, after a gap from the history: top-1 " in result.output
    assert "closest candidates told apart by their own past sessions: " in result.output
    assert "not saved; run with --save" in result.output
    # one row per held-out session: who, which, the truth, the decision
    rows = [line for line in result.output.splitlines() if re.search(r"│ (yes|NO)\s*$", line)]
    assert rows and len(rows) == len(set(rows)), result.output
    assert "held out" in result.output and "decision" in result.output


def test_stitch_says_what_ingest_had_already_linked(run):
    first = run("stitch")
    assert first.exit_code == 0
    assert "stitched 1 anonymous actor" in first.output
    again = run("stitch")  # nothing new: say what is linked, not just "stitched 0"
    assert "stitched 0 anonymous actors; 1 anonymous actor already linked (persona6 links)" in (
        again.output
    )


@pytest.mark.parametrize(
    ("share", "n", "low", "high"),
    [
        (1.0, 2, 0.342, 1.0),
        (0.5, 10, 0.237, 0.763),
        (0.0, 5, 0.0, 0.434),
        (0.9, 1000, 0.880, 0.917),
    ],
)
def test_the_wilson_interval(share: float, n: int, low: float, high: float) -> None:
    found = wilson_interval(share, n)
    assert found == pytest.approx((low, high), abs=1e-3)


def test_continuity_of_an_unlinked_anonymous_session_says_whom_it_is_compared_with(p6, world):
    truth = {p["holdout_anonymous_id"]: p["person_id"] for p in world[1]["people"]}
    actor, person = next(iter(truth.items()))
    session = p6.link(actor).sessions[0]
    db = str(p6.db)
    p6.close()
    result = CliRunner().invoke(main, ["continuity", session, "--db", db], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first.startswith(
        f"{actor} is not linked: compared with {person}, link's best candidate at "
    ), result.output
    assert "confirms" in result.output
