"""preference.v48: what a thing does for the person and what the person holds dear, each read
by a word class (preferences.yaml frames and frame_words).

- What a thing gives (``joy_nouns``, ``meaning_nouns``, ``boon_measures``): "X brings me tons of
  joy", "X has always brought me joy", "X gives me a sense of purpose", "X gave me courage".
- What "helps me" do (``relief_verbs``): "X helps me focus / cope / sleep / think".
- How a thing makes the person feel (``good_feelings``): "X has made me feel accepted".
- What doing a thing gives (``fulfilment_adjectives``): "It's so freeing to X", "I find X
  rewarding".
- Its place in the person's life (``life_part_sizes``): "X is a big part of my life", "X has a
  lot of significance for me", "X holds a special place in my heart", "X is close to my
  heart", "I can't imagine my life without X", "I really believe in X".

Not a pronoun ("It helps me relax": named in the turn before), not negated, not someone else's,
not the listener's ("Your words bring me comfort", "I believe in you"), not a question, not a
reaction to what is seen or heard ("It's so satisfying to see what you do").
"""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def claims(text: str) -> list[tuple[str, str, float]]:
    return [(s.key, s.value, s.polarity) for s in extracted(preference.NAME, text, "u1")]


def test_the_producer_is_v48() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "key", "says"),
    [
        # what a thing gives
        ("Volunteering gives me a sense of purpose.", "volunteering", "values"),
        ("Yoga gives me real peace.", "yoga", "is made happy by"),
        ("Music gives me strength on hard days.", "music", "values"),
        ("Painting has always brought me joy.", "painting", "is made happy by"),
        ("cooking for other people gives me satisfaction", "cooking for other people", "values"),
        # what "helps me" do
        ("Journaling helps me to process my day.", "journaling", "is helped by"),
        ("Long walks help me think.", "long walks", "is helped by"),
        ("Reading before bed helps me sleep.", "reading before bed", "is helped by"),
        ("Podcasts help me focus when I code.", "podcasts", "is helped by"),
        ("Meditation helps me cope with stress.", "meditation", "is helped by"),
        # how it makes the person feel
        (
            "Volunteering at the shelter has made me feel accepted.",
            "volunteering at the shelter",
            "is made happy by",
        ),
        ("Warrior II makes me feel strong.", "warrior ii", "is made happy by"),
        # what doing it gives
        ("It's so freeing to dance without an audience.", "dance without an audience", "values"),
        ("its really rewarding to teach kids to read", "teach kids to read", "values"),
        ("I find woodworking so rewarding.", "woodworking", "rates highly:"),
        ("I find teaching really fulfilling.", "teaching", "rates highly:"),
        # its place in the person's life
        ("Dance is a big part of my life.", "dance", "values"),
        ("Music has always been a huge part of my life.", "music", "values"),
        ("That old cabin has special meaning for me.", "old cabin", "values"),
        ("Sailing holds a special place in my heart.", "sailing", "values"),
        ("Jazz will always hold a special place in my heart.", "jazz", "values"),
        ("Animal welfare is close to my heart.", "animal welfare", "values"),
        ("Education is near and dear to my heart.", "education", "values"),
        ("I can't imagine my life without books.", "books", "values"),
        ("i cant picture life without coffee", "coffee", "values"),
        ("I really believe in second chances.", "second chances", "believes in"),
    ],
)
def test_what_a_thing_does_for_the_person(text: str, key: str, says: str) -> None:
    assert (key, f"{says} {key}", 1.0) in claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "It helps me relax.",
        "Thanks! It gives me hope that you made it.",
        "It's been a big part of my life.",
        "Your words bring me so much comfort.",
        "Your friendship holds a special place in my heart.",
        "You're a big part of my life, thanks!",
        "I believe in you!",
        "I believe in your power to make a difference.",
        "I don't believe in luck.",
        "Running doesn't help me relax.",
        "He says fishing brings him peace.",
        "He can't imagine life without his dog.",
        "Good luck, hope the trip brings you joy!",
        "Would gardening help me relax?",
        "Can you imagine life without phones?",
        "Can you help me focus on the budget section?",
        "The meeting gave me a headache.",
        "It's so satisfying to see what you do with your garden.",
        "It's great to hear from you!",
        "Is it rewarding to teach?",
        "It's so rewarding to have my hard work pay off like this.",
        "She's brought me so much joy!",
        "Watching the sunset was so peaceful, it made me feel connected to nature.",
        "Since I was 17 or so. I find it soempowering and cathartic.",
        "Your support means a lot, thanks!",
    ],
)
def test_no_taste_of_the_speaker(text: str) -> None:
    assert claims(text) == []


def test_a_subject_further_back_is_not_read() -> None:
    """ "cooking seems to help me stay focused": cooking, not "cooking seems" (v46's frame)."""
    said = claims("cooking seems to help me stay focused but baking i get distracted")
    assert ("cooking", "is helped by cooking", 1.0) in said
    assert all(key != "cooking seems" for key, _, _ in said)
