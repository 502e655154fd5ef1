"""The segment reader: track, identify, page and screen calls, sessionised per actor."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from persona6.errors import InvalidEvent
from persona6.ingest.base import Line, RawRecord, ReaderOptions, choose_format
from persona6.ingest.pipeline import event_from_record, ingest
from persona6.ingest.segment import SessionClock, outcome_kind, read_segment, snake_case
from persona6.store import EventQuery, Store
from persona6.types import Event, StoredEvent

DATA = Path(__file__).parent.parent / "data"


def stored(store: Store) -> list[StoredEvent]:
    return list(store.iter_events(EventQuery(tenant="default")))


def records(*calls: dict[str, Any] | str, source: str = "segment.jsonl") -> list[RawRecord]:
    lines = [
        Line(n, (call if isinstance(call, str) else json.dumps(call)).encode())
        for n, call in enumerate(calls, start=1)
    ]
    return list(read_segment(lines, source, ReaderOptions()))


def events(*calls: dict[str, Any]) -> list[Event]:
    return [event_from_record(record) for record in records(*calls)]


def error_of(*calls: dict[str, Any] | str) -> str:
    errors = [record.error for record in records(*calls) if record.error is not None]
    assert len(errors) == 1, errors
    return str(errors[0])


def track(event: str = "Command Run", **overrides: Any) -> dict[str, Any]:
    call: dict[str, Any] = {
        "type": "track",
        "anonymousId": "anon-1",
        "event": event,
        "timestamp": "2024-05-01T12:00:00Z",
    }
    call.update(overrides)
    return {key: value for key, value in call.items() if value is not None}


def at(minutes: float) -> str:
    return (datetime(2024, 5, 1, 12, tzinfo=UTC) + timedelta(minutes=minutes)).isoformat()


# --- mapping -------------------------------------------------------------------------------


def test_the_fixture_is_stored_with_actions_outcomes_and_identify(store):
    report = ingest(store, DATA / "segment_events.jsonl", format="segment")

    assert (report.stored, report.rejected) == (5, 0)
    got = [(e.event_id, e.type.value, e.name, e.text, e.session_id) for e in stored(store)]
    assert got == [
        (
            "m-1",
            "action",
            "page",
            "https://example.com/pricing",
            "anon-1#2024-05-01T09:00:00.000000Z",
        ),
        ("m-2", "identify", None, None, "anon-1#2024-05-01T09:00:00.000000Z"),
        ("m-3", "action", "command_run", "deploy --prod", "anon-1#2024-05-01T09:00:00.000000Z"),
        ("m-4", "outcome", "deploy_failed", "quota exceeded", "anon-1#2024-05-01T09:00:00.000000Z"),
        ("m-5", "action", "screen", "Settings", "app-session-9"),
    ]
    assert store.stats("default").identify_links == 1


def test_format_is_detected_from_the_call_type(store, tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps(track()) + "\n", encoding="utf-8")

    assert choose_format(None, str(path), path.read_bytes()) == "segment"
    assert ingest(store, path).format == "segment"


@pytest.mark.parametrize(
    ("event", "name"),
    [
        ("Command Run", "command_run"),
        ("commandRun", "command_run"),
        ("HTTPRequestFailed", "http_request_failed"),
        ("  Signed-Up!  ", "signed_up"),
        ("Résumé Uploaded", "résumé_uploaded"),
        ("already_snake", "already_snake"),
    ],
)
def test_event_names_become_snake_case(event, name):
    assert snake_case(event) == name


def test_a_track_call_becomes_an_action_keeping_the_original_name_and_properties():
    call = track(properties={"command": "ls -la", "exit_code": 0})

    (event,) = events(call)

    assert (event.type.value, event.name, event.text) == ("action", "command_run", "ls -la")
    assert event.attrs == {"exit_code": 0, "segment_event": "Command Run"}


@pytest.mark.parametrize(
    ("properties", "text"),
    [
        ({"text": "a", "query": "b", "command": "c", "message": "d"}, "a"),
        ({"query": "b", "command": "c", "message": "d"}, "b"),
        ({"command": "c", "message": "d"}, "c"),
        ({"message": "d"}, "d"),
        ({"other": "x"}, None),
    ],
)
def test_action_text_is_the_first_of_text_query_command_message(properties, text):
    (event,) = events(track(properties=properties))

    assert event.text == text


@pytest.mark.parametrize(
    ("event", "kind"),
    [
        ("Deploy Failed", "failure"),
        ("API Error", "failure"),
        ("Request Timed Out", "failure"),
        ("Request Timeout", "failure"),
        ("Unhandled Exception", "failure"),
        ("App Crashed", "failure"),
        ("Payment Succeeded", "success"),
        ("Signup Success", "success"),
        ("Checkout Completed", "success"),
        ("Button Clicked", None),
    ],
)
def test_track_names_that_say_failure_or_success_become_outcomes(event, kind):
    (result,) = events(track(event))

    assert outcome_kind(snake_case(event)) == kind
    assert result.type.value == ("outcome" if kind else "action")
    assert result.attrs.get("outcome") == kind


def test_page_text_is_the_url_and_keeps_the_page_name():
    call = {
        "type": "page",
        "userId": "u1",
        "name": "Pricing",
        "timestamp": "2024-05-01T12:00:00Z",
        "properties": {"url": "https://example.com/pricing", "title": "Pricing"},
    }

    (event,) = events(call)

    assert (event.type.value, event.name, event.text) == (
        "action",
        "page",
        "https://example.com/pricing",
    )
    assert event.attrs == {"segment_name": "Pricing", "title": "Pricing"}


def test_screen_text_is_its_name_without_a_url():
    call = {"type": "screen", "userId": "u1", "name": "Settings", "timestamp": at(0)}

    (event,) = events(call)

    assert (event.name, event.text) == ("screen", "Settings")


def test_identify_with_both_ids_links_them_and_keeps_traits():
    call = {
        "type": "identify",
        "userId": "u1",
        "anonymousId": "anon-1",
        "timestamp": at(0),
        "traits": {"plan": "pro"},
    }

    (event,) = events(call)

    assert (event.type.value, event.user_id, event.anonymous_id) == ("identify", "u1", "anon-1")
    assert event.attrs == {"traits": {"plan": "pro"}}


def test_message_id_is_the_event_id():
    (event,) = events(track(messageId="abc-123"))

    assert event.event_id == "abc-123"


def test_device_locale_and_timezone_come_from_the_context():
    context = {
        "device": {"type": "android", "id": "d-1"},
        "locale": "fr-FR",
        "timezone": "Europe/Paris",
        "ip": "203.0.113.9",
    }

    (event,) = events(track(context=context))

    assert event.attrs == {
        "device": "android",
        "locale": "fr-FR",
        "timezone": "Europe/Paris",
        "utc_offset": "+02:00",  # Paris in May, from the timezone (see the local time tests)
        "segment_event": "Command Run",
    }


# --- local time ----------------------------------------------------------------------------


def test_a_timestamp_written_with_an_offset_keeps_it():
    (event,) = events(track(timestamp="2025-04-14T10:00:00+05:30"))

    assert (event.ts.isoformat(), event.attrs["utc_offset"]) == (
        "2025-04-14T04:30:00+00:00",
        "+05:30",
    )


def test_the_context_timezone_gives_a_utc_timestamp_its_offset_at_that_moment():
    winter, summer = events(
        track(timestamp="2024-01-15T12:00:00Z", context={"timezone": "America/New_York"}),
        track(timestamp="2024-07-15T12:00:00Z", context={"timezone": "America/New_York"}),
    )

    assert (winter.attrs["utc_offset"], summer.attrs["utc_offset"]) == ("-05:00", "-04:00")
    assert winter.ts.isoformat() == "2024-01-15T12:00:00+00:00"


def test_a_timestamp_written_with_an_offset_wins_over_the_context_timezone():
    call = track(timestamp="2025-04-14T10:00:00+05:30", context={"timezone": "Europe/Paris"})

    (event,) = events(call)

    assert (event.attrs["utc_offset"], event.attrs["timezone"]) == ("+05:30", "Europe/Paris")


def test_a_zone_at_utc_at_that_moment_adds_no_offset():
    (event,) = events(
        track(context={"timezone": "Europe/London"}, timestamp="2024-01-15T12:00:00Z")
    )

    assert event.attrs == {"timezone": "Europe/London", "segment_event": "Command Run"}


@pytest.mark.parametrize("zone", ["Mars/Olympus", "Europe", "/etc/localtime", "UTC+5"])
def test_an_unknown_timezone_is_ignored_and_the_call_kept(zone):
    (record,) = records(track(context={"timezone": zone}))

    event = event_from_record(record)

    assert record.error is None
    assert event.attrs == {"timezone": zone, "segment_event": "Command Run"}
    assert event.ts.isoformat() == "2024-05-01T12:00:00+00:00"


def test_sessions_are_named_in_utc_whatever_the_timezone():
    first, second = events(
        track(timestamp="2024-05-01T12:00:00Z", context={"timezone": "Asia/Kolkata"}),
        track(timestamp="2024-05-01T17:40:00+05:30"),
    )

    assert first.session_id == second.session_id == "anon-1#2024-05-01T12:00:00.000000Z"


@pytest.mark.parametrize(
    "overrides",
    [
        {"context": {"sessionId": "s-9"}},
        {"properties": {"session_id": "s-9"}},
        {"context": {"session_id": "s-9"}},
    ],
)
def test_a_given_session_id_is_used(overrides):
    (event,) = events(track(**overrides))

    assert event.session_id == "s-9"
    assert "session_id" not in event.attrs


def test_calls_within_thirty_minutes_share_a_session_and_a_longer_gap_starts_one():
    calls = [track(timestamp=at(minutes)) for minutes in (0, 20, 50, 81, 82)]

    sessions = [event.session_id for event in events(*calls)]

    assert sessions == [
        "anon-1#2024-05-01T12:00:00.000000Z",
        "anon-1#2024-05-01T12:00:00.000000Z",
        "anon-1#2024-05-01T12:00:00.000000Z",
        "anon-1#2024-05-01T13:21:00.000000Z",
        "anon-1#2024-05-01T13:21:00.000000Z",
    ]


def test_each_actor_has_its_own_sessions():
    calls = [track(timestamp=at(0)), track(anonymousId="anon-2", timestamp=at(5))]

    assert [e.session_id for e in events(*calls)] == [
        "anon-1#2024-05-01T12:00:00.000000Z",
        "anon-2#2024-05-01T12:05:00.000000Z",
    ]


def test_a_login_keeps_the_visit_in_one_session():
    calls = [track(timestamp=at(0)), track(userId="u1", timestamp=at(10))]

    first, second = events(*calls)

    assert second.user_id == "u1"
    assert first.session_id == second.session_id


def test_a_user_without_anonymous_id_is_sessionised_by_user_id():
    (event,) = events(track(anonymousId=None, userId="u1"))

    assert event.session_id == "u1#2024-05-01T12:00:00.000000Z"


def test_an_actor_idle_past_the_horizon_is_forgotten():
    clock = SessionClock(forget_after=timedelta(hours=1), prune_every=1)
    t0 = datetime(2024, 5, 1, 12, tzinfo=UTC)
    clock.session_of("a", t0)
    clock.session_of("b", t0 + timedelta(hours=2))

    # Forgotten: 20 minutes after its last call, "a" still gets a new session.
    assert clock.session_of("a", t0 + timedelta(minutes=20)) == "a#2024-05-01T12:20:00.000000Z"


def test_ingesting_the_same_calls_twice_stores_nothing_new(store, tmp_path):
    path = tmp_path / "calls.jsonl"
    lines = [track(timestamp=at(0)), track("Deploy Failed", timestamp=at(1))]
    path.write_text("".join(json.dumps(c) + "\n" for c in lines), encoding="utf-8")
    ingest(store, path, format="segment")

    again = ingest(store, path, format="segment")

    assert (again.stored, again.duplicates) == (0, 2)


# --- bad input -----------------------------------------------------------------------------


def test_an_unknown_call_type_is_rejected_with_the_known_ones(store, tmp_path):
    path = tmp_path / "calls.jsonl"
    alias = {"type": "alias", "userId": "u1", "previousId": "anon-1", "timestamp": at(0)}
    path.write_text(json.dumps(track()) + "\n" + json.dumps(alias) + "\n", encoding="utf-8")

    with pytest.raises(InvalidEvent) as caught:
        ingest(store, path, format="segment")

    assert str(caught.value) == (
        f"{path}:2: field 'type' 'alias' is not a Segment call this reader knows. Use one of: "
        "track, identify, page, screen; alias and group calls carry no event, so filter them "
        "out before ingesting"
    )


def test_a_call_without_type_is_rejected():
    assert error_of({"userId": "u1", "timestamp": at(0)}) == (
        "segment.jsonl:1: field 'type' is missing. Use one of: track, identify, page, screen; "
        "alias and group calls carry no event, so filter them out before ingesting"
    )


def test_an_identify_with_only_a_user_id_is_rejected_with_what_identify_is_for():
    call = {"type": "identify", "userId": "u1", "timestamp": at(0), "traits": {"plan": "pro"}}

    assert error_of(call) == (
        "segment.jsonl:1: fields 'userId' and 'anonymousId' must both be given: this identify "
        "has only userId. An identify links an anonymousId to a userId; drop identify calls "
        "that only update traits"
    )


def test_an_identify_with_only_an_anonymous_id_is_rejected():
    call = {"type": "identify", "anonymousId": "anon-1", "timestamp": at(0)}

    assert "this identify has only anonymousId." in error_of(call)


def test_a_call_without_timestamp_is_rejected_with_the_fix():
    assert error_of(track(timestamp=None)) == (
        "segment.jsonl:1: field 'timestamp' is missing, so the call's time is unknown. "
        'Add "timestamp" as ISO-8601 text with a timezone, e.g. 2024-05-01T12:30:00Z '
        "(Segment exports carry it on every call)"
    )


def test_original_timestamp_is_used_when_timestamp_is_absent():
    (event,) = events(track(timestamp=None, originalTimestamp="2024-05-01T12:00:00Z"))

    assert event.ts.isoformat() == "2024-05-01T12:00:00+00:00"


def test_a_timestamp_without_timezone_is_rejected():
    assert error_of(track(timestamp="2024-05-01 12:00:00")) == (
        "segment.jsonl:1: field 'timestamp' '2024-05-01 12:00:00' has no timezone. Add one: a "
        "trailing Z for UTC (2024-05-01T12:30:00Z) or an offset (+02:00)"
    )


def test_a_call_without_any_actor_is_rejected():
    assert error_of(track(anonymousId=None)) == (
        "segment.jsonl:1: fields 'userId' and 'anonymousId' are both missing. Every Segment call "
        "needs userId (a known person) or anonymousId (a visitor)"
    )


def test_a_track_call_without_event_name_is_rejected():
    call = track()
    del call["event"]

    assert error_of(call) == (
        "segment.jsonl:1: field 'event' is missing. A track call names what happened: "
        '"event": "Command Run"'
    )


def test_properties_that_are_not_an_object_are_rejected():
    assert error_of(track(properties=["a"])) == (
        "segment.jsonl:1: field 'properties' ['a'] is not a JSON object. Write it as "
        '{"key": value}, or drop it'
    )


def test_a_line_that_is_not_json_is_rejected():
    assert error_of("{type: track}").startswith("segment.jsonl:1: is not valid JSON (")
