"""The command line: help everywhere, JSON on stdout, one-line errors with documented codes."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from helpers import message

from persona6.cli import main
from persona6.store.sql import migrations

DOCS = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
COMMANDS = sorted(main.commands)


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PERSONA6_DB", raising=False)
    monkeypatch.delenv("PERSONA6_TENANT", raising=False)
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> click.testing.Result:
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented(command):
    assert f"## `persona6 {command}" in DOCS.read_text()


def test_ingest_then_stats_as_json(run, write_lines):
    path = write_lines([message(0), message(1, session_id="s-2")])
    assert run("ingest", str(path)).exit_code == 0
    result = run("stats", "--json")
    stats = json.loads(result.output)
    assert (stats["events"], stats["sessions"], stats["persons"]) == (2, 2, 1)


def test_db_option_and_environment_choose_the_database(run, write_lines, tmp_path, monkeypatch):
    path = write_lines([message(0)])
    run("ingest", str(path), "--db", str(tmp_path / "a.db"))
    monkeypatch.setenv("PERSONA6_DB", str(tmp_path / "a.db"))
    assert json.loads(run("stats", "--json").output)["events"] == 1
    assert json.loads(run("stats", "--json", "--db", str(tmp_path / "b.db")).output)["events"] == 0


def test_ingest_reads_standard_input(run):
    data = json.dumps(message(0)) + "\n"
    result = run("ingest", "-", "--json", input=data)
    assert json.loads(result.output)["stored"] == 1


def test_events_json_is_one_object_per_line(run, write_lines):
    run("ingest", str(write_lines([message(0), message(1)])))
    lines = run("events", "--json", "--actor", "u-1").output.splitlines()
    assert [json.loads(line)["text"] for line in lines] == ["message number 0", "message number 1"]


def test_sessions_and_actors_as_json(run, write_lines):
    run("ingest", str(write_lines([message(0), message(1, user_id="u-2")])))
    sessions = json.loads(run("sessions", "--json").output)
    assert sessions[0]["actors"] == ["u-1", "u-2"]
    actors = json.loads(run("actors", "--json").output)
    assert {a["actor"] for a in actors} == {"u-1", "u-2"}


def test_bad_record_is_one_line_exit_3_and_no_traceback(run, write_lines):
    path = write_lines([message(0), "{oops"])
    result = run("ingest", str(path))
    assert result.exit_code == 3
    assert result.stderr.startswith(f"persona6: error: {path}:2: is not valid JSON")
    assert "Traceback" not in result.output
    assert "nothing from the failing batch was stored; 0 events from earlier batches were" in (
        result.stderr
    )


def test_missing_file_exits_3(run):
    result = run("ingest", "nope.jsonl")
    assert result.exit_code == 3
    assert result.stderr == (
        "persona6: error: nope.jsonl: no such file. Check the path, or pass - to read "
        "standard input\n"
    )


def test_skip_mode_warns_on_stderr_and_names_the_report(run, write_lines):
    path = write_lines([message(0), "{oops"])
    result = run("ingest", str(path), "--on-error", "skip")
    assert result.exit_code == 0
    assert f"1 records rejected; reasons in {path}.rejected.jsonl" in " ".join(
        result.stderr.split()
    )


def test_bad_time_filter_exits_2_with_the_fix(run):
    result = run("events", "--since", "2026-01-01T00:00:00")
    assert result.exit_code == 2
    assert result.stderr == (
        "persona6: error: --since '2026-01-01T00:00:00' has no timezone. Add one: a trailing Z "
        "for UTC (2024-05-01T12:30:00Z) or an offset (+02:00)\n"
    )


def test_unknown_event_type_filter_exits_2(run):
    result = run("events", "--type", "click")
    assert result.exit_code == 2
    assert "--type 'click' is not an event type. Use one of: message, action" in result.stderr


def test_library_errors_name_flags_and_commands_in_cli_terms(run, write_lines):
    run("ingest", str(write_lines([message(0)])))
    run("build")
    unknown = run("show", "nobody")
    no_trait = run("why", "nobody", "tr_nope")
    assert (unknown.exit_code, no_trait.exit_code) == (4, 4)
    assert unknown.stderr == (
        "persona6: error: person 'nobody' is not known in tenant 'default'. "
        "List people with: persona6 persons\n"
    )
    assert no_trait.stderr == (
        "persona6: error: trait 'tr_nope' is not a trait of 'nobody'. "
        "List them with: persona6 show nobody\n"
    )


def test_bad_column_map_is_a_usage_error(run, write_lines):
    result = run("ingest", str(write_lines([message(0)])), "--map", "ts")
    assert result.exit_code == 2
    assert "'ts' is not FIELD=COLUMN" in result.stderr


def test_unusable_database_exits_5(run, tmp_path):
    (tmp_path / "junk.db").write_text("not a database at all\n" * 200)
    result = run("stats", "--db", str(tmp_path / "junk.db"))
    assert result.exit_code == 5
    assert "cannot be" in result.stderr and "Pass the path of a persona6 database" in result.stderr


def test_schema_prints_the_envelope_json_schema(run):
    schema = json.loads(run("schema").output)
    assert schema["title"] == "Event"
    assert set(schema["required"]) == {"ts", "session_id", "type"}
    assert schema["properties"]["ts"]["format"] == "date-time"


def test_init_creates_the_database(run, tmp_path):
    result = run("init", "--db", str(tmp_path / "new.db"))
    assert result.exit_code == 0
    assert (tmp_path / "new.db").exists()
    assert f"schema version {len(migrations())}" in result.stderr


def test_python_dash_m_runs_the_cli():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "persona6", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.startswith("persona6, version")


def test_why_heads_the_chain_with_the_trait_and_its_counts(run, write_lines):
    said = dict(message(0), text="I prefer tea over coffee.")
    run("ingest", str(write_lines([said])))
    run("build")
    traits = json.loads(run("show", "u-1", "--json").output)["traits"]
    tea = next(t for t in traits if t["kind"] == "preference")
    result = run("why", "u-1", tea["id"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == (
        f"{tea['statement']} (preference, confidence {tea['confidence']:.2f}, 1 session, 0 against)"
    )
    assert "I prefer tea over coffee." in result.output


def test_show_prints_the_two_sides_of_a_preference_over_another_once(run, write_lines):
    said = dict(message(0), text="I prefer tea over coffee.")
    run("ingest", str(write_lines([said])))
    run("build")
    traits = json.loads(run("show", "u-1", "--json").output)["traits"]
    sides = [t for t in traits if t["statement"] == "prefers tea over coffee"]
    assert sorted(t["key"] for t in sides) == ["coffee", "tea"]  # --json keeps both
    shown = run("show", "u-1").output.splitlines()
    lines = [line for line in shown if line.startswith("  prefers tea over coffee ")]
    assert len(lines) == 1
    assert all(t["id"] in lines[0] for t in sides)
