"""persona6.preference.v23 (review 6 W1, W6, W7, M1, M3, M4, M9): a request marked as habitual
("as always", "like usual", "again") or followed by a reason about the speaker ("easier for me
to read", "I learn better that way", "I need it for my bookkeeping") is a standing instruction,
as v22's are; a channel may be the verb ("email me the invoice") and what is delivered may come
first ("invoice by email please"); answer forms (charts, tables) and places of delivery (home,
office) are sides; "stop X, Y only" chooses Y; a weekly summary recurs; a want of a purchase
with its "to" left out is the act at hand; keeping the person's data is keyed by the data."""

from __future__ import annotations

import pytest
from helpers import extracted, said_traits

from persona6.extract import preference
from persona6.extract.text import load_lexicon


def read(text: str) -> dict[str, tuple[str, float]]:
    return {s.key: (s.value, s.polarity) for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v23() -> None:
    assert preference.NAME == "persona6.preference.v57"
    assert load_lexicon("preferences")["version"] == 45


# W1: the negation's scope ends at the clause boundary; "Y only" chooses Y.
def test_stop_x_then_y_only_is_a_change_from_x_to_y() -> None:
    found = read("Please stop sending me SMS notifications, email only from now on.")
    assert found == {
        "email for notifications": ("asks for notifications by email only, not text messages", 1.0),
        "text messages for notifications": (
            "against text messages (asks for notifications by email instead)",
            -1.0,
        ),
    }


@pytest.mark.parametrize(
    ("text", "key", "polarity"),
    [
        ("Stop sending me emails, text only.", "text messages", 1.0),
        ("Stop sending me emails, text only.", "email", -1.0),
        ("Please stop sending me SMS notifications.", "sms notifications", -1.0),
        ("No SMS please. Email only.", "text messages", -1.0),
    ],
)
def test_a_y_only_after_a_request_against_x_is_for_y(text: str, key: str, polarity: float) -> None:
    assert read(text)[key][1] == polarity


def test_y_only_after_a_dislike_is_no_second_dislike() -> None:
    assert "rock" not in read("I hate jazz, rock only")


# W6: "I'd like X, not Y" of recurring deliverables.
def test_a_recurring_deliverable_wanted_over_another() -> None:
    found = read(
        "I'd like a weekly summary on Sunday evenings, not daily alerts. "
        "Daily alerts make me panic."
    )
    assert found["weekly summary"][1] == 1.0
    assert found["daily alerts"][1] == -1.0


def test_a_summary_of_a_topic_stays_the_answer_of_the_moment() -> None:
    assert read("I'd love a quick summary of the thread") == {}


# W7: a want of a transactional act with its "to" left out.
@pytest.mark.parametrize(
    "text",
    [
        "I want buy the rice cooker 5.5 cup.",
        "I want change address for my order.",
        "I'd like order the blue one",
        "I want to buy the new camera.",
    ],
)
def test_a_want_of_the_act_at_hand_is_no_taste(text: str) -> None:
    assert read(text) == {}


@pytest.mark.parametrize(
    ("text", "key"),
    [("I want change in my life.", "change in my life"), ("I want a change.", "change")],
)
def test_a_want_of_a_thing_stays(text: str, key: str) -> None:
    assert key in read(text)


# M1: habitual markers, reasons about the speaker, channels for what is delivered.
@pytest.mark.parametrize(
    "text",
    [
        "As always, invoice by email please, not in the box.",
        "Could you send the VAT invoice to my email like usual?",
        "Please email me the invoice, I need it for my bookkeeping. Paper invoices get lost.",
        "Please email me the invoices from now on.",
        "Please send the invoices by email again.",
    ],
)
def test_a_habitual_or_reasoned_channel_request_is_standing(text: str) -> None:
    assert read(text) == {"email for invoices": ("asks for invoices by email", 1.0)}


@pytest.mark.parametrize(
    "text",
    [
        "Please email me the invoice.",
        "Please email me the invoice, it's urgent.",
        "Could you send the VAT invoice to my email?",
        "Can you send it to my home?",
        "Post it in Slack, not email",
    ],
)
def test_a_delivery_of_the_moment_stays_a_one_off(text: str) -> None:
    assert read(text) == {}


# M3: places of delivery.
@pytest.mark.parametrize(
    "text",
    [
        "From now on please deliver to my office instead of home, I moved to working on-site.",
        "Office delivery please (not home anymore).",
    ],
)
def test_a_standing_change_of_delivery_place(text: str) -> None:
    found = read(text)
    assert found["office delivery"][1] == 1.0
    assert found["home delivery"][1] == -1.0


def test_a_habitual_delivery_place() -> None:
    assert read("home delivery again please, same as before") == {
        "home delivery": ("asks for delivery at home", 1.0)
    }


@pytest.mark.parametrize(
    "text", ["Please deliver to my office instead of home.", "Please deliver to my office."]
)
def test_a_delivery_place_without_a_standing_word_is_this_parcel(text: str) -> None:
    assert read(text) == {}


def test_a_new_delivery_place_ends_the_earlier_one() -> None:
    said = [
        ("s-1", "2026-09-02T10:00:00Z", "I prefer home delivery."),
        ("s-2", "2026-09-09T10:00:00Z", "home delivery again please"),
        ("s-3", "2026-09-15T10:00:00Z", "From now on please deliver to my office instead of home."),
        ("s-4", "2026-09-22T10:00:00Z", "Office delivery please (not home anymore)."),
    ]
    traits = said_traits(said)
    old = next(t for t in traits if t.key == "home delivery" and t.polarity > 0)
    assert old.valid_to == "2026-09-15T10:00:00.000000Z"
    current = {(t.key, t.polarity) for t in traits if t.valid_to is None}
    assert current == {("office delivery", 1.0), ("home delivery", -1.0)}


# M4: answer forms.
@pytest.mark.parametrize(
    ("text", "keys"),
    [
        (
            "Could you show it as a chart instead of a table? "
            "Charts are much easier for me to read.",
            {"charts": 1.0, "tables": -1.0},
        ),
        ("Emergency fund check-in again - a chart please, as usual.", {"charts": 1.0}),
        (
            "could someone explain step by step with screenshots? I learn better that way",
            {"step-by-step": 1.0, "screenshots": 1.0},
        ),
    ],
)
def test_a_marked_answer_form_is_standing(text: str, keys: dict[str, float]) -> None:
    assert {k: p for k, (_, p) in read(text).items()} == keys


@pytest.mark.parametrize(
    "text",
    [
        "Could you show it as a chart instead of a table?",
        "A chart would be lovely.",
        "could someone explain step by step with screenshots?",
    ],
)
def test_an_answer_form_asked_once_stays_a_one_off(text: str) -> None:
    assert read(text) == {}


# M9: keeping the person's data, one key.
@pytest.mark.parametrize(
    "text",
    [
        "Do not keep my card information after.",
        "I do not want you save my card",
        "no save card please",
    ],
)
def test_a_refusal_to_keep_the_card_is_one_key(text: str) -> None:
    assert read(text) == {"storing card details": ("asks not to store card details", -1.0)}


def test_other_data_and_other_keeping_keep_their_keys() -> None:
    assert "storing address" in read("please don't store my address")
    assert "keep my notes in a notebook" in read("I like to keep my notes in a notebook")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I prefer invoices by email.", "email for invoices"),
        ("I prefer updates via SMS", "text messages for updates"),
        ("I like trips by train", "trips by train"),
    ],
)
def test_a_deliverable_by_a_channel_keys_as_an_instruction_does(text: str, key: str) -> None:
    assert key in read(text)


def test_an_answer_form_reads_as_it_was_asked() -> None:
    found = read(
        "Could you show it as a chart instead of a table? Charts are much easier for me to read."
    )
    assert found["charts"] == ("asks for a chart instead of a table", 1.0)
