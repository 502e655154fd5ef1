"""Long ``IN (...)`` lists in slices, for every SQL backend."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

#: Values per ``IN`` list: under SQLite's default limit of bound parameters (999 before 3.32)
#: with room for the other parameters of a statement.
IN_LIST = 500


def in_lists(values: Sequence[str], size: int = IN_LIST) -> Iterator[tuple[Sequence[str], str]]:
    """Slices of ``values`` of at most ``size``, each with its placeholders (``?, ?, ?``)."""
    for start in range(0, len(values), size):
        chunk = values[start : start + size]
        yield chunk, ", ".join("?" * len(chunk))
