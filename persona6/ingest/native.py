"""The native format: one event envelope (docs/events.md) per JSON line."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from persona6.ingest.base import Line, RawRecord, ReaderOptions, decode_line, raw_text, register


@register("native")
def read_native(lines: Iterable[Line], source: str, options: ReaderOptions) -> Iterator[RawRecord]:
    for line in lines:
        where = f"{source}:{line.number}"
        text, error = decode_line(line, source)
        if error is not None:
            yield RawRecord(where, raw_text(line.data), error=error)
            continue
        assert text is not None
        # The bytes go to pydantic as they are: its JSON parser validates in one pass.
        yield RawRecord(where, text, json=line.data)
