"""The csv reader: a header line, then one event per row, mapped by column name."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest

from persona6.errors import InvalidEvent
from persona6.ingest.base import Line, RawRecord, ReaderOptions, choose_format
from persona6.ingest.csv import read_csv, sniff_delimiter
from persona6.ingest.pipeline import event_from_record, ingest
from persona6.store import EventQuery, Store
from persona6.types import Event, StoredEvent

DATA = Path(__file__).parent.parent / "data"

HEADER = "ts,session_id,type,role,user_id,text"
ROW = "2024-05-01T12:00:00Z,s1,message,user,u1,hello"


def stored(store: Store) -> list[StoredEvent]:
    return list(store.iter_events(EventQuery(tenant="default")))


def records(
    *lines: str | bytes, source: str = "events.csv", column_map: Mapping[str, str] | None = None
) -> list[RawRecord]:
    numbered = [
        Line(n, line if isinstance(line, bytes) else line.encode())
        for n, line in enumerate(lines, start=1)
    ]
    return list(read_csv(numbered, source, ReaderOptions(column_map=column_map or {})))


def events(*lines: str, source: str = "events.csv", **options: Mapping[str, str]) -> list[Event]:
    return [event_from_record(r) for r in records(*lines, source=source, **options)]


def error_of(*lines: str | bytes, column_map: Mapping[str, str] | None = None) -> str:
    errors = [r.error for r in records(*lines, column_map=column_map) if r.error is not None]
    assert len(errors) == 1, errors
    return str(errors[0])


# --- mapping -------------------------------------------------------------------------------


def test_the_fixture_is_stored_through_a_column_map(store):
    column_map = {
        "ts": "when",
        "session_id": "conversation",
        "type": "kind",
        "role": "speaker",
        "user_id": "customer",
        "text": "body",
    }

    report = ingest(store, DATA / "support_chats.csv", column_map=column_map)

    assert (report.format, report.stored) == ("csv", 2)
    got = [(e.session_id, e.role.value, e.user_id, e.text, e.attrs) for e in stored(store)]
    assert got == [
        ("t-1", "user", "c-17", "My invoice is wrong, twice now", {"channel": "email"}),
        ("t-1", "assistant", None, "Sorry! Fixing it now.", {}),
    ]


@pytest.mark.parametrize("name", ["events.csv", "events.TSV"])
def test_format_is_detected_from_the_file_extension(name):
    assert choose_format(None, name, b"anything") == "csv"


def test_columns_named_like_envelope_fields_map_to_themselves():
    (event,) = events(HEADER, ROW)

    assert (event.ts.isoformat(), event.session_id, event.type.value) == (
        "2024-05-01T12:00:00+00:00",
        "s1",
        "message",
    )
    assert (event.role.value, event.user_id, event.text) == ("user", "u1", "hello")


def test_other_columns_go_into_attrs_and_empty_cells_are_left_out():
    lines = (HEADER + ",plan,locale", ROW + ",pro,", ROW + ",,")

    assert [e.attrs for e in events(*lines)] == [{"plan": "pro"}, {}]


def test_an_empty_cell_of_an_envelope_field_means_absent():
    (event,) = events(
        "ts,session_id,type,anonymous_id,user_id,text", "2024-05-01T12:00:00Z,s1,message,a1,,hi"
    )

    assert (event.user_id, event.anonymous_id) == (None, "a1")


def test_a_mapped_field_takes_its_column_and_unmapped_fields_still_match_by_name():
    lines = ("timestamp,session_id,type,user_id,text", "2024-05-01T12:00:00Z,s1,message,u1,hi")

    (event,) = events(*lines, column_map={"ts": "timestamp"})

    assert (event.ts.isoformat(), event.session_id, event.attrs) == (
        "2024-05-01T12:00:00+00:00",
        "s1",
        {},
    )


def test_a_column_claimed_by_the_map_is_not_also_read_by_its_own_name():
    lines = ("ts,session_id,kind,type,user_id", "2024-05-01T12:00:00Z,s1,action,button,u1")

    (event,) = events(*lines, column_map={"type": "kind", "name": "type"})

    assert (event.type.value, event.name) == ("action", "button")


def test_an_attrs_column_holding_json_is_merged_with_the_other_columns():
    lines = (HEADER + ",attrs,plan", ROW + ',"{""latency_ms"": 12}",pro')

    (event,) = events(*lines)

    assert event.attrs == {"plan": "pro", "latency_ms": 12}


def test_a_time_written_with_an_offset_keeps_it_in_attrs():
    (event,) = events(HEADER, "2025-04-14T10:00:00+05:30,s1,message,user,u1,Good morning")

    assert (event.ts.isoformat(), event.attrs) == (
        "2025-04-14T04:30:00+00:00",
        {"utc_offset": "+05:30"},
    )


def test_a_utc_offset_column_gives_utc_times_their_offset():
    (event,) = events(HEADER + ",utc_offset", ROW + ",-04:00")

    assert event.attrs == {"utc_offset": "-04:00"}


def test_a_utc_offset_column_that_is_not_an_offset_is_rejected():
    (record,) = records(HEADER + ",utc_offset", ROW + ",IST")

    with pytest.raises(InvalidEvent) as caught:
        event_from_record(record)

    assert str(caught.value) == (
        "events.csv:2: field 'attrs.utc_offset' 'IST' is not a UTC offset. Write it as +HH:MM "
        'or -HH:MM, e.g. "+05:30", or drop it'
    )


def test_quoted_cells_may_hold_the_delimiter_and_quotes():
    (event,) = events(HEADER, '2024-05-01T12:00:00Z,s1,message,user,u1,"Well, ""maybe"""')

    assert event.text == 'Well, "maybe"'


def test_a_tsv_file_is_split_on_tabs(store, tmp_path):
    path = tmp_path / "events.tsv"
    path.write_text(HEADER.replace(",", "\t") + "\n" + ROW.replace(",", "\t") + "\n")

    ingest(store, path)

    assert [e.text for e in stored(store)] == ["hello"]


@pytest.mark.parametrize(
    ("source", "header", "delimiter"),
    [
        ("events.tsv", "ts,session_id", "\t"),
        ("-", "ts\tsession_id\ttype", "\t"),
        ("events.csv", "ts;session_id;type", ";"),
        ("events.csv", "ts|session_id|type", "|"),
        ("events.csv", "ts,session_id,type", ","),
        ("events.csv", "single", ","),
    ],
)
def test_the_delimiter_is_sniffed_from_the_header_unless_the_file_is_tsv(source, header, delimiter):
    assert sniff_delimiter(source, header) == delimiter


def test_a_byte_order_mark_before_the_header_is_ignored():
    (event,) = events("\ufeff" + HEADER, ROW)

    assert event.ts.isoformat() == "2024-05-01T12:00:00+00:00"


def test_a_header_cell_left_empty_becomes_a_numbered_attr():
    (event,) = events("," + HEADER, "7," + ROW)

    assert event.attrs == {"column_1": "7"}


def test_ingesting_the_same_rows_twice_stores_nothing_new(store, tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(f"{HEADER}\n{ROW}\n{ROW.replace('hello', 'bye')}\n")
    ingest(store, path)

    again = ingest(store, path)

    assert (again.stored, again.duplicates) == (0, 2)


def test_a_row_with_the_wrong_number_of_cells_is_skipped_and_the_rest_kept(store, tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(f"{HEADER}\n{ROW}\n{ROW},extra\n{ROW.replace('hello', 'bye')}\n")

    report = ingest(store, path, on_error="skip", report_path=tmp_path / "rejected.jsonl")

    assert (report.stored, report.rejected) == (2, 1)
    (rejected,) = (tmp_path / "rejected.jsonl").read_text().splitlines()
    assert json.loads(rejected)["where"] == f"{path}:3"


# --- bad input -----------------------------------------------------------------------------


def test_a_row_with_the_wrong_number_of_cells_names_the_header(store, tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(f"{HEADER}\n{ROW}\n2024-05-01T12:00:00Z,s1,message,user,u1,hello, world\n")

    with pytest.raises(InvalidEvent) as caught:
        ingest(store, path)

    assert str(caught.value) == (
        f"{path}:3: has 7 cells but the header has 6 (ts, session_id, type, role, user_id, "
        'text). Quote cells that contain the delimiter, e.g. "a, b", and give every row a '
        "cell for every column (empty if absent)"
    )


def test_a_map_naming_a_missing_column_stops_at_the_header_listing_the_columns():
    found = records(HEADER, ROW, ROW, column_map={"ts": "timestamp"})

    assert len(found) == 1
    assert str(found[0].error) == (
        "events.csv:1: field 'ts' is mapped to the column 'timestamp', which the header does "
        "not have. The columns are: ts, session_id, type, role, user_id, text. "
        "Fix --map ts=<one of them>"
    )


def test_a_map_naming_something_that_is_not_an_envelope_field_is_rejected():
    assert error_of(HEADER, ROW, column_map={"when": "ts"}) == (
        "events.csv:1: field 'when' is mapped to a column but is not a field of the event "
        "envelope. Map only envelope fields: event_id, ts, session_id, user_id, anonymous_id, "
        "tenant, type, role, name, text, attrs; other columns go into attrs by themselves"
    )


def test_a_header_without_required_columns_suggests_a_map(store, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("Timestamp,conversation_id,kind,body\n2024-05-01T12:00:00Z,s1,message,hi\n")

    with pytest.raises(InvalidEvent) as caught:
        ingest(store, path)

    assert str(caught.value) == (
        f"{path}:1: has no column for ts, session_id, type (the columns are: Timestamp, "
        "conversation_id, kind, body). Name the columns after the envelope fields, or map "
        "yours: --map ts=Timestamp,session_id=conversation_id,type=kind (a chat export needs "
        "no type: with a text column every row is a message)"
    )


def test_a_chat_export_without_a_type_column_is_read_as_messages(store, tmp_path):
    path = tmp_path / "chat.csv"
    path.write_text(
        "ts,session_id,role,user_id,text\n"
        "2024-05-01T12:00:00Z,t-1,user,c-17,My invoice is wrong\n"
        "2024-05-01T12:05:00Z,t-1,assistant,,Sorry! Fixing it now.\n"
    )
    assert ingest(store, path).stored == 2
    assert [e.type.value for e in stored(store)] == ["message", "message"]


def test_a_header_without_a_recognisable_column_suggests_a_placeholder():
    assert error_of("ts,session_id,what", ROW) == (
        "events.csv:1: has no column for type (the columns are: ts, session_id, what). Name "
        "the columns after the envelope fields, or map yours: --map type=COLUMN (a chat export "
        "needs no type: with a text column every row is a message)"
    )


def test_a_header_naming_a_column_twice_is_rejected():
    assert error_of(HEADER + ",text", ROW + ",again") == (
        "events.csv:1: names the column 'text' twice. Give every column its own name in the header"
    )


def test_an_empty_time_cell_names_its_column():
    lines = ("when,session_id,type,user_id", ",s1,action,u1")

    assert error_of(*lines, column_map={"ts": "when"}) == (
        "events.csv:2: field 'when' is empty, but it holds the event's ts, which every row "
        "needs. Fill in the time as ISO-8601 with a timezone, e.g. 2024-05-01T12:30:00Z"
    )


def test_a_cell_with_an_unclosed_quote_says_multi_line_cells_are_unsupported():
    assert error_of(HEADER, '2024-05-01T12:00:00Z,s1,message,user,u1,"first line') == (
        "events.csv:2: has a quote that is never closed. Cells that span several lines are not "
        "supported: replace the line breaks inside cells (e.g. with a space) and export again"
    )


def test_an_attrs_cell_that_is_not_a_json_object_is_rejected():
    assert error_of(HEADER + ",attrs", ROW + ",plan=pro") == (
        "events.csv:2: field 'attrs' 'plan=pro' holds attrs but is not a JSON object. Write it "
        'as {"key": "value"} (doubling the quotes inside a quoted cell), or leave attrs '
        "unmapped: unmapped columns become attrs by themselves"
    )


def test_a_header_that_is_not_utf8_stops_the_file():
    found = records(b"ts,session_id,type,caf\xe9", ROW)

    assert len(found) == 1
    assert str(found[0].error).startswith("events.csv:1: is not valid UTF-8 (byte b'\\xe9'")
