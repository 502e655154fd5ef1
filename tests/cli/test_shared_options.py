"""--db, --tenant and --json work before the verb as after it (docs/cli.md)."""

from __future__ import annotations

import json

from helpers import message


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_db_and_tenant_before_the_verb_act_as_after_it(run, write_lines, tmp_path):
    path = write_lines([message(0)])
    db = str(tmp_path / "a.db")
    result = run("--db", db, "--tenant", "acme", "ingest", str(path))
    assert result.exit_code == 0, result.output
    after = json.loads(run("stats", "--db", db, "--tenant", "acme", "--json").output)
    assert (after["tenant"], after["events"]) == ("acme", 1)
    assert not (tmp_path / "persona6.db").exists()  # not the default database


def test_json_before_the_verb_prints_json(run, write_lines, tmp_path):
    run("ingest", str(write_lines([message(0)])))
    result = run("--json", "stats")
    assert result.exit_code == 0
    assert json.loads(result.output)["events"] == 1


def test_options_before_a_verb_of_a_subgroup_reach_it(run, tmp_path):
    db = str(tmp_path / "keys.db")
    run("keys", "create", "--tenant", "acme", "--db", db)
    result = run("--db", db, "--json", "keys", "list")
    assert result.exit_code == 0, result.output
    assert [key["tenant"] for key in json.loads(result.output)] == ["acme"]


def test_the_same_value_in_both_places_is_fine(run, tmp_path):
    db = str(tmp_path / "a.db")
    result = run("--db", db, "--json", "stats", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["events"] == 0


def test_different_values_before_and_after_the_verb_are_refused(run, tmp_path):
    result = run("--tenant", "acme", "stats", "--tenant", "globex")
    assert result.exit_code == 2
    assert result.stderr == (
        "persona6: error: --tenant is given twice with different values: 'acme' before the "
        "verb and 'globex' after it. Give it once (before or after stats, either works)\n"
    )
    assert not (tmp_path / "persona6.db").exists()  # refused before anything was opened


def test_an_option_before_a_verb_that_does_not_take_it_is_refused(run):
    result = run("--json", "schema")
    assert result.exit_code == 2
    assert result.stderr == (
        "persona6: error: --json before the verb does not apply to schema: it takes no "
        "--json. Leave it out (see persona6 schema --help)\n"
    )
    served = run("--tenant", "acme", "serve")
    assert served.exit_code == 2
    assert one_line(served.stderr).startswith(
        "persona6: error: --tenant before the verb does not apply to serve: it takes no --tenant"
    )


def test_an_empty_tenant_before_the_verb_is_refused_as_after_it(run):
    result = run("--tenant", "", "stats")
    assert result.exit_code == 2
    assert result.stderr.startswith("persona6: error: --tenant '' is not a tenant name.")


def test_the_program_help_shows_the_shared_options_and_where_they_go(run):
    result = run("--help")
    assert result.exit_code == 0
    for option in ("--db", "--tenant", "--json"):
        assert option in result.output
    assert "may come before the verb or after it" in one_line(result.output)
