"""A refresh re-makes units a slice of sessions per transaction (profiles.SLICE), so that it
holds SQLite's write lock a slice at a time; cut short or run beside another, it leaves units
and profiles that the next refresh brings to exactly what one refresh in one piece makes."""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import pytest

from persona6 import Persona6
from persona6.identity import profiles
from persona6.identity.settings import settings_for


def _state(p6: Persona6) -> tuple[list, list, int]:
    units = sorted(
        (u.session_id, u.actor, u.person_id, u.known, u.first_ts, u.last_ts, u.body)
        for u in p6.store.identity_units(p6.tenant)
    )
    bodies = sorted(p6.store.identity_profiles(p6.tenant, None))
    return units, bodies, p6.store.identity_units_seq(p6.tenant)


def _refresh(p6: Persona6, *, full: bool = False) -> None:
    profiles.refresh(p6.store, p6.tenant, settings_for(p6.store, p6.tenant), full=full)


def _copy(world: tuple[Path, dict], tmp_path: Path, name: str) -> Persona6:
    copy = tmp_path / name
    copy.write_bytes(world[0].read_bytes())
    return Persona6(db=copy)


@pytest.fixture
def reference(world, tmp_path, monkeypatch) -> tuple[list, list, int]:
    """Units, profiles and units_seq of a first refresh in one transaction."""
    monkeypatch.setattr(profiles, "SLICE", 1_000_000)
    with _copy(world, tmp_path, "one.db") as p6:
        _refresh(p6)
        found = _state(p6)
    monkeypatch.setattr(profiles, "SLICE", 200)
    assert found[0] and found[1] and found[2] > 0
    return found


def _counting(p6: Persona6, monkeypatch, after=None) -> list[int]:
    """Count the store's outermost transactions; call ``after(n)`` once the n-th commits."""
    done: list[int] = []
    inner = p6.store.transaction

    @contextmanager
    def counted():
        outer = not p6.store._depth
        with inner():
            yield
        if outer:
            done.append(len(done) + 1)
            if after is not None:
                after(len(done))

    monkeypatch.setattr(p6.store, "transaction", counted)
    return done


def test_a_refresh_in_slices_makes_the_units_and_profiles_of_one_in_one_piece(
    world, tmp_path, monkeypatch, reference
):
    monkeypatch.setattr(profiles, "SLICE", 5)
    with _copy(world, tmp_path, "sliced.db") as p6:
        sessions = len(p6.store.sessions_since(p6.tenant, 0))
        done = _counting(p6, monkeypatch)
        _refresh(p6)
        assert _state(p6) == reference
        # One to start, one per slice of 5 sessions, one to end.
        assert len(done) == 2 + -(-sessions // 5)
        _refresh(p6, full=True)  # a full one in slices re-makes the same
        assert _state(p6)[:2] == reference[:2]


def test_other_writers_write_between_slices(world, tmp_path, monkeypatch, reference):
    """A second connection records events while the first refresh is between slices."""
    monkeypatch.setattr(profiles, "SLICE", 5)
    with _copy(world, tmp_path, "writers.db") as p6, Persona6(db=p6.store.path) as other:
        event = {
            "event_id": "between-slices",
            "ts": "2031-01-01T10:00:00Z",
            "session_id": "s-between",
            "user_id": "u-between",
            "type": "message",
            "text": "I prefer the train.",
        }

        def write(n: int) -> None:
            if n == 2:
                assert other.record([event]) == 1

        _counting(p6, monkeypatch, write)
        _refresh(p6)
        assert _state(p6) == reference  # the session was not there when the refresh began
        _refresh(p6)  # the next one makes its unit
        units = _state(p6)[0]
        assert [u for u in units if u[0] != "s-between"] == reference[0]
        assert [u[:2] for u in units if u[0] == "s-between"] == [("s-between", "u-between")]


@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize("cut", ["a slice", "the end"])
def test_a_refresh_cut_short_is_redone_by_the_next(
    world, tmp_path, monkeypatch, reference, cut, full
):
    monkeypatch.setattr(profiles, "SLICE", 5)
    with _copy(world, tmp_path, "cut.db") as p6:
        if full:
            _refresh(p6)  # units there already: a full refresh replaces them
        real_rebuild = profiles.rebuild_profiles
        real_sessions = profiles._refresh_sessions
        calls = Counter[str]()

        def failing_sessions(*args, **kwargs):
            calls["slice"] += 1
            if cut == "a slice" and calls["slice"] == 3:
                raise RuntimeError("crash in the third slice")
            return real_sessions(*args, **kwargs)

        def failing_rebuild(store, tenant, persons, known):
            persons = set(persons)
            if cut == "the end" and calls["slice"] * 5 >= len(sessions) and len(persons) > 1:
                raise RuntimeError("crash in the last transaction")
            return real_rebuild(store, tenant, persons, known)

        sessions = p6.store.sessions_since(p6.tenant, 0)
        before_seq = p6.store.identity_units_seq(p6.tenant)
        monkeypatch.setattr(profiles, "_refresh_sessions", failing_sessions)
        monkeypatch.setattr(profiles, "rebuild_profiles", failing_rebuild)
        with pytest.raises(RuntimeError, match="crash"):
            _refresh(p6, full=full)
        units = [(u.session_id, u.actor) for u in p6.store.identity_units(p6.tenant)]
        assert len(units) == len(set(units))  # never a unit twice
        assert calls["slice"] >= 3
        # units_seq has not moved past what was made whole (a full one redoes everything).
        assert p6.store.identity_units_seq(p6.tenant) == (0 if full else before_seq)
        monkeypatch.setattr(profiles, "_refresh_sessions", real_sessions)
        monkeypatch.setattr(profiles, "rebuild_profiles", real_rebuild)
        _refresh(p6)
        assert _state(p6) == reference


def test_a_refresh_run_between_the_slices_of_another_leaves_one_state(
    world, tmp_path, monkeypatch, reference
):
    """Two connections refresh at once (the second whole while the first is between its
    slices; then a full one the same way): the end state is the one of one refresh."""
    monkeypatch.setattr(profiles, "SLICE", 5)
    for full in (False, True):
        with _copy(world, tmp_path, f"two-{full}.db") as p6, Persona6(db=p6.store.path) as other:
            if full:
                _refresh(p6)

            def beside(n: int, other: Persona6 = other, full: bool = full) -> None:
                if n == 3:
                    _refresh(other, full=full)
                    assert _state(other) == reference

            _counting(p6, monkeypatch, beside)
            _refresh(p6, full=full)
            assert _state(p6) == reference
            monkeypatch.undo()
            monkeypatch.setattr(profiles, "SLICE", 5)
