"""persona6.disclosure.v15 (english v7): a possessive idiom of the mind or of manner is no
activity ("I changed my mind", "we made up our minds"), and a verb that doubles its last
consonant is known in all its forms ("I previously preferred X" is a taste, the preference
extractor's, not something the speaker did)."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure
from persona6.extract import text as tx


def keys(text: str) -> set[str]:
    return {s.key for s in extracted(disclosure.NAME, text, "u1")}


def test_the_producer_is_current() -> None:
    assert disclosure.NAME == "persona6.disclosure.v53"


@pytest.mark.parametrize(
    "text",
    [
        "I've changed my mind: I prefer email for updates now.",
        "We made up our minds last night.",
        "I kept my word, as always.",
        "I held my breath the whole time.",
        "I previously preferred morning reminders, but I now prefer evening reminders.",
        "I referred to the manual.",
    ],
)
def test_an_idiom_or_a_taste_is_no_activity(text: str) -> None:
    assert not any(k.startswith("activities:") for k in keys(text)), keys(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I walked my dog by the river.", "activities:walked my dog by the river"),
        ("I submitted my thesis in May.", "activities:submitted my thesis"),
        ("I changed my hairstyle last year.", "activities:changed my hairstyle"),
    ],
)
def test_an_act_on_a_thing_of_ones_own_stays(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    ("base", "forms"),
    [
        ("prefer", {"preferred", "preferring", "prefers"}),
        ("refer", {"referred", "referring"}),
        ("stop", {"stopped", "stopping"}),
    ],
)
def test_doubling_verbs_have_all_their_forms(base: str, forms: set[str]) -> None:
    assert forms <= tx.inflections(base)
