"""The native format: one event envelope (docs/events.md) per JSON line."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from persona6.ingest.base import Line, RawRecord, ReaderOptions, register


@register("native")
def read_native(lines: Iterable[Line], source: str, options: ReaderOptions) -> Iterator[RawRecord]:
    for line in lines:
        # The bytes go to pydantic as they are: its JSON parser checks UTF-8 and the envelope in
        # one pass. The line is decoded for a report only if it is rejected (see RawRecord.raw).
        yield RawRecord(f"{source}:{line.number}", "", json=line.data)
