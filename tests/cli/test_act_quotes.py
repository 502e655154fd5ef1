"""An action's or outcome's quote is its argument ("economy flex", "mastercard"), which says
nothing without what was done with it: ``show``, ``why``, ``continuity`` and the demo's digest
print the act's name before it (``select_fare: “economy flex”``), the quote itself exact; a
message's quote is printed as it is (first-user review 7, R5)."""

from __future__ import annotations

import json

import pytest

from persona6.store.sql import SQLStore


def _session(k: int) -> list[dict[str, object]]:
    day = f"2026-03-0{k}T10:0"
    return [
        dict(
            event_id=f"m-{k}",
            ts=f"{day}0:00Z",
            session_id=f"s-{k}",
            user_id="u-1",
            type="message",
            text="I prefer window seats on long flights.",
        ),
        dict(
            event_id=f"a-{k}",
            ts=f"{day}1:00Z",
            session_id=f"s-{k}",
            user_id="u-1",
            type="action",
            name="select_fare",
            text="economy flex",
        ),
        dict(
            event_id=f"r-{k}",
            ts=f"{day}2:00Z",
            session_id=f"s-{k}",
            type="message",
            role="assistant",
            text="Done.",
        ),
    ]


@pytest.fixture
def fares(run, write_lines):
    events = [e for k in (1, 2, 3) for e in _session(k)]
    assert run("ingest", str(write_lines(events))).exit_code == 0
    assert run("build").exit_code == 0
    traits = json.loads(run("show", "u-1", "--json").output)["traits"]
    return {t["statement"]: t for t in traits}


def test_show_names_the_act_a_quote_is_the_argument_of(run, fares):
    lines = run("show", "u-1").output.splitlines()
    at = lines.index(next(line for line in lines if line.startswith("  select fare: economy flex")))
    assert lines[at + 1 : at + 3] == [
        "    select_fare: “economy flex” a-2",
        "    select_fare: “economy flex” a-3",
    ]
    # a message's quote is what was said: nothing before it
    at = lines.index(next(line for line in lines if line.startswith("  prefers window seats")))
    assert lines[at + 1] == "    “I prefer window seats on long flights.” m-2"
    # --json keeps the quote as it is: only the printout names the act
    quotes = {e["quote"] for e in fares["select fare: economy flex"]["evidence"]}
    assert quotes == {"economy flex"}


def test_why_names_the_act_in_the_quote_column(run, fares):
    trait = fares["select fare: economy flex"]
    rows = [line.split("│") for line in run("why", "u-1", trait["id"]).output.splitlines()]
    cells = [[cell.strip() for cell in row] for row in rows if len(row) == 5]
    assert [(row[3], row[4]) for row in cells] == [
        ("a-1", "select_fare: economy flex"),
        ("a-2", "select_fare: economy flex"),
        ("a-3", "select_fare: economy flex"),
    ]
    said = fares["prefers window seats on long flights"]
    rows = [line.split("│") for line in run("why", "u-1", said["id"]).output.splitlines()]
    assert [row[4].strip() for row in rows if len(row) == 5] == [
        "I prefer window seats on long flights."
    ] * 3


def test_continuity_names_the_act_of_its_quote(run, fares):
    lines = run("continuity", "s-3").output.splitlines()
    at = lines.index(
        "    select fare: economy flex  (before: select fare: economy flex; 2 sessions)"
    )
    assert lines[at + 1] == "      select_fare: “economy flex” a-3"


def test_show_and_why_read_the_acts_once(run, fares, monkeypatch):
    """One read of the quoted events for the whole printout, not one per trait."""
    calls: list[int] = []
    real = SQLStore.events_by_id

    def counted(self, tenant, event_ids):
        calls.append(len(list(event_ids)))
        return real(self, tenant, event_ids)

    monkeypatch.setattr(SQLStore, "events_by_id", counted)
    assert run("show", "u-1").exit_code == 0
    assert len(calls) == 1
    calls.clear()
    assert run("why", "u-1", fares["select fare: economy flex"]["id"]).exit_code == 0
    assert len(calls) == 1
    calls.clear()
    assert run("show", "u-1", "--json").exit_code == 0
    assert calls == []


def test_the_demo_digest_names_the_act_of_its_quote(run, fares):
    from persona6.cli.demo import persona_digest
    from persona6.types import PersonView

    view = PersonView.model_validate_json(run("show", "u-1", "--json").output)
    lines = persona_digest(view, acts={"a-3": "select_fare"})
    [decision] = [line for line in lines if line.startswith("decision")]
    assert decision.startswith("decision   select fare: economy flex [dim](")
    assert decision.endswith(" sessions) select_fare: “economy flex”[/]")
    [said] = [line for line in lines if line.startswith("preference")]
    assert said.endswith(" sessions) “I prefer window seats on long flights.”[/]")
