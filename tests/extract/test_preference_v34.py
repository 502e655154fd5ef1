"""preference.v34 (review 8 P1-P7, probe 9): a bare choice answers a question only when the
question names what it chooses between; a comparison for the speaker, "X only", a change
label, a verb of choosing over another, "prefer X to Y" and a learner's degree before the
object read as preferences; idioms, an act on a pronoun and an adjective "Preferred" do not;
a possessive keeps the noun it owns; the sides of one choice key alike."""

from __future__ import annotations

import pytest
from helpers import bot, extracted, said, said_traits

from persona6.extract import EXTRACTORS, preference


def read(text: str) -> dict[str, float]:
    return {s.key: s.polarity for s in extracted(preference.NAME, text, "u1")}


def values(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(preference.NAME, text, "u1")}


def answered(question: str, answer: str) -> dict[str, float]:
    found = EXTRACTORS[preference.NAME].extract([bot(1, question), said(2, answer)])
    return {s.key: s.polarity for s in found}


def test_the_producer_is_v35() -> None:
    assert preference.NAME == "persona6.preference.v57"


# P1. An answer is an answer to the question it answers.
@pytest.mark.parametrize(
    "question",
    [
        "Done. Would you like me to enable Eco mode across the whole apartment as well?",
        "Want me to check the heat pump too?",
        "Anything else?",
    ],
)
def test_a_bare_choice_after_a_question_about_something_else_stands(question: str) -> None:
    assert answered(question, "alerts by sms. not app notifications") == {
        "text messages for alerts": 1.0,
        "app notifications": -1.0,
    }


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Tea or coffee?", "Tea, not coffee."),
        ("Slack or email for this one?", "Slack, not email."),
        ("Should I send alerts by SMS or by app notification?", "SMS, not the app."),
        ("Window or aisle for this flight?", "Aisle, not window."),
    ],
)
def test_a_bare_choice_between_what_was_asked_stays_an_answer(question: str, answer: str) -> None:
    assert answered(question, answer) == {}


def test_a_bare_thing_offered_and_marked_as_usual_is_a_standing_choice() -> None:
    question = "Would you like a video visit or an in-person visit?"
    assert answered(question, "Video, like last time.") == {"video": 1.0}
    assert answered("Window or aisle?", "Aisle, as always.") == {"aisle": 1.0}
    # not offered by the question, or no thing: nothing
    assert answered("Shall I book it?", "Late again, as usual") == {}
    assert answered("How was work?", "Busy as always!") == {}
    assert answered(question, "Video visit please.") == {}


# P2. A change said tersely or as learners say it.
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("change: push notifications in app from now. sms costs me and I miss them", "push"),
        ("From now video visit is better. I moved to Fremont, too far to come clinic.", "video"),
        ("From now on, please give me the metric measurements for the planters.", "metric"),
        ("Going forward, email is better for us.", "email"),
    ],
)
def test_a_change_from_now_on_is_a_preference_at_full_weight(text: str, key: str) -> None:
    [signal] = [s for s in extracted(preference.NAME, text, "u1") if key in s.key]
    assert (signal.polarity, signal.weight) == (1.0, 1.0)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("push only, no sms", {"push notifications": 1.0, "text messages": -1.0}),
        ("app push pls (not texts)", {"push notifications": 1.0, "text messages": -1.0}),
        ("sms only pls", {"text messages": 1.0}),
        ("Local first, always.", {"local": 1.0}),
    ],
)
def test_x_only_chooses_x(text: str, found: dict[str, float]) -> None:
    assert read(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Email only.",  # may answer or describe
        "Members only, no exceptions.",
        "change: I'm going home",
        "Give me the metric measurements.",  # no lead: the task at hand
        "Things are better now.",
    ],
)
def test_neighbours_of_the_new_choices_stay_nothing(text: str) -> None:
    assert read(text) == {}


# P3 and P7. Comparisons for the speaker and other common wordings.
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Morning is better for me.", {"morning": 1.0}),
        (
            "Morning is better, not afternoon. My wife is home only until 1.",
            {"morning": 1.0, "afternoon": -1.0},
        ),
        ("Mornings suit me best, before eleven if possible", {"mornings": 1.0}),
        (
            "Not keen on long answers; bullet points suit me better.",
            {"long answers": -1.0, "bullet points": 1.0},
        ),
        (
            "A phone call is best for me, dear, not the messages.",
            {"phone calls": 1.0, "messages": -1.0},
        ),
        (
            "I'd pick synthetic oil over conventional any day for the Civic.",
            {"synthetic oil": 1.0, "conventional": -1.0},
        ),
        (
            "We prefer the smaller village school to the big academy in town.",
            {"smaller village school": 1.0, "big academy in town": -1.0},
        ),
        ("I'd prefer to talk to the landlord first.", {"talk to the landlord first": 1.0}),
        (
            "Wooden crates over plastic tubs for the compost, please.",
            {"wooden crates": 1.0, "plastic tubs": -1.0},
        ),
        (
            "Paper invitations rather than e-vites, my gran doesn't do email.",
            {"paper invitations": 1.0, "e-vites": -1.0},
        ),
        ("I am liking very much the roses.", {"roses": 1.0}),
        (
            "I don't like so much the electronic music, is too repetitive.",
            {"electronic music": -1.0},
        ),
    ],
)
def test_common_wordings_of_a_preference(text: str, found: dict[str, float]) -> None:
    assert read(text) == found


def test_a_comparison_for_the_speaker_prefers_it() -> None:
    assert values("Morning is better for me.") == {"morning": "prefers morning"}
    assert (
        values("Morning is better, not afternoon.")["morning"] == "prefers morning over afternoon"
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Python is better for me now", {"python": "rates highly: python"}),  # v14
        ("Email is better than Slack for this.", {"email": "rates highly: email"}),
        ("I'd prefer to know first.", {}),
        ("I'll pick the blue one", {}),
        ("I prefer going to the beach", {"going to the beach": "prefers going to the beach"}),
        (
            "I prefer tea to coffee",
            {"tea": "prefers tea to coffee", "coffee": "against coffee (prefers tea instead)"},
        ),
        ("I like pizza, love, and pasta", {"pizza": "likes pizza", "pasta": "likes pasta"}),
    ],
)
def test_neighbouring_comparisons_stay_as_they_were(text: str, found: dict[str, str]) -> None:
    assert values(text) == found


# P5, P6 and probe 9 ng10: idioms, pronouns, adjectives; a possessive keeps its noun.
@pytest.mark.parametrize(
    "text",
    [
        "I don't buy that answer, link me to the policy text.",
        "but I'd rather be safe.",
        "I'd rather be safe than sorry.",
        "I like reading it on Sundays",
        "Preferred stock pays a fixed dividend, doesn't it?",
        "Loved ones are welcome at the party.",
    ],
)
def test_idioms_acts_on_pronouns_and_adjectives_are_no_preference(text: str) -> None:
    assert read(text) == {}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("we never buy fast fashion", {"fast fashion": -1.0}),
        ("I'd rather be outdoors.", {"be outdoors": 1.0}),
        ("I like reading books on Sundays", {"reading books": 1.0}),
        ("Preferred tea as a kid", {"tea": 1.0}),
    ],
)
def test_their_neighbours_stay_preferences(text: str, found: dict[str, float]) -> None:
    assert read(text) == found


def test_a_possessive_keeps_the_noun_it_owns() -> None:
    text = "Please don't share her data with the insurer's wellness program"
    assert read(text) == {"share her data with the insurer's wellness program": -1.0}


# P4. The sides of one choice key alike across wordings.
def test_a_head_that_only_says_a_form_of_is_left_out_of_a_side() -> None:
    assert read("Go with the generic version instead of NovoLog.") == {
        "generic": 1.0,
        "novolog": -1.0,
    }
    assert read("Generic, not the brand, please.") == {"generic": 1.0, "brand": -1.0}


def test_a_terse_change_of_channel_ends_the_earlier_one() -> None:
    traits = said_traits(
        [
            ("s1", "2026-03-01T10:00:00Z", "text me, dont push"),
            ("s2", "2026-03-08T10:00:00Z", "sms only pls"),
            ("s3", "2026-03-15T10:00:00Z", "push only, no sms"),
        ]
    )
    status = {(t.key, t.polarity > 0): t.status.value for t in traits}
    assert status[("push notifications", False)] == "superseded"
    assert status[("text messages", True)] == "superseded"
    assert status[("push notifications", True)] == "active"
