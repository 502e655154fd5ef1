"""persona6.failure.v13: an act on a thing the person says they did themself ("myself", "by
hand", "manually", "on my own") is a self-fix whatever the verb, and one said after "never mind"
or "don't bother" is still the fix, not giving up; a thing that stops the person's act ("it
won't let me attach the report"), keeps rejecting what they send, a control that does nothing,
and "I can't get in" report a breakage, while a person, a body or a rule as the subject does not.

From the eighth end-to-end probe (an insurance claim portal), told here in other domains."""

from __future__ import annotations

import pytest
from helpers import bot, did, got, said
from helpers import failure_episodes as episodes
from helpers import failure_labels as labels

from persona6.extract.failure import FailureExtractor, Reaction


def test_the_producer_is_v13() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


@pytest.mark.parametrize(
    "text",
    [
        "No worries, I'll crop the scans myself and send them again.",
        "We'll redraw the floor plan ourselves.",
        "I recalculated the totals on my own.",
        "We ended up repainting the fence ourselves.",
        "I'll reschedule the appointment myself tomorrow.",
        "I'll rotate the photos myself before uploading.",
    ],
)
def test_any_act_on_a_thing_done_by_oneself_is_a_self_fix(text: str) -> None:
    assert Reaction.SELF_FIX in labels(text)  # was no label (a verb off the v12 list)


@pytest.mark.parametrize(
    "text",
    [
        "I live by myself, so any slot works.",
        "I had a coffee by myself while it loaded.",
        "I was at the party by myself.",
        "I told the kids myself.",
        "I want the window seat myself.",
        "I went to the bank by myself.",
        "I bought the lamp for myself.",
        "I taught myself the piano.",
        "Can I resize the photos myself?",  # a question
        "If I retype the address myself, will it work?",  # a condition
        "I won't recalculate the totals myself.",  # a negation
        "I'd like to rename the files myself.",  # a wish
        "Please convert the units by hand.",  # no first person
    ],
)
def test_myself_without_an_act_on_a_thing_stays_no_self_fix(text: str) -> None:
    assert Reaction.SELF_FIX not in labels(text)


def test_i_did_it_myself_stays_a_self_fix() -> None:
    assert Reaction.SELF_FIX in labels("I did it myself last year.")


@pytest.mark.parametrize(
    "text",
    [
        "Don't bother, I'll retype the postcode myself and try again.",
        "Forget it, we'll re-sort the playlist ourselves.",
    ],
)
def test_a_fix_after_never_mind_is_a_self_fix_not_abandon(text: str) -> None:
    session = [
        did(1, "convert_units", "recipe in grams"),
        got(2, "conversion_failed"),
        said(3, text),
    ]
    assert episodes(session) == [("conversion_failed", "self_fix")]  # was abandon


def test_never_mind_alone_stays_abandon() -> None:
    session = [
        did(1, "convert_units", "recipe in grams"),
        got(2, "conversion_failed"),
        said(3, "never mind, forget it"),
    ]
    assert episodes(session) == [("conversion_failed", "abandon")]


def test_an_own_fix_with_the_request_again_is_a_self_fix_not_a_rephrase() -> None:
    session = [
        did(1, "upload_documents", "site photos"),
        got(2, "upload_failed"),
        said(3, "No worries, I'll compress the photos myself and upload them again."),
        did(4, "upload_documents", "site photos, compressed"),
    ]
    assert episodes(session) == [("upload_failed", "self_fix")]


@pytest.mark.parametrize(
    "text",
    [
        "The booking form won't let me pick a return date.",
        "It wouldn't let me enter my postcode.",
        "The airline's site won't let me choose a seat.",
        "The checkout page keeps declining my card.",
        "This thing keeps refusing my password.",
        "The timetable app keeps logging me out.",
        "The scanner keeps freezing halfway through.",
        "The send button does nothing when I tap it.",
        "Clicking save does nothing.",
        "I can't get in, it says my password is wrong.",
        "We couldn't get into the account after the reset.",
    ],
)
def test_a_thing_that_stops_the_act_is_a_reported_breakage(text: str) -> None:
    assert episodes([said(1, text), bot(2, "Let me look.")]) == [("user_reported", "abandon")]


@pytest.mark.parametrize(
    "text",
    [
        "My landlord won't let me paint the walls.",
        "The council won't let me park there overnight.",
        "My knee won't let me run this week.",
        "My boss keeps rejecting my drafts.",
        "My brother does nothing all day.",
        "The medicine does nothing for my headache.",
        "I can't wait for the trip.",
        "It won't rain tomorrow.",
        "I can't get in the car, my back hurts.",
        "I cannot submit anything non-compliant.",  # a rule (v12)
        "We can't book hotels over budget.",
    ],
)
def test_a_person_a_body_or_a_rule_is_no_breakage(text: str) -> None:
    assert episodes([said(1, text), bot(2, "Let me look.")]) == []
