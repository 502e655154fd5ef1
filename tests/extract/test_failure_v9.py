"""persona6.failure.v9: reactions said in words decide before a later act does (feedback in
words: a critique asking for what the work lacked, or a question for the cause); doing again
an act that led to the failure is a retry (the same act name with other arguments, the same
command head, an earlier act of the same attempt); a failure the person says they expected is
no failure episode of theirs.

The sessions are the review's (a coding assistant in an IDE), in small."""

from __future__ import annotations

import pytest
from helpers import bot, did, said, stored_event

from persona6.extract.failure import (
    FailureExtractor,
    Reaction,
    find_failures,
    reaction_labels,
    repetition,
)
from persona6.types import Signal, StoredEvent


def got(n: int, name: str, text: str | None = None, actor: str = "u1") -> StoredEvent:
    return stored_event(n, "outcome", text, actor, name=name)


def episodes(session: list[StoredEvent]) -> list[Signal]:
    return list(FailureExtractor().extract(session))


def only(session: list[StoredEvent]) -> Signal:
    [signal] = episodes(session)
    return signal


def labels(text: str) -> set[Reaction]:
    return reaction_labels(said(1, text))


def test_the_producer_is_v10() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


# -- 1. Feedback in words: a critique asking for what the work lacked ------------------------

PUSHBACK = (
    "That doesn't even compile. Where's the test that would have caught this? "
    "I won't merge untested code."
)


def built_then_failed(reaction: StoredEvent) -> list[StoredEvent]:
    """Apply a patch, run the tests, a build error, the reaction, the re-run."""
    return [
        did(1, "apply_patch", "api/client.ts"),
        did(2, "run_tests", "npm test"),
        got(3, "build_error", "TS2345: Argument of type 'string | undefined'"),
        reaction,
        bot(5, "Adding a type guard and a test..."),
        did(6, "run_tests", "npm test"),
        got(7, "success", "45 passed"),
    ]


def test_pushback_on_an_untested_answer_is_feedback_not_the_re_run_after_it() -> None:
    signal = only(built_then_failed(said(4, PUSHBACK)))
    assert signal.value == "feedback"
    assert signal.context["reaction_event_id"] == "e4"


@pytest.mark.parametrize(
    "text",
    [
        PUSHBACK,
        "Where's the test that would have caught this?",
        "I won't merge untested code.",
        "Did you even run it?",
        "You should have tested this before handing it over.",
        "Please add a test for the null case.",
        "That doesn't compile. Where are the tests?",  # a report beside the demand: its context
    ],
)
def test_a_critique_asking_for_what_the_work_lacked_is_feedback(text: str) -> None:
    assert labels(text) == {Reaction.FEEDBACK}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("That doesn't even compile.", {Reaction.COMPLAIN}),  # a report alone complains
        ("That doesn't compile.", {Reaction.COMPLAIN}),
        ("This is useless, where's the test?", {Reaction.COMPLAIN}),  # venting: a complaint
        ("Where's the test? Let me talk to a human.", {Reaction.ESCALATE}),
        ("Where is the settings page?", set()),  # no test, check or proof asked for
        ("I want to see the test cases before any patch.", set()),
        ("Write the failing tests first please.", set()),
        ("Can you double-check the totals?", set()),
    ],
)
def test_neighbours_of_feedback_in_words_keep_their_labels(
    text: str, expected: set[Reaction]
) -> None:
    assert labels(text) == expected


def test_a_report_alone_before_the_re_run_still_complains() -> None:
    assert only(built_then_failed(said(4, "That doesn't compile."))).value == "complain"


def test_asking_the_way_on_still_leaves_the_label_to_the_re_run() -> None:
    assert only(built_then_failed(said(4, "What should I do?"))).value == "retry"


def test_feedback_in_words_after_the_person_moved_on_is_about_what_came_next() -> None:
    session = [
        did(1, "run_tests", "npm test"),
        got(2, "build_error"),
        did(3, "run_tests", "npm test"),  # the retry comes first
        said(4, "Did you even run it? Where's the test that would have caught this?"),
    ]
    assert only(session).value == "retry"


def test_feedback_in_words_after_a_complaint_leaves_the_complaint() -> None:
    session = [
        did(1, "run_tests", "npm test"),
        got(2, "build_error"),
        said(3, "Ugh, not again."),
        said(4, "Where's the test that would have caught this?"),
    ]
    assert only(session).value == "complain"


def test_feedback_after_a_question_that_shows_nothing_still_comes_first() -> None:
    session = [
        did(1, "run_tests", "npm test"),
        got(2, "build_error"),
        said(3, "huh?"),
        said(4, "Where's the test that would have caught this?"),
        did(5, "run_tests", "npm test"),
    ]
    assert only(session).value == "feedback"


# -- 2. Asking for the cause is feedback, "before we retry" is no retry ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "The tests timed out. Why would that happen? Can you explain what is slow here before we "
        "retry?",
        "It timed out again. Can you explain why before we retry?",
        "Two tests failed. Could you explain what they check and why the patch broke them?",
        "Still one red. Walk me through why the rounding case fails.",
        "What caused it to fail?",
        "What's the root cause?",
    ],
)
def test_asking_for_the_cause_of_the_failure_is_feedback(text: str) -> None:
    session = [
        did(1, "run_tests", "pytest -q"),
        got(2, "timeout", "pytest exceeded 300s"),
        said(3, text),
        bot(4, "The fixture opens a real network connection..."),
        did(5, "run_tests", "pytest -q"),
        got(6, "success", "212 passed"),
    ]
    signal = only(session)
    assert signal.value == "feedback"
    assert signal.context["reaction_event_id"] == "e3"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what happened?", set()),  # asks the way on: the next act decides (v7)
        ("What should I do?", set()),
        ("Could you explain in simple terms what I should do?", set()),
        ("how do I fix this?", set()),
        ("why does this keep happening again", {Reaction.COMPLAIN}),  # recurring: complains
        ("Why does this keep failing?", {Reaction.COMPLAIN}),
        ("ok trying again", set()),  # a retry (read with the act), no label of its own
        ("Can you explain why the key is not unique?", set()),  # about the work, no failure
        ("Could you explain why it behaves this way before changing anything?", set()),
    ],
)
def test_neighbours_of_the_cause_question_keep_their_labels(
    text: str, expected: set[Reaction]
) -> None:
    assert labels(text) == expected


def test_what_happened_then_the_re_run_is_still_a_retry() -> None:
    session = [
        did(1, "run_tests", "pytest -q"),
        got(2, "timeout"),
        said(3, "what happened?"),
        did(4, "run_tests", "pytest -q"),
    ]
    assert only(session).value == "retry"


# -- 3. Doing again what led to the failure is a retry ----------------------------------------


def kenji(reaction: StoredEvent) -> list[StoredEvent]:
    return [
        said(1, "fix"),
        bot(2, "Looks like a lifetime issue in src/parser.rs. Patch below."),
        did(3, "apply_patch", "src/parser.rs"),
        did(4, "run_tests", "cargo test"),
        got(5, "build_error", "error[E0502]: cannot borrow `self.buf` as mutable"),
        reaction,
        said(7, "fix"),
        did(8, "run_tests", "cargo test"),
        got(9, "success", "ok. 88 passed"),
    ]


def test_re_applying_the_patch_the_failed_run_tried_is_a_retry() -> None:
    signal = only(kenji(did(6, "apply_patch", "src/parser.rs")))
    assert signal.value == "retry"
    assert signal.context["reaction_event_id"] == "e6"


def test_the_same_act_on_another_file_is_a_retry_too() -> None:
    # A similar text is still a rephrase ("src/parser.rs", "src/parse.rs").
    assert only(kenji(did(6, "apply_patch", "tests/lexer_regressions.rs"))).value == "retry"
    assert only(kenji(did(6, "apply_patch", "src/parse.rs"))).value == "rephrase"


def test_an_act_that_was_not_part_of_the_attempt_is_a_switch() -> None:
    assert only(kenji(did(6, "open_file", "README.md"))).value == "switch"


def test_acts_before_the_last_outcome_are_another_attempt() -> None:
    session = [
        did(1, "apply_patch", "src/parser.rs"),
        got(2, "success", "patch applied"),
        did(3, "run_tests", "cargo test"),
        got(4, "build_error"),
        did(5, "apply_patch", "src/parser.rs"),
    ]
    assert only(session).value == "switch"


def test_a_stream_that_logs_only_errors_has_no_attempt_beyond_the_failed_act() -> None:
    # A shell history: the commands before the failed one succeeded without a word.
    session = [
        did(1, "command", "vi prog.c"),
        did(2, "command", "make"),
        got(3, "error", "1"),
        did(4, "command", "vi prog.c"),
    ]
    assert only(session).value == "switch"


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        # the same act name with other arguments: retry (was switch)
        (("run_tests", "npm test -- api/client.ts"), ("run_tests", "npm test"), Reaction.RETRY),
        (("export_report", "Q3"), ("export_report", "annual summary 2025"), Reaction.RETRY),
        # a command line: the same command head retries, another program switches
        (("command", "make"), ("command", "make -j8 -k"), Reaction.RETRY),
        (
            ("command", "npm test -- src/utils/date.spec.ts"),
            ("command", "npm test"),
            Reaction.RETRY,
        ),
        (("command", "make"), ("command", "vi prog.c"), Reaction.SWITCH),
        (("command", "cc prog.c"), ("command", "cc -o prog prog.c -lm"), Reaction.REPHRASE),
        (("command", "cc prog.c"), ("command", "vi prog.c"), Reaction.REPHRASE),  # similar text
        (("command", "ls foo"), ("command", "ls bar"), Reaction.SWITCH),
        (("command", "git push"), ("command", "git pull --rebase"), Reaction.SWITCH),
        # unchanged: identical, similar, another name, a text request
        (("apply_patch", "a.rs"), ("apply_patch", "a.rs"), Reaction.RETRY),
        (
            ("command", "scale workers --count 6"),
            ("command", "scale workers --count 6 --force"),
            Reaction.REPHRASE,
        ),
        (("upload", "hives.csv"), ("upload", "hives_fixed.csv"), Reaction.REPHRASE),
        (("run_tests", "npm test"), ("apply_patch", "npm test"), Reaction.SWITCH),
        (
            ("submit", "summarise last week's tickets"),
            ("submit", "chart signups by country"),
            Reaction.SWITCH,
        ),
        (("search", "cheap flights"), ("search", "cheap hotels in rome"), Reaction.SWITCH),
    ],
)
def test_which_act_is_done_again(
    before: tuple[str, str], after: tuple[str, str], expected: Reaction
) -> None:
    assert repetition(did(2, *after), did(1, *before)) is expected


def test_messages_are_compared_by_their_text_alone() -> None:
    assert repetition(said(2, "chart signups"), said(1, "summarise tickets")) is Reaction.SWITCH
    assert repetition(said(2, "chart signups"), said(1, "chart signups")) is Reaction.RETRY


# -- 4. A failure the person expected is no failure episode of theirs -------------------------


def red_first_session(mark: StoredEvent) -> list[StoredEvent]:
    return [
        said(1, "Write the failing tests first please."),
        bot(2, "Here are three test cases covering the edge cases..."),
        did(3, "run_tests", "npm test -- utils/date.ts"),
        got(4, "tests_failed", "3 failed, 41 passed"),
        mark,
        bot(6, "Patch: handle the null case and the timezone offset..."),
        did(7, "apply_patch", "utils/date.ts"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Good, they fail for the right reason. Now the patch, and keep it small.",
        "Good, they fail.",
        "Great, the tests fail as expected. Now the fix.",
        "Good, as expected.",
        "That's what I wanted.",
        "Good, it failed. Now make it pass.",
        "Perfect, all three are failing for the right reason.",
        "ok, they're red as expected.",
    ],
)
def test_a_failure_the_person_says_they_wanted_is_no_episode(text: str) -> None:
    session = red_first_session(said(5, text))
    assert find_failures(session) == []
    assert episodes(session) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Good, now fix it.", "switch"),  # "good" says nothing of the failing
        ("As expected, it broke again. Useless.", "complain"),  # a complaint: a real failure
        ("They fail. Why does it fail?", "feedback"),
        ("Why does it fail? I expected it to pass.", "feedback"),
        ("Not good, they fail.", "switch"),
        ("That's not what I wanted.", "complain"),
        ("As expected.", "switch"),  # may be resignation: the failure stays
        ("That's what I expected.", "switch"),
        ("Ok, it failed. Let me retry.", "retry"),  # acknowledged, not wanted
        ("Right, they fail. Trying again.", "retry"),
    ],
)
def test_a_failure_not_marked_as_wanted_stays_an_episode(text: str, expected: str) -> None:
    assert only(red_first_session(said(5, text))).value == expected


def test_an_apology_of_the_assistant_is_never_a_wanted_failure() -> None:
    session = [
        said(1, "run the tests"),
        bot(2, "Sorry, I couldn't run the tests."),
        said(3, "Good, they fail for the right reason."),
    ]
    assert [f.name for f in find_failures(session)] == ["assistant_error"]


def test_the_mark_counts_only_as_the_persons_very_next_act() -> None:
    session = red_first_session(said(5, "hmm"))
    session.append(said(8, "Good, they fail for the right reason."))
    assert [f.name for f in find_failures(session)] == ["tests_failed"]


def test_a_second_failure_after_the_wanted_one_is_an_episode() -> None:
    session = [
        *red_first_session(said(5, "Good, they fail for the right reason. Now the patch.")),
        did(8, "run_tests", "npm test"),
        got(9, "tests_failed", "1 failed: rounds 0.005 incorrectly"),
        said(10, "Still one red. Walk me through why the rounding case fails."),
        did(11, "run_tests", "npm test"),
    ]
    signal = only(session)
    assert (signal.context["failure_event_id"], signal.value) == ("e9", "feedback")
