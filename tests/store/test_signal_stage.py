"""Every backend: signals staged for a full build's write (``Store.signal_stage``) are stored
as ``replace_session_signals`` stores them, and leave nothing behind."""

from __future__ import annotations

from itertools import islice

import pytest
from helpers import message

from persona6 import synth
from persona6.graph import build
from persona6.ingest.pipeline import ingest_events
from persona6.store import SQLiteStore, sql_graph
from persona6.types import Signal, SignalKind

_COLUMNS = (
    "session_id, actor, kind, key, value, polarity, weight, measure, ts, producer, evidence, "
    "vector, context"
)


def _signals(session_id: str, count: int) -> list[Signal]:
    made = []
    for n in range(count):
        made.append(
            Signal(
                actor=f"u-{n % 3}",
                kind=SignalKind.TASK,
                key=f"k{n % 4}",
                value="naïve “quotes” 😊",
                polarity=(-1.0, 0.1, 1 / 3)[n % 3],
                weight=2.0**-40 if n % 2 else 1,
                measure=None if n % 2 else n / 7,
                context={"event_ids": [f"e{n}"], "z": n} if n % 2 else {},
                evidence=[{"event_id": f"e{n}", "start": 0, "end": 7, "quote": "message"}],
                session_id=session_id,
                ts=f"2026-03-01T10:00:{n % 60:02d}.000000Z",
                producer="persona6.test.v1",
            )
        )
    made.append(
        Signal(
            actor="u-1",
            kind=SignalKind.TEXTURE,
            key="profile",
            vector=(0.5, 0.25, 1e-07),
            session_id=session_id,
            ts="2026-03-01T10:00:00.000000Z",
            producer="persona6.test.v1",
        )
    )
    return made


def _rows(store, tenant: str) -> list[tuple]:
    rows = store._execute(f"SELECT {_COLUMNS} FROM signals WHERE tenant = ?", [tenant])
    return sorted((tuple(row) for row in rows.fetchall()), key=repr)


def test_staged_signals_are_stored_as_replace_session_signals_stores_them(store, monkeypatch):
    """Many sessions, several batches (a batch written in its own transaction, the last
    inside the write's): the same rows as written directly, under another tenant."""
    monkeypatch.setattr(sql_graph, "STAGE_BATCH", 7)
    ingest_events(store, [message(0)])
    sessions = {f"s-{n}": _signals(f"s-{n}", n) for n in range(6)}
    with store.signal_stage() as stage:
        staged = {session_id: stage.add("a", found) for session_id, found in sessions.items()}
        with store.transaction():
            store.replace_session_signals("a", "s-2", _signals("s-2", 9))  # replaced
            for session_id, where in staged.items():
                stage.write("a", session_id, where)
    with store.transaction():
        for session_id, found in sessions.items():
            store.replace_session_signals("b", session_id, found)
    assert _rows(store, "a") == _rows(store, "b")
    assert len(_rows(store, "a")) == sum(map(len, sessions.values()))
    assert store._execute("SELECT COUNT(*) FROM signal_stage").fetchone()[0] == 0


def test_a_stage_is_emptied_when_its_build_fails(store):
    ingest_events(store, [message(0)])
    with pytest.raises(RuntimeError), store.signal_stage() as stage:
        stage.add("a", _signals("s-1", 3))
        stage.flush()
        raise RuntimeError("the build failed")
    assert store._execute("SELECT COUNT(*) FROM signal_stage").fetchone()[0] == 0
    with store.signal_stage() as stage:  # and can be used again
        where = stage.add("a", _signals("s-1", 2))
        with store.transaction():
            stage.write("a", "s-1", where)
    assert len(_rows(store, "a")) == 3


def test_a_full_build_stores_the_same_graph_on_every_backend(store):
    events = list(islice(synth.iter_events(seed=0, people=12), 1500))
    sqlite = SQLiteStore(":memory:")
    for backend in (store, sqlite):
        ingest_events(backend, events)
        build(backend, "default", full=True)
    assert _rows(store, "default") == _rows(sqlite, "default")
    for person, _, _ in sqlite.persons("default"):
        assert store.traits_of("default", person) == sqlite.traits_of("default", person)
