"""A person's plans and goals change, and the graph shows it (graph.yaml ``plan_changes``).

A plan announced as a change ("my goal is now running the half", "change of plan", "new
goal", "... instead", "no longer", "switched to", "went from wanting X to Y") supersedes the
person's earlier active plan of the same disclosure category, as a change of preference does:
the old trait gets ``valid_to`` and the change statement as counter-evidence, the new one
``supersedes`` it. Plans said without a change stay side by side, and so does every other
category. Building session by session, in any order, and forgetting give what one full
build gives.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from persona6 import Persona6
from persona6.graph import build, forget_event
from persona6.ingest.pipeline import ingest_events
from persona6.store import SQLiteStore
from persona6.types import Evidence, Signal, SignalKind, Trait, TraitStatus
from tests.graph.test_build import cited_rows_of, evidence_rows_of, graph_of, states_of
from tests.graph.test_change_of_mind_across_keys import assert_ended as assert_superseded
from tests.graph.test_change_of_mind_across_keys import by_key


def plan(session: str, day: int, key: str, quote: str, actor: str = "u-1") -> Signal:
    return Signal(
        actor=actor,
        kind=SignalKind.DISCLOSURE,
        key=key,
        value=f"wants to {key.split(':', 1)[1]}",
        session_id=session,
        ts=f"2026-01-{day:02d}T10:00:00.000000Z",
        producer="test.v1",
        evidence=(Evidence(event_id=f"{session}-e", start=0, end=len(quote), quote=quote),),
    )


def assert_ended(old: Trait, new: Trait) -> None:
    assert_superseded(old, new)
    assert old.counter_evidence[-1] in new.evidence  # the change's evidence


def assert_both_active(*traits: Trait) -> None:
    for trait in traits:
        assert trait.valid_to is None and trait.status is TraitStatus.ACTIVE, trait.key
        assert trait.supersedes is None, trait.key


LOSE = ("plans:lose about 5 kg before christmas", "My goal is to lose about 5 kg before Christmas.")


@pytest.mark.parametrize(
    ("key", "quote"),
    [
        ("plans:now running the half", "so my goal is now running the half"),
        ("plans:run the half", "My goal now is to run the half marathon."),
        ("plans:run the half", "Now my goal is to run the half marathon."),
        ("plans:build muscle", "My new goal is to build muscle."),
        ("plans:visit paris", "Change of plan, I'm going to visit Paris."),
        ("plans:visit paris", "I'm going to visit Paris instead."),
        ("plans:build muscle", "I no longer want that, I plan to build muscle."),
        ("plans:run a marathon", "I switched to training for a marathon."),
        ("plans:run a marathon", "I changed my goal to running a marathon."),
        ("plans:run a marathon", "I went from wanting to lose weight to wanting to run far."),
    ],
)
def test_a_plan_announced_as_a_change_supersedes_the_earlier_plan(key: str, quote: str) -> None:
    traits = by_key([plan("s1", 1, *LOSE), plan("s2", 9, key, quote)])
    assert_ended(traits[LOSE[0]], traits[key])


@pytest.mark.parametrize(
    ("key", "quote"),
    [
        # no change announced: people have several goals
        ("plans:run the half", "I also want to run the half marathon."),
        ("plans:run the half", "My goal is to run the half marathon."),
        # a bare "now" is the next step, not a change
        ("plans:submit it to festivals", "Now I'm gonna submit it to some film festivals"),
        ("plans:write memories", "I'll start writing down my memories from now on."),
        ("plans:run the half", "I want to run the half marathon now."),
        # a range is no change of plan
        ("plans:get from 90 kg to 85 kg", "I want to get from 90 kg to 85 kg."),
    ],
)
def test_a_plan_without_a_change_stays_beside_the_earlier_one(key: str, quote: str) -> None:
    traits = by_key([plan("s1", 1, *LOSE), plan("s2", 9, key, quote)])
    assert_both_active(traits[LOSE[0]], traits[key])


def test_only_a_plan_of_the_same_category_is_superseded() -> None:
    traits = by_key(
        [
            plan("s1", 1, "work:nurse", "I'm a nurse."),
            plan("s2", 9, "plans:run the half", "My new goal is to run the half marathon."),
        ]
    )
    assert_both_active(traits["work:nurse"])
    assert traits["plans:run the half"].supersedes is None


def test_another_category_announced_as_a_change_ends_nothing() -> None:
    traits = by_key(
        [
            plan("s1", 1, "work:nurse", "I'm a nurse."),
            plan("s2", 9, "work:teacher", "I'm a teacher now, no longer a nurse."),
        ]
    )
    assert_both_active(traits["work:nurse"], traits["work:teacher"])


def test_a_plan_announced_before_another_is_not_superseded_by_it() -> None:
    traits = by_key(
        [
            plan("s1", 1, "plans:run the half", "My new goal is to run the half marathon."),
            plan("s2", 9, *LOSE),
        ]
    )
    assert_both_active(traits["plans:run the half"], traits[LOSE[0]])


def test_the_plan_the_statement_names_ends_not_the_most_recent() -> None:
    traits = by_key(
        [
            plan("s1", 1, "plans:visit rome", "I'm planning to visit Rome next year."),
            plan("s2", 3, "plans:learn spanish", "I want to learn Spanish."),
            plan("s3", 9, "plans:visit paris", "Not Rome: I'll visit Paris instead."),
        ]
    )
    assert_ended(traits["plans:visit rome"], traits["plans:visit paris"])
    assert_both_active(traits["plans:learn spanish"])


def test_the_plan_stated_with_the_same_frame_ends_before_the_most_recent() -> None:
    traits = by_key(
        [
            plan("s1", 1, *LOSE),
            plan("s2", 3, "plans:adopt a dog", "I'm going to adopt a dog."),
            plan("s3", 9, "plans:now running the half", "so my goal is now running the half"),
        ]
    )
    assert_ended(traits[LOSE[0]], traits["plans:now running the half"])
    assert_both_active(traits["plans:adopt a dog"])


def test_without_a_relation_the_most_recent_plan_ends() -> None:
    traits = by_key(
        [
            plan("s1", 1, "plans:adopt a dog", "I'm going to adopt a dog."),
            plan("s2", 3, "plans:visit rome", "I'm planning to visit Rome next year."),
            plan("s3", 9, "plans:visit paris", "Change of plan, I'm going to visit Paris."),
        ]
    )
    assert_ended(traits["plans:visit rome"], traits["plans:visit paris"])
    assert_both_active(traits["plans:adopt a dog"])


def test_a_plan_stated_under_two_keys_ends_whole() -> None:
    traits = by_key(
        [
            plan("s1", 1, "plans:lose 5 kg", "I want to lose 5 kg."),
            plan("s2", 2, *LOSE),
            plan("s3", 9, "plans:run the half", "My new goal is to run the half marathon."),
        ]
    )
    assert_ended(traits[LOSE[0]], traits["plans:run the half"])
    assert traits["plans:lose 5 kg"].valid_to == traits["plans:run the half"].valid_from


def test_a_chain_of_changes_leaves_only_the_last_plan_active() -> None:
    traits = by_key(
        [
            plan("s1", 1, *LOSE),
            plan("s2", 5, "plans:run the half", "My new goal is to run the half marathon."),
            plan("s3", 9, "plans:swim a mile", "Change of plan: I want to swim a mile."),
        ]
    )
    lose, half, swim = traits[LOSE[0]], traits["plans:run the half"], traits["plans:swim a mile"]
    assert lose.valid_to == half.valid_from and half.supersedes == lose.id
    assert_ended(half, swim)


def test_a_preference_ended_before_its_own_change_is_read_keeps_its_end() -> None:
    """The shared machinery: "json export" (read first, by key order) ends "xlsx export", which
    then ends "csv export"; the end of "xlsx export" was lost when its own change was applied
    to the copy read before the loop."""

    def liked(session: str, day: int, key: str, quote: str) -> Signal:
        found = plan(session, day, "plans:x", quote)
        return found.model_copy(
            update={"kind": SignalKind.PREFERENCE, "key": key, "value": key, "polarity": 1.0}
        )

    traits = by_key(
        [
            liked("s1", 1, "csv export", "I prefer CSV export"),
            liked("s2", 5, "xlsx export", "I switched to xlsx export"),
            liked("s3", 9, "json export", "I switched to json export"),
        ]
    )
    assert traits["csv export"].valid_to == traits["xlsx export"].valid_from
    assert_ended(traits["xlsx export"], traits["json export"])


# End to end: the review's Sam (tenant fit), through ingest, build, the brief and continuity.

SAM = [
    "I'm vegetarian, so please don't suggest meat or fish in my meal plans. My goal is to lose "
    "about 5 kg before Christmas.",
    "Can you plan my meals for this week?",
    "Change of plan: I signed up for the Bristol half marathon, so my goal is now running the "
    "half, not weight loss.",
]


def events(texts: list[str], user: str = "u-1", start: int = 0) -> list[dict]:
    found = []
    for number, text in enumerate(texts, start=start + 1):
        session = f"{user}-s{number}"
        found += [
            {
                "event_id": f"{session}-u",
                "ts": f"2026-{number:02d}-10T10:00:00Z",
                "session_id": session,
                "user_id": user,
                "type": "message",
                "role": "user",
                "text": text,
            },
            {
                "event_id": f"{session}-a",
                "ts": f"2026-{number:02d}-10T10:00:05Z",
                "session_id": session,
                "type": "message",
                "role": "assistant",
                "text": "Noted.",
            },
        ]
    return found


def plans_of(traits: list[Trait]) -> list[Trait]:
    return [t for t in traits if t.kind is SignalKind.DISCLOSURE and t.key.startswith("plans:")]


def test_sams_goal_change_supersedes_the_weight_goal_end_to_end() -> None:
    with Persona6(db=":memory:") as p6:
        p6.record(events(SAM))
        p6.build()
        plans = sorted(plans_of(p6.person("u-1").traits), key=lambda t: t.valid_from)
        assert len(plans) == 2, [t.key for t in plans]
        old, new = plans
        assert "5 kg" in old.key and "half" in new.key
        assert_ended(old, new)
        assert old.counter_evidence[-1].event_id == "u-1-s3-u"
        brief = p6.context("u-1", task="plan my training for next month")
        assert old.statement not in brief.text, brief.text
        [actor] = p6.continuity("u-1-s3").actors
        assert old.id in {item.trait_id for item in actor.contradicts}


def test_forgetting_the_change_makes_the_earlier_plan_active_again() -> None:
    store = SQLiteStore(":memory:")
    ingest_events(store, events(SAM))
    build(store, "default")
    forget_event(store, "default", "u-1-s3-u")
    [only] = plans_of(store.traits_of("default", "u-1"))
    assert only.valid_to is None and only.status is TraitStatus.ACTIVE
    assert all(e.event_id != "u-1-s3-u" for e in [*only.evidence, *only.counter_evidence])


# Property: whatever the order sessions are built in, and whatever is forgotten, the plans
# and their changes are what one full build of the remaining events gives.

SAID = [
    "My goal is to lose about 5 kg before Christmas.",
    "I want to learn Spanish.",
    "I'm planning to visit Rome next year.",
    "My plan is to open a bakery.",
    "Change of plan, I'm going to visit Paris instead.",
    "Change of plan: I signed up for the Bristol half marathon, so my goal is now running the "
    "half, not weight loss.",
    "My new goal is to build muscle.",
    "Now I'm gonna submit it to some film festivals.",
    "I prefer CSV export. My plan is to adopt a dog.",
    "Change of mind about exports: xlsx is better now.",
]


def _log(picks: list[tuple[int, int]]) -> list[dict]:
    """One session per pick (person, sentence), in time order."""
    found: list[dict] = []
    for number, (person, said) in enumerate(picks):
        found += events([SAID[said]], user=f"u-{person}", start=number)
    return found


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    picks=st.lists(
        st.tuples(st.integers(0, 1), st.integers(0, len(SAID) - 1)), min_size=2, max_size=9
    ),
    order=st.randoms(use_true_random=False),
    forget=st.integers(0, 100),
)
def test_plans_built_in_any_order_and_forgotten_equal_one_full_build(picks, order, forget):
    log = _log(picks)
    by_session: dict[str, list[dict]] = defaultdict(list)
    for event in log:
        by_session[event["session_id"]].append(event)
    sessions = list(by_session.values())
    order.shuffle(sessions)
    stepwise, whole = SQLiteStore(":memory:"), SQLiteStore(":memory:")
    for session in sessions:
        ingest_events(stepwise, session)
        build(stepwise, "default")
    ingest_events(whole, log)
    build(whole, "default")
    assert graph_of(stepwise) == graph_of(whole)
    assert states_of(stepwise) == states_of(whole)
    assert evidence_rows_of(stepwise) == evidence_rows_of(whole) == cited_rows_of(whole)
    said = [e for e in log if e["role"] == "user"]
    gone = said[forget % len(said)]["event_id"]
    forget_event(stepwise, "default", gone)
    rest = SQLiteStore(":memory:")
    ingest_events(rest, [e for e in log if e["event_id"] != gone])
    build(rest, "default")
    assert graph_of(stepwise) == graph_of(rest)
    assert evidence_rows_of(stepwise) == evidence_rows_of(rest) == cited_rows_of(rest)
