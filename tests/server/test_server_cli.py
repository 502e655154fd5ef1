"""`persona6 keys` and `persona6 serve` on the command line."""

from __future__ import annotations

import json
import sys

import click.testing
import pytest

from persona6.cli import main


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PERSONA6_DB", raising=False)
    runner = click.testing.CliRunner()

    def invoke(*args: str) -> click.testing.Result:
        return runner.invoke(main, list(args), catch_exceptions=False)

    return invoke


def test_a_key_is_printed_once_and_listed_without_its_secret(run):
    created = run("keys", "create", "--tenant", "acme", "--name", "backend", "--json")
    made = json.loads(created.output)
    assert made["key"].startswith(f"p6_{made['key_id']}_") and made["tenant"] == "acme"
    listed = json.loads(run("keys", "list", "--json").output)
    assert listed == [{k: v for k, v in made.items() if k != "key"}]
    assert made["key"] not in run("keys", "list").output


def test_revoking_a_key_marks_it_and_a_second_revoke_says_so(run):
    made = json.loads(run("keys", "create", "--tenant", "acme", "--json").output)
    revoked = json.loads(run("keys", "revoke", made["key_id"], "--json").output)
    assert revoked["revoked_at"]
    again = run("keys", "revoke", made["key_id"])
    assert again.exit_code == 2
    assert f"API key {made['key_id']!r} was already revoked at" in again.output


def test_revoking_an_unknown_key_names_it_and_how_to_list_keys(run):
    result = run("keys", "revoke", "0123456789abcdef")
    assert result.exit_code == 4
    assert (
        "persona6: error: API key '0123456789abcdef' does not exist. "
        "List keys with: persona6 keys list"
    ) in result.output


def test_a_blank_tenant_is_refused(run):
    result = run("keys", "create", "--tenant", " acme")
    assert result.exit_code == 2
    assert "--tenant ' acme' is not a tenant name" in result.output


def test_serve_without_the_server_extra_gives_the_install_command(run, monkeypatch):
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn now raises ImportError
    result = run("serve")
    assert result.exit_code == 6
    assert "persona6 serve needs the optional extra 'server'" in result.output
    assert "pip install 'persona6[server]'" in result.output
