"""persona6.decision.v20: in a switch of exchange ("swapped X for Y") the old thing is no
direction. "I switched to Evernote for notes" switches to Evernote (v18-v19 read the old thing
as "to evernote" and the new one as "notes": "to evernote->notes").
"""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import decision


def _decisions(text: str) -> list[tuple[str, str]]:
    return [(s.key, s.value) for s in extracted(decision.NAME, text)]


def test_version() -> None:
    assert decision.NAME == "persona6.decision.v21"


@pytest.mark.parametrize(
    ("text", "taken"),
    [
        ("I switched to Evernote for notes", "evernote"),
        ("I switched back to Evernote for notes", "evernote"),
        ("We switched over to Linear for planning", "linear"),
        ("I've switched back to paper maps for hiking", "paper maps"),
        ("we changed over to the induction hob for cooking", "induction hob"),
    ],
)
def test_a_switch_to_a_thing_for_a_purpose_takes_the_thing(text: str, taken: str) -> None:
    found = _decisions(text)
    assert found, text
    for key, _ in found:
        assert not key.startswith(("to ", "back to ", "over to ")), found
    assert any(taken in key for key, _ in found), found


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("I swapped steel strings for nylon ones", "steel strings->nylon ones"),
        ("I changed my tyres for winter ones", "tyres->winter ones"),
        ("we ditched the spreadsheet for a budgeting app", "spreadsheet->budgeting app"),
    ],
)
def test_an_exchange_still_reads_both_sides(text: str, key: str) -> None:
    assert key in [k for k, _ in _decisions(text)], _decisions(text)
