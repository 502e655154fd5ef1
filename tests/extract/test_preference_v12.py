"""persona6.preference.v12: lists of verb phrases, and remarks after a comma that are no items."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import EXTRACTORS, preference

EXTRACTOR = EXTRACTORS[preference.NAME]


def values(text: str) -> dict[str, str]:
    return {s.key: s.value for s in extracted(EXTRACTOR.name, text, "u1")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun and a verb of a pastime ("bird watch") is a verb phrase, as "hike" is
        (
            "I like to bike ride, bird watch and hike",
            {
                "bike ride": "likes to bike ride",
                "bird watch": "likes to bird watch",
                "hike": "likes to hike",
            },
        ),
        (
            "I love to rock climb, kayak and surf",
            {
                "rock climb": "loves to rock climb",
                "kayak": "loves to kayak",
                "surf": "loves to surf",
            },
        ),
        (
            "I like to read novels, swim and people watch",
            {
                "read novels": "likes to read novels",
                "swim": "likes to swim",
                "people watch": "likes to people watch",
            },
        ),
        # already so: after a bare verb, "-ing" forms, and a verb's objects
        (
            "I love to cook, bake, and garden",
            {"cook": "loves to cook", "bake": "loves to bake", "garden": "loves to garden"},
        ),
        (
            "I enjoy reading, swimming and painting",
            {
                "reading": "enjoys reading",
                "swimming": "enjoys swimming",
                "painting": "enjoys painting",
            },
        ),
        (
            "I like to eat pizza, pasta and tacos",
            {
                "eat pizza": "likes to eat pizza",
                "eat pasta": "likes to eat pasta",
                "eat tacos": "likes to eat tacos",
            },
        ),
        (
            "I like to play chess, checkers and cards",
            {
                "play chess": "likes to play chess",
                "play checkers": "likes to play checkers",
                "play cards": "likes to play cards",
            },
        ),
    ],
)
def test_a_list_of_verb_phrases_gives_one_preference_per_item(
    text: str, expected: dict[str, str]
) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("I love hiking with my dad, good times", "hiking with my dad"),
        ("I like the new layout, nice work", "new layout"),
        ("I love sushi, so good!", "sushi"),
        ("I really enjoy jazz, wow", "jazz"),
        ("I love the beach, amazing!", "beach"),
        ("I appreciate our friendship too, Caroline.", "our friendship"),
        ("I love painting, Mel!", "painting"),
        ("I like the new layout, John", "new layout"),
        ("The kids are so cute, Mel!", "kids"),
    ],
)
def test_a_remark_or_an_address_after_a_comma_is_no_item(text: str, kept: str) -> None:
    found = values(text)
    assert len(found) == 1, found
    assert kept.split()[-1] in next(iter(found))


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("I like tea, coffee and juice", ["tea", "coffee", "juice"]),
        ("I like tea, good coffee and cake", ["tea", "good coffee", "cake"]),
        ("I love hiking, nice views, and fresh air", ["hiking", "nice views", "fresh air"]),
        ("i like pasta, pizza.", ["pasta", "pizza"]),
        ("I like Radiohead, Muse", ["radiohead", "muse"]),
        ("I love my dog, Max", ["dog", "max"]),  # a name for what came before
        ("I love cooking, swimming, dogs.", ["cooking", "swimming", "dogs"]),
    ],
)
def test_a_list_with_commas_still_gives_every_item(text: str, keys: list[str]) -> None:
    assert list(values(text)) == keys
