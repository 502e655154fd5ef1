"""What people wrote is printed as they wrote it: "[docs]" and a stray "[/]" in a message (or
an id) are text, not rich markup. Before, ``show`` dropped "[docs]" from quotes and statements
and failed on "[/]" (rich.errors.MarkupError); tables did the same to their cells."""

from __future__ import annotations

import json

import pytest
from helpers import message

TEXTS = [
    "I prefer [docs] links over screenshots. Also [/] is how I close tags.",
    "I really love markdown [bold] headings [/x] in answers.",
]


@pytest.fixture
def bracketed(run, write_lines):
    events = [
        dict(message(0), session_id="s-1", text=TEXTS[0]),
        dict(message(1), ts="2026-03-08T10:00:00Z", session_id="s-2", text=TEXTS[1]),
        dict(
            message(2),
            ts="2026-03-15T10:00:00Z",
            session_id="s-3",
            user_id=None,
            anonymous_id="anon-[x]",
            text="I prefer [docs] links, always. [/]",
        ),
    ]
    assert run("ingest", str(write_lines(events))).exit_code == 0
    assert run("build").exit_code == 0


def flat(text: str) -> str:
    return " ".join(text.split())


def test_show_prints_quotes_as_written(run, bracketed):
    result = run("show", "u-1", "--quotes", "3")
    assert result.exit_code == 0, result.output
    shown = flat(result.output)
    for text in TEXTS:
        assert text in shown
    traits = json.loads(run("show", "u-1", "--json").output)["traits"]
    for trait in traits:
        # The "against" side of a contrast is shown on its pair's line, both ids listed.
        folded = trait["statement"].startswith("against ") and trait["id"] in shown
        assert trait["statement"] in shown or folded
    assert "prefers docs links over screenshots" in shown


def test_why_and_tables_print_cells_as_written(run, bracketed):
    traits = json.loads(run("show", "u-1", "--json").output)["traits"]
    trait = next(t for t in traits if any("[/]" in e["quote"] for e in t["evidence"]))
    result = run("why", "u-1", trait["id"])
    assert result.exit_code == 0, result.output
    assert "[/] is how I close" in result.output
    events = run("events")
    assert events.exit_code == 0 and "[bold]" in events.output and "anon-[x]" in events.output


def test_link_prints_an_id_and_quotes_with_brackets(run, bracketed):
    result = run("link", "anon-[x]")
    assert result.exit_code == 0, result.output
    assert "anon-[x] is" in result.output
