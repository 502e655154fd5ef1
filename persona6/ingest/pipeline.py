"""Validate raw records into events and store them, batch by batch, in constant memory.

Each batch of ``batch_size`` records is one transaction. With ``on_error="fail"`` the first bad
record stops the ingest: its batch is rolled back, earlier batches stay stored (re-running after
the fix stores only what is missing, because ingest is idempotent). With ``on_error="skip"``
good records are stored and every rejected one is written, with its reason, to a JSONL report.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import operator
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Literal

import pydantic_core
from pydantic import ValidationError

from persona6.errors import InvalidEvent, InvalidOption, type_phrase
from persona6.ingest.actors import SharedIds, log
from persona6.ingest.base import (
    READERS,
    TOO_DEEP_HINT,
    TOO_DEEP_PROBLEM,
    Input,
    Line,
    RawRecord,
    ReaderOptions,
    choose_format,
    decode_line,
    json_kind,
    wrong_shape,
)
from persona6.outputs import check_output
from persona6.store.base import (
    CONTENT_COLUMNS,
    EVENT_COLUMNS,
    EventRow,
    IdentityLinkRow,
    Store,
)
from persona6.types import (
    DEFAULT_TENANT,
    MAX_ID_CHARS,
    MAX_TEXT_CHARS,
    TS_INVENTED,
    UTC_OFFSET,
    Event,
    EventType,
    FieldProblem,
    IngestReport,
    StoredEvent,
    format_ts,
)

OnError = Literal["fail", "skip"]

DEFAULT_BATCH_SIZE = 10_000

_ENUM_VALUES = {
    "type": "message, action, outcome, identify",
    "role": "user, assistant, system, tool. A human support agent's message is role "
    "assistant, as the AI's is (it is about no user and never becomes a claim about one); "
    "tell them apart with an attr, e.g. attrs.author = human_agent",
}


def event_from_record(record: RawRecord) -> Event:
    """Validate one raw record into an ``Event`` or raise an ``InvalidEvent`` that says why."""
    if record.error is not None:
        raise record.error
    try:
        if record.json is not None:
            return Event.model_validate_json(record.json)
        return Event.model_validate(record.fields)
    except ValidationError as exc:
        raise invalid_event(record, exc) from None


def invalid_event(record: RawRecord, exc: ValidationError) -> InvalidEvent:
    """Word pydantic's first complaint as where / field / value / problem / what to do."""
    err = exc.errors(include_url=False)[0]
    kind = err["type"]
    loc = ".".join(str(part) for part in err.get("loc", ()))
    value = err.get("input")
    where = record.where
    if kind == "json_invalid":
        if record.json is not None:
            _, utf8_error = decode_line(Line(0, record.json), "")
            if utf8_error is not None:
                return InvalidEvent(where, "(line)", utf8_error.problem, utf8_error.hint)
        if "recursion limit" in str(err.get("ctx", {}).get("error", "")):
            return InvalidEvent(where, "(line)", TOO_DEEP_PROBLEM, TOO_DEEP_HINT)
        return InvalidEvent(
            where,
            "(line)",
            f"is not valid JSON ({err.get('ctx', {}).get('error', err['msg'])})",
            "Each line must be one complete JSON object; check quotes, commas and brackets",
        )
    if kind in {"model_type", "model_attributes_type"} and not loc:
        return InvalidEvent(
            where,
            "(line)",
            f"is a JSON {_json_type(record)}, not an object",
            'Each line must be one JSON object, e.g. {"ts": ..., "session_id": ..., ...}',
        )
    cause = err.get("ctx", {}).get("error")
    if isinstance(cause, FieldProblem):
        field = cause.field or loc or "(line)"
        shown = value if (loc and cause.field is None) else None
        return InvalidEvent(where, field, cause.problem, cause.hint, shown)
    if kind == "missing":
        misspelt = _misspelling(exc, loc)
        if misspelt is not None:  # "sesion_id" given, "session_id" missing: name the typo
            return InvalidEvent(
                where,
                misspelt,
                f"is not a field of the event envelope, and {loc!r} is missing",
                f"Did you mean {loc!r}? Rename {misspelt!r} to {loc!r} (fields: docs/events.md)",
            )
        return InvalidEvent(where, loc, "is missing", _MISSING_HINTS.get(loc, "Add it"))
    if kind == "extra_forbidden":
        return InvalidEvent(
            where,
            loc,
            "is not a field of the event envelope",
            "Put extra data under attrs, or check the spelling against docs/events.md",
        )
    if kind == "enum":
        return InvalidEvent(
            where, loc, "is not a known value", f"Use one of: {_ENUM_VALUES.get(loc, '')}", value
        )
    if kind == "string_type":
        return InvalidEvent(where, loc, "is not a string", "Write it as a JSON string", value)
    if kind == "string_too_short":
        return InvalidEvent(where, loc, "is empty", "Give a non-empty value or leave it out")
    if kind == "string_too_long" and loc == "text":
        return InvalidEvent(
            where,
            loc,
            f"is {len(value):,} characters long, over the limit of {MAX_TEXT_CHARS:,}",
            "Split the text into several events or move bulky content out of it",
        )
    if kind == "string_too_long":
        return InvalidEvent(
            where,
            loc,
            f"is longer than {MAX_ID_CHARS} characters",
            "Identifiers and names must be short; put long content in text or attrs",
            value,
        )
    if kind == "dict_type":
        return InvalidEvent(where, loc, "is not a JSON object", 'Write it as {"key": value}', value)
    return InvalidEvent(where, loc or "(line)", err["msg"].lower(), "See docs/events.md", value)


def _misspelling(exc: ValidationError, missing: str) -> str | None:
    """A field the record gives that is no field of the envelope and reads as a misspelling of
    the ``missing`` one ("sesion_id" for "session_id"), or None."""
    given = [
        ".".join(str(part) for part in err.get("loc", ()))
        for err in exc.errors(include_url=False)
        if err["type"] == "extra_forbidden"
    ]
    close = difflib.get_close_matches(missing, given, n=1, cutoff=0.75)
    return close[0] if close else None


_MISSING_HINTS = {
    "ts": "Every event needs a time: ISO-8601 with a timezone, e.g. 2024-05-01T12:30:00Z",
    "session_id": "Every event belongs to a session: give the chat, visit or run id",
    "type": "Say what the event is: message, action, outcome or identify",
}


def _json_type(record: RawRecord) -> str:
    try:
        return json_kind(json.loads(record.report_text()))
    except (ValueError, RecursionError):
        return "value"


def derive_event_id(
    event: Event, tenant: str, ts: str | None = None, attrs_json: str | None = None
) -> str:
    """A content hash, so the same event ingested twice is stored once.

    Covers every field but ``event_id``; times hash in stored UTC form (the same instant written
    with another offset is the same event, so ``attrs["utc_offset"]``, which only records that
    offset, is left out, as is ``attrs["ts_invented"]``, which only says the time was made up)
    and the order of attrs' keys does not matter.
    Form: ``ev_`` + the time in microseconds (14 hex digits) + an 80-bit BLAKE2b hash.
    ``ts`` and ``attrs_json`` may be passed when the caller has them already.
    """
    # Unit separators between fields and NUL for an absent one keep distinct events distinct
    # (identifiers are never empty; an empty text and no text are the same content).
    blob = _SEP.join(
        (
            tenant,
            ts or format_ts(event.ts),
            event.session_id,
            event.user_id or _NUL,
            event.anonymous_id or _NUL,
            event.type.value,
            event.role.value if event.role else _NUL,
            event.name or _NUL,
            event.text or _NUL,
            _identity_attrs_json(event.attrs, attrs_json),
        )
    ).encode("utf-8")
    # The time comes first, so derived ids sort by time and a time-ordered ingest appends to
    # the unique index instead of touching a random page per event.
    micros = int(event.ts.timestamp() * 1_000_000)
    return f"ev_{micros:014x}" + hashlib.blake2b(blob, digest_size=10).hexdigest()


_SEP, _NUL = "\x1f", "\x00"


#: attrs that say how the time was written or got, not what happened: no part of an event's
#: identity, so the same event with or without them is one event.
_TIME_NOTES = (UTC_OFFSET, TS_INVENTED)


def _identity_attrs_json(attrs: dict[str, Any], attrs_json: str | None) -> str:
    """attrs as the derived id sees them: without the notes on its time (``_TIME_NOTES``)."""
    if UTC_OFFSET in attrs or TS_INVENTED in attrs:
        return _attrs_json({k: v for k, v in attrs.items() if k not in _TIME_NOTES})
    return attrs_json if attrs_json is not None else _attrs_json(attrs)


def _attrs_json(attrs: dict[str, Any]) -> str:
    """attrs as stored: compact JSON, top-level keys sorted so the id ignores their order."""
    if not attrs:
        return "{}"
    if len(attrs) > 1:
        attrs = dict(sorted(attrs.items()))
    return pydantic_core.to_json(attrs).decode("utf-8")


def event_row(event: Event, tenant: str, source: str | None, ingested_at: str) -> EventRow:
    """The row the store keeps for an event written to ``tenant``."""
    ts = format_ts(event.ts)
    try:
        attrs_json = _attrs_json(event.attrs)
    except pydantic_core.PydanticSerializationError:
        # Deeper than pydantic-core writes; only objects given in Python or over HTTP get here
        # (the JSONL readers stop sooner).
        raise InvalidEvent(source or "event", "attrs", TOO_DEEP_PROBLEM, TOO_DEEP_HINT) from None
    return (
        tenant,
        event.event_id or derive_event_id(event, tenant, ts, attrs_json),
        ts,
        event.session_id,
        event.user_id,
        event.anonymous_id,
        event.user_id or event.anonymous_id,
        event.type.value,
        event.role.value if event.role else None,
        event.name,
        event.text,
        attrs_json,
        source,
        ingested_at,
    )


def identify_link(event: Event, row: EventRow) -> IdentityLinkRow:
    """The link an identify event states: its anonymous actor is the person user_id."""
    assert event.anonymous_id is not None and event.user_id is not None
    return (row[0], row[1], event.anonymous_id, event.user_id, "identify", row[1], row[2])


class _Rejections:
    """The skip-mode report: one JSON object per rejected record, opened on first use."""

    def __init__(self, path: Path):
        self.path = path
        self.count = 0
        self._file: IO[str] | None = None

    def add(self, record: RawRecord, error: InvalidEvent) -> None:
        if self._file is None:
            try:
                self._file = self.path.open("w", encoding="utf-8")
            except OSError as exc:
                raise InvalidOption(
                    "{--report} {path} cannot be written ({reason}). Choose another path",
                    path=str(self.path),
                    reason=exc.strerror or str(exc),
                ) from None
        self.count += 1
        self._file.write(
            json.dumps(
                {
                    "where": record.where,
                    "field": error.field,
                    "error": str(error),
                    "raw": record.report_text(),
                },
                ensure_ascii=False,
            )
            + "\n"
        )

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def ingest(
    store: Store,
    path: str | Path,
    *,
    format: str | None = None,
    tenant: str | None = None,
    on_error: OnError = "fail",
    report_path: str | Path | None = None,
    column_map: dict[str, str] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[int, int | None, int | None], None] | None = None,
) -> IngestReport:
    """Read ``path`` (``-`` for standard input) and store its events; see the module docstring.

    ``tenant`` is the tenant written to: events that name none get it, and an event that names
    another one is rejected. Without it, each event's own ``tenant`` (default ``default``) is used.
    ``progress(records_read, bytes_read, total_bytes)`` is called after each batch (bytes are
    None for standard input).
    """
    if on_error not in ("fail", "skip"):
        raise InvalidOption(
            "{--on-error} {on_error!r} is not known. Use fail or skip", on_error=on_error
        )
    if batch_size < 1:
        raise InvalidOption(f"batch size {batch_size} must be at least 1")
    with Input(path) as source:
        first_line = source.peek()
        fmt = choose_format(format, source.source, first_line)
        shape = None if fmt == "csv" else wrong_shape(source.source, source.head(), first_line)
        if shape is not None:
            raise shape
        reader = READERS[fmt]
        options = ReaderOptions(tenant=tenant, column_map=column_map or {})
        rejections = None
        if on_error == "skip":
            default = f"{'stdin' if source.source == '-' else source.source}.rejected.jsonl"
            # Checked before a record is read: a report over the input or the database would
            # destroy it, and one that cannot be written would stop the ingest halfway.
            report = check_output(
                "{--report}",
                report_path or default,
                db=getattr(store, "path", None),
                inputs=[source.source],
            )
            rejections = _Rejections(report)
        ingested_at = format_ts(datetime.now(UTC))
        total = source.size()
        read = stored = 0
        rows: list[EventRow] = []
        links: list[IdentityLinkRow] = []
        given_ids: list[int] = []  # rows whose event_id the input gave (not derived)
        conflicts = _Conflicts()
        shared = SharedIds()

        def flush() -> None:
            nonlocal stored
            with store.transaction():
                shared.check(store, rows)
                new = store.insert_events(rows)
                store.insert_identity_links(links)
                if new < len(rows) and given_ids:
                    conflicts.check(store, [rows[i] for i in given_ids])
            stored += new
            rows.clear()
            links.clear()
            given_ids.clear()
            if progress is not None:
                progress(read, source.position(), total)

        try:
            for record in reader(source.lines(), source.source, options):
                read += 1
                try:
                    event = event_from_record(record)
                    target = _tenant_of(event, tenant, record)
                    row = event_row(event, target, record.where, ingested_at)
                except InvalidEvent as error:
                    if rejections is None:
                        error.stored_before = stored  # type: ignore[attr-defined]
                        raise
                    rejections.add(record, error)
                    continue
                if event.event_id is not None:
                    given_ids.append(len(rows))
                rows.append(row)
                if event.type is EventType.IDENTIFY:
                    links.append(identify_link(event, row))
                if len(rows) >= batch_size:
                    flush()
            if rows or links:
                flush()
        finally:
            if rejections is not None:
                rejections.close()
    rejected = rejections.count if rejections else 0
    return IngestReport(
        source=source.source,
        format=fmt,
        tenant=tenant or DEFAULT_TENANT,
        read=read,
        stored=stored,
        duplicates=read - rejected - stored,
        rejected=rejected,
        report_path=str(rejections.path) if rejections and rejections.count else None,
        conflicts=conflicts.count,
        first_conflict=conflicts.first,
        shared_ids=shared.count,
        first_shared_id=shared.first,
    )


class _Conflicts:
    """Duplicates that are not the same event: an event_id the store holds with other content.

    Ingest keeps the stored event (ids are how re-ingesting stays idempotent), but two
    different events under one id usually mean the exporter reuses ids, so the summary counts
    them and shows the first. Only ids the input gave are checked: a derived id is a hash of
    the content, so the same derived id is the same event.
    """

    def __init__(self) -> None:
        self.count = 0
        self.first: str | None = None

    def check(self, store: Store, rows: list[EventRow]) -> None:
        by_tenant: dict[str, list[EventRow]] = {}
        for row in rows:
            by_tenant.setdefault(row[0], []).append(row)
        for tenant, tenant_rows in by_tenant.items():
            # The stored columns first: the same event reads back exactly as ingest writes it
            # (this batch's new rows too), so only a row that differs somewhere is read as a
            # model and walked field by field, which also forgives what is not content.
            contents = store.event_contents(tenant, [row[1] for row in tenant_rows])
            # (An id missing from the store, deleted by another process meanwhile, is no
            # conflict: there is nothing left to differ from.)
            differing = [
                row
                for row in tenant_rows
                if row[1] in contents and contents[row[1]] != _content(row)
            ]
            if not differing:
                continue
            stored = store.events_by_id(tenant, [row[1] for row in differing])
            for row in differing:
                kept = stored.get(row[1])
                field = _differing_field(row, kept) if kept is not None else None
                if field is None:
                    continue
                self.count += 1
                if self.first is None:
                    self.first = (
                        f"{row[12]}: event_id {row[1]!r} is already stored "
                        f"(from {kept.source or 'an earlier ingest'}) with another {field}"
                    )


#: An ``EventRow``'s ``CONTENT_COLUMNS``, in that order.
_content = operator.itemgetter(*(EVENT_COLUMNS.index(column) for column in CONTENT_COLUMNS))


def _differing_field(row: EventRow, stored: StoredEvent) -> str | None:
    """The first field in which ``row`` differs from the stored event of its id, or None.

    The notes on the time (attrs.utc_offset, attrs.ts_invented) are not content: the same
    instant written in another offset is the same event, and an event stored before invented
    times were marked is the same event as the one marked now."""
    pairs = (
        ("ts", row[2], stored.ts),
        ("session_id", row[3], stored.session_id),
        ("user_id", row[4], stored.user_id),
        ("anonymous_id", row[5], stored.anonymous_id),
        ("type", row[7], stored.type.value),
        ("role", row[8], stored.role.value if stored.role else None),
        ("name", row[9], stored.name),
        ("text", row[10] or None, stored.text or None),
    )
    for field, new, old in pairs:
        if new != old:
            return field
    attrs = {k: v for k, v in json.loads(row[11]).items() if k not in _TIME_NOTES}
    kept = {k: v for k, v in stored.attrs.items() if k not in _TIME_NOTES}
    return None if attrs == kept else "attrs"


def _tenant_of(event: Event, requested: str | None, record: RawRecord) -> str:
    named = "tenant" in event.model_fields_set
    if requested is None:
        return event.tenant
    if named and event.tenant != requested:
        raise InvalidEvent(
            record.where,
            "tenant",
            "names another tenant than {>tenant_written}",
            "{>ingest_per_tenant}, or drop the field",
            event.tenant,
            requested=requested,
            named=event.tenant,
        )
    return requested


def ingest_events(
    store: Store,
    events: list[dict[str, Any]] | list[Event],
    *,
    tenant: str | None = None,
    source: str = "api",
) -> IngestReport:
    """Store events given as objects (library and API use): validated as a whole, all or none.

    Returns what was stored: how many were new, and the duplicates that are not the same
    event (``conflicts``). A bad event raises ``InvalidEvent`` naming its index.
    """
    ingested_at = format_ts(datetime.now(UTC))
    rows: list[EventRow] = []
    links: list[IdentityLinkRow] = []
    given_ids: list[int] = []  # rows whose event_id the caller gave (not derived)
    for index, item in enumerate(events):
        if not isinstance(item, dict | Event):
            raise InvalidEvent(
                f"{source}[{index}]",
                "(line)",
                f"is {type_phrase(item)}, not an event",
                "Pass each event as a dict with the fields of docs/events.md, or an Event",
            )
        record = RawRecord(
            f"{source}[{index}]",
            "",
            fields=item.model_dump(exclude_unset=True) if isinstance(item, Event) else item,
        )
        event = event_from_record(record)
        target = _tenant_of(event, tenant, record)
        row = event_row(event, target, record.where, ingested_at)
        if event.event_id is not None:
            given_ids.append(len(rows))
        rows.append(row)
        if event.type is EventType.IDENTIFY:
            links.append(identify_link(event, row))
    shared = SharedIds()
    conflicts = _Conflicts()
    with store.transaction():
        shared.check(store, rows)
        stored = store.insert_events(rows)
        store.insert_identity_links(links)
        if stored < len(rows) and given_ids:
            conflicts.check(store, [rows[i] for i in given_ids])
    shared.warn()  # logged too: ``Persona6.record`` returns the count alone
    if conflicts.first is not None:
        log.warning(
            "%d event(s) not stored, their event_id held by another event; first: %s",
            conflicts.count,
            conflicts.first,
        )
    return IngestReport(
        source=source,
        format="native",
        tenant=tenant or DEFAULT_TENANT,
        read=len(rows),
        stored=stored,
        duplicates=len(rows) - stored,
        rejected=0,
        conflicts=conflicts.count,
        first_conflict=conflicts.first,
        shared_ids=shared.count,
        first_shared_id=shared.first,
    )
