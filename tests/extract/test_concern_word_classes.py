"""A concern shape naming a word class that ``word_classes`` lacks is said with where it is
named and how to fix it, in its pattern and in its ``words`` alike (a bad lexicon edit)."""

from __future__ import annotations

import re

import pytest

from persona6.extract.concern import _shape_words, _with_classes

CLASSES = {"data_records": ["logs", "test results"]}


def test_a_known_class_gives_its_words():
    assert _shape_words(["lost", "{data_records}"], CLASSES) == {"lost", "logs", "test", "results"}
    pattern = re.compile(_with_classes(r"\blost\s+{data_records}", CLASSES))
    assert pattern.search("I lost test results") and not pattern.search("I lost my keys")


@pytest.mark.parametrize(
    ("call", "where"),
    [
        (lambda: _with_classes(r"\blost\s+{data_recods}", CLASSES), "pattern"),
        (lambda: _shape_words(["lost", "{data_recods}"], CLASSES), "words"),
    ],
)
def test_an_unknown_class_says_where_and_how_to_fix(call, where):
    with pytest.raises(ValueError) as raised:
        call()
    assert str(raised.value) == (
        f"concerns.yaml: a shape's {where} names the word class {{data_recods}}, which "
        "`word_classes` does not define; add it there or correct the name"
    )
