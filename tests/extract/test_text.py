"""persona6.extract.text: a word alternation grouped by first character matches as a flat one."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from persona6.extract import concern
from persona6.extract import text as tx
from persona6.extract.prep import requirement

# Phrases that share first characters, lengths and prefixes, open with characters regexes
# escape, and hold the letters re.IGNORECASE matches outside ASCII (k, s, i).
TRICKY = ["a", "a b", "ab", "a-b", "abc", "it's", "its", "don't", "do not", "k", "kit", "s"]
TRICKY += ["so", "ski", "i", "i'm", "x y z", "-", "'s", "+1", "c++", "c#", "1st", "2 b"]


def flat_alternation(phrases: Iterable[str]) -> str:
    """The alternation as it was before grouping: every phrase, longest first."""
    parts = sorted({str(p).strip().lower() for p in phrases if str(p).strip()}, key=len)
    escaped = [r"\s+".join(re.escape(w) for w in p.split()) for p in reversed(parts)]
    return r"(?<![\w'’-])(?:" + "|".join(escaped) + r")(?![\w'’-])"


def spans(pattern: str, text: str, flags: int) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text, flags)]


@cache
def lexicon_phrases() -> list[str]:
    cues = [
        cue for entry in tx.load_lexicon("concerns")["concerns"].values() for cue in entry["cues"]
    ]
    return sorted(concern.cue_forms(cues)) + sorted(tx.english_set("subordinators"))


SEPARATORS = [" ", "  ", "\n", ",", ".", "-", "'", "’", "ſ", "K", "ı", "İ", "é"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(TRICKY + SEPARATORS),
            st.sampled_from(TRICKY).map(str.upper),
            st.text(max_size=3),
        ),
        max_size=16,
    ),
    st.sampled_from([0, re.IGNORECASE]),
)
def test_grouped_alternation_matches_what_the_flat_one_matches(pieces, flags) -> None:
    text = "".join(pieces)
    assert spans(tx.word_alternation(TRICKY), text, flags) == spans(
        flat_alternation(TRICKY), text, flags
    )


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 10_000), min_size=1, max_size=12), st.data())
def test_grouped_lexicon_alternations_match_as_flat_ones(picks, data) -> None:
    phrases = lexicon_phrases()
    chosen = [phrases[i % len(phrases)] for i in picks]
    cased = [data.draw(st.sampled_from([p, p.upper(), p.title()])) for p in chosen]
    joints = data.draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(cased)))
    text = "".join(word + joint for word, joint in zip(cased, joints, strict=False))
    grouped, flat = grouped_and_flat()
    assert spans(grouped, text, re.IGNORECASE) == spans(flat, text, re.IGNORECASE)


@cache
def grouped_and_flat() -> tuple[str, str]:
    return tx.word_alternation(lexicon_phrases()), flat_alternation(lexicon_phrases())


def test_phrases_opening_outside_ascii_are_not_grouped() -> None:
    phrases = ["émigré", "élan", "ennui"]
    assert tx.word_alternation(phrases) == flat_alternation(phrases)


def test_no_character_matches_two_lower_case_ascii_characters_ignoring_case() -> None:
    # The premise of the grouping: two groups never both match at one position.
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    seen: dict[str, str] = {}
    for code in range(128):
        key = chr(code)
        if key.isupper():
            continue  # phrases are lower-cased: no group opens with an upper-case letter
        for char in set(re.findall(re.escape(key), everything, re.IGNORECASE)):
            assert seen.setdefault(char, key) == key, (hex(ord(char)), seen[char], key)


def test_the_prefilter_reads_a_grouped_alternation_as_a_flat_one() -> None:
    words = ["cost", "cheap", "price", "budget", "a lot of money"]
    grouped = re.compile(tx.word_alternation(words), re.IGNORECASE)
    assert requirement(grouped) == requirement(re.compile(flat_alternation(words), re.I))
    assert requirement(grouped) == (frozenset({"cost", "cheap", "price", "budget", "money"}),)


def test_a_clause_without_words_after_a_possessive_one_is_no_error() -> None:
    """ "my dog, _": the second clause has no word to join the first by (an IndexError before)."""
    text = "my dog, _"
    first, *_ = tx.clauses(text, tx.Span(0, len(text)))
    assert text[first.start : first.end] == "my dog"
