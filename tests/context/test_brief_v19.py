"""persona6.brief.v19: a format asked (style ``format``) and a preference for it worded
otherwise are said once: a request on how to answer that names a length or a tone in its own
words ("asks to keep answers short" beside the style's "short answers") carries the format, and
the dimension's value it names; a format liked by its bare noun ("loves tables") is said by the
format's directive, which cites both. Not a thing of the same name ("likes table by the window
at Luigis"): both stay."""

from __future__ import annotations

import pytest

from persona6.context.brief import PRODUCER
from tests.context.test_brief_v10 import _brief, _said
from tests.context.test_brief_v18 import _formats


def test_the_producer_is_v19() -> None:
    assert PRODUCER == "persona6.brief.v19"


@pytest.mark.parametrize(
    ("texts", "word", "directed"),
    [
        (
            ["I love tables.", "could you lay the tax deductions out in a table?"],
            "table",
            ["table"],
        ),
        (["I prefer concise answers.", "tl;dr please"], "short", []),
        (["I prefer a casual tone.", "talk to me like a mate"], "casual", []),
        (["I prefer thorough explanations.", "go into as much detail as you like"], "thorough", []),
    ],
)
def test_a_format_and_a_preference_for_it_are_said_once(
    texts: list[str], word: str, directed: list[str]
) -> None:
    brief = _brief(_said(*texts), "Plan the week", 400)
    assert _formats(brief) == directed, brief.text
    lines = [i for i in brief.items if word in i.statement.lower()]
    assert len(lines) == 1, brief.text
    assert set(lines[0].evidence) == {"e0", "e1"}, brief.text


def test_a_thing_of_the_same_name_is_no_preference_for_the_format() -> None:
    texts = [
        "I like the table by the window at Luigis.",
        "could you lay the deductions in a table?",
    ]
    brief = _brief(_said(*texts), "Plan the week", 400)
    assert _formats(brief) == ["table"], brief.text
    assert "window" in brief.text, brief.text


def test_a_length_disliked_later_turns_the_format_down() -> None:
    """ "hates long answers" after asking for detail: against detailed answers."""
    brief = _brief(_said("go into as much detail as you like", "I hate long answers."), "x", 400)
    assert "detailed answers" not in _formats(brief), brief.text
