"""The ``segment`` format: Segment spec calls (track, identify, page, screen), one per JSON line.

``track`` becomes an ``action``, or an ``outcome`` when its event name says it failed or
succeeded; ``page`` and ``screen`` become actions named ``page`` and ``screen``; ``identify``
becomes an ``identify`` event. Calls without a session id are sessionised per actor: a new
session starts after 30 minutes without a call (see ``SessionClock``). docs/formats.md has the
field mapping.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
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
    raw_text,
    register,
    time_value,
)
from persona6.types import format_ts, known_zone

CALL_TYPES = ("track", "identify", "page", "screen")

#: A track event whose snake_case name contains one of these is an outcome, not an action.
FAILURE_WORDS = ("error", "fail", "timeout", "timedout", "exception", "crash")
SUCCESS_WORDS = ("success", "succeed", "completed")

#: Properties tried in order for an action's text; the one used is not repeated in attrs.
TEXT_PROPERTIES = ("text", "query", "command", "message")

_TIME_HINT = (
    'Add "timestamp" as ISO-8601 text with a timezone, e.g. 2024-05-01T12:30:00Z '
    "(Segment exports carry it on every call)"
)


class SessionClock:
    """Sessions for calls that name none: per actor, a new one after ``gap`` without a call.

    A session's id is ``"{actor}#{time of its first call}"``, so the same file always gives the
    same sessions. The actor is the ``anonymousId`` when there is one (it spans the visit across
    a login, as Segment's own sessionisation does), else the ``userId``. Calls are expected in
    time order per actor; one more than ``gap`` out of order starts a new session. An actor is
    forgotten once the input has moved ``forget_after`` past their last call, so memory follows
    the number of recently active actors, not the length of the input.
    """

    def __init__(
        self,
        gap: timedelta = timedelta(minutes=30),
        forget_after: timedelta = timedelta(days=1),
        prune_every: int = 50_000,
    ):
        self.gap = gap
        self.forget_after = forget_after
        self.prune_every = prune_every
        self._open: dict[str, tuple[datetime, str]] = {}
        self._latest: datetime | None = None
        self._calls = 0

    def session_of(self, actor: str, ts: datetime) -> str:
        current = self._open.get(actor)
        if current is None or abs(ts - current[0]) > self.gap:
            session_id = f"{actor}#{format_ts(ts)}"
            self._open[actor] = (ts, session_id)
        else:
            session_id = current[1]
            self._open[actor] = (max(ts, current[0]), session_id)
        if self._latest is None or ts > self._latest:
            self._latest = ts
        self._calls += 1
        if self._calls % self.prune_every == 0:
            horizon = self._latest - self.forget_after
            self._open = {a: state for a, state in self._open.items() if state[0] >= horizon}
        return session_id


def snake_case(name: str) -> str:
    """``"Command Run"`` and ``"commandRun"`` -> ``"command_run"``; letters of any script kept."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name.strip())
    spaced = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", spaced)
    return re.sub(r"[\W_]+", "_", spaced.lower()).strip("_")


def outcome_kind(name: str) -> str | None:
    """``"failure"`` or ``"success"`` when a snake_case event name says so, else ``None``."""
    squeezed = name.replace("_", "")  # "time_out" and "timeout" alike
    if any(word in squeezed for word in FAILURE_WORDS):
        return "failure"
    if any(word in squeezed for word in SUCCESS_WORDS):
        return "success"
    return None


@register("segment")
def read_segment(lines: Iterable[Line], source: str, options: ReaderOptions) -> Iterator[RawRecord]:
    clock = SessionClock()
    for line in lines:
        where = f"{source}:{line.number}"
        text, error = decode_line(line, source)
        if error is not None:
            yield RawRecord(where, raw_text(line.data), error=error)
            continue
        assert text is not None
        try:
            fields = _call_fields(text, where, clock)
        except InvalidEvent as exc:
            yield RawRecord(where, text, error=exc)
            continue
        yield RawRecord(where, text, fields=fields)


def _call_fields(text: str, where: str, clock: SessionClock) -> dict[str, Any]:
    try:
        call = json.loads(text)
    except RecursionError:
        raise InvalidEvent(where, "(line)", TOO_DEEP_PROBLEM, TOO_DEEP_HINT) from None
    except ValueError as exc:
        raise InvalidEvent(
            where,
            "(line)",
            f"is not valid JSON ({exc})",
            'Each line must be one Segment call: {"type": "track", "userId": ..., ...}',
        ) from None
    if not isinstance(call, dict):
        raise InvalidEvent(
            where,
            "(line)",
            "is not a JSON object",
            'Each line must be one Segment call: {"type": "track", "userId": ..., ...}',
        )
    kind = call.get("type")
    if kind not in CALL_TYPES:
        raise InvalidEvent(
            where,
            "type",
            "is missing" if kind is None else "is not a Segment call this reader knows",
            f"Use one of: {', '.join(CALL_TYPES)}; alias and group calls carry no event, "
            "so filter them out before ingesting",
            kind,
        )
    user_id = identifier(call, "userId", where)
    anonymous_id = identifier(call, "anonymousId", where)
    if kind == "identify" and (user_id is None or anonymous_id is None):
        given = "userId" if user_id else "anonymousId" if anonymous_id else None
        raise InvalidEvent(
            where,
            "userId/anonymousId",
            f"must both be given: this identify has only {given}"
            if given
            else "must both be given: this identify has neither",
            "An identify links an anonymousId to a userId; drop identify calls that only "
            "update traits",
        )
    if user_id is None and anonymous_id is None:
        raise InvalidEvent(
            where,
            "userId/anonymousId",
            "are both missing",
            "Every Segment call needs userId (a known person) or anonymousId (a visitor)",
        )
    ts = _timestamp(call, where)
    properties = dict(_object(call, "properties", where))
    context = _object(call, "context", where)
    ts = _local_timestamp(ts, context)

    # A datetime, not text: the envelope keeps the offset it is written in (utc_offset).
    fields: dict[str, Any] = {"ts": ts}
    message_id = identifier(call, "messageId", where)
    if message_id is not None:
        fields["event_id"] = message_id
    if user_id is not None:
        fields["user_id"] = user_id
    if anonymous_id is not None:
        fields["anonymous_id"] = anonymous_id

    session_id = identifier(context, "sessionId", where, "context")
    if session_id is None and "session_id" in properties:
        session_id = identifier(properties, "session_id", where, "properties")
        del properties["session_id"]
    if session_id is None:
        session_id = identifier(context, "session_id", where, "context")
    if session_id is None:
        actor = anonymous_id if anonymous_id is not None else user_id
        assert actor is not None
        session_id = clock.session_of(actor, ts)
    fields["session_id"] = session_id

    attrs = _context_attrs(context)
    if kind == "identify":
        fields["type"] = "identify"
        traits = call.get("traits")
        if isinstance(traits, dict) and traits:
            attrs["traits"] = traits
    elif kind == "track":
        event = call.get("event")
        if not isinstance(event, str) or not event.strip():
            raise InvalidEvent(
                where,
                "event",
                "is missing" if event is None else "is not a usable event name",
                'A track call names what happened: "event": "Command Run"',
                event,
            )
        name = snake_case(event)
        if not name:
            raise InvalidEvent(
                where,
                "event",
                "has no letters or digits to name the action by",
                'Name what happened in words, e.g. "Command Run"',
                event,
            )
        outcome = outcome_kind(name)
        fields["type"] = "outcome" if outcome else "action"
        fields["name"] = name
        fields["text"] = _pop_text(properties)
        attrs.update(properties)
        attrs["segment_event"] = event
        if outcome:
            attrs["outcome"] = outcome
    else:  # page, screen
        fields["type"] = "action"
        fields["name"] = kind
        url = properties.get("url")
        page_name = call.get("name")
        if isinstance(url, str) and url:
            fields["text"] = url
            del properties["url"]
            if isinstance(page_name, str) and page_name:
                attrs["segment_name"] = page_name
        elif isinstance(page_name, str) and page_name:
            fields["text"] = page_name
        attrs.update(properties)
    if attrs:
        fields["attrs"] = attrs
    return fields


def _timestamp(call: dict[str, Any], where: str) -> datetime:
    key = "timestamp" if call.get("timestamp") is not None else "originalTimestamp"
    value = call.get(key)
    if value is None:
        raise InvalidEvent(
            where, "timestamp", "is missing, so the call's time is unknown", _TIME_HINT
        )
    return time_value(value, where, key, _TIME_HINT)


def _local_timestamp(ts: datetime, context: dict[str, Any]) -> datetime:
    """The call's time on the person's clock: as written when it has an offset other than UTC,
    else in ``context.timezone`` when the timezone database knows that name. An unknown name
    is ignored (the call is kept, in UTC, and the name still goes to ``attrs.timezone``): a
    browser's zone name is no reason to lose an event."""
    zone_name = context.get("timezone")
    if ts.utcoffset() or not isinstance(zone_name, str) or not zone_name:
        return ts
    zone = known_zone(zone_name)
    return ts if zone is None else ts.astimezone(zone)


def _pop_text(properties: dict[str, Any]) -> str | None:
    for key in TEXT_PROPERTIES:
        value = properties.get(key)
        if isinstance(value, str) and value:
            del properties[key]
            return value
    return None


def _context_attrs(context: dict[str, Any]) -> dict[str, Any]:
    """Device type, locale and timezone; the rest of the context (IP, user agent, library) is
    transport detail and is left out."""
    attrs: dict[str, Any] = {}
    device = context.get("device")
    if isinstance(device, dict) and isinstance(device.get("type"), str) and device["type"]:
        attrs["device"] = device["type"]
    for key in ("locale", "timezone"):
        value = context.get(key)
        if isinstance(value, str) and value:
            attrs[key] = value
    return attrs


def _object(call: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = call.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InvalidEvent(
            where, key, "is not a JSON object", 'Write it as {"key": value}, or drop it', value
        )
    return value
