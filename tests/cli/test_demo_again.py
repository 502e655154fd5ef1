"""The demo run again on its database says nothing was built, instead of "Built 0 traits from
0 signals" above a digest of hundreds of traits (a UX review of session 19)."""

from __future__ import annotations


def test_a_second_demo_says_nothing_new_was_built(run):
    first = run("demo", "--people", "4", "--db", "d.db")
    assert first.exit_code == 0, first.output
    assert "Built " in first.stdout and "Nothing new to build" not in first.stdout
    again = run("demo", "--people", "4", "--db", "d.db")
    assert again.exit_code == 0, again.output
    header = again.stdout.splitlines()[0]
    assert "(0 new)" in header
    assert header.endswith("Nothing new to build: the graph already holds these events."), header
    assert "Built 0 traits" not in again.stdout
