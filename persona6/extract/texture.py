"""persona6.texture.v2: language texture, a stylometric profile of how a person writes.

One TEXTURE signal per (session, actor): key ``profile`` over the actor's own messages (value
"", ``measure`` = words it rests on, ``vector`` = the profile, evidence = the three longest
messages), and key ``actions`` over the actor's action texts such as shell commands (``measure``
= actions it rests on), which links people who type rather than write.

The profiles are built from raw counts (``TextureCounts``, ``ActionCounts``) that add up, so
identity linking can sum the counts of any set of messages (a session, a person) and normalise
once: ``(a + b).vector()``. ``texture_vector(texts)`` and ``action_vector(texts)`` do it for a
list of texts. ``texture_distance`` compares two message profiles block by block.

``TEXTURE_LAYOUT`` names each dimension of the message profile, in order:

- ``fw:<word>``, 165 dims: count of each function word of ``data/function_words.yaml`` / words.
  A token ending in "n't" counts as ``n't``; another contraction counts as its head ("i'm" -> i).
- ``ng:<bucket>``, 256 dims: character 2-, 3- and 4-grams of the lower-cased text (whitespace
  runs made one space, a space added at each end) hashed with ``zlib.crc32`` into 256 buckets,
  count / all n-grams.
- ``punct:<mark>``, 12 dims: . , ! ? ... ; : - ' " ( ) per character ("..." and "…" count as
  ellipsis only; curly quotes count with straight ones).
- 20 surface dims: case (share of uppercase letters, of messages and sentences starting lower
  case, ALL-CAPS words per word, share of the pronoun I written "i"), rates (emoji, emoticons,
  digits and newlines per character; hedges, politeness markers, apostrophe contractions and
  bare contractions like "dont" per word; lists in ``data/texture.yaml``), lengths (log1p of
  mean and standard deviation of message words and characters, log1p of mean sentence words,
  mean word length) and the type-token ratio (which falls as the sample grows: compare
  profiles over similar amounts of text, or give it little weight).

``ACTION_LAYOUT``: the action profile, in ``texture_actions``.

The counts are in ``texture_counts`` (messages) and ``texture_actions`` (action texts), which
also say how they are made fast.

Changing a word list changes the layout: bump the producer version with it.

v2: the profile is of the person's own words: material they pasted (``text.material_spans``: a
forwarded email and its ``From:``/``Subject:`` header, a line quoted with ">", a code block,
machine output) is cut out of each message before counting, and a message that is pasted
material alone is not counted (``texture_counts.own_texts``); the layout is unchanged.

The profile is for identity linking, not for reading: what a person's writing says to an agent
(lower case, a formal register, another language mixed in) is stated by ``graph/texture.py``
from their messages, with the messages as evidence.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

from persona6.extract.base import is_person_message, registered
from persona6.extract.common import Cite, signal_for, whole_cite
from persona6.extract.texture_actions import (
    ACTION_LAYOUT,
    HEAD_BUCKETS,
    SUB_BUCKETS,
    ActionCounts,
    action_vector,
)
from persona6.extract.texture_counts import (
    EMOJI,
    NGRAM_BUCKETS,
    PUNCTUATION,
    SURFACE,
    TextureCounts,
    function_words,
    own_texts,
)
from persona6.types import Signal, SignalKind, StoredEvent

__all__ = [
    "ACTION_LAYOUT",
    "EMOJI",
    "HEAD_BUCKETS",
    "NAME",
    "NGRAM_BUCKETS",
    "PUNCTUATION",
    "SUB_BUCKETS",
    "SURFACE",
    "TEXTURE_BLOCKS",
    "TEXTURE_LAYOUT",
    "ActionCounts",
    "TextureCounts",
    "TextureExtractor",
    "action_vector",
    "function_words",
    "texture_distance",
    "texture_vector",
]

NAME = "persona6.texture.v2"


def _layout() -> tuple[str, ...]:
    punct = tuple(f"punct:{mark}" for mark in PUNCTUATION)
    ngrams = tuple(f"ng:{b}" for b in range(NGRAM_BUCKETS))
    return tuple(f"fw:{w}" for w in function_words()) + ngrams + punct + SURFACE


TEXTURE_LAYOUT: tuple[str, ...] = _layout()
#: Where each block of the message profile sits: function words, n-grams, the rest.
TEXTURE_BLOCKS: dict[str, slice] = {
    "function_words": slice(0, len(function_words())),
    "char_ngrams": slice(len(function_words()), len(function_words()) + NGRAM_BUCKETS),
    "surface": slice(len(function_words()) + NGRAM_BUCKETS, len(TEXTURE_LAYOUT)),
}


def texture_vector(texts: Sequence[str]) -> NDArray[np.float64]:
    """The message profile of ``texts`` pooled (laid out as ``TEXTURE_LAYOUT``)."""
    return TextureCounts.from_texts(texts).vector()


def _cosine_distance(a: NDArray[np.float64], b: NDArray[np.float64]) -> float:
    norm = float(np.linalg.norm(a) * np.linalg.norm(b))
    return 1.0 - float(a @ b) / norm if norm else (0.0 if not a.any() and not b.any() else 1.0)


def texture_distance(a: ArrayLike, b: ArrayLike) -> float:
    """0 (same texture) to 1: the mean of the cosine distances of the function-word and n-gram
    blocks and the mean Canberra distance of the punctuation and surface dimensions, so that
    no block outweighs another by its scale."""
    x, y = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    words = _cosine_distance(
        x[TEXTURE_BLOCKS["function_words"]], y[TEXTURE_BLOCKS["function_words"]]
    )
    grams = _cosine_distance(x[TEXTURE_BLOCKS["char_ngrams"]], y[TEXTURE_BLOCKS["char_ngrams"]])
    rest = slice(TEXTURE_BLOCKS["char_ngrams"].stop, len(TEXTURE_LAYOUT))
    left, right = x[rest], y[rest]
    scale = np.abs(left) + np.abs(right)
    canberra = np.divide(np.abs(left - right), scale, out=np.zeros_like(scale), where=scale > 0)
    return (words + grams + float(canberra.mean())) / 3.0


def _longest_evidence(events: Sequence[StoredEvent], limit: int = 3) -> list[Cite]:
    ranked = sorted(events, key=lambda e: -len((e.text or "").strip()))[:limit]
    return [span for span in (whole_cite(e) for e in ranked) if span is not None]


@registered
class TextureExtractor:
    name = NAME
    #: Reads the original characters (``extract_session``): how a person types is what it measures.
    reads_typography = True

    def extract(self, session: Sequence[StoredEvent]) -> Iterator[Signal]:
        # One pass sorts the session's messages and action texts by actor.
        messages: dict[str, list[StoredEvent]] = {}
        actions: dict[str, list[StoredEvent]] = {}
        for event in session:
            actor = event.actor
            if not actor or event.type == "identify":
                continue
            messages.setdefault(actor, [])
            actions.setdefault(actor, [])
            if is_person_message(event):
                messages[actor].append(event)
            elif event.type == "action" and (event.text or "").strip():
                actions[actor].append(event)
        for actor, written in messages.items():
            counts = TextureCounts.from_texts(own_texts([e.text or "" for e in written]))
            if counts.words:
                yield _signal(actor, "profile", counts.words, counts.values(), written)
            typed = actions[actor]
            if typed:
                pooled = ActionCounts.from_texts([e.text or "" for e in typed])
                yield _signal(actor, "actions", len(typed), pooled.values(), typed)


#: Values rounded lately, by value: round() is slow, and the same rates (0.0, 1/n of small n,
#: a count of the same total) recur in profile after profile. Bounded.
_ROUNDED: dict[float, float] = {}
_ROUNDED_LIMIT = 1 << 16


def _rounded(vector: Sequence[float]) -> tuple[float, ...]:
    """Each value rounded to 6 digits, so that the stored JSON stays compact (rates differ well
    above 1e-6). round() is slow and a profile holds few distinct values (counts over the same
    total), so each distinct value is rounded once, and remembered (``_ROUNDED``)."""
    known = _ROUNDED
    new = set(vector).difference(known)
    if new:
        if len(known) + len(new) > _ROUNDED_LIMIT:
            known.clear()
            new = set(vector)
        values = list(new)
        known.update(zip(values, map(round, values, [6] * len(values)), strict=True))
    return tuple(map(known.__getitem__, vector))


def _signal(
    actor: str, key: str, measure: int, vector: Sequence[float], events: Sequence[StoredEvent]
) -> Signal:
    return signal_for(
        actor,
        key,
        events,
        _longest_evidence(events),
        producer=NAME,
        kind=SignalKind.TEXTURE,
        measure=float(measure),
        vector=_rounded(vector),
        context={"events": len(events), "dims": len(vector)},
    )
