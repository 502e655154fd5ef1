"""The openai reader: chat transcripts, one conversation per JSON line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from persona6.errors import InvalidEvent
from persona6.ingest.base import Line, RawRecord, ReaderOptions, choose_format
from persona6.ingest.openai import read_openai
from persona6.ingest.pipeline import event_from_record, ingest, ingest_events
from persona6.store import EventQuery, Store
from persona6.types import Event, StoredEvent

DATA = Path(__file__).parent.parent / "data"


def stored(store: Store) -> list[StoredEvent]:
    return list(store.iter_events(EventQuery(tenant="default")))


def records(*lines: dict[str, Any] | str | bytes, source: str = "chats.jsonl") -> list[RawRecord]:
    numbered = [
        Line(
            n,
            line
            if isinstance(line, bytes)
            else (line if isinstance(line, str) else json.dumps(line)).encode(),
        )
        for n, line in enumerate(lines, start=1)
    ]
    return list(read_openai(numbered, source, ReaderOptions()))


def events(*conversations: dict[str, Any]) -> list[Event]:
    return [event_from_record(record) for record in records(*conversations)]


def error_of(*lines: dict[str, Any] | str | bytes) -> str:
    """The message of the one error the lines produce."""
    errors = [record.error for record in records(*lines) if record.error is not None]
    assert len(errors) == 1, errors
    return str(errors[0])


def conversation(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "c1",
        "user": "u1",
        "created_at": "2024-05-01T12:00:00Z",
        "messages": [
            {"role": "user", "content": "hi"},
            {"role": "assistant", "content": "hello"},
        ],
    }
    base.update(overrides)
    return {key: value for key, value in base.items() if value is not None}


def write(tmp_path: Path, *lines: dict[str, Any], name: str = "chats.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


# --- mapping -------------------------------------------------------------------------------


def test_every_message_of_the_fixture_is_stored_in_its_conversation_session(store):
    report = ingest(store, DATA / "openai_chats.jsonl", format="openai")

    assert (report.read, report.stored, report.rejected) == (5, 5, 0)
    got = [(e.session_id, e.role.value, e.user_id, e.anonymous_id, e.text) for e in stored(store)]
    assert got == [
        ("conv-1", "system", None, None, "Answer briefly."),
        ("conv-1", "user", "u-ada", None, "How do I switch to dark mode?"),
        ("conv-1", "assistant", None, None, "Settings, then Appearance."),
        ("conv-2", "user", None, "anon-7", "What is in this picture?"),
        ("conv-2", "assistant", None, None, "A cat."),
    ]


def test_format_is_detected_from_the_messages_key(store, tmp_path):
    path = write(tmp_path, conversation(), name="export.jsonl")

    assert choose_format(None, str(path), path.read_bytes().splitlines()[0]) == "openai"
    assert ingest(store, path).format == "openai"


def test_user_messages_carry_the_user_and_other_roles_no_actor():
    user, assistant = events(conversation())

    assert (user.role.value, user.user_id, user.anonymous_id) == ("user", "u1", None)
    assert (assistant.role.value, assistant.actor) == ("assistant", None)


def test_user_id_key_is_read_like_user():
    (user, _) = events(conversation(user=None, user_id="u9"))

    assert user.user_id == "u9"


def test_anonymous_id_is_the_actor_when_no_user_is_named():
    (user, _) = events(conversation(user=None, anonymous_id="anon-3"))

    assert (user.user_id, user.anonymous_id) == (None, "anon-3")


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("user", "user"),
        ("assistant", "assistant"),
        ("system", "system"),
        ("tool", "tool"),
        ("developer", "system"),
        ("function", "tool"),
    ],
)
def test_roles_map_to_envelope_roles(role, expected):
    (event,) = events(conversation(messages=[{"role": role, "content": "x"}]))

    assert event.role.value == expected


def test_message_name_becomes_the_event_name():
    message = {"role": "function", "name": "get_weather", "content": "sunny"}
    (event,) = events(conversation(messages=[message]))

    assert event.name == "get_weather"


def test_text_parts_are_joined_and_other_parts_counted_as_skipped():
    content = [
        {"type": "text", "text": "look"},
        {"type": "image_url", "image_url": {"url": "https://example.com/a.png"}},
        {"type": "input_text", "text": "at this"},
        {"type": "input_audio", "input_audio": {}},
    ]
    (event,) = events(conversation(messages=[{"role": "user", "content": content}]))

    assert event.text == "look\nat this"
    assert event.attrs == {"skipped_parts": 2, "ts_invented": True}


@pytest.mark.parametrize("content", ["", "   ", None, [], [{"type": "image_url"}]])
def test_messages_without_text_are_skipped(content):
    messages = [{"role": "assistant", "content": content}, {"role": "user", "content": "hi"}]

    assert [e.text for e in events(conversation(messages=messages))] == ["hi"]


def test_messages_without_time_follow_the_conversation_time_one_second_apart():
    first, second = events(conversation(created_at=1714564800))

    assert first.ts.isoformat() == "2024-05-01T12:00:00+00:00"
    assert second.ts.isoformat() == "2024-05-01T12:00:01+00:00"


def test_a_time_made_up_from_the_conversation_is_marked_invented_and_a_given_one_is_not():
    messages = [
        {"role": "user", "content": "hi"},
        {"role": "assistant", "content": "hello", "timestamp": "2024-05-01T12:00:40Z"},
        {"role": "user", "content": "thanks"},
    ]

    got = [e.attrs.get("ts_invented") for e in events(conversation(messages=messages))]

    assert got == [True, None, True]


def test_an_invented_time_is_kept_when_stored(store, tmp_path):
    ingest(store, write(tmp_path, conversation()), format="openai")

    assert [e.ts_invented for e in stored(store)] == [True, True]


@pytest.mark.parametrize("key", ["created", "created_at", "create_time"])
def test_conversation_time_is_read_from_any_of_its_keys(key):
    chat = conversation(**{"created_at": None, key: "2024-05-01T14:00:00+02:00"})

    assert events(chat)[0].ts.isoformat() == "2024-05-01T12:00:00+00:00"


@pytest.mark.parametrize("key", ["timestamp", "created_at", "create_time"])
def test_a_message_time_of_its_own_wins(key):
    messages = [{"role": "user", "content": "hi", key: 1714568400}]

    assert events(conversation(messages=messages))[0].ts.isoformat() == "2024-05-01T13:00:00+00:00"


def test_a_message_keeps_the_offset_its_time_is_written_in():
    messages = [
        {"role": "user", "content": "Good morning", "timestamp": "2025-04-14T10:00:00+05:30"},
        {"role": "assistant", "content": "Hello", "timestamp": "2025-04-14T04:30:12Z"},
    ]

    first, second = events(conversation(messages=messages))

    assert (first.ts.isoformat(), first.attrs) == (
        "2025-04-14T04:30:00+00:00",
        {"utc_offset": "+05:30"},
    )
    assert second.attrs == {}


def test_messages_timed_by_the_conversation_keep_its_offset():
    chat = conversation(created_at="2025-03-06T13:20:00+05:30", metadata={"model": "m"})

    for event in events(chat):
        assert event.attrs == {
            "conversation": {"model": "m"},
            "ts_invented": True,
            "utc_offset": "+05:30",
        }


def test_unix_seconds_carry_no_offset():
    attrs = [e.attrs for e in events(conversation(created_at=1714564800))]

    assert attrs == [{"ts_invented": True}, {"ts_invented": True}]


def test_event_id_is_conversation_and_position_unless_the_message_has_an_id():
    messages = [
        {"role": "system", "content": ""},
        {"role": "user", "content": "hi"},
        {"role": "assistant", "content": "hello", "id": "msg-9"},
    ]

    assert [e.event_id for e in events(conversation(messages=messages))] == ["c1:1", "msg-9"]


def test_conversation_metadata_goes_into_each_message_attrs():
    chat = conversation(metadata={"model": "gpt-4o", "topic": "billing"})

    for event in events(chat):
        assert event.attrs == {
            "conversation": {"model": "gpt-4o", "topic": "billing"},
            "ts_invented": True,
        }


def test_transcripts_stored_before_invented_times_were_marked_are_the_same_events(store, tmp_path):
    # As the reader wrote them before: the same ids and times, no ts_invented.
    before = [
        {**message, "event_id": f"c1:{n}", "ts": f"2024-05-01T12:00:0{n}Z", "session_id": "c1"}
        for n, message in enumerate(
            [
                {"type": "message", "role": "user", "user_id": "u1", "text": "hi"},
                {"type": "message", "role": "assistant", "text": "hello"},
            ]
        )
    ]
    ingest_events(store, before)

    report = ingest(store, write(tmp_path, conversation()), format="openai")

    assert (report.stored, report.duplicates, report.conflicts) == (0, 2, 0)
    assert [e.attrs for e in stored(store)] == [{}, {}]  # kept as stored, as ingest always does


def test_ingesting_the_same_transcripts_twice_stores_nothing_new(store, tmp_path):
    path = write(tmp_path, conversation(), conversation(id="c2"))
    ingest(store, path, format="openai")

    again = ingest(store, path, format="openai")

    assert (again.stored, again.duplicates) == (0, 4)


def test_a_bad_message_is_skipped_and_the_rest_of_the_conversation_kept(store, tmp_path):
    messages = [
        {"role": "user", "content": "hi"},
        {"role": "narrator", "content": "meanwhile"},
        {"role": "assistant", "content": "hello"},
    ]
    path = write(tmp_path, conversation(messages=messages))

    report = ingest(store, path, format="openai", on_error="skip")

    assert (report.stored, report.rejected) == (2, 1)
    assert [e.text for e in stored(store)] == ["hi", "hello"]


# --- bad input -----------------------------------------------------------------------------


def test_a_conversation_without_id_is_rejected_with_the_fix(store, tmp_path):
    path = write(tmp_path, conversation(), conversation(id=None))

    with pytest.raises(InvalidEvent) as caught:
        ingest(store, path, format="openai")

    assert str(caught.value) == (
        f"{path}:2: field 'id' is missing: every conversation needs an id, which becomes its "
        'session_id. Add "id" (or "conversation_id") to each conversation object'
    )


def test_a_conversation_without_messages_is_rejected():
    assert error_of(conversation(messages=None)) == (
        "chats.jsonl:1: field 'messages' is missing: a conversation without messages has "
        'nothing to ingest. Give the messages as "messages": [{"role": "user", "content": '
        '"..."}, ...]'
    )


def test_a_conversation_with_an_empty_message_list_is_rejected():
    assert error_of(conversation(messages=[])) == (
        "chats.jsonl:1: field 'messages' is empty: a conversation without messages has nothing "
        "to ingest. Drop the conversation, or export it with its messages"
    )


def test_messages_that_are_not_a_list_are_rejected():
    assert error_of(conversation(messages={"role": "user"})).startswith(
        "chats.jsonl:1: field 'messages' {'role': 'user'} is not a list."
    )


def test_a_conversation_with_no_time_at_all_asks_for_created_at():
    assert error_of(
        conversation(created_at=None, messages=[{"role": "user", "content": "hi"}])
    ) == (
        "chats.jsonl:1: field 'created_at' is missing, and messages[0] has no timestamp of its "
        'own, so its time is unknown. Add "created_at" (unix seconds or ISO-8601, e.g. '
        '2024-05-01T12:30:00Z) to the conversation, or a "timestamp" to each message'
    )


def test_user_messages_without_anyone_to_attribute_them_to_are_rejected():
    assert error_of(conversation(user=None)) == (
        "chats.jsonl:1: field 'user' is missing: the conversation has user messages but does "
        'not say whose. Add "user" (a known person\'s id) or "anonymous_id" (an unknown actor) '
        "to the conversation object"
    )


def test_an_unknown_role_names_the_message_and_the_known_roles():
    messages = [{"role": "user", "content": "hi"}, {"role": "narrator", "content": "x"}]

    assert error_of(conversation(messages=messages)) == (
        "chats.jsonl:1: field 'messages[1].role' 'narrator' is not a known role. Use one of: "
        "user, assistant, system, tool, developer, function"
    )


def test_a_message_without_role_is_rejected():
    assert error_of(conversation(messages=[{"content": "hi"}])) == (
        "chats.jsonl:1: field 'messages[0].role' is missing. Give one of: user, assistant, "
        "system, tool, developer, function"
    )


def test_content_of_another_shape_is_rejected():
    messages = [{"role": "user", "content": {"text": "hi"}}]

    assert error_of(conversation(messages=messages)) == (
        "chats.jsonl:1: field 'messages[0].content' {'text': 'hi'} is neither a string nor a "
        'list of parts. Write it as "text", or as [{"type": "text", "text": "..."}]'
    )


def test_a_time_in_milliseconds_is_caught():
    assert error_of(conversation(created_at=1714564800000)) == (
        "chats.jsonl:1: field 'created_at' 1714564800000 looks like milliseconds, not seconds. "
        "Divide it by 1000, or write ISO-8601 text"
    )


def test_a_time_without_timezone_is_rejected():
    messages = [{"role": "user", "content": "hi", "timestamp": "2024-05-01T12:00:00"}]

    assert error_of(conversation(messages=messages)) == (
        "chats.jsonl:1: field 'messages[0].timestamp' '2024-05-01T12:00:00' has no timezone. "
        "Add one: a trailing Z for UTC (2024-05-01T12:30:00Z) or an offset (+02:00)"
    )


def test_a_line_that_is_not_json_is_rejected():
    assert error_of('{"id": "c1", "messages": [').startswith(
        "chats.jsonl:1: is not valid JSON (Expecting value: line 1 column 27 (char 26)). "
        'Each line must be one conversation object: {"id": ..., "messages": [...]}'
    )


def test_a_line_that_is_not_an_object_is_rejected():
    assert error_of("[1, 2]") == (
        "chats.jsonl:1: is a JSON array, not an object. Each line must be one conversation "
        'object: {"id": ..., "messages": [...]}'
    )


def test_a_line_that_is_not_utf8_is_rejected_at_its_line():
    assert error_of(json.dumps(conversation()), b'{"id": "caf\xe9"}').startswith(
        "chats.jsonl:2: is not valid UTF-8 (byte b'\\xe9' at byte offset 11)."
    )
