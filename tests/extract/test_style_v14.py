"""persona6.style.v14 (review 7 M6, M7, W6): a claim of the answer named and disputed ("That
figure seems wrong to me", "I do not accept that number") challenges it, and a demand for its
derivation ("Show me how you arrived at it") asks for its source, both also with a message of
the person's own between; a message that only acknowledges with thanks ("ok thx") is routine,
no warmth by itself; a reply to a proposal to work together helps no one."""

from __future__ import annotations

import pytest

from tests.extract.test_style import bot, did, said, style

# -- a claim of the answer disputed -----------------------------------------------------------


@pytest.mark.parametrize(
    "pushback",
    [
        "Hmm, this estimate looks way off to me.",
        "Those totals seem too high; the warehouse was idle all weekend.",
        "I don't believe these figures. Last quarter was half that.",
        "I cannot accept that estimate without the inputs.",
        "That looks wrong to me.",
    ],
)
def test_a_disputed_claim_right_after_the_answer_is_a_challenge(pushback: str) -> None:
    session = [
        said(1, "What did the migration cost?"),
        bot(2, "Roughly 380 dollars."),
        said(3, pushback),
    ]
    assert "challenges_answers" in style(session)


@pytest.mark.parametrize(
    "pushback",
    ["This estimate looks way off to me.", "I do not accept those totals."],
)
def test_a_disputed_claim_of_the_answer_counts_with_a_message_of_their_own_between(
    pushback: str,
) -> None:
    session = [
        said(1, "Please estimate the storage bill for March."),
        bot(2, "About 1,240 euros."),
        said(3, "Line chart, please."),
        said(4, pushback),
    ]
    signal = style(session)["challenges_answers"]
    assert [e.event_id for e in signal.evidence] == ["e4"]


@pytest.mark.parametrize(
    "text",
    [
        "It seems wrong to me to charge people twice for one delivery.",  # a judgement
        "I can't believe that price, what a bargain!",  # surprise
        "The numbers look great this month.",
        "We do not accept that kind of invoice at the front desk.",  # a rule of theirs
    ],
)
def test_no_dispute_of_the_answer_is_no_challenge(text: str) -> None:
    session = [said(1, "How are sales?"), bot(2, "Up 12% on last month."), said(3, text)]
    assert "challenges_answers" not in style(session)


def test_a_disputed_figure_among_several_people_needs_the_answer_just_before() -> None:
    session = [
        said(1, "We spent 4,000 on ads last week.", "u-ana"),
        said(2, "That figure seems wrong to me, it was a holiday week.", "u-ben"),
    ]
    assert "challenges_answers" not in style(session, "u-ben")


# -- a demand for the derivation --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Walk me through the math, please.",
        "Show me how you computed that total.",
        "Fine, but show your working.",
    ],
)
def test_a_demand_for_the_derivation_asks_for_the_source(text: str) -> None:
    session = [
        said(1, "Forecast the churn for May."),
        bot(2, "About 3.1%."),
        did(3, "open_dashboard"),
        said(4, "Thanks, one more thing."),
        said(5, text),
    ]
    assert "asks_for_sources" in style(session)


def test_walk_me_through_to_a_colleague_asks_no_source() -> None:
    session = [
        said(1, "I rebuilt the revenue model over the weekend.", "u-ana"),
        said(2, "Nice. Walk me through the numbers after lunch?", "u-ben"),
    ]
    assert "asks_for_sources" not in style(session, "u-ben")


def test_walk_me_through_a_task_asks_no_source() -> None:
    session = [said(1, "Walk me through the setup of the staging server.")]
    assert "asks_for_sources" not in style(session)


# -- an acknowledgement with thanks is routine ------------------------------------------------


@pytest.mark.parametrize("closing", ["ok thx", "k thanks", "Got it, thank you.", "cool ty"])
def test_a_bare_acknowledgement_with_thanks_is_no_warmth(closing: str) -> None:
    session = [
        said(1, "Export the orders table to CSV."),
        bot(2, "Done: orders.csv."),
        said(3, closing),
    ]
    assert "warmth" not in style(session)


@pytest.mark.parametrize(
    "closing",
    ["Thanks.", "thanks!", "ok thx 🙂", "thanks so much", "Thanks, you saved my evening."],
)
def test_thanks_with_more_than_an_acknowledgement_is_still_warm(closing: str) -> None:
    session = [
        said(1, "Export the orders table to CSV."),
        bot(2, "Done: orders.csv."),
        said(3, closing),
    ]
    assert style(session)["warmth"].value == "warm"


def test_an_acknowledgement_beside_real_warmth_keeps_the_warmth() -> None:
    session = [
        said(1, "Hi! Could you export the orders? 😊"),
        bot(2, "Done: orders.csv."),
        said(3, "ok thx"),
    ]
    signal = style(session)["warmth"]
    assert signal.context["cues"].get("acknowledgement") == 1


# -- a reply to a proposal to work together ---------------------------------------------------


@pytest.mark.parametrize(
    "proposal",
    [
        "could we go over the churn dashboard together?",
        "Shall we split the migration into two steps?",
        "how about we pair on the flaky test?",
        "Let's review the release notes tomorrow?",
    ],
)
def test_a_reply_to_a_proposal_to_work_together_helps_no_one(proposal: str) -> None:
    session = [
        said(1, proposal, "u-ana"),
        said(2, "Sounds good. I'll draft the outline first, then we compare notes.", "u-ben"),
    ]
    assert "helps_others" not in style(session, "u-ben")


@pytest.mark.parametrize(
    "question",
    [
        "can we use webhooks on the free plan?",  # asks what is possible
        "How do I rotate the API key?",
    ],
)
def test_an_answer_to_a_question_for_help_still_helps(question: str) -> None:
    session = [
        said(1, question, "u-ana"),
        said(2, "Yes, under Settings, then Developer, then Keys.", "u-ben"),
    ]
    assert style(session, "u-ben")["helps_others"].value == "answers others"
