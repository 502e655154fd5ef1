"""persona6.failure.v6: failure episodes and the reaction of the person they happened to."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from persona6.extract.failure import FailureExtractor, Reaction, find_failures
from persona6.types import Signal, StoredEvent, format_ts

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def event(
    n: int,
    kind: str,
    text: str | None,
    actor: str | None,
    *,
    role: str | None = None,
    name: str | None = None,
    at: float | None = None,
) -> StoredEvent:
    """Event ``e<n>``, ``n * 10`` seconds (or ``at`` seconds) into the session."""
    return StoredEvent.model_validate(
        {
            "event_id": f"e{n}",
            "ts": format_ts(T0 + timedelta(seconds=n * 10 if at is None else at)),
            "session_id": "s1",
            "user_id": actor,
            "tenant": "default",
            "type": kind,
            "role": role,
            "name": name,
            "text": text,
        }
    )


def said(n: int, text: str, actor: str = "u1", at: float | None = None) -> StoredEvent:
    return event(n, "message", text, actor, role="user", at=at)


def bot(n: int, text: str, at: float | None = None) -> StoredEvent:
    return event(n, "message", text, None, role="assistant", at=at)


def did(
    n: int, name: str, text: str | None = None, actor: str = "u1", at: float | None = None
) -> StoredEvent:
    return event(n, "action", text, actor, name=name, at=at)


def got(
    n: int, name: str, text: str | None = None, actor: str = "u1", at: float | None = None
) -> StoredEvent:
    return event(n, "outcome", text, actor, name=name, at=at)


def episodes(session: list[StoredEvent]) -> list[Signal]:
    return list(FailureExtractor().extract(session))


def only(session: list[StoredEvent]) -> Signal:
    found = episodes(session)
    assert len(found) == 1, found
    return found[0]


def test_nothing_after_the_failure_is_abandon_with_no_latency() -> None:
    signal = only([did(1, "command", "make build"), got(2, "error", "make: *** failed")])
    assert (signal.value, signal.measure) == ("abandon", None)


def test_same_action_text_after_the_failure_is_retry() -> None:
    session = [did(1, "command", "make build"), got(2, "error"), did(5, "command", "make  build")]
    signal = only(session)
    assert (signal.value, signal.measure) == ("retry", 30.0)


def test_similar_action_text_is_rephrase() -> None:
    session = [
        did(1, "search", "red running shoes"),
        got(2, "timeout"),
        did(3, "search", "red running shoe"),
    ]
    assert only(session).value == "rephrase"


def test_different_action_is_switch() -> None:
    session = [did(1, "search", "red running shoes"), got(2, "timeout"), did(3, "browse", "home")]
    assert only(session).value == "switch"


def test_repeated_request_message_after_an_assistant_error_is_rephrase() -> None:
    session = [
        said(1, "export my contacts to csv"),
        bot(2, "Sorry, an error occurred while exporting."),
        said(3, "please export my contacts to csv"),
    ]
    signal = only(session)
    assert (signal.key, signal.value) == ("assistant_error", "rephrase")


def test_thumbs_down_action_is_feedback() -> None:
    session = [said(1, "summarise this"), bot(2, "I couldn't read the file."), did(3, "ThumbsDown")]
    assert only(session).value == "feedback"


def test_asking_for_a_human_is_escalate() -> None:
    session = [
        did(1, "pay", "card 1"),
        got(2, "PaymentDeclined"),
        said(3, "let me talk to a human"),
    ]
    assert only(session).value == "escalate"


def test_negative_message_is_complain() -> None:
    session = [did(1, "upload", "a.pdf"), got(2, "error"), said(3, "this is useless")]
    assert only(session).value == "complain"


def test_reported_workaround_is_self_fix() -> None:
    session = [did(1, "upload", "a.pdf"), got(2, "error"), said(3, "nevermind, I got it")]
    assert only(session).value == "self_fix"


def test_feedback_outranks_complain_later_in_the_window() -> None:
    session = [
        did(1, "upload", "a.pdf"),
        got(2, "error"),
        said(3, "so frustrating"),
        did(4, "feedback", "upload broke"),
    ]
    signal = only(session)
    assert (signal.value, signal.context["reaction_event_id"]) == ("feedback", "e4")


def test_complain_outranks_retry() -> None:
    session = [
        said(1, "export to csv"),
        bot(2, "Something went wrong."),
        said(3, "export to csv"),
        said(4, "why does this keep happening again"),
    ]
    assert only(session).value == "complain"


def test_reaction_window_stops_at_the_actors_next_failure() -> None:
    session = [
        did(1, "upload", "a.pdf"),
        got(2, "error"),
        did(3, "upload", "a.pdf"),
        got(4, "error"),
        said(5, "this is terrible"),
    ]
    first, second = episodes(session)
    assert (first.value, second.value) == ("retry", "complain")


def test_other_persons_events_are_not_a_reaction() -> None:
    session = [did(1, "upload", "a.pdf"), got(2, "error"), said(3, "this is useless", actor="u2")]
    assert only(session).value == "abandon"


def test_assistant_error_goes_to_the_latest_person_and_cites_their_reaction() -> None:
    session = [
        said(1, "book a table", actor="u1"),
        said(2, "for four people", actor="u2"),
        bot(3, "Sorry, I couldn't book it."),
        said(4, "this is so frustrating", actor="u2"),
    ]
    signal = only(session)
    assert signal.actor == "u2"
    assert [e.quote for e in signal.evidence] == ["this is so frustrating"]


def test_assistant_error_with_nobody_before_it_is_no_episode() -> None:
    assert episodes([bot(1, "Sorry, an error occurred."), said(2, "hello")]) == []


def test_sympathy_is_not_an_assistant_error() -> None:
    session = [said(1, "my cat is ill"), bot(2, "I'm sorry to hear that."), said(3, "thanks")]
    assert episodes(session) == []


def test_abandon_after_an_assistant_error_cites_the_persons_request_never_the_assistant() -> None:
    signal = only([said(1, "translate this page"), bot(2, "I apologize, I was unable to.")])
    assert (signal.value, [e.event_id for e in signal.evidence]) == ("abandon", ["e1"])


def test_abandon_after_an_assistant_error_with_nothing_citable_is_dropped() -> None:
    assert episodes([did(1, "click"), bot(2, "Sorry, something went wrong.")]) == []


def test_textless_outcome_of_the_actor_is_kept_with_empty_evidence() -> None:
    signal = only([did(1, "checkout"), got(2, "timeout")])
    assert (signal.key, signal.value, signal.evidence) == ("timeout", "abandon", ())


def test_outcome_text_is_the_products_and_is_never_cited() -> None:
    # The error message is the product's words, though the outcome carries the actor.
    signal = only([did(1, "checkout"), got(2, "timeout", "gateway timed out"), did(3, "home")])
    assert (signal.key, signal.evidence) == ("timeout", ())
    assert signal.context["failure_text"] == "gateway timed out"  # read as context


def test_the_failed_request_is_cited_rather_than_the_outcomes_text() -> None:
    signal = only(
        [did(1, "command", "make deploy"), got(2, "error", "E42: deploy failed"), did(3, "home")]
    )
    assert [e.quote for e in signal.evidence] == ["make deploy"]


def test_user_message_that_something_broke_is_user_reported() -> None:
    signal = only([said(1, "the export doesn't work"), said(2, "I fixed it by restarting")])
    assert (signal.key, signal.value) == ("user_reported", "self_fix")


def test_successful_outcome_is_no_failure() -> None:
    assert find_failures([did(1, "pay"), got(2, "PaymentSucceeded")]) == []


def test_outcome_name_is_the_key_in_snake_case() -> None:
    assert only([did(1, "pay"), got(2, "PaymentDeclined")]).key == "payment_declined"


def test_context_counts_recent_failures_and_position() -> None:
    session = [
        did(1, "save", "doc", at=0),
        got(2, "error", at=10),
        did(3, "save", "doc", at=20),
        got(4, "error", at=200),
        did(5, "save", "doc", at=900),
        got(6, "error", at=1000),
    ]
    contexts = [s.context for s in episodes(session)]
    assert [c["recent_failures"] for c in contexts] == [0, 1, 0]
    assert contexts[1]["position_in_session"] == 3 / 6
    assert contexts[0]["reaction_event_ids"] == ["e3"]


# -- times the input did not give (attrs.ts_invented) ----------------------------------------


def invented(e: StoredEvent) -> StoredEvent:
    """``e`` with its time marked as made up (an OpenAI message timed by its conversation)."""
    return e.model_copy(update={"attrs": {**e.attrs, "ts_invented": True}})


def _apology_then_complaint() -> list[StoredEvent]:
    return [
        said(1, "export my invoices as csv", at=0),
        bot(2, "Sorry, I couldn't export them.", at=1),
        said(3, "this is useless", at=2),
    ]


def test_a_reaction_timed_by_invented_times_has_its_label_but_no_latency() -> None:
    signal = only([invented(e) for e in _apology_then_complaint()])
    assert (signal.value, signal.measure) == ("complain", None)
    assert signal.evidence[0].quote == "this is useless"


def test_a_reaction_with_times_of_its_own_keeps_its_latency() -> None:
    assert only(_apology_then_complaint()).measure == 1.0


@pytest.mark.parametrize("which", [1, 2])  # the apology (the failure), the complaint
def test_one_invented_time_of_failure_or_reaction_leaves_the_latency_unknown(which: int) -> None:
    session = _apology_then_complaint()
    session[which] = invented(session[which])
    assert only(session).measure is None


def test_an_invented_time_of_the_request_before_the_failure_measures_nothing_away() -> None:
    session = _apology_then_complaint()
    session[0] = invented(session[0])
    assert only(session).measure == 1.0


def test_invented_times_do_not_cut_the_reaction_window() -> None:
    session = [
        did(1, "command", "make build", at=0),
        got(2, "error", at=1),
        did(3, "command", "ls", at=2),
        said(4, "this is useless", at=5000),
    ]
    assert only(session).value == "switch"  # the complaint came too late to count
    assert only([invented(e) for e in session]).value == "complain"


def test_recent_failures_count_only_failures_with_times_of_their_own() -> None:
    session = [
        did(1, "save", "doc", at=0),
        invented(got(2, "error", at=10)),
        did(3, "save", "doc", at=20),
        got(4, "error", at=30),
        did(5, "save", "doc", at=40),
        invented(got(6, "error", at=50)),
    ]
    contexts = [s.context for s in episodes(session)]
    assert [c["recent_failures"] for c in contexts] == [None, 0, None]


# -- each label from hand-written events: general cues, not any one product's sentences ------


def _after_error(*reaction: StoredEvent) -> Signal:
    """The episode of an export that failed at e2, reacted to from e3 on."""
    return only([did(1, "export", "export invoices --format csv"), got(2, "error"), *reaction])


@pytest.mark.parametrize(
    "text",
    [
        "Is there anyone I can talk to about this?",
        "can someone from your team look at this",
        "I need to speak with a real person",
        "how do I contact support?",
        "please put me through to an agent",
        "Could support take a look, please",
        "I'd like to open a ticket",
    ],
)
def test_asking_for_a_person_or_support_is_escalate(text: str) -> None:
    assert _after_error(said(3, text)).value == "escalate"


@pytest.mark.parametrize("name", ["contact_support", "RequestHuman", "LiveChat", "open_ticket"])
def test_a_support_action_is_escalate(name: str) -> None:
    assert _after_error(did(3, name)).value == "escalate"


@pytest.mark.parametrize(
    "text",
    [
        "This app is so unreliable",
        "not impressed at all",
        "seriously, this should just work",
        "ugh, failed again",
        "it used to work last month",
        "why is it always so slow",
        "it still doesn't work",
    ],
)
def test_a_negative_message_about_the_product_is_complain(text: str) -> None:
    assert _after_error(said(3, text)).value == "complain"


@pytest.mark.parametrize(
    "text",
    [
        "Found a workaround: I exported it from the old screen",
        "restarting fixed it",
        "got it working by clearing the cache",
        "all good now, that did the trick",
    ],
)
def test_a_reported_workaround_is_self_fix(text: str) -> None:
    assert _after_error(said(3, text)).value == "self_fix"


@pytest.mark.parametrize("name", ["ThumbsDown", "rating", "message_downvote", "report_problem"])
def test_a_thumbs_down_rating_or_report_action_is_feedback(name: str) -> None:
    assert _after_error(did(3, name, "1")).value == "feedback"


def test_an_action_that_merely_contains_report_is_not_feedback() -> None:
    assert _after_error(did(3, "run_report", "weekly totals")).value == "switch"


@pytest.mark.parametrize(
    "text",
    ["thanks, can you show me the weekly totals?", "How do I add a teammate?"],
)
def test_a_neutral_message_is_switch(text: str) -> None:
    # v21: a new request; a bare "ok" shows nothing (test_failure_v21)
    assert _after_error(said(3, text)).value == "switch"


def test_a_retry_action_is_retry() -> None:
    assert _after_error(did(3, "Retry")).value == "retry"


def test_after_a_retry_action_the_retried_act_is_what_a_rephrase_is_compared_with() -> None:
    session = [
        did(1, "command", "scale workers --count 6"),
        got(2, "error"),
        did(3, "retry", "scale workers --count 6"),
        got(4, "error"),
        did(5, "command", "scale workers --count 6 --force"),
    ]
    assert [s.value for s in episodes(session)] == ["retry", "rephrase"]


def test_escalate_outranks_complain_in_one_message() -> None:
    assert _after_error(said(3, "this is useless, let me talk to a human")).value == "escalate"


def test_feedback_outranks_escalate_in_the_window() -> None:
    signal = _after_error(said(3, "can I speak to someone?"), did(4, "thumbs_down"))
    assert (signal.value, signal.context["reaction_event_id"]) == ("feedback", "e4")


def test_an_apology_right_after_a_failed_outcome_is_the_same_failure() -> None:
    session = [
        did(1, "export", "export invoices"),
        got(2, "timeout", "gateway timeout"),
        bot(3, "Sorry, that failed: gateway timeout"),
        did(4, "export", "export invoices"),
    ]
    signal = only(session)
    assert (signal.key, signal.value) == ("timeout", "retry")


def test_an_apology_answering_a_complaint_is_no_new_failure() -> None:
    session = [
        did(1, "export", "export invoices"),
        got(2, "error"),
        said(3, "this is so frustrating"),
        bot(4, "I'm sorry about the trouble, I've passed this on to the team."),
        did(5, "browse", "home"),
    ]
    assert only(session).value == "complain"


def test_a_report_that_it_broke_again_is_a_complaint_not_a_new_failure() -> None:
    session = [
        did(1, "export", "export invoices"),
        got(2, "error"),
        said(3, "This is broken again."),
        did(4, "browse", "home"),
    ]
    signal = only(session)
    assert (signal.key, signal.value, signal.context["reaction_event_id"]) == (
        "error",
        "complain",
        "e3",
    )


def test_after_a_new_request_an_apology_is_a_new_failure() -> None:
    session = [
        did(1, "export", "export invoices"),
        got(2, "error"),
        said(3, "then summarise last week's tickets"),
        bot(4, "Sorry, I couldn't read the tickets."),
        said(5, "summarise last week's tickets please"),
    ]
    first, second = episodes(session)
    assert (first.key, first.value) == ("error", "switch")
    assert (second.key, second.value) == ("assistant_error", "rephrase")


def test_reaction_labels_are_the_documented_taxonomy() -> None:
    assert {r.value for r in Reaction} == {
        "abandon",
        "retry",
        "rephrase",
        "switch",
        "escalate",
        "complain",
        "self_fix",
        "feedback",
    }


def test_extraction_is_deterministic() -> None:
    session = [said(1, "it's broken"), did(2, "retry"), got(3, "error"), said(4, "awful")]
    assert episodes(session) == episodes(list(session))


TEXTS = [
    "it doesn't work",
    "this is useless",
    "I fixed it by restarting",
    "talk to a human please",
    "export to csv",
    "Sorry, I couldn't do that.",
    "An error occurred.",
    "ok",
    "",
]


@st.composite
def sessions(draw: st.DrawFn) -> list[StoredEvent]:
    size = draw(st.integers(1, 12))
    found = []
    for n in range(size):
        text = draw(st.one_of(st.sampled_from(TEXTS), st.text(max_size=40)))
        actor = draw(st.sampled_from(["u1", "u2"]))
        kind = draw(st.sampled_from(["user", "assistant", "action", "outcome"]))
        name = draw(st.sampled_from(["error", "timeout", "success", "retry", "thumbs_down"]))
        if kind == "user":
            found.append(said(n, text, actor=actor))
        elif kind == "assistant":
            found.append(bot(n, text))
        elif kind == "action":
            found.append(did(n, name, text or None, actor=actor))
        else:
            found.append(got(n, name, text or None, actor=actor))
    return found


@settings(max_examples=80, deadline=None)
@given(sessions())
def test_every_episode_cites_the_actors_own_exact_spans(session: list[StoredEvent]) -> None:
    by_id = {e.event_id: e for e in session}
    for signal in episodes(session):
        for evidence in signal.evidence:
            cited = by_id[evidence.event_id]
            assert evidence.quote == (cited.text or "")[evidence.start : evidence.end]
            assert cited.actor == signal.actor and cited.role in (None, "user")
            assert cited.type != "outcome"  # an outcome's text is the product's
        if not signal.evidence:
            failure = by_id[signal.context["failure_event_id"]]
            assert failure.type == "outcome" and failure.actor == signal.actor


@pytest.mark.parametrize(
    "text",
    [
        "The export failed again.",
        "It just hangs on the loading screen.",
        "Nothing happens when I click save.",
        "I keep getting a 500.",
        "The page is blank.",
        "It's stuck at 99%.",
        "My changes didn't save.",
        "The upload timed out.",
        "It froze.",
        "The app is down.",
        "It's not loading.",
        "Login fails every time",
        "It says access denied",
        "I lost all my notes after the update.",
        "It deleted everything.",
        "My data is gone!",
        "I can't log in.",
        "We couldn't save the draft",
        "It won't let me log in",
        "The numbers are wrong.",
        "The report came out empty.",
        "The file is corrupted.",
        "The link is dead.",
        "Payment declined again.",
        "The button is greyed out.",
        "The app is super laggy today.",
        "It's been spinning for ten minutes.",
        "It's been loading for ages",
        "I clicked save and nothing happened",
        "Same problem as yesterday.",
        "This is the third time it's failed.",
    ],
)
def test_a_breakage_in_other_words_is_user_reported(text: str) -> None:
    assert [f.name for f in find_failures([said(1, text)])] == ["user_reported"]


@pytest.mark.parametrize(
    "text",
    [
        "I failed my exam",
        "my grandpa broke his hip",
        "The meeting went down well",
        "I lost my keys.",
        "I lost my job",
        "I can't access the pool on weekends",
        "I can't open up to people",
        "I've been loading the dishwasher",
        "Feeling a bit sluggish lately",
        "Nothing happened, we just talked all night",
        "I can't find the export button.",
    ],
)
def test_a_persons_own_setback_or_other_words_are_no_product_failure(text: str) -> None:
    assert find_failures([said(1, text)]) == []


@pytest.mark.parametrize(
    "text",
    ["That request failed.", "The tool returned an error.", "I ran into an issue with the chart."],
)
def test_an_assistant_reporting_a_failed_step_is_an_assistant_error(text: str) -> None:
    session = [said(1, "make me a chart"), bot(2, text)]
    assert [f.name for f in find_failures(session)] == ["assistant_error"]


@pytest.mark.parametrize(
    "text",
    [
        "Will I lose my edits if the sync fails halfway?",
        "Could the import time out on big files?",
        "What happens when the upload fails?",
    ],
)
def test_a_breakage_only_supposed_is_no_report(text: str) -> None:
    assert find_failures([said(1, text)]) == []


def test_a_supposed_breakage_after_a_failure_is_no_complaint() -> None:
    session = [
        did(1, "export"),
        got(2, "export_failed"),
        said(3, "Will I lose my edits if the sync fails halfway?"),
    ]
    assert all(s.value != "complain" for s in episodes(session))


@pytest.mark.parametrize(
    "text",
    [
        "retry",
        "Nooo 😭 ok trying again",
        "killed it. rerunning with --batch-size 500",
        "Try again please",
    ],
)
def test_a_message_saying_it_tries_again_is_retry(text: str) -> None:
    session = [said(1, "export the report"), bot(2, "Sorry, the export failed."), said(3, text)]
    assert only(session).value == "retry"


def test_a_message_trying_something_else_is_switch() -> None:
    session = [
        said(1, "export the report"),
        bot(2, "Sorry, the export failed."),
        said(3, "let's try something else"),
    ]
    assert only(session).value == "switch"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("support_contacted", None),
        ("SupportContacted", None),
        ("form_submitted", "Can someone from your team look at the refunds export, it timed out"),
    ],
)
def test_a_support_contact_in_other_names_or_words_is_escalate(name: str, text: str | None) -> None:
    session = [did(1, "export"), got(2, "export_failed"), did(3, name, text)]
    assert only(session).value == "escalate"


@pytest.mark.parametrize(
    "text",
    [
        "My manager says it's buggy.",
        "A colleague told me the export keeps failing",
        "I heard the sync crashes a lot",
        "They said it doesn't work on Linux",
    ],
)
def test_what_someone_else_says_of_the_product_is_no_report(text: str) -> None:
    assert find_failures([said(1, text)]) == []


def test_the_speakers_own_report_after_reported_speech_is_kept() -> None:
    session = [said(1, "My boss said it was fine. But it's broken again.")]
    assert [f.name for f in find_failures(session)] == ["user_reported"]


@pytest.mark.parametrize(
    "text",
    ["escalating to the platform team", "I escalated it to our admin", "this escalates to IT"],
)
def test_escalating_in_any_form_is_escalate(text: str) -> None:
    assert _after_error(said(3, text)).value == "escalate"


@pytest.mark.parametrize("text", ["I have corrected it.", "I've fixed the address."])
def test_a_correction_in_the_perfect_is_self_fix(text: str) -> None:
    assert _after_error(said(3, text)).value == "self_fix"


def test_asking_about_the_error_then_running_it_again_is_retry() -> None:
    session = [
        did(1, "command", "kubectl apply -f api.yaml"),
        got(2, "error", "no matches for kind Deployment"),
        said(3, "what's the current apiVersion for Deployment?"),
        bot(4, "apps/v1"),
        did(5, "command", "sed -i s/v1beta1/v1/ api.yaml"),
        did(6, "command", "kubectl apply -f api.yaml"),
    ]
    signal = only(session)
    assert (signal.value, signal.measure) == ("retry", 40.0)
    assert signal.evidence[0].quote == "kubectl apply -f api.yaml"


def test_asking_about_the_error_then_changing_the_command_is_rephrase() -> None:
    session = [
        did(1, "command", "p6ctl export --since 2026-02-01"),
        got(2, "error", "unknown flag: --since"),
        said(3, "--since doesn't exist?"),
        did(4, "command", "p6ctl export --from 2026-02-01"),
    ]
    assert only(session).value == "rephrase"


def test_asking_then_doing_something_else_stays_switch() -> None:
    session = [
        did(1, "command", "make build"),
        got(2, "error"),
        said(3, "what does this mean?"),
        did(4, "open", "settings"),
    ]
    assert only(session).value == "switch"
