"""preference.v46: what sustains the person, by the class of sustaining verbs with the speaker
as object.

"keeps me" / "helps (to) keep me" / "helps me stay, feel, remain" + a state of well-being a
person seeks (motivated, focused, sane, grounded, going, on track, fit ...), and "fuels /
feeds / sparks / boosts / fires up my" + a faculty (creativity, imagination, curiosity, mood
...) say that the thing named helps the speaker ("is helped by"). Neighbours stay unread: a
state that can be a complaint ("keeps me awake / busy / up"), a negation, a subject further
back ("... and keeps me going"), a pronoun subject, a question to the listener."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def claims(text: str) -> list[tuple[str, str, float]]:
    return [(s.key, s.value, s.polarity) for s in extracted(preference.NAME, text, "u1")]


def test_the_producer_is_v46() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Running keeps me sane.", "running"),
        ("Morning pages keep me grounded.", "morning pages"),
        ("Lifting weights helps me stay motivated.", "lifting weights"),
        ("Meal prep keeps me on track during the week.", "meal prep"),
        ("coffee keeps me going on night shifts", "coffee"),
        ("Podcasts help me stay focused while I clean.", "podcasts"),
        ("Journaling helps me feel grounded.", "journaling"),
        ("Weekly climbing sessions keep me fit.", "weekly climbing sessions"),
        ("Yoga tends to keep me calm.", "yoga"),
        ("cooking seems to help me stay focused", "cooking"),
        ("Jazz fuels my creativity.", "jazz"),
        ("Old sci-fi novels always feed my imagination.", "old sci-fi novels"),
        ("Museum visits spark my curiosity.", "museum visits"),
        ("Gardening really boosts my mood.", "gardening"),
        ("Travel sparks my imagination.", "travel"),
    ],
)
def test_a_sustaining_verb_with_the_speaker_as_object_is_read(text: str, key: str) -> None:
    assert (key, f"is helped by {key}", 1.0) in claims(text), claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "Caffeine keeps me awake.",
        "The noise keeps me up at night.",
        "My job keeps me busy.",
        "It keeps me going.",
        "That really helps me stay focused.",
        "Coffee doesn't keep me focused anymore.",
        "Jazz never fuels my creativity.",
        "Nothing keeps me motivated lately.",
        "My boss keeps me waiting.",
        "Does running keep you sane?",
        "Absolutely, it means a lot and keeps me going.",
        "This keeps me going.",
    ],
)
def test_neighbours_stay_unread(text: str) -> None:
    assert claims(text) == [], claims(text)


def test_helps_me_relax_stays_enjoys() -> None:
    assert ("yoga", "enjoys yoga", 1.0) in claims("Yoga helps me relax.")
