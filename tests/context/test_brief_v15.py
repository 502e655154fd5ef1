"""brief.v15 (docs/context.md, review 9 end #1 and #3): a preference touches an assistant
boundary only by words of content, not by how a rule or a request is put ("ask", "before");
a trait said by the very words of another's line, and saying part of it, is folded into that
line; a request whose own words meet the task comes with the most relevant items."""

from __future__ import annotations

import pytest

from persona6.context.brief import PRODUCER
from persona6.types import SignalKind
from tests.context.test_brief_v10 import _bears, _said
from tests.context.test_brief_v13 import _MARGARET, _with_trait


def test_the_producer_is_v15():
    assert PRODUCER.startswith("persona6.brief.v1") and PRODUCER >= "persona6.brief.v15"


# -- a boundary and a preference: words of content --------------------------------------------


def _pref(statement: str) -> tuple:
    return (SignalKind.PREFERENCE, statement, statement, 1.0, 0.6, "on")


@pytest.mark.parametrize(
    "statement",
    [
        "asks for night-before reminders",  # Oskar: "ask" and "before" only
        "asks for a summary before each meeting",
        "asks never to say sorry",  # "never" and "say" of "Never invent ...; say when ..."
    ],
)
def test_a_preference_sharing_only_how_a_rule_is_put_does_not_touch_a_boundary(statement):
    """ "Ask before any destructive or irreversible action" is about destructive actions: a
    request that shares with it only "ask" and "before" does not touch it, and no line tells
    the agent that the boundary wins over it."""
    brief = _with_trait(_MARGARET, [_pref(statement)], "Tell her about the deadline", 1000)
    assert "the boundary wins" not in brief.text, brief.text
    assert f"{statement} (preference" in brief.text, brief.text


@pytest.mark.parametrize(
    ("statement", "boundary"),
    [
        ("asks to skip the confirmation for destructive actions", "destructive"),
        ("asks to see another person's data", "reveal one person"),
    ],
)
def test_a_preference_against_what_a_boundary_holds_still_meets_it(statement, boundary):
    """The neighbours: a request about destructive actions, or another person's data, touches
    the boundary that holds them, and the boundary wins."""
    brief = _with_trait(_MARGARET, [_pref(statement)], "Tell her about the deadline", 1000)
    line = next(i.statement for i in brief.items if "the boundary wins" in i.statement)
    assert statement in line and boundary in line, brief.text


# -- a trait said by another's words is folded into its line --------------------------------------

_WALT = _said(
    "I was a claims paralegal for twenty-two years before I retired, so I know the forms.",
    "My back is bad these days.",
    "I like a straight answer.",
)
_PARALEGAL_QUOTE = "I was a claims paralegal for twenty-two years before I retired"
_PARALEGAL = (
    SignalKind.DISCLOSURE,
    "work:paralegal",
    "was a claims paralegal for twenty-two years before they retired",
    1.0,
    0.65,
    _PARALEGAL_QUOTE,
)
_TASK = "Explain the appraisal decision on the claim"


def _lines(brief, start: str) -> list[str]:
    return [i.statement for i in brief.items if i.statement.startswith(start)]


def test_a_fact_said_by_the_words_of_another_is_folded_into_its_line():
    """Walt: "retired" rests on the very words of the paralegal line and says part of it: one
    line, not two (it took the place of a request the task needed)."""
    retired = (SignalKind.DISCLOSURE, "status:retired", "retired", 1.0, 0.65, _PARALEGAL_QUOTE)
    brief = _with_trait(_WALT, [_PARALEGAL, retired], _TASK, 1000)
    assert len(_lines(brief, "was a claims paralegal")) == 1, brief.text
    assert _lines(brief, "retired (") == [], brief.text


@pytest.mark.parametrize(
    "other",
    [
        # other words of the message
        (SignalKind.DISCLOSURE, "status:retired", "retired", 1.0, 0.65, "so I know the forms"),
        # another kind
        (SignalKind.PREFERENCE, "retired", "retired", 1.0, 0.65, _PARALEGAL_QUOTE),
        # the other polarity
        (SignalKind.DISCLOSURE, "status:retired", "retired", -1.0, 0.65, _PARALEGAL_QUOTE),
        # words the line does not say
        (SignalKind.DISCLOSURE, "status:retired", "retired early", 1.0, 0.65, _PARALEGAL_QUOTE),
    ],
)
def test_a_fact_of_other_words_kind_polarity_or_content_stays_its_own_line(other):
    brief = _with_trait(_WALT, [_PARALEGAL, other], _TASK, 1000)
    assert len(_lines(brief, "was a claims paralegal")) == 1, brief.text
    assert len(_lines(brief, f"{other[2]} (")) == 1, brief.text


# -- a request on the very thing the task does --------------------------------------------------

_HOUSE = _said(
    "I want a human adjuster in my kitchen, not a video call. The reinspection of the roof "
    "and the reinspection of the basement are both due, and the last reinspection was late.",
)


def _fact(statement: str, quote: str) -> tuple:
    return (SignalKind.DISCLOSURE, statement, statement, 1.0, 0.65, quote)


def test_a_request_whose_own_words_meet_the_task_comes_with_the_most_relevant():
    """Walt's "wants human adjuster, not video call" (0.36, one session) meets "arrange the
    reinspection" by its own word (video: appointments) and says how to do it: it comes with
    the most relevant items, before the surer facts that share more words with the task."""
    request = (
        SignalKind.PREFERENCE,
        "adjuster",
        "wants human adjuster, not video call",
        1.0,
        0.36,
        "I want a human adjuster in my kitchen, not a video call",
    )
    facts = [
        _fact("has a roof reinspection due", "The reinspection of the roof"),
        _fact("has a basement reinspection due", "the reinspection of the basement"),
        _fact("had a late reinspection", "the last reinspection was late"),
    ]
    brief = _with_trait(_HOUSE, [*facts, request], "Arrange the reinspection", 1000)
    lines = _bears(brief.text).splitlines()
    said = [i for i, line in enumerate(lines) if "wants human adjuster" in line]
    assert said and said[0] < len(lines) - 1, lines  # was last, after all three facts


def test_a_fact_whose_own_words_meet_the_task_is_not_moved():
    """The neighbour: a weaker fact of the same shape (its own word "video" meets the task)
    is no request: it still comes after the surer facts."""
    facts = [
        _fact("has a roof reinspection due", "The reinspection of the roof"),
        _fact("has a basement reinspection due", "the reinspection of the basement"),
        _fact("had a late reinspection", "the last reinspection was late"),
        (SignalKind.DISCLOSURE, "video", "had a video call", 1.0, 0.36, "a video call"),
    ]
    house = _said(
        "We had a video call last week. The reinspection of the roof and the reinspection of "
        "the basement are both due, and the last reinspection was late."
    )
    brief = _with_trait(house, facts, "Arrange the reinspection", 1000)
    lines = _bears(brief.text).splitlines()
    assert lines and "had a video call" in lines[-1], lines
