"""persona6.style.v22 (end-to-end probe 13 st07): a format asked for is a standing preference of
how answers are laid out or worded, the ``format`` style with the format as its value: named
alone as a request ("Bullet points, no waffle", "bullets please"), wished for ("A table would be
great"), or asked with a verb of laying out ("in emails pls use a formal tone"). A thing of the
same name and the speaker's own habit are none."""

from __future__ import annotations

import pytest

from persona6.extract import style as style_module
from persona6.extract.text import load_lexicon
from tests.extract.test_style import formats as asked
from tests.extract.test_style import said, style


def test_the_producer_is_v22() -> None:
    assert style_module.NAME == "persona6.style.v27"
    assert load_lexicon("style")["version"] == 22


def formats(*texts: str) -> dict[str, str]:
    return {
        key: signal.value
        for key, signal in style([said(i, t) for i, t in enumerate(texts, 1)]).items()
        if key == "format"
    }


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Bullet points, no waffle", "bullet points"),
        ("bullets please", "bullet points"),
        ("bullet points pls", "bullet points"),
        ("A table would be great", "table"),
        ("in emails pls use a formal tone", "formal tone"),
        ("numbered list please, I'm following along in the garden", "numbered list"),
        ("can you put the chess openings in a table", "table"),
        ("just give me the steps as a numbered list", "numbered list"),
        ("keep it in bullets, I read on my phone at the crag", "bullet points"),
        ("answer in bullet points from now on", "bullet points"),
        ("table format pls for the aquarium parameters", "table"),
        ("please use a casual tone for the wedding speech", "casual tone"),
        ("a checklist would be ideal for the car service", "checklist"),
        ("could you lay the tax deductions out in a table?", "table"),
    ],
)
def test_a_format_asked_for_is_read_with_its_value(text: str, value: str) -> None:
    # style.v26: a signal per format ("Bullet points, no waffle" asks short answers too)
    assert value in asked([said(1, text)]), text


@pytest.mark.parametrize(
    "text",
    [
        "we need a table for six at the wedding",
        "A table by the window would be great",
        "my daughter has a table tennis match",
        "the bullet journal is on my desk",
        "the table saw kickback scares me",
        "the list of guests is long",
        "I used bullet points in my essay and got marked down",
        "the headers on my car are rusty",
        "which formal wear should I pick for the wedding?",
    ],
)
def test_a_thing_of_the_same_name_is_no_format(text: str) -> None:
    assert formats(text) == {}, text


def test_each_format_asked_is_a_value() -> None:
    """style.v26: each format asked is a signal of its own (v22 kept the one asked most)."""
    texts = ["bullets please", "A table would be great", "bullet points pls"]
    found = asked([said(i, t) for i, t in enumerate(texts, 1)])
    assert {v: s.measure for v, s in found.items()} == {"bullet points": 2.0, "table": 1.0}
