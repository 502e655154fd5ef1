"""When an "X over Y" preference is turned round ("I prefer metric over cups", later "I prefer
cups over metric now"), ``show``'s "changed from" names the old pair by its chosen side, as
``show --all`` lists it: "changed from: prefers metric measurements over cups", not "changed
from: against cups (prefers metric measurements instead)", the other side's wording (a UX
review of session 19)."""

from __future__ import annotations

import json

import pytest
from helpers import message


@pytest.mark.parametrize(
    ("before", "after", "old_side", "other_side"),
    [
        (
            "I prefer metric measurements over cups.",
            "I've changed my mind, I prefer cups over metric measurements now.",
            "prefers metric measurements over cups",
            "against cups",
        ),
        (
            "I prefer tea over coffee.",
            "I've changed my mind, I prefer coffee over tea now.",
            "prefers tea over coffee",
            "against coffee",
        ),
    ],
)
def test_changed_from_names_the_old_pairs_chosen_side(
    run, write_lines, before, after, old_side, other_side
):
    events = [
        dict(message(0), session_id="s-1", text=before),
        dict(message(1), ts="2026-03-10T10:00:00Z", session_id="s-2", text=before),
        dict(message(2), ts="2026-03-20T10:00:00Z", session_id="s-3", text=after),
    ]
    assert run("ingest", str(write_lines(events))).exit_code == 0
    assert run("build").exit_code == 0
    traits = json.loads(run("show", "u-1", "--json").output)["traits"]
    # the turn made both sides of the old pair superseded, each by the new pair's side
    superseded = {t["id"]: t["statement"] for t in traits if t["status"] == "superseded"}
    assert any(s.startswith(old_side) for s in superseded.values()), superseded
    assert any(s.startswith(other_side) for s in superseded.values()), superseded
    output = " ".join(run("show", "u-1").output.split())
    changed = [part for part in output.split("changed from: ")[1:]]
    assert changed, output
    assert all(part.startswith(old_side) for part in changed), changed
    chosen = next(i for i, s in superseded.items() if s.startswith(old_side))
    assert f"(until 2026-03-20 · {chosen})" in output
