"""persona6.failure.v17: the reactions of common phrasings. A report beside an act stated as the
other way ("... I'll ring the restaurant instead", "sending the scans by email") is a switch; a
negated "again" is no retry and resignation ("oh well", "I'll eat the fee", "leaving it") gives
up; a role of the domain asked for (the pharmacist, my case worker, contact_landlord) is
escalation; "I'll sort it on my end" fixes it oneself; the reaction window ends at the good end
of the person's work. Sympathy for the person's own misfortune ("I'm sorry that happened") is
no error of the assistant's, and a person stuck at a place or on a task is no product failure.

From review 9 (defects 5 and 15), each rule told here in domains the review did not use, with
the neighbours that must stay as they were."""

from __future__ import annotations

import pytest
from helpers import bot, did, got, said
from helpers import failure_episodes as episodes
from helpers import failure_labels as labels

from persona6.extract.failure import FailureExtractor, Reaction, reaction_labels


def test_the_producer_is_v17() -> None:
    assert FailureExtractor.name == "persona6.failure.v38"


def after_failure(*reactions: str) -> list[tuple[str, str]]:
    """The episodes of a failed ticket purchase followed by the person's ``reactions``."""
    session = [did(1, "buy_tickets", "2 adults, 7pm"), got(2, "checkout_failed")]
    session += [said(3 + n, text) for n, text in enumerate(reactions)]
    return episodes(session)


# -- 1. Sympathy for the person's own misfortune is no error of the assistant's --------------


@pytest.mark.parametrize(
    ("told", "sympathy"),
    [
        ("Our basement flooded in the storm.", "I'm sorry that happened. Here's a checklist."),
        ("My grandmother passed away last week.", "I'm so sorry about your grandmother."),
        ("I sprained my ankle on the hike.", "Sorry you got hurt! Here are gentle stretches."),
        ("Someone broke into my van overnight.", "Sorry this happened to you. Let's list it."),
        ("I've had the flu all week.", "Sorry you've been unwell. Shall we push the plan?"),
    ],
)
def test_sympathy_for_a_misfortune_is_no_assistant_error(told: str, sympathy: str) -> None:
    session = [said(1, told), bot(2, sympathy), said(3, "Could you text me instead?")]
    assert episodes(session) == []  # was assistant_error, switch


@pytest.mark.parametrize(
    "apology",
    [
        "Sorry, I couldn't export the playlist.",
        "Sorry about your slides, the export failed.",
        "Sorry about your upload. Let me look at what went wrong.",
        "Sorry about that, my mistake: I translated the wrong paragraph.",
    ],
)
def test_an_apology_for_the_products_own_act_stays_an_error(apology: str) -> None:
    session = [said(1, "Please do it."), bot(2, apology), said(3, "ok trying again")]
    assert [key for key, _ in episodes(session)] == ["assistant_error"]


# -- 2. A person stuck at a place or on a task is no product failure -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I got stuck at the airport overnight.",
        "We're stuck on the last crossword clue.",
        "I was stuck at a red light for ages.",
        "We got stuck at the border for six hours.",
        "I'm stuck on the second movement of the sonata.",
        "Long day - got stuck on a tricky chord change for hours.",
    ],
)
def test_a_person_stuck_at_a_place_or_on_a_task_is_no_report(text: str) -> None:
    assert episodes([said(1, text)]) == []  # was user_reported


@pytest.mark.parametrize(
    "text",
    [
        "I'm stuck on the checkout page.",
        "We're stuck at the login screen again.",
        "It's stuck at 99%.",
        "I'm stuck on a blank screen.",
        "Stuck on loading again.",
    ],
)
def test_stuck_on_a_part_of_the_product_stays_a_report(text: str) -> None:
    assert [key for key, _ in episodes([said(1, text)])] == ["user_reported"]


# -- 3. A report beside an act stated as the other way is a switch ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The booking widget crashed. I'll ring the restaurant instead.",
        "Payment failed again, we'll pay at the box office instead.",
        "It errored out, so printing the tickets at the library instead.",
        "It keeps failing. Instead I'm going to queue at the kiosk.",
        "The checkout crashed. Sending the order by email.",
        "Not bothering with it, it crashed again, I'll book by phone.",
        "Forget it, I'll use the cinema's own site instead.",
    ],
)
def test_an_act_stated_as_the_other_way_is_a_switch(text: str) -> None:
    assert after_failure(text) == [("checkout_failed", "switch")]  # complain or abandon before


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Should I email it instead?", set()),  # a question
        ("I'll try again tomorrow instead.", {Reaction.ABANDON}),  # put off
        ("I'll email it instead of uploading it.", set()),  # what it replaces
        ("It crashed again.", {Reaction.COMPLAIN}),  # a report alone
        ("I won't use the kiosk instead, it's worse.", set()),
        ("Forget it.", {Reaction.ABANDON}),
    ],
)
def test_what_names_no_other_way_is_read_as_before(text: str, label: set[Reaction]) -> None:
    assert labels(text) == label


def test_a_report_then_an_instead_and_another_act_is_a_switch() -> None:
    session = [
        did(1, "upload_photo", "IMG_2210.jpg"),
        got(2, "gallery_upload_failed"),
        said(3, "The gallery just errored out. I'll send the photos over WhatsApp instead."),
        did(4, "share_whatsapp", "IMG_2210.jpg"),
    ]
    assert episodes(session) == [("gallery_upload_failed", "switch")]  # was complain


# -- 4. A negated "again" is no retry; resignation gives up -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "nope, not doing that again. leaving it",
        "I'm not going to try again.",
        "Oh well.",
        "fine, I'll eat the late fee",
        "guess ill take the penalty",
        "skipping it for tonight",
        "I'm not dealing with this anymore.",
        "whatever. I'll live with it",
    ],
)
def test_refusing_or_resigning_is_abandon(text: str) -> None:
    assert after_failure(text) == [("checkout_failed", "abandon")]  # retry or switch before


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Not sure why, trying again.", "retry"),
        ("I'll try once more.", "retry"),
        # v21: unreadable, no guessed switch (test_failure_v21); v22: no act, then silence
        ("Whatever you think is best.", "abandon"),
        ("I'm leaving it running overnight.", "abandon"),
        ("I'll take the train.", "abandon"),
    ],
)
def test_what_only_sounds_like_resignation_is_read_as_before(text: str, label: str | None) -> None:
    assert after_failure(text) == ([("checkout_failed", label)] if label else [])


def test_a_negated_again_is_no_retry() -> None:
    # v21: nothing read; v22: no act, then silence (test_failure_v22)
    assert after_failure("Good, it's not doing that again.") == [("checkout_failed", "abandon")]


# -- 5. A role of the domain asked for is escalation ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Can I speak to the pharmacist please?",
        "Put me through to my case worker.",
        "I need to talk to the dean about this.",
        "Please connect me with a claims handler.",
    ],
)
def test_asking_for_a_role_of_the_domain_escalates(text: str) -> None:
    assert Reaction.ESCALATE in labels(text)  # was none


@pytest.mark.parametrize("name", ["email_landlord", "call_pharmacist", "contact_case_worker"])
def test_an_action_reaching_a_role_escalates(name: str) -> None:
    assert reaction_labels(did(1, name, "about the refill")) == {Reaction.ESCALATE}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The professor said the deadline moved.", "email_receipt"),
        ("My landlord is away this week.", "call_api"),
        ("The agent's listing is out of date.", "ask_question"),
    ],
)
def test_a_role_told_of_and_other_actions_are_no_escalation(text: str, name: str) -> None:
    assert Reaction.ESCALATE not in labels(text)
    assert Reaction.ESCALATE not in reaction_labels(did(1, name, "x"))


# -- 6. Fixing it on one's own end -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'll sort it on my end, thanks.",
        "We fixed it on our side.",
        "I'll change it on my end and resend.",
    ],
)
def test_fixing_it_on_ones_own_end_is_self_fix(text: str) -> None:
    assert labels(text) == {Reaction.SELF_FIX}


@pytest.mark.parametrize(
    "text", ["Can you fix it on your end?", "Is the problem on my end?", "I'll check it on my end."]
)
def test_asking_or_checking_on_an_end_is_no_fix(text: str) -> None:
    assert Reaction.SELF_FIX not in labels(text)


# -- 7. The window ends at the good end of the person's work ----------------------------------


def test_what_follows_a_success_is_no_reaction() -> None:
    session = [
        did(1, "upload_scan", "lease.pdf"),
        got(2, "upload_scan_failed"),
        said(3, "It crashed again?? Okay, trying one more time."),
        did(4, "upload_scan", "lease.pdf"),
        got(5, "scan_uploaded"),
        said(6, "This weather is the worst, we can't even get out."),
    ]
    assert episodes(session) == [("upload_scan_failed", "retry")]  # was complain


def test_a_complaint_before_the_success_still_counts() -> None:
    session = [
        did(1, "upload_scan", "lease.pdf"),
        got(2, "upload_scan_failed"),
        said(3, "ugh, useless."),
        did(4, "upload_scan", "lease.pdf"),
        got(5, "scan_uploaded"),
    ]
    assert episodes(session) == [("upload_scan_failed", "complain")]


# -- 8. The worst as what may come is no judgement ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["I keep expecting the worst.", "Worst case we drive there.", "At worst we walk home."],
)
def test_the_worst_as_what_may_come_is_no_complaint(text: str) -> None:
    assert Reaction.COMPLAIN not in labels(text)


@pytest.mark.parametrize("text", ["This is the worst app.", "worst service ever"])
def test_the_worst_as_a_judgement_still_complains(text: str) -> None:
    assert labels(text) == {Reaction.COMPLAIN}
