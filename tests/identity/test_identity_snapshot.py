"""The saved linking index (snapshot.py): a new Linker restores it, re-indexes only what
changed since, and links exactly as one that indexed every person; a damaged or outdated
snapshot is rebuilt, never trusted."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest

from persona6 import Persona6
from persona6.config import index_dir
from persona6.identity import Linker, linking, snapshot
from persona6.identity.index import PersonIndex
from persona6.identity.scoring import CompanionStats

PEOPLE = 8  # as in conftest.py's shared store


@pytest.fixture
def indexed(monkeypatch) -> list[str]:
    """Every person the index (re)indexes from a profile, in order."""
    seen: list[str] = []
    upsert = PersonIndex.upsert

    def spy(self, items):
        items = list(items)
        seen.extend(person for person, _ in items)
        return upsert(self, items)

    monkeypatch.setattr(PersonIndex, "upsert", spy)
    return seen


def linked(p6: Persona6, folder: Path | None) -> tuple[Linker, dict[str, dict]]:
    """A new Linker (saving to ``folder``, if any) and its answer for every anonymous actor."""
    linker = Linker(p6.store, p6.tenant, index_dir=folder)
    linker.sync()
    answers = {actor: linker.link(actor).model_dump(mode="json") for actor in linker.unresolved()}
    linker.flush()  # the snapshot, written in the background
    return linker, answers


def test_a_new_linker_restores_the_index_and_links_the_same(p6, tmp_path, indexed):
    _, fresh = linked(p6, None)
    assert len(fresh) == PEOPLE
    _, first = linked(p6, tmp_path / "index")
    assert first == fresh
    assert snapshot.path_for(tmp_path / "index", p6.tenant).exists()
    indexed.clear()
    restored, again = linked(p6, tmp_path / "index")
    assert again == fresh
    assert indexed == []  # nothing re-indexed: every person came from the file
    assert restored.index is not None and len(restored.index) == PEOPLE


def test_only_persons_whose_profile_changed_are_reindexed(
    p6, world, tmp_path, indexed, monkeypatch
):
    folder = tmp_path / "index"
    linked(p6, folder)
    person = world[1]["people"][0]["person_id"]
    session = [
        {
            "event_id": f"later-{i}",
            "ts": f"2026-06-01T10:0{i}:00Z",
            "session_id": "later-session",
            "user_id": person,
            "type": "message",
            "role": "user",
            "text": text,
        }
        for i, text in enumerate(["I always want the numbers first.", "Please cite sources."])
    ]
    p6.record(session)
    p6.build()
    indexed.clear()
    kept, restored = linked(p6, folder)
    assert indexed == [person]
    assert restored == fresh_with(p6, kept, monkeypatch)


def fresh_with(p6: Persona6, kept: Linker, monkeypatch) -> dict[str, dict]:
    """The answers of a Linker that indexes every person afresh, the shift of the shipped
    model being ``kept``'s: one new session of one person does not measure it again
    (``Linker._reshift``), so the stranger means measured before stand."""
    assert kept.tenant_shift is not None
    measure = linking.shipped_shift
    monkeypatch.setattr(linking, "shipped_shift", lambda *_: kept.tenant_shift)
    _, fresh = linked(p6, None)
    monkeypatch.setattr(linking, "shipped_shift", measure)
    return fresh


def test_a_forgotten_person_leaves_the_restored_index(p6, world, tmp_path):
    folder = tmp_path / "index"
    linked(p6, folder)
    person = world[1]["people"][1]["person_id"]
    p6.forget(person=person)
    restored, answers = linked(p6, folder)
    assert restored.index is not None and person not in restored.index
    assert all(c["person_id"] != person for a in answers.values() for c in a["candidates"])
    _, fresh = linked(p6, None)
    assert answers == fresh


def test_a_damaged_snapshot_is_rebuilt_with_a_warning(p6, tmp_path, caplog, indexed):
    folder = tmp_path / "index"
    _, fresh = linked(p6, folder)
    path = snapshot.path_for(folder, p6.tenant)
    path.write_bytes(path.read_bytes()[:1000])
    indexed.clear()
    with caplog.at_level(logging.WARNING, logger="persona6.identity"):
        _, answers = linked(p6, folder)
    assert answers == fresh
    assert len(indexed) == PEOPLE  # every person indexed again from the store
    assert f"linking index snapshot {path} unreadable" in caplog.text
    assert "re-indexing" in caplog.text
    indexed.clear()
    linked(p6, folder)  # the rebuilt index was saved in its place
    assert indexed == []


def test_a_snapshot_made_with_another_model_is_not_used(p6, tmp_path, caplog, indexed):
    folder = tmp_path / "index"
    linked(p6, folder)
    p6.backtest_linking(save=True)  # a refitted model: other idf, other vectors
    indexed.clear()
    with caplog.at_level(logging.INFO, logger="persona6.identity"):
        _, answers = linked(p6, folder)
    assert len(indexed) == PEOPLE
    assert "made for another vectors" in caplog.text
    _, fresh = linked(p6, None)
    assert answers == fresh


def test_a_snapshot_that_cannot_be_written_leaves_linking_working(p6, tmp_path, caplog):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory")
    _, fresh = linked(p6, None)
    with caplog.at_level(logging.WARNING, logger="persona6.identity"):
        _, answers = linked(p6, blocked / "index")
    assert answers == fresh
    assert "linking index snapshot not saved to" in caplog.text


def test_where_snapshots_go(monkeypatch, tmp_path):
    monkeypatch.delenv("PERSONA6_INDEX_DIR", raising=False)
    assert index_dir(str(tmp_path / "p6.db")) == tmp_path / "p6.db.index"
    assert index_dir(f"sqlite:///{tmp_path}/p6.db") == tmp_path / "p6.db.index"
    assert index_dir(":memory:") is None
    assert index_dir("postgresql://u@host/db") is None
    monkeypatch.setenv("PERSONA6_INDEX_DIR", str(tmp_path / "cache"))
    assert index_dir("postgresql://u@host/db") == tmp_path / "cache"
    monkeypatch.setenv("PERSONA6_INDEX_DIR", "off")
    assert index_dir(str(tmp_path / "p6.db")) is None


def test_the_engine_saves_beside_its_sqlite_file_only(monkeypatch, tmp_path):
    monkeypatch.delenv("PERSONA6_INDEX_DIR", raising=False)
    with Persona6(db=tmp_path / "p6.db") as p6:
        assert p6.index_dir == tmp_path / "p6.db.index"
        assert Persona6(store=p6.store).index_dir is None  # a store handed in: no path known


def test_a_running_linker_follows_profiles_another_process_rewrote(p6, world, indexed, monkeypatch):
    mine, _ = linked(p6, None)
    person = world[1]["people"][2]["person_id"]
    with Persona6(db=p6.db) as other:  # another process: its own connection and Linker
        other.record(
            [
                {
                    "event_id": "elsewhere-1",
                    "ts": "2026-06-02T09:00:00Z",
                    "session_id": "elsewhere",
                    "user_id": person,
                    "type": "message",
                    "role": "user",
                    "text": "Never send me a summary without the raw figures.",
                }
            ]
        )
        other.build()
        other._linker().sync()  # writes the person's profile
    reads = versions_read(mine, monkeypatch)
    indexed.clear()
    mine.sync()
    assert indexed == [person]
    assert reads == ["since"]  # only the rows written since, not every person's version
    indexed.clear()
    mine.sync()  # nothing moved since: one read of the counter, nothing re-indexed
    assert indexed == []
    assert reads == ["since"]
    assert mine.companions == counted_afresh(mine)
    actors = mine.unresolved()
    answers = {a: mine.link(a).model_dump(mode="json") for a in actors}
    assert answers == fresh_with(p6, mine, monkeypatch)


def test_a_running_linker_drops_a_person_another_process_forgot(p6, world, monkeypatch):
    mine, _ = linked(p6, None)
    person = world[1]["people"][3]["person_id"]
    assert mine.index is not None and person in mine.index
    with Persona6(db=p6.db) as other:
        other.forget(person=person)
        other._linker().sync()  # deletes the person's profile
    reads = versions_read(mine, monkeypatch)
    mine.sync()
    assert person not in mine.index
    # No row is newer, but the count of profiles fell: every version is read to find who.
    assert reads == ["since", "all"]
    assert mine.companions == counted_afresh(mine)
    _, fresh = linked(p6, None)
    assert {a: mine.link(a).model_dump(mode="json") for a in mine.unresolved()} == fresh


def counted_afresh(linker: Linker) -> CompanionStats:
    """The companion statistics counted from scratch over the persons the linker holds."""
    return CompanionStats.from_companions(c for c, _ in linker._companions.values())


def versions_read(linker: Linker, monkeypatch) -> list[str]:
    """How the linker reads stored profile versions from now on: "since" a counter or "all"."""
    reads: list[str] = []
    read = linker.store.identity_profile_versions

    def spy(tenant, *, after=None):
        reads.append("all" if after is None else "since")
        return read(tenant, after=after)

    monkeypatch.setattr(linker.store, "identity_profile_versions", spy)
    return reads


def test_the_snapshot_is_written_in_the_background_while_linking_goes_on(p6, tmp_path, monkeypatch):
    gate = threading.Event()
    write = snapshot.write

    def held(path, arrays):
        gate.wait(timeout=60)  # a bound, should the write ever block the link
        return write(path, arrays)

    monkeypatch.setattr(snapshot, "write", held)
    path = snapshot.path_for(tmp_path / "index", p6.tenant)
    linker = Linker(p6.store, p6.tenant, index_dir=tmp_path / "index")
    try:
        linker.sync()  # returns while the snapshot waits to be written
        assert not path.exists()
        answers = {a: linker.link(a).model_dump(mode="json") for a in linker.unresolved()}
    finally:
        gate.set()
    linker.flush()
    assert path.exists()
    _, restored = linked(p6, tmp_path / "index")
    assert restored == answers
