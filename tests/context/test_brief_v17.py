"""persona6.brief.v17 (session 16): a person who asks to be told things simply (style.v19,
``asks_for_simple_explanations``) gets a directive to do so, citing where they asked."""

from __future__ import annotations

from persona6.context.brief import PRODUCER
from tests.context.test_brief_v10 import _brief, _said

_DIRECTIVE = "Explain in plain words: no jargon, define any term you must use, one idea at a time."


def test_the_producer_is_v17() -> None:
    assert PRODUCER in {"persona6.brief.v17", "persona6.brief.v18", "persona6.brief.v19"}


def test_asking_for_simple_explanations_is_directed() -> None:
    sessions = _said(
        "Explain it like I'm five, I honestly don't know what a heat pump does.",
        "Can you put that in plain English please? No jargon.",
        "I'm not technical, so keep the words simple.",
    )
    brief = _brief(sessions, "Explain my energy bill", 400)
    [item] = [i for i in brief.items if i.statement.startswith(_DIRECTIVE)]
    assert item.evidence, brief.text
    assert _DIRECTIVE in brief.text


def test_no_directive_without_the_request() -> None:
    """The neighbour: a plain question about a simple thing asks nothing of every answer."""
    sessions = _said(
        "Is there a simple way to lower my energy bill?",
        "The instructions were written in plain English, thankfully.",
    )
    brief = _brief(sessions, "Explain my energy bill", 400)
    assert _DIRECTIVE not in brief.text, brief.text
