"""persona6.style.v16 (review 8 S3): whether a person writes at length is read in the messages
whose length is theirs to choose: a message of thanks that closes ("Thanks, that's clear.") and
a reply to the product's question are left out of the median that decides elaborate. Terse is
read in every message, as before: a terse writer's closings and answers are as short as the
rest."""

from __future__ import annotations

import pytest

from persona6.extract import style as style_module
from persona6.extract.prep import prepare_text
from tests.extract.test_style import bot, said, style

# A retired engineer's session: messages of 23, 22, 17 and 15 words.
AT_LENGTH = [
    "Morning. The May bill came to $380 even though the panels ran all month; could you break "
    "down where those charges come from?",
    "Please warm the house to 68 before six in the morning and then let it coast gently through "
    "the whole evening peak.",
    "The battery dropped offline twice, so I cycled it at the breaker and it is back now.",
    "My daughter visits in June, so keep the guest room comfortable whatever the tariff says.",
]


def _verbosity(session: list) -> tuple[str, float]:
    signal = style(session)["verbosity"]
    return signal.value, signal.measure


def test_the_producer_is_v16() -> None:
    assert style_module.NAME == "persona6.style.v27"


def test_a_closing_does_not_make_a_writer_at_length_moderate() -> None:
    session = [said(i + 1, text) for i, text in enumerate(AT_LENGTH)]
    session.append(said(len(session) + 1, "Thanks, that's clear."))
    value, measure = _verbosity(session)
    assert value == "elaborate"  # was moderate: the median of 23, 22, 17, 15 and 3 is 17
    assert measure == 19.5


def test_a_reply_to_the_products_question_does_not_either() -> None:
    session = [
        said(1, AT_LENGTH[0]),
        bot(2, "Done. Shall I send the breakdown by email or by text?"),
        said(3, "By text."),
        said(4, AT_LENGTH[1]),
        said(5, AT_LENGTH[2]),
        said(6, "Thank you so much, you've been very kind."),
    ]
    assert _verbosity(session)[0] == "elaborate"


def test_the_same_messages_answering_no_question_stay_moderate() -> None:
    # "By text." said on their own initiative counts: the median stays 17.
    session = [said(1, AT_LENGTH[0]), bot(2, "Done."), said(3, "By text.")]
    session += [said(4, AT_LENGTH[1]), said(5, "By text."), said(6, AT_LENGTH[2])]
    assert _verbosity(session)[0] == "moderate"


def test_what_is_left_out_never_makes_a_writer_at_length_less_so() -> None:
    # Long answers to the product's questions, short messages of their own: elaborate as before.
    session = [said(1, AT_LENGTH[0]), said(2, "Bills, mostly.")]
    for n, text in enumerate(AT_LENGTH[1:3], start=3):
        session += [bot(2 * n, "Anything else I should know?"), said(2 * n + 1, text)]
    assert _verbosity(session) == ("elaborate", 19.5)  # of all: 23, 2, 22 and 17 words


@pytest.mark.parametrize(
    "texts",
    [
        # a night-shift nurse: fragments, an answer to the product's question, "thx"
        [
            "bedroom 19 again, day sleep",
            "@Would you like eco mode for the whole flat?",
            "texts only, no push",
            "the hallway plug keeps dropping. is it always this flaky?",
            "re-paired it",
            "thx",
        ],
        # a caregiver: a plan, an answer, a question, "ok thanks" in every session
        [
            "Two things tonight: the refill first, then the claim.",
            "90 days again please.",
            "Is my proxy access logged? I want to know who reads her file.",
            "ok thanks",
        ],
    ],
)
def test_a_terse_writer_stays_terse(texts: list[str]) -> None:
    session = [
        bot(i + 1, text[1:]) if text.startswith("@") else said(i + 1, text)
        for i, text in enumerate(texts)
    ]
    assert _verbosity(session)[0] == "terse"


@pytest.mark.parametrize(
    ("text", "closes"),
    [
        ("Thanks, that's clear.", True),
        ("Thank you so much, you've been very kind.", True),
        ("ok thx", True),
        ("Thanks!", True),
        ("Thanks, but why is it 12 and not 16?", False),  # asks
        ("Thank you. Please also check the invoice from March for the same charge.", False),
        ("Could you thank the nurse for me?", False),
    ],
)
def test_what_closes(text: str, closes: bool) -> None:
    assert style_module._closes(prepare_text(text)) is closes
