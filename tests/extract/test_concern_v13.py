"""persona6.concern.v13 (review 6b, item 6): a feeling of worry is felt in the body and in
sleep in many words ("I feel sick", "a sinking feeling", "my stomach drops", "a cold sweat"),
read as a worry about money beside a word of one's finances (the ``money`` concern's
``feeling`` sense) and as no concern without one."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import concern
from persona6.extract.text import load_lexicon


def keys(text: str) -> set[str]:
    return {signal.key for signal in extracted(concern.NAME, text)}


def test_the_producer_is_v13() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


@pytest.mark.parametrize(
    "text",
    [
        "Honestly I feel sick every time I check my credit card balance.",
        "I get this sinking feeling when I look at my bank account.",
        "My stomach drops every time I see the balance.",
        "I break out in a cold sweat every time I open the bills.",
        "I couldn't sleep last night thinking about the rent.",
        "It scares me how little savings we have.",
    ],
)
def test_a_feeling_beside_money_is_a_money_worry(text: str) -> None:
    # money is read under cost's key from concern.v21, saying its own label
    assert "cost" in keys(text)
    assert "worried about money" in {s.value for s in extracted(concern.NAME, text)}


@pytest.mark.parametrize(
    "text",
    [
        "I feel sick today, can we do this tomorrow?",
        "I get a sinking feeling when the build goes red.",
        "I couldn't sleep last night.",
        "I write poems.",
    ],
)
def test_a_feeling_without_money_is_no_money_worry(text: str) -> None:
    assert not keys(text) & {"money", "cost"}
