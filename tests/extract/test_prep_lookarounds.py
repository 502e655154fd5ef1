"""persona6.extract.prep.lookarounds_emptied: the clauses of a pattern are read from its source
with the lookarounds' bodies removed (parsing the word lists in them was most of loading the
failure lexicon), and they are the clauses of the whole source."""

from __future__ import annotations

import re

import pytest

from persona6.extract import concern, decision, failure, prep, style, task
from persona6.extract.prep import lookarounds_emptied


def _full(source: str, flags: int = 0) -> list[frozenset[str]]:
    return prep._clauses(prep._parser.parse(source, flags))


@pytest.mark.parametrize(
    ("source", "emptied"),
    [
        (r"\b(?!(?:the|a)\b)[\w-]+ broke", r"\b(?!)[\w-]+ broke"),
        (r"(?<![\w'])(?:fix|fixed)(?![\w'-])", r"(?<!)(?:fix|fixed)(?!)"),
        (r"a(?=b(?!c))d", r"a(?=)d"),  # the outermost only
        (r"x(?=[)(])y", r"x(?=)y"),  # parentheses in a class are characters
        (r"x(?![^]()])y", r"x(?!)y"),  # "]" first in a class is one too
        (r"x(?!\(\))y", r"x(?!)y"),  # escaped parentheses
        (r"x(?!(a)|b)\1", r"x(?!(a)|b)\1"),  # a group inside is kept: numbers stay
        (r"x(?!(?P<n>a))y", r"x(?!(?P<n>a))y"),
        (r"x(?#(?!ab)y", r"x(?#(?!ab)y"),  # a comment ends at its first ")"
        (r"no lookaround (?:here)", r"no lookaround (?:here)"),
    ],
)
def test_lookaround_bodies_are_emptied(source: str, emptied: str) -> None:
    assert lookarounds_emptied(source) == emptied
    assert _full(source) == _full(emptied)


def test_verbose_patterns_are_parsed_whole() -> None:
    source = "a(?!b # a comment with a ( \n)c"
    assert repr(prep._parse(source, re.VERBOSE)) == repr(prep._parser.parse(source, re.VERBOSE))
    assert repr(prep._parse("(?x)" + source, 0)) == repr(prep._parser.parse("(?x)" + source, 0))


def test_every_lexicon_pattern_requires_what_its_whole_source_does() -> None:
    failure.cues(), concern.taxonomy(), style.cues(), task.taxonomy(), decision.cues()
    keys = list(prep._REQUIREMENTS)
    assert len(keys) > 200
    for source, flags in keys:
        assert prep._clauses(prep._parse(source, flags)) == _full(source, flags), source[:80]
