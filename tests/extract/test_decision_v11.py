"""persona6.decision.v11: what the speaker fears they did is a worry, not a choice; a verb with
its particle ("dropped off", "dropped out") rejects nothing; a coordinated past act ends the
object ("rejected the first offer and went to the beach"); an adverb may stand before a switch
("We've finally switched from Trello to Linear")."""

from __future__ import annotations

import pytest
from helpers import said

from persona6.extract.decision import NAME, DecisionExtractor


def summary(text: str) -> list[tuple[str, str]]:
    return sorted((s.key, s.value) for s in DecisionExtractor().extract([said(1, text)]))


def test_the_producer_is_v11() -> None:
    assert NAME == "persona6.decision.v21"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I fear we bought the wrong panels.", []),
        ("I'm worried that we picked the wrong plan.", []),
        ("I dropped off that stuff I baked.", []),
        ("I dropped out of college.", []),
        ("We rejected the first offer and went to the beach.", [("first offer", "rejected")]),
        ("We've finally switched from Trello to Linear.", [("trello->linear", "switched")]),
        ("I have recently replaced Excel with Sheets.", [("excel->sheets", "switched")]),
        # neighbours that stay
        ("I'm not worried, we bought the good panels.", [("good panels", "chose")]),
        ("I dropped the gym membership.", [("gym membership", "rejected")]),
        ("We bought the blue one and it works.", [("blue one", "chose")]),
        ("I'm not worried that we picked the wrong plan.", [("wrong plan", "chose")]),
    ],
)
def test_worries_particles_and_coordinated_acts(text: str, expected: list) -> None:
    assert summary(text) == expected
