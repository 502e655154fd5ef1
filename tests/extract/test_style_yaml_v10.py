"""data/style.yaml v10 (review 8 S1, probe 9 st02/st06): a doubt followed in the same message by
a demand for the source of what was said challenges the product's answer, with a message of
their own between too ("I'm not sure that's right. ... Show me where you got 12."); the text a
claim rests on asked for as the claim's asks for sources ("Can you point me to the actual
statute for that?"); a plan made before an act plans first ("Before we pick a venue, let's
list what we actually need"). A document asked for itself, a doubt of a fit and an act before
another stay unchanged."""

from __future__ import annotations

import pytest

from tests.extract.test_style import bot, said, style


def _own_message_between(text: str) -> dict:
    return style(
        [
            said(1, "What is the off-peak rate on the time-of-use plan?"),
            bot(2, "The off-peak rate is 12 cents per kWh."),
            said(3, "Same idea as before: cool it down early afternoon."),
            said(4, text),
        ]
    )


@pytest.mark.parametrize(
    "text",
    [
        # review 8: Rafael and Deshawn, each after a message of their own
        "I'm not sure that's right. The tariff I read says 16 cents off-peak, not 12. Show me "
        "where you got 12.",
        "That can't be correct, the export credit was 7.4 cents last year. Please recheck and "
        "give me the source.",
        "That's not right. My plan covers CGMs under the DME benefit, show me the clause you're "
        "reading.",
        "Are you sure? Last year the same claim was paid. What's your source?",
    ],
)
def test_a_doubt_and_a_demand_for_its_source_challenge_the_answer(text: str) -> None:
    found = _own_message_between(text)
    assert "challenges_answers" in found
    assert "asks_for_sources" in found
    assert [e.event_id for e in found["challenges_answers"].evidence] == ["e4"]


@pytest.mark.parametrize(
    "text",
    [
        # either part alone, a message after one of their own: no challenge of the answer
        "Are you sure? You said you'd be home by six.",
        "That's not right, the door is locked. Show me the way out.",
        "What's your source for the pollen forecast?",
        "I'm not sure that's the right size. Show me the size guide.",
    ],
)
def test_a_doubt_without_a_demand_for_its_source_is_unchanged(text: str) -> None:
    assert "challenges_answers" not in _own_message_between(text)


def test_a_doubt_of_ones_uncertainty_right_after_the_answer_challenges_it() -> None:
    found = style(
        [
            said(1, "What is the off-peak rate?"),
            bot(2, "The off-peak rate is 12 cents per kWh."),
            said(3, "I'm not sure that's right."),
        ]
    )
    assert "challenges_answers" in found


def test_a_doubt_of_a_fit_is_no_challenge() -> None:
    found = style(
        [
            said(1, "Which plan suits a small flat?"),
            bot(2, "The basic plan covers up to 50 m2."),
            said(3, "I'm not sure that's right for me."),
        ]
    )
    assert "challenges_answers" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Can you point me to the actual statute for that?",
        "Show me the clause you're reading.",
        "Link me to the rule behind that.",
        "Which regulation says that?",
        "Show me where you got 12.",
        "show me where you found that rate",
    ],
)
def test_the_text_a_claim_rests_on_asks_for_sources(text: str) -> None:
    assert "asks_for_sources" in style([said(1, text)])


@pytest.mark.parametrize(
    "text",
    [
        "Send me the policy, please.",
        "Where's the tariff page?",
        "Show me the clause library.",
        "Show me where you got off the bus.",
    ],
)
def test_a_document_asked_for_itself_asks_for_no_source(text: str) -> None:
    assert "asks_for_sources" not in style([said(1, text)])


@pytest.mark.parametrize(
    "text",
    [
        "Before we pick a venue, let's list what we actually need.",
        "Before I order anything, I want to write down the steps.",
        "Let's make a plan.",
        "Let's list everything we need for the move.",
    ],
)
def test_a_plan_made_before_acting_plans_first(text: str) -> None:
    assert "plans_before_acting" in style([said(1, text)])


@pytest.mark.parametrize(
    "text",
    [
        "Before you leave, let me check the time.",
        "Before we go, let's grab a coffee.",
        "Let's make a cake.",
    ],
)
def test_an_act_before_another_is_no_plan(text: str) -> None:
    assert "plans_before_acting" not in style([said(1, text)])
