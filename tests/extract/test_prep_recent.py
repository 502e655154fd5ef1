"""Prepared texts are kept while in use (``prep.Recent``): a log repeating more distinct texts
than one generation holds no longer prepares each of them again and again."""

from __future__ import annotations

import pytest

from persona6.extract import prep
from persona6.types import StoredEvent


def _message(text: str) -> StoredEvent:
    return StoredEvent.model_validate(
        {
            "event_id": f"e-{abs(hash(text))}",
            "type": "message",
            "role": "user",
            "user_id": "u1",
            "session_id": "s1",
            "ts": "2026-01-01T00:00:00Z",
            "text": text,
            "tenant": "t",
        }
    )


@pytest.mark.parametrize("distinct", [5000, 9000])
def test_a_working_set_above_the_old_bound_is_prepared_once(distinct: int) -> None:
    """5,000 or 9,000 distinct texts read in turn, twice over (the old memory, emptied at 4,096,
    prepared every one of them again): each is the same prepared text both times, memo and all."""
    prep._CACHE.clear()
    events = [_message(f"my order {n} is late again") for n in range(distinct)]
    first = [prep.prepared(e) for e in events]
    for found in first[::97]:
        found.memo["seen"] = True
    again = [prep.prepared(e) for e in events]
    assert all(a is b for a, b in zip(first, again, strict=True))
    assert all(found.memo.get("seen") for found in again[::97])
    prep._CACHE.clear()


@pytest.mark.parametrize("size", [1, 3, 8])
def test_recent_keeps_what_is_in_use_and_stays_bounded(size: int) -> None:
    """A key asked for again before ``size`` others were put is kept; the memory never holds
    more than two generations; what it gives back is what was put under that key."""
    recent = prep.Recent(size)
    for round_ in range(3):
        for n in range(size):
            key = f"k{n}"
            if recent.get(key) is None:
                assert round_ == 0, "a key in use was dropped"
                recent.put(key, key.upper())
            assert recent.get(key) == key.upper()
            assert len(recent) <= 2 * size
    for n in range(10 * size):  # many keys once each: still bounded
        if recent.get(f"x{n}") is None:
            recent.put(f"x{n}", n)
        assert len(recent) <= 2 * size
        assert recent.get(f"x{n}") == n
    recent.clear()
    assert len(recent) == 0 and recent.get("x0") is None
