"""persona6.brief.v18 (session 18): the format answers are asked in (style.v22 ``format``) is
directed, each format asked for once (consolidation keeps each as a trait of its own,
``ASKED_SIDE_BY_SIDE``): not beside the line of their request for it, not once they turned it
down since; a tone asked for is a request on the tone dimension."""

from __future__ import annotations

import pytest

from persona6.context.brief import PRODUCER
from tests.context.test_brief_v10 import _brief, _said

_SAYS = "Write answers the way they asked: "


def _directives(brief) -> list[str]:
    return [i.statement for i in brief.items if i.kind == "directive"]


def _formats(brief) -> list[str]:
    return [s.removeprefix(_SAYS).partition(".")[0] for s in _directives(brief) if _SAYS in s]


def test_the_producer_is_v18() -> None:
    assert PRODUCER in {"persona6.brief.v18", "persona6.brief.v19"}


@pytest.mark.parametrize(
    ("texts", "formats"),
    [
        # two formats in two sessions: two standing requests, both said
        (
            ["Put the chess openings in a table please.", "In emails pls use a formal tone."],
            {"table", "formal tone"},
        ),
        (
            ["A checklist would be ideal for the wedding prep.", "Headings would help a lot."],
            {"checklist", "headings"},
        ),
        (
            [
                "give me the steps as a numbered list",
                "A table would be great for the seed list.",
                "keep it in bullets",
            ],
            {"numbered list", "table", "bullet points"},
        ),
        # one format, once: its directive names it
        (["A table would be great for the seed list."], {"table"}),
    ],
)
def test_each_format_asked_for_is_directed(texts: list[str], formats: set[str]) -> None:
    brief = _brief(_said(*texts), "Plan the week", 400)
    assert set(_formats(brief)) == formats, brief.text
    for item in brief.items:
        if _SAYS in item.statement:
            assert item.evidence, brief.text


@pytest.mark.parametrize(
    "texts",
    [
        ["Book a table for six at the tapas place.", "We played table tennis all evening."],
        ["I used bullet points in my essay.", "The headers on my car need fixing."],
    ],
)
def test_no_format_directive_without_a_request(texts: list[str]) -> None:
    brief = _brief(_said(*texts), "Plan the week", 400)
    assert not _formats(brief), brief.text


def test_a_request_said_by_a_preference_is_one_line() -> None:
    """ "Bullet points please" is read by both the preference extractor (a standing request,
    "asks for bullet points") and the style one: the request's line says it, with the
    style's evidence too; no second line for it."""
    brief = _brief(_said("Bullet points please, no waffle."), "Plan the week", 400)
    assert "bullet points" not in _formats(brief), brief.text
    [line] = [i for i in brief.items if i.statement.startswith("asks for bullet points")]
    assert line.evidence == ["e0"], brief.text
    assert brief.text.lower().count("bullet points") == 1, brief.text


def test_a_format_turned_down_later_is_not_said() -> None:
    """ "no more tables" after asking for a table: they changed their mind."""
    sessions = _said(
        "Put the chess openings in a table please.",
        "no more tables please, they are hard to read on my phone",
    )
    brief = _brief(sessions, "Plan the week", 400)
    assert "table" not in _formats(brief), brief.text


def test_a_format_asked_for_after_turning_it_down_is_said() -> None:
    """The other way round: the request is what they want now."""
    sessions = _said(
        "no more tables please, they are hard to read on my phone",
        "Actually a table would be great for the seed list.",
    )
    brief = _brief(sessions, "Plan the week", 400)
    assert "table" in _formats(brief), brief.text


def test_a_tone_asked_for_wins_the_tone_dimension() -> None:
    """ "use a formal tone" is a request on tone: the user layer wins over the default
    'friendly' whatever its confidence, the directive says it (no second conflict line), and
    no warmth directive says another tone beside it."""
    sessions = _said(
        "thanks so much, you're a star!! :) lovely",
        "In emails pls use a formal tone.",
        "thank you!! that's brilliant, cheers :)",
    )
    brief = _brief(sessions, "Draft a note to my landlord", 400)
    assert "formal tone" in _formats(brief), brief.text
    assert "Match their warmth" not in brief.text, brief.text
    assert "tone: the" not in brief.text, brief.text
