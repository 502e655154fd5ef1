"""A listing with nothing to list says why on stderr, as ``persons`` does, instead of printing
a table header alone: on an empty database, ``sessions``, ``actors``, ``events``, ``links`` and
``link --all`` printed bare column names, and ``events --session typo`` the same, so a user could
not tell an empty store from a filter that matched nothing (a UX review of session 19)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("sessions",), "no sessions in tenant 'default' of persona6.db: no events are stored"),
        (("actors",), "no actors in tenant 'default' of persona6.db: no events are stored"),
        (("events",), "no events in tenant 'default' of persona6.db: no events are stored"),
        (("links",), "no active identity links in tenant 'default' of persona6.db"),
        (("link", "--all"), "no anonymous actor is left unresolved"),
    ],
)
def test_an_empty_database_says_so(run, args, said):
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert said in result.stderr


def _stored(run, write_lines) -> None:
    lines = [
        dict(
            ts="2026-03-01T10:00:00Z",
            session_id="s-1",
            user_id="u-ana",
            type="message",
            text="I prefer tea over coffee.",
        ),
        dict(
            ts="2026-03-02T10:00:00Z",
            session_id="s-2",
            anonymous_id="anon-1",
            type="message",
            text="Is there a dark mode?",
        ),
    ]
    assert run("ingest", str(write_lines(lines))).exit_code == 0


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("events", "--session", "s-typo", "--type", "message"),
            "no events match --session s-typo --type message in tenant 'default'",
        ),
        (("sessions", "--actor", "u-nobody"), "no sessions match --actor u-nobody"),
        (("links",), "revoked ones: persona6 links --all"),
        (("links", "anon-1"), "no active identity links of 'anon-1' in tenant 'default'"),
        (("links", "--all"), "no identity links in tenant 'default'"),
    ],
)
def test_a_filter_that_matches_nothing_names_itself(run, write_lines, args, said):
    _stored(run, write_lines)
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert said in result.stderr


def test_a_listing_with_rows_is_unchanged(run, write_lines):
    _stored(run, write_lines)
    result = run("events", "--session", "s-1")
    assert "I prefer tea over coffee." in result.stdout
    assert result.stderr == ""
