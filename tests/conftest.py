"""Shared fixtures: a store per available backend, and a writer of small input files."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from persona6.store import SQLiteStore, Store


@pytest.fixture(params=["sqlite-memory", "sqlite-file"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Every backend this machine has; PostgreSQL joins when its backend lands."""
    path = ":memory:" if request.param == "sqlite-memory" else tmp_path / "p6.db"
    backend = SQLiteStore(path)
    yield backend
    backend.close()


@pytest.fixture
def write_lines(tmp_path: Path) -> Callable[..., Path]:
    """Write records (dicts become JSON, str and bytes are written as they are) one per line."""

    def write(records: list[object], name: str = "events.jsonl") -> Path:
        path = tmp_path / name
        with path.open("wb") as handle:
            for record in records:
                if isinstance(record, bytes):
                    handle.write(record)
                elif isinstance(record, str):
                    handle.write(record.encode("utf-8"))
                else:
                    handle.write(json.dumps(record).encode("utf-8"))
                handle.write(b"\n")
        return path

    return write
