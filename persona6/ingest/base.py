"""The reader interface, the registry of formats, and streaming line input.

A reader turns numbered lines of one input into ``RawRecord``s: envelope fields not yet
validated (or the raw JSON bytes of a native line, which pydantic validates without a detour
through Python objects), or the ``InvalidEvent`` that explains why a line cannot become one.
Readers never raise for a bad record: the pipeline decides whether to stop or skip. They hold
at most a small amount of state (a CSV header, per-actor session clocks), so memory stays flat.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from persona6.errors import InvalidEvent, InvalidInput, InvalidOption
from persona6.types import FieldProblem, parse_written_ts


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One record read from an input, before envelope validation.

    Exactly one of ``fields``, ``json`` or ``error`` is set. ``raw`` is the input text the
    record came from, kept for the rejected-lines report; a ``json`` record may leave it empty,
    and ``report_text()`` decodes its bytes when (rarely) it is needed.
    """

    where: str
    raw: str
    fields: dict[str, Any] | None = None
    json: bytes | None = None
    error: InvalidEvent | None = None

    def report_text(self) -> str:
        if not self.raw and self.json is not None:
            return raw_text(self.json)
        return self.raw


@dataclass(frozen=True, slots=True)
class ReaderOptions:
    """Settings an adapter may use; each ignores what does not concern it."""

    tenant: str | None = None
    #: CSV: envelope field -> column name (``{"ts": "timestamp"}``); unmapped columns go to attrs.
    column_map: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Line:
    number: int
    data: bytes


class Reader(Protocol):
    """Turns the numbered lines of one input into raw records."""

    def __call__(
        self, lines: Iterable[Line], source: str, options: ReaderOptions
    ) -> Iterator[RawRecord]: ...


#: Format name -> reader. Adapters register themselves on import (see ``persona6.ingest``).
READERS: dict[str, Reader] = {}


def register(name: str) -> Callable[[Reader], Reader]:
    def wrap(reader: Reader) -> Reader:
        READERS[name] = reader
        return reader

    return wrap


def decode_line(line: Line, source: str) -> tuple[str | None, InvalidEvent | None]:
    """Strict UTF-8, so a bad byte is reported at its line rather than silently replaced."""
    try:
        return line.data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        bad = line.data[exc.start : exc.start + 4]
        return None, InvalidEvent(
            f"{source}:{line.number}",
            "(line)",
            f"is not valid UTF-8 (byte {bad[:1]!r} at byte offset {exc.start})",
            "Re-encode the file as UTF-8, e.g. iconv -f latin1 -t utf-8 IN > OUT",
        )


def raw_text(data: bytes) -> str:
    """The line as text for a report, invalid bytes escaped instead of lost."""
    return data.decode("utf-8", errors="backslashreplace").rstrip("\r\n")


#: The byte-order mark some Windows tools (Excel, Notepad, PowerShell) write at the start of a
#: UTF-8 file. It is not part of the first record, so every reader ignores it.
UTF8_BOM = b"\xef\xbb\xbf"


class Input:
    """An input file or standard input, read as numbered lines in constant memory.

    ``peek()`` returns the first non-blank line without consuming anything, which format
    detection uses; it works on standard input too.
    """

    def __init__(self, path: str | Path):
        self.source = str(path)
        self._stream: BinaryIO
        if self.source == "-":
            self._stream = sys.stdin.buffer
        else:
            p = Path(path)
            if not p.exists():
                raise InvalidInput(
                    self.source,
                    "no such file",
                    "Check the path, or pass - to read standard input",
                )
            if p.is_dir():
                raise InvalidInput(
                    self.source, "is a directory, not a file", "Pass one file per ingest"
                )
            try:
                self._stream = p.open("rb")
            except OSError as exc:
                raise InvalidInput(
                    self.source, f"cannot be opened ({exc.strerror})", "Check its permissions"
                ) from exc
        self._buffered = io.BufferedReader(self._stream, buffer_size=1 << 20)  # type: ignore[arg-type]

    def peek(self, limit: int = 1 << 16) -> bytes:
        """The first non-blank line (up to ``limit`` bytes), leaving the stream untouched."""
        head = self._buffered.peek(limit)[:limit].removeprefix(UTF8_BOM)
        for chunk in head.splitlines():
            if chunk.strip():
                return chunk
        return b""

    def head(self, limit: int = 1 << 16) -> bytes:
        """The first bytes of the input (up to ``limit``), leaving the stream untouched."""
        return self._buffered.peek(limit)[:limit].removeprefix(UTF8_BOM)

    def lines(self) -> Iterator[Line]:
        """Every line with its 1-based number; blank lines are skipped, not counted out."""
        seen_content = False
        for number, data in enumerate(self._buffered, start=1):
            if number == 1:
                data = data.removeprefix(UTF8_BOM)
            if not data.strip():
                continue
            seen_content = True
            yield Line(number, data.rstrip(b"\r\n"))
        if not seen_content:
            raise InvalidInput(
                self.source,
                "is empty: no records to ingest",
                "Check that the export finished writing, or that you passed the right file",
            )

    def position(self) -> int | None:
        """Bytes consumed so far, for a progress bar; None for standard input."""
        if self.source == "-":
            return None
        return self._buffered.tell()

    def size(self) -> int | None:
        """The file's size in bytes; None for standard input."""
        if self.source == "-":
            return None
        return Path(self.source).stat().st_size

    def close(self) -> None:
        if self.source != "-":
            self._buffered.close()

    def __enter__(self) -> Input:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def choose_format(requested: str | None, source: str, first_line: bytes) -> str:
    """The reader to use: the one asked for, else detected from the name and the first record."""
    if requested is not None:
        if requested not in READERS:
            raise InvalidOption(
                "{--format} {format!r} is not a known format. Available formats: {formats}",
                format=requested,
                formats=", ".join(sorted(READERS)),
            )
        return requested
    if source.lower().endswith((".csv", ".tsv")):
        return "csv"
    try:
        head = json.loads(first_line)
    except (ValueError, UnicodeDecodeError, RecursionError):
        # RecursionError: nested deeper than Python's parser goes; no format nests so deep.
        return "native"  # the native reader reports the bad line precisely
    if isinstance(head, dict):
        if "ts" in head or "session_id" in head:
            return "native"
        if "messages" in head:
            return "openai"
        # Segment's fields are camelCase; "type" alone is ambiguous (native has identify too).
        if {"userId", "anonymousId", "messageId", "timestamp"} & head.keys():
            return "segment"
    return "native"


#: A JSON record nested deeper than any parser here goes (pydantic-core stops at 200 levels,
#: Python's json module at about 1,000): no format Persona6 reads nests like that.
TOO_DEEP_PROBLEM = "is nested too deeply to read (hundreds of levels of brackets)"
TOO_DEEP_HINT = "Flatten the record: events and their attrs may nest a few levels, not hundreds"


#: jq that turns one conversation of the ChatGPT data export (a message tree under "mapping")
#: into one conversation of the openai format; docs/formats.md shows it too.
CHATGPT_TO_OPENAI = (
    '{id: (.conversation_id // .id), user: "me", created_at: .create_time, messages: '
    "([.mapping[] | .message | select(. != null and .content.parts != null) | "
    '{role: .author.role, content: (.content.parts | map(strings) | join("\\n")), '
    "timestamp: .create_time}] | sort_by(.timestamp))}"
)


def wrong_shape(source: str, head: bytes, first_line: bytes) -> InvalidInput | None:
    """The error for a JSON input that is not JSON Lines at all, or is the ChatGPT data export,
    said for the whole file with the command that converts it; None when neither."""
    name = "FILE" if source == "-" else source
    try:
        first = json.loads(first_line) if first_line.lstrip()[:1] in (b"[", b"{") else None
        complete = True
    except (ValueError, RecursionError):
        first, complete = None, False
    # A JSON array: pretty-printed (its first line is not complete JSON), or on one line with
    # records in it. A line holding some other array is left to the reader, which says so.
    array = head.lstrip().startswith(b"[") and (
        not complete or (isinstance(first, list) and any(isinstance(i, dict) for i in first))
    )
    if array:
        if b'"mapping"' in head and b'"messages"' not in head:
            return InvalidInput(
                source,
                "is a ChatGPT data export (conversations.json: one JSON array of "
                'conversations, each a message tree under "mapping"), not one conversation '
                "per line",
                "Flatten it to the openai format first: jq -c '.[] | {jq}' {name} > "
                "chats.jsonl && persona6 ingest chats.jsonl (docs/formats.md)",
                jq=CHATGPT_TO_OPENAI,
                name=name,
            )
        return InvalidInput(
            source,
            "is a JSON array, not JSON Lines (one record per line)",
            "Write one record per line first: jq -c '.[]' {name} > events.jsonl",
            name=name,
        )
    if isinstance(first, dict) and "mapping" in first and not {"messages", "ts"} & first.keys():
        return InvalidInput(
            source,
            'holds conversations of the ChatGPT data export (a message tree under "mapping"), '
            'not conversations with "messages"',
            "Convert them to the openai format first: jq -c '{jq}' {name} > chats.jsonl && "
            "persona6 ingest chats.jsonl (docs/formats.md)",
            jq=CHATGPT_TO_OPENAI,
            name=name,
        )
    return None


UNIX_OR_ISO_HINT = (
    "Give unix seconds (1714566600) or ISO-8601 text with a timezone (2024-05-01T12:30:00Z)"
)


def time_value(value: Any, where: str, field: str, hint: str = UNIX_OR_ISO_HINT) -> datetime:
    """Unix seconds (UTC) or ISO-8601 text with a timezone, as an aware datetime in the offset
    it was written in: the envelope stores it in UTC and keeps that offset (``Event.ts``)."""
    try:
        if isinstance(value, str):
            return parse_written_ts(value)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise FieldProblem("is not a time", hint)
        if abs(value) > 1e11:  # past the year 5000: this is milliseconds, not seconds
            raise FieldProblem(
                "looks like milliseconds, not seconds", "Divide it by 1000, or write ISO-8601 text"
            )
        return datetime.fromtimestamp(value, UTC)
    except FieldProblem as problem:
        raise InvalidEvent(where, field, problem.problem, problem.hint, value) from None
    except (OverflowError, OSError, ValueError):
        raise InvalidEvent(where, field, "is out of range", hint, value) from None


def identifier(obj: dict[str, Any], key: str, where: str, within: str | None = None) -> str | None:
    """A string or integer id as text; ``None`` when absent or empty."""
    value = obj.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return value
    raise InvalidEvent(
        where,
        f"{within}.{key}" if within else key,
        "is not a usable id",
        "Give a non-empty string (or an integer)",
        value,
    )


def json_kind(value: Any) -> str:
    """The JSON name of a parsed value's type, for messages."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, dict):
        return "object"
    return {list: "array", str: "string", int: "number", float: "number"}.get(type(value), "null")
