"""The command line as a user runs it: in a fresh folder, with no PERSONA6_* variables."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from persona6.cli import main


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("PERSONA6_DB", "PERSONA6_TENANT", "PERSONA6_INDEX_DIR"):
        monkeypatch.delenv(name, raising=False)
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> click.testing.Result:
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke
