"""Which tenant a command acted on, said where it matters: an ingest whose events name another
tenant (docs/events.md, ``tenant``) and a forget that finds nothing (docs/cli.md)."""

from __future__ import annotations

import json

from helpers import message


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_a_file_naming_its_tenant_says_to_run_with_that_tenant(run, write_lines):
    path = write_lines([message(0, tenant="hive"), message(1, tenant="hive")])
    result = run("ingest", str(path))
    assert result.exit_code == 3
    first, second = result.stderr.splitlines()
    assert first == (
        f"persona6: error: {path}:1: field 'tenant' 'hive' names another tenant than the one "
        "this ingest writes to, 'default' (--tenant, else $PERSONA6_TENANT, else 'default'). "
        "Run the command again with --tenant hive to store them in tenant 'hive' (a file that "
        "mixes tenants: one run per tenant with --on-error skip, docs/cli.md), or drop the field"
    )
    # Nothing to fix in the record: the second line does not ask for it.
    assert second == (
        "persona6: nothing from the failing batch was stored; 0 events from earlier batches "
        "were (ingest is idempotent: running it again stores each event once)."
    )
    again = run("ingest", str(path), "--tenant", "hive", "--json")
    assert again.exit_code == 0
    assert json.loads(again.output)["stored"] == 2


def test_the_tenant_from_the_environment_is_the_one_written_to(run, write_lines, monkeypatch):
    monkeypatch.setenv("PERSONA6_TENANT", "acme")
    result = run("ingest", str(write_lines([message(0, tenant="hive")])))
    assert result.exit_code == 3
    assert "names another tenant than the one this ingest writes to, 'acme' (--tenant, else " in (
        result.stderr
    )


def test_a_file_mixing_tenants_goes_in_one_run_per_tenant_with_skip(run, write_lines):
    """The recipe of the message and docs/cli.md, for a file whose events all name a tenant."""
    events = [message(0, tenant="hive"), message(1, tenant="freight"), message(2, tenant="hive")]
    path = write_lines(events)
    for tenant, stored, rejected in (("hive", 2, 1), ("freight", 1, 2)):
        result = run("ingest", str(path), "--tenant", tenant, "--on-error", "skip", "--json")
        assert result.exit_code == 0
        report = json.loads(result.output)
        assert (report["tenant"], report["stored"], report["rejected"]) == (
            tenant,
            stored,
            rejected,
        )
    counts = {
        t: json.loads(run("stats", "--tenant", t, "--json").output)["events"]
        for t in ("hive", "freight", "default")
    }
    assert counts == {"hive": 2, "freight": 1, "default": 0}


def test_forgetting_an_event_twice_says_it_may_be_gone_or_another_tenants(run, write_lines):
    run("ingest", str(write_lines([message(0)])), "--tenant", "hive")
    event_id = json.loads(run("events", "--tenant", "hive", "--json").output)["event_id"]
    assert run("forget", "--event", event_id, "--tenant", "hive").exit_code == 0
    again = run("forget", "--event", event_id, "--tenant", "hive")
    assert again.exit_code == 4
    assert one_line(again.stderr) == (
        f"persona6: error: event '{event_id}' has nothing stored in tenant 'hive': it was "
        "forgotten already, was never stored (check the id), or is another tenant's. For "
        f"another tenant, name it: persona6 forget --event {event_id} --tenant TENANT. What "
        "this tenant holds: persona6 events --json"
    )


def test_forget_without_tenant_says_which_tenant_it_looked_in(run, write_lines):
    run("ingest", str(write_lines([message(0)])), "--tenant", "hive")
    result = run("forget", "--session", "s-1")
    assert result.exit_code == 4
    assert one_line(result.stderr) == (
        "persona6: error: session 's-1' has nothing stored in tenant 'default' (no --tenant "
        "given: $PERSONA6_TENANT or 'default'): it was forgotten already, was never stored "
        "(check the id), or is another tenant's. For another tenant, name it: persona6 forget "
        "--session s-1 --tenant TENANT. What this tenant holds: persona6 sessions"
    )
    assert run("forget", "--session", "s-1", "--tenant", "hive").exit_code == 0
