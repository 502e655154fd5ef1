"""A reader that stops early (``persona6 ... | head``) ends the command quietly with 141, the
status a shell reports for any program in a pipe that outlives its reader (docs/cli.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import message

import persona6
from persona6.cli import EXIT_CLOSED_OUTPUT


@pytest.fixture
def many_events(run, write_lines, tmp_path):
    """A database whose event list is far longer than a pipe holds (64 KiB)."""
    events = [
        message(n % 60, session_id=f"s-{n // 60}", text=f"message {n} " + "words " * 20)
        for n in range(1500)
    ]
    db = tmp_path / "many.db"
    assert run("ingest", str(write_lines(events)), "--db", str(db)).exit_code == 0
    return db


def run_into_a_closed_pipe(args: list[str], read_lines: int) -> subprocess.CompletedProcess:
    """Run ``persona6 ARGS`` with its stdout in a pipe whose reader takes ``read_lines`` lines
    and then closes it, as ``| head -N`` does."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PERSONA6_")}
    env["PERSONA6_INDEX_DIR"] = "off"
    # The persona6 this test imported, whatever the working folder holds.
    env["PYTHONPATH"] = str(Path(persona6.__file__).resolve().parents[1])
    process = subprocess.Popen(
        [sys.executable, "-m", "persona6", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    for _ in range(read_lines):
        process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    process.stderr.close()
    return subprocess.CompletedProcess(args, process.wait(timeout=60), b"", stderr)


@pytest.mark.parametrize(
    ("args", "read_lines"),
    [
        (["events", "--json"], 3),  # click.echo
        (["events"], 3),  # a rich table
        (["events"], 0),  # a reader that reads nothing (| true)
    ],
)
def test_a_closed_stdout_ends_the_command_quietly_with_141(many_events, args, read_lines):
    done = run_into_a_closed_pipe([*args, "--db", str(many_events)], read_lines)
    assert done.stderr.decode() == ""
    assert done.returncode == EXIT_CLOSED_OUTPUT == 141
