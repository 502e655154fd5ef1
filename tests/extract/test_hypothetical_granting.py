"""text.supposed (english v11): a condition that grants the main clause (a concession, "even
if") or only asks leave for it ("if that's fine", "if that's ok with you") governs its own
clause alone: the main clause is so. Other conditions keep their scope."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import disclosure
from persona6.extract import text as tx


def governed(text: str, words: str) -> str | None:
    found = tx.supposed(text, text.index(words))
    return found.kind if found is not None else None


@pytest.mark.parametrize(
    ("text", "main", "condition"),
    [
        ("I'll come over tomorrow if that's fine.", "come over", "that's fine"),
        ("I'll send it tonight if that's ok with you.", "send it", "ok with you"),
        ("If that's alright, I'll call you at noon.", "call you", "alright"),
        ("I'll drop by at six if you don't mind.", "drop by", "mind"),
        ("I'm making a difference, even if it's a small one.", "making", "small one"),
        ("Even if it's slow, I'll keep using it.", "keep using", "slow"),
    ],
)
def test_a_granting_condition_leaves_the_main_clause_so(
    text: str, main: str, condition: str
) -> None:
    assert governed(text, main) is None
    assert governed(text, condition) == "condition"  # its own clause is still a case


@pytest.mark.parametrize(
    ("text", "main"),
    [
        # neighbours: a condition of a case keeps the main clause supposed
        ("I'll come over tomorrow if the train runs.", "come over"),
        ("If it fails again I'll give up.", "give up"),
        ("I'll cancel if that's the price.", "cancel"),
        ("If it's fine, we'll go hiking.", "go hiking"),
    ],
)
def test_a_condition_of_a_case_keeps_its_scope(text: str, main: str) -> None:
    assert governed(text, main) == "condition"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # disclosure.v28 lost these (3 true claims over LoCoMo and PersonaExt)
        ("I'll come over tomorrow if that's fine.", "plans:come over"),
        ("I'm making a difference, even if it's a small one.", "activities:making a difference"),
    ],
)
def test_disclosure_keeps_the_main_clause(text: str, key: str) -> None:
    assert key in {s.key for s in extracted(disclosure.NAME, text, "u1")}
