"""persona6.disclosure.v24 (issue #3, LoCoMo evidence recall): what the speaker is doing, made
or went to, said as people say it in chat, is a fact of their life.

- "I've been <verb>ing ..." and "Been <verb>ing ..." (its "I've" left out) are under way, as
  "I'm <verb>ing" is; "working on" a thing named with no definite article is an activity;
- a thing in a shared picture is the object of the relative clause after it
  (``picture_nouns``; ``picture_verbs`` act on the picture itself);
- a place one goes out to is no step of a task, whatever its article (``outing_places``);
- a verb of trying with a mark of a first go is an event (``first_try_verbs``,
  ``first_try_marks``);
- a thing pointed at with a frequency is a habit;
- an age said as a noun after "my" or "our" is a child (``child_ages``, ``child_age_units``).

Reactions to the other person, questions, reported speech, hypotheticals and feelings stay
no fact.
"""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def claims(text: str) -> set[tuple[str, str]]:
    return {(s.key, s.value) for s in extracted(disclosure.NAME, text, "u1")}


def keys(text: str) -> set[str]:
    return {key for key, _ in claims(text)}


def test_the_producer_is_v24() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        # under way up to now, with or without "I've"
        (
            "Been restoring an old sailboat with my uncle.",
            "activities:restoring an old sailboat with my uncle",
            "is restoring an old sailboat with my uncle",
        ),
        (
            "I've been restoring old furniture for the neighbours.",
            "activities:restoring old furniture for the neighbours",
            "is restoring old furniture for the neighbours",
        ),
        # working on a thing of one's own
        (
            "Hi! I'm working on a children's picture book about foxes.",
            "activities:working on a children's picture book about foxes",
            "is working on a children's picture book about foxes",
        ),
        (
            "Been working on some watercolour portraits.",
            "activities:working on some watercolour portraits",
            "is working on some watercolour portraits",
        ),
        # a thing shown in a picture, made by the speaker
        (
            "Here's a photo of a quilt I sewed over the winter!",
            "activities:sewed a quilt",
            "sewed a quilt",
        ),
        (
            "Here's a snap of the treehouse I built.",
            "activities:built the treehouse",
            "built the treehouse",
        ),
        # a place gone out to
        (
            "We explored the waterfalls near the cabin.",
            "activities:explored the waterfalls near the cabin",
            "(with others) explored the waterfalls near the cabin",
        ),
        # a first go
        (
            "I tried paddleboarding for the first time.",
            "activities:tried paddleboarding",
            "tried paddleboarding for the first time",
        ),
        (
            "Last month I tried my hand at pottery.",
            "activities:tried my hand at pottery",
            "tried my hand at pottery",
        ),
        # a thing pointed at, done often
        (
            "I make this lemon loaf every weekend.",
            "habits:make this lemon loaf",
            "makes this lemon loaf every weekend",
        ),
    ],
)
def test_a_fact_of_a_life_said_in_chat(text: str, key: str, value: str) -> None:
    assert (key, value) in claims(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Our two-year-old refuses to nap these days.", "family:two year old child"),
        ("my 8 year old just lost a tooth", "family:8 year old child"),
        ("We took my 18-month-old to the beach.", "family:18 month old child"),
    ],
)
def test_an_age_said_as_a_noun_is_a_child(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        # an age of a thing or of oneself
        "My 5 year old laptop finally died.",
        "My 30-year-old self would laugh at this.",
        # the listener's child
        "Your three-year-old is adorable!",
    ],
)
def test_an_age_of_a_thing_or_of_another_is_no_child(text: str) -> None:
    assert not any(k.startswith("family:") for k in keys(text))


@pytest.mark.parametrize(
    "text",
    [
        # reactions to the other person, questions
        "That sounds amazing, you've been working so hard!",
        "Have you been working on a new song?",
        "Did you try surfing for the first time?",
        # reported speech and another's doing
        "She said she's been restoring an old sailboat.",
        "My sister has been working on a new novel.",
        # hypotheticals
        "If I tried surfing for the first time I'd fall straight off.",
        "I'd love to try pottery for the first time someday.",
        # feelings are the concern extractor's
        "I've been struggling lately.",
        "I've been feeling really down.",
        # a step of the task at hand
        "I'm working on it.",
        "I'm working on the migration.",
        "I tried restarting it.",
        "I tried the new export for the first time.",
        "I checked the park settings.",
        "I changed the market filter.",
        # a picture taken, no act on what it shows; a verb in a relative clause
        "Here's a photo of my garden I took.",
        "I'm really proud of the progress I've been making.",
        # a thing pointed at that names nothing, or a taste
        "I do this every day.",
        "I love this song and play it all the time.",
    ],
)
def test_neighbours_stay_no_activity(text: str) -> None:
    found = keys(text)
    assert not any(k.startswith(("activities:", "habits:")) for k in found), found


def test_a_noun_phrase_cut_at_a_quote_is_no_object() -> None:
    assert "activities:took regular" not in keys('I took regular "me-time" walks.')


def test_options_are_no_thing_of_ones_own() -> None:
    assert not keys("Lately I've been exploring options.")
    assert "personal:options" not in keys("My options are limited.")
