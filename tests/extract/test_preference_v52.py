"""preference.v52: a pronoun subject of a frame of benefit ("It helps me relax", "it keeps me
sane", "It really calms me down") points at the thing the speaker said they do, took up or
have in the clause just before (``_speaker_thing``; preferences.yaml ``speaker_things``,
frames with ``pronoun: speaker``, ``relief_idioms``), or at a phrase with no verb set before it
in the same sentence; and "I've been getting into X", "I'm getting really into X" begin a
taste as "I got into X" does (not a place, a state or an admission: entering ``places``).

Unchanged (silent): a pronoun with nothing of the speaker's before it, someone else's thing, a
person, a social reply, the listener's act, a question; "I got into trouble", "getting into
the car".
"""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def claims(text: str) -> list[tuple[str, float]]:
    return [(s.key, s.polarity) for s in extracted(preference.NAME, text, "u1")]


def test_the_producer_is_v52() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I started knitting last winter. It helps me relax.", "knitting"),
        ("I go cycling every weekend. It clears my head.", "cycling"),
        ("gardening on sundays, it keeps me sane", "gardening"),
        ("i do jigsaw puzzles most evenings. it helps me unwind", "jigsaw puzzles"),
        ("I've been swimming every morning, it clears my head", "swimming"),
        ("I took up pottery in the spring. It really helps me switch off.", "pottery"),
        ("I do a lot of baking. It calms me down", "baking"),
        ("I've been getting into bouldering lately", "bouldering"),
        ("I'm getting really into baking", "baking"),
    ],
)
def test_what_the_speaker_does_is_liked(text: str, key: str) -> None:
    assert (key, 1.0) in claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "It helps me relax.",
        "My boss sent the report. It helps me plan the week.",
        "The dentist gave me a new mouthguard. It helps me sleep.",
        "My husband plays golf. It helps him relax.",
        "My sister bought a rowing machine, it keeps her sane",
        "Thanks for the tips. It really calms me down.",
        "You recommended that podcast and it calms me down",
        "Did it help you relax?",
        "I got into trouble at school",
        "I'm getting into the car now",
        "I got into debt last year",
    ],
)
def test_neighbours_stay_silent(text: str) -> None:
    assert claims(text) == []
