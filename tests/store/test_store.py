"""Every backend: migrations, transactions, queries, and what other connections see.

Each test runs against every backend the ``store`` or ``db_url`` fixture offers (SQLite in
memory and on file, PostgreSQL when configured); backend-specific tests are in test_sqlite.py
and test_postgres.py.
"""

from __future__ import annotations

import pytest
from helpers import message

from persona6.errors import StoreError
from persona6.ingest.pipeline import event_row, ingest_events
from persona6.store import EventQuery, open_store, sql_identity
from persona6.store.base import CONTENT_COLUMNS, EVENT_COLUMNS, IdentityLink, signal_sort_key
from persona6.store.sql import migrations
from persona6.types import Event, Evidence, Signal, SignalKind


def _rows(*numbers: int, tenant: str = "default"):
    """Event rows as ingest makes them, one message per number (same number, same event)."""
    events = [Event.model_validate(message(n)) for n in numbers]
    return [event_row(e, tenant, "test", "2026-03-02T00:00:00.000000Z") for e in events]


def _texts(store, **query) -> list[str | None]:
    return [e.text for e in store.iter_events(EventQuery(tenant="default", **query))]


def test_migrations_are_numbered_and_recorded(store):
    rows = store.conn.execute("SELECT version, name FROM schema_migrations ORDER BY version")
    assert [tuple(row) for row in rows.fetchall()] == [(v, n) for v, n, _ in migrations()]
    assert migrations()[0][:2] == (1, "0001_event_log")
    assert store.schema_version() == migrations()[-1][0]


def test_reopening_does_not_reapply_migrations(db_url):
    open_store(db_url).close()
    store = open_store(db_url)
    rows = store.conn.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()
    assert (rows[0], store.schema_version()) == (len(migrations()), migrations()[-1][0])
    store.close()


def test_a_newer_schema_is_refused_with_upgrade_hint(db_url):
    store = open_store(db_url)
    with store.transaction():
        store.conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'x')")
    store.close()
    with pytest.raises(StoreError, match="schema version 999, newer than this persona6 knows"):
        open_store(db_url)


def test_insert_events_counts_only_new_events(store):
    with store.transaction():
        assert store.insert_events(_rows(0, 1)) == 2
    with store.transaction():
        # 0 is stored already, 2 comes twice in the batch: one new event.
        assert store.insert_events(_rows(0, 2, 2)) == 1
    with store.transaction():
        assert store.insert_events(_rows(0, 1, 2)) == 0
        assert store.insert_events(_rows(0, tenant="other")) == 1
    assert _texts(store) == ["message number 0", "message number 1", "message number 2"]


def test_event_contents_are_the_stored_columns_of_the_ids_stored(store):
    rows = _many(501)  # past one IN list
    with store.transaction():
        store.insert_events(rows)
    ids = [row[1] for row in rows]
    found = store.event_contents("default", [*reversed(ids), "not-stored", ids[0]])
    assert set(found) == set(ids)
    column = {name: EVENT_COLUMNS.index(name) for name in CONTENT_COLUMNS}
    assert found[ids[7]] == tuple(rows[7][column[name]] for name in CONTENT_COLUMNS)
    assert store.event_contents("other", ids) == {}


def test_transaction_rolls_back_on_error(store):
    with pytest.raises(RuntimeError), store.transaction():
        ingest_events(store, [message(0)])
        raise RuntimeError("boom")
    assert list(store.iter_events(EventQuery(tenant="default"))) == []


def test_a_nested_transaction_joins_the_outer_one(store):
    with pytest.raises(RuntimeError), store.transaction():
        with store.transaction():
            store.insert_events(_rows(0))
        # The inner unit of work ended, but nothing is committed until the outer one is.
        store.insert_events(_rows(1))
        raise RuntimeError("boom")
    assert _texts(store) == []
    with store.transaction():
        with store.transaction():
            store.insert_events(_rows(0))
        store.insert_events(_rows(1))
    assert _texts(store) == ["message number 0", "message number 1"]


def test_event_filters_narrow(store):
    ingest_events(
        store,
        [
            message(0, session_id="a"),
            message(1, session_id="b", user_id=None, anonymous_id="anon"),
            message(2, session_id="b", type="action", name="command"),
        ],
    )
    assert _texts(store, session_id="b") == ["message number 1", "message number 2"]
    assert _texts(store, anonymous_id="anon") == ["message number 1"]
    assert _texts(store, actor="u-1") == ["message number 0", "message number 2"]
    assert _texts(store, type="action") == ["message number 2"]
    assert _texts(
        store, since="2026-03-01T10:00:01.000000Z", until="2026-03-01T10:00:02.000000Z"
    ) == ["message number 1"]
    assert _texts(store, limit=1) == ["message number 0"]


def test_sessions_list_actors_and_counts(store):
    ingest_events(
        store,
        [
            message(0, session_id="a"),
            message(1, session_id="a", user_id="u-2"),
            {
                "ts": "2026-03-01T10:00:03Z",
                "session_id": "a",
                "type": "message",
                "role": "assistant",
                "text": "hi",
            },
            message(4, session_id="b", type="outcome", name="error"),
        ],
    )
    found = {s.session_id: s for s in store.sessions("default")}
    assert found["a"].actors == ["u-1", "u-2"]
    assert (found["a"].messages, found["b"].outcomes) == (3, 1)
    assert [s.session_id for s in store.sessions("default", actor="u-2")] == ["a"]
    assert [s.session_id for s in store.sessions("default")] == ["b", "a"]


def test_stats_count_by_type_and_actor(store):
    ingest_events(store, [message(0), message(1, user_id=None, anonymous_id="x")])
    stats = store.stats("default")
    assert (stats.events, stats.sessions, stats.persons, stats.anonymous_actors) == (2, 1, 1, 1)
    assert stats.by_type == {"message": 2}
    assert store.stats("other").events == 0


def test_text_sorts_by_code_point_as_in_python(store):
    names = ["b", "B", "a", "_x", "Z", "é", "a-b", "ab"]
    ingest_events(store, [message(n, user_id=name) for n, name in enumerate(names)])
    # Every backend orders text as SQLite and Python do (by code point), whatever its locale.
    assert [a.actor for a in store.actors("default")] == sorted(names)


def _signal(**numbers: float) -> Signal:
    return Signal(
        session_id="s-1",
        actor="u-1",
        kind=SignalKind.CONCERN,
        key="correctness",
        value="correctness",
        ts="2026-03-01T10:00:00.000000Z",
        producer="persona6.test.v1",
        **{"polarity": 1.0, "weight": 1.0, **numbers},
    )


def test_signal_numbers_keep_double_precision(store):
    ingest_events(store, [message(0)])
    signal = _signal(polarity=0.1, weight=1 / 3, measure=2.0**-40)
    with store.transaction():
        store.replace_session_signals("default", "s-1", [signal])
    (stored,) = store.signals_of("default", ["u-1"])
    assert (stored.polarity, stored.weight, stored.measure) == (0.1, 1 / 3, 2.0**-40)


def test_events_with_attr_finds_names_with_json_escapes_and_wildcards(store):
    names = ["plain", "back\\slash", "under_score", "per%cent", "naïve"]
    ingest_events(
        store,
        [message(n, attrs={name: f"v{n}"}) for n, name in enumerate(names)]
        + [message(9, attrs={"underXscore": "no", "perXcent": "no"})],
    )
    for n, name in enumerate(names):
        found = store.events_with_attr("default", name)
        assert [(actor, attrs) for _, actor, attrs in found] == [
            ("u-1", "{" + f'"{name}":"v{n}"'.replace("\\", "\\\\") + "}")
        ], name


def test_a_write_by_another_connection_is_seen_at_the_next_read(db_url):
    reader, writer = open_store(db_url), open_store(db_url)
    assert _texts(reader) == []
    ingest_events(writer, [message(0)])
    assert _texts(reader) == ["message number 0"]
    reader.close()
    writer.close()


def test_graph_version_moves_when_another_connection_changes_the_graph(db_url):
    reader, writer = open_store(db_url), open_store(db_url)
    ingest_events(writer, [message(0)])
    with writer.transaction():
        writer.replace_session_signals("default", "s-1", [_signal()])
    before = reader.graph_version("default")
    assert reader.graph_version("default") == before  # stable while nothing is written
    with writer.transaction():  # a forget in another process: no new build, a changed graph
        writer.replace_session_signals("default", "s-1", [])
    assert reader.graph_version("default") != before
    reader.close()
    writer.close()


def test_graph_version_moves_with_own_graph_writes_inside_a_transaction(store):
    ingest_events(store, [message(0)])
    with store.transaction():
        before = store.graph_version("default")
        store.replace_session_signals("default", "s-1", [_signal()])
        assert store.graph_version("default") != before


def test_graph_version_stays_while_only_events_are_recorded(db_url):
    # Caches of derived answers (briefs, predictions) key on graph_version: a live product
    # records events all the time, and must not pay for reloading them on each one.
    reader, writer = open_store(db_url), open_store(db_url)
    ingest_events(writer, [message(0)])
    before = reader.graph_version("default")
    ingest_events(writer, [message(1), message(2)])
    assert reader.graph_version("default") == before
    with writer.transaction():
        writer.delete_events("default", ["e0"])  # a forget moves it
    assert reader.graph_version("default") != before
    reader.close()
    writer.close()


def test_key_states_are_replaced_per_key_or_whole(store):
    from persona6.store.base import KeyStateRow

    def row(kind: str, key: str, state: str) -> KeyStateRow:
        return KeyStateRow(kind, key, "v1", "s1" if kind else None, state, "[]")

    with store.transaction():
        store.replace_key_states("default", "ada", [row("", "", "{}"), row("style", "pace", "1")])
        store.replace_key_states("default", "bob", [row("style", "pace", "b")])
    with store.transaction():
        store.replace_key_states(
            "default",
            "ada",
            [row("task", "deploy", "2")],
            keys=[("style", "pace"), ("task", "deploy")],
        )
    found = store.key_states("default", "ada", keys=[("style", "pace"), ("", "")], kinds=["task"])
    assert found == [row("", "", "{}"), row("task", "deploy", "2")]
    assert store.key_states("default", "bob", kinds=["style"]) == [row("style", "pace", "b")]
    with store.transaction():
        store.replace_key_states("default", "ada", [])
    assert store.key_states("default", "ada", keys=[("", "")], kinds=["task", "style"]) == []


def test_stored_signals_of_some_sessions_are_those_of_the_actors_there(store):
    def signal(session: str, actor: str, key: str) -> Signal:
        return Signal(
            actor=actor,
            kind=SignalKind.PREFERENCE,
            key=key,
            session_id=session,
            ts="2026-03-01T10:00:00.000000Z",
            producer="test.v1",
        )

    with store.transaction():
        store.replace_session_signals("default", "s1", [signal("s1", "ada", "tea")])
        store.replace_session_signals(
            "default", "s2", [signal("s2", "ada", "jazz"), signal("s2", "bob", "tea")]
        )
    read = store.stored_signals_in_sessions("default", ["ada"], ["s2", "s3"])
    assert [(s.session_id, s.actor, s.key) for s in read] == [("s2", "ada", "jazz")]
    assert store.stored_signals_of("default", ["ada"]) == store.stored_signals_in_sessions(
        "default", ["ada"], ["s1", "s2"]
    )


def test_signals_in_sessions_are_those_signals_of_reads_in_the_sessions_in_its_order(store):
    """What identity units read per slice of sessions (the session index), instead of every
    signal of the slice's actors filtered to the slice."""

    def signal(session: int, actor: str, key: str, second: int) -> Signal:
        return Signal(
            actor=actor,
            kind=SignalKind.PREFERENCE,
            key=key,
            value=key,
            session_id=f"s{session}",
            ts=f"2026-03-01T10:00:{second:02d}.000000Z",
            producer="test.v1",
            evidence=(Evidence(event_id=f"e{session}", start=0, end=len(key), quote=key),),
        )

    with store.transaction():
        for n in range(503):  # past one IN list of sessions
            store.replace_session_signals(
                "default",
                f"s{n}",
                [
                    signal(n, "bob", "tea", 59 - n % 60),
                    signal(n, "ada", "jazz", n % 7),
                    signal(n, "ada", "tea", n % 7),
                ],
            )
        store.replace_session_signals("other", "s1", [signal(1, "ada", "tea", 0)])
    sessions = [f"s{n}" for n in range(0, 503, 2)]
    for actors in (["ada"], ["ada", "bob"], ["cy"]):
        expected = [s for s in store.signals_of("default", actors) if s.session_id in sessions]
        assert store.signals_in_sessions("default", [*sessions, "s-none"], actors) == expected
    everyone = [s for s in store.signals_of("default", ["ada", "bob"]) if s.session_id in sessions]
    assert store.signals_in_sessions("default", reversed(sessions)) == everyone
    assert store.signals_in_sessions("default", []) == []


def _many(count: int, first: int = 0, tenant: str = "default"):
    """``count`` event rows a second apart, more than one batch of a streamed read."""
    events = [
        Event.model_validate(
            message(
                0,
                event_id=f"e-{n}",
                ts=f"2026-03-01T{n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}Z",
                text=f"message number {n}",
            )
        )
        for n in range(first, first + count)
    ]
    return [event_row(e, tenant, "test", "2026-03-02T00:00:00.000000Z") for e in events]


def test_a_long_read_streams_in_order_while_the_caller_writes_and_can_stop_early(store):
    with store.transaction():
        store.insert_events(_many(2500))
    reading = store.iter_events(EventQuery(tenant="default"))
    seen = []
    for number, event in enumerate(reading):
        seen.append(event.event_id)
        if number in (10, 1500):  # other statements between batches of the read
            with store.transaction():
                store.insert_events(_many(1, first=5000 + number, tenant="other"))
    assert seen == [f"e-{n}" for n in range(2500)]
    # a read left half-way holds nothing up: the next reads and writes go on
    for half in (store.iter_events(EventQuery(tenant="default")) for _ in range(3)):
        next(half)
        half.close()
    with store.transaction():
        store.insert_events(_many(1, first=2500))
        inside = store.iter_events(EventQuery(tenant="default", limit=3))
        assert len(list(inside)) == 3
    assert len(list(store.iter_events(EventQuery(tenant="default")))) == 2501
    assert len(list(store.iter_events(EventQuery(tenant="other")))) == 2


def test_profile_versions_only_grow_and_survive_the_units_watermark(store):
    assert store.identity_profile_versions("default") == {}
    first = store.next_identity_profiles_version("default")
    store.replace_identity_profile("default", "ada", 1, None, "{}", version=first)
    store.replace_identity_profile("default", "bob", 1, None, "{}", version=first)
    store.set_identity_units_seq("default", 42)  # keeps the counter
    second = store.next_identity_profiles_version("default")
    assert second > first
    store.replace_identity_profile("default", "ada", 2, None, "{}", version=second)
    store.delete_identity_profile("default", "bob")
    assert store.identity_profile_versions("default") == {"ada": second}
    store.replace_identity_profile("default", "cy", 1, None, "{}", version=first)
    assert store.identity_profile_versions("default", after=first) == {"ada": second}
    assert store.identity_profile_versions("default", after=second) == {}
    assert store.identity_profile_versions("default", after=0) == {"ada": second, "cy": first}
    store.delete_identity_profile("default", "cy")
    assert store.identity_units_seq("default") == 42
    assert store.next_identity_profiles_version("other") == 1  # per tenant
    # Deleting the newest row does not lower the counter: no version is given twice.
    store.delete_identity_profile("default", "ada")
    assert store.next_identity_profiles_version("default") > second


def _link(link_id: str, evidence: str | None, details: dict, day: int = 1) -> IdentityLink:
    return IdentityLink(
        link_id=link_id,
        anonymous_id=f"anon-{link_id}",
        user_id="u-1",
        method="auto",
        evidence_event_id=evidence,
        created_at=f"2026-03-0{day}T00:00:00.000000Z",
        details=details,
    )


def _quoting(*event_ids: str) -> dict:
    return {"evidence": [{"anonymous": [{"event_id": e, "quote": "q"}]} for e in event_ids]}


@pytest.mark.parametrize("searched", [0, 100], ids=["details-read-once", "details-searched"])
def test_links_citing_events_are_those_whose_proof_or_details_name_one(
    store, monkeypatch, searched
):
    """Whether link details are searched in SQL (few ids) or read once (many), the same links:
    an id equal to a string of the details, not one that differs in case, is longer, is quoted
    inside a string, or matches only as a LIKE pattern would."""
    monkeypatch.setattr(sql_identity, "DETAILS_SEARCHED_IDS", searched)
    odd = 'é"\\1'  # non-ASCII, and escaped in JSON
    with store.transaction():
        store.insert_identity_links(
            [("default", "identify", "anon-i", "u-1", "identify", "e-1", "2026-03-09")]
        )
        for link in [
            _link("proof", "e-2", {}, 2),
            _link("quote", None, _quoting("e-3", "e-9"), 3),
            _link("odd", None, _quoting(odd), 4),
            _link("person", None, {"person_event_id": "e%5"}, 5),
            _link("note", None, {"note": "e-6"}, 6),
            _link("b-older", None, _quoting("e-3"), 1),  # oldest first, then by id
            _link("a-older", None, _quoting("e-3"), 1),
            _link("case", None, _quoting("E-2"), 7),
            _link("longer", "e-20", _quoting("e-30", "ex5"), 7),
            _link("inside", None, {"note": 'said "e-4', "e-40": 1}, 7),
        ]:
            store.add_identity_link("default", link)
        store.add_identity_link("other", _link("elsewhere", "e-2", _quoting("e-3"), 1))

    def citing(*ids: str) -> list[str]:
        return [k.link_id for k in store.identity_links_citing("default", ids)]

    assert citing("e-1", "e-2", "e-3", odd, "e%5", "e-6") == [
        "a-older",
        "b-older",
        "proof",
        "quote",
        "odd",
        "person",
        "note",
        "identify",
    ]
    assert citing("e-9") == ["quote"]
    assert citing("e-4", "E-1", "e_5") == []
    assert citing("e-40") == ["inside"]  # a key is a string of the details too
    (identify,) = store.identity_links_citing("default", ["e-1"])
    assert (identify.evidence_event_id, identify.details) == ("e-1", {})


def test_links_citing_many_events_read_every_slice_of_proofs(store):
    with store.transaction():
        for n in range(0, 1200, 100):
            store.add_identity_link("default", _link(f"l-{n:04d}", f"e-{n:04d}", {}))
    found = store.identity_links_citing("default", [f"e-{n:04d}" for n in range(1200)])
    assert [k.link_id for k in found] == [f"l-{n:04d}" for n in range(0, 1200, 100)]


def test_deleting_events_leaves_the_links_that_cite_them_to_forgetting(store):
    with store.transaction():
        store.insert_events(_rows(0))
        event_id = _rows(0)[0][1]
        store.insert_identity_links(
            [("default", "identify", "anon-i", "u-1", "identify", event_id, "2026-03-09")]
        )
        assert store.delete_events("default", [event_id]) == ["s-1"]
    assert [k.link_id for k in store.identity_links("default", include_revoked=True)] == [
        "identify"
    ]


def test_stored_signals_are_returned_as_they_read_back(store):
    """What replace_session_signals returns is what stored_signals_of reads (texture left
    out)."""
    signals = [
        _signal(polarity=0.1, weight=1 / 3, measure=2.0**-40),
        _signal(polarity=-1.0, weight=2.0, measure=None),
        Signal(
            actor="u-1",
            kind=SignalKind.TEXTURE,
            key="profile",
            vector=(0.5, 0.25),
            session_id="s-1",
            ts="2026-03-01T10:00:00.000000Z",
            producer="persona6.test.v1",
        ),
        Signal(
            actor="u-2",
            kind=SignalKind.TASK,
            key="sequence:a>b",
            value="naïve “quotes” 😊",
            context={"event_ids": ["e0"], "z": 1},
            evidence=[{"event_id": "e0", "start": 0, "end": 7, "quote": "message"}],
            session_id="s-1",
            ts="2026-03-01T10:00:01.000000Z",
            producer="persona6.test.v1",
        ),
    ]
    ingest_events(store, [message(0)])
    with store.transaction():
        written = store.replace_session_signals("default", "s-1", signals)
    assert [s.kind for s in written] == [SignalKind.CONCERN, SignalKind.CONCERN, SignalKind.TASK]
    read = store.stored_signals_of("default", ["u-1", "u-2"])
    assert sorted(written, key=signal_sort_key) == read
    assert store.signal_count("default") == 3


def test_event_seqs_by_session_are_those_of_each_session(store):
    ingest_events(
        store,
        [message(n, session_id=f"s-{n % 3}") for n in range(7)] + [message(9, session_id="s-1")],
    )
    every = store.event_seqs_by_session("default")
    assert list(every) == ["s-0", "s-1", "s-2"]  # in order of first event, as sessions_since
    assert list(every) == store.sessions_since("default", 0)
    for session_id, seqs in every.items():
        assert seqs == store.session_event_seqs("default", session_id)
    assert store.event_seqs_by_session("another") == {}
    # One session at a time, in order of session id.
    assert list(store.iter_event_seqs_by_session("default")) == sorted(every.items())
    assert list(store.iter_event_seqs_by_session("another")) == []


def test_vectors_are_written_as_json_dumps_writes_them():
    import json

    from persona6.store.sql_graph import _vector_json

    vectors = [
        (),
        (0.0,),
        (0.0, 0.25, 0.0, 1 / 3, 1e-07, 123456.789, 0.25),
        (0.0, -0.0, 0.5),  # -0.0 equals 0.0 but reads "-0.0"
        (-0.0,),
        (float("inf"), 0.5),
        (float("nan"),),
        (1.0, 2),  # an int reads "2"
        (True, 1.0),
    ]
    for vector in vectors:
        assert _vector_json(vector) == json.dumps(list(vector)), vector


def test_evidence_is_written_as_json_dumps_writes_it():
    """``_evidence_json`` writes the text of ``json.dumps(..., ensure_ascii=False)`` of the
    entries' dicts, for every kind of quote (non-ASCII, quotes, backslashes, controls, lone
    surrogates) and for entries whose fields are not the usual str and int."""
    import json

    from persona6.store.sql_graph import _evidence_json
    from persona6.types import Evidence

    quotes = [
        "",
        "plain",
        'say "hi"',
        "back\\slash",
        "tab\tnew\nline\x00\x1f\x7f",
        "café ☕ 😀",
        "\u2028\u2029",
        "\ud800 lone",
        "’curly’",
    ]
    entries = [
        Evidence(event_id=f"e{i}-{q[:2]}", start=i, end=i + len(q), quote=q)
        for i, q in enumerate(quotes)
    ]
    odd = [
        Evidence.model_construct(event_id="e", start=True, end=2.0, quote="x"),
        Evidence.model_construct(event_id="é", start=0, end=1, quote=None),
    ]
    for evidence in [
        (),
        tuple(entries[:1]),
        tuple(entries),
        *[(e,) for e in odd],
        (entries[0], odd[0]),
    ]:
        dicts = [
            {"event_id": e.event_id, "start": e.start, "end": e.end, "quote": e.quote}
            for e in evidence
        ]  # Evidence.model_dump's keys, in its order
        expected = json.dumps(dicts, ensure_ascii=False)
        assert _evidence_json(evidence) == expected, evidence


def test_the_latest_identity_units_are_the_last_in_time_order(store):
    """``latest`` keeps the newest units of a person, in the same order as all of them."""
    from persona6.store.base import IdentityUnitRow

    for day in (5, 1, 3, 2, 4):
        ts = f"2026-03-0{day}T10:00:00.000000Z"
        rows = [IdentityUnitRow(f"s{day}", "ada", "p-ada", True, ts, ts, "{}")]
        if day == 3:
            rows.append(IdentityUnitRow("s3", "bob", "p-bob", True, ts, ts, "{}"))
        store.replace_identity_units("default", f"s{day}", rows)
    every = store.identity_units("default", persons=["p-ada"])
    assert [u.session_id for u in every] == ["s1", "s2", "s3", "s4", "s5"]
    latest = store.identity_units("default", persons=["p-ada"], latest=2)
    assert [u.session_id for u in latest] == ["s4", "s5"]
    assert store.identity_units("default", persons=["p-ada"], latest=9) == every
    assert store.identity_units("default", persons=["p-ada"], latest=0) == []
    both = store.identity_units("default", persons=["p-ada", "p-bob"], latest=3)
    assert [(u.session_id, u.actor) for u in both] == [("s3", "bob"), ("s4", "ada"), ("s5", "ada")]
    assert [u.session_id for u in store.identity_units("default", latest=1)] == ["s5"]
