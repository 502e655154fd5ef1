"""Recurring paths (graph/paths.py): a person's recurring action sequences are shown as the
paths they walk, not as every bigram and trigram of them; the stored graph keeps each one."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from persona6 import Persona6
from persona6.graph.paths import PRODUCER, fold_share, sequence_paths

HABIT = ["open_lesson", "play_audio", "answer_quiz", "!quiz_passed", "next_lesson"]


def walk(session: str, day: int, steps: list[str], user: str = "u-1") -> list[dict]:
    """A session of ``steps`` (actions; "!name" an outcome) by ``user``, one a second."""
    events = []
    for n, step in enumerate(steps):
        outcome = step.startswith("!")
        events.append(
            {
                "event_id": f"{session}-{n}",
                "ts": f"2026-03-{day:02d}T10:00:{n:02d}Z",
                "session_id": session,
                "user_id": user,
                "type": "outcome" if outcome else "action",
                "name": step.lstrip("!"),
                "text": None if outcome else f"{step} lesson_{day}",
            }
        )
    return events


def engine(*sessions: list[str]) -> Persona6:
    p6 = Persona6(db=":memory:")
    p6.record([e for day, steps in enumerate(sessions, 1) for e in walk(f"s{day}", day, steps)])
    p6.build()
    return p6


def shown(p6: Persona6, person: str = "u-1") -> dict[str, int]:
    """The sequences ``show`` gives: their steps ("a > b") and sessions."""
    return {
        t.key.removeprefix("sequence:").replace(">", " > "): t.sessions
        for t in p6.person(person).traits
        if t.key.startswith("sequence:")
    }


def stored(p6: Persona6, person: str = "u-1") -> list[str]:
    return [t.key for t in p6.store.traits_of("default", person) if t.key.startswith("sequence:")]


def test_one_habitual_path_is_one_trait_with_the_evidence_of_its_parts():
    p6 = engine(*[HABIT] * 4)
    assert len(stored(p6)) == 7  # 4 bigrams and 3 trigrams, each recurring: all kept
    assert shown(p6) == {"open_lesson > play_audio > answer_quiz > quiz_passed > next_lesson": 4}
    (path,) = [t for t in p6.person("u-1").traits if t.key.startswith("sequence:")]
    assert path.statement == (
        "recurring steps: open_lesson → play_audio → answer_quiz → quiz_passed → next_lesson"
    )
    assert PRODUCER in path.producers and path.value == "5-step"
    quoted = {e.quote for e in path.evidence}
    assert {"open_lesson lesson_1", "next_lesson lesson_4", "answer_quiz lesson_2"} <= quoted
    # Its id explains itself like any trait.
    chain = p6.why("u-1", path.id).chain
    assert {link.session_id for link in chain} == {"s1", "s2", "s3", "s4"}
    # Other kinds are left as they are.
    others = [t for t in p6.store.traits_of("default", "u-1") if not t.key.startswith("seq")]
    assert [t for t in p6.person("u-1").traits if not t.key.startswith("seq")] == others


def test_a_step_shared_by_two_paths_stays_beside_them():
    failed = ["open_lesson", "answer_quiz", "!quiz_failed", "retry", "!quiz_passed"]
    upload = ["open_lesson", "answer_quiz", "upload_audio", "!upload_error", "cancel"]
    p6 = engine(failed, upload, failed, upload, failed, upload)
    assert shown(p6) == {
        "open_lesson > answer_quiz": 6,  # before either path: in every session
        "open_lesson > answer_quiz > quiz_failed > retry > quiz_passed": 3,
        "open_lesson > answer_quiz > upload_audio > upload_error > cancel": 3,
    }


def test_trigrams_of_other_sessions_are_not_chained():
    """``a>b>c`` and ``b>c>d`` of different sessions are two things, not ``a>b>c>d``; ``b>c``
    in all four sessions is a third."""
    p6 = engine(["a", "b", "c"], ["a", "b", "c"], ["b", "c", "d"], ["b", "c", "d"])
    assert shown(p6) == {"a > b > c": 2, "b > c > d": 2, "b > c": 4}


def test_trigrams_whose_overlap_occurs_twice_in_a_session_are_not_chained():
    """In "a b c x b c d" the ``b c`` after ``a`` is not the one before ``d``: no "a b c d"."""
    p6 = engine(["a", "b", "c", "x", "b", "c", "d"], ["a", "b", "c", "x", "b", "c", "d"])
    found = shown(p6)
    assert not any("a > b > c >" in steps or "> b > c > d" in steps for steps in found)
    assert {"a > b > c", "b > c > d", "b > c > x > b > c"} <= set(found)
    # Every path shown is in each session in a row.
    session = " > ".join(["a", "b", "c", "x", "b", "c", "d"])
    assert all(steps in session for steps in found)


def test_a_longer_sequence_folds_a_shorter_one_in_nearly_all_its_sessions():
    assert fold_share() == 0.8
    nearly = engine(*[["a", "b", "c"]] * 4, ["a", "b"])
    assert shown(nearly) == {"a > b > c": 4}  # a > b: 5 sessions, 4 of them a > b > c
    less = engine(*[["a", "b", "c"]] * 3, ["a", "b"], ["a", "b"])
    assert shown(less) == {"a > b > c": 3, "a > b": 5}  # a > b also on its own


def test_a_person_with_one_recurring_sequence_or_none_is_shown_as_stored():
    p6 = engine(["a", "b"], ["a", "b"], ["c", "d"])
    assert shown(p6) == {"a > b": 2}
    traits = p6.store.traits_of("default", "u-1")
    assert sequence_paths(traits) == traits


def test_continuity_says_the_path_a_session_walks_once():
    p6 = engine(*[HABIT] * 4)
    (actor,) = p6.continuity("s4").actors
    sequences = [i for i in actor.confirms if i.key.startswith("sequence:")]
    assert [i.statement for i in sequences] == [
        "recurring steps: open_lesson → play_audio → answer_quiz → quiz_passed → next_lesson"
    ]
    assert sequences[0].prior == sequences[0].statement and sequences[0].prior_sessions == 3
    assert not [i for i in actor.new if i.key.startswith("sequence:")]
    assert [q.quote for q in sequences[0].evidence][:1] == ["open_lesson lesson_4"]


_STEPS = st.lists(st.sampled_from(["a", "b", "c", "!d"]), min_size=2, max_size=6)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions=st.lists(_STEPS, min_size=3, max_size=8), cut=st.integers(1, 7))
def test_paths_after_an_incremental_build_or_a_forget_equal_a_full_build(sessions, cut):
    events = [e for day, steps in enumerate(sessions, 1) for e in walk(f"s{day}", day, steps)]
    cut = min(cut, len(sessions) - 1)
    step = Persona6(db=":memory:")
    step.record([e for e in events if int(e["session_id"][1:]) <= cut])
    step.build()
    step.record([e for e in events if int(e["session_id"][1:]) > cut])
    step.build()
    full = engine(*sessions)
    assert step.person("u-1").traits == full.person("u-1").traits
    full.forget(session="s1")
    fresh = engine(*sessions[1:]) if len(sessions) > 1 else None
    if fresh is not None and fresh.store.traits_of("default", "u-1"):
        # The same sessions but s1 (renumbered): the same paths and sessions.
        assert shown(full) == shown(fresh)
