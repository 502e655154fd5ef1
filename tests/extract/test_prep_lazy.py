"""persona6.extract.prep.LazyPattern: compiled on first search, read by a CueList uncompiled."""

from __future__ import annotations

import re

from persona6.extract import concern, failure, style
from persona6.extract.prep import CueList, LazyPattern, Prepared, requirement

TEXTS = [
    "I'm worried the app will leak my data.",
    "How much is it? It looks expensive, I spent 340 on it.",
    "sorry, that didn't work, I'll call support instead",
    "",
    "İstanbul ſtore KELVIN",
]


def test_a_lazy_pattern_searches_as_the_compiled_one() -> None:
    source = r"\b(?:cost|price)s?\b"
    lazy, compiled = LazyPattern(source, re.IGNORECASE), re.compile(source, re.IGNORECASE)
    text = "The price, the COSTS and the prices."
    for args in [(text,), (text, 5), (text, 5, 20), (text, 30, 10)]:
        found = lazy.search(*args)
        assert (found and found.span()) == ((m := compiled.search(*args)) and m.span())
        found = lazy.match(*args)
        assert (found and found.span()) == ((m := compiled.match(*args)) and m.span())
        assert [m.span() for m in lazy.finditer(*args)] == [
            m.span() for m in compiled.finditer(*args)
        ]
    assert lazy.compiled() is lazy.compiled()


def test_a_lazy_pattern_requires_what_its_compiled_pattern_does() -> None:
    lists = [style.cues().scan, failure.cues().user_reports, failure.cues().escalate]
    lazy = [p for cues in lists for p in cues.patterns]
    lazy += [c.cues for c in concern.taxonomy().concerns]
    lazy += [c.context for c in concern.taxonomy().concerns if c.context is not None]
    assert lazy and all(isinstance(p, LazyPattern) for p in lazy)
    for pattern in lazy:
        assert requirement(pattern) == requirement(re.compile(pattern.pattern, pattern.flags))


def test_a_cue_list_compiles_only_the_patterns_a_text_may_match() -> None:
    sources = [r"\bsorry\b", r"\bcall\s+support\b", r"\bexpensive\b", r"[a-z]+!"]
    lazy = CueList(LazyPattern(s, re.IGNORECASE) for s in sources)
    compiled = CueList(re.compile(s, re.IGNORECASE) for s in sources)
    text = Prepared("sorry, I'll call support")
    assert [p.pattern for p in lazy.candidates(text)] == [
        p.pattern for p in compiled.candidates(text)
    ]
    assert all(isinstance(p, re.Pattern) for p in lazy.candidates(text))
    assert [p._compiled is not None for p in lazy.patterns] == [True, True, False, True]
    for text in map(Prepared, TEXTS):
        assert lazy.positions(text) == compiled.positions(text)
        assert lazy.search(text) == compiled.search(text)
