"""Forgetting leaves no trace: after forgetting an event, a session or a person, no stored row
of any table names a forgotten event or quotes its text, identity links included (active and
revoked, with the evidence of a probabilistic merge), and a forgotten person is named nowhere.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import fresh_postgres_database  # tests/conftest.py
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from persona6 import Persona6, synth
from persona6.store import EventQuery, Store

#: A stored string at least this long that is part of a forgotten text (and of no text kept,
#: case aside) is a quote of it. Quotes carry their event ids, which are checked exactly; this
#: catches a copy that lost its id, and is long enough not to take a trait's value for one.
QUOTE_CHARS = 20


def tables(store: Store) -> list[str]:
    if type(store).__name__ == "SQLiteStore":
        rows = store._execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    else:
        rows = store._execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        ).fetchall()
    return sorted(r[0] for r in rows)


def strings(cell: str) -> list[str]:
    """The cell, and every string inside it when it is JSON."""
    try:
        data: Any = json.loads(cell)
    except ValueError:
        return [cell]
    found = [cell]

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                found.append(key)
                walk(item)

    walk(data)
    return found


def traces(
    store: Store, tenant: str, gone: dict[str, str], names: set[str] = frozenset()
) -> list[tuple[str, str, str]]:
    """(table, column, what) of every stored trace of the events ``gone`` (id -> text) and of
    the ``names`` (persons and actors forgotten whole)."""
    kept = "\x00".join(e.text or "" for e in store.iter_events(EventQuery(tenant=tenant)))
    kept = kept.lower()
    texts = [t.lower() for t in gone.values() if t]
    found = []
    for table in tables(store):
        cur = store._execute(f"SELECT * FROM {table}")
        columns = [c[0] for c in cur.description]
        for row in cur.fetchall():
            for column, cell in zip(columns, row, strict=True):
                if not isinstance(cell, str):
                    continue
                for value in strings(cell):
                    if value in gone or value in names:
                        found.append((table, column, value))
                    elif (
                        table != "events"
                        and len(value) >= QUOTE_CHARS
                        and value.lower() not in kept
                        and any(value.lower() in text for text in texts)
                    ):
                        found.append((table, column, f"quote {value[:40]!r}"))
    return found


def link_world(db: str | Path) -> None:
    """Synthetic people, built and linked: every holdout merged (method auto, with quotes on
    both sides), one merge undone (revoked, its quotes kept) and one identify link revoked."""
    log = synth.generate(seed=11, people=5)
    with Persona6(db=db) as p6:
        p6.record(log.events)
        p6.build()
        report = p6.link_all(auto_merge_above=0.01, threshold=0.01)
        assert len(report.merged) >= 3
        p6.unlink(report.merged[0].anonymous_id)
        identified = next(k for k in p6.links() if k.method == "identify")
        p6.unlink(identified.anonymous_id)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def linked_world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[], AbstractContextManager[str]]]:
    """``link_world`` made once per backend; each call of what it yields opens a fresh copy
    (a file, or a database created from it as a template) and gives its path or URL."""
    if request.param == "postgresql":
        with fresh_postgres_database() as url:
            link_world(url)
            template = urlsplit(url).path.lstrip("/")
            yield lambda: fresh_postgres_database(f"TEMPLATE {template}")
        return
    path = tmp_path_factory.mktemp("forget") / "p6.db"
    link_world(path)
    shutil.rmtree(path.with_name("p6.db.index"), ignore_errors=True)

    @contextmanager
    def copy() -> Iterator[str]:
        with tempfile.TemporaryDirectory() as folder:
            shutil.copy(path, Path(folder) / "p6.db")
            yield str(Path(folder) / "p6.db")

    yield copy


def cited_by_links(p6: Persona6) -> tuple[list[str], list[str], list[str]]:
    """(events, sessions, persons) that identity links cite or name, active or revoked."""
    events: set[str] = set()
    persons: set[str] = set()
    for link in p6.links(include_revoked=True):
        persons.add(link.person_id)
        if link.evidence_event_id:
            events.add(link.evidence_event_id)
        for item in link.details.get("evidence", []):
            for quote in item["anonymous"] + item["person"]:
                events.add(quote["event_id"])
    sessions = {p6.store.event(p6.tenant, e).session_id for e in events}
    return sorted(events), sorted(sessions), sorted(persons)


def forgotten_by(p6: Persona6, what: str, target: str) -> tuple[dict[str, str], set[str]]:
    """Forget ``target`` (an event, a session or a person); return the events it deleted (id
    -> text) and, for a person, the actors forgotten whole."""
    before = {e.event_id: e for e in p6.store.iter_events(EventQuery(tenant=p6.tenant))}
    names: set[str] = set()
    if what == "person":
        linked = {k.anonymous_id for k in p6.links() if k.person_id == target}
        names = {target} | linked
    p6.forget(**{what: target})
    after = {e.event_id for e in p6.store.iter_events(EventQuery(tenant=p6.tenant))}
    return {i: e.text or "" for i, e in before.items() if i not in after}, names


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(what=st.sampled_from(["event", "session", "person"]), pick=st.integers(0, 10_000))
def test_after_forgetting_what_links_cite_no_row_names_or_quotes_it(linked_world, what, pick):
    with linked_world() as db, Persona6(db=db) as p6:
        events, sessions, persons = cited_by_links(p6)
        choices = {"event": events, "session": sessions, "person": persons}[what]
        gone, names = forgotten_by(p6, what, choices[pick % len(choices)])
        assert gone
        assert traces(p6.store, p6.tenant, gone, names) == []


def test_forgetting_a_person_leaves_no_trace_on_every_backend(db_url, tmp_path):
    """The scenario of the report that found it: a merge undone, then its person forgotten;
    an event a live merge quotes, then forgotten."""
    log = synth.generate(seed=11, people=4)
    with Persona6(db=db_url) as p6:
        p6.record(log.events)
        p6.build()
        merged = p6.link_all(auto_merge_above=0.01, threshold=0.01).merged
        p6.unlink(merged[0].anonymous_id)
        gone, names = forgotten_by(p6, "person", merged[0].person_id)
        assert traces(p6.store, p6.tenant, gone, names) == []
        assert p6.links(merged[0].anonymous_id, include_revoked=True) == []
        live = merged[1]
        quoted = next(q["event_id"] for e in live.details["evidence"] for q in e["person"])
        gone, _ = forgotten_by(p6, "event", quoted)
        assert traces(p6.store, p6.tenant, gone) == []
        (after,) = p6.links(live.anonymous_id)
        assert after.link_id == live.link_id and after.person_id == live.person_id
        assert after.details["forgotten_evidence"] >= 1


def test_forgetting_deletes_the_saved_linking_index(tmp_path):
    log = synth.generate(seed=11, people=4)
    path = tmp_path / "p6.db"
    with Persona6(db=path) as p6:
        p6.record(log.events)
        p6.build()
        p6.link_all()
        p6._linker().flush()
        saved = list((tmp_path / "p6.db.index").iterdir())
        assert saved  # a snapshot of every person's vectors and companions
        person = log.truth["people"][0]["person_id"]
        p6.forget(person=person)
        assert not any((tmp_path / "p6.db.index").iterdir())


def test_forgotten_text_is_not_left_readable_in_the_sqlite_files(tmp_path):
    """Not in the database file's freed pages, nor in its write-ahead log."""
    secret = "my allergy to kiwifruit zqxjv"
    path = tmp_path / "p6.db"
    with Persona6(db=path) as p6:
        p6.record(synth.generate(seed=3, people=2).events)
        p6.record(
            [
                {
                    "event_id": "x1",
                    "ts": "2026-03-01T10:00:00Z",
                    "session_id": "sx",
                    "user_id": "u-x",
                    "type": "message",
                    "text": f"I mentioned {secret} earlier.",
                },
            ]
        )
        p6.build()
        on_disk = b"".join(f.read_bytes() for f in tmp_path.iterdir() if f.is_file())
        assert secret.encode() in on_disk  # the check can see it while it is stored
        p6.forget(person="u-x")
        on_disk = b"".join(f.read_bytes() for f in tmp_path.iterdir() if f.is_file())
        assert secret.encode() not in on_disk
        assert b"kiwifruit zqxjv" not in on_disk
