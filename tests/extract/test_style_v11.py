"""persona6.style.v11: verbosity is read from the median message against the texture traits'
long-message norm (a person whose every message runs to 20-26 words is elaborate), and a
courtesy formula of the formal register ("Thank you very much.", "Kind regards") is politeness,
not warmth, while thanks in the chat register and real gladness stay warmth."""

from __future__ import annotations

import pytest

from persona6.extract import style as style_module
from persona6.graph.texture import norms
from tests.extract.test_style import said, style

INGRID = [
    "Good evening. I would appreciate a comprehensive overview of conditional sentences, with "
    "several examples for each type.",
    "Thank you very much. That is a most helpful explanation, although I would like to see one "
    "more example, if you would be so kind.",
    "The lesson has stopped responding once again. I would like to speak with a human member "
    "of your support staff, please.",
]


def session(*texts: str) -> list:
    return [said(n, text) for n, text in enumerate(texts, start=1)]


def test_long_formal_messages_are_elaborate_by_the_median() -> None:
    signal = style(session(*INGRID))["verbosity"]
    assert (signal.value, signal.measure) == ("elaborate", 21.0)


def test_the_elaborate_bar_is_the_texture_traits_long_message_norm() -> None:
    assert style_module.cues().elaborate_from == norms()["habits"]["long_messages"]["words"]


@pytest.mark.parametrize(
    ("texts", "value"),
    [
        # one pasted log does not make a terse session elaborate
        (("ok", "run it again", " ".join(["ERROR worker timeout"] * 40)), "terse"),
        # one "ok" does not make a long-winded session terse
        (("ok", INGRID[1], INGRID[2]), "elaborate"),
        (
            ("Can you show me the export for last week?", "And the one for March too please"),
            "moderate",
        ),
        (("fix it", "now run the tests"), "terse"),
    ],
)
def test_verbosity_reads_the_median_message(texts: tuple[str, ...], value: str) -> None:
    assert style(session(*texts))["verbosity"].value == value


def test_elaborate_cites_a_typical_message_not_the_longest() -> None:
    texts = (INGRID[0], INGRID[1], INGRID[2], " ".join(["word"] * 200))
    signal = style(session(*texts))["verbosity"]
    assert signal.value == "elaborate"
    assert [e.event_id for e in signal.evidence] != ["e4"]


@pytest.mark.parametrize(
    "texts",
    [
        INGRID,
        ("Thank you very much. That is a most helpful explanation.",),
        ("Thank you.", "Please send the summary by Friday."),
        ("I would be most grateful for a detailed answer. Kind regards, Ingrid",),
        ("Good morning. Thank you for yesterday's lesson.",),
    ],
)
def test_a_courtesy_formula_of_the_formal_register_is_no_warmth(texts: tuple[str, ...]) -> None:
    assert "warmth" not in style(session(*texts))


@pytest.mark.parametrize(
    ("texts", "weight"),
    [
        (("thanks so much, that's great :)",), 0.5),
        (("Thank you so much!",), 1.0),
        (("thank you, that worked",), 0.5),
        (("Thank you Ana, that worked",), 0.5),
        (("Thanks.",), 0.5),
        (("Always nice to chat with you.",), 0.5),
        (("Thank you very much. It is always nice to chat with you.",), 0.5),
        (
            ("Thank you very much. That is a most helpful explanation.", "You're a star, thanks!"),
            1.0,
        ),
    ],
)
def test_thanks_in_the_chat_register_and_gladness_stay_warmth(
    texts: tuple[str, ...], weight: float
) -> None:
    signal = style(session(*texts))["warmth"]
    assert signal.weight == weight
