"""Every bad-input path of the native reader: the message says where, what and what to do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import message

from persona6.errors import InvalidEvent, InvalidInput, InvalidOption
from persona6.ingest.pipeline import event_row, ingest
from persona6.store import EventQuery
from persona6.types import MAX_TEXT_CHARS, Event


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


def test_a_ts_invented_attr_that_is_not_a_flag_says_to_write_true(store, write_lines):
    path = write_lines([message(0, attrs={"ts_invented": "yes"})])
    assert fail(store, path) == (
        f"{path}:1: field 'attrs.ts_invented' 'yes' is not true or false. Write true when the "
        "time was made up rather than recorded (it then orders the event but is measured for "
        "nothing), or drop it"
    )


def test_a_ts_invented_flag_given_by_the_input_is_stored(store, write_lines):
    ingest(store, write_lines([message(0, attrs={"ts_invented": True})]))
    (event,) = store.iter_events(EventQuery(tenant="default"))
    assert (event.attrs, event.ts_invented) == ({"ts_invented": True}, True)


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
        "Use one of: user, assistant, system, tool. A human support agent's message is role "
        "assistant, as the AI's is (it is about no user and never becomes a claim about one); "
        "tell them apart with an attr, e.g. attrs.author = human_agent"
    )


def test_user_message_without_actor_is_rejected(store, write_lines):
    path = write_lines([message(0, user_id=None)])
    assert fail(store, path) == (
        f"{path}:1: fields 'user_id' and 'anonymous_id' are both missing: a user message needs "
        "an actor. Give user_id (a known person) or anonymous_id (an unknown actor)"
    )


def test_assistant_message_with_actor_is_rejected(store, write_lines):
    path = write_lines([message(0, role="assistant")])
    assert fail(store, path) == (
        f"{path}:1: fields 'user_id' and 'anonymous_id' are set on an assistant message, which "
        "has no actor. Only people act: drop user_id and anonymous_id from assistant, system "
        "and tool messages, or set role to user"
    )


def test_action_needs_a_name(store, write_lines):
    path = write_lines([message(0, type="action")])
    assert fail(store, path) == (
        f"{path}:1: field 'name' is missing: an action event needs a name. Say what happened, "
        "e.g. command, submit, retry, error, timeout, success"
    )


def test_identify_needs_both_ids(store, write_lines):
    path = write_lines([message(0, type="identify", text=None)])
    assert "fields 'user_id' and 'anonymous_id' must both be given on an identify event" in fail(
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


def test_a_misspelt_required_field_is_named_as_the_typo(store, write_lines):
    """docs/events.md: an unknown field catches typos such as "sesion_id"; the message names the
    typo and the field it stands for, not only the missing field."""
    path = write_lines([message(0, session_id=None, sesion_id="s-1")])
    assert fail(store, path) == (
        f"{path}:1: field 'sesion_id' is not a field of the event envelope, and 'session_id' "
        "is missing. Did you mean 'session_id'? Rename 'sesion_id' to 'session_id' (fields: "
        "docs/events.md)"
    )
    assert stored_ids(store) == []


def test_a_missing_field_beside_an_unrelated_unknown_one_says_it_is_missing(store, write_lines):
    path = write_lines([message(0, session_id=None, colour="red")])
    assert fail(store, path).startswith(f"{path}:1: field 'session_id' is missing.")


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


# -- inputs found by probing (docs/events.md "Errors", docs/formats.md) ------------------------


@pytest.mark.parametrize(
    "ts", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-05:00"], ids=["year-0", "year-10000"]
)
def test_a_time_with_no_utc_form_is_out_of_range_with_the_fix(store, write_lines, ts):
    text = fail(store, write_lines([message(0), message(1, ts=ts)]))
    assert f":2: field 'ts' {ts!r} is out of range: in UTC it falls before 0001-01-01" in text
    assert "Give a time between the years 1 and 9999 in UTC" in text


def test_skip_mode_keeps_the_good_records_around_an_out_of_range_time(store, write_lines, tmp_path):
    records = [message(n) for n in range(3)]
    records.insert(1, message(9, ts="0001-01-01T00:00:00+01:00"))
    report = ingest(store, write_lines(records), on_error="skip", report_path=tmp_path / "r.jsonl")
    assert (report.stored, report.rejected) == (3, 1)
    rejected = json.loads((tmp_path / "r.jsonl").read_text())
    assert rejected["where"].endswith(":2") and "is out of range" in rejected["error"]


def test_a_utf8_byte_order_mark_before_the_first_record_is_ignored(store, write_lines):
    path = write_lines([b"\xef\xbb\xbf" + json.dumps(message(0)).encode(), message(1)])
    assert ingest(store, path).stored == 2


def test_a_first_line_nested_too_deeply_is_reported_not_a_recursion_error(store, write_lines):
    text = fail(store, write_lines(['{"a": ' * 100_000 + "1" + "}" * 100_000]))
    assert text.endswith(
        ":1: is nested too deeply to read (hundreds of levels of brackets). Flatten the "
        "record: events and their attrs may nest a few levels, not hundreds"
    )


def test_a_json_array_file_says_it_is_not_json_lines_and_how_to_convert(store, tmp_path):
    path = tmp_path / "events.json"
    path.write_text(json.dumps([message(0), message(1)], indent=2))
    assert fail(store, path) == (
        f"{path}: is a JSON array, not JSON Lines (one record per line). Write one record "
        f"per line first: jq -c '.[]' {path} > events.jsonl"
    )
    assert stored_ids(store) == []


CHATGPT_CONVERSATION = {
    "title": "Dark mode",
    "create_time": 1714568400.5,
    "mapping": {
        "a": {"id": "a", "message": None, "parent": None, "children": ["b"]},
        "b": {
            "id": "b",
            "message": {
                "id": "b",
                "author": {"role": "user"},
                "create_time": 1714568400.5,
                "content": {"content_type": "text", "parts": ["How do I switch to dark mode?"]},
            },
            "parent": "a",
            "children": [],
        },
    },
    "conversation_id": "c-1",
}


def test_the_chatgpt_export_is_named_with_the_command_that_flattens_it(store, tmp_path):
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps([CHATGPT_CONVERSATION], indent=2))
    text = fail(store, path)
    assert text.startswith(
        f"{path}: is a ChatGPT data export (conversations.json: one JSON array of "
        'conversations, each a message tree under "mapping"), not one conversation per line. '
        "Flatten it to the openai format first: jq -c '.[] | {id: (.conversation_id // .id), "
    )
    assert text.endswith(f"' {path} > chats.jsonl && persona6 ingest chats.jsonl (docs/formats.md)")


def test_flattened_chatgpt_conversations_are_named_too(store, write_lines):
    path = write_lines([CHATGPT_CONVERSATION])
    for fmt in (None, "openai"):
        text = fail_as(store, path, fmt)
        assert text.startswith(
            f"{path}: holds conversations of the ChatGPT data export (a message tree under "
            '"mapping"), not conversations with "messages". Convert them to the openai format '
            "first: jq -c '{id: (.conversation_id // .id)"
        )


def test_the_flattening_command_in_the_message_gives_an_openai_file_that_ingests(store, tmp_path):
    import shutil
    import subprocess

    from persona6.ingest.base import CHATGPT_TO_OPENAI

    if shutil.which("jq") is None:
        pytest.skip("jq is not installed")
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps([CHATGPT_CONVERSATION]))
    flat = subprocess.run(
        ["jq", "-c", f".[] | {CHATGPT_TO_OPENAI}", str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    (tmp_path / "chats.jsonl").write_text(flat)
    report = ingest(store, tmp_path / "chats.jsonl")
    assert (report.format, report.stored) == ("openai", 1)


def fail_as(store, path: Path, fmt: str | None) -> str:
    with pytest.raises(InvalidInput) as caught:
        ingest(store, path, format=fmt)
    return str(caught.value)


def test_an_event_id_stored_with_other_content_is_counted_and_shown(store, write_lines):
    path = write_lines(
        [
            message(0, event_id="e-1"),
            message(0, event_id="e-1"),  # the same event again: a plain duplicate
            message(1, event_id="e-1", text="other text"),
        ]
    )
    report = ingest(store, path)
    assert (report.stored, report.duplicates, report.conflicts) == (1, 2, 1)
    assert report.first_conflict == (
        f"{path}:3: event_id 'e-1' is already stored (from {path}:1) with another ts"
    )
    again = ingest(store, path)
    assert (again.stored, again.conflicts) == (0, 1)


def test_an_event_id_stored_with_other_attrs_names_attrs(store, write_lines):
    path = write_lines(
        [
            message(0, event_id="e-1", attrs={"plan": "pro", "seats": 3}),
            message(0, event_id="e-1", attrs={"seats": 3, "plan": "pro"}),  # the same attrs
            message(0, event_id="e-1", attrs={"plan": "pro", "seats": 4}),
        ]
    )
    report = ingest(store, path)
    assert (report.stored, report.conflicts) == (1, 1)
    assert report.first_conflict == (
        f"{path}:3: event_id 'e-1' is already stored (from {path}:1) with another attrs"
    )


def test_an_event_stored_in_other_columns_but_with_the_same_content_is_no_conflict(
    store, write_lines
):
    """What another writer (or an older persona6) stored differently, without other content:
    attrs JSON spaced and ordered otherwise, no text where ingest writes an empty one."""
    stored = event_row(
        Event.model_validate(message(0, event_id="e-1", text=None, attrs={"b": 1, "a": [2]})),
        "default",
        None,
        "2026-03-02T00:00:00.000000Z",
    )
    with store.transaction():
        store.insert_events([(*stored[:11], '{"b": 1, "a": [2]}', *stored[12:])])
    path = write_lines(
        [
            message(0, event_id="e-1", text="", attrs={"a": [2], "b": 1}),
            message(0, event_id="e-1", text="", attrs={"a": [3], "b": 1}),
        ]
    )
    report = ingest(store, path)
    assert (report.stored, report.duplicates, report.conflicts) == (0, 2, 1)
    assert report.first_conflict == (
        f"{path}:2: event_id 'e-1' is already stored (from an earlier ingest) with another attrs"
    )


def test_a_duplicate_deleted_meanwhile_is_no_conflict(store, write_lines, monkeypatch):
    """Another process may forget an event between the insert that found its id taken and
    the check of its content: nothing is left to differ from, so no conflict (and no crash)."""
    path = write_lines([message(0, event_id="e-1", text="hello")])
    ingest(store, path)
    other = write_lines([message(0, event_id="e-1", text="other words")])
    monkeypatch.setattr(store, "event_contents", lambda tenant, ids: {})
    report = ingest(store, other)
    assert (report.stored, report.duplicates, report.conflicts) == (0, 1, 0)


def test_the_same_event_id_in_another_offset_is_no_conflict(store, write_lines):
    path = write_lines(
        [
            message(0, event_id="e-1", ts="2026-03-01T10:00:00Z"),
            message(0, event_id="e-1", ts="2026-03-01T12:00:00+02:00"),
        ]
    )
    assert ingest(store, path).conflicts == 0


def test_a_report_path_that_is_the_input_is_refused_before_anything_is_read(store, write_lines):
    path = write_lines([message(0), "not json"])
    before = path.read_bytes()
    with pytest.raises(InvalidOption) as caught:
        ingest(store, path, on_error="skip", report_path=path)
    assert str(caught.value) == (
        f"--report {path} is the input file; writing there would destroy it. Choose another path"
    )
    assert path.read_bytes() == before
    assert stored_ids(store) == []
