"""persona6.concern.v31: "safe" of the work and records a person keeps in a product (notes, a
journal, a logbook, saved games, a spreadsheet, months of work), or beside what may take them
away (a phone that dies or is changed, a cancelled subscription, the app crashing), is data
loss, no physical safety; safe of a body or a place stays safety, of data or payments
security."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import concern
from persona6.extract.text import load_lexicon
from persona6.types import SignalKind


def _concerns(text: str) -> set[str]:
    return {s.key for s in extracted(concern.NAME, text) if s.kind is SignalKind.CONCERN}


def test_the_producer_is_v30() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


@pytest.mark.parametrize(
    "text",
    [
        "can the app be trusted to keep my track plan safe? people lose months of work",
        "will my knitting charts be safe if my phone dies?",
        "is my garden journal kept safe if I switch phones",
        "is my chess opening notebook safe if the app crashes",
        "would my wedding spreadsheet be safe if I cancel my subscription",
        "is my aquarium logbook safe when I get a new phone",
    ],
)
def test_safe_of_kept_work_is_data_loss(text: str) -> None:
    found = _concerns(text)
    assert "data_loss" in found
    assert "safety" not in found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("is it safe to prune roses in frost?", "safety"),
        ("are the kids safe near the pond", "safety"),
        ("is it safe to take notes during the exam", "safety"),
        ("is the new phone safe for kids", "safety"),
        ("is it safe to pay by card on this site?", "security"),
    ],
)
def test_safe_of_a_body_or_payment_stays(text: str, kind: str) -> None:
    found = _concerns(text)
    assert kind in found
    assert "data_loss" not in found
