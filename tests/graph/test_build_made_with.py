"""A plain build brings the graph up to the extractors and key-state version it runs with: a
tenant built by an older persona6 (extractors of other versions, an extractor it did not have,
another key-state format) is re-read by itself and gives the graph a full build gives; an
unchanged tenant re-reads nothing."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import pytest
from click.testing import CliRunner

from persona6 import synth
from persona6.cli import main
from persona6.extract import EXTRACTORS
from persona6.extract.preference import NAME as PREFERENCE
from persona6.graph import build
from persona6.ingest.pipeline import ingest_events
from persona6.store import SQLiteStore
from persona6.types import Signal, StoredEvent
from tests.graph.test_build import evidence_rows_of, graph_of, sessions_in_order, states_of

build_module = importlib.import_module("persona6.graph.build")


@pytest.fixture(scope="module")
def log():
    return synth.generate(seed=5, people=4)


class _OlderPreference:
    """The preference extractor as an older release had it: another version name, and
    readings that differ (it kept only every other signal)."""

    name = PREFERENCE.rpartition(".")[0] + ".v1"

    def extract(self, session: Sequence[StoredEvent]) -> Iterator[Signal]:
        found = list(EXTRACTORS_NOW[PREFERENCE].extract(session))
        return iter(found[::2])


EXTRACTORS_NOW = dict(EXTRACTORS)


@contextmanager
def older_registry(replace: dict[str, object | None]) -> Iterator[None]:
    """The registry with extractors replaced (by name; None drops one), in the same order."""
    now = dict(EXTRACTORS)
    EXTRACTORS.clear()
    for name, extractor in now.items():
        other = replace.get(name, extractor)
        if other is not None:
            EXTRACTORS[getattr(other, "name", name)] = other  # type: ignore[assignment]
    try:
        yield
    finally:
        EXTRACTORS.clear()
        EXTRACTORS.update(now)


def full_build_of(events: list[dict]) -> SQLiteStore:
    whole = SQLiteStore(":memory:")
    ingest_events(whole, events)
    build(whole, "default", full=True)
    return whole


def assert_same_graph(store: SQLiteStore, whole: SQLiteStore) -> None:
    assert graph_of(store) == graph_of(whole)
    assert states_of(store) == states_of(whole)
    assert evidence_rows_of(store) == evidence_rows_of(whole)


def test_a_graph_built_with_an_older_extractor_version_is_reread_by_a_plain_build(log):
    store = SQLiteStore(":memory:")
    ingest_events(store, log.events)
    with older_registry({PREFERENCE: _OlderPreference()}):
        build(store, "default")
    stale = graph_of(store)
    report = build(store, "default")
    version = PREFERENCE.rpartition(".")[2]
    assert report.changed == [f"preference v1 -> {version}"]
    assert report.full and report.sessions == len(sessions_in_order(log.events))
    assert report.changed_note() == (
        f"re-read {report.sessions:,} sessions: extractors changed since the last build: "
        f"preference v1 -> {version}"
    )
    whole = full_build_of(log.events)
    assert graph_of(store) != stale  # the older readings did differ
    assert_same_graph(store, whole)
    again = build(store, "default")
    assert (again.sessions, again.persons, again.changed, again.full) == (0, 0, [], False)


def test_new_sessions_built_after_an_upgrade_give_the_full_build(log):
    """Half the sessions built with the older registry, the rest ingested after the upgrade:
    one plain build reads them all with the current extractors."""
    sessions = sessions_in_order(log.events)
    half = len(sessions) // 2
    store = SQLiteStore(":memory:")
    ingest_events(store, [e for s in sessions[:half] for e in s])
    with older_registry({PREFERENCE: _OlderPreference()}):
        build(store, "default")
    ingest_events(store, [e for s in sessions[half:] for e in s])
    report = build(store, "default")
    assert report.full and report.sessions == len(sessions)
    assert_same_graph(store, full_build_of(log.events))


def test_an_extractor_the_last_build_did_not_have_reads_every_session(log):
    """Sessions where an extractor now finds signals hold none of it: only the record of what
    the last build was made with tells they are stale, not the stored signals' producers."""
    concern = next(name for name in EXTRACTORS if ".concern." in name)
    store = SQLiteStore(":memory:")
    ingest_events(store, log.events)
    with older_registry({concern: None}):
        build(store, "default")
    report = build(store, "default")
    assert report.changed == [f"concern {concern.rpartition('.')[2]} (new)"]
    assert report.full
    assert_same_graph(store, full_build_of(log.events))


def test_an_unchanged_tenant_rereads_nothing(log):
    store = SQLiteStore(":memory:")
    ingest_events(store, log.events)
    first = build(store, "default")
    assert first.changed == [] and first.changed_note() is None  # a first build says nothing
    before = (graph_of(store), states_of(store))
    report = build(store, "default")
    assert (report.sessions, report.persons, report.changed, report.full) == (0, 0, [], False)
    assert (graph_of(store), states_of(store)) == before


def test_another_key_state_version_recomputes_every_person_without_rereading(log, monkeypatch):
    """Traits made under another key-state format (or other graph settings) are recomputed for
    every person, also those no new session touches; no session is extracted again."""
    store = SQLiteStore(":memory:")
    ingest_events(store, log.events)
    now = build_module.state_version()
    producer, _, digest = now.split("/")
    older = f"{producer}/0/{digest}"
    monkeypatch.setattr(build_module, "state_version", lambda: older)
    build(store, "default")
    monkeypatch.undo()
    store._execute("DELETE FROM traits")  # the older format read otherwise
    store._execute("DELETE FROM evidence_index")
    report = build(store, "default")
    assert report.changed == [f"key-state format 0 -> {now.split('/')[1]}"]
    assert not report.full and report.sessions == 0
    assert report.persons >= len(graph_of(full_build_of(log.events)))
    assert report.changed_note().startswith(f"recomputed {report.persons} persons: key states")
    assert_same_graph(store, full_build_of(log.events))


def test_a_graph_built_before_builds_recorded_their_extractors_is_reread(log):
    store = SQLiteStore(":memory:")
    ingest_events(store, log.events)
    build(store, "default")
    store.replace_key_states("default", "", [])  # as an older persona6 left it
    report = build(store, "default")
    assert report.full and report.sessions == len(sessions_in_order(log.events))
    assert report.changed_note() == (
        f"re-read {report.sessions} sessions: the last build did not record its extractors "
        "(an older persona6 made it)"
    )
    assert_same_graph(store, full_build_of(log.events))


def test_build_says_what_it_reread_and_why(tmp_path, monkeypatch, write_lines):
    monkeypatch.chdir(tmp_path)
    for name in ("PERSONA6_DB", "PERSONA6_TENANT", "PERSONA6_INDEX_DIR"):
        monkeypatch.delenv(name, raising=False)
    runner = CliRunner()
    lines = [
        {
            "event_id": f"e{n}",
            "ts": f"2026-03-0{n}T10:00:00Z",
            "session_id": f"s{n}",
            "user_id": "u-ana",
            "type": "message",
            "role": "user",
            "text": "I prefer dark mode.",
        }
        for n in (1, 2)
    ]
    assert runner.invoke(main, ["ingest", str(write_lines(lines))]).exit_code == 0
    with older_registry({PREFERENCE: _OlderPreference()}):
        assert runner.invoke(main, ["build"]).exit_code == 0
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0
    version = PREFERENCE.rpartition(".")[2]
    assert (
        f"re-read 2 sessions: extractors changed since the last build: preference v1 -> {version}"
    ) in result.output
    assert "re-read" not in runner.invoke(main, ["build"]).output


def test_a_build_that_reread_every_session_has_identity_units_remade(log):
    """Identity units are read from each session's signals: after a build that re-made every
    session's signals (an upgrade's extractors, or ``full``), the next identity refresh re-makes
    every session's units, not only those of sessions with new events."""
    from persona6.identity.profiles import refresh
    from persona6.identity.settings import settings_for

    store = SQLiteStore(":memory:")
    ingest_events(store, log.events)
    with older_registry({PREFERENCE: _OlderPreference()}):
        build(store, "default")
        refresh(store, "default", settings_for(store, "default"))
    stale = {(u.session_id, u.actor): u.body for u in store.identity_units("default")}
    assert store.identity_units_seq("default") == store.built_seq("default") > 0
    build(store, "default")  # the upgrade: every session re-read
    assert store.identity_units_seq("default") == 0
    refresh(store, "default", settings_for(store, "default"))
    remade = {(u.session_id, u.actor): u.body for u in store.identity_units("default")}
    whole = full_build_of(log.events)
    refresh(whole, "default", settings_for(whole, "default"))
    fresh = {(u.session_id, u.actor): u.body for u in whole.identity_units("default")}
    assert remade == fresh
    assert remade != stale  # the older preference readings did reach the units


def test_other_english_word_lists_reread_every_session(log, monkeypatch):
    """english.yaml is read by every text extractor: a graph built under another version of it
    is re-read by a plain build, said like an extractor's change."""
    store = SQLiteStore(":memory:")
    ingest_events(store, log.events)
    lists = dict(build_module.load_lexicon("english"))
    now = lists["version"]
    monkeypatch.setattr(build_module, "load_lexicon", lambda name: {**lists, "version": 1})
    build(store, "default")
    monkeypatch.undo()
    report = build(store, "default")
    assert report.changed == [f"english v1 -> v{now}"]
    assert report.full and report.sessions == len(sessions_in_order(log.events))
