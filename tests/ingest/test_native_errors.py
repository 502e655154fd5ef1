"""Every bad-input path of the native reader: the message says where, what and what to do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import message

from persona6.errors import InvalidEvent, InvalidInput, InvalidOption
from persona6.ingest.pipeline import ingest
from persona6.store import EventQuery
from persona6.types import MAX_TEXT_CHARS


def stored_ids(store) -> list[str]:
    return [e.event_id for e in store.iter_events(EventQuery(tenant="default"))]


def fail(store, path: Path) -> str:
    with pytest.raises(InvalidInput) as caught:
        ingest(store, path)
    return str(caught.value)


def test_invalid_json_names_file_line_and_fix(store, write_lines):
    path = write_lines([message(0), '{"ts": "2026-03-01T10:00:00Z", "session_id": '])
    text = fail(store, path)
    assert text.startswith(f"{path}:2: is not valid JSON")
    assert "Each line must be one complete JSON object" in text


def test_json_that_is_not_an_object_says_what_it_is(store, write_lines):
    path = write_lines(["[1, 2, 3]"])
    assert fail(store, path) == (
        f"{path}:1: is a JSON array, not an object. Each line must be one JSON object, "
        'e.g. {"ts": ..., "session_id": ..., ...}'
    )


def test_missing_ts_is_reported_with_an_example(store, write_lines):
    path = write_lines([message(0, ts=None)])
    assert fail(store, path) == (
        f"{path}:1: field 'ts' is missing. Every event needs a time: ISO-8601 with a timezone, "
        "e.g. 2024-05-01T12:30:00Z"
    )


def test_timezone_less_ts_shows_the_value_and_how_to_add_a_zone(store, write_lines):
    path = write_lines([message(0, ts="2026-03-01T10:00:00")])
    assert fail(store, path) == (
        f"{path}:1: field 'ts' '2026-03-01T10:00:00' has no timezone. Add one: a trailing Z "
        "for UTC (2024-05-01T12:30:00Z) or an offset (+02:00)"
    )


def test_unparseable_ts_is_not_iso(store, write_lines):
    path = write_lines([message(0, ts="yesterday")])
    assert "field 'ts' 'yesterday' is not an ISO-8601 time" in fail(store, path)


def test_a_utc_offset_attr_that_is_not_an_offset_says_how_to_write_one(store, write_lines):
    path = write_lines([message(0, attrs={"utc_offset": "5:30"})])
    assert fail(store, path) == (
        f"{path}:1: field 'attrs.utc_offset' '5:30' is not a UTC offset. Write it as +HH:MM or "
        '-HH:MM, e.g. "+05:30", or drop it'
    )


def test_a_utc_offset_attr_that_disagrees_with_the_time_is_rejected(store, write_lines):
    path = write_lines([message(0, ts="2026-03-01T12:00:00+02:00", attrs={"utc_offset": "+05:30"})])
    assert fail(store, path) == (
        f"{path}:1: field 'attrs.utc_offset' '+05:30' disagrees with the offset ts is written in "
        "(+02:00). Drop attrs.utc_offset (the offset of ts is kept), or write ts in UTC"
    )


def test_unknown_type_lists_the_known_ones(store, write_lines):
    path = write_lines([message(0, type="click")])
    assert fail(store, path) == (
        f"{path}:1: field 'type' 'click' is not a known value. "
        "Use one of: message, action, outcome, identify"
    )


def test_unknown_role_lists_the_known_ones(store, write_lines):
    path = write_lines([message(0, role="moderator")])
    assert fail(store, path) == (
        f"{path}:1: field 'role' 'moderator' is not a known value. "
        "Use one of: user, assistant, system, tool"
    )


def test_user_message_without_actor_is_rejected(store, write_lines):
    path = write_lines([message(0, user_id=None)])
    assert fail(store, path) == (
        f"{path}:1: field 'user_id/anonymous_id' are both missing: a user message needs an "
        "actor. Give user_id (a known person) or anonymous_id (an unknown actor)"
    )


def test_assistant_message_with_actor_is_rejected(store, write_lines):
    path = write_lines([message(0, role="assistant")])
    assert fail(store, path) == (
        f"{path}:1: field 'user_id/anonymous_id' are set on an assistant message, which has no "
        "actor. Only people act: drop user_id and anonymous_id from assistant, system and tool "
        "messages, or set role to user"
    )


def test_action_needs_a_name(store, write_lines):
    path = write_lines([message(0, type="action")])
    assert fail(store, path) == (
        f"{path}:1: field 'name' is missing: an action event needs a name. Say what happened, "
        "e.g. command, submit, retry, error, timeout, success"
    )


def test_identify_needs_both_ids(store, write_lines):
    path = write_lines([message(0, type="identify", text=None)])
    assert "field 'user_id/anonymous_id' must both be given on an identify event" in fail(
        store, path
    )


def test_text_over_the_limit_gives_length_and_limit(store, write_lines):
    path = write_lines([message(0, text="x" * (MAX_TEXT_CHARS + 1))])
    text = fail(store, path)
    assert f"{path}:1: field 'text'" in text
    assert f"is {MAX_TEXT_CHARS + 1:,} characters long, over the limit of {MAX_TEXT_CHARS:,}" in (
        text
    )
    assert "Split the text into several events" in text


def test_invalid_utf8_names_the_byte_and_the_fix(store, write_lines):
    good = json.dumps(message(0)).encode()
    bad = good.replace(b"message number", b"caf\xe9 number")
    path = write_lines([good, bad])
    offset = bad.index(b"\xe9")
    assert fail(store, path) == (
        f"{path}:2: is not valid UTF-8 (byte b'\\xe9' at byte offset {offset}). "
        "Re-encode the file as UTF-8, e.g. iconv -f latin1 -t utf-8 IN > OUT"
    )


def test_empty_file_is_an_error(store, tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n")
    assert fail(store, path) == (
        f"{path}: is empty: no records to ingest. Check that the export finished writing, "
        "or that you passed the right file"
    )


def test_missing_file_is_an_error(store, tmp_path):
    path = tmp_path / "nope.jsonl"
    assert (
        fail(store, path)
        == f"{path}: no such file. Check the path, or pass - to read standard input"
    )


def test_unknown_field_points_to_attrs(store, write_lines):
    path = write_lines([message(0, sesion="typo")])
    assert fail(store, path) == (
        f"{path}:1: field 'sesion' is not a field of the event envelope. Put extra data under "
        "attrs, or check the spelling against docs/events.md"
    )


def test_non_string_session_id(store, write_lines):
    path = write_lines([message(0, session_id=12)])
    assert fail(store, path) == (
        f"{path}:1: field 'session_id' 12 is not a string. Write it as a JSON string"
    )


def test_unknown_format_lists_available_ones(store, write_lines):
    path = write_lines([message(0)])
    with pytest.raises(InvalidOption, match=r"Available formats: .*native"):
        ingest(store, path, format="xml")


def test_fail_mode_stores_nothing_of_the_failing_batch(store, write_lines):
    path = write_lines([message(n) for n in range(5)] + ["not json"] + [message(9)])
    with pytest.raises(InvalidEvent) as caught:
        ingest(store, path, batch_size=3)
    # lines 1-3 formed a committed batch; lines 4-5 shared the failing batch and are not stored
    assert caught.value.stored_before == 3
    assert len(stored_ids(store)) == 3


def test_fail_then_fix_then_rerun_stores_everything_once(store, write_lines):
    records = [message(n) for n in range(5)]
    bad = write_lines([*records[:3], "not json", *records[3:]])
    with pytest.raises(InvalidEvent):
        ingest(store, bad, batch_size=2)
    fixed = write_lines(records, name="fixed.jsonl")
    report = ingest(store, fixed, batch_size=2)
    assert report.stored == 3 and report.duplicates == 2
    assert len(stored_ids(store)) == 5


def test_skip_mode_stores_good_lines_and_reports_each_bad_one(store, write_lines, tmp_path):
    path = write_lines(
        [message(0), "not json", message(1, ts="2026-03-01T10:00:01"), message(2), "[]"]
    )
    report_path = tmp_path / "rejected.jsonl"
    report = ingest(store, path, on_error="skip", report_path=report_path)
    assert (report.read, report.stored, report.rejected) == (5, 2, 3)
    assert report.report_path == str(report_path)
    rejected = [json.loads(line) for line in report_path.read_text().splitlines()]
    assert [r["where"] for r in rejected] == [f"{path}:2", f"{path}:3", f"{path}:5"]
    assert rejected[0]["raw"] == "not json"
    assert rejected[1]["field"] == "ts"
    assert "has no timezone" in rejected[1]["error"]


def test_skip_mode_keeps_invalid_utf8_bytes_visible_in_the_report(store, write_lines, tmp_path):
    path = write_lines([message(0), b'{"text": "caf\xe9"}'])
    report = ingest(store, path, on_error="skip", report_path=tmp_path / "r.jsonl")
    rejected = json.loads((tmp_path / "r.jsonl").read_text())
    assert report.rejected == 1
    assert rejected["raw"] == '{"text": "caf\\xe9"}'


def test_skip_mode_with_no_bad_lines_writes_no_report(store, write_lines, tmp_path):
    path = write_lines([message(0)])
    report = ingest(store, path, on_error="skip", report_path=tmp_path / "r.jsonl")
    assert report.report_path is None
    assert not (tmp_path / "r.jsonl").exists()
