"""persona6.style.v15 (end-to-end probe 8, challenge): a doubt about a claim of the answer put
as a negated or impossible fit ("That dosage doesn't look right to me", "those estimates can't
be right", "your total is way off") or as a bare "That doesn't look right." right after the
answer challenges it, and "how did you get that number?" / "how did you calculate it?" asks for
its derivation; a doubt about one's own work, an agreement and a question without doubt stay
unchanged."""

from __future__ import annotations

import pytest

from persona6.extract import style as style_module
from tests.extract.test_style import bot, said, style


def test_the_producer_is_v15() -> None:
    assert style_module.NAME == "persona6.style.v27"


def _after_answer(text: str) -> dict:
    return style(
        [
            said(1, "How much of the antibiotic should my dog get?"),
            bot(2, "Give 250 mg twice a day for ten days."),
            said(3, text),
        ]
    )


@pytest.mark.parametrize(
    "doubt",
    [
        "That dosage doesn't look right to me.",
        "Your mileage estimate doesn't seem right.",
        "Those figures don't look correct at all.",
        "That estimate can't be right for a small dog.",
        "Hmm, your total is way off.",
        "That doesn't look right. He only weighs 4 kg.",
        "That amount seems too high for a puppy.",
        "I don't buy that explanation.",
    ],
)
def test_a_doubt_about_the_answer_is_a_challenge(doubt: str) -> None:
    assert "challenges_answers" in _after_answer(doubt)


@pytest.mark.parametrize(
    "doubt",
    ["This conversion rate doesn't look right to me.", "That deadline can't be right."],
)
def test_a_doubt_naming_a_claim_counts_with_a_message_of_their_own_between(doubt: str) -> None:
    session = [
        said(1, "When is the visa form due, and at what rate are fees converted?"),
        bot(2, "The form is due by May 2; fees are converted at 1.08."),
        said(3, "Bullet points, please."),
        said(4, doubt),
    ]
    signal = style(session)["challenges_answers"]
    assert [e.event_id for e in signal.evidence] == ["e4"]


@pytest.mark.parametrize(
    "doubt",
    [
        "Those shipping times don't look right to me. How did you get them?",
        "That refill schedule seems off, how did you come up with it?",
        "These commute times can't be right. How did you calculate them?",
    ],
)
def test_a_doubt_then_a_demand_for_its_derivation_is_a_challenge(doubt: str) -> None:
    assert "challenges_answers" in _after_answer(doubt)


@pytest.mark.parametrize(
    "text",
    [
        "This page doesn't look right on my phone.",
        "My spreadsheet doesn't look right. How did you get yours to line up?",
    ],
)
def test_a_thing_doubted_without_a_demand_for_the_answer_s_derivation_is_no_challenge(
    text: str,
) -> None:
    assert "challenges_answers" not in _after_answer(text)


@pytest.mark.parametrize(
    "demand",
    [
        "How did you get that number?",
        "How did you calculate it?",
        "How did you get the 12% rate?",
        "Wait, how did you arrive at it?",
    ],
)
def test_how_did_you_get_the_figure_asks_for_its_derivation(demand: str) -> None:
    assert "asks_for_sources" in _after_answer(demand)


@pytest.mark.parametrize(
    "text",
    [
        "My numbers don't look right, can you check my formula?",
        "The totals in my sheet don't look right. Can you help me find the error?",
        "That looks right, thanks!",
        "This seems right to me.",
        "Great, that dosage sounds fine.",
        "How did you get into data science?",
        "How did you get there so fast?",
        "It's off now, I unplugged it.",
    ],
)
def test_no_doubt_about_the_answer_stays_unchanged(text: str) -> None:
    found = _after_answer(text)
    assert "challenges_answers" not in found
    assert "asks_for_sources" not in found
