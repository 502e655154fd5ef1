"""preference.v55: an object that begins with a personal pronoun (preferences.yaml
``pronoun_leads``) names no thing by its words. A pronoun followed only by adverbs ("it there",
"them alot", "him already") or by a circumstance ("it with my dad") is that pronoun, resolved as
a bare "it" is or no claim; before "to" + verb it is an outcome wanted of it, no taste; a
subject pronoun opens a clause ("I fear they judge me"), no thing; "love me some X" is X. A
clause after "when" with a subject of its own reads "it when" ("loves it when it rains").

Unchanged: a demonstrative determiner ("this chess set", "that garden"), a possessive ("its
colour", "her cooking"), the listener's act after "when" ("diagrams"), a bare "it" resolved.
"""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def signals(text: str) -> list[tuple[str, str]]:
    return [(s.key, s.value) for s in extracted(preference.NAME, text, "u1")]


def test_the_producer_is_v55() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("i joined the climbing gym on 5th street . i love it there", "climbing gym on 5th street"),
        ("i knit scarves and i love them alot", "scarves"),
        ("I finally bought a road bike. i adore it already", "road bike"),
        ("i got a puppy last week, i love him already", "puppy"),
        ("I went to the allotment today, love it out there", "allotment"),
        ("i tried bouldering. i like it more with friends", "bouldering"),
        ("i work at the museum downtown . i love it there .", "museum downtown"),
        ("love me some sourdough", "sourdough"),
    ],
)
def test_a_pronoun_with_adverbs_is_resolved(text: str, key: str) -> None:
    assert [k for k, _ in signals(text)] == [key]


@pytest.mark.parametrize(
    "text",
    [
        "we moved the aquarium to the den, i like it there now",
        "i play chess every night and enjoy it with my dad",
        "i fear they will laugh at my knitting",
        "For the cake I want it to look like the photo",
        "i dont mind it takes me ages to fix the car",
        "i do not know about that . i really enjoy it along with a nice iced tea .",
        "hello ! i love to travel and am planning of visiting seattle i love it there",
    ],
)
def test_no_object_begins_with_a_pronoun(text: str) -> None:
    leads = ("it", "them", "him", "us", "i", "they", "you", "we", "he", "she", "me", "about")
    got = signals(text)
    assert not [k for k, _ in got if k.split()[0] in leads], got


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("i love when it snows", "loves it when it snows"),
        (
            "i hate when they cancel my climbing class",
            "hates it when they cancel my climbing class",
        ),
    ],
)
def test_a_when_clause_with_its_own_subject_reads_it_when(text: str, value: str) -> None:
    assert value in [v for _, v in signals(text)]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I love this chess set", "chess set"),
        ("I like that garden a lot", "garden"),
        ("I love it when you send me diagrams", "diagrams"),
        ("I really like these gloves", "gloves"),
        ("i love its colour", "colour"),
        ("I bought a new carburettor and I like it", "new carburettor"),
    ],
)
def test_neighbours_stay(text: str, key: str) -> None:
    assert key in [k for k, _ in signals(text)]
