"""Dates in tables are the person's own: on the clock each event was written in (docs/cli.md);
full times stay UTC with their Z, and JSON keeps the stored UTC time."""

from __future__ import annotations

import json

import pytest
from helpers import message

# 20:10 on the 15th in El Paso (-07:00) is 03:10 on the 16th in UTC.
EVENING = "2026-01-15T20:10:45-07:00"


@pytest.fixture
def evening_person(run, write_lines):
    events = [
        dict(message(0), ts=EVENING, text="I prefer tea over coffee."),
        dict(message(1), ts="2026-01-15T20:11:00-07:00", text="I love flatbed work."),
        # no offset of its own, but a zone: 23:30 in New York on the 2nd is 04:30Z on the 3rd
        dict(
            message(2),
            ts="2026-02-03T04:30:00Z",
            session_id="s-2",
            text="I prefer tea over coffee, still.",
            attrs={"timezone": "America/New_York"},
        ),
    ]
    assert run("ingest", str(write_lines(events))).exit_code == 0
    assert run("build").exit_code == 0


def table_row(output: str, first_cell: str) -> list[str]:
    line = next(line for line in output.splitlines() if line.startswith(first_cell))
    return [cell.strip() for cell in line.replace("┃", "│").split("│")]


def test_persons_shows_first_and_last_seen_on_the_persons_clock(run, evening_person):
    row = table_row(run("persons").output, "u-1")
    assert row[-2:] == ["2026-01-15", "2026-02-02"]


def test_actors_shows_the_same_dates(run, evening_person):
    row = table_row(run("actors").output, "u-1")
    assert row[-2:] == ["2026-01-15", "2026-02-02"]


def test_show_dates_the_span_and_each_trait_on_the_persons_clock(run, evening_person):
    output = run("show", "u-1").output
    assert "u-1: 2 sessions, 3 events, 2026-01-15 to 2026-02-02" in output
    assert "since 2026-01-15" in output
    assert "2026-01-16" not in output and "2026-02-03" not in output


def test_json_keeps_the_stored_utc_times(run, evening_person):
    person = json.loads(run("persons", "--json").output)[0]
    assert person["first_seen"] == "2026-01-16T03:10:45.000000Z"
    assert person["last_seen"] == "2026-02-03T04:30:00.000000Z"


def test_a_time_written_in_utc_keeps_its_utc_date(run, write_lines):
    run("ingest", str(write_lines([dict(message(0), ts="2026-01-16T03:10:45Z")])))
    run("build")
    assert table_row(run("persons").output, "u-1")[-2:] == ["2026-01-16", "2026-01-16"]
