"""Consolidation rules: confidence by independent sessions, changes of mind, contradictions."""

from __future__ import annotations

import pytest

from persona6.graph.consolidate import consolidate, statement
from persona6.types import Evidence, Signal, SignalKind, TraitStatus


def signal(
    session: str,
    day: int,
    key: str = "dark mode",
    polarity: float = 1.0,
    kind: SignalKind = SignalKind.PREFERENCE,
    value: str = "",
    quote: str = "x",
    event: str | None = None,
) -> Signal:
    event_id = event or f"{session}-{day}-{key}-{polarity}"
    return Signal(
        actor="u-1",
        kind=kind,
        key=key,
        value=value or (f"likes {key}" if polarity > 0 else f"dislikes {key}"),
        polarity=polarity,
        session_id=session,
        ts=f"2026-01-{day:02d}T10:00:00.000000Z",
        producer="test.v1",
        evidence=(Evidence(event_id=event_id, start=0, end=len(quote), quote=quote),),
    )


def only(traits, key):
    found = [t for t in traits if t.key == key]
    assert found, f"no trait {key!r} in {[t.key for t in traits]}"
    return found


def test_confidence_grows_with_sessions_not_with_repetition():
    once = only(consolidate("u-1", [signal("s1", 1)]), "dark mode")[0]
    repeated = only(
        consolidate("u-1", [signal("s1", 1, event=f"e{i}") for i in range(5)]), "dark mode"
    )[0]
    three = only(consolidate("u-1", [signal(f"s{i}", i) for i in range(1, 4)]), "dark mode")[0]
    assert repeated.confidence == once.confidence
    assert three.confidence > once.confidence
    assert (once.sessions, repeated.sessions, three.sessions) == (1, 1, 3)
    assert repeated.signals == 5


def test_confidence_follows_the_documented_formula():
    trait = only(consolidate("u-1", [signal("s1", 1), signal("s2", 2)]), "dark mode")[0]
    assert trait.confidence == round(1 - (1 - 0.6) ** 2, 4)


def test_a_change_of_mind_closes_the_old_trait_and_opens_a_new_one():
    traits = only(
        consolidate("u-1", [signal("s1", 1), signal("s2", 2), signal("s3", 9, polarity=-1)]),
        "dark mode",
    )
    old, new = sorted(traits, key=lambda t: t.valid_from)
    assert old.status is TraitStatus.SUPERSEDED
    assert old.valid_to == new.valid_from == "2026-01-09T10:00:00.000000Z"
    assert new.supersedes == old.id and new.valid_to is None
    assert new.polarity < 0 and new.statement == "dislikes dark mode"
    assert [e.event_id for e in new.counter_evidence] == [e.event_id for e in old.evidence]


def test_back_and_forth_is_a_visible_contradiction_not_an_overwrite():
    traits = only(
        consolidate(
            "u-1",
            [signal("s1", 1), signal("s2", 2, polarity=-1), signal("s3", 3), signal("s4", 4)],
        ),
        "dark mode",
    )
    assert len(traits) == 1
    (trait,) = traits
    assert trait.status is TraitStatus.CONTESTED
    assert (trait.sessions, trait.counter_sessions) == (3, 1)
    assert len(trait.counter_evidence) == 1
    assert (
        trait.confidence
        < only(
            consolidate("u-1", [signal("s1", 1), signal("s3", 3), signal("s4", 4)]), "dark mode"
        )[0].confidence
    )


def test_switching_to_an_alternative_supersedes_the_old_preference():
    traits = consolidate(
        "u-1",
        [
            signal("s1", 1, key="vs code", quote="I prefer VS Code for editing"),
            signal("s2", 2, key="vs code", quote="VS Code again"),
            signal("s5", 9, key="neovim", quote="I've switched to Neovim now and I prefer it"),
        ],
    )
    old = only(traits, "vs code")[0]
    new = only(traits, "neovim")[0]
    assert old.status is TraitStatus.SUPERSEDED and old.valid_to == new.valid_from
    assert new.supersedes == old.id
    assert old.counter_evidence[-1].quote.startswith("I've switched to Neovim")


def test_a_change_supersedes_the_preference_it_names_before_a_more_recent_related_one():
    traits = consolidate(
        "u-1",
        [
            signal("s1", 1, key="dark theme", quote="I prefer a dark theme"),
            signal("s2", 2, key="blue theme", quote="I like the blue theme"),
            signal("s3", 3, key="solarized", quote="I like solarized a lot"),
            signal("s5", 9, key="light theme", quote="I've changed my mind: light theme, not dark"),
        ],
    )
    new = only(traits, "light theme")[0]
    named = only(traits, "dark theme")[0]
    assert new.supersedes == named.id and named.status is TraitStatus.SUPERSEDED
    # the more recent theme shares only the head noun: it stays as it was
    assert only(traits, "blue theme")[0].status is TraitStatus.ACTIVE


def test_an_unrelated_new_preference_supersedes_nothing():
    traits = consolidate(
        "u-1",
        [
            signal("s1", 1, key="dark mode", quote="I prefer dark mode"),
            signal("s5", 9, key="neovim", quote="I've switched to Neovim now"),
        ],
    )
    assert all(t.status is TraitStatus.ACTIVE for t in traits)


def test_valued_style_traits_take_the_majority_and_keep_the_rest_as_counter_evidence():
    style = [
        signal(f"s{i}", i, key="verbosity", kind=SignalKind.STYLE, value=v, polarity=0)
        for i, v in enumerate(["terse", "terse", "elaborate", "terse"], start=1)
    ]
    (trait,) = consolidate("u-1", style)
    assert trait.value == "terse"
    assert (trait.sessions, trait.counter_sessions) == (3, 1)
    assert trait.statement == "verbosity: terse (3 of 4 sessions: terse 3, elaborate 1)"


def test_task_sequences_need_to_recur():
    seq = "sequence:run>error>retry"
    one = consolidate("u-1", [signal("s1", 1, key=seq, kind=SignalKind.TASK, polarity=0)])
    two = consolidate(
        "u-1",
        [signal(f"s{i}", i, key=seq, kind=SignalKind.TASK, polarity=0) for i in (1, 2)],
    )
    assert one == [] and len(two) == 1


def test_trait_ids_are_stable_across_runs_and_input_order():
    signals = [signal("s1", 1), signal("s2", 2, key="tea"), signal("s3", 3)]
    assert consolidate("u-1", signals) == consolidate("u-1", list(reversed(signals)))


def test_texture_profiles_are_not_claims():
    texture = signal("s1", 1, key="profile", kind=SignalKind.TEXTURE, polarity=0)
    assert consolidate("u-1", [texture]) == []


def test_failure_reactions_count_episodes_not_sessions():
    episodes = [
        signal(
            "s1", 1, key="timeout", kind=SignalKind.FAILURE, value="retry", polarity=0, event="e1"
        ),
        signal(
            "s1", 1, key="timeout", kind=SignalKind.FAILURE, value="retry", polarity=0, event="e2"
        ),
        signal(
            "s1", 1, key="timeout", kind=SignalKind.FAILURE, value="abandon", polarity=0, event="e3"
        ),
        signal(
            "s2", 2, key="timeout", kind=SignalKind.FAILURE, value="abandon", polarity=0, event="e4"
        ),
        signal(
            "s3", 3, key="timeout", kind=SignalKind.FAILURE, value="retry", polarity=0, event="e5"
        ),
    ]
    (trait,) = consolidate("u-1", episodes)
    assert trait.value == "retry"
    assert trait.statement == "after a timeout: retry (3 of 5 episodes: retry 3, abandon 2)"
    assert (trait.sessions, trait.counter_sessions) == (2, 1)
    assert [e.event_id for e in trait.evidence] == ["e1", "e2", "e5"]


def test_signals_on_textless_events_cite_the_events_with_empty_spans():
    bare = Signal(
        actor="u-1",
        kind=SignalKind.DECISION,
        key="cancel",
        value="rejected",
        polarity=-1,
        session_id="s1",
        ts="2026-01-01T00:00:00.000000Z",
        producer="test.v1",
        context={"event_ids": ["e9"]},
    )
    (trait,) = consolidate("u-1", [bare])
    assert [(e.event_id, e.start, e.end, e.quote) for e in trait.evidence] == [("e9", 0, 0, "")]


def test_a_switch_reads_as_one():
    decision = SignalKind.DECISION
    traits = consolidate(
        "u-1",
        [
            signal("s1", 1, key="->light mode", kind=decision, value="switched"),
            signal("s2", 2, key="mysql->postgres", kind=decision, value="switched"),
            signal("s3", 3, key="annual plan", kind=decision, value="chose"),
        ],
    )
    statements = {t.key: t.statement for t in traits}
    assert statements == {
        "->light mode": "switched to light mode",
        "mysql->postgres": "switched from mysql to postgres",
        "annual plan": "chose: annual plan",
    }


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("user_reported", "after a breakage they reported: switch"),
        ("assistant_error", "after an assistant error: switch"),
        ("timeout", "after a timeout: switch"),
        ("export_failed", "after an export failed: switch"),
    ],
)
def test_a_failure_trait_reads_as_english(key: str, expected: str) -> None:
    assert statement(SignalKind.FAILURE, key, "switch", "switch") == expected


def test_a_change_ends_the_other_key_too_when_its_own_key_flipped():
    """ "I prefer plain text exports over PDF" gives PDF a dislike; "I've changed my mind about
    exports: PDF is better now" flips PDF (same key) and ends the plain-text taste it names by
    its head noun ("exports"), though the new trait already replaced its own key's old side."""
    traits = consolidate(
        "u-1",
        [
            signal("s1", 1, key="plain text exports", quote="I prefer plain text exports"),
            signal("s1", 1, key="pdf", polarity=-1.0, quote="over PDF"),
            Signal(
                actor="u-1",
                kind=SignalKind.PREFERENCE,
                key="pdf",
                value="rates highly: pdf",
                polarity=1.0,
                session_id="s2",
                ts="2026-01-09T10:00:00.000000Z",
                producer="test.v1",
                evidence=(
                    Evidence(
                        event_id="m", start=0, end=34, quote="I've changed my mind about exports"
                    ),
                    Evidence(
                        event_id="m", start=36, end=69, quote="PDF is actually better for us now"
                    ),
                ),
            ),
        ],
    )
    plain = only(traits, "plain text exports")
    assert [t.valid_to for t in plain] == ["2026-01-09T10:00:00.000000Z"]
    pdf_old, pdf_new = sorted(only(traits, "pdf"), key=lambda t: t.valid_from)
    assert pdf_old.valid_to is not None and pdf_new.supersedes == pdf_old.id


def test_a_switch_named_by_an_action_reads_without_stray_spaces() -> None:
    key = "plan_upgraded: team -> enterprise"
    assert statement(SignalKind.DECISION, key, "switched", "switched") == (
        "switched from plan_upgraded: team to enterprise"
    )


def test_an_empty_state_is_written_as_any_other():
    """A state with nothing folded is written from a template (half the keys of a full
    build); it must be the text the general writer gives, with or without a tail."""
    from persona6.graph.consolidate import KeyState, SessionSay
    from persona6.types import StoredSignal

    for kind in (SignalKind.PREFERENCE, SignalKind.TASK, SignalKind.STYLE):
        state = KeyState(kind, "tea")
        assert state.to_json() == state._json(None)
        assert KeyState.from_json(kind, "tea", state.to_json())[1] is None
    # A tail holds the store's rows, as a build reads them.
    rows = [
        StoredSignal(
            *(s.session_id, s.actor, s.kind, s.key, s.value, s.polarity, s.weight),
            *(s.measure, s.ts, s.producer, "[]", "{}"),
        )
        for s in (signal("s1", 1, "tea"), signal("s1", 2, "tea", polarity=-0.5))
    ]
    tail = SessionSay("s1", rows)
    state = KeyState(SignalKind.PREFERENCE, "tea")
    assert state.to_json(tail) == state._json(tail)
    again, back = KeyState.from_json(SignalKind.PREFERENCE, "tea", state.to_json(tail))
    assert back is not None and back.signals == rows and again.last is None


def test_a_change_ends_the_same_thing_stated_under_two_keys():
    """ "JSON output from your tool" and "JSON output" are one taste: a change to plain table
    output ends both (the head noun is "output", not "tool"), and nothing unrelated."""
    traits = consolidate(
        "u-1",
        [
            signal("s1", 1, key="json output from your tool", quote="I prefer JSON output"),
            signal("s2", 2, key="json output", quote="I prefer JSON output, it's easier"),
            signal("s3", 3, key="dark mode", quote="I like dark mode"),
            signal(
                "s5", 9, key="plain table output", quote="I changed my mind: plain table output"
            ),
        ],
    )
    new = only(traits, "plain table output")[0]
    recent, older = only(traits, "json output")[0], only(traits, "json output from your tool")[0]
    assert new.supersedes == recent.id
    for old in (recent, older):
        assert old.status is TraitStatus.SUPERSEDED and old.valid_to == new.valid_from
        assert old.counter_evidence[-1].quote == "I changed my mind: plain table output"
    assert only(traits, "dark mode")[0].status is TraitStatus.ACTIVE


def test_a_change_by_head_noun_reads_past_a_phrase_after_it():
    """A change to "weekly reports" ends "daily reports by email" (head "report")."""
    traits = consolidate(
        "u-1",
        [
            signal("s1", 1, key="daily reports by email", quote="I like daily reports"),
            signal("s5", 9, key="weekly reports", quote="I've changed my mind: weekly reports"),
        ],
    )
    assert only(traits, "daily reports by email")[0].status is TraitStatus.SUPERSEDED


def test_the_words_of_a_change_cue_name_nothing_that_changed():
    """ "I changed my mind: ..." says that something changed; its words name no old taste:
    "mind maps" stays, though its key shares "mind" with the statement."""
    traits = consolidate(
        "u-1",
        [
            signal("s1", 1, key="mind maps", quote="I love mind maps"),
            signal(
                "s5", 9, key="plain table output", quote="I changed my mind: plain table output"
            ),
        ],
    )
    assert only(traits, "mind maps")[0].status is TraitStatus.ACTIVE
    assert only(traits, "plain table output")[0].supersedes is None
