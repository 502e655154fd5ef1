"""persona6.concern.v29: nervousness said without a worry word (the idioms and adjectives of
``word_classes`` ``nerves``) before or after a thing that hurts a body (``bodily_harms``, now
with the dangerous places and conditions of outdoor hobbies and the road) is safety; alone it
is none."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6.extract import concern
from persona6.extract.text import load_lexicon
from persona6.types import SignalKind


def _concerns(text: str) -> set[str]:
    return {s.key for s in extracted(concern.NAME, text) if s.kind is SignalKind.CONCERN}


def test_the_producer_is_v29() -> None:
    assert concern.NAME == "persona6.concern.v31"
    assert load_lexicon("concerns")["version"] == 31


@pytest.mark.parametrize(
    "text",
    [
        "crossing that glacier alone gives me the jitters, the crevasses are hidden under snow",
        "using the angle grinder without a guard makes me twitchy",
        "i get butterflies about abseiling off that old bolt",
        "going up the ladder to clean the gutters gives me the heebie-jeebies",
        "Im a bit on edge about the kids near the pond with no fence",
        "that chainsaw gives me the creeps honestly",
        "the wobbly stepladder puts the wind up me",
        "feeling antsy about driving the van on ice tomorrow",
        "wading the river after rain makes me nervous",
    ],
)
def test_nervousness_about_a_danger_is_safety(text: str) -> None:
    assert "safety" in _concerns(text)


@pytest.mark.parametrize(
    "text",
    [
        "chess club makes me jumpy before a tournament game",
        "gives me the jitters when my grandma visits",
        "I get butterflies before my wedding speech",
        "the new knitting pattern makes me twitchy, so many stitches",
        "we walked along the river and had ice cream",
        "the ladder is in the shed",
        "nervous about the ladder match at the chess club tonight",
    ],
)
def test_nervousness_or_a_danger_alone_is_none(text: str) -> None:
    assert "safety" not in _concerns(text)
