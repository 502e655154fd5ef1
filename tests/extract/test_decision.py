"""persona6.decision.v6: choices, acceptances, rejections and switches."""

from __future__ import annotations

import pytest
from helpers import bot, did, said
from hypothesis import given, settings
from hypothesis import strategies as st

from persona6.extract.decision import DecisionExtractor
from persona6.types import Signal, StoredEvent


def decisions(session: list[StoredEvent]) -> list[Signal]:
    return list(DecisionExtractor().extract(session))


def summary(session: list[StoredEvent]) -> list[tuple[str, str, float]]:
    return [(s.key, s.value, s.polarity) for s in decisions(session)]


def test_going_with_something_is_chose_and_cites_cue_to_object() -> None:
    (signal,) = decisions([said(1, "OK. I'll go with the blue plan because it's cheaper.")])
    assert (signal.key, signal.value, signal.polarity) == ("blue plan", "chose", 1.0)
    assert [e.quote for e in signal.evidence] == ["I'll go with the blue plan"]


def test_passing_on_something_is_rejected() -> None:
    assert summary([said(1, "I'll pass on the warranty.")]) == [("warranty", "rejected", -1.0)]


def test_no_thanks_not_x_rejects_x() -> None:
    session = [said(1, "No thanks, not the extended plan.")]
    assert summary(session) == [("extended plan", "rejected", -1.0)]


def test_switch_key_names_both_sides() -> None:
    session = [said(1, "We switched from MySQL to Postgres last year.")]
    assert summary(session) == [("mysql->postgres", "switched", 1.0)]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I've switched to spreadsheets now.", "->spreadsheets"),
        ("We have moved from Jira to Linear", "jira->linear"),
        ("I had replaced cron with systemd timers", "cron->systemd timers"),
    ],
)
def test_a_switch_in_the_perfect_tense_is_a_switch(text: str, key: str) -> None:
    assert summary([said(1, text)]) == [(key, "switched", 1.0)]


def test_accepting_without_an_object_has_its_own_key() -> None:
    assert summary([said(1, "I accept.")]) == [("proposal", "accepted", 1.0)]
    assert summary([said(1, "Approved")]) == [("approval", "accepted", 1.0)]


def test_questions_and_hypotheticals_are_not_decisions() -> None:
    session = [said(1, "Should I go with Rust?"), said(2, "If I go with Rust, is it faster.")]
    assert decisions(session) == []


def test_object_that_names_nothing_is_dropped() -> None:
    assert decisions([said(1, "I'll take it.")]) == []


def test_quoted_words_are_not_the_persons_decision() -> None:
    assert decisions([said(1, 'My boss said "I picked Oracle" at lunch.')]) == []


def test_action_name_says_the_decision_with_its_text_in_the_key() -> None:
    (signal,) = decisions([did(1, "Plan Upgraded", "Pro")])
    assert (signal.key, signal.value, [e.quote for e in signal.evidence]) == (
        "plan_upgraded: pro",
        "switched",
        ["Pro"],
    )


def test_cancel_action_without_text_is_rejected_with_empty_evidence() -> None:
    (signal,) = decisions([did(1, "cancel_subscription")])
    assert (signal.key, signal.polarity, signal.evidence) == ("cancel_subscription", -1.0, ())


def test_repeated_decision_in_a_session_is_one_signal_with_a_count() -> None:
    session = [said(1, "Let's use Postgres."), said(2, "Yes, let's use Postgres.")]
    (signal,) = decisions(session)
    assert (signal.measure, len(signal.evidence)) == (2.0, 2)


def test_assistant_text_is_never_a_decision() -> None:
    assert decisions([said(1, "hm"), bot(2, "I'll go with the red one. I accept.")]) == []


def test_each_person_gets_their_own_decision() -> None:
    session = [said(1, "I'll go with tea.", "u1"), said(2, "I'll pass on tea.", "u2")]
    assert {(s.actor, s.value) for s in decisions(session)} == {
        ("u1", "chose"),
        ("u2", "rejected"),
    }


def test_extraction_is_deterministic() -> None:
    session = [said(1, "I picked Vim over Emacs."), did(2, "select", "dark theme")]
    assert decisions(session) == decisions(list(session))


TEXTS = [
    "I'll go with the green one.",
    "No thanks, not that.",
    "We switched from A to B.",
    "I accept",
    "Let's use (Redis) today",
    "",
]


@st.composite
def sessions(draw: st.DrawFn) -> list[StoredEvent]:
    found = []
    for n in range(draw(st.integers(1, 8))):
        text = draw(st.one_of(st.sampled_from(TEXTS), st.text(max_size=50)))
        actor = draw(st.sampled_from(["u1", "u2"]))
        kind = draw(st.sampled_from(["user", "assistant", "action"]))
        if kind == "user":
            found.append(said(n, text, actor))
        elif kind == "assistant":
            found.append(bot(n, text))
        else:
            name = draw(st.sampled_from(["accept", "Plan Upgraded", "click", "decline"]))
            found.append(did(n, name, text or None, actor))
    return found


@settings(max_examples=80, deadline=None)
@given(sessions())
def test_every_decision_cites_the_actors_own_exact_spans(session: list[StoredEvent]) -> None:
    by_id = {e.event_id: e for e in session}
    for signal in decisions(session):
        assert signal.key
        for evidence in signal.evidence:
            cited = by_id[evidence.event_id]
            assert evidence.quote == (cited.text or "")[evidence.start : evidence.end]
            assert cited.actor == signal.actor and cited.role in (None, "user")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I've chosen option B.", "option b"),
        ("We're sticking with Jira for now.", "jira"),
        ("I ended up buying the Pro plan.", "pro plan"),
        ("We finally went with Postgres in the end.", "postgres"),
    ],
)
def test_choices_in_other_tenses_and_words(text: str, key: str) -> None:
    assert summary([said(1, text)]) == [(key, "chose", 1.0)]


def test_staying_with_people_is_no_choice() -> None:
    assert summary([said(1, "We are staying with friends this week.")]) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I stopped using Slack.", "slack"),
        ("I no longer use Trello.", "trello"),
        ("We cancelled our subscription.", "subscription"),
        ("We ditched Jira last month.", "jira"),
    ],
)
def test_giving_something_up_is_rejected(text: str, key: str) -> None:
    assert summary([said(1, text)]) == [(key, "rejected", -1.0)]


def test_moving_home_is_no_switch_but_moving_to_a_tool_is() -> None:
    assert summary([said(1, "We moved to Denver in March.")]) == []
    assert summary([said(1, "We moved to a bigger city.")]) == []
    assert summary([said(1, "We moved to Linear last month.")]) == [("->linear", "switched", 1.0)]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I've decided to cancel.", "cancel"),
        ("I'll unsubscribe.", "cancel"),
        ("I'm going to cancel my subscription", "subscription"),
    ],
)
def test_deciding_to_cancel_is_rejected(text: str, key: str) -> None:
    assert summary([said(1, text)]) == [(key, "rejected", -1.0)]


@pytest.mark.parametrize(
    "text",
    [
        "If it fails again I'll cancel.",
        "If it breaks again, we're switching to Linear.",
        "Should I cancel?",
    ],
)
def test_a_decision_still_to_come_or_asked_is_none(text: str) -> None:
    assert summary([said(1, text)]) == []


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to export my notes before I cancel",
        "Before we switch to Linear, let's export the board.",
        "I'll keep paying until I cancel my plan.",
        "As long as we use Notion, the wiki stays.",
    ],
)
def test_a_cue_in_a_clause_of_time_or_condition_still_to_come_is_no_decision(text: str) -> None:
    assert summary([said(1, text)]) == []


@pytest.mark.parametrize(
    ("text", "key", "kind"),
    [
        ("After we switched from Jira to Linear, things improved.", "jira->linear", "switched"),
        ("Once I cancelled my plan, they refunded me.", "plan", "rejected"),
    ],
)
def test_a_decision_taken_in_a_clause_of_time_stands(text: str, key: str, kind: str) -> None:
    assert [(k, v) for k, v, _ in summary([said(1, text)])] == [(key, kind)]


@pytest.mark.parametrize(
    "text",
    [
        "I moved to Harrogate last spring.",
        "I moved from Ohio to Harrogate.",
        "I'm moving to Harrogate next month.",
        "We moved to Harrogate with the kids.",
    ],
)
def test_moving_home_to_a_place_no_list_knows_is_no_switch(text: str) -> None:
    assert summary([said(1, text)]) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("We moved to Basecamp last month.", "->basecamp"),
        ("I moved from Trello to Basecamp.", "trello->basecamp"),
    ],
)
def test_moving_to_a_tool_is_still_a_switch(text: str, key: str) -> None:
    assert summary([said(1, text)]) == [(key, "switched", 1.0)]
