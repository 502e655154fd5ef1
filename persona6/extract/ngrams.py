"""Character n-gram buckets of many texts at once, for the texture profile of texture.v1.

``bucket_counts(texts, buckets)`` counts, over every 2-, 3- and 4-gram of every text, the bucket
``zlib.crc32(gram.encode("utf-8")) % buckets``: exactly what a loop of ``zlib.crc32`` calls
gives (``tests/extract/test_ngrams.py`` checks it on arbitrary Unicode), but as a few dozen
numpy operations over all the texts of an actor joined, instead of one Python call per n-gram
(some five hundred per message). ``bucket_counts_each`` gives the same counts for each text
apart, in the same pass (the texture profile remembers each text's counts).

How: CRC-32 is a byte-at-a-time table recurrence, so the CRC states of all n-gram starts
advance together, one character (its UTF-8 bytes) per step; after n characters, the state at
each start is the CRC of the n-gram beginning there. N-grams that would run past the end of
their own text are counted in a spare bucket that is dropped.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

SIZES = (2, 3, 4)
#: The sizes as a column, against each start's characters left in its text.
_SIZE_COLUMN = np.array(SIZES, dtype=np.intp)[:, None]
_ONES = np.uint32(0xFFFFFFFF)
#: Above this many non-ASCII characters, hashing their n-grams one by one costs more than the
#: vectorised UTF-8 recurrence (each such character is in up to nine n-grams; measured).
_FEW_WIDE = 16


def _crc_table() -> NDArray[np.uint32]:
    # The reflected CRC-32 of zlib (polynomial 0xEDB88320), one entry per byte value.
    table = np.arange(256, dtype=np.uint32)
    for _ in range(8):
        table = np.where(table & 1, (table >> 1) ^ np.uint32(0xEDB88320), table >> 1)
    return table.astype(np.uint32)


_TABLE = _crc_table()


def _step(state: NDArray[np.uint32], byte: NDArray[np.uint32]) -> NDArray[np.uint32]:
    return _TABLE[(state ^ byte) & 0xFF] ^ (state >> 8)


def _pair_table() -> NDArray[np.uint32]:
    # The state after two ASCII bytes, indexed by first * 256 + second: one gather, two steps.
    first = np.repeat(np.arange(256, dtype=np.uint32), 256)
    second = np.tile(np.arange(256, dtype=np.uint32), 256)
    return _step(_step(np.full(256 * 256, _ONES, dtype=np.uint32), first), second)


_PAIRS = _pair_table()


def _utf8(points: NDArray[np.uint32]) -> tuple[NDArray[np.uint32], NDArray[np.intp]]:
    """The UTF-8 bytes of each code point (four columns, unused ones 0) and their count."""
    widths = 1 + (points >= 0x80) + (points >= 0x800) + (points >= 0x10000)
    rows = np.zeros((len(points), 4), dtype=np.uint32)
    for width, lead in ((1, 0x00), (2, 0xC0), (3, 0xE0), (4, 0xF0)):
        chosen = np.flatnonzero(widths == width)
        code = points[chosen]
        rows[chosen, 0] = lead | (code >> (6 * (width - 1)))
        for byte in range(1, width):
            rows[chosen, byte] = 0x80 | ((code >> (6 * (width - 1 - byte))) & 0x3F)
    return rows, widths.astype(np.intp)


def _states_unicode(joined: str, total: int) -> list[NDArray[np.uint32]]:
    """CRC states after 1..4 characters from every start, any code points."""
    points = np.zeros(total + 3, dtype=np.uint32)
    # utf-32 refuses lone surrogates, as the utf-8 encoding of a gram would.
    points[:total] = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    rows, widths = _utf8(points)
    # Characters with a second, third, fourth byte: few, so those bytes are applied sparsely.
    longer = [np.flatnonzero(widths > byte) for byte in range(1, 4)]
    state = np.full(total, _ONES, dtype=np.uint32)
    found = []
    for step in range(4):
        state = _step(state, rows[step : step + total, 0])
        for byte, where in enumerate(longer, start=1):
            starts = where - step
            starts = starts[(starts >= 0) & (starts < total)]
            if len(starts):
                state[starts] = _step(state[starts], rows[starts + step, byte])
        found.append(state)
    return found


def bucket_counts(texts: Sequence[str], buckets: int) -> dict[int, int]:
    """How many 2-, 3- and 4-grams of the texts fall in each bucket (buckets with none left
    out)."""
    if not texts:
        return {}
    counts = bucket_counts_each(texts, buckets).sum(axis=0)
    found = np.flatnonzero(counts)
    return dict(zip(found.tolist(), counts[found].tolist(), strict=True))


def bucket_counts_each(texts: Sequence[str], buckets: int) -> NDArray[np.int64]:
    """``bucket_counts`` of each text, in one pass over all of them: row i holds the count of
    each bucket (all of them, zeros too) among the n-grams of ``texts[i]``."""
    joined = "".join(texts)
    total = len(joined)
    lengths = np.array([len(text) for text in texts], dtype=np.intp)
    if not total:
        return np.zeros((len(texts), buckets), dtype=np.int64)
    # The text each position belongs to, and the characters left in it from there: an
    # n-gram must not span two texts.
    owner = np.repeat(np.arange(len(texts), dtype=np.intp), lengths)
    left = np.repeat(np.cumsum(lengths), lengths) - np.arange(total)
    data = np.zeros(total + 3, dtype=np.uint32)
    wide_before = None
    if joined.isascii():
        data[:total] = np.frombuffer(joined.encode("ascii"), dtype=np.uint8)
    else:
        # utf-32 refuses lone surrogates, as the utf-8 encoding of a gram would.
        points = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        wide = points >= 0x80
        if np.count_nonzero(wide) > _FEW_WIDE:  # a non-Latin script: hash bytes in bulk
            states = _states_unicode(joined, total)[1:]
            return _count(states, left, owner, len(texts), buckets)
        # Mostly ASCII: hash as ASCII, then redo the few n-grams holding a wider character.
        data[:total] = np.where(wide, 0, points)
        wide_before = np.concatenate(([0], np.cumsum(wide), np.full(3, np.count_nonzero(wide))))
    two = _PAIRS[(data[:total] << 8) | data[1 : total + 1]]
    three = _step(two, data[2 : total + 2])
    states = [two, three, _step(three, data[3 : total + 3])]
    redo: list[tuple[int, int]] = []
    if wide_before is not None:
        for size in SIZES:
            spans_wide = wide_before[size : size + total] > wide_before[:total]
            starts = np.flatnonzero(spans_wide & (left >= size))
            redo += [(start, size) for start in starts.tolist()]
    counts = _count(states, left, owner, len(texts), buckets, skip=redo)
    for start, size in redo:
        counts[owner[start], crc_bucket(joined[start : start + size], buckets)] += 1
    return counts


def _count(
    states: Sequence[NDArray[np.uint32]],
    left: NDArray[np.intp],
    owner: NDArray[np.intp],
    texts: int,
    buckets: int,
    skip: Sequence[tuple[int, int]] = (),
) -> NDArray[np.int64]:
    """Bucket counts of the n-gram CRC states (one array per size) per text (``owner`` of
    each start), leaving out n-grams that run past their text and the (start, size) pairs in
    ``skip``."""
    # All sizes at once, one row each: a bucket per start, the spare one where the n-gram
    # runs past its text or is to be skipped; then each text's buckets offset to its own row.
    stacked = np.stack(states)
    bucket = np.where(left >= _SIZE_COLUMN, (stacked ^ _ONES) % buckets, np.uint32(buckets))
    if skip:
        starts, sizes = np.array(skip, dtype=np.intp).T
        bucket[sizes - SIZES[0], starts] = buckets
    picked = bucket + owner * (buckets + 1)  # each text's counts, and its spare bucket last
    counts = np.bincount(picked.ravel(), minlength=texts * (buckets + 1))
    return counts.reshape(texts, buckets + 1)[:, :buckets].astype(np.int64, copy=False)


def crc_bucket(text: str, buckets: int) -> int:
    """The bucket of one string: ``zlib.crc32`` of its UTF-8 bytes modulo ``buckets``."""
    # crc32, not hash(): Python salts str hashes per process, and profiles are stored.
    return zlib.crc32(text.encode("utf-8")) % buckets
