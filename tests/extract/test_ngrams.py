"""persona6.extract.ngrams: vectorised n-gram buckets equal one zlib.crc32 call per n-gram."""

from __future__ import annotations

import zlib
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from persona6.extract.ngrams import _FEW_WIDE, bucket_counts, bucket_counts_each, crc_bucket


def reference(texts: list[str], buckets: int) -> dict[int, int]:
    found = Counter(
        zlib.crc32(text[i : i + n].encode("utf-8")) % buckets
        for text in texts
        for n in (2, 3, 4)
        for i in range(len(text) - n + 1)
    )
    return dict(found)


# Any character but lone surrogates, which no text can hold once encoded.
CHARACTERS = st.characters(blacklist_categories=("Cs",))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(CHARACTERS, max_size=12), max_size=6), st.sampled_from([256, 64, 7]))
def test_buckets_equal_a_crc32_per_ngram(texts: list[str], buckets: int) -> None:
    assert bucket_counts(texts, buckets) == reference(texts, buckets)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(st.sampled_from("ab .é😀"), max_size=20), max_size=6))
def test_mostly_ascii_texts_with_a_few_wide_characters(texts: list[str]) -> None:
    assert bucket_counts(texts, 256) == reference(texts, 256)


def test_many_wide_characters_take_the_bulk_path() -> None:
    texts = ["Привет, как дела? " * 3, "日本語のテキスト", "mixed ascii 😀 and ЖЖ"]
    assert sum(len(t) - len(t.encode("ascii", "ignore")) for t in texts) > _FEW_WIDE
    assert bucket_counts(texts, 256) == reference(texts, 256)


def test_ngrams_never_span_two_texts() -> None:
    assert bucket_counts(["ab", "cd"], 256) == reference(["ab", "cd"], 256)
    assert sum(bucket_counts(["ab", "cd"], 256).values()) == 2


def test_crc_bucket_is_zlib_crc32_of_the_utf8_bytes() -> None:
    assert crc_bucket("git", 128) == zlib.crc32(b"git") % 128


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.sampled_from("ab .é😀Ж"), max_size=20), max_size=6))
def test_counts_of_each_text_are_its_own(texts: list[str]) -> None:
    rows = bucket_counts_each(texts, 64)
    assert rows.shape == (len(texts), 64)
    for text, row in zip(texts, rows, strict=True):
        assert {b: int(n) for b, n in enumerate(row) if n} == reference([text], 64)
