"""persona6.style.v13: style is read in the person's own words only (a forwarded email or a
line quoted with ">" is pasted material, not their tone or their questions), and a statement
answers another person's question only when the product has not answered it in between."""

from __future__ import annotations

from tests.extract.test_style import bot, said, style

FORWARDED = (
    "Got this confirmation, is it right?\n\n"
    "----- Forwarded message -----\n"
    "From: orders@shop.example\n"
    "Subject: Your order #88213 is confirmed!\n\n"
    "Hi Oona,\n"
    "Thanks for shopping with us! We love hearing from customers like you. "
    "You prefer fast shipping? Upgrade to Express for $9.99.\n"
    "I am excited to tell you about our loyalty club!\n"
)
QUOTED = "> Thanks for shopping with us! You prefer fast shipping? We love our customers."


# -- pasted material is not the person's tone -------------------------------------------------


def test_a_forwarded_email_shows_no_warmth_and_its_questions_ask_nothing() -> None:
    found = style([said(1, FORWARDED), said(2, "ok. where is my order")])
    assert "warmth" not in found
    cited = [e.quote for s in found.values() for e in s.evidence]
    assert not any("Forwarded" in q or "orders@" in q or "We love" in q for q in cited)


def test_the_persons_own_words_around_a_forward_still_count() -> None:
    text = FORWARDED + "\nThanks so much for checking! 🙂"
    found = style([said(1, text)])
    quotes = [e.quote for e in found["warmth"].evidence]
    assert quotes and all(q in "Thanks so much for checking! 🙂" for q in quotes)
    mode = found["mode"]
    assert mode.value == "asking"
    assert [e.quote for e in mode.evidence] == ["Got this confirmation, is it right?"]


def test_a_quoted_line_alone_shows_no_warmth_and_no_mode() -> None:
    found = style([said(1, QUOTED), said(2, QUOTED)])
    assert "warmth" not in found
    assert "mode" not in found
    assert "verbosity" not in found


def test_a_quoted_line_with_a_question_of_ones_own_asks() -> None:
    found = style([said(1, QUOTED + "\nis this legit?")])
    assert found["mode"].value == "asking"
    assert [e.quote for e in found["mode"].evidence] == ["is this legit?"]
    assert "warmth" not in found


def test_warmth_in_ones_own_words_is_unchanged() -> None:
    found = style([said(1, "Thanks for shopping with me! We love it.")])
    assert found["warmth"].value == "warm"


# -- answering another person: not after the product answered ---------------------------------


def test_a_remark_after_the_product_answered_the_others_question_helps_no_one() -> None:
    session = [
        said(1, "Quick one: how far are we from the house deposit goal?", "u-luis"),
        bot(2, "You have saved 9,800 of 30,000."),
        said(3, "Only 9,800... I keep lying awake thinking we'll never get there.", "u-dana"),
    ]
    assert "helps_others" not in style(session, "u-dana")


def test_an_answer_to_the_others_question_with_no_product_answer_between_helps() -> None:
    session = [
        said(1, "Quick one: how far are we from the house deposit goal?", "u-luis"),
        said(2, "We have about 9,800 saved, I checked this morning.", "u-dana"),
        bot(3, "You have saved 9,800 of 30,000."),
    ]
    signal = style(session, "u-dana")["helps_others"]
    assert [e.event_id for e in signal.evidence] == ["e2"]
