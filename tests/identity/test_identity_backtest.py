"""The backtest's fit: later sessions against the earlier history, co-presence included."""

from __future__ import annotations

from collections import Counter

import pytest

from persona6.errors import InvalidOption
from persona6.identity.backtest import (
    Outcome,
    Split,
    _calibration_outcomes,
    _training_pairs,
    _with_co_presence,
    cut,
)
from persona6.identity.features import Profile, sum_profiles
from persona6.identity.model import Calibration, LinkModel, vectorize


def unit(session: str, words: dict[str, int], companions: tuple[str, ...] = ()) -> Profile:
    profile = Profile(sessions=1, session_ids=[session], first_ts=session, last_ts=session)
    profile.bags = {"words": Counter(words)}
    profile.label_sessions = {"words": Counter(dict.fromkeys(words, 1))}
    profile.companions = Counter(companions)
    return profile


def make_split(units: dict[str, list[Profile]]) -> Split:
    """``units``: person -> their history units, newest first (as backtest.split keeps them)."""
    by_session: dict[str, dict[str, Profile]] = {}
    for person, history in units.items():
        for u in history:
            by_session.setdefault(u.session_ids[0], {})[person] = u
    histories = {p: sum_profiles(h) for p, h in units.items()}
    return Split(histories, units, by_session, [], [])


def history(person: str, count: int, word: str) -> list[Profile]:
    return [unit(f"{person}-{i:02d}", {word: 2, f"{word}{i}": 1}) for i in reversed(range(count))]


def test_cut_holds_out_the_latest_sessions_and_keeps_the_earlier_history_the_larger_part():
    split_ = make_split(
        {
            "ana": history("ana", 10, "tea"),
            "bo": history("bo", 4, "oak"),
            "cy": history("cy", 1, "x"),
        }
    )
    found = cut(split_, most=3, gap=0.0)
    assert [u.session_ids[0] for u in found.late["ana"]] == ["ana-09", "ana-08", "ana-07"]
    assert found.early["ana"].session_ids == [f"ana-{i:02d}" for i in reversed(range(7))]
    assert [u.session_ids[0] for u in found.late["bo"]] == ["bo-03", "bo-02"]  # half at most
    assert found.late["cy"] == [] and found.early["cy"].session_ids == ["cy-00"]
    assert found.late_sessions["bo"] == {"bo-03", "bo-02"}


def test_cut_leaves_a_gap_before_the_late_sessions_while_the_earlier_history_keeps_as_many():
    split_ = make_split({"ana": history("ana", 10, "tea"), "bo": history("bo", 5, "oak")})
    found = cut(split_, most=3)  # the default gap: as many sessions as are late
    assert [u.session_ids[0] for u in found.late["ana"]] == ["ana-09", "ana-08", "ana-07"]
    assert found.early["ana"].session_ids == [f"ana-{i:02d}" for i in reversed(range(4))]
    assert found.late_sessions["ana"] == {f"ana-{i:02d}" for i in range(4, 10)}
    # bo: two late sessions; a gap of one keeps two before them, as many as are late.
    assert [u.session_ids[0] for u in found.late["bo"]] == ["bo-04", "bo-03"]
    assert found.early["bo"].session_ids == ["bo-01", "bo-00"]
    assert found.late_sessions["bo"] == {"bo-04", "bo-03", "bo-02"}


@pytest.mark.parametrize("share", [0.0, 1.0, 1.5])
def test_cut_refuses_a_share_that_leaves_nothing_on_one_side(share):
    split_ = make_split({"ana": history("ana", 4, "tea")})
    with pytest.raises(InvalidOption, match=r"is .*; it must be between 0 and 1 \(exclusive\)"):
        cut(split_, most=2, share=share)


def test_a_late_session_is_compared_with_the_earlier_history_only():
    split_ = make_split({"ana": history("ana", 6, "tea"), "bo": history("bo", 6, "oak")})
    found = cut(split_, most=2)
    model = LinkModel(weights={}, stranger={}, constant=0.0)
    candidates = {p: vectorize(h, model) for p, h in found.early.items()}
    _, labels, sessions = _training_pairs(split_, found, ["ana", "bo"], candidates, model)
    assert [(p, s) for p, s, _, _ in sessions] == [
        ("ana", "ana-05"),
        ("ana", "ana-04"),
        ("bo", "bo-05"),
        ("bo", "bo-04"),
    ]
    assert labels == [1, 0, 1, 0, 0, 1, 0, 1]  # pool order: ana, bo
    # "tea5" was typed only in the latest session: the history it is compared with lacks it.
    ana_early = sessions[0][3]["ana"]
    assert ana_early is candidates["ana"]
    assert found.early["ana"].bags["words"]["tea5"] == 0


def co_present_split() -> Split:
    """ana and bo talk in every session; cy talks alone. The two latest sessions are late."""
    units: dict[str, list[Profile]] = {"ana": [], "bo": [], "cy": []}
    for i in reversed(range(6)):
        units["ana"].append(unit(f"s{i}", {"tea": 1}, ("bo",)))
        units["bo"].append(unit(f"s{i}", {"oak": 1}, ("ana",)))
        units["cy"].append(unit(f"c{i}", {"sun": 1}))
    return make_split(units)


def test_a_co_actor_late_in_the_same_session_moves_the_llrs_as_linking_would():
    split_ = co_present_split()
    found = cut(split_, most=2)
    names = ["ana", "bo", "cy"]
    keys = [("s5", "ana"), ("s5", "bo"), ("c5", "cy")]
    # Flat evidence for ana's session; bo's own outcome is sure that bo is bo.
    outcomes = [
        Outcome([0.0, 0.0, 0.0], names, 0),
        Outcome([-5.0, 9.0, -5.0], names, 1),
        Outcome([-5.0, -5.0, 9.0], names, 2),
    ]
    model = LinkModel(weights={}, stranger={}, constant=0.0)
    moved = _with_co_presence(outcomes, keys, split_, found, model, Calibration(1.0, 0.0, 0.0, 0.0))
    assert moved is not None
    ana = moved[0]
    assert ana.candidates == names and ana.truth == 0
    # Someone usually seen with bo (ana) gains; bo cannot be bo's co-actor.
    assert ana.llrs[0] > 0.0 > ana.llrs[1]
    assert moved[2] is outcomes[2]  # cy met nobody: unchanged


def test_a_co_actor_whose_session_is_in_their_history_is_ruled_out():
    split_ = co_present_split()
    found = cut(split_, most=2)
    names = ["ana", "bo", "cy"]
    # Only ana's outcome: bo's session s5 counts as known to the store, bo is present.
    moved = _with_co_presence(
        [Outcome([0.0, 1.0, 0.0], names, 0)],
        [("s5", "ana")],
        split_,
        found,
        LinkModel(weights={}, stranger={}, constant=0.0),
        Calibration(1.0, 0.0, 0.0, 0.0),
    )
    assert moved is not None
    assert moved[0].candidates == ["ana", "cy"] and moved[0].truth == 0


def test_sessions_without_co_actors_leave_the_outcomes_as_they_are():
    split_ = make_split({"ana": history("ana", 4, "tea"), "bo": history("bo", 4, "oak")})
    found = cut(split_, most=2)
    outcomes = [Outcome([1.0, 0.0], ["ana", "bo"], 0)]
    model = LinkModel(weights={}, stranger={}, constant=0.0)
    calibration = Calibration(1.0, 0.0, 0.0, 0.0)
    assert (
        _with_co_presence(outcomes, [("ana-03", "ana")], split_, found, model, calibration) is None
    )


def test_each_known_session_without_its_person_is_also_a_session_of_someone_new():
    outcomes = [
        Outcome([3.0, 1.0, 0.5], ["ana", "bo", "cy"], 0, 7.0),
        Outcome([0.2, 0.1], ["ana", "bo"], None, 4.0),  # a held-out person
        Outcome([2.0], ["ana"], 0, 5.0),  # nobody left without ana: no stranger
    ]
    assert _calibration_outcomes(outcomes) == [
        ([3.0, 1.0, 0.5], 0, 3, 7.0),
        ([1.0, 0.5], None, 2, 7.0),
        ([0.2, 0.1], None, 2, 4.0),
        ([2.0], 0, 1, 5.0),
    ]
