"""Counts in the command line's sentences agree with their nouns: "1 ingested event is not in
the graph yet", "1 day" in ``show`` (a docs review found "1 ingested events are not" and
"1 days")."""

from __future__ import annotations

import re


def _said(session: str, day: int, text: str) -> dict[str, object]:
    return dict(
        ts=f"2026-03-{day:02d}T10:00:00Z",
        session_id=session,
        user_id="u-ana",
        type="message",
        text=text,
    )


def _built_then(run, write_lines, later: list[dict[str, object]]) -> None:
    """A built graph, then ``later`` ingested and not built."""
    first = [_said("s0", 1, "I prefer dark mode.")]
    assert run("ingest", str(write_lines(first, "first.jsonl"))).exit_code == 0
    assert run("build").exit_code == 0
    assert run("ingest", str(write_lines(later, "later.jsonl"))).exit_code == 0


def test_one_pending_event_is_said_in_the_singular(run, write_lines):
    _built_then(run, write_lines, [_said("s1", 2, "I prefer tea.")])
    result = run("persons")
    assert "1 ingested event is not in the graph yet; run persona6 build" in result.stderr
    assert "events are" not in result.stderr


def test_two_pending_events_stay_plural(run, write_lines):
    _built_then(run, write_lines, [_said("s1", 2, "I prefer tea."), _said("s2", 3, "Tea.")])
    assert "2 ingested events are not in the graph yet" in run("persons").stderr


def test_show_says_one_day_and_two_days(run, write_lines):
    lines = [
        _said("s1", 1, "I prefer dark mode."),
        _said("s2", 2, "I prefer dark mode."),
        _said("s3", 1, "I always use Python for scripts."),
        _said("s4", 3, "I always use Python for scripts."),
    ]
    assert run("ingest", str(write_lines(lines))).exit_code == 0
    assert run("build").exit_code == 0
    shown = " ".join(run("show", "u-ana").output.split())
    spans = re.findall(r"sessions · (\d+ days?) · since", shown)
    assert spans, shown
    assert all(s == "1 day" if s.startswith("1 ") else s.endswith("days") for s in spans)
    assert "1 days" not in shown
    assert "1 day" in spans, shown
