"""Continuity compares a session's claims with the persona by the key the graph consolidates
them under (graph.consolidate.fold_key): one thing said in either number is one trait."""

from __future__ import annotations

from persona6 import Persona6


def _said(n: int, session: str, text: str, day: int) -> dict[str, object]:
    return {
        "event_id": f"f-{n}",
        "ts": f"2026-03-{day:02d}T10:00:{n:02d}Z",
        "session_id": session,
        "user_id": "u-1",
        "type": "message",
        "text": text,
    }


def _items(first: str, second: str) -> dict[str, dict[tuple[str, str], str | None]]:
    engine = Persona6(db=":memory:")
    engine.record([_said(0, "s-1", first, 1), _said(1, "s-2", second, 2)])
    engine.build()
    (actor,) = engine.continuity("s-2").actors
    return {
        name: {(i.kind, i.key): i.prior for i in getattr(actor, name) if i.kind != "style"}
        for name in ("confirms", "contradicts", "new")
    }


def test_the_other_number_of_a_trait_contradicts_it():
    items = _items("Please skip the red-eyes, I hate them.", "I like the red-eye.")
    assert items["contradicts"] == {("preference", "red-eye"): "asks to skip red-eyes"}
    assert ("preference", "red-eye") not in items["new"]


def test_the_other_number_of_a_trait_confirms_it():
    items = _items("I like summaries of the week.", "I love a summary of the week.")
    assert items["confirms"] == {
        ("preference", "summary of the week"): "likes summaries of the week"
    }
    assert items["new"] == {}


def test_another_thing_stays_new_and_the_same_number_still_confirms():
    items = _items("I like summaries of the week.", "I love dark mode.")
    assert items["new"] == {("preference", "dark mode"): None}
    assert items["confirms"] == {}
    same = _items("I like summaries of the week.", "I really like summaries of the week.")
    assert same["confirms"] == {
        ("preference", "summaries of the week"): "likes summaries of the week"
    }
