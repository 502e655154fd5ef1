"""persona6.preference.v16: an imperative opener that takes a noun reads as itself ("avoid
jargon" asks to avoid jargon, "no more tables" asks for no more tables, not "asks not to
tables"); "on second thought" reports nothing, so the taste after it is the speaker's."""

from __future__ import annotations

import pytest
from helpers import extracted

from persona6 import Persona6
from persona6.extract import EXTRACTORS, preference
from persona6.extract import text as tx
from persona6.extract.text import Span

EXTRACTOR = EXTRACTORS[preference.NAME]


def read(text: str) -> dict[str, tuple[float, str]]:
    return {s.key: (s.polarity, s.value) for s in extracted(EXTRACTOR.name, text, "u1")}


def test_the_producer_is_v16() -> None:
    assert preference.NAME == "persona6.preference.v57"


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("no more tables please", "tables", "asks for no more tables"),
        ("No more long paragraphs.", "long paragraphs", "asks for no more long paragraphs"),
        ("avoid jargon", "jargon", "asks to avoid jargon"),
        ("Please avoid long answers", "long answers", "asks to avoid long answers"),
        # a verb after the opener reads as before
        ("don't use emojis", "emojis", "asks not to use emojis"),
        ("never send me marketing emails", "marketing emails", "asks not to send marketing emails"),
        (
            "no more asking me to confirm",
            "asking to confirm",
            "asks to stop asking me to confirm",
        ),
    ],
)
def test_an_opener_that_takes_a_noun_reads_as_itself(text: str, key: str, value: str) -> None:
    assert read(text)[key] == (-1.0, value)


def test_a_taste_after_on_second_thought_is_the_speakers() -> None:
    assert read("On second thought, a plain list is better for me.") == {
        "plain list": (1.0, "prefers plain list")
    }


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("On second thought, I like it", False),
        ("My first thought: I love it", False),
        ("at first thought I liked it", False),
        ("she thought I'd love it", True),
        ("I thought I'd like it", True),
        ("my sister said I love tea", True),
        ("the doctor said I need rest", True),
    ],
)
def test_a_reporting_verb_after_an_article_or_preposition_is_a_noun(
    text: str, reported: bool
) -> None:
    start = text.rindex(" I") + 1
    assert tx.is_reported(text, Span(0, len(text)), start) is reported


def test_the_graph_holds_the_taste_said_on_second_thought() -> None:
    p6 = Persona6(db=":memory:")
    p6.record(
        [
            {
                "event_id": "e1",
                "ts": "2026-03-01T10:00:00Z",
                "session_id": "s1",
                "type": "message",
                "role": "user",
                "user_id": "u1",
                "text": "On second thought, a plain list is better for me.",
            }
        ]
    )
    p6.build()
    statements = {t.statement for t in p6.store.traits_of(p6.tenant, "u1")}
    assert "prefers plain list" in statements
    p6.close()


@pytest.mark.parametrize(
    ("name", "text", "key"),
    [
        ("disclosure", "On second thought, I work from home on Fridays.", "work:"),
        ("concern", "On second thought, I worry about the cost.", "cost"),
    ],
)
def test_the_other_text_extractors_read_past_on_second_thought(
    name: str, text: str, key: str
) -> None:
    producer = next(n for n in EXTRACTORS if f".{name}." in n)
    assert producer.startswith(f"persona6.{name}.")
    assert any(s.key.startswith(key) for s in extracted(producer, text, "u1"))
