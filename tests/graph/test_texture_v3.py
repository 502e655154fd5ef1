"""texture_traits.v3 (review 7 M5, M6; review 6 K3): English written with a learner's grammar
is a trait ("writes English as a second language"), which a native writer's casual chat, typos
and shorthand never make; the formal register is read only in messages long enough to show one
(a short "Thank you." neither shows it nor counts against it)."""

from __future__ import annotations

import pytest

from persona6.graph import texture as traits_module
from tests.graph.test_texture_statements import _traits

NEUTRAL = [
    "Please check the invoice from last week.",
    "The weather in the mountains was lovely.",
    "Can you send the summary to my email?",
]
# A learner of English, in fresh sentences: one construction of each kind in each session.
LEARNER = [
    ["Good morning. I want to renting a car in Lyon for three days.", *NEUTRAL],
    ["Hello. Yesterday the app is not open. I am need a receipt for my company.", *NEUTRAL],
    ["We not have printer at home, please send PDF.", *NEUTRAL],
    ["Why the price is higher than on the website?", *NEUTRAL],
    ["My brother he want to come also, so for three guest please.", *NEUTRAL],
]


def _with(sentence: str) -> list[list[str]]:
    """Two sessions, each with the sentence among neutral messages."""
    return [[sentence, *NEUTRAL], [sentence.replace("Lyon", "Graz"), *NEUTRAL]]


def test_the_producer_is_v3() -> None:
    assert traits_module.PRODUCER == "persona6.texture_traits.v5"


def test_a_learners_grammar_is_a_trait_with_examples() -> None:
    trait = _traits(LEARNER)["learner_english"]
    assert trait.value == "second language"
    assert trait.statement.startswith("writes English as a second language ('want to renting'")
    assert "5 of 20 messages show a learner's grammar" in trait.statement
    assert trait.sessions == 5 and trait.counter_sessions == 0
    assert len(trait.evidence) == 4


@pytest.mark.parametrize(
    "sentence",
    [
        "I need to booking a table for Friday in Lyon.",  # -ing after "need to"
        "Tomorrow I want visit the museum in Lyon.",  # "to" left out
        "Please, I don't want you keep my address.",  # "to" left out after the object
        "I am agree with the new price for Lyon.",  # "be" + a bare verb
        "Sorry, I not understand the second step.",  # "not" without "do"
        "How you calculate the delivery fee to Lyon?",  # a question without "do"
        "Where it is the nearest station in Lyon?",  # a question not inverted
        "I tried twice in Lyon, is not possible.",  # "is" without a subject
        "My sister she works in Lyon near the station.",  # the subject said again
        "We stay in Lyon for four night, maybe five.",  # a plural left out
    ],
)
def test_each_kind_of_learner_grammar_shows(sentence: str) -> None:
    assert "learner_english" in _traits(_with(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "hey how you doing? been a while in Lyon",  # chat drops "are" before -ing
        "what you up to this weekend in Lyon?",
        "I'm down to help with the Lyon move.",  # "down" is no verb
        "we need 2 go to Lyon before noon lol",  # "2" for "to"
        "I dont know, maybe Lyon idk",  # shorthand, not grammar
        "We built a two person team in Lyon last year.",  # a compound
        "My cousin is six foot tall and lives in Lyon.",
        "What made you pick Lyon for the trip?",  # "what" is the subject
        "When it is ready in Lyon, can you call me?",  # a clause, not a question
        "I'd rather they not go to Lyon alone.",  # a subjunctive
        "My mom, she's the one who loves Lyon.",  # a comma: speech, not grammar
        "I need help with the Lyon booking.",  # "help" is a noun here
        "Row 12 in Lyon was fine, and my iPhone 12 case too.",  # a label's number
        "I rated it 10 out of 10, Lyon was great.",
        "Going to bowling in Lyon tonight.",  # an activity
    ],
)
def test_native_casual_writing_is_no_learner_grammar(sentence: str) -> None:
    assert "learner_english" not in _traits(_with(sentence))


def test_one_slip_in_a_long_history_is_no_habit() -> None:
    sessions = [[*NEUTRAL, *NEUTRAL, *NEUTRAL, *NEUTRAL] for _ in range(4)]
    sessions[0][0] = "I am need a taxi."
    assert "learner_english" not in _traits(sessions)


def test_a_short_session_without_an_error_does_not_speak_against_it() -> None:
    sessions = [*LEARNER, ["Thank you very much.", "See you tomorrow, have a nice evening."]]
    trait = _traits(sessions)["learner_english"]
    assert trait.counter_sessions == 0


# -- the formal register is read in messages long enough to show one ---------------------------

FORMAL_WITH_COURTESIES = [
    [
        "Good afternoon. Before we begin, what will this analysis cost in credits?",
        "Thank you.",
        "A line chart, not a table.",
    ],
    [
        "Hello. Please compare the quarterly totals with the audited figures first.",
        "Those totals appear inconsistent; kindly explain the difference.",
        "Thank you.",
    ],
    [
        "Good morning. I should like the report by Thursday, if that is possible.",
        "Columns, as before.",
        "Thank you.",
        "Kindly send the final version to the board secretary as well.",
    ],
]


def test_short_courtesies_do_not_hide_a_formal_register() -> None:
    trait = _traits(FORMAL_WITH_COURTESIES)["register"]
    assert trait.value == "formal"
    assert trait.statement.startswith("writes formally (5 of 5 messages")


def test_short_messages_in_the_chat_register_still_count_against_formal() -> None:
    sessions = [[*texts, "thanks 🙂", "ok thx", "cool, ty"] for texts in FORMAL_WITH_COURTESIES]
    trait = _traits(sessions).get("register")
    assert trait is None or trait.value != "formal"
