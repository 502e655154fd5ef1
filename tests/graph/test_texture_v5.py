"""texture_traits.v5 (review 9 #11): a learner whose errors are a singular subject's bare verb,
a role without its article or "to" left out before a verb with its object writes English as a
second language, over their sessions, and so is no longer read as writing formally (v4's
`not_with`); a native writer of complete, uncontracted, polite English still writes formally,
and a native terse or casual writer is no learner."""

from __future__ import annotations

from persona6.graph import texture as traits_module
from tests.graph.test_texture_statements import FORMAL, _traits

# Complete, uncontracted, courteous sentences: every long message reads formal; one or two in
# each of three sessions show a learner's grammar of v5 only.
LEARNER_POLITE = [
    [
        "Good evening, I am exchange student from Porto and I need help with my essay.",
        "Please tell me where the rule is written, I want check the grammar book.",
        "Thank you very much, I will try to correct the second paragraph myself.",
    ],
    [
        "Hello again, please explain why the professor give me only half of the points.",
        "I would like to see the marking criteria for the second essay, please.",
        "Thank you, I will read the criteria carefully before the next deadline.",
    ],
    [
        "Good evening, please check the introduction again because I rewrote the ending.",
        "I want change the title of the essay, please tell me if it is allowed.",
        "Thank you very much for the help, it is very useful for my studies.",
    ],
]

# The same person's sentences as a native writer puts them.
NATIVE_POLITE = [
    [
        m.replace("I am exchange student", "I am an exchange student")
        .replace("I want check", "I want to check")
        .replace("the professor give", "the professor gave")
        .replace("I want change", "I want to change")
        for m in session
    ]
    for session in LEARNER_POLITE
]

# A native terse, casual writer: "gonna", "wanna", dropped subjects, "u", lower case.
CASUAL = [
    ["gonna check the essay later, wanna see how the intro reads", "sounds good", "u there?"],
    ["need the rubric again, cant find it", "got it thx", "ok the new title works better"],
    ["idk how the prof grades this tbh", "Sounds good. Going to bed now.", "later"],
]


def test_the_producer_is_v5() -> None:
    assert traits_module.PRODUCER == "persona6.texture_traits.v5"


def test_a_learner_of_v5s_grammar_is_no_formal_writer() -> None:
    traits = _traits(LEARNER_POLITE)
    assert traits["learner_english"].value == "second language"
    assert traits["learner_english"].sessions == 3
    assert "register" not in traits  # was "writes formally (9 of 9 messages ...)"


def test_the_same_person_writing_natively_writes_formally() -> None:
    traits = _traits(NATIVE_POLITE)
    assert "learner_english" not in traits
    assert traits["register"].value == "formal"


def test_a_native_formal_writer_still_writes_formally() -> None:
    traits = _traits(FORMAL)
    assert traits["register"].value == "formal"
    assert "learner_english" not in traits


def test_a_native_casual_writer_is_no_learner() -> None:
    assert "learner_english" not in _traits(CASUAL)


def test_one_session_of_a_learners_grammar_is_no_habit() -> None:
    """A person's habit, not one message: the grammar in one session of three says nothing."""
    one = [LEARNER_POLITE[0], NATIVE_POLITE[1], NATIVE_POLITE[2]]
    traits = _traits(one)
    assert "learner_english" not in traits
    assert traits["register"].value == "formal"
