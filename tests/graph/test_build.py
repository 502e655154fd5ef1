"""Builds: incremental equals full, forgetting removes every trait that cited what was
forgotten, identify merges an anonymous actor's traits into the person, attribution holds."""

from __future__ import annotations

from collections import defaultdict
from contextlib import contextmanager

import pytest
from helpers import said_traits
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from persona6 import Persona6, synth
from persona6.errors import NotFound
from persona6.graph import build, forget_event, forget_person, forget_session
from persona6.ingest.pipeline import ingest_events
from persona6.store import EventQuery, SQLiteStore


def graph_of(store) -> dict[str, list]:
    persons = [p for p, _, _ in store.persons("default")]
    return {p: [t.model_dump() for t in store.traits_of("default", p)] for p in persons}


def states_of(store) -> list[tuple]:
    """Every stored key state: what an incremental build folds into must be what a full build
    stores (the private query: the interface reads states one person at a time)."""
    rows = store._execute(
        "SELECT tenant, person_id, kind, key, version, last_session, state, traits "
        "FROM key_states ORDER BY tenant, person_id, kind, key"
    ).fetchall()
    return [tuple(row) for row in rows]


def evidence_rows_of(store) -> list[tuple]:
    """Every evidence_index row: builds write only the rows that changed, so an incremental
    build must leave exactly the rows a full build writes, none twice, none stale."""
    rows = store._execute(
        "SELECT tenant, trait_id, event_id FROM evidence_index ORDER BY tenant, trait_id, event_id"
    ).fetchall()
    return [tuple(row) for row in rows]


def cited_rows_of(store) -> list[tuple]:
    """(tenant, trait_id, event_id) of what every stored trait cites, as evidence or against."""
    found = set()
    for person in graph_of(store).values():
        for trait in person:
            for item in [*trait["evidence"], *trait["counter_evidence"]]:
                found.add(("default", trait["id"], item["event_id"]))
    return sorted(found)


def sessions_in_order(events: list[dict]) -> list[list[dict]]:
    by_session: dict[str, list[dict]] = defaultdict(list)
    for event in events:
        by_session[event["session_id"]].append(event)
    return sorted(by_session.values(), key=lambda evs: evs[0]["ts"])


@pytest.fixture(scope="module")
def small_log():
    return synth.generate(seed=3, people=4)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), chunks=st.integers(2, 6))
def test_building_after_each_batch_of_sessions_equals_one_full_build(seed, chunks):
    log = synth.generate(seed=seed, people=4)
    sessions = sessions_in_order(log.events)
    stepwise, whole = SQLiteStore(":memory:"), SQLiteStore(":memory:")
    size = max(1, len(sessions) // chunks)
    for start in range(0, len(sessions), size):
        ingest_events(stepwise, [e for s in sessions[start : start + size] for e in s])
        build(stepwise, "default")
    ingest_events(whole, log.events)
    build(whole, "default")
    assert graph_of(stepwise) == graph_of(whole)
    assert states_of(stepwise) == states_of(whole)
    assert evidence_rows_of(stepwise) == evidence_rows_of(whole) == cited_rows_of(whole)
    assert graph_of(whole)  # the demo people do have traits


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), order=st.randoms(use_true_random=False))
def test_building_sessions_out_of_order_and_in_halves_equals_one_full_build(seed, order):
    """Sessions arrive out of time order, and each in two halves built apart: the fold of a
    key meets sessions older than the ones it holds, and its last session changing."""
    log = synth.generate(seed=seed, people=4)
    sessions = sessions_in_order(log.events)
    order.shuffle(sessions)
    stepwise, whole = SQLiteStore(":memory:"), SQLiteStore(":memory:")
    for start in range(0, len(sessions), 3):
        batch = sessions[start : start + 3]
        for half in (slice(None, 1), slice(1, None)):
            events = [e for s in batch for e in s[: len(s) // 2][half]]
            events += [e for s in batch for e in s[len(s) // 2 :][half]]
            ingest_events(stepwise, events)
            build(stepwise, "default")
    ingest_events(whole, log.events)
    build(whole, "default")
    assert graph_of(stepwise) == graph_of(whole)
    assert states_of(stepwise) == states_of(whole)
    assert evidence_rows_of(stepwise) == evidence_rows_of(whole) == cited_rows_of(whole)


def test_missing_or_stale_key_states_are_recomputed(small_log):
    """A database from before key states (or built with other graph settings) gives the
    graph a full build gives."""
    sessions = sessions_in_order(small_log.events)
    half = len(sessions) // 2
    store, whole = SQLiteStore(":memory:"), SQLiteStore(":memory:")
    ingest_events(store, [e for s in sessions[:half] for e in s])
    build(store, "default")
    store._execute("DELETE FROM key_states WHERE kind = ''")  # as before migration 0007
    store._execute("UPDATE key_states SET version = 'another'")
    ingest_events(store, [e for s in sessions[half:] for e in s])
    build(store, "default")
    ingest_events(whole, small_log.events)
    build(whole, "default")
    assert graph_of(store) == graph_of(whole)
    assert states_of(store) == states_of(whole)


def test_rebuilding_changes_nothing_and_full_equals_incremental(small_log):
    store = SQLiteStore(":memory:")
    ingest_events(store, small_log.events)
    build(store, "default")
    first = graph_of(store)
    again = build(store, "default")
    assert again.sessions == 0 and graph_of(store) == first
    build(store, "default", full=True)
    assert graph_of(store) == first


def test_every_evidence_quote_matches_its_event(small_log):
    store = SQLiteStore(":memory:")
    ingest_events(store, small_log.events)
    build(store, "default")
    for traits in graph_of(store).values():
        for trait in traits:
            for item in trait["evidence"] + trait["counter_evidence"]:
                event = store.event("default", item["event_id"])
                assert event.text[item["start"] : item["end"]] == item["quote"]


def test_no_trait_cites_assistant_text_or_another_actor(small_log):
    store = SQLiteStore(":memory:")
    ingest_events(store, small_log.events)
    build(store, "default")
    identity = store.identity_map("default")
    for person, traits in graph_of(store).items():
        for trait in traits:
            for item in trait["evidence"]:
                event = store.event("default", item["event_id"])
                assert event.role is None or event.role.value == "user"
                assert identity.get(event.actor, event.actor) == person


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pick=st.integers(0, 10_000))
def test_forgetting_a_cited_event_leaves_no_trait_citing_it(small_log, pick):
    store = SQLiteStore(":memory:")
    ingest_events(store, small_log.events)
    build(store, "default")
    cited = sorted(
        {e["event_id"] for ts in graph_of(store).values() for t in ts for e in t["evidence"]}
    )
    victim = cited[pick % len(cited)]
    forget_event(store, "default", victim)
    assert store.event("default", victim) is None
    remaining = graph_of(store)
    assert all(
        e["event_id"] != victim
        for ts in remaining.values()
        for t in ts
        for e in t["evidence"] + t["counter_evidence"]
    )
    fresh = SQLiteStore(":memory:")
    ingest_events(fresh, [e for e in small_log.events if e["event_id"] != victim])
    build(fresh, "default")
    assert remaining == graph_of(fresh)
    assert states_of(store) == states_of(fresh)


def test_forgetting_a_session_and_a_person(small_log):
    store = SQLiteStore(":memory:")
    ingest_events(store, small_log.events)
    build(store, "default")
    person = small_log.truth["people"][0]["person_id"]
    session = small_log.truth["people"][1]["sessions"][0]["session_id"]
    forget_session(store, "default", session)
    assert list(store.iter_events(EventQuery(tenant="default", session_id=session))) == []
    forget_person(store, "default", person)
    assert store.traits_of("default", person) == []
    assert list(store.iter_events(EventQuery(tenant="default", actor=person))) == []
    assert store.key_states("default", person, kinds=["preference", "style", ""]) == []
    kept = {e.event_id for e in store.iter_events(EventQuery(tenant="default"))}
    fresh = SQLiteStore(":memory:")
    ingest_events(fresh, [e for e in small_log.events if e["event_id"] in kept])
    build(fresh, "default")
    assert graph_of(store) == graph_of(fresh)
    assert states_of(store) == states_of(fresh)


def test_forgetting_what_is_not_there_says_so():
    store = SQLiteStore(":memory:")
    with pytest.raises(NotFound, match="event 'nope' is not stored for tenant 'default'"):
        forget_event(store, "default", "nope")
    with pytest.raises(NotFound, match="List sessions with: persona6 sessions"):
        forget_session(store, "default", "nope")
    with pytest.raises(NotFound, match="person 'nope' has no events"):
        forget_person(store, "default", "nope")


def test_identify_moves_an_anonymous_actors_traits_to_the_person():
    p6 = Persona6(db=":memory:")
    base = {"session_id": "s-1", "type": "message"}
    p6.record(
        [
            {
                **base,
                "ts": "2026-01-01T10:00:00Z",
                "anonymous_id": "anon-1",
                "text": "I really love dark chocolate.",
            }
        ]
    )
    p6.build()
    assert [p.person_id for p in p6.persons()] == ["anon-1"]
    p6.record(
        [
            {
                "ts": "2026-01-01T10:05:00Z",
                "session_id": "s-1",
                "type": "identify",
                "anonymous_id": "anon-1",
                "user_id": "u-1",
            }
        ]
    )
    p6.build()
    assert [p.person_id for p in p6.persons()] == ["u-1"]
    view = p6.person("u-1")
    assert view.person.aliases == ["anon-1"]
    assert any("dark chocolate" in t.key for t in view.traits)


def test_show_and_why_explain_a_trait():
    p6 = Persona6(db=":memory:")
    p6.record(
        [
            {
                "ts": f"2026-01-0{d}T10:00:00Z",
                "session_id": f"s-{d}",
                "user_id": "u-1",
                "type": "message",
                "text": "I prefer dark mode.",
            }
            for d in (1, 2)
        ]
    )
    p6.build()
    trait = next(t for t in p6.person("u-1").traits if t.key == "dark mode")
    explanation = p6.why("u-1", trait.id)
    assert [(link.session_id, link.quote) for link in explanation.chain] == [
        ("s-1", trait.evidence[0].quote),
        ("s-2", trait.evidence[1].quote),
    ]
    assert trait.sessions == 2
    with pytest.raises(NotFound, match="person 'u-2' is not known in tenant"):
        p6.why("u-2", trait.id)


def test_time_of_day_is_read_on_the_clock_the_times_were_written_in():
    # 13:20 and 15:40 at +05:30 are afternoons, 10:00 a morning; in UTC all three are not.
    p6 = Persona6(db=":memory:")
    p6.record(
        [
            {
                "ts": ts,
                "session_id": f"s-{n}",
                "user_id": "u-1",
                "type": "message",
                "text": "Good morning, how do I share a dashboard?",
            }
            for n, ts in enumerate(
                [
                    "2025-03-06T13:20:00+05:30",
                    "2025-03-24T15:40:00+05:30",
                    "2025-04-14T10:00:00+05:30",
                ]
            )
        ]
    )
    p6.build()
    (trait,) = [t for t in p6.person("u-1").traits if t.key == "time_of_day"]
    assert trait.statement == "time of day: afternoon (2 of 3 sessions: afternoon 2, morning 1)"


def test_graphml_export_is_well_formed():
    import xml.etree.ElementTree as ET

    p6 = Persona6(db=":memory:")
    p6.record(
        [
            {
                "ts": "2026-01-01T10:00:00Z",
                "session_id": "s-1",
                "user_id": "u-1",
                "type": "message",
                "text": "I prefer dark mode.",
            }
        ]
    )
    p6.build()
    root = ET.fromstring(p6.export("u-1", "graphml"))
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    nodes = {n.get("id") for n in root.iter(f"{ns}node")}
    assert "person:u-1" in nodes and any(n.startswith("event:") for n in nodes)


def _message(event_id: str, text: str, ts: str = "2026-03-01T10:00:00Z") -> dict:
    return {
        "event_id": event_id,
        "ts": ts,
        "session_id": "s1",
        "user_id": "ada",
        "type": "message",
        "text": text,
    }


def test_a_session_changed_after_extraction_is_extracted_again():
    """Build extracts outside its write transaction; _current must notice any change since."""
    from persona6.graph.build import _current, extract_stored_session
    from persona6.graph.forget import forget_events

    store = SQLiteStore(":memory:")
    ingest_events(store, [_message("e1", "I love green tea.")])
    read = extract_stored_session(store, "default", "s1")
    assert read.seen is not None
    assert _current(store, "default", read) is read  # unchanged: kept as read

    # An event recorded meanwhile.
    ingest_events(store, [_message("e2", "I hate coffee.", "2026-03-01T10:01:00Z")])
    now = _current(store, "default", read)
    assert [e.event_id for e in now.events] == ["e1", "e2"]
    assert {s.key for s in now.signals if s.kind.value == "preference"} >= {"coffee"}

    # An event forgotten, then recorded again under the same id with another text.
    read = extract_stored_session(store, "default", "s1")
    forget_events(store, "default", ["e2"])
    ingest_events(store, [_message("e2", "I hate decaf.", "2026-03-01T10:01:00Z")])
    now = _current(store, "default", read)
    assert now is not read
    assert [e.text for e in now.events] == ["I love green tea.", "I hate decaf."]

    # Recorded and forgotten again between the two reads: the events read show it.
    ingest_events(store, [_message("e3", "I like jazz.", "2026-03-01T10:02:00Z")])
    read = extract_stored_session(store, "default", "s1")
    stale = type(read)(read.session_id, read.events, read.signals, read.seen[:-1])
    forget_events(store, "default", ["e3"])
    now = _current(store, "default", stale)
    assert [e.event_id for e in now.events] == ["e1", "e2"]


def test_a_stated_switch_supersedes_the_preference_it_replaced():
    said = [
        ("s-1", "2026-01-01T10:00:00Z", "I prefer PDF reports."),
        ("s-2", "2026-02-01T10:00:00Z", "Send me the PDF reports again, I prefer PDF reports."),
        (
            "s-3",
            "2026-03-01T10:00:00Z",
            "I've switched to spreadsheets now, PDF reports were too hard to reuse.",
        ),
    ]
    traits = {t.key: t for t in said_traits(said)}
    old, new = traits["pdf reports"], traits["spreadsheets"]
    assert old.valid_to == new.valid_from and new.supersedes == old.id
    assert old.counter_evidence[-1].event_id == "e2"


def test_a_full_build_clears_the_traits_of_an_actor_whose_events_are_gone():
    """A full build recomputes the actors of a session's old signals too, not only those of
    its events: one whose events were deleted (with no build since) is left without traits."""
    store = SQLiteStore(":memory:")
    ingest_events(
        store,
        [
            _message("e1", "I love green tea."),
            dict(_message("e2", "I hate coffee.", "2026-03-01T10:01:00Z"), user_id="bea"),
        ],
    )
    build(store, "default")
    assert {p for p, _, _ in store.persons("default")} == {"ada", "bea"}
    store.delete_events("default", ["e2"])  # as another process would, before its rebuild
    build(store, "default", full=True)
    assert {p for p, _, _ in store.persons("default")} == {"ada"}
    assert {s.actor for s in store.stored_signals_of("default", ["ada", "bea"])} == {"ada"}


def test_a_build_pauses_the_cyclic_collector_and_restarts_it(monkeypatch):
    import gc
    import sys

    module = sys.modules["persona6.graph.build"]
    seen: list[bool] = []
    extract = module.extract_session

    def watched(events):
        seen.append(gc.isenabled())
        return extract(events)

    monkeypatch.setattr(module, "extract_session", watched)
    store = SQLiteStore(":memory:")
    ingest_events(store, [_message("e1", "I love green tea.")])
    assert gc.isenabled()
    build(store, "default")
    assert seen == [False]
    assert gc.isenabled()
    try:  # a collector paused by someone else stays paused
        gc.disable()
        build(store, "default", full=True)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_signal_evidence_and_context_are_written_as_json_dumps_writes_them():
    """The store writes them with one encoder made once; the text must not change."""
    import json

    from persona6.store.sql_graph import _json_writer

    values = [
        [],
        {},
        [{"event_id": "e1", "start": 0, "end": 5, "quote": "naïve “quotes” 😊\n\t\\"}],
        {"z": [1, 2.5, -0.0, 1e-07, None, True], "a": {"b": "ü", "a": 3}, "m": 1 / 3},
    ]
    for sort_keys in (False, True):
        write = _json_writer(sort_keys=sort_keys)
        for value in values:
            assert write(value) == json.dumps(value, ensure_ascii=False, sort_keys=sort_keys)


def test_a_full_build_still_folds_signals_of_sessions_without_events():
    """Signals it did not write (a session whose events are gone) count as before: the build
    reads every signal back from the store."""
    from persona6.types import Signal, SignalKind

    store = SQLiteStore(":memory:")
    ingest_events(store, [_message("e1", "I love green tea.")])
    with store.transaction():
        store.replace_session_signals(
            "default",
            "gone",
            [
                Signal(
                    actor="ada",
                    kind=SignalKind.TASK,
                    key="deployment",
                    value="deployment",
                    session_id="gone",
                    ts="2026-02-01T10:00:00.000000Z",
                    producer="test.v1",
                )
            ],
        )
    build(store, "default", full=True)
    assert ("task", "deployment") in {(r[2], r[3]) for r in states_of(store)}


class _EventSpy(SQLiteStore):
    """A store that hands out every event it reads, and every signal extracted from them
    (``_spy_on_signals``), and counts, at each write of a session's signals, how many of
    them something besides the spy still holds."""

    def __init__(self) -> None:
        super().__init__(":memory:")
        self.read: list = []
        self.signals: list = []
        self.most_held = 0
        self.most_signals_held = 0
        self.writes = 0

    def iter_events(self, query):
        for event in super().iter_events(query):
            self.read.append(event)
            yield event

    def _count(self) -> None:
        import sys

        # Three references are the spy's list, the loop's name and getrefcount's argument.
        held = sum(sys.getrefcount(event) > 3 for event in self.read)
        self.most_held = max(self.most_held, held)
        held = sum(sys.getrefcount(signal) > 3 for signal in self.signals)
        self.most_signals_held = max(self.most_signals_held, held)
        self.writes += 1

    def replace_session_signals(self, tenant, session_id, signals):
        self._count()
        return super().replace_session_signals(tenant, session_id, signals)

    @contextmanager
    def signal_stage(self):
        with super().signal_stage() as stage:
            write = stage.write

            def counted(*args):
                self._count()
                write(*args)

            stage.write = counted
            yield stage


def _spy_on_signals(store: _EventSpy, monkeypatch) -> None:
    import sys

    module = sys.modules["persona6.graph.build"]
    extract = module.extract_session

    def kept(events):
        signals = extract(events)
        store.signals.extend(signals)
        return signals

    monkeypatch.setattr(module, "extract_session", kept)


def test_a_full_build_lets_go_of_each_sessions_events_once_it_is_extracted(small_log):
    """Memory of a full build is bounded by a session's events, not the log's: no session's
    events are kept from its extraction to the write of its signals."""
    store = _EventSpy()
    ingest_events(store, small_log.events)
    report = build(store, "default", full=True)
    largest = max(len(events) for events in sessions_in_order(small_log.events))
    assert report.events == len(store.read) > largest  # every event read, once
    assert store.most_held <= largest
    assert store.most_held == 0  # let go of before any write


def test_a_full_build_holds_no_sessions_signals_until_its_write(small_log, monkeypatch):
    """Nor the log's signals: each session's are staged in the store as it is extracted
    (``Store.signal_stage``), so at each write no signal extracted is still held."""
    store = _EventSpy()
    _spy_on_signals(store, monkeypatch)
    ingest_events(store, small_log.events)
    report = build(store, "default", full=True)
    assert report.signals == len(store.signals) > 0
    assert store.writes == report.sessions
    assert store.most_signals_held == 0
    assert store._execute("SELECT COUNT(*) FROM signal_stage").fetchone() == (0,)


def test_a_full_build_stores_what_a_build_session_by_session_stores(small_log):
    """Staged or written at once, the same rows in the same order: a full build over a
    store, and the sessions' signals replaced one by one in a second store."""
    from persona6.graph.build import extract_stored_session

    staged, direct = SQLiteStore(":memory:"), SQLiteStore(":memory:")
    for store in (staged, direct):
        ingest_events(store, small_log.events)
    build(staged, "default", full=True)
    with direct.transaction():
        for session_id in direct.event_seqs_by_session("default"):
            session = extract_stored_session(direct, "default", session_id)
            direct.replace_session_signals("default", session_id, session.signals)
    query = "SELECT rowid, * FROM signals ORDER BY rowid"
    assert staged._execute(query).fetchall() == direct._execute(query).fetchall()


def test_a_full_build_extracts_again_a_session_changed_after_it_was_read(monkeypatch):
    """A full build extracts outside its write transaction: a session that changed before
    the write is read and extracted again there, as an incremental build does."""
    import sys

    module = sys.modules["persona6.graph.build"]
    first = [_message("e1", "I love green tea.")]
    later = [_message("e2", "I hate coffee.", "2026-03-01T10:01:00Z")]
    extract = module.extract_stored_session
    changed = SQLiteStore(":memory:")
    ingest_events(changed, first)

    def extract_then_record(store, tenant, session_id, seen=None):
        read = extract(store, tenant, session_id, seen)
        if seen is not None and not later_recorded:  # the full build's first read
            later_recorded.append(True)
            ingest_events(store, later)
        return read

    later_recorded: list[bool] = []
    monkeypatch.setattr(module, "extract_stored_session", extract_then_record)
    build(changed, "default", full=True)
    monkeypatch.setattr(module, "extract_stored_session", extract)
    assert later_recorded
    whole = SQLiteStore(":memory:")
    ingest_events(whole, first + later)
    build(whole, "default", full=True)
    assert "coffee" in {t.key for t in whole.traits_of("default", "ada")} | {
        s.key for s in whole.stored_signals_of("default", {"ada"})
    }
    assert graph_of(changed) == graph_of(whole)
    assert states_of(changed) == states_of(whole)
    assert evidence_rows_of(changed) == evidence_rows_of(whole)
