"""The ``csv`` format: a header line, then one event per row (comma, tab, semicolon or pipe).

The header names the columns. ``ReaderOptions.column_map`` maps envelope fields to columns
(``{"ts": "timestamp"}``); an envelope field not mapped is read from the column of the same name,
if there is one. Every other column goes into ``attrs``. An empty cell means the field is absent.
Each line is parsed on its own, which keeps memory flat but means a quoted cell cannot span
lines. docs/formats.md has examples.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from persona6.errors import InvalidEvent
from persona6.ingest.base import Line, RawRecord, ReaderOptions, decode_line, raw_text, register
from persona6.types import Event

ENVELOPE_FIELDS = tuple(Event.model_fields)

#: Fields every row must give; a header that cannot supply them is rejected at line 1.
REQUIRED_FIELDS = ("ts", "session_id", "type")

#: Candidate delimiters in order of preference when the header has as many of several.
DELIMITERS = (",", "\t", ";", "|")

#: Column names often used for a required field, to suggest a ``--map`` the user can paste.
_USUAL_NAMES = {
    "ts": ("timestamp", "time", "created_at", "datetime", "date"),
    "session_id": ("session", "conversation_id", "conversation", "thread_id", "chat_id"),
    "type": ("event_type", "kind"),
}


@dataclass(frozen=True, slots=True)
class _Layout:
    """What the header settled: how to split a row and where each value goes."""

    delimiter: str
    columns: tuple[str, ...]
    fields: tuple[tuple[str, int], ...]  # (envelope field, column index)
    attrs: tuple[tuple[str, int], ...]  # (attrs key, column index)
    #: No type column but a text column: a chat export, every row a message.
    messages: bool = False


@register("csv")
def read_csv(lines: Iterable[Line], source: str, options: ReaderOptions) -> Iterator[RawRecord]:
    layout: _Layout | None = None
    for line in lines:
        where = f"{source}:{line.number}"
        text, error = decode_line(line, source)
        if error is not None:
            yield RawRecord(where, raw_text(line.data), error=error)
            if layout is None:
                return  # without a header no row can be read
            continue
        assert text is not None
        if layout is None:
            try:
                layout = _read_header(text, source, where, options.column_map)
            except InvalidEvent as exc:
                yield RawRecord(where, text, error=exc)
                return
            continue
        try:
            fields = _row_fields(text, where, layout)
        except InvalidEvent as exc:
            yield RawRecord(where, text, error=exc)
            continue
        yield RawRecord(where, text, fields=fields)


def sniff_delimiter(source: str, header: str) -> str:
    """Tab for a ``.tsv`` file; otherwise the candidate the header uses most (comma on a tie)."""
    if source.lower().endswith(".tsv"):
        return "\t"
    counts = {delimiter: header.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])  # max keeps the first of equals
    return best if counts[best] else ","


def _read_header(text: str, source: str, where: str, column_map: Mapping[str, str]) -> _Layout:
    delimiter = sniff_delimiter(source, text)
    cells = _split(text, delimiter, where)
    # Spreadsheet exports often start with a byte-order mark; it is not part of the name.
    columns = tuple(
        cell.strip().lstrip("\ufeff") or f"column_{number}"
        for number, cell in enumerate(cells, start=1)
    )
    shown = ", ".join(columns)
    seen: set[str] = set()
    for column in columns:
        if column in seen:
            raise InvalidEvent(
                where,
                "(line)",
                f"names the column {column!r} twice",
                "Give every column its own name in the header",
            )
        seen.add(column)
    unknown = [name for name in column_map if name not in ENVELOPE_FIELDS]
    if unknown:
        raise InvalidEvent(
            where,
            unknown[0],
            "is mapped to a column but is not a field of the event envelope",
            f"Map only envelope fields: {', '.join(ENVELOPE_FIELDS)}; other columns go into "
            "attrs by themselves",
        )
    index = {column: number for number, column in enumerate(columns)}
    for name, column in column_map.items():
        if column not in index:
            raise InvalidEvent(
                where,
                name,
                "is mapped to the column {column!r}, which the header does not have",
                "The columns are: {columns}. Fix {--map} {name}=<one of them>",
                column=column,
                columns=shown,
                name=name,
            )
    claimed = set(column_map.values())
    fields = [(name, index[column]) for name, column in column_map.items()]
    for name in ENVELOPE_FIELDS:
        if name not in column_map and name in index and name not in claimed:
            fields.append((name, index[name]))
    found = {name for name, _ in fields}
    # A chat export has no type column: with a text column, every row is a message.
    messages = "type" not in found and "text" in found
    present = found | {"type"} if messages else found
    missing = [name for name in REQUIRED_FIELDS if name not in present]
    if missing:
        raise InvalidEvent(
            where,
            "(line)",
            "has no column for {missing} (the columns are: {columns})",
            "Name the columns after the envelope fields, or map yours: {--map} {suggestion}"
            + (
                " (a chat export needs no type: with a text column every row is a message)"
                if "type" in missing
                else ""
            ),
            missing=", ".join(missing),
            columns=shown,
            suggestion=_suggested_map(missing, columns),
        )
    used = {number for _, number in fields}
    attrs = tuple((column, n) for n, column in enumerate(columns) if n not in used)
    return _Layout(delimiter, columns, tuple(fields), attrs, messages)


def _suggested_map(missing: list[str], columns: tuple[str, ...]) -> str:
    lowered = {column.lower(): column for column in columns}
    pairs = []
    for name in missing:
        guess = next((lowered[u] for u in _USUAL_NAMES.get(name, ()) if u in lowered), "COLUMN")
        pairs.append(f"{name}={guess}")
    return ",".join(pairs)


def _row_fields(text: str, where: str, layout: _Layout) -> dict[str, Any]:
    cells = _split(text, layout.delimiter, where)
    if len(cells) != len(layout.columns):
        raise InvalidEvent(
            where,
            "(line)",
            f"has {len(cells)} cells but the header has {len(layout.columns)} "
            f"({', '.join(layout.columns)})",
            'Quote cells that contain the delimiter, e.g. "a, b", and give every row '
            "a cell for every column (empty if absent)",
        )
    fields: dict[str, Any] = {}
    attrs: dict[str, Any] = {}
    for column, number in layout.attrs:
        cell = cells[number].strip()
        if cell:
            attrs[column] = cell
    for name, number in layout.fields:
        cell = cells[number].strip()
        column = layout.columns[number]
        if not cell:
            if name in REQUIRED_FIELDS:
                raise InvalidEvent(
                    where,
                    column,
                    f"is empty, but it holds the event's {name}, which every row needs",
                    _EMPTY_HINTS[name],
                )
            continue
        if name == "attrs":
            attrs.update(_attrs_cell(cell, where, column))
        else:
            fields[name] = cell
    if attrs:
        fields["attrs"] = attrs
    if layout.messages:
        fields["type"] = "message"
    return fields


_EMPTY_HINTS = {
    "ts": "Fill in the time as ISO-8601 with a timezone, e.g. 2024-05-01T12:30:00Z",
    "session_id": "Fill in the chat, visit or run the row belongs to",
    "type": "Fill in what the row is: message, action, outcome or identify",
}


def _attrs_cell(cell: str, where: str, column: str) -> dict[str, Any]:
    try:
        value = json.loads(cell)
    except (ValueError, RecursionError):
        value = None
    if not isinstance(value, dict):
        raise InvalidEvent(
            where,
            column,
            "holds attrs but is not a JSON object",
            'Write it as {"key": "value"} (doubling the quotes inside a quoted cell), or '
            "leave attrs unmapped: unmapped columns become attrs by themselves",
            cell,
        )
    return value


def _split(text: str, delimiter: str, where: str) -> list[str]:
    try:
        return next(csv.reader([text], delimiter=delimiter, strict=True, skipinitialspace=True))
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise InvalidEvent(
                where,
                "(line)",
                "has a quote that is never closed",
                "Cells that span several lines are not supported: replace the line breaks "
                "inside cells (e.g. with a space) and export again",
            ) from None
        raise InvalidEvent(
            where,
            "(line)",
            f"is not valid CSV ({exc})",
            'Inside a quoted cell write a quote as two quotes: "say ""hi"""',
        ) from None
