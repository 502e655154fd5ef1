"""persona6.failure.v12: an act the person says they did themself is a self-fix, which outranks
the retry their next act implies ("I choose other seats myself, row 32", then select_seat);
"I cannot X" of a rule ("anything non-compliant", "without approval") reports no breakage; and
material a person pastes as a block (an error in a code fence, a log line, a quoted message)
is not their words: it reports no breakage and shows no reaction of theirs.

From the seventh review (a travel booking and a BI assistant), W2, W3 and W4, told here in
other domains."""

from __future__ import annotations

import pytest
from helpers import bot, did, got, said
from helpers import failure_episodes as episodes
from helpers import failure_labels as labels

from persona6.extract.failure import FailureExtractor, Reaction


def test_the_producer_is_v12() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


@pytest.mark.parametrize(
    "text",
    [
        "Fine, I picked a different slot myself, Thursday 3pm.",
        "I switched the payment method by myself, the Visa one works.",
        "We moved the standup ourselves, no worries.",
        "I'll enter the serial number myself and resubmit.",
        "Already updated the shipping address by myself.",
        "I've rewritten the formula myself, thanks.",
        "ok I choose the other room myself",
        "No problem, I fix it myself, I pick the row 28.",  # as before
    ],
)
def test_an_act_done_by_oneself_is_a_self_fix(text: str) -> None:
    assert Reaction.SELF_FIX in labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "I booked the cabin for myself and my sister.",  # whom it is for (was a self-fix)
        "Please add the kids and myself to the list.",
        "I told myself it would be quick.",  # no act
        "I live by myself, so any delivery slot works.",
        "I'd like to choose the slot myself, can you show the options?",  # a wish
        "Can I change the seats myself?",  # a question
        "I can't change the delivery date myself.",  # a negation
        "If I pick the colour myself, is it still covered?",  # a condition
        "My brother picked it himself.",  # not the speaker
    ],
)
def test_myself_without_an_own_act_stays_no_self_fix(text: str) -> None:
    assert Reaction.SELF_FIX not in labels(text)


def test_picking_another_slot_oneself_then_selecting_it_is_a_self_fix() -> None:
    session = [
        did(1, "select_slot", "Tue 9:00"),
        got(2, "slot_unavailable"),
        said(3, "ok, I pick another slot myself, Wed 10:00"),
        did(4, "select_slot", "Wed 10:00"),
    ]
    assert episodes(session) == [("slot_unavailable", "self_fix")]  # was retry


def test_an_own_fix_announced_before_the_rerun_is_a_self_fix() -> None:
    session = [
        did(1, "run_query", "SELECT region, sum(total) FROM orders GROUP BY 1"),
        got(2, "query_timeout"),
        said(3, "I'll add an index on customer_id myself and rerun."),
        did(4, "run_query", "SELECT region, sum(total) FROM orders GROUP BY 1"),
    ]
    assert episodes(session) == [("query_timeout", "self_fix")]  # was retry


def test_selecting_again_without_words_is_still_a_retry() -> None:
    session = [
        did(1, "select_slot", "Tue 9:00"),
        got(2, "slot_unavailable"),
        did(3, "select_slot", "Wed 10:00"),
    ]
    assert episodes(session) == [("slot_unavailable", "retry")]


@pytest.mark.parametrize(
    "text",
    [
        "Is this within the company's policy cap for hotels? I cannot submit anything "
        "non-compliant.",
        "We can't order equipment over budget.",
        "I can't approve invoices without a purchase order.",
        "I cannot book flights outside our travel policy.",
        "I can't sign it off without my manager's approval.",
        "We cannot share files that aren't approved for release.",
    ],
)
def test_a_rule_stated_as_i_cannot_is_no_breakage(text: str) -> None:
    assert episodes([said(1, text), bot(2, "Let me check that for you.")]) == []


@pytest.mark.parametrize(
    "text",
    [
        "I can't submit the expense, the button is greyed out.",
        "It won't let me submit the claim.",
        "I can't upload the invoice.",
        "I can't submit anything, the page is blank.",
        "I can't upload the invoice, it's over the limit.",  # the rule after the comma
    ],
)
def test_an_attempt_that_failed_is_still_a_breakage(text: str) -> None:
    found = episodes([said(1, text), bot(2, "Let me check that for you.")])
    assert [key for key, _ in found] == ["user_reported"]


@pytest.mark.parametrize(
    "text",
    [
        "saw this on the portal, what does it mean?\n```\nError 422: ADDRESS_UNVERIFIED - "
        "retry with a valid postcode\n```",
        "the kiosk printed this:\n> ERROR 503 service unavailable, it keeps failing",
        # the lines that frame an error line below it are output too (english v10)
        "this came up at checkout:\nERROR: card declined\nHINT: it's broken, try again later",
    ],
)
def test_a_pasted_error_is_no_reported_breakage(text: str) -> None:
    assert episodes([said(1, text), bot(2, "That message is from your bank.")]) == []


@pytest.mark.parametrize(
    "text",
    [
        "the upload keeps failing, here's what it shows:\n```\nError 500\n```",
        "The message says: sync failed.",  # words after a colon on the person's own line
        'the app says "Payment failed"',
    ],
)
def test_the_persons_own_report_beside_or_before_material_still_counts(text: str) -> None:
    assert episodes([said(1, text), bot(2, "Sorry about that.")])[0][0] == "user_reported"


def test_a_pasted_log_that_gives_up_is_no_abandon_of_the_persons() -> None:
    session = [
        did(1, "sync_calendar", "work"),
        got(2, "sync_failed"),
        said(3, "it printed this:\n```\nWARN: giving up after 3 attempts\n```"),
        did(4, "sync_calendar", "work"),
    ]
    assert episodes(session) == [("sync_failed", "retry")]  # was abandon
