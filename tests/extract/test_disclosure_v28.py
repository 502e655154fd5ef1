"""persona6.disclosure.v28: what a case supposed governs is read by the shared guard
(``text.supposed``, english ``suppositions``) instead of disclosure's own phrase list; a
consequence to come or unreal before the condition that governs it is not so either."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure


def keys(text: str) -> set[str]:
    return {s.key for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_v28() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # over LoCoMo and PersonaExt: each was a fact before
        ("Thanks! I'll reach out if I need anything.", "plans:reach out"),
        ("i could teach you if you want.", "work:teach you"),
        ("i would play soccer all day if i could.", "habits:play soccer"),
        (
            "i love to cook! i would spend all day in the kitchen if i could.",
            "habits:spend all day in the kitchen",
        ),
        ("i would not have got my 3 tattoos if he was here to stop me", "appearance:3 tattoos"),
        (
            "oh no what is wrong? as long as we can watch youtube videos all day",
            "plans:watch youtube videos",
        ),
    ],
)
def test_a_consequence_of_a_condition_after_it_is_not_so(text: str, gone: str) -> None:
    assert gone not in keys(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("When I retire I'll move to Spain.", "plans:move to spain"),
        ("I'm moving to Denver in May.", "plans:moving to denver"),
        ("I would not have got my 3 tattoos if he was here to stop me", "appearance:tattoos"),
        ("If I have time I go hiking every weekend.", "habits:go hiking"),
        ("I have a dog. What if he gets sick?", "pets:dog"),
    ],
)
def test_what_is_so_stays(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "Were I to switch careers, I'd study nursing.",
        "In case I adopt a rescue dog, can I add it later?",
        "I wish I had my own studio.",
        "What if I started my own business?",
    ],
)
def test_a_case_supposed_stays_no_fact(text: str) -> None:
    assert not keys(text)
