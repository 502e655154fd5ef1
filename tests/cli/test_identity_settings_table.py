"""``identity-settings`` shows each value as its option takes it: a first-time user read
"('email_sha256', 'email_hash', ...)", an empty cell for automatic merges that are off and
"{'holdout_sessions': 1, ...}" (a UX review of session 19)."""

from __future__ import annotations

import pytest


def _rows(output: str) -> dict[str, str]:
    rows = {}
    for line in output.splitlines():
        if "│" in line:
            name, value = (cell.strip() for cell in line.split("│", 1))
            rows[name] = value
    return rows


@pytest.mark.parametrize(
    ("args", "setting", "shown"),
    [
        ((), "identifier_attrs", "email_sha256, email_hash, hashed_email, customer_id, account_id"),
        ((), "auto_merge_above", "off"),
        (("--auto-merge", "0.98"), "auto_merge_above", "0.98"),
        (("--identifier-attrs", "customer_id,crm_id"), "identifier_attrs", "customer_id, crm_id"),
        ((), "ignored_context_attrs", "latency_ms, code, timezone"),
        ((), "new_person_threshold", "0.5"),
    ],
)
def test_settings_read_as_the_options_take_them(run, args, setting, shown):
    result = run("identity-settings", *args)
    assert result.exit_code == 0, result.output
    assert _rows(result.output)[setting] == shown
    assert "('" not in result.output and "{'" not in result.output


def test_the_backtest_block_reads_as_name_value_pairs(run):
    value = _rows(run("identity-settings").output)["backtest"]
    assert value.startswith("holdout_sessions=1, holdout_persons=0.2, "), value
