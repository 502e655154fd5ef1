"""persona6.texture.v2 made cheaper (session 17) without changing its output: each fast path
gives, value for value (compared by repr, so 0.0 and -0.0 differ), what the straightforward
computation gives on generated texts and counts."""

from __future__ import annotations

import math
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from persona6.extract import texture, texture_counts
from persona6.extract.texture import ActionCounts, TextureCounts
from persona6.extract.texture_actions import HEAD_BUCKETS, SUB_BUCKETS
from persona6.extract.texture_counts import (
    _JOIN,
    _WORD,
    NGRAM_BUCKETS,
    _lexicon,
    _phrases,
    function_words,
)

#: Hedges and politeness markers in several casings, and characters that Unicode case folding
#: matches to ASCII letters ("ſ" ~ "s", "K" (Kelvin) ~ "k", "ı"/"İ" near "i"), emoji, curly
#: apostrophes: where a lower-cased search could part from the case-blind one.
PIECES = [
    "maybe",
    "MAYBE",
    "Maybe",
    "ſorta",
    "I think",
    "i  think",
    "please",
    "PLEASE",
    "Thanks",
    "thank you",
    "Kind regards",
    "Kind regards",
    "not sure",
    "ı think",
    "İ think",
    "kinda",
    "😀",
    "’",
    "'",
    "-",
    " ",
    "\n",
    ". ",
    "é",
]
TEXTS = st.lists(
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=8).map("".join),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_word_list_matches_equal_the_case_blind_search_of_all_texts(texts: list[str]) -> None:
    per_text = [_WORD.findall(text) for text in texts]
    types = {t.lower().replace("’", "'") for tokens in per_text for t in tokens}
    for key in ("hedges", "politeness"):
        expected = len(_lexicon()[key].findall(_JOIN.join(texts))) if texts else 0
        assert _phrases(key, texts, per_text, types) == expected, (key, texts)


def _reference_values(counts: TextureCounts) -> list[float]:
    """The function-word and n-gram blocks as texture.v2 first computed them."""
    words = counts.counts["words"]
    fw = [counts.function_words.get(w, 0) / words if words else 0.0 for w in function_words()]
    total = sum(counts.ngrams.values())
    grams = [counts.ngrams.get(b, 0) / total if total else 0.0 for b in range(NGRAM_BUCKETS)]
    return fw + grams


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_profile_blocks_equal_the_division_of_every_dimension(texts: list[str]) -> None:
    counts = TextureCounts.from_texts(texts)
    head = len(function_words()) + NGRAM_BUCKETS
    assert repr(counts.values()[:head]) == repr(_reference_values(counts))


def test_counts_put_in_by_hand_with_unknown_keys_are_left_out_as_before() -> None:
    counts = TextureCounts.from_texts(["the cat and the hat"])
    odd = TextureCounts(
        counts.counts,
        counts.function_words + texture_counts.Counter({"zebra": 2}),
        counts.ngrams + texture_counts.Counter({NGRAM_BUCKETS + 3: 1, -1: 2}),
        counts.types,
    )
    head = len(function_words()) + NGRAM_BUCKETS
    assert repr(odd.values()[:head]) == repr(_reference_values(odd))


def _reference_action_values(counts: ActionCounts) -> list[float]:
    n = counts.counts["actions"]
    heads = [counts.heads.get(b, 0) / n if n else 0.0 for b in range(HEAD_BUCKETS)]
    return heads + [counts.subs.get(b, 0) / n if n else 0.0 for b in range(SUB_BUCKETS)]


COMMANDS = st.lists(
    st.one_of(
        st.sampled_from(["ls -la", "git push --force", "A=1 make -j4", "cat x | wc", "ls -la"]),
        st.text(max_size=10),
    ),
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(COMMANDS)
def test_action_profile_equals_the_sum_of_each_command_retyped_or_not(texts: list[str]) -> None:
    reference = sum((ActionCounts.from_text(text) for text in texts), ActionCounts())
    pooled = ActionCounts.from_texts(texts + texts[:2])  # some commands typed again
    again = sum((ActionCounts.from_text(text) for text in texts[:2]), reference)
    assert pooled == again
    assert repr(pooled.values()) == repr(again.values())
    size = HEAD_BUCKETS + SUB_BUCKETS
    assert repr(pooled.values()[:size]) == repr(_reference_action_values(pooled))


FLOATS = st.lists(
    st.one_of(
        # No -0.0: profiles hold none (every count is >= 0), and a set takes it for 0.0.
        st.floats(allow_nan=False, allow_infinity=False).filter(
            lambda v: v != 0 or math.copysign(1.0, v) > 0
        ),
        st.integers(0, 50).map(lambda k: k / 7),
        st.floats(0, 10).map(math.log1p),
        st.just(0.0),
    ),
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(FLOATS, max_size=4))
def test_rounded_values_equal_round_to_six_digits_remembered_or_not(vectors) -> None:  # type: ignore[no-untyped-def]
    for vector in vectors:
        assert repr(texture._rounded(vector)) == repr(tuple(round(v, 6) for v in vector))


def test_remembered_rounding_is_bounded_and_stays_exact(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(texture, "_ROUNDED_LIMIT", 4)
    texture._ROUNDED.clear()
    for k in range(1, 40):
        vector = [j / k for j in range(k)]
        assert texture._rounded(vector) == tuple(round(v, 6) for v in vector)
        assert len(texture._ROUNDED) <= max(4, k)
    texture._ROUNDED.clear()


def test_the_case_blind_pattern_is_the_lower_case_one_ignoring_case() -> None:
    """What _phrases rests on: the ``_lower`` patterns are the case-blind ones without the
    flag (so on ASCII text lower-cased they find the same)."""
    for key in ("hedges", "politeness"):
        blind, lower = _lexicon()[key], _lexicon()[f"{key}_lower"]
        assert blind.pattern == lower.pattern
        assert blind.flags & re.IGNORECASE and not lower.flags & re.IGNORECASE


def test_remembered_tokens_give_the_counts_of_fresh_ones(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Each text's word tokens are remembered (bounded): a text read before, twice in one call,
    or again after the memory was cleared counts the same as read fresh."""
    texts = ["Hello there, maybe!", "ok", "Hello there, maybe!", "naïve café please", "", "I'm ok"]
    fresh = [
        sum((TextureCounts.from_text(t) for t in texts[:n]), TextureCounts()) for n in range(1, 7)
    ]
    monkeypatch.setattr(texture_counts, "_TOKENS_LIMIT", 2)
    for _ in range(2):
        texture_counts._TOKENS.clear()
        for n in range(1, len(texts) + 1):
            pooled = TextureCounts.from_texts(texts[:n])
            assert pooled == fresh[n - 1]
            assert repr(pooled.values()) == repr(fresh[n - 1].values())
            assert len(texture_counts._TOKENS) <= 2
    texture_counts._TOKENS.clear()


EMOTICON_TEXTS = st.lists(
    st.lists(
        st.one_of(
            st.sampled_from(
                [":)", ":-)", "xD", "XD", "<3", "^_^", "-_-", "T_T", ":'(", "x", "D", "T", "_"]
            ),
            st.sampled_from(["-", "'", " ", "\n", "...", "…", "..", ".", "....", "ok", ":"]),
            st.text(max_size=3),
        ),
        max_size=8,
    ).map("".join),
    max_size=5,
)


@settings(max_examples=300, deadline=None)
@given(EMOTICON_TEXTS)
def test_emoticons_and_ellipses_equal_the_search_of_every_text(texts: list[str]) -> None:
    counts = TextureCounts.from_texts(texts).counts
    joined = _JOIN.join(texts)
    assert counts["emoticons"] == len(_lexicon()["emoticons"].findall(joined))
    assert counts["punct:..."] == len(texture_counts._ELLIPSIS.findall(joined))
    assert counts == sum((TextureCounts.from_text(t) for t in texts), TextureCounts()).counts


def test_every_emoticon_holds_one_of_the_markers_searched_for() -> None:
    from persona6.extract.text import load_lexicon

    markers = texture_counts._emoticon_markers()
    for emoticon in load_lexicon("texture")["emoticons"]:
        assert any(marker in str(emoticon) for marker in markers), emoticon
        # ... and is counted where it stands, as the search of every text counts it
        texts = [f"ok {emoticon} ok", str(emoticon)]
        expected = len(_lexicon()["emoticons"].findall(_JOIN.join(texts)))
        assert expected == 2, emoticon
        assert TextureCounts.from_texts(texts).counts["emoticons"] == expected, emoticon
