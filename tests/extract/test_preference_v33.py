"""preference.v33: the other side after ", not the"; "skip X" against a kind of thing; a
relative clause ends the object; a choice within a shared frame keys the compared heads; a
channel's verb with "me" and any thing in the plural against a channel's verb in -ing."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def _claims(text: str) -> dict[str, float]:
    return {s.key: s.polarity for s in extracted(preference.NAME, text, "u1")}


def _values(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v33() -> None:
    assert preference.NAME == "persona6.preference.v57"


# 1. "I'd like X, not the Y": the other side keeps its article and is against.
@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        (
            "For the return, I'd like the morning flight, not the red-eye.",
            "morning flight",
            "red-eye",
        ),
        ("I'd like the morning flight, not the red-eye.", "morning flight", "red-eye"),
        ("For dinner, I'd like the fish, not the steak.", "fish", "steak"),
        ("I prefer tea, not the coffee.", "tea", "coffee"),
        ("I like the window seat, not the aisle seat.", "window seat", "aisle seat"),
        ("I prefer morning flights, not the red-eyes.", "morning flights", "red-eyes"),
    ],
)
def test_the_other_side_after_not_the_is_against(text: str, chosen: str, other: str) -> None:
    claims = _claims(text)
    assert claims[chosen] == 1.0
    assert claims[other] == -1.0
    assert _values(text)[other].startswith(f"against {other} (")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I'd like the morning flight, not a red-eye fan though.", {"morning flight": 1.0}),
        ("I like it, not the point though.", {}),
        ("I prefer the morning flight, not sure why.", {"morning flight": 1.0}),
        ("I hate tea, not the coffee.", {"tea": -1.0}),  # after a dislike: says little
    ],
)
def test_a_remark_or_a_dislike_before_not_the_stays_as_it_was(
    text: str, found: dict[str, float]
) -> None:
    assert _claims(text) == found


# 2. "skip X": against a kind of thing; the one at hand or a time of the moment is no taste.
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Please skip the red-eyes.", "red-eyes"),
        ("Skip the red-eyes, please.", "red-eyes"),
        ("Always skip the red-eyes when you book.", "red-eyes"),
        ("Skip red-eye flights.", "red-eye flights"),
        ("Skip dessert for me.", "dessert"),
        ("From now on skip the museum visits.", "museum visits"),
        ("Going forward skip the layovers.", "layovers"),
        ("Always skip the dessert.", "dessert"),  # a standing marker: every dessert
        ("Skip the tourist traps when you plan trips.", "tourist traps"),
    ],
)
def test_skip_a_kind_of_thing_is_against_it(text: str, key: str) -> None:
    assert _claims(text) == {key: -1.0}
    assert _values(text)[key] == f"asks to skip {key}"


@pytest.mark.parametrize(
    "text",
    [
        "Skip the dessert tonight.",
        "Skip the dessert.",  # the one at hand
        "Just for today, skip the warmups.",
        "Just for today, skip the cardio warmup.",
        "Skip the intro this time.",
        "Skip to the end.",
        "Skip it.",
        "Did you skip the red-eyes?",
        "She said to skip the red-eyes.",
        "I skip breakfast.",
    ],
)
def test_skip_of_the_moment_a_question_or_a_report_is_no_preference(text: str) -> None:
    assert _claims(text) == {}


def test_skip_an_aspect_of_answers_stays_the_answer_frames() -> None:
    assert _values("Skip the pleasantries.") == {"pleasantries": "asks for no pleasantries"}
    assert _claims("Don't skip the warmups.") == {"skip the warmups": -1.0}


# 5. A relative clause with its own subject ends the object phrase.
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Please always cite the doc page you got that from.", "cite the doc page"),
        ("Please always cite the sources that you used.", "cite the sources"),
        ("Always use the format we discussed.", "format"),
        ("I like the songs that you sent.", "songs"),
        ("I hate the noise they make.", "noise"),
        ("I want the book she recommended.", "book"),
        ("I am a big fan of pink floyd they make magical music", "pink floyd"),
    ],
)
def test_a_relative_clause_ends_the_object(text: str, key: str) -> None:
    assert list(_claims(text)) == [key]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I love songs that make me cry.", "songs that make me cry"),  # says what kind
        ("I like it when you cite sources.", "cite sources"),
        ("I'd like you to cite sources.", "cite sources"),
        ("I love hearing you talk about it.", "hearing you talk about it"),
        ("I love the time we spent together.", "time we spent together"),
        ("I love to sing and sometimes i like to rap", "sing and sometimes i like to rap"),
    ],
)
def test_a_clause_of_its_kind_or_after_no_noun_stays(text: str, key: str) -> None:
    assert key in _claims(text)


def test_the_quote_keeps_the_relative_clause_the_key_leaves_out() -> None:
    (signal,) = extracted(preference.NAME, "Please cite the query you used, next time", "u1")
    assert signal.key == "cite the query"
    assert signal.evidence[0].quote.endswith("you used")


# 4. "H in A rather than B": the compared heads, with the frame's noun.
@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        (
            "Send invoices in euros rather than dollars.",
            "euros for invoices",
            "dollars for invoices",
        ),
        (
            "Please send the invoices in euros rather than dollars.",
            "euros for invoices",
            "dollars for invoices",
        ),
        (
            "I want prices in metric rather than imperial.",
            "metric for prices",
            "imperial for prices",
        ),
        ("I prefer books in English, not French.", "english for books", "french for books"),
        ("Recipes in grams rather than cups, please.", "grams for recipes", "cups for recipes"),
        ("I like tea with milk rather than lemon.", "milk for tea", "lemon for tea"),
    ],
)
def test_a_choice_in_a_shared_frame_keys_the_compared_heads(
    text: str, chosen: str, other: str
) -> None:
    assert _claims(text) == {chosen: 1.0, other: -1.0}
    value = _values(text)[other]
    assert value.startswith(f"against {other} (") and value.endswith(" instead)")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I'd rather have coffee in the morning than tea.", {"have coffee": 1.0, "tea": -1.0}),
        ("I prefer to pay by card rather than cash.", {"pay by card": 1.0, "cash": -1.0}),
        ("I prefer charts over tables.", {"charts": 1.0, "tables": -1.0}),
        ("I like tea, not coffee.", {"tea": 1.0, "coffee": -1.0}),
    ],
)
def test_a_contrast_outside_a_shared_frame_keeps_its_keys(
    text: str, found: dict[str, float]
) -> None:
    assert _claims(text) == found


# 6. A channel's verb with "me" and a thing in the plural against a channel's verb in -ing.
@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        (
            "Text me the codes rather than emailing them.",
            "text messages for codes",
            "email for codes",
        ),
        (
            "Text me the codes instead of mailing them.",
            "text messages for codes",
            "email for codes",
        ),
        (
            "Email me the codes instead of texting them.",
            "email for codes",
            "text messages for codes",
        ),
        (
            "Please text me the codes rather than emailing them.",
            "text messages for codes",
            "email for codes",
        ),
        (
            "Text me the login codes rather than emailing them.",
            "text messages for codes",
            "email for codes",
        ),
        (
            "Email me the weekly reports instead of texting them.",
            "email for reports",
            "text messages for reports",
        ),
        ("Text me instead of mailing me.", "text messages", "email"),
    ],
)
def test_a_channel_verb_to_me_against_another_in_ing_chooses_the_channel(
    text: str, chosen: str, other: str
) -> None:
    assert _claims(text) == {chosen: 1.0, other: -1.0}


@pytest.mark.parametrize(
    "text",
    [
        "Text me the code rather than emailing it.",  # one thing
        "Email me the receipts instead of mailing them.",  # one channel on both sides
        "Did you text me the codes rather than emailing them?",
        "Post it in Slack instead of emailing it.",
        "Please email me the invoice.",
        "Email me the report.",
    ],
)
def test_one_delivery_or_no_choice_of_channel_stays_empty(text: str) -> None:
    assert _claims(text) == {}
