"""persona6.failure.v15: what was due and did not happen is a failure (contractor_no_show), the
success of the person's report of a failure is none (outage_reported), a broken thing of the
world the person asks someone to repair is their task, not the product failing; bringing the
device back oneself is self_fix, an action's text that only adds a retry word retries, and
stopping, being done, leaving the product gives up; a recurrence is a report (the context of
what the person does about it), moving to another tool is switch, and what the person says they
would do in a case supposed is no reaction yet; more ways to say a thing of the product is
failing.

From the eighth end-to-end review (smart-home energy and home services, clinic refills) and the
ninth probe, told here also in other domains."""

from __future__ import annotations

import pytest
from helpers import bot, did, got, said
from helpers import failure_episodes as episodes
from helpers import failure_labels as labels

from persona6.extract.failure import FailureExtractor, Reaction, is_failure_name
from persona6.types import StoredEvent


def test_the_producer_is_v15() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def coded(n: int, name: str, code: str) -> StoredEvent:
    """An outcome with a ``code`` attr."""
    return got(n, name).model_copy(update={"attrs": {"code": code}})


# -- 1. What did not happen; a report's success; another party's cancellation ----------------


@pytest.mark.parametrize(
    "name",
    [
        "contractor_no_show",
        "ContractorNoShow",
        "appointment_missed",
        "missed_call",
        "parcel_not_delivered",
        "driver_never_arrived",
        "refund_not_received",
        "booking_cancelled_by_host",
        "provider_cancelled",
        "driver_cancellation",
        "outage_report_rejected",  # the report failing
        "outage_not_acknowledged",  # an act denied is no report
    ],
)
def test_what_was_due_and_did_not_happen_is_a_failure(name: str) -> None:
    assert is_failure_name(name)  # was no failure (but the last two)


@pytest.mark.parametrize(
    "name",
    [
        "outage_reported",
        "fault_logged",
        "issue_filed",
        "offline_device_reported",
        # neighbours that stay none
        "order_cancelled",
        "cancelled_by_user",
        "subscription_canceled",
        "show_started",
        "visit_booked",
        "delivered",
    ],
)
def test_a_report_succeeding_and_ones_own_cancellation_are_no_failure(name: str) -> None:
    assert not is_failure_name(name)


@pytest.mark.parametrize(
    "name", ["monitoring_offline", "payment_failed", "delivery_delayed", "report_failed"]
)
def test_failure_names_without_a_report_act_stay_failures(name: str) -> None:
    assert is_failure_name(name)


def test_a_no_show_then_asking_for_a_manager_escalates() -> None:
    session = [
        did(1, "book_contractor", "morning 08:00-12:00"),
        coded(2, "contractor_no_show", "NO_SHOW"),
        said(3, "Nobody came!! I took day off for this. I want to speak with manager."),
        did(4, "contact_support", "complaint: contractor no-show"),
    ]
    assert episodes(session) == [("contractor_no_show", "escalate")]  # was none


def test_an_outcome_coded_as_a_no_show_is_a_failure_whatever_its_name() -> None:
    session = [
        did(1, "book_visit", "Tue 9-12"),
        coded(2, "visit_closed", "NO_SHOW"),
        said(3, "forget it"),
    ]
    assert episodes(session) == [("visit_closed", "abandon")]


def test_the_success_of_reporting_an_outage_is_no_failure() -> None:
    session = [
        said(1, "outage? lights flickered all night"),
        did(2, "report_outage", "Elm St 44"),
        got(3, "outage_reported"),
        said(4, "k"),
    ]
    assert episodes(session) == []  # was outage_reported switch


# -- 2. A broken thing of the world the person asks to have repaired ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hi, gutter is broken, who can repair?",
        "The boiler is leaking again, I need a plumber who can come tomorrow.",
        "Our fence is broken, can you book a repair?",
        "The heater is not working, I need an electrician.",
        "my bike is broken, can you find a mechanic near me?",
    ],
)
def test_a_broken_thing_of_the_world_to_be_repaired_is_no_failure_report(text: str) -> None:
    assert episodes([said(1, text)]) == []  # was user_reported


@pytest.mark.parametrize(
    "text",
    [
        "The app is broken, can you send someone to fix it?",
        "The booking page doesn't load, I need a plumber today.",
        "It's broken, who can fix it?",
        "The gutter page is broken.",
        "The export is broken again.",
    ],
)
def test_a_broken_thing_of_the_product_stays_a_report(text: str) -> None:
    assert [key for key, _ in episodes([said(1, text)])] == ["user_reported"]


def test_a_repair_request_gives_no_reaction_from_an_unrelated_reply() -> None:
    session = [
        said(1, "Hi, gutter is broken, who can repair?"),
        bot(2, "Sure. Want me to get quotes?"),
        said(3, "morning slot, like always"),
    ]
    assert episodes(session) == []  # was user_reported switch, citing "morning slot"


# -- 3. Bringing the device back oneself; a retry word on a form ---------------------------


def test_pairing_the_device_again_after_it_went_offline_is_self_fix() -> None:
    session = [
        did(1, "set_schedule", "bedroom 18C 09:00-17:00"),
        coded(2, "device_offline", "ZB_TIMEOUT"),
        did(3, "pair_device", "HW-P2"),
        got(4, "device_online"),
        said(5, "re-paired, ok now"),
    ]
    assert episodes(session) == [("device_offline", "self_fix")]  # was switch


def test_power_cycling_it_at_the_breaker_oneself_is_self_fix() -> None:
    session = [
        did(1, "set_schedule", "precool 74F 13:00"),
        got(2, "inverter_offline", "Inverter SE7600 not reporting"),
        said(
            3,
            "The inverter dropped off again. I went out and power-cycled it at the breaker "
            "myself, it's reporting now.",
        ),
        did(4, "reset_device", "inverter SE7600 breaker cycle"),
        got(5, "device_online"),
    ]
    assert episodes(session) == [("inverter_offline", "self_fix")]  # was switch


@pytest.mark.parametrize(
    "text",
    [
        "re-paired, ok now",
        "repaired it",
        "rebooted the router, working again",
        "unplugged and replugged it",
        "I power-cycled the hub myself",
        "We went and rebooted the modem ourselves.",
    ],
)
def test_bringing_a_device_back_in_a_few_words_is_self_fix(text: str) -> None:
    assert Reaction.SELF_FIX in labels(text)


@pytest.mark.parametrize(
    "text", ["I need it repaired", "who can repair it?", "can you reboot it?", "rebooted?"]
)
def test_asking_for_a_repair_is_no_self_fix(text: str) -> None:
    assert Reaction.SELF_FIX not in labels(text)


def test_the_failed_repair_action_again_is_its_retry() -> None:
    session = [
        did(1, "pair_device", "HW-P2"),
        got(2, "pairing_failed", "Zigbee timeout"),
        did(3, "pair_device", "HW-P2"),
    ]
    assert episodes(session) == [("pairing_failed", "retry")]


def test_a_form_resubmitted_with_a_retry_word_is_retry() -> None:
    session = [
        did(1, "request_refill", "warfarin 5mg x90"),
        got(2, "refill_rejected", "Refill too soon per plan rules"),
        did(3, "request_refill", "warfarin 5mg x90 resubmit"),
        got(4, "refill_approved"),
    ]
    assert episodes(session) == [("refill_rejected", "retry")]  # was rephrase


def test_a_request_text_with_a_retry_word_stays_a_rephrase() -> None:
    session = [
        did(1, "submit", "summarise last week's support tickets"),
        got(2, "timeout"),
        did(3, "submit", "again: summarise last week's support tickets"),
    ]
    assert episodes(session) == [("timeout", "rephrase")]  # a text action's text is the request


def test_a_command_line_with_a_retry_word_stays_as_it_was() -> None:
    session = [
        did(1, "command", "deploy api --env staging"),
        got(2, "error", "E_GATEWAY"),
        did(3, "command", "deploy api --env staging again"),
    ]
    assert episodes(session) == [("error", "rephrase")]  # a command line's words are its own


def test_a_form_with_other_arguments_stays_as_it_was() -> None:
    session = [
        did(1, "request_refill", "warfarin 5mg x90"),
        got(2, "refill_rejected"),
        did(3, "request_refill", "warfarin 5mg x30"),
    ]
    assert episodes(session) == [("refill_rejected", "rephrase")]


# -- 4. Giving up, moving on, a recurrence as a report, a case supposed ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "login fail again, I stop.",
        "I quit.",
        "I'm done with this.",
        "ok I'm done",
        "I've had enough, cancelling my subscription.",
        "Closing my account.",
        "Enough is enough.",
    ],
)
def test_stopping_or_leaving_the_product_is_abandon(text: str) -> None:
    assert labels(text) == {Reaction.ABANDON}  # was complain or nothing


@pytest.mark.parametrize(
    "text",
    [
        "I'm done with the export, thanks.",
        "I stop at the bakery on my way home.",
        "Stop the import.",
        "I'm done with step one, what next?",
    ],
)
def test_being_done_with_a_task_or_a_stop_elsewhere_is_no_abandon(text: str) -> None:
    assert Reaction.ABANDON not in labels(text)


def test_stopping_after_a_login_failure_is_abandon() -> None:
    session = [
        did(1, "login_portal", "lin.w"),
        coded(2, "portal_login_failed", "MFA_EXPIRED"),
        said(3, "login fail again, I stop."),
    ]
    assert episodes(session) == [("portal_login_failed", "abandon")]  # was complain


@pytest.mark.parametrize(
    "text",
    [
        "Moving over to Ableton for this, yours keeps failing.",
        "I'm switching to the desktop app.",
        "I'll just use Excel instead.",
        "Going back to paper.",
    ],
)
def test_moving_to_another_tool_is_switch(text: str) -> None:
    assert labels(text) == {Reaction.SWITCH}  # the first was complain


@pytest.mark.parametrize(
    "text,label",
    [
        ("The export failed again.", {Reaction.COMPLAIN}),
        ("It keeps failing.", {Reaction.COMPLAIN}),
        ("Why does this keep failing?", {Reaction.COMPLAIN}),
        ("failed again, useless", {Reaction.COMPLAIN}),
        ("I'm going to try again", set()),
        ("failed again, I'll just retry", set()),
    ],
)
def test_a_recurrence_alone_or_judged_complains(text: str, label: set[Reaction]) -> None:
    assert labels(text) == label


@pytest.mark.parametrize(
    "text",
    [
        "If it fails again I'll give up.",
        "If it doesn't work this time, I'll contact support.",
        "If the upload fails again, I'll do it myself.",
        "Suppose it crashes again, I'd switch to another app and never come back, useless.",
    ],
)
def test_what_one_would_do_in_a_case_supposed_is_no_reaction_yet(text: str) -> None:
    assert labels(text) == set()  # the first three were complain, escalate, self_fix


@pytest.mark.parametrize(
    "text,label",
    [
        ("If you can't fix it, I want to speak to a manager.", Reaction.ESCALATE),
        ("If it fails, it fails. Forget it.", Reaction.ABANDON),
        ("This is useless. If it happens again I'm leaving.", Reaction.COMPLAIN),
    ],
)
def test_what_is_said_outside_the_case_supposed_still_reacts(text: str, label: Reaction) -> None:
    assert label in labels(text)


def test_a_supposed_give_up_after_a_failure_leaves_the_next_act_to_decide() -> None:
    session = [
        did(1, "upload", "draft.pdf"),
        got(2, "upload_failed"),
        said(3, "If it fails again I'll give up."),
        did(4, "upload", "draft.pdf"),
    ]
    assert episodes(session) == [("upload_failed", "retry")]  # was complain


# -- 5. More ways a thing of the product says it fails -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The export button doesn't do anything when I click it.",
        "The planting calendar shows the wrong frost dates for my zone.",
        "the app gives me incorrect totals",
        "I keep getting 'session expired' every time I try to submit the tax form.",
        "still getting “access denied” on the shared folder",
        "The booking page just spins forever and never loads the florists.",
        "it never loads past the splash screen",
        "The audio preview cuts out after two seconds every time.",
        "the stream freezes halfway through every episode",
    ],
)
def test_more_ways_of_saying_a_thing_of_the_product_fails_report_it(text: str) -> None:
    assert [key for key, _ in episodes([said(1, text)])] == ["user_reported"]  # was none


@pytest.mark.parametrize(
    "text",
    [
        "My doctor gave me the wrong dose.",
        "She never opens the door.",
        "My husband never responds to texts.",
        "I keep getting 'great deals' emails.",
        "He cuts out early every day.",
        "I never open the app on weekends.",
        "I gave the wrong answer in the quiz.",
    ],
)
def test_people_and_ones_own_acts_are_no_report(text: str) -> None:
    assert episodes([said(1, text)]) == []
