"""persona6.task.v8: a file's format named alone is no data analysis; an export is a file."""

from __future__ import annotations

import pytest
from helpers import bot, did, said

from persona6.extract.task import NAME, TaskExtractor
from persona6.types import StoredEvent


def kinds(session: list[StoredEvent]) -> set[str]:
    found = TaskExtractor().extract(session)
    return {s.key for s in found if s.actor == "u1" and not s.key.startswith("sequence:")}


def test_the_producer_is_v9() -> None:
    assert NAME == "persona6.task.v18"


@pytest.mark.parametrize("text", ["checklist pdf", "ifta march pdf", "queenless csv", None])
def test_an_export_is_a_file_not_an_analysis(text: str | None) -> None:
    assert kinds([did(1, "export", text)]) == {"file_management"}


@pytest.mark.parametrize(
    ("text", "analysis"),
    [
        ("need to bulk add 180 hives. csv ok?", False),
        ("I prefer CSV export, is easier for import to our TMS.", False),
        ("We keep the stock in a spreadsheet.", False),
        ("What resources could help me excel in this class?", False),
        ("whats the avg", True),
        ("Pivot the sales by region, please", True),
        ("Aggregate the mite counts by yard", True),
        ("Run a regression of yield on rainfall", True),
        ("Can you chart the counts by month?", True),
        ("Analyze the CSV and tell me which hives are weakest", True),
        ("I analyzed the numbers last night", True),
    ],
)
def test_data_analysis_needs_an_analysis_word(text: str, analysis: bool) -> None:
    assert ("data_analysis" in kinds([said(1, text), bot(2, "Sure.")])) is analysis
