"""persona6.preference.v18: a standing exclusion from what is made for the person ("leave out
the onions", "please exclude peanuts from the recipes", "no dairy in my meal plans", "no meat
for me"), beside the idioms and facts that look like one ("no problem", "no major changes in my
life", "leave it out for now")."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def read(text: str) -> dict[str, tuple[float, str]]:
    return {s.key: (s.polarity, s.value) for s in extracted(preference.NAME, text, "u1")}


def test_the_producer_is_v18() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        (
            "Please leave out the overhead presses.",
            "overhead presses",
            "asks to leave out overhead presses",
        ),
        ("Leave the onions out please", "onions", "asks to leave out onions"),
        ("Keep gluten out of my meals.", "gluten", "asks to leave out gluten"),
        ("Please exclude peanuts from the recipes.", "peanuts", "asks to leave out peanuts"),
        ("omit cilantro", "cilantro", "asks to leave out cilantro"),
        ("No dairy in my meal plans please.", "dairy", "asks for no dairy"),
        ("No onions in the recipes", "onions", "asks for no onions"),
        ("No dairy please.", "dairy", "asks for no dairy"),
        (
            "Unfortunately, I can't have dairy, so no ice cream for me.",
            "ice cream",
            "wants no ice cream",
        ),
        ("no meat for me", "meat", "wants no meat"),
    ],
)
def test_a_standing_exclusion_is_read(text: str, key: str, value: str) -> None:
    assert read(text)[key] == (-1.0, value)


@pytest.mark.parametrize(
    "text",
    [
        "No problem for me",
        "no worries please",
        "no idea for me",
        "still no word from them",
        "no pets in my apartment",
        "traveled twice, stayed local, no major changes in my life",
        "leave it out for now",
        # a pronoun is not resolved: which thing "them" means is left unsaid
        "My trainer told me to avoid overhead presses. Please leave them out of my plans.",
    ],
)
def test_an_idiom_a_fact_or_a_pronoun_is_no_exclusion(text: str) -> None:
    assert not any(
        v.startswith(("asks to leave out", "asks for no", "wants no"))
        for _, v in read(text).values()
    )
