"""english v17: every way of opening a case to play out (``suppositions`` ``imagined``), by its
verb: pretending ("let's pretend I'm vegan", "pretend you're my landlord"), assuming ("assume I
hate crowds", "let's assume my boss reads my email"), a world or scene set up ("in a world
where I had a dog", "consider a scenario where ..."), the hypothetical named ("say
hypothetically ...", "for argument's sake ..."), and "let's" before these verbs. A case
imagined gives no standing claim of the speaker's: no fact, concern or failure. Neighbours with
the same words that are no imagined case stay as they were ("pretend play", "I pretend to be
busy", "Assuming the sync worked, ...": a condition)."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import concern, disclosure, failure, preference
from persona6.extract.text import load_lexicon, supposed


def keys(name: str, text: str) -> set[str]:
    return {s.key for s in extracted(name, text)}


def test_the_version_is_17_or_later() -> None:
    assert load_lexicon("english")["version"] >= 17


IMAGINED = [
    "Let's pretend I'm a vegan who hates spicy food, what would you cook for me?",
    "lets pretend i live in Norway, how much would a car cost",
    "Pretend I'm worried about my data being sold, what settings would I change?",
    "In a world where I had a dog, what breed would suit a small flat?",
    "Let's assume my boss reads all my emails, is that legal?",
    "Consider a scenario where I'm a student in Berlin and broke",
    "Say hypothetically the app crashed and I lost my notes, what then?",
    "For argument's sake, the sync failed and wiped my photos. Who pays?",
    "Let's imagine the site goes down during the sale, what's the plan?",
    "as a thought experiment, say our server got hacked",
]


@pytest.mark.parametrize("text", IMAGINED)
def test_an_imagined_case_is_supposed_whole(text: str) -> None:
    found = supposed(text, len(text.split(".")[0]) - 2, ("imagined",))
    assert found is not None, text


@pytest.mark.parametrize(
    ("text", "name", "key"),
    [
        (IMAGINED[0], disclosure.NAME, "diet"),
        (IMAGINED[1], disclosure.NAME, "home"),
        (IMAGINED[1], concern.NAME, "cost"),
        (IMAGINED[2], concern.NAME, "privacy"),
        (IMAGINED[3], disclosure.NAME, "pets"),
        (IMAGINED[4], concern.NAME, "compliance"),
        (IMAGINED[5], disclosure.NAME, "education"),
    ],
)
def test_an_imagined_case_gives_no_standing_claim(text: str, name: str, key: str) -> None:
    assert not any(k.startswith(key) for k in keys(name, text)), (text, keys(name, text))


@pytest.mark.parametrize(
    ("text", "name", "key"),
    [
        ("Pretend play is great for toddlers, any ideas?", preference.NAME, "pretend play"),
        ("I pretend to be busy when my boss walks by, I work at a bank", disclosure.NAME, "work"),
        ("I assume you know I hate crowds", preference.NAME, "crowds"),
        ("The app crashed again and I lost my draft", failure.NAME, "user_reported"),
        ("Assuming the sync worked, I checked and my files were gone", concern.NAME, "data_loss"),
        ("I can't imagine losing those photos", concern.NAME, "data_loss"),
        ("Let's go with the cheaper plan", concern.NAME, "cost"),
    ],
)
def test_neighbours_stay(text: str, name: str, key: str) -> None:
    assert any(k.startswith(key) for k in keys(name, text)), (text, keys(name, text))
