"""preference.v32: a request or a want scoped to the moment ("Only for this booking, ...",
"... tonight") is no standing preference; a channel's verb against another in -ing ("email
the reminders instead of texting") is a choice of channel with the other side against."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def _claims(text: str) -> list[tuple[str, float]]:
    return [(s.key, s.polarity) for s in extracted(preference.NAME, text, "u1")]


def test_the_producer_is_v32() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    "text",
    [
        "Only for this booking, put me in an aisle seat.",
        "Just for today, skip the cardio warmup.",
        "Only for this trip, leave out the museum visits.",
        "Just for this session, leave out the citations.",
        "For this one, use metric units.",
        "I want to grill burgers tonight.",
        "Tonight I want to watch a horror film.",
        "I'd like a quiet table this evening.",
        "Just for tonight, I don't want any spicy food.",
        "Only for this booking, I'd like a window seat.",
    ],
)
def test_a_request_scoped_to_the_moment_is_no_preference(text: str) -> None:
    assert _claims(text) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("From now on, leave out the museum visits.", "museum visits"),
        ("I always want extra cheese, even tonight.", "extra cheese"),
        ("Tonight I realized I love jazz.", "jazz"),
        ("I like to cook pasta on weekends.", "cook pasta"),
        ("I love hiking in the evening.", "hiking"),
        ("I love a quiet table in the evening.", "quiet table"),
        ("I'm not a fan of spicy food.", "spicy food"),
        ("I prefer aisle seats.", "aisle seats"),
    ],
)
def test_standing_requests_and_tastes_stay(text: str, key: str) -> None:
    assert key in [k for k, _ in _claims(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Do you want to eat out tonight?",
        "She said she wants pizza tonight.",
        "Could you do that just for today?",
    ],
)
def test_questions_and_reported_wants_stay_empty(text: str) -> None:
    assert _claims(text) == []


@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        (
            "Going forward, text the appointment reminders instead of calling.",
            "text messages for reminders",
            "phone calls for reminders",
        ),
        (
            "Please text the reminders rather than emailing them.",
            "text messages for reminders",
            "email for reminders",
        ),
        (
            "Please send the statements by email instead of texting.",
            "email for statements",
            "text messages for statements",
        ),
        (
            "From now on, email the invoices instead of texting them.",
            "email for invoices",
            "text messages for invoices",
        ),
        (
            "From now on, post it in Slack instead of emailing it.",
            "slack",
            "email",
        ),
        (
            "Going forward, share the updates in Slack instead of emailing them.",
            "slack for updates",
            "email for updates",
        ),
        (
            "As usual, email the receipts rather than texting them.",
            "email for receipts",
            "text messages for receipts",
        ),
        (
            "In future, email the reminders instead of messaging.",
            "email for reminders",
            "text messages for reminders",
        ),
    ],
)
def test_a_channel_verb_against_another_in_ing_is_a_channel_choice(
    text: str, chosen: str, other: str
) -> None:
    claims = _claims(text)
    assert (chosen, 1.0) in claims
    assert (other, -1.0) in claims


@pytest.mark.parametrize(
    "text",
    [
        "Post it in Slack instead of emailing it.",
        "Please email me the invoice.",
        "Email the report instead of texting it, this time.",
        "Only for this order, email the receipt instead of texting.",
        "Did you email the reminders instead of texting?",
        "He said to email the invoices instead of texting them.",
        "I emailed the invoices instead of texting them.",
        "Use Python instead of emailing.",
    ],
)
def test_a_one_off_or_no_request_of_channels_stays_empty(text: str) -> None:
    assert not [k for k, p in _claims(text) if "email" in k or "text" in k or "slack" in k]
