"""The facade's arguments: a wrong type is an error that says what to pass, never a raw
Python error from deep inside (or a database file named "5")."""

from __future__ import annotations

import pytest
from helpers import message

from persona6 import Persona6
from persona6.errors import InvalidEvent, InvalidOption


@pytest.fixture
def p6():
    with Persona6(db=":memory:") as engine:
        engine.record([message(0)])
        yield engine


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (
            lambda p6: p6.person(42),
            "person_id 42 is an int, not text. Pass a string, e.g. person_id='42'",
        ),
        (lambda p6: p6.person(None), "person_id is None, not text. Pass it as a string"),
        (
            lambda p6: p6.context("u-1", task=5),
            "task 5 is an int, not text. Pass a string, e.g. task='5'",
        ),
        (
            lambda p6: p6.predict("u-1", failure=5),
            "failure 5 is an int, not text. Pass a string, e.g. failure='5'",
        ),
        (
            lambda p6: p6.forget(event=5),
            "event 5 is an int, not text. Pass a string, e.g. event='5'",
        ),
        (
            lambda p6: p6.record(message(1)),
            "record() got one event, not a list of events. Pass a list of events: record([event])",
        ),
        (
            lambda p6: p6.ingest(42),
            "ingest() got an int for the path. Pass one file path as a string, or '-' for "
            "standard input",
        ),
    ],
)
def test_a_wrong_type_says_what_to_pass(p6, call, expected):
    with pytest.raises(InvalidOption) as caught:
        call(p6)
    assert str(caught.value) == expected


def test_record_of_none_shows_a_list_of_events(p6):
    with pytest.raises(InvalidOption) as caught:
        p6.record(None)
    assert str(caught.value).startswith(
        "record() got None, not a list of events. Pass a list of dicts with the fields of "
        'docs/events.md, e.g. record([{"ts": "2024-05-01T12:30:00Z", "session_id": "s-1"'
    )


def test_record_of_a_list_holding_something_else_names_the_item(p6):
    with pytest.raises(InvalidEvent) as caught:
        p6.record([message(1), "not an event"])
    assert str(caught.value) == (
        "api[1]: is a str, not an event. Pass each event as a dict with the fields of "
        "docs/events.md, or an Event"
    )


def test_record_of_an_out_of_range_time_is_an_invalid_event(p6):
    from datetime import datetime, timedelta, timezone

    moment = datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=1)))
    for ts in ("0001-01-01T00:00:00+01:00", moment):
        with pytest.raises(InvalidEvent, match=r"^api\[0\]: field 'ts' .* is out of range"):
            p6.record([message(0, ts=ts)])


def test_a_database_that_is_not_a_path_is_refused_before_a_file_is_made(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InvalidOption) as caught:
        Persona6(db=5)
    assert str(caught.value) == (
        "Persona6(db=5) is not a database location. Pass a file path such as 'persona6.db', "
        "':memory:', or a postgresql:// URL"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("tenant", ["", " acme", 5])
def test_a_tenant_that_is_not_a_name_is_refused(tenant):
    with pytest.raises(InvalidOption) as caught:
        Persona6(db=":memory:", tenant=tenant)
    assert str(caught.value) == (
        f"--tenant {tenant!r} is not a tenant name. Give 1 to 256 characters without leading "
        "or trailing spaces, or leave it out for the default tenant"
    )


def test_ingest_to_an_empty_tenant_is_refused(p6, write_lines):
    with pytest.raises(InvalidOption, match="--tenant '' is not a tenant name"):
        p6.ingest(write_lines([message(1)]), tenant="")


# -- an actor merged into a person is answered for as that person -------------------------


def _returning_user(p6: Persona6) -> None:
    """u-7 complained at two timeouts; later, as cookie anon-7 (tied to u-7 by an identify
    event), they come back."""
    events: list[dict] = []
    for n in range(2):
        session = f"s{n}"
        events += [
            {
                "event_id": f"a{n}",
                "ts": f"2026-03-0{n + 1}T10:00:00Z",
                "session_id": session,
                "user_id": "u-7",
                "type": "action",
                "name": "export",
                "text": "weekly report",
            },
            {
                "event_id": f"o{n}",
                "ts": f"2026-03-0{n + 1}T10:00:05Z",
                "session_id": session,
                "user_id": "u-7",
                "type": "outcome",
                "name": "timeout",
            },
            {
                "event_id": f"m{n}",
                "ts": f"2026-03-0{n + 1}T10:00:20Z",
                "session_id": session,
                "user_id": "u-7",
                "type": "message",
                "text": "This is ridiculous, it timed out again. I prefer CSV exports over PDF.",
            },
        ]
    events += [
        {
            "event_id": "i1",
            "ts": "2026-03-05T09:00:00Z",
            "session_id": "s9",
            "anonymous_id": "anon-7",
            "user_id": "u-7",
            "type": "identify",
        },
        {
            "event_id": "m9",
            "ts": "2026-03-05T09:00:10Z",
            "session_id": "s9",
            "anonymous_id": "anon-7",
            "type": "message",
            "text": "hello again",
        },
    ]
    p6.record(events)
    p6.build()


def test_the_brief_of_a_merged_actor_is_the_persons_and_says_so() -> None:
    with Persona6(db=":memory:") as p6:
        _returning_user(p6)
        person = p6.context("u-7", task="export the weekly report")
        merged = p6.context("anon-7", task="export the weekly report")
    assert merged.person_id == "u-7"
    assert merged.text.splitlines()[1:3] == [
        "## Linked",
        "- anon-7 is u-7 (linked by identify)",
    ]
    assert merged.items[0].evidence == ["i1"]
    assert "No history yet" not in merged.text
    assert merged.tokens <= 400
    said = {i.statement for i in person.items if i.kind == "preference"}
    assert said and said <= {i.statement for i in merged.items}


def test_a_merged_actor_is_predicted_as_the_person() -> None:
    with Persona6(db=":memory:") as p6:
        _returning_user(p6)
        assert p6.merged_into("u-7") is None
        assert p6.merged_into("anon-7").person_id == "u-7"
        person = p6.predict("u-7", failure="timeout")
        merged = p6.predict("anon-7", failure="timeout")
        assert merged.distribution == person.distribution
        assert merged.evidence == person.evidence
        assert p6.archetypes("anon-7").archetypes == p6.archetypes("u-7").archetypes


def test_persons_counts_the_traits_the_person_view_shows() -> None:
    """``persons``' traits column was the store's row count: it left out the texture traits
    and counted the task sequences ``show`` folds into paths (review 8: Marcus 28 listed, 25
    shown). It is now the person view's count, and the order follows it."""
    from helpers import built_demo

    for p6, _ in built_demo(0, 4):
        stored = {person: n for person, n, _ in p6.store.persons(p6.tenant)}
        listed = p6.persons()
        shown = {p.person_id: p6.person(p.person_id).traits for p in listed}
        assert [p.traits for p in listed] == [len(shown[p.person_id]) for p in listed]
        assert [p.traits for p in listed] == sorted((p.traits for p in listed), reverse=True)
        assert any(t.kind.value == "texture" for ts in shown.values() for t in ts)
        assert any(stored[p.person_id] != p.traits for p in listed)
