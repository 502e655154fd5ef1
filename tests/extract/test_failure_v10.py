"""persona6.failure.v10: an assistant's apology that tells a known failure again, or comes after
the work succeeded, is no new failure, and silence after a resolved failure is no abandon; a
human team or role asked for escalates and a question for the cause is feedback; a report that
it broke followed by the product's failure of the same act is one episode; an episode records
the action that decided it and whether it undoes (a rollback).

The sessions are the fifth review's (an SRE assistant, a community help channel), in small."""

from __future__ import annotations

import pytest
from helpers import bot, did, said, stored_event

from persona6.extract.failure import FailureExtractor, Reaction, reaction_labels
from persona6.types import Signal, StoredEvent


def got(n: int, name: str, text: str | None = None, actor: str = "u1") -> StoredEvent:
    return stored_event(n, "outcome", text, actor, name=name)


def episodes(session: list[StoredEvent]) -> list[tuple[str, str]]:
    return [(s.key, s.value) for s in FailureExtractor().extract(session)]


def only(session: list[StoredEvent]) -> Signal:
    [signal] = FailureExtractor().extract(session)
    return signal


def labels(text: str) -> set[Reaction]:
    return reaction_labels(said(1, text))


def test_the_producer_is_v10() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


# -- 1. An apology that is no new failure; silence that is no abandon -----------------------

DENIED = "EACCES: permission denied, open '/mnt/photos/2026-09-sorensen/IMG_0412.CR3'"


def import_denied(*after: StoredEvent) -> list[StoredEvent]:
    """Lena's import fails, she asks for help, a helper answers, she says she is scared."""
    return [
        did(1, "import_library", "/mnt/photos/2026-09-sorensen"),
        got(2, "import_failed", DENIED),
        said(3, "it says permission denied?? can someone help me, I don't know what to do"),
        said(4, "Lena, run chown -R 1000:1000 on that folder", actor="u2"),
        said(5, "I'm really scared of losing client photos, these are irreplaceable"),
        *after,
    ]


def test_an_apology_that_tells_a_failure_already_reacted_to_again_is_no_new_one() -> None:
    session = import_denied(bot(6, "Sorry, the import failed: permission denied on IMG_0412.CR3."))
    assert episodes(session) == [("import_failed", "escalate")]  # was also assistant_error abandon


def test_an_apology_after_a_new_attempt_is_a_new_failure() -> None:
    session = import_denied(
        did(6, "import_library", "/mnt/photos/2026-09-sorensen"),
        bot(7, "Sorry, the import failed again: permission denied on IMG_0412.CR3."),
    )
    assert episodes(session) == [("import_failed", "escalate"), ("assistant_error", "abandon")]


def test_an_apology_for_something_else_is_a_new_failure() -> None:
    session = import_denied(
        said(6, "where is my Sorensen album?"),
        bot(7, "Sorry, I couldn't find the Sorensen album."),  # one word shared: another failure
    )
    assert episodes(session) == [("import_failed", "escalate"), ("assistant_error", "abandon")]


def rolled_back(*after: StoredEvent) -> list[StoredEvent]:
    """Dmitri's deploy fails, he rolls back at once, the rollback succeeds."""
    return [
        did(1, "deploy", "web 3.2.0 --env prod"),
        got(2, "deploy_failed", "CrashLoopBackOff"),
        did(3, "rollback", "web 3.1.9 --env prod"),
        got(4, "rollback_succeeded"),
        *after,
    ]


def test_an_apology_in_the_last_turn_after_the_work_succeeded_is_no_failure() -> None:
    session = rolled_back(
        said(5, "log from the pod fyi:\npanic: runtime error: nil pointer dereference"),
        bot(6, "I'm sorry, I should have caught that. The nil pointer is in Server.Start."),
    )
    assert episodes(session) == [("deploy_failed", "switch")]  # was also assistant_error abandon


def test_an_apology_for_a_question_asked_after_the_success_is_still_a_failure() -> None:
    session = rolled_back(
        said(5, "what's the p99 now?"),
        bot(6, "Sorry, I couldn't reach the metrics API."),
    )
    assert episodes(session) == [("deploy_failed", "switch"), ("assistant_error", "abandon")]


def test_an_apology_the_person_answers_is_still_an_episode() -> None:
    session = rolled_back(
        said(5, "log from the pod fyi: panic"),
        bot(6, "I'm sorry, I should have caught that."),
        said(7, "useless"),
    )
    assert episodes(session) == [("deploy_failed", "switch"), ("assistant_error", "complain")]


def test_silence_after_a_failure_that_then_resolved_is_no_abandon() -> None:
    session = [
        did(1, "sync", "notes"),
        got(2, "sync_failed", "network unreachable"),
        got(3, "sync_succeeded"),  # the product's own retry worked
    ]
    assert episodes(session) == []  # was abandon


def test_silence_after_an_unresolved_failure_is_still_abandon() -> None:
    session = [did(1, "sync", "notes"), got(2, "sync_failed", "network unreachable")]
    assert episodes(session) == [("sync_failed", "abandon")]


def test_silence_after_an_apology_with_no_success_before_it_is_still_abandon() -> None:
    session = [said(1, "summarise the attached pdf"), bot(2, "Sorry, I couldn't open the PDF.")]
    assert episodes(session) == [("assistant_error", "abandon")]


# -- 2. Escalation to any human team or role; a question for the cause is feedback -------------


@pytest.mark.parametrize(
    "text",
    [
        "Can someone from the DBA team look at this before I retry?",
        "Paging the DBA on call.",
        "get SRE on this",
        "loop in the on-call",
        "I need someone from networking to check the firewall.",
        "Can you get an engineer on this?",
        "Can you page someone?",
        "Escalating to the platform team.",  # as before
        "can someone help me, I don't know what to do",  # as before
    ],
)
def test_asking_for_a_human_team_or_role_escalates(text: str) -> None:
    assert labels(text) == {Reaction.ESCALATE}


@pytest.mark.parametrize(
    "text",
    [
        "What exactly caused that? Show me the row it failed on before anyone touches anything.",
        "Why did it deadlock? I want the lock graph, not a guess.",
        "why did the pod restart?",
        "Show me the row it failed on.",
        "give me the stack trace",
        "Can you explain what caused this before we retry?",  # as before
    ],
)
def test_a_question_for_the_cause_is_feedback(text: str) -> None:
    assert labels(text) == {Reaction.FEEDBACK}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("paging through the results takes ages", set()),
        ("I'll get the team together tomorrow", set()),
        ("the team lead says it's fine", set()),
        ("get the logs on this", set()),
        ("Why is that a problem?", set()),
        ("Why did you delete my file?", set()),  # about the assistant, not the failed thing
        ("the export failed again", {Reaction.COMPLAIN}),
        ("Why does this keep failing?", {Reaction.COMPLAIN}),
        ("it failed on the last row", {Reaction.COMPLAIN}),  # a report, not a question
        ("the row it failed on is 88123, it failed again", {Reaction.COMPLAIN}),
    ],
)
def test_neighbours_of_escalation_and_cause_questions_keep_their_labels(
    text: str, expected: set[Reaction]
) -> None:
    assert labels(text) == expected


def migration_failed(*after: StoredEvent) -> list[StoredEvent]:
    return [
        did(1, "run_migration", "0043_backfill_tax"),
        got(2, "migration_error", "ERROR: duplicate key value violates unique constraint"),
        *after,
    ]


def test_helens_cause_question_then_the_dba_team_is_feedback() -> None:
    signal = only(
        migration_failed(
            said(3, "What exactly caused that? Show me the row it failed on before anyone"),
            said(4, "Can someone from the DBA team look at this before I retry?"),
        )
    )
    assert (signal.value, signal.context["reaction_event_id"]) == ("feedback", "e3")


def test_opening_an_incident_escalates() -> None:
    signal = only(migration_failed(did(3, "open_incident", "INC-2207 billing migration")))
    assert signal.value == "escalate"


def test_the_failure_named_in_a_question_opens_no_failure_of_its_own() -> None:
    session = [said(1, "Show me the row it failed on."), bot(2, "Row 88123.")]
    assert episodes(session) == []


# -- 3. A report, then the product's failure of the same act: one episode ----------------------


def test_a_report_then_the_upgrade_failing_is_one_episode() -> None:
    session = [
        said(1, "upgraded to 1.8 and the web UI won't start"),
        did(2, "upgrade", "photonest 1.7.4 -> 1.8.0"),
        got(3, "upgrade_failed", 'migration 0031 failed: column "exif_lens" already exists'),
        said(4, "unbelievable, this keeps breaking every release. useless QA"),
    ]
    assert episodes(session) == [("upgrade_failed", "complain")]  # was also user_reported switch


def test_a_report_then_the_import_failing_is_one_episode() -> None:
    session = [
        said(1, "the import failed again on the Nguyen album"),
        did(2, "import_library", "/mnt/photos/2026-10-nguyen"),
        got(3, "import_failed", "ENOSPC: no space left on device"),
        said(4, "is there anyone who can help me? I'm not sure what this means"),
    ]
    assert episodes(session) == [("import_failed", "escalate")]


def test_a_report_while_the_act_runs_then_its_failure_is_one_episode() -> None:
    session = [
        did(1, "import_library", "/mnt/photos/2026-10-nguyen"),
        said(2, "it's stuck at 40%"),
        got(3, "import_failed", "ENOSPC: no space left on device"),
        said(4, "forget it"),
    ]
    assert episodes(session) == [("import_failed", "abandon")]


def test_a_report_then_another_act_failing_is_two_episodes() -> None:
    session = [
        said(1, "my login is broken"),
        did(2, "reset_password", "me@example.com"),
        got(3, "reset_failed", "mail server unreachable"),
        said(4, "ugh"),
    ]
    # v15: resetting the password oneself is a fix of one's own (failures.yaml repair_actions),
    # was switch; the two episodes are what this test is about.
    assert episodes(session) == [("user_reported", "self_fix"), ("reset_failed", "complain")]


def test_a_report_reacted_to_before_the_new_attempt_keeps_its_episode() -> None:
    session = [
        said(1, "the import failed again on the Nguyen album"),
        said(2, "this is useless"),
        did(3, "import_library", "/mnt/photos/2026-10-nguyen"),
        got(4, "import_failed", "ENOSPC: no space left on device"),
        said(5, "forget it"),
    ]
    assert episodes(session) == [("user_reported", "complain"), ("import_failed", "abandon")]


# -- 4. The act that decided the episode, and whether it undoes --------------------------------


def test_a_switch_to_a_rollback_records_the_act_and_that_it_undoes() -> None:
    signal = only(rolled_back())
    assert signal.value == "switch"
    assert (signal.context["reaction_act"], signal.context["undoes"]) == ("rollback", True)


@pytest.mark.parametrize(
    ("reaction", "act", "undoes"),
    [
        (did(3, "restart", "deployment/web"), "restart", False),
        (did(3, "git_revert", "HEAD"), "git_revert", True),
        (did(3, "downgrade", "photonest 1.8.0 -> 1.7.4"), "downgrade", True),
        (said(3, "rolling it back"), None, False),  # said, not done: no act recorded
    ],
)
def test_the_deciding_act_is_recorded(reaction: StoredEvent, act: str | None, undoes: bool) -> None:
    signal = only([did(1, "deploy", "web 3.2.0"), got(2, "deploy_failed"), reaction])
    assert (signal.context["reaction_act"], signal.context["undoes"]) == (act, undoes)
