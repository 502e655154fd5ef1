"""preference.v56: contrasts outside the canonical frames, by idiom class and grammar: one
side falling short of the other ("can't hold a candle to", "is nothing on"), one side above
it ("a cut above", "puts Y to shame"), "between X and Y" and then one of the two, a verbless
"better X than Y" and a want with a dismissive tag ("give me X, forget Y")."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import preference


def _values(text: str) -> list[str]:
    return [s.value for s in extracted(preference.NAME, text, "u1")]


def test_version() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "chosen", "other"),
    [
        (
            "frozen bloodworms can't hold a candle to live brine shrimp",
            "live brine shrimp",
            "frozen bloodworms",
        ),
        (
            "indoor climbing walls are nothing on real granite",
            "real granite",
            "indoor climbing walls",
        ),
        (
            "plastic chess pieces have nothing on weighted wooden ones",
            "weighted wooden ones",
            "plastic chess pieces",
        ),
        ("carbon frames dont come close to steel for touring imo", "steel", "carbon frames"),
        ("Hand-tied flies are a cut above the shop ones", "hand-tied flies", "shop flies"),
        (
            "my cast iron skillet puts every nonstick pan to shame",
            "cast iron skillet",
            "nonstick pan",
        ),
        ("Between rummy and canasta, canasta every time.", "canasta", "rummy"),
        (
            "between knitting needles and crochet hooks i'd go needles",
            "knitting needles",
            "crochet hooks",
        ),
        ("Better homemade compost than bagged stuff any day", "homemade compost", "bagged stuff"),
        ("give me wool socks, forget cotton", "wool socks", "cotton"),
        ("Peonies please, never mind the roses", "peonies", "roses"),
    ],
)
def test_idiomatic_contrast(text: str, chosen: str, other: str) -> None:
    assert f"prefers {chosen} over {other}" in _values(text)


@pytest.mark.parametrize(
    "text",
    [
        "Between the two candidates, the senate vote was close.",
        "The new tax form doesn't measure up to last year's standards, the report says.",
        "Which is better, drip irrigation or sprinklers?",
        "Give me the tax form for 2023.",
        "better late than never",
        "Better safe than sorry with the brakes.",
        "My score doesn't come close to his.",
        "He can't hold a candle to her at chess.",
        "Between you and me, the wedding budget is tight.",
        "I need the receipt, forget it.",
        "Does a tubeless tire measure up to a tubed one?",
        "The aquarium is between the sofa and the window.",
        "Tax software isnt a patch on doing it by hand",
    ],
)
def test_not_a_contrast(text: str) -> None:
    assert not [v for v in _values(text) if v.startswith(("prefers", "against"))]
