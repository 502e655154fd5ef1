"""A style key of things asked side by side (``ASKED_SIDE_BY_SIDE``: style.v22 ``format``):
each format asked for is a trait of its own, and another format asked in another session is
no counter-evidence for it. Voted as one key (the valued kinds' rule), bullet points asked in
one session and a formal tone in another made one trait of the two, the other value its
counter-evidence, and the brief said only one of them. Other style keys still vote."""

from __future__ import annotations

from persona6 import Persona6
from persona6.graph.consolidate import ASKED_SIDE_BY_SIDE, consolidate
from persona6.types import SignalKind
from tests.graph.test_consolidate import signal


def _style(session: str, day: int, key: str, value: str):
    return signal(session, day, key=key, kind=SignalKind.STYLE, value=value, polarity=0.0)


def test_two_formats_in_two_sessions_are_two_traits():
    assert "format" in ASKED_SIDE_BY_SIDE
    traits = consolidate(
        "u-1",
        [
            _style("s1", 1, "format", "bullet points"),
            _style("s2", 2, "format", "formal tone"),
            _style("s3", 3, "format", "bullet points"),
        ],
    )
    found = {t.value: t for t in traits if t.key == "format"}
    assert set(found) == {"bullet points", "formal tone"}
    assert len({t.id for t in found.values()}) == 2
    bullets, formal = found["bullet points"], found["formal tone"]
    assert (bullets.sessions, bullets.counter_sessions) == (2, 0)
    assert (formal.sessions, formal.counter_sessions) == (1, 0)
    assert bullets.statement == "format: bullet points"
    assert bullets.confidence > formal.confidence > 0
    assert all(t.valid_to is None and t.status.value == "active" for t in found.values())


def test_another_style_key_still_votes():
    """The neighbour: verbosity is one thing shown, its other value counter-evidence."""
    traits = consolidate(
        "u-1",
        [
            _style("s1", 1, "verbosity", "terse"),
            _style("s2", 2, "verbosity", "elaborate"),
            _style("s3", 3, "verbosity", "terse"),
        ],
    )
    [trait] = [t for t in traits if t.key == "verbosity"]
    assert (trait.value, trait.sessions, trait.counter_sessions) == ("terse", 2, 1)


def _events(texts: list[str]) -> list[dict]:
    return [
        {
            "event_id": f"e{i}",
            "ts": f"2026-03-{i + 1:02d}T10:00:00Z",
            "session_id": f"s{i}",
            "user_id": "u-1",
            "type": "message",
            "text": text,
        }
        for i, text in enumerate(texts)
    ]


def _formats(p6: Persona6) -> list[tuple[str, str, float, int]]:
    view = p6.person("u-1")
    return sorted(
        (t.id, t.value or "", t.confidence, t.counter_sessions)
        for t in view.traits
        if t.key == "format"
    )


def test_an_incremental_build_keeps_both_formats_as_a_full_build_does():
    texts = [
        "Put the chess openings in a table please.",
        "In emails pls use a formal tone.",
        "A table would be great for the seed list.",
    ]
    with Persona6(db=":memory:") as full:
        full.record(_events(texts))
        full.build()
        whole = _formats(full)
    with Persona6(db=":memory:") as steps:
        events = _events(texts)
        steps.record(events[:1])
        steps.build()
        steps.record(events[1:])
        steps.build()
        assert _formats(steps) == whole
    assert sorted(v for _, v, _, _ in whole) == ["formal tone", "table"]
    assert all(n == 0 for *_, n in whole)


def _asked(session: str, day: int, value: str, event: str):
    return signal(session, day, key="format", kind=SignalKind.STYLE, value=value, event=event)


def test_two_formats_asked_in_one_session_are_two_traits_each_on_its_own_request():
    """style.v26: "bullet points please, and keep it short" asks two formats, a signal each.
    The session votes for both (it voted once, for one of them, and the other was lost), and
    each trait cites only the request for it."""
    traits = consolidate(
        "u-1",
        [
            _asked("s1", 1, "bullet points", "e-bullets"),
            _asked("s1", 1, "short answers", "e-short"),
            _asked("s2", 2, "short answers", "e-short-2"),
        ],
    )
    found = {t.value: t for t in traits if t.key == "format"}
    assert set(found) == {"bullet points", "short answers"}
    bullets, short = found["bullet points"], found["short answers"]
    assert (bullets.sessions, bullets.counter_sessions) == (1, 0)
    assert (short.sessions, short.counter_sessions) == (2, 0)
    assert [e.event_id for e in bullets.evidence] == ["e-bullets"]
    assert sorted(e.event_id for e in short.evidence) == ["e-short", "e-short-2"]


def test_two_formats_asked_in_one_message_are_both_kept_by_a_build():
    with Persona6(db=":memory:") as p6:
        p6.record(_events(["A table would be great for the seed list, and keep it short please."]))
        p6.build()
        assert sorted(v for _, v, _, _ in _formats(p6)) == ["short answers", "table"]
