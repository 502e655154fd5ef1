"""Shared by the linking tests: one built store of synthetic people, copied for each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from persona6 import Persona6, synth

#: People in the shared store (each with one held-out anonymous session).
PEOPLE = 8


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """A built store of eight synthetic people (on file, so each test opens its own copy)."""
    log = synth.generate(seed=4, people=PEOPLE)
    path = tmp_path_factory.mktemp("identity") / "p6.db"
    with Persona6(db=path) as p6:
        p6.record(log.events)
        p6.build()
    return path, log.truth


@pytest.fixture
def p6(world: tuple[Path, dict], tmp_path: Path) -> Iterator[Persona6]:
    """A copy of the shared store, for a test to change."""
    copy = tmp_path / "copy.db"
    copy.write_bytes(world[0].read_bytes())
    engine = Persona6(db=copy)
    yield engine
    engine.close()
