"""persona6.failure.v8: a thing in an unavailable state is a failure (an outcome named
monitoring_offline, a person's "Monitoring is offline again"), so is an outcome whose attrs carry
an error whatever its name; a report that it broke beside what the person does about it (tries
again, fixes it, gives up) is the context of that act, not a complaint.

The sessions are the review's (a solar installer's support chat), in small."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import did, said, stored_event

from persona6.extract.common import name_words
from persona6.extract.failure import (
    FailureExtractor,
    Reaction,
    error_in_attrs,
    find_failures,
    is_failure_name,
    reaction_labels,
)
from persona6.types import Signal, StoredEvent


def got(n: int, name: str | None, attrs: dict[str, Any] | None = None) -> StoredEvent:
    event = stored_event(n, "outcome", None, "u1", name=name)
    return event.model_copy(update={"attrs": attrs or {}})


def episodes(session: list[StoredEvent]) -> list[Signal]:
    return list(FailureExtractor().extract(session))


def labels(text: str) -> set[Reaction]:
    return reaction_labels(said(1, text))


def test_the_producer_is_v8_or_later() -> None:
    family, _, version = FailureExtractor.name.rpartition(".v")
    assert family == "persona6.failure" and int(version) >= 8


# -- 1. Outcomes: an unavailable state, or an error in the attrs ----------------------------


@pytest.mark.parametrize(
    "name",
    [
        "monitoring_offline",
        "MonitoringOffline",
        "inverter_unreachable",
        "device_disconnected",
        "service_down",
        "api_not_responding",
        "connection_lost",
        "gateway_outage",
    ],
)
def test_an_outcome_naming_an_unavailable_state_is_a_failure(name: str) -> None:
    session = [did(1, "open_dashboard"), got(2, name), said(3, "hmm")]
    [failure] = find_failures(session)
    assert failure.name == "_".join(name_words(name))


@pytest.mark.parametrize(
    "name",
    [
        "offline_sync_completed",  # the state ended: a feature worked
        "back_online",
        "offline_mode_enabled",
        "scroll_down",  # a movement, not a state
        "thumbs_down",
        "page_down",
        "success",
        "lesson_completed",
        "markdown_rendered",
    ],
)
def test_an_outcome_whose_state_word_says_it_ended_or_is_no_state_is_no_failure(
    name: str,
) -> None:
    assert not is_failure_name(name)
    assert find_failures([did(1, "open_dashboard"), got(2, name)]) == []


@pytest.mark.parametrize(
    "attrs",
    [
        {"code": "E_MON_OFFLINE"},
        {"code": "ERR-42"},
        {"error_code": "card_declined"},
        {"errorCode": "X1"},
        {"error": "card declined"},
        {"status": 503},
        {"http_status": "404"},
        {"status": "failed"},
        {"state": "offline"},
        {"result": "timeout"},
        {"ok": False},
        {"success": False},
        {"is_error": True},
        {"errors": [{"message": "card declined"}]},
    ],
)
def test_an_outcome_whose_attrs_carry_an_error_is_a_failure_whatever_its_name(
    attrs: dict[str, Any],
) -> None:
    assert error_in_attrs(attrs)
    [failure] = find_failures([did(1, "sync"), got(2, "sync_status", attrs)])
    assert failure.name == "sync_status"


@pytest.mark.parametrize(
    "attrs",
    [
        {"code": "B1-SPEAK"},  # a course code
        {"code": "e-book"},
        {"code": "E2E"},
        {"status": 200},
        {"status": "completed"},
        {"state": "online"},
        {"ok": True},
        {"error": None},
        {"error": ""},
        {"error_code": 0},
        {"errors": []},
        {"reason": "declined"},  # the invitee's choice, not an error
        {"latency_ms": 30000},
        {"device": "desktop", "app": "web"},
    ],
)
def test_an_outcome_whose_attrs_carry_no_error_is_no_failure(attrs: dict[str, Any]) -> None:
    assert not error_in_attrs(attrs)
    assert find_failures([did(1, "sync"), got(2, "sync_status", attrs)]) == []


def test_an_unnamed_outcome_with_an_error_code_has_a_key() -> None:
    [failure] = find_failures([did(1, "sync"), got(2, None, {"code": "E_SYNC"})])
    assert failure.name == "outcome"


# -- 2. A person's report of a thing in an unavailable state --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Monitoring is offline again.",
        "Monitoring went offline again",
        "the inverter went offline last night",
        "It's unreachable again",
        "the portal shows offline",
        "the gateway keeps disconnecting",
        "the dongle lost its connection",
        "Offline again.",
        "my connection keeps dropping",
        "Everything is offline",
    ],
)
def test_a_thing_in_an_unavailable_state_is_a_user_reported_failure(text: str) -> None:
    [failure] = find_failures([said(1, text)])
    assert failure.name == "user_reported"


@pytest.mark.parametrize(
    "text",
    [
        "I'll be offline tomorrow",  # the person's own plans and whereabouts
        "I'm offline until Monday",
        "I was down in Texas",
        "we went offline for the weekend",
        "She went offline",
        "My husband is unavailable this week",  # a person, not a thing
        "The doctor was unavailable",
        "They are unavailable on Sundays",
        "Sales are down",  # a bare noun is down: a figure, not a breakage
        "I lost connection with my old friends",
        "The offline mode is great",
        "Is the app available offline?",
        "if the inverter goes offline, what happens?",  # a condition
        "What is unavailable?",
    ],
)
def test_a_person_or_a_plan_offline_is_no_failure(text: str) -> None:
    assert find_failures([said(1, text)]) == []


# -- 3. A report beside what the person does about it ---------------------------------------


def test_a_stated_retry_then_a_retry_action_is_retry_then_asking_for_a_person_escalates() -> None:
    session = [
        did(1, "submit_payment", "deposit 2500 USD"),
        got(2, "payment_failed", {"code": "E_CARD"}),
        said(3, "The payment didn't go through, I'll try it again."),
        did(4, "retry", "deposit 2500 USD"),
        got(5, "payment_failed", {"code": "E_CARD"}),
        said(6, "It failed again. Can I talk to a real person please?"),
        did(7, "contact_support", "request human"),
    ]
    first, second = episodes(session)
    assert (first.value, second.value) == ("retry", "escalate")
    assert first.context["reaction_event_id"] == "e3"


def test_an_offline_outcome_then_fixing_it_oneself_is_self_fix() -> None:
    session = [
        said(1, "Is the inverter warranty 10 or 25 years?"),
        got(2, "monitoring_offline", {"code": "E_MON_OFFLINE"}),
        said(
            3,
            "Monitoring went offline again. I power-cycled the inverter and reset the wifi "
            "dongle myself, it's reporting again.",
        ),
    ]
    [found] = episodes(session)
    assert (found.key, found.value) == ("monitoring_offline", "self_fix")


def test_an_offline_outcome_then_giving_up_is_abandon() -> None:
    session = [
        said(1, "How much would a battery add?"),
        got(2, "monitoring_offline", {"code": "E_MON_OFFLINE"}),
        said(
            3,
            "Monitoring is offline again. Forget it, I'm not going to bother with the "
            "monitoring app anymore.",
        ),
        did(4, "uninstall_app"),
    ]
    [found] = episodes(session)
    assert (found.key, found.value) == ("monitoring_offline", "abandon")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The payment didn't go through, I'll try it again.", set()),
        ("Upload failed, let me resubmit it", set()),
        ("It didn't work, I'll give it another go", set()),
        ("Offline again. Power-cycled the inverter myself, it's fine now.", {Reaction.SELF_FIX}),
        ("the export failed. I'll fix it myself", {Reaction.SELF_FIX}),
        ("it still doesn't work, forget it", {Reaction.ABANDON}),
        # neighbours that stay as they were: a bare report complains, a judgement complains
        ("The payment didn't go through.", {Reaction.COMPLAIN}),
        ("The export failed again.", {Reaction.COMPLAIN}),
        ("ugh useless, forget it", {Reaction.ABANDON}),  # v16: the judgement is its reason
        ("It didn't work, I'll try again tomorrow", {Reaction.ABANDON}),
        # v15: "failed again" tells the failure recurring (failures.yaml recurrences), a
        # report, so the context of asking for a person (the episode was escalate already).
        ("It failed again. Can I talk to a real person please?", {Reaction.ESCALATE}),
        ("I asked myself why", set()),  # reflexive, no fix
    ],
)
def test_a_report_is_a_complaint_only_when_the_message_does_nothing_else_about_it(
    text: str, label: set[Reaction]
) -> None:
    assert labels(text) == label


def test_a_bare_report_then_a_retry_action_stays_a_complaint() -> None:
    session = [
        did(1, "submit_payment", "deposit 2500 USD"),
        got(2, "payment_failed"),
        said(3, "The payment didn't go through."),
        did(4, "retry", "deposit 2500 USD"),
    ]
    [found] = episodes(session)
    assert found.value == "complain"
