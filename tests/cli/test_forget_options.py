"""``forget`` without a target, with two, or with an empty id says how to call it: "give
exactly one of --event, --session or --person" had no example, and ``--person ''`` answered
exit 4 with a command to run that had lost its argument ("persona6 forget --person  --tenant
TENANT", a UX review of session 19)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "args",
    [(), ("--event", "ev_1", "--person", "u-1"), ("--session", "s-1", "--event", "ev_1")],
)
def test_one_target_is_asked_for_with_an_example(run, args):
    result = run("forget", *args)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "persona6: error: give exactly one of --event, --session or --person, e.g. persona6 "
        "forget --session s-193 (what is stored: persona6 sessions, persona6 actors)"
    )


@pytest.mark.parametrize(
    ("option", "value", "listing"),
    [
        ("--person", "", "persona6 actors"),
        ("--session", "  ", "persona6 sessions"),
        ("--event", "", "persona6 events"),
    ],
)
def test_an_empty_id_is_an_option_error(run, option, value, listing):
    result = run("forget", option, value)
    assert result.exit_code == 2
    name = option.removeprefix("--")
    assert result.stderr.strip() == (
        f"persona6: error: {option} is empty: give the id of the {name} to forget ({listing})"
    )
