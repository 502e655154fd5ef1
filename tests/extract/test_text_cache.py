"""persona6.extract.text: the shared, cached readings give what reading afresh gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from persona6.extract import text as tx

PIECES = ["I", "don't", "soooo", "love", "’re", "'", "-", "tea", " ", ",", ".", "\n", "x-y", "2"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=14),
    st.integers(-2, 60),
    st.integers(-2, 60),
)
def test_words_of_a_part_are_those_a_scan_of_the_part_finds(pieces, start, end) -> None:
    text = "".join(pieces)
    assert tx.tokens(text, start, end) == tx._part_tokens(text, start, end)
    assert tx.tokens(text) == tx._part_tokens(text, 0, len(text))


def test_cached_sentences_and_clauses_are_copies() -> None:
    text = "I love tea, but I hate coffee. Do you?"
    first = tx.sentences(text)
    first.append(tx.Span(0, 1))
    assert tx.sentences(text) == first[:-1]
    parts = tx.clauses(text, first[0])
    parts.clear()
    assert tx.clauses(text, first[0])
