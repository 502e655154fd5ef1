"""preference.v39, kinds of request review 9 found unread (new wording in other domains): a
request with its "not Y" other side after a word of choice ("please only X, not Y"), a means
("pay it by X, not Y"), the channel as the verb ("text me, not email"), where a kind of thing
goes from now on, a want of one kind of thing against another; "X works better for me than Y";
"keep it to X"; a day that "has to be" or is asked for; a thing asked for again "that worked";
the channel as the verb sending what recurs; a recurring message sent to "my inbox"; "don't X.
Y instead."; a bare "dont read email" after "I'm ..." is the speaker's own habit, no request;
the push channel by any of its names."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def values(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(preference.NAME, text, "u1")}


def signs(text: str) -> dict[str, float]:
    return {s.key: s.polarity for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v39() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word of choice between "please" and the verb
        (
            "From now on please only give me the summary, not the full transcript.",
            {"summary": 1.0, "full transcript": -1.0},
        ),
        (
            "please just send me the totals, not the line items",
            {"totals": 1.0, "line items": -1.0},
        ),
        ("Going forward please only use metric units, not imperial.", {"metric units": 1.0}),
        # the means of paying or sending
        (
            "Please ship them by courier, not regular post.",
            {"courier": 1.0, "regular post": -1.0},
        ),
        ("Refund me via PayPal, not a voucher.", {"paypal": 1.0, "voucher": -1.0}),
        ("Please pay the deposit by card, not cash.", {"card": 1.0, "cash": -1.0}),
        # the channel as the verb
        ("Call me, not email.", {"phone calls": 1.0, "email": -1.0}),
        ("so message me, not call", {"text messages": 1.0, "phone calls": -1.0}),
        ("Please email us, not WhatsApp.", {"email": 1.0, "whatsapp": -1.0}),
        # where a kind of thing goes from now on
        (
            "From now on invoices go to my accountant, not the office.",
            {"accountant": 1.0, "office": -1.0},
        ),
        (
            "going forward parcels go to my neighbour, not the locker",
            {"neighbour": 1.0, "locker": -1.0},
        ),
        (
            "From now on the dog goes to my sister, Ruth, not the kennel.",
            {"sister": 1.0, "kennel": -1.0},
        ),
        # a want of one kind against another, with what it is to do after it
        (
            "I want a real person on the phone, not a chatbot.",
            {"real person": 1.0, "chatbot": -1.0},
        ),
        ("we need a plumber who does gas, not a handyman", {"plumber": 1.0, "handyman": -1.0}),
        (
            "I want a tutor sitting next to me, not a recorded lecture.",
            {"tutor": 1.0, "recorded lecture": -1.0},
        ),
    ],
)
def test_a_request_with_its_other_side(text: str, expected: dict[str, float]) -> None:
    found = signs(text)
    for key, sign in expected.items():
        assert found.get(key) == sign, (key, found)


@pytest.mark.parametrize(
    "text",
    [
        "Taxes go to the state, not the city.",  # how things are, no lead
        "Tea, coffee, not juice",  # a list
        "I want a new phone, not this one",  # the thing at hand: no "one" key
        "Remind me about it tomorrow, not today.",
        "Please don't hesitate to ask, not a problem.",
        "Not a problem, please.",
    ],
)
def test_neighbours_of_a_request_with_its_other_side(text: str) -> None:
    found = signs(text)
    assert not any(k in ("state", "city", "one", "tomorrow", "today", "juice") for k in found)
    assert not any(sign < 0 and k == "problem" for k, sign in found.items()), found


@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        ("Paper maps work better for me than apps.", "paper maps", "apps"),
        ("Audiobooks are much easier for me than print.", "audiobooks", "print"),
        ("Mornings work way better for us than evenings", "mornings", "evenings"),
    ],
)
def test_works_better_for_me_than(text: str, chosen: str, other: str) -> None:
    found = values(text)
    assert found[chosen].startswith(f"finds {chosen} "), found
    assert found[other].startswith(f"against {other}"), found


@pytest.mark.parametrize(
    "text",
    [
        "The new model works better than the old one.",
        "That works better for me than Tuesday.",
    ],
)
def test_better_without_the_speaker_or_with_a_pointer_is_no_comparison(text: str) -> None:
    assert not any(v.startswith("finds") for v in values(text).values()), values(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Keep the summary to one page.", "one page"),
        ("please keep answers to three sentences", "three sentences"),
        ("keep them to short paragraphs", "short paragraphs"),
    ],
)
def test_keep_it_to_asks_for_the_form(text: str, key: str) -> None:
    assert values(text)[key].startswith("asks to keep it to"), values(text)


@pytest.mark.parametrize(
    "text",
    ["Keep it up!", "keep it to yourself", "Keep it to a minimum.", "keep it to the point"],
)
def test_keep_it_neighbours(text: str) -> None:
    assert not any(v.startswith("asks to keep it to") for v in values(text).values())


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The delivery has to be on a weekday.", "weekday"),
        ("Our meetings must be on a Tuesday.", "tuesday"),
        ("The appointment needs to be in the morning.", "morning"),
        ("Sunday, please.", "sunday"),
        ("Mornings please.", "morning"),
    ],
)
def test_a_day_required_or_asked_for(text: str, day: str) -> None:
    assert signs(text).get(day) == 1.0, values(text)


@pytest.mark.parametrize(
    "text",
    ["It has to be said.", "it has to be done", "The answer has to be 42.", "Coffee, please."],
)
def test_has_to_be_without_a_day_is_nothing(text: str) -> None:
    assert values(text) == {}, values(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Large print again please, that really helped", "large print"),
        ("the printed agenda again please, it worked well", "printed agenda"),
        ("Weekly check-ins again pls, that was perfect", "weekly check-ins"),
    ],
)
def test_asked_again_because_it_worked(text: str, key: str) -> None:
    assert signs(text).get(key) == 1.0, values(text)


@pytest.mark.parametrize("text", ["Pizza again please", "Try again please, that worked"])
def test_again_without_it_worked_orders_once(text: str) -> None:
    assert values(text) == {}, values(text)


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("please txt me reminders", "text messages"),
        ("Email me receipts, I file them.", "email"),
        ("Please keep forwarding statements to my inbox.", "email"),
        ("Send the reports to my inbox, not by text.", "email"),
    ],
)
def test_the_channel_for_what_recurs(text: str, channel: str) -> None:
    assert signs(text).get(channel) == 1.0, values(text)


@pytest.mark.parametrize(
    "text", ["Text me the code.", "Email me the report.", "Send the report to my inbox."]
)
def test_one_delivery_is_no_channel_taste(text: str) -> None:
    assert "email" not in values(text) and "text messages" not in values(text), values(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Don't call the landlord for me. Write him a letter instead.",
            "write him a letter",
        ),
        ("Please don't print the slides. Share the PDF instead.", "share the pdf"),
        ("Please stop sending paper bills. Put them online instead.", "put them online"),
    ],
)
def test_the_request_in_place_of_a_refused_one(text: str, key: str) -> None:
    assert values(text).get(key) == f"asks instead to {key}", values(text)


@pytest.mark.parametrize(
    "text",
    [
        "Don't worry. I'll email them instead.",
        "Don't bother. Maybe tomorrow instead.",
        "Use a pencil instead.",
        "Please don't hesitate to ask. We can meet instead?",
    ],
)
def test_instead_without_a_refusal_or_as_a_statement(text: str) -> None:
    assert not any(v.startswith("asks instead") for v in values(text).values()), values(text)


@pytest.mark.parametrize(
    "text",
    [
        "i'm out all week, dont check voicemail",
        "I work nights, never check my phone before noon",
        "Im at the farm most days, dont have signal",
    ],
)
def test_a_bare_negation_after_i_is_the_speakers_habit(text: str) -> None:
    assert not any(v.startswith("asks not to") for v in values(text).values()), values(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I'm on a diet, don't add sugar", "sugar"),
        ("I'm new to this, don't use jargon", "jargon"),
        ("I'm vegan, don't send me meat recipes", "meat recipes"),
        ("I'm busy, please don't call", "call"),
    ],
)
def test_requests_after_i_stay(text: str, key: str) -> None:
    assert values(text)[key].startswith("asks not to"), values(text)


@pytest.mark.parametrize(
    "text", ["app push pls (not texts)", "push only, no sms", "push alerts please, not email"]
)
def test_the_push_channel_has_one_name(text: str) -> None:
    assert signs(text).get("push notifications") == 1.0, values(text)


def test_the_other_channel_after_by_is_the_channel() -> None:
    assert signs("Send the reports to my inbox, not by text.") == {
        "email": 1.0,
        "text messages": -1.0,
    }


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Just tables for the numbers please.", "tables"),
        ("just examples for the exercises pls", "examples"),
        ("only bullet points for the minutes please", "bullet points"),
    ],
)
def test_just_an_answer_form_for_a_thing(text: str, key: str) -> None:
    assert values(text).get(key) == f"asks only for {key}", values(text)
