"""The ``openai`` format: chat transcripts, one conversation object per JSON line.

Each message of a conversation becomes one ``message`` event whose session is the conversation.
A message without a time of its own is timed by the conversation, one second per position, and
marked ``attrs["ts_invented"]``: the order is real, the seconds are not.
A problem with the conversation as a whole (no id, no messages, no one to attribute user messages
to) rejects the line once; a problem with one message rejects that message only. docs/formats.md
has the field mapping.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from persona6.errors import InvalidEvent
from persona6.ingest.base import (
    TOO_DEEP_HINT,
    TOO_DEEP_PROBLEM,
    Line,
    RawRecord,
    ReaderOptions,
    decode_line,
    identifier,
    json_kind,
    raw_text,
    register,
    time_value,
)
from persona6.types import TS_INVENTED, FieldProblem, in_utc_range

#: OpenAI role -> envelope role. ``developer`` is the newer name for the system prompt.
ROLES = {
    "user": "user",
    "assistant": "assistant",
    "system": "system",
    "tool": "tool",
    "developer": "system",
    "function": "tool",
}

#: Content part types whose ``text`` is kept; any other part (images, audio, refusals) is skipped.
TEXT_PARTS = frozenset({"text", "input_text", "output_text"})

_CREATED_KEYS = ("created", "created_at", "create_time")
_MESSAGE_TIME_KEYS = ("timestamp", "created_at", "create_time")


@dataclass(frozen=True, slots=True)
class _Conversation:
    session_id: str
    user_id: str | None
    anonymous_id: str | None
    created: datetime | None
    metadata: dict[str, Any] | None
    messages: list[Any]


@register("openai")
def read_openai(lines: Iterable[Line], source: str, options: ReaderOptions) -> Iterator[RawRecord]:
    for line in lines:
        where = f"{source}:{line.number}"
        text, error = decode_line(line, source)
        if error is not None:
            yield RawRecord(where, raw_text(line.data), error=error)
            continue
        assert text is not None
        try:
            conversation = _read_conversation(text, where)
        except InvalidEvent as exc:
            yield RawRecord(where, text, error=exc)
            continue
        for index, message in enumerate(conversation.messages):
            try:
                fields = _message_fields(conversation, index, message, where)
            except InvalidEvent as exc:
                yield RawRecord(where, text, error=exc)
                continue
            if fields is not None:
                yield RawRecord(where, text, fields=fields)


def _read_conversation(text: str, where: str) -> _Conversation:
    try:
        obj = json.loads(text)
    except RecursionError:
        raise InvalidEvent(where, "(line)", TOO_DEEP_PROBLEM, TOO_DEEP_HINT) from None
    except ValueError as exc:
        raise InvalidEvent(
            where,
            "(line)",
            f"is not valid JSON ({exc})",
            'Each line must be one conversation object: {"id": ..., "messages": [...]}',
        ) from None
    if not isinstance(obj, dict):
        raise InvalidEvent(
            where,
            "(line)",
            f"is a JSON {json_kind(obj)}, not an object",
            'Each line must be one conversation object: {"id": ..., "messages": [...]}',
        )
    id_key = "id" if "id" in obj else "conversation_id"
    session_id = identifier(obj, id_key, where)
    if session_id is None:
        raise InvalidEvent(
            where,
            "id",
            "is missing: every conversation needs an id, which becomes its session_id",
            'Add "id" (or "conversation_id") to each conversation object',
        )
    messages = obj.get("messages")
    if messages is None:
        raise InvalidEvent(
            where,
            "messages",
            "is missing: a conversation without messages has nothing to ingest",
            'Give the messages as "messages": [{"role": "user", "content": "..."}, ...]',
        )
    if not isinstance(messages, list):
        raise InvalidEvent(
            where,
            "messages",
            "is not a list",
            'Give the messages as "messages": [{"role": "user", "content": "..."}, ...]',
            messages,
        )
    if not messages:
        raise InvalidEvent(
            where,
            "messages",
            "is empty: a conversation without messages has nothing to ingest",
            "Drop the conversation, or export it with its messages",
        )
    user_id = identifier(obj, "user" if "user" in obj else "user_id", where)
    anonymous_id = identifier(obj, "anonymous_id", where)
    if user_id is None and anonymous_id is None and _has_user_message(messages):
        raise InvalidEvent(
            where,
            "user",
            "is missing: the conversation has user messages but does not say whose",
            'Add "user" (a known person\'s id) or "anonymous_id" (an unknown actor) '
            "to the conversation object",
        )
    created = None
    for key in _CREATED_KEYS:
        if obj.get(key) is not None:
            created = time_value(obj[key], where, key)
            break
    metadata = obj.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise InvalidEvent(
            where,
            "metadata",
            "is not a JSON object",
            'Write it as {"key": value}, or drop it',
            metadata,
        )
    return _Conversation(session_id, user_id, anonymous_id, created, metadata or None, messages)


def _message_fields(
    conversation: _Conversation, index: int, message: Any, where: str
) -> dict[str, Any] | None:
    """The envelope fields of one message, or ``None`` for a message with no text to keep."""
    at = f"messages[{index}]"
    if not isinstance(message, dict):
        raise InvalidEvent(
            where,
            at,
            f"is a JSON {json_kind(message)}, not an object",
            'Write each message as {"role": "user", "content": "..."}',
        )
    role = message.get("role")
    if role is None:
        raise InvalidEvent(where, f"{at}.role", "is missing", f"Give one of: {', '.join(ROLES)}")
    if role not in ROLES:
        raise InvalidEvent(
            where, f"{at}.role", "is not a known role", f"Use one of: {', '.join(ROLES)}", role
        )
    text, skipped = _content_text(message.get("content"), where, at)
    if not text.strip():
        return None
    ts, invented = _message_time(conversation, index, message, where, at)
    fields: dict[str, Any] = {
        "event_id": identifier(message, "id", where, at) or f"{conversation.session_id}:{index}",
        # A datetime, not text: the envelope keeps the offset it is written in (utc_offset).
        "ts": ts,
        "session_id": conversation.session_id,
        "type": "message",
        "role": ROLES[role],
        "text": text,
    }
    if ROLES[role] == "user":
        # Only people act: assistant, system and tool messages carry no actor.
        if conversation.user_id is not None:
            fields["user_id"] = conversation.user_id
        else:
            fields["anonymous_id"] = conversation.anonymous_id
    name = message.get("name")
    if isinstance(name, str) and name:
        fields["name"] = name
    attrs: dict[str, Any] = {}
    if invented:
        attrs[TS_INVENTED] = True
    if skipped:
        attrs["skipped_parts"] = skipped
    if conversation.metadata:
        attrs["conversation"] = conversation.metadata
    if attrs:
        fields["attrs"] = attrs
    return fields


def _content_text(content: Any, where: str, at: str) -> tuple[str, int]:
    """The message's text and how many non-text parts were left out."""
    if content is None:
        return "", 0
    if isinstance(content, str):
        return content, 0
    if not isinstance(content, list):
        raise InvalidEvent(
            where,
            f"{at}.content",
            "is neither a string nor a list of parts",
            'Write it as "text", or as [{"type": "text", "text": "..."}]',
            content,
        )
    texts: list[str] = []
    skipped = 0
    for part in content:
        if isinstance(part, str):
            texts.append(part)
        elif (
            isinstance(part, dict)
            and part.get("type") in TEXT_PARTS
            and isinstance(part.get("text"), str)
        ):
            texts.append(part["text"])
        else:
            skipped += 1
    return "\n".join(text for text in texts if text), skipped


def _message_time(
    conversation: _Conversation, index: int, message: dict[str, Any], where: str, at: str
) -> tuple[datetime, bool]:
    """The message's time, and whether it was made up here (from the conversation's)."""
    for key in _MESSAGE_TIME_KEYS:
        if message.get(key) is not None:
            return time_value(message[key], where, f"{at}.{key}"), False
    if conversation.created is None:
        raise InvalidEvent(
            where,
            "created_at",
            f"is missing, and {at} has no timestamp of its own, so its time is unknown",
            'Add "created_at" (unix seconds or ISO-8601, e.g. 2024-05-01T12:30:00Z) to the '
            'conversation, or a "timestamp" to each message',
        )
    # One second per position keeps the messages in order when only the conversation is dated;
    # those seconds are not when anything was said, so the event says its time is invented.
    try:
        return in_utc_range(conversation.created + timedelta(seconds=index)), True
    except (OverflowError, FieldProblem):
        raise InvalidEvent(
            where,
            "created_at",
            f"is so close to the end of year 9999 that {at} (one second per message after "
            "it) is out of range",
            "Give the conversation a real created_at, or each message a timestamp",
            conversation.created.isoformat(),
        ) from None


def _has_user_message(messages: list[Any]) -> bool:
    return any(isinstance(m, dict) and m.get("role") == "user" for m in messages)
