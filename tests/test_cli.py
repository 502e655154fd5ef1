"""The command line: help everywhere, JSON on stdout, one-line errors with documented codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from helpers import message
from hypothesis import given, settings
from hypothesis import strategies as st

from persona6.cli import clip, main
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
    assert f"1 record rejected; reasons in {path}.rejected.jsonl" in " ".join(result.stderr.split())


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
    # a person known nowhere: the error names the person, not the trait
    assert no_trait.stderr == unknown.stderr
    known = run("why", "u-1", "tr_nope")
    assert known.exit_code == 4
    assert known.stderr == (
        "persona6: error: trait 'tr_nope' is not a trait of 'u-1'. "
        "List them with: persona6 show u-1\n"
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
    sides = {t["key"]: t for t in traits if t["kind"] == "preference"}
    assert sorted(sides) == ["coffee", "tea"]  # --json keeps both, each stating its side
    assert sides["coffee"]["statement"] == "against coffee (prefers tea instead)"
    shown = run("show", "u-1").output.splitlines()
    lines = [line for line in shown if line.startswith("  prefers tea over coffee ")]
    assert len(lines) == 1
    assert all(t["id"] in lines[0] for t in sides.values())
    assert not [line for line in shown if "against coffee" in line]


# -- output paths: nothing a command reads or keeps is written over (persona6/outputs.py) -------


def one_line(text: str) -> str:
    """A message as printed, with rich's soft wrapping undone."""
    return " ".join(text.split())


def test_a_report_over_the_input_is_refused_and_the_input_kept(run, write_lines):
    path = write_lines([message(0), "{oops"])
    before = path.read_bytes()
    result = run("ingest", str(path), "--on-error", "skip", "--report", str(path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"persona6: error: --report {path} is the input file; writing there would destroy "
        "it. Choose another path\n"
    )
    assert path.read_bytes() == before
    assert json.loads(run("stats", "--json").output)["events"] == 0


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("persona6.db", "the database file"),
        ("persona6.db-wal", "a file of the database (persona6.db-wal)"),
    ],
)
def test_a_report_over_the_database_is_refused(run, write_lines, name, what):
    run("init")
    result = run(
        "ingest", str(write_lines([message(0), "{oops"])), "--on-error", "skip", "--report", name
    )
    assert result.exit_code == 2
    assert result.stderr == f"persona6: error: --report {name} is {what}; choose another path\n"


def test_a_report_in_a_folder_that_cannot_be_written_is_refused_before_storing(
    run, write_lines, tmp_path, monkeypatch
):
    import persona6.outputs

    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = persona6.outputs.os.access
    monkeypatch.setattr(
        persona6.outputs.os, "access", lambda p, mode: Path(p) != locked and real_access(p, mode)
    )
    report = locked / "r.jsonl"
    result = run(
        "ingest",
        str(write_lines([message(0), "{oops"])),
        "--on-error",
        "skip",
        "--report",
        str(report),
    )
    assert result.exit_code == 2
    assert result.stderr == (
        f"persona6: error: --report {report}: the folder {locked} is not writable. Give "
        "--report a path in a folder you can write to\n"
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["schema", "-o", "/nonexistent/x.json"],
            "--output /nonexistent/x.json: the folder /nonexistent does not exist. "
            "Create it first (mkdir -p /nonexistent), or choose another path",
        ),
        (["schema", "-o", "."], "--output . is a folder. Give a file name, e.g. output"),
        (
            ["schema", "-o", "persona6.db"],
            "--output persona6.db is the database file; choose another path",
        ),
        (
            ["export", "u-1", "-o", "/nonexistent/x.graphml"],
            "--output /nonexistent/x.graphml: the folder /nonexistent does not exist. "
            "Create it first (mkdir -p /nonexistent), or choose another path",
        ),
        (
            ["export", "u-1", "-o", "persona6.db-shm"],
            "--output persona6.db-shm is a file of the database (persona6.db-shm); "
            "choose another path",
        ),
        (
            ["demo", "--out", "persona6.db"],
            "--out persona6.db is the database file; choose another path",
        ),
        (
            ["demo", "--out", "notes.txt"],
            "--out notes.txt is a file, not a folder. Give a folder (it is created if "
            "missing), e.g. notes.txt-demo",
        ),
    ],
)
def test_outputs_that_cannot_or_must_not_be_written_exit_2_with_the_fix(
    run, tmp_path, args, expected
):
    run("init")
    (tmp_path / "notes.txt").write_text("mine\n")
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"persona6: error: {expected}\n"
    assert (tmp_path / "notes.txt").read_text() == "mine\n"
    assert json.loads(run("stats", "--json").output)["schema_version"] >= 1  # the database lives


def test_serve_refuses_a_port_out_of_range(run):
    result = run("serve", "--port", "99999")
    assert result.exit_code == 2
    assert "Invalid value for '--port': 99999 is not in the range 1<=x<=65535" in result.stderr


def test_an_empty_tenant_is_refused_not_read_as_the_default(run, write_lines):
    result = run("ingest", str(write_lines([message(0)])), "--tenant", "")
    assert result.exit_code == 2
    assert result.stderr == (
        "persona6: error: --tenant '' is not a tenant name. Give 1 to 256 characters without "
        "leading or trailing spaces, or leave it out for the default tenant\n"
    )


def test_persons_on_an_empty_graph_says_so_and_what_to_run(run, write_lines):
    empty = run("persons")
    assert (empty.exit_code, empty.stdout) == (0, "")
    assert one_line(empty.stderr) == (
        "no persons yet in tenant 'default' of persona6.db: no events are stored. Ingest "
        "some, then build the graph: persona6 ingest EVENTS.jsonl && persona6 build (or try "
        "persona6 demo)"
    )
    run("ingest", str(write_lines([message(0)])))
    assert one_line(run("persons").stderr) == (
        "no persons yet in tenant 'default' of persona6.db: 1 event is stored but not built "
        "into the graph. Run: persona6 build"
    )


def test_an_event_id_reused_for_other_content_is_a_warning_not_a_failure(run, write_lines):
    path = write_lines([message(0, event_id="e-1"), message(1, event_id="e-1")])
    result = run("ingest", str(path))
    assert result.exit_code == 0
    assert one_line(result.stderr) == (
        "warning: 1 record had the event_id of a stored event but other content, and was not "
        f"stored (the stored event is kept). First: {path}:2: event_id 'e-1' is already "
        f"stored (from {path}:1) with another ts. Give distinct events distinct event_ids, or "
        "leave event_id out to derive it from the content"
    )


def test_the_demo_creates_its_folder_on_a_fresh_machine(run, tmp_path):
    """The README's first command: no folder, no database yet."""
    result = run("demo", "--people", "4")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "persona6-demo" / "events.jsonl").is_file()
    assert (tmp_path / "persona6-demo" / "truth.json").is_file()
    assert "Linked to the right person" in result.output


# -- times in tables are UTC and say so -----------------------------------------------------------

_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\S*)")


@pytest.mark.parametrize(
    "command",
    [
        ("events",),
        ("sessions",),
        ("stats",),
        ("why", "u-1", "TEA"),
        ("links", "anon-1"),
        ("predict", "u-1"),
        ("keys", "list"),
    ],
)
def test_every_table_shows_its_times_in_utc_with_a_z(run, write_lines, command):
    """The same form in every table, to the second, with the Z that says it is UTC."""
    events = [
        dict(message(0), text="I prefer tea over coffee."),
        dict(message(1), type="action", name="command", text="make deploy"),
        dict(message(2), type="outcome", name="error", text="deploy timed out"),
        dict(message(3), type="action", name="command", text="make deploy"),
        dict(message(4), user_id=None, anonymous_id="anon-1", session_id="s-2", text="hello"),
        dict(message(5), anonymous_id="anon-1", session_id="s-2", type="identify", text=None),
    ]
    run("ingest", str(write_lines(events)))
    run("build")
    run("keys", "create", "--tenant", "default", "--name", "ci")
    if "TEA" in command:
        traits = json.loads(run("show", "u-1", "--json").output)["traits"]
        tea = next(t["id"] for t in traits if t["kind"] == "preference")
        command = tuple(tea if part == "TEA" else part for part in command)
    result = run(*command)
    assert result.exit_code == 0, result.output
    ends = [m.group(1) for m in _TIME.finditer(result.output)]
    assert ends and set(ends) == {"Z"}, result.output


def test_json_keeps_the_stored_time(run, write_lines):
    run("ingest", str(write_lines([message(0)])))
    shown = json.loads(run("events", "--json").output.splitlines()[0])
    assert shown["ts"] == "2026-03-01T10:00:00.000000Z"


def test_build_says_one_person_holds_in_the_singular(run, write_lines):
    path = write_lines([message(0, text="I love dark mode."), message(1, text="I hate emojis.")])
    run("ingest", str(path))
    result = run("build")
    assert result.exit_code == 0
    said = " ".join(result.stderr.split())
    assert "; 1 person now holds " in said, said


def test_a_clipped_quote_shows_the_word_it_is_quoted_for():
    text = (
        "Before I share this workspace with a client: where is the data physically stored, "
        "and which subprocessors can read it? Link the page, please."
    )
    shown = clip(text, 80, around="read")
    assert (
        shown == "…physically stored, and which subprocessors can read it? Link the page, please."
    )
    assert (
        clip(text, 60, around="read") == "…which subprocessors can read it? Link the page, please."
    )
    assert clip(text, 80, around="share") == clip(text, 80) == text[:79] + "…"  # in sight
    assert clip(text, 80, around="absent") == text[:79] + "…"
    ending = "filler " * 30 + "zzzz"  # a word at the very end keeps its last letter
    assert clip(ending, 75, around="zzzz") == "…" + ending[-74:].split(" ", 1)[1]
    long = " ".join(["filler"] * 20) + " the replication claim " + " ".join(["tail"] * 20)
    shown = clip(long, 60, around="replication")
    assert shown.startswith("…filler") and shown.endswith("…") and len(shown) == 60
    assert "the replication claim" in shown
    assert clip(text, 80, around="please") == "…" + text[-79:].split(" ", 1)[1]  # at the end


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.text("abcdefgh", min_size=1, max_size=12), min_size=1, max_size=60),
    pick=st.integers(min_value=0),
    width=st.integers(min_value=20, max_value=120),
)
def test_a_clipped_quote_fits_its_width_and_keeps_a_short_word(words, pick, width):
    text = " ".join(words)
    word = words[pick % len(words)]
    shown = clip(text, width, around=word)
    assert len(shown) <= width
    if len(word) <= (width - 2) // 2:
        assert word in shown.strip("…")
