"""An anonymous actor a link already resolves, seen from the command line: ``show`` printed
its header alone ("anon-...: 1 session, 20 events, ..."), with no trait and no word of the
person its events count for, and ``link`` ended its "already linked" answer with "how far to
trust these probabilities: unknown here ...", though it showed none (a UX review of session
19, on the demo's identified actors)."""

from __future__ import annotations

import pytest


def _said(session: str, day: int, text: str) -> dict[str, object]:
    return dict(ts=f"2026-03-{day:02d}T10:00:00Z", session_id=session, type="message", text=text)


@pytest.fixture
def identified(run, write_lines):
    events = [
        dict(_said("s-1", 1, "I prefer tea over coffee."), user_id="u-ana"),
        dict(_said("s-2", 2, "I work as a nurse."), user_id="u-ana"),
        dict(_said("s-3", 3, "hi, is there a dark mode?"), anonymous_id="anon-7"),
        dict(
            ts="2026-03-03T10:05:00Z",
            session_id="s-3",
            type="identify",
            user_id="u-ana",
            anonymous_id="anon-7",
        ),
        dict(_said("s-4", 4, "Is there an app for this?"), anonymous_id="anon-8"),
    ]
    assert run("ingest", str(write_lines(events))).exit_code == 0
    assert run("build").exit_code == 0


@pytest.mark.parametrize(
    ("how", "method"),
    [((), "identify"), (("link", "anon-8", "--to", "u-ana"), "manual")],
)
def test_show_of_a_linked_actor_names_its_person(run, identified, how, method):
    actor = "anon-7" if not how else "anon-8"
    if how:
        assert run(*how).exit_code == 0
    result = run("show", actor)
    assert result.exit_code == 0
    said = " ".join(result.stdout.split())
    assert "no traits of its own: linked to u-ana (link " in said
    assert said.endswith(
        f", method {method}), whose traits rest on its events: persona6 show u-ana"
    ), said


def test_show_of_a_person_with_traits_says_nothing_of_links(run, identified):
    assert "no traits of its own" not in run("show", "u-ana").stdout


def test_link_of_a_linked_actor_has_no_trust_line(run, identified):
    result = run("link", "anon-7")
    assert result.exit_code == 0
    assert "already linked to u-ana by identify" in result.stdout
    assert "how far to trust" not in result.stderr
    ranked = run("link", "anon-8")
    assert ranked.exit_code == 0
    assert "how far to trust these probabilities" in ranked.stderr
