"""``why PERSON TRAIT_ID`` with a trait id copied from another person's ``show`` says whose
it is and the command that shows it: it said only "trait 'tr_...' is not a trait of 'alice'",
leaving the user to hunt through everyone's traits (a UX review of session 19). An id that is
nobody's keeps its message."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def two_people(run, write_lines):
    said = [
        ("alice", "s-a", "I work as a pastry chef and I prefer metric measurements."),
        ("bob", "s-b", "i play tennis every weekend and i hate long answers"),
    ]
    lines = [
        dict(ts="2026-02-01T08:00:00Z", session_id=s, user_id=u, type="message", text=t)
        for u, s, t in said
    ]
    assert run("ingest", str(write_lines(lines))).exit_code == 0
    assert run("build").exit_code == 0
    return json.loads(run("show", "bob", "--json").output)["traits"][0]["id"]


@pytest.mark.parametrize(
    ("tenant", "named"),
    [((), ""), (("--tenant", "default"), " --tenant default")],
)
def test_another_persons_trait_names_its_owner(run, two_people, tenant, named):
    result = run("why", "alice", two_people, *tenant)
    assert result.exit_code == 4
    assert result.stderr.strip() == (
        f"persona6: error: trait '{two_people}' belongs to 'bob', not to 'alice'. See it with: "
        f"persona6 why bob {two_people}{named} (the traits of 'alice': persona6 show "
        f"alice{named})"
    )
    assert run("why", "bob", two_people).exit_code == 0


def test_nobodys_trait_id_keeps_its_message(run, two_people):
    result = run("why", "alice", "tr_0000000000000000")
    assert result.exit_code == 4
    assert "trait 'tr_0000000000000000' is not a trait of 'alice'" in result.stderr
