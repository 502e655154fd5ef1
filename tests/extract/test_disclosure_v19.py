"""persona6.disclosure.v19 (english v8): after "have", a word ending in "-en", "-wn" or "-ne"
is a past participle only as irregular_verbs lists it ("eaten", "shown", "done"): "I have seven
siblings", "I have brown eyes" and "I can't have gluten" state what the speaker has or eats."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure
from persona6.extract import text as tx


def keys(text: str) -> set[str]:
    return {s.key for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v19() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I have seven siblings.", "family:seven siblings"),
        ("I have brown eyes.", "appearance:brown eyes"),
        ("I can't have gluten.", "diet:eat gluten"),
        # a listed participle is still one
        ("I have eaten sushi before.", "diet:eaten sushi"),
    ],
)
def test_a_noun_in_en_after_have_is_no_participle(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    ("word", "participle"),
    [
        ("eaten", True),
        ("shown", True),
        ("done", True),
        ("risen", True),
        ("loved", True),
        ("gluten", False),
        ("seven", False),
        ("brown", False),
        ("kitchen", False),
        ("rose", False),
    ],
)
def test_which_words_are_participles_after_have(word: str, participle: bool) -> None:
    assert tx._is_participle(word) is participle
