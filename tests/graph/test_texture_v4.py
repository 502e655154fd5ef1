"""texture_traits.v4 (review 8 S2): the formal register is not stated of a person whose English
is a learner's (`learner_english` holds, texture_statements.yaml `formal.not_with`): their
complete, uncontracted sentences are the grammar they learned, not a register they chose, and a
brief asking for a formal register would answer them in the English hardest to read. A native
writer's formal register is stated as before."""

from __future__ import annotations

from persona6.graph import texture as traits_module
from tests.graph.test_texture_statements import FORMAL, _traits

# A learner writing complete, uncontracted, polite sentences: every long message would read
# formal, and one in each session shows a learner's grammar.
LEARNER_POLITE = [
    [
        "Good evening, I need somebody for paint the kitchen walls this month.",
        "Please send me two or three offers, I want to compare them.",
        "How much it will cost for the whole kitchen with materials?",
        "The painter must have good reviews and his own tools, please.",
    ],
    [
        "Hello again, the window in the bedroom does not close properly now.",
        "Please only morning visit, in the afternoon I am at work always.",
        "I need to know the price before he come to the house.",
        "Thank you very much, I wait for the confirmation by message.",
    ],
    [
        "Good evening, the water heater makes a very strange noise since Monday.",
        "Please find a plumber with licence, the last one made problems.",
        "Is expensive to change the whole heater or only one part?",
        "Thank you, please call me after six in the evening.",
    ],
]


def test_the_producer_is_v4() -> None:
    assert traits_module.PRODUCER == "persona6.texture_traits.v5"


def test_a_learner_writing_complete_sentences_is_no_formal_writer() -> None:
    traits = _traits(LEARNER_POLITE)
    assert traits["learner_english"].value == "second language"
    assert "register" not in traits  # was "writes formally (12 of 12 messages ...)"


def test_the_same_messages_without_the_learners_grammar_read_formal() -> None:
    native = [
        [
            m.replace("How much it will cost", "How much will it cost")
            .replace("before he come", "before he comes")
            .replace("Is expensive", "Is it expensive")
            for m in session
        ]
        for session in LEARNER_POLITE
    ]
    traits = _traits(native)
    assert "learner_english" not in traits
    assert traits["register"].value == "formal"


def test_a_native_formal_writer_still_writes_formally() -> None:
    traits = _traits(FORMAL)
    assert traits["register"].value == "formal"
    assert "learner_english" not in traits
