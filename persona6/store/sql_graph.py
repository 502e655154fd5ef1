"""SQL for the persona graph: signals per session, traits per person, the build watermark.

Mixed into ``SQLStore``; it uses the same connection, dialect and ``_execute``. Bodies that
are only ever read whole (a trait, a signal's evidence) are stored as JSON text, so every
backend stores them the same way.
"""

from __future__ import annotations

import json
import math
from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from persona6.store.base import KeyStateRow, SignalStage, StagedSignals, signal_sort_key
from persona6.store.sql_lists import in_lists
from persona6.types import KIND_NAMES, Evidence, Signal, SignalKind, StoredSignal, Trait

if TYPE_CHECKING:
    from persona6.store.sql import Dialect

_SIGNAL_COLUMNS = (
    "tenant, session_id, actor, kind, key, value, polarity, weight, measure, ts, producer, "
    "evidence, vector, context"
)


def _json_writer(*, sort_keys: bool) -> Callable[[Any], str]:
    """``json.dumps(value, ensure_ascii=False, sort_keys=sort_keys)`` for a list or a dict,
    written by one C encoder made once: ``JSONEncoder.encode`` makes a new one at every call,
    half the time of encoding a signal's small evidence and context. The same text: it is the
    encoder ``encode`` makes, without the check for circular references (signals hold none).
    """
    encoder = json.JSONEncoder(ensure_ascii=False, sort_keys=sort_keys)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # no C accelerator in this Python
        return encoder.encode
    chunks = make(
        None,  # markers: no circular reference check
        encoder.default,
        json.encoder.encode_basestring,  # what ensure_ascii=False writes strings with
        None,  # indent
        encoder.key_separator,
        encoder.item_separator,
        sort_keys,
        encoder.skipkeys,
        encoder.allow_nan,
    )
    return lambda value: "".join(chunks(value, 0))


#: The evidence (Evidence.model_dump gives these four keys in this order) and context of
#: every signal of every build.
_EVIDENCE_JSON = _json_writer(sort_keys=False)
_CONTEXT_JSON = _json_writer(sort_keys=True)


#: How ``json.dumps(..., ensure_ascii=False)`` writes a string (the C function where there is one).
_JSON_STRING = json.encoder.encode_basestring


def _evidence_json(evidence: tuple[Evidence, ...]) -> str:
    """The evidence as ``_EVIDENCE_JSON`` writes it, put together directly for the usual
    entry (str ids and quotes, int offsets: ``int.__repr__`` is what the encoder writes): one
    dict per entry and the encoder's walk cost more than the text (a signal or more an event).
    Anything else goes to the encoder."""
    parts = []
    for e in evidence:
        event_id, start, end, quote = e.event_id, e.start, e.end, e.quote
        if not (type(event_id) is str and type(quote) is str and type(start) is int is type(end)):
            return _EVIDENCE_JSON(
                [
                    {"event_id": e.event_id, "start": e.start, "end": e.end, "quote": e.quote}
                    for e in evidence
                ]
            )
        parts.append(
            f'{{"event_id": {_JSON_STRING(event_id)}, "start": {start!r}, "end": {end!r}, '
            f'"quote": {_JSON_STRING(quote)}}}'
        )
    return "[" + ", ".join(parts) + "]"


#: -0.0 as ``array("d")`` holds it.
_NEGATIVE_ZERO = array("d", [-0.0]).tobytes()


def _vector_json(vector: Sequence[float]) -> str:
    """``json.dumps(list(vector))``, each distinct value written once: a texture profile holds
    a few hundred values but a few dozen distinct ones (zeros, shares of the same totals),
    and writing floats was most of writing a session's signals. The encoder writes a finite
    float with ``float.__repr__``, as here; anything else (an int, an infinity or NaN, or
    -0.0, which is 0.0 as a key) is left to ``json.dumps``."""
    distinct = set(vector)
    if all(type(value) is float and math.isfinite(value) for value in distinct) and not (
        0.0 in distinct and _NEGATIVE_ZERO in array("d", vector).tobytes()
    ):  # a byte match across two values only sends the vector to json.dumps
        written = {value: repr(value) for value in distinct}
        return "[" + ", ".join(map(written.__getitem__, vector)) + "]"
    return json.dumps(list(vector))


#: Texture, held here (as ``types.KIND_NAMES`` holds each kind's name): ``SignalKind.TEXTURE``
#: runs an enum descriptor written in Python (3.11), and every signal of a build asked it.
_TEXTURE = SignalKind.TEXTURE

#: What ``StoredSignal`` holds, in its field order.
_STORED_COLUMNS = (
    "session_id, actor, kind, key, value, polarity, weight, measure, ts, producer, evidence, "
    "context"
)


class GraphSQL:
    """Graph queries; ``SQLStore`` supplies ``_execute`` and ``_executemany``."""

    dialect: Dialect  # supplied by SQLStore
    _depth: int  # SQLStore's: how many transactions are open

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:  # supplied by SQLStore
        raise NotImplementedError

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> Any:  # from SQLStore
        raise NotImplementedError

    def _stream(self, sql: str, params: Sequence[Any]) -> Iterator[Sequence[Any]]:  # SQLStore
        raise NotImplementedError

    def max_seq(self, tenant: str) -> int:
        row = self._execute("SELECT MAX(seq) FROM events WHERE tenant = ?", [tenant]).fetchone()
        return int(row[0] or 0)

    def events_after(self, tenant: str, seq: int) -> int:
        row = self._execute(
            "SELECT COUNT(*) FROM events WHERE tenant = ? AND seq > ?", [tenant, seq]
        ).fetchone()
        return int(row[0])

    def built_seq(self, tenant: str) -> int:
        row = self._execute(
            "SELECT built_seq FROM build_state WHERE tenant = ?", [tenant]
        ).fetchone()
        return int(row[0]) if row else 0

    def set_built_seq(self, tenant: str, seq: int) -> None:
        from persona6.store.sql import _now

        self._execute("DELETE FROM build_state WHERE tenant = ?", [tenant])
        self._execute(
            "INSERT INTO build_state (tenant, built_seq, built_at) VALUES (?, ?, ?)",
            [tenant, seq, _now()],
        )

    def sessions_since(self, tenant: str, after_seq: int) -> list[str]:
        # The events past the watermark through events_by_seq, grouped here: with GROUP BY,
        # SQLite walks the session index over the whole tenant instead.
        rows = self._execute(
            "SELECT session_id FROM events WHERE tenant = ? AND seq > ? ORDER BY seq",
            [tenant, after_seq],
        ).fetchall()
        return list(dict.fromkeys(row[0] for row in rows))

    def identity_map(self, tenant: str) -> dict[str, str]:
        rows = self._execute(
            "SELECT anonymous_id, user_id, created_at, link_id FROM identity_links "
            "WHERE tenant = ? AND revoked_at IS NULL ORDER BY created_at, link_id",
            [tenant],
        ).fetchall()
        # The latest link wins if an anonymous actor was identified as two people.
        return {row[0]: row[1] for row in rows}

    def _bump_graph(self, tenant: str) -> None:
        """Move the tenant's graph epoch (``graph_version``): called by every graph write."""
        self._execute(
            "INSERT INTO graph_epochs (tenant, epoch) VALUES (?, 1) "
            "ON CONFLICT (tenant) DO UPDATE SET epoch = graph_epochs.epoch + 1",
            [tenant],
        )

    def replace_session_signals(
        self, tenant: str, session_id: str, signals: Sequence[Signal]
    ) -> list[StoredSignal]:
        self._bump_graph(tenant)
        self._execute(
            "DELETE FROM signals WHERE tenant = ? AND session_id = ?", [tenant, session_id]
        )
        if not signals:
            return []
        rows = _signal_rows(tenant, signals)
        self._executemany(f"INSERT INTO signals ({_SIGNAL_COLUMNS}) VALUES ({_MARKS})", rows)
        return [
            StoredSignal(row[1], row[2], s.kind, *row[4:12], row[13])
            for row, s in zip(rows, signals, strict=True)
            if s.kind is not _TEXTURE
        ]

    @contextmanager
    def signal_stage(self) -> Iterator[SignalStage]:
        # A temporary table: the connection's own (SQLite keeps it in a file of its own, by
        # default, and its writes lock no table of the database; PostgreSQL writes no WAL for
        # it), made at the first use and emptied of this stage's rows at exit.
        self._execute(self.dialect.ddl(_STAGE_TABLE))
        row = self._execute("SELECT MAX(n) FROM signal_stage").fetchone()
        stage = _SQLSignalStage(self, int(row[0] or 0) + 1)
        try:
            yield stage
        except BaseException:
            stage.rows.clear()
            if not self._depth:  # else the caller's transaction, rolled back, takes them
                self._execute("DELETE FROM signal_stage WHERE n >= ?", [stage.start])
            raise
        stage.rows.clear()
        self._execute("DELETE FROM signal_stage WHERE n >= ?", [stage.start])

    def signal_count(self, tenant: str) -> int:
        row = self._execute(
            "SELECT COUNT(*) FROM signals WHERE tenant = ? AND kind <> 'texture'", [tenant]
        ).fetchone()
        return int(row[0])

    def event_seqs_by_session(self, tenant: str) -> dict[str, tuple[tuple[int, str, str], ...]]:
        # One read of the tenant's events, grouped here (a full build asks for every session).
        found: dict[str, list[tuple[int, str, str]]] = {}
        for row in self._stream(
            "SELECT session_id, seq, event_id, ingested_at FROM events WHERE tenant = ? "
            "ORDER BY seq",
            [tenant],
        ):
            found.setdefault(row[0], []).append((int(row[1]), row[2], row[3]))
        return {session_id: tuple(seqs) for session_id, seqs in found.items()}

    def iter_event_seqs_by_session(
        self, tenant: str
    ) -> Iterator[tuple[str, tuple[tuple[int, str, str], ...]]]:
        # The session index holds each session's events in seq order (SQLite: seq is the
        # rowid, which every index entry ends with): no sort.
        session: str | None = None
        seqs: list[tuple[int, str, str]] = []
        for row in self._stream(
            "SELECT session_id, seq, event_id, ingested_at FROM events WHERE tenant = ? "
            "ORDER BY session_id, seq",
            [tenant],
        ):
            if row[0] != session:
                if session is not None:
                    yield session, tuple(seqs)
                session, seqs = row[0], []
            seqs.append((int(row[1]), row[2], row[3]))
        if session is not None:
            yield session, tuple(seqs)

    def session_signal_actors(self, tenant: str, session_id: str) -> set[str]:
        rows = self._execute(
            "SELECT DISTINCT actor FROM signals WHERE tenant = ? AND session_id = ?",
            [tenant, session_id],
        ).fetchall()
        return {row[0] for row in rows}

    def signals_of(
        self,
        tenant: str,
        actors: Iterable[str],
        keys: Collection[tuple[str, str]] | None = None,
        exclude_kinds: Collection[str] = (),
    ) -> list[Signal]:
        wanted = sorted(set(actors))
        found: list[Signal] = []
        skip = set(exclude_kinds)
        for chunk, marks in in_lists(wanted):
            base = f"SELECT {_SIGNAL_COLUMNS} FROM signals WHERE tenant = ? AND actor IN ({marks})"
            if keys is None:
                rows = self._execute(base, [tenant, *chunk]).fetchall()
                found.extend(_signal(row) for row in rows if row[3] not in skip)
                continue
            for kind, key in sorted(keys):
                if kind in skip:
                    continue
                rows = self._execute(
                    f"{base} AND kind = ? AND key = ?", [tenant, *chunk, kind, key]
                ).fetchall()
                found.extend(_signal(row) for row in rows)
        found.sort(key=lambda s: (s.ts, s.session_id, s.actor, s.kind, s.key, s.value))
        return found

    def signals_in_sessions(
        self, tenant: str, session_ids: Iterable[str], actors: Iterable[str] | None = None
    ) -> list[Signal]:
        wanted = None if actors is None else set(actors)
        found: list[Signal] = []
        for chunk, marks in in_lists(sorted(set(session_ids))):
            rows = self._execute(
                f"SELECT {_SIGNAL_COLUMNS} FROM signals WHERE tenant = ? "
                f"AND session_id IN ({marks})",
                [tenant, *chunk],
            ).fetchall()
            found.extend(_signal(row) for row in rows if wanted is None or row[2] in wanted)
        found.sort(key=lambda s: (s.ts, s.session_id, s.actor, s.kind, s.key, s.value))
        return found

    def stored_signals_of(
        self, tenant: str, actors: Iterable[str], keys: Collection[tuple[str, str]] | None = None
    ) -> list[StoredSignal]:
        wanted = sorted(set(actors))
        rows: list[Sequence[Any]] = []
        for chunk, marks in in_lists(wanted):
            base = (
                f"SELECT {_STORED_COLUMNS} FROM signals WHERE tenant = ? AND actor IN ({marks}) "
                "AND kind <> 'texture'"
            )
            pairs = (
                [("", [])]
                if keys is None
                else [(" AND kind = ? AND key = ?", [kind, key]) for kind, key in sorted(keys)]
            )
            for scope, extra in pairs:
                rows.extend(self._execute(base + scope, [tenant, *chunk, *extra]).fetchall())
        return _stored_signals(rows)

    def stored_signals_in_sessions(
        self, tenant: str, actors: Iterable[str] | None, session_ids: Iterable[str]
    ) -> list[StoredSignal]:
        wanted = None if actors is None else set(actors)
        rows: list[Sequence[Any]] = []
        for session_id in sorted(set(session_ids)):
            # The session index, then the actors in Python: a session holds few signals.
            found = self._execute(
                f"SELECT {_STORED_COLUMNS} FROM signals WHERE tenant = ? AND session_id = ? "
                "AND kind <> 'texture'",
                [tenant, session_id],
            ).fetchall()
            rows.extend(row for row in found if wanted is None or row[1] in wanted)
        return _stored_signals(rows)

    def key_states(
        self,
        tenant: str,
        person_id: str,
        *,
        keys: Collection[tuple[str, str]] | None = None,
        kinds: Collection[str] | None = None,
    ) -> list[KeyStateRow]:
        columns = "kind, key, version, last_session, state, traits"
        base = f"SELECT {columns} FROM key_states WHERE tenant = ? AND person_id = ?"
        rows: list[Sequence[Any]] = []
        if keys is not None:
            for kind, key in sorted(keys):
                rows.extend(
                    self._execute(
                        f"{base} AND kind = ? AND key = ?", [tenant, person_id, kind, key]
                    ).fetchall()
                )
        if kinds is not None and kinds:
            names = sorted(kinds)
            rows.extend(
                self._execute(
                    f"{base} AND kind IN ({', '.join('?' * len(names))})",
                    [tenant, person_id, *names],
                ).fetchall()
            )
        return [KeyStateRow(*row) for row in rows]

    def replace_key_states(
        self,
        tenant: str,
        person_id: str,
        rows: Sequence[KeyStateRow],
        keys: Collection[tuple[str, str]] | None = None,
    ) -> None:
        if keys is None:
            self._execute(
                "DELETE FROM key_states WHERE tenant = ? AND person_id = ?", [tenant, person_id]
            )
        else:
            self._executemany(
                "DELETE FROM key_states WHERE tenant = ? AND person_id = ? AND kind = ? "
                "AND key = ?",
                [(tenant, person_id, kind, key) for kind, key in sorted(keys)],
            )
        if rows:
            self._executemany(
                "INSERT INTO key_states (tenant, person_id, kind, key, version, last_session, "
                "state, traits) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (tenant, person_id, r.kind, r.key, r.version, r.last_session, r.state, r.traits)
                    for r in rows
                ],
            )

    def signal_keys(
        self,
        tenant: str,
        *,
        session_id: str | None = None,
        actors: Iterable[str] | None = None,
        kinds: Collection[str] | None = None,
    ) -> set[tuple[str, str, str]]:
        where, params = ["tenant = ?"], [tenant]
        if session_id is not None:
            where.append("session_id = ?")
            params.append(session_id)
        if actors is not None:
            names = sorted(set(actors))
            if not names:
                return set()
            where.append(f"actor IN ({', '.join('?' * len(names))})")
            params += names
        if kinds is not None:
            where.append(f"kind IN ({', '.join('?' * len(kinds))})")
            params += sorted(kinds)
        # One session's rows are few: without DISTINCT the planner takes the session index
        # (with it, SQLite walks the actor index over the whole tenant).
        distinct = "" if session_id is not None else "DISTINCT "
        rows = self._execute(
            f"SELECT {distinct}actor, kind, key FROM signals WHERE {' AND '.join(where)}", params
        ).fetchall()
        return {(row[0], row[1], row[2]) for row in rows}

    def session_event_seqs(self, tenant: str, session_id: str) -> tuple[tuple[int, str, str], ...]:
        """(seq, event_id, ingested_at) of every event of the session, in seq order: what a
        build compares to tell whether a session changed since it read it (no bodies read).
        (Before migration 0011, SQLite gave a forgotten event's seq to the next event; its
        ingest time differs.)"""
        rows = self._execute(
            "SELECT seq, event_id, ingested_at FROM events WHERE tenant = ? AND session_id = ? "
            "ORDER BY seq",
            [tenant, session_id],
        ).fetchall()
        return tuple((int(row[0]), row[1], row[2]) for row in rows)

    def replace_traits(
        self,
        tenant: str,
        person_id: str,
        traits: Sequence[Trait],
        keys: Collection[tuple[str, str]] | None = None,
    ) -> None:
        self._bump_graph(tenant)
        # The evidence index changes by what the new traits cite and the old did not, and the
        # other way round: a trait re-derived after a new session keeps most of its evidence,
        # and rewriting every row was most of an incremental build's writes.
        wanted = None if keys is None else set(keys)
        replaced = [
            row[0]
            for row in self._execute(
                "SELECT trait_id, kind, key FROM traits WHERE tenant = ? AND person_id = ?",
                [tenant, person_id],
            ).fetchall()
            if wanted is None or (row[1], row[2]) in wanted
        ]
        held = self._evidence_rows(tenant, replaced)
        cited = {
            (t.id, event_id)
            for t in traits
            for event_id in {e.event_id for e in t.evidence}
            | {e.event_id for e in t.counter_evidence}
        }
        self._executemany(
            "DELETE FROM evidence_index WHERE tenant = ? AND trait_id = ? AND event_id = ?",
            [(tenant, trait_id, event_id) for trait_id, event_id in sorted(held - cited)],
        )
        self._executemany(
            "DELETE FROM traits WHERE tenant = ? AND trait_id = ?",
            [(tenant, trait_id) for trait_id in replaced],
        )
        if traits:
            self._executemany(
                "INSERT INTO traits (tenant, trait_id, person_id, kind, key, body, confidence, "
                "valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        tenant,
                        t.id,
                        person_id,
                        KIND_NAMES[t.kind],
                        t.key,
                        t.model_dump_json(),
                        t.confidence,
                        t.valid_from,
                        t.valid_to,
                    )
                    for t in traits
                ],
            )
        self._executemany(
            "INSERT INTO evidence_index (tenant, event_id, trait_id) VALUES (?, ?, ?)",
            [(tenant, event_id, trait_id) for trait_id, event_id in sorted(cited - held)],
        )

    def _evidence_rows(self, tenant: str, trait_ids: Collection[str]) -> set[tuple[str, str]]:
        """(trait_id, event_id) of every evidence_index row of these traits."""
        found: set[tuple[str, str]] = set()
        for chunk, marks in in_lists(sorted(trait_ids)):
            rows = self._execute(
                "SELECT trait_id, event_id FROM evidence_index WHERE tenant = ? "
                f"AND trait_id IN ({marks})",
                [tenant, *chunk],
            ).fetchall()
            found.update((row[0], row[1]) for row in rows)
        return found

    def traits_of(self, tenant: str, person_id: str) -> list[Trait]:
        rows = self._execute(
            "SELECT body FROM traits WHERE tenant = ? AND person_id = ? "
            "ORDER BY kind, confidence DESC, key, valid_from",
            [tenant, person_id],
        ).fetchall()
        return [Trait.model_validate_json(row[0]) for row in rows]

    def trait(self, tenant: str, trait_id: str) -> Trait | None:
        row = self._execute(
            "SELECT body FROM traits WHERE tenant = ? AND trait_id = ?", [tenant, trait_id]
        ).fetchone()
        return Trait.model_validate_json(row[0]) if row else None

    def persons(self, tenant: str) -> list[tuple[str, int, str | None]]:
        rows = self._execute(
            "SELECT person_id, COUNT(*), MAX(valid_from) FROM traits WHERE tenant = ? "
            "GROUP BY person_id ORDER BY COUNT(*) DESC, person_id",
            [tenant],
        ).fetchall()
        return [(row[0], int(row[1]), row[2]) for row in rows]

    def delete_events(self, tenant: str, event_ids: Sequence[str]) -> list[str]:
        self._bump_graph(tenant)
        sessions: set[str] = set()
        ids = sorted(set(event_ids))
        for chunk, marks in in_lists(ids):
            rows = self._execute(
                "SELECT DISTINCT session_id FROM events "
                f"WHERE tenant = ? AND event_id IN ({marks})",
                [tenant, *chunk],
            ).fetchall()
            sessions.update(row[0] for row in rows)
            self._execute(
                f"DELETE FROM events WHERE tenant = ? AND event_id IN ({marks})", [tenant, *chunk]
            )
        return sorted(sessions)


_MARKS = ", ".join("?" * 14)


def _signal_rows(tenant: str, signals: Iterable[Signal]) -> list[tuple[Any, ...]]:
    """The ``signals`` rows of the signals, in ``_SIGNAL_COLUMNS`` order."""
    names = KIND_NAMES
    return [
        (
            tenant,
            s.session_id,
            s.actor,
            names[s.kind],
            s.key,
            s.value,
            s.polarity,
            s.weight,
            s.measure,
            s.ts,
            s.producer,
            _evidence_json(s.evidence),
            None if s.vector is None else _vector_json(s.vector),
            _CONTEXT_JSON(s.context) if s.context else "{}",
        )
        for s in signals
    ]


#: The stage of ``signal_stage``: the columns of ``signals`` with their types (so each value
#: is stored as ``signals`` would store it) and no constraints (a value ``signals`` refuses is
#: refused when written there, as ``replace_session_signals`` would refuse it), numbered.
_STAGE_TABLE = (
    "CREATE TEMPORARY TABLE IF NOT EXISTS signal_stage (n INTEGER PRIMARY KEY, tenant TEXT, "
    "session_id TEXT, actor TEXT, kind TEXT, key TEXT, value TEXT, polarity REAL, weight REAL, "
    "measure REAL, ts TEXT, producer TEXT, evidence TEXT, vector TEXT, context TEXT)"
)

#: Rows a stage holds in memory before it writes them: about 1 MB (a texture row's vector is
#: 2-3 KB of JSON) and one short transaction per few dozen sessions.
STAGE_BATCH = 500


class _SQLSignalStage(SignalStage):
    def __init__(self, store: Any, start: int):
        self.store = store
        self.start = start
        self.next = start  # the number of the next row added
        self.rows: list[tuple[Any, ...]] = []  # added, not written yet

    def add(self, tenant: str, signals: Sequence[Signal]) -> StagedSignals:
        staged = StagedSignals(self.next, len(signals))
        rows = _signal_rows(tenant, signals)
        self.rows += [(n, *row) for n, row in enumerate(rows, self.next)]
        self.next += len(rows)
        if len(self.rows) >= STAGE_BATCH:
            self.flush()
        return staged

    def flush(self) -> None:
        """Write the rows added since the last flush, in a transaction of their own when
        none is open (one that writes the temporary table only: it locks nothing else)."""
        if not self.rows:
            return
        store = self.store
        sql = f"INSERT INTO signal_stage (n, {_SIGNAL_COLUMNS}) VALUES (?, {_MARKS})"
        if store._depth:
            store._executemany(sql, self.rows)
        else:
            store.conn.execute("BEGIN")  # deferred (SQLite): it locks what it writes
            try:
                store._executemany(sql, self.rows)
            except BaseException:
                store.conn.rollback()
                raise
            store.conn.commit()
        self.rows = []

    def write(self, tenant: str, session_id: str, staged: StagedSignals) -> None:
        self.flush()
        store = self.store
        store._bump_graph(tenant)
        store._execute(
            "DELETE FROM signals WHERE tenant = ? AND session_id = ?", [tenant, session_id]
        )
        if staged.count:
            store._execute(
                f"INSERT INTO signals ({_SIGNAL_COLUMNS}) SELECT {_SIGNAL_COLUMNS} "
                "FROM signal_stage WHERE n >= ? AND n < ? ORDER BY n",
                [staged.first, staged.first + staged.count],
            )


#: Each kind by its name, made once (``types.KIND_NAMES`` says why).
_KINDS = {kind.value: kind for kind in SignalKind}


def _stored_signals(rows: list[Sequence[Any]]) -> list[StoredSignal]:
    kinds = _KINDS
    found = [StoredSignal(row[0], row[1], kinds[row[2]], *row[3:]) for row in rows]
    found.sort(key=signal_sort_key)
    return found


def _signal(row: Sequence[Any]) -> Signal:
    # model_construct: these rows were validated when the signals were stored, and builds read
    # many thousands of them.
    return Signal.model_construct(
        session_id=row[1],
        actor=row[2],
        kind=SignalKind(row[3]),
        key=row[4],
        value=row[5],
        polarity=row[6],
        weight=row[7],
        measure=row[8],
        ts=row[9],
        producer=row[10],
        evidence=tuple(Evidence.model_construct(**e) for e in json.loads(row[11])),
        vector=None if row[12] is None else tuple(json.loads(row[12])),
        context=json.loads(row[13]),
    )
